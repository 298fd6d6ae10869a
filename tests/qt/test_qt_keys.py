"""The start-up path names no value of the `Qt` namespace (qt/qt_keys.py): the window still
gets every orientation, style, policy, role and shortcut it asked for, and a fresh process that
shows the window, on a file or on the start page, has not built the namespace's enums."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFormLayout, QSplitter

from govopen_desktop.qt.actions import key_sequences
from govopen_desktop.qt.forms import _enum_setters_by_key
from govopen_desktop.qt.qt_keys import FINDING_ROLE, PAGE_ROLE, PATH_ROLE, set_by_key
from tests.support.paths import REPO, SAMPLE

SHOW_WINDOW = """
import sys
from pathlib import Path
import PySide6.QtCore
from govopen_desktop.qt.app import QApplication, show_then_check, start_window
window, opened = start_window(Path(sys.argv[1]) if len(sys.argv) > 1 else None)
assert opened
show_then_check(window)
QApplication.processEvents()
print("built" if "Qt" in vars(PySide6.QtCore) else "not built")
window.document.undo_stack.setClean()
"""


def test_roles_are_the_user_roles() -> None:
    user_role = Qt.ItemDataRole.UserRole.value
    assert (user_role, user_role, user_role + 1) == (PAGE_ROLE, PATH_ROLE, FINDING_ROLE)


def test_a_property_by_key_and_a_wrong_key(qapp: Any) -> None:
    splitter = QSplitter()
    set_by_key(splitter, "orientation", "Vertical")
    assert splitter.orientation() == Qt.Orientation.Vertical
    form = QFormLayout()
    set_by_key(form, "labelAlignment", "AlignRight|AlignVCenter")
    assert form.labelAlignment() == Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    with pytest.raises(ValueError, match="Vertcal"):
        set_by_key(splitter, "orientation", "Vertcal")
    with pytest.raises(ValueError, match="no_such_property"):
        set_by_key(splitter, "no_such_property", "Vertical")
    assert splitter.orientation() == Qt.Orientation.Vertical


def test_key_sequences_as_the_constructor_makes_them(qapp: Any) -> None:
    keys = QKeySequence.StandardKey
    assert key_sequences(keys.Save) == [QKeySequence(keys.Save)]
    assert key_sequences("Ctrl+Y", keys.Redo, None) == [QKeySequence("Ctrl+Y"), QKeySequence(keys.Redo)]
    sequence = QKeySequence("F8")
    assert key_sequences(sequence) == [sequence]


def test_the_window_has_what_it_set_by_key(window: Any) -> None:
    assert window.split.orientation() == Qt.Orientation.Vertical
    toolbar = window.findChild(type(window.addToolBar("x")), "mainToolbar")
    assert toolbar.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon
    for action in (window.act_copy, window.act_paste, window.act_cut, window.act_select_all):
        assert action.shortcutContext() == Qt.ShortcutContext.WidgetWithChildrenShortcut
    assert window.findings_panel.tree.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu
    cover = window.show_section("cover")
    form = cover.findChild(QFormLayout, "form")
    assert form is not None and form.labelAlignment() == Qt.AlignmentFlag.AlignRight
    keys = QKeySequence.StandardKey
    assert window.act_save.shortcuts() == [QKeySequence(keys.Save)]
    assert window.act_redo.shortcuts() == [QKeySequence("Ctrl+Y"), QKeySequence(keys.Redo)]
    assert window.act_find.shortcuts() == [QKeySequence(keys.Find), QKeySequence("Ctrl+H")]
    assert window.act_help.shortcuts() == [QKeySequence("F1")]
    assert window.act_quit.shortcuts() == [QKeySequence("Ctrl+Q")]
    assert window.navigator.item(0).data(Qt.ItemDataRole.UserRole) == "cover"


def test_the_compiled_form_sets_qt_enums_by_key() -> None:
    body = ("        self.form.setLabelAlignment(Qt.AlignRight|Qt.AlignVCenter)\n"
            "        self.box.setAlignment(Qt.AlignmentFlag.AlignLeft)\n"
            "        self.split = QSplitter(Qt.Horizontal)\n")
    assert _enum_setters_by_key(body) == (
        '        self.form.setProperty("labelAlignment", "AlignRight|AlignVCenter")\n'
        '        self.box.setProperty("alignment", "AlignLeft")\n'
        "        self.split = QSplitter(Qt.Horizontal)\n")


@pytest.mark.parametrize("on_file", [True, False], ids=["on the sample", "on the start page"])
def test_start_up_builds_no_qt_namespace(tmp_path: Path, on_file: bool) -> None:
    if on_file and not SAMPLE.exists():
        pytest.skip("the shipped sample report is missing")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", GOVOPEN_DATA_DIR=str(tmp_path / "data"),
               PYTHONPATH=str(REPO))
    argv = [sys.executable, "-c", SHOW_WINDOW, *([str(SAMPLE)] if on_file else [])]
    done = subprocess.run(argv, env=env, cwd=REPO, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().splitlines()[-1:] == ["not built"], \
        "a module on the start-up path names the Qt namespace; see qt/qt_keys.py"
