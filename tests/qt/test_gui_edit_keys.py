"""Spreadsheet keys in the real grid: arrows finish typing (Excel's 输入 mode), F2 and a
double-click edit inside the text (编辑 mode), a refused value stays at the cell with its reason,
Esc restores, a grey total says why it cannot be typed."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from tests.support.gui import FakePrompter, filled_report, make_window


@pytest.fixture
def win(qtbot: Any, gui_env: Any, prompter: FakePrompter) -> Any:
    window = make_window(qtbot, gui_env, prompter, filled_report())
    yield window
    window.document.undo_stack.setClean()


def editor_after(qtbot: Any) -> QLineEdit:
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit)
                    and QApplication.focusWidget().objectName() == "cellEditor")
    widget = QApplication.focusWidget()
    assert isinstance(widget, QLineEdit)
    return widget


def start_typing(qtbot: Any, view: Any, index: Any, first: str) -> QLineEdit:
    view.setFocus()
    view.setCurrentIndex(index)
    qtbot.keyClicks(view, first)
    return editor_after(qtbot)


def test_right_arrow_commits_what_was_typed_and_moves(qtbot: Any, win: Any) -> None:
    page = win.show_section("t3")
    model, view = page.model, page.view
    report = win.document.report
    editor = start_typing(qtbot, view, model.index_of("t3.new.natural"), "8")
    qtbot.keyClick(editor, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: view.currentIndex() == model.index_of("t3.new.commercial"))
    assert report.get("t3.new.natural") == 8
    editor = start_typing(qtbot, view, view.currentIndex(), "0")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: report.get("t3.new.commercial") == 0 and view.state() != view.State.EditingState)
    assert report.get("t3.new.natural") == 8  # not 80
    assert view.currentIndex() == model.index_of("t3.carried_in.commercial")


@pytest.mark.parametrize(
    ("key", "modifier", "moved_to"),
    [
        (Qt.Key.Key_Left, Qt.KeyboardModifier.NoModifier, "t3.new.natural"),
        (Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier, "t3.new.research"),
        (Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier, "t3.new.natural"),
        (Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier, None),  # up: no input cell above
        (Qt.Key.Key_Down, Qt.KeyboardModifier.NoModifier, "t3.carried_in.commercial"),
    ],
)
def test_every_commit_key_commits_and_moves(qtbot: Any, win: Any, key: Qt.Key, modifier: Any,
                                            moved_to: str | None) -> None:
    page = win.show_section("t3")
    model, view = page.model, page.view
    start = model.index_of("t3.new.commercial")
    editor = start_typing(qtbot, view, start, "5")
    qtbot.keyClick(editor, key, modifier)
    qtbot.waitUntil(lambda: win.document.report.get("t3.new.commercial") == 5)
    expected = model.index_of(moved_to) if moved_to else start
    qtbot.waitUntil(lambda: view.currentIndex() == expected)


def test_f2_edits_inside_the_text_where_arrows_move_the_caret(qtbot: Any, win: Any) -> None:
    page = win.show_section("t3")
    model, view = page.model, page.view
    report = win.document.report
    index = model.index_of("t3.new.natural")  # holds 10
    view.setFocus()
    view.setCurrentIndex(index)
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = editor_after(qtbot)
    assert editor.text() == "10"
    qtbot.keyClick(editor, Qt.Key.Key_End)
    qtbot.keyClick(editor, Qt.Key.Key_Left)  # caret between 1 and 0
    qtbot.keyClicks(editor, "5")
    qtbot.keyClick(editor, Qt.Key.Key_Right)  # still editing
    assert view.state() == view.State.EditingState and view.currentIndex() == index
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: report.get("t3.new.natural") == 150)


def test_double_click_edits_inside_the_text(qtbot: Any, win: Any) -> None:
    page = win.show_section("t3")
    model, view = page.model, page.view
    index = model.index_of("t3.new.natural")
    rect = view.visualRect(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    editor = editor_after(qtbot)
    qtbot.keyClick(editor, Qt.Key.Key_Left)
    assert view.state() == view.State.EditingState and view.currentIndex() == index
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert win.document.report.get("t3.new.natural") == 10


@pytest.mark.parametrize(("typed", "reason"), [("abc", "不是数字"), ("-3", "负数"), ("1.5", "整数")])
def test_a_refused_value_keeps_the_editor_open_with_the_reason_at_the_cell(qtbot: Any, win: Any, typed: str,
                                                                          reason: str) -> None:
    page = win.show_section("t3")
    model, view = page.model, page.view
    report = win.document.report
    index = model.index_of("t3.new.legal")
    old = report.get("t3.new.legal")
    editor = start_typing(qtbot, view, index, typed[0])
    qtbot.keyClicks(editor, typed[1:])
    qtbot.keyClick(editor, Qt.Key.Key_Right)
    assert view.state() == view.State.EditingState and view.currentIndex() == index
    assert QApplication.focusWidget() is editor and editor.text() == typed
    balloon = view.balloon
    assert balloon.isVisible() and reason in balloon.text()
    cell = view.visualRect(index)
    assert abs(balloon.geometry().top() - cell.bottom()) < 8 or balloon.geometry().bottom() <= cell.top()
    assert reason in win.statusBar().currentMessage()
    assert report.get("t3.new.legal") == old
    # Esc: the old value is back and the balloon goes
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: view.state() != view.State.EditingState)
    assert model.index_of("t3.new.legal").data() == str(old) and not balloon.isVisible()
    assert win.document.undo_stack.count() == 0


def test_a_refused_value_can_be_corrected_in_place(qtbot: Any, win: Any) -> None:
    page = win.show_section("t3")
    model, view = page.model, page.view
    editor = start_typing(qtbot, view, model.index_of("t3.new.legal"), "x")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert view.state() == view.State.EditingState
    qtbot.keyClicks(editor, "7")  # the refused text was selected: typing replaces it
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.document.report.get("t3.new.legal") == 7)


def test_typing_into_a_grey_total_says_why(qtbot: Any, win: Any) -> None:
    page = win.show_section("t3")
    model, view = page.model, page.view
    report = win.document.report
    index = model.index_of("t3.new.total")
    before = report.get("t3.new.total")
    view.setFocus()
    view.setCurrentIndex(index)
    qtbot.keyClicks(view, "5")
    assert view.state() != view.State.EditingState
    assert view.balloon.isVisible()
    assert "自动计算" in view.balloon.text() and "不能直接填写" in view.balloon.text()
    assert "自然人" in view.balloon.text()
    assert "不能直接填写" in win.statusBar().currentMessage()
    assert report.get("t3.new.total") == before
