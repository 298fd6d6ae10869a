"""The window's colours for the levels of a finding (错误/警告/提示), in one place: a cell's
background and frame, the findings list, the status counts, messages in dialogs, the icons and
the help page all take them from here."""

from __future__ import annotations

from PySide6.QtGui import QColor

from govopen_desktop.domain.findings import Level

LEVEL_BG = {Level.ERROR: QColor("#f9d6d5"), Level.WARNING: QColor("#fdefc8"), Level.INFO: QColor("#e3eefb")}
LEVEL_TEXT = {Level.ERROR: QColor("#b3261e"), Level.WARNING: QColor("#8a5a00"), Level.INFO: QColor("#1f5b99")}
LEVEL_BORDER = {Level.ERROR: QColor("#d9534f"), Level.WARNING: QColor("#e0a100")}  # a cell's frame
BALLOON_BORDER = {Level.ERROR: LEVEL_BORDER[Level.ERROR], Level.WARNING: QColor("#c99a2e")}  # a refused value's note
LEVEL_MARK = {Level.ERROR: QColor("#d23f31"), Level.WARNING: QColor("#e0a100"), Level.INFO: QColor("#3b7dd8")}  # icons
OK_TEXT = QColor("#2e5d34")  # nothing wrong, or a warning explained


def text_style(colour: QColor) -> str:
    """A style sheet giving a label's text the colour."""
    return f"color: {colour.name()};"


def level_tokens(html: str) -> str:
    """The help page's `$level-bg-error` … replaced by the colours the window uses."""
    for level, colour in LEVEL_BG.items():
        html = html.replace(f"$level-bg-{level.value}", colour.name())
    return html
