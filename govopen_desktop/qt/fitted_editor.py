"""A small plain-text box as high as its text: one line when empty, growing line by line as the
text wraps, up to a limit (then it scrolls). A table's note stays out of the grid's way on a
768-pixel screen and still shows what was written."""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QPlainTextEdit

from govopen_desktop.qt.qt_keys import set_by_key

_RESTYLED = (QEvent.Type.Polish, QEvent.Type.FontChange, QEvent.Type.StyleChange, QEvent.Type.Show)


class _LineFitter(QObject):
    """Refits the box when its text or wrapping changes, and when the style sheet gives it its
    font and padding (they are not known before the box is polished)."""

    def __init__(self, editor: QPlainTextEdit, most: int) -> None:
        super().__init__(editor)
        self.editor = editor
        self.most = most
        self.layout = editor.document().documentLayout()
        self.layout.documentSizeChanged.connect(lambda _size: self.fit())
        editor.installEventFilter(self)
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.editor and event.type() in _RESTYLED:
            self.fit()
        return False

    def fit(self) -> None:
        editor = self.editor
        # a plain-text layout measures the document in lines
        needed = math.ceil(self.layout.documentSize().height())
        lines = max(1, min(self.most, needed))
        # the whole text shown: no scroll bar (Qt shows one for the last line's rounding)
        set_by_key(editor, "verticalScrollBarPolicy",
                   "ScrollBarAlwaysOff" if needed <= self.most else "ScrollBarAsNeeded")
        margins = editor.contentsMargins()  # the frame and the style sheet's padding
        chrome = 2 * editor.document().documentMargin() + margins.top() + margins.bottom()
        editor.setFixedHeight(math.ceil(lines * editor.fontMetrics().lineSpacing() + chrome))


def fit_to_lines(editor: QPlainTextEdit, most: int) -> None:
    """Keep `editor` one to `most` lines high, as its text needs."""
    _LineFitter(editor, most)
