# ruff: noqa: F811  (pytest fixtures imported from tests/gui_helpers.py are used as arguments)
"""The 编辑 menu in the real window: 填充空白为 0, 剪切/复制/粘贴/全选, 查找/替换; and the window
title and cover following the agency and year at once."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence

from govopen_desktop.domain.report import Report
from tests.gui_helpers import FakePrompter, gui_env, make_window, prompter, window  # noqa: F401


@pytest.fixture
def blank(qtbot: Any, gui_env: Any, prompter: FakePrompter) -> Any:
    report = Report.new("某街道办事处", 2024)
    report.set_values({"t3.new.natural": 4, "t4.review.upheld": 2})
    win = make_window(qtbot, gui_env, prompter, report)
    yield win
    win.document.undo_stack.setClean()


def menu_texts(window: Any) -> list[str]:
    menu = next(a.menu() for a in window.menuBar().actions() if a.text().startswith("编辑"))
    return [a.text() for a in menu.actions() if a.text()]


def test_edit_menu_has_the_usual_entries_and_shortcuts(blank: Any) -> None:
    texts = menu_texts(blank)
    for wanted in ("剪切", "复制", "粘贴", "全选", "查找/替换…", "填充空白为 0（本表）", "填充空白为 0（全部表格）"):
        assert wanted in texts, wanted
    features = blank.window_actions
    assert features.act_cut.shortcut() == QKeySequence(QKeySequence.StandardKey.Cut)
    assert features.act_select_all.shortcut() == QKeySequence(QKeySequence.StandardKey.SelectAll)
    assert QKeySequence("Ctrl+H") in features.act_find.shortcuts()
    assert features.act_find.shortcut() == QKeySequence(QKeySequence.StandardKey.Find)


def test_fill_blanks_of_the_current_table_is_one_step_and_keeps_filled_cells(qtbot: Any, blank: Any) -> None:
    report = blank.document.report
    stack = blank.document.undo_stack
    blank.show_section("t3")
    filled = blank.edit_features.fill_current_table()
    t3_inputs = [k for k, f in report.format.fields.items() if f.table == "t3" and f.is_input]
    assert filled == len(t3_inputs) - 1
    assert report.get("t3.new.natural") == 4  # untouched
    assert all(report.get(k) is not None for k in t3_inputs)
    assert report.get("t4.review.pending") is None  # another table: untouched
    assert report.get("t3.new.total") == 4  # totals recomputed
    assert stack.count() == 1 and "填充空白为 0" in stack.undoText()
    assert "已把本表" in blank.statusBar().currentMessage()
    stack.undo()
    assert report.get("t3.new.commercial") is None and report.get("t3.new.natural") == 4


def test_fill_blanks_of_all_tables_through_the_menu(qtbot: Any, blank: Any) -> None:
    report = blank.document.report
    blank.show_section("cover")
    blank.act_fill_all.trigger()
    keys = [k for k, f in report.format.fields.items() if f.is_input and f.kind != "unit"
            and f.table in ("t2", "t3", "t4")]
    assert all(report.get(k) is not None for k in keys)
    assert report.get("t4.review.upheld") == 2
    assert blank.document.undo_stack.count() == 1
    assert not [f for f in blank.document.findings if f.rule.endswith("-BLANK")]
    # nothing left: says so, no new step
    blank.act_fill_all.trigger()
    assert blank.document.undo_stack.count() == 1 and "没有空白" in blank.statusBar().currentMessage()


def test_fill_blanks_of_the_current_table_needs_a_table(blank: Any) -> None:
    blank.show_section("overview")
    assert blank.edit_features.fill_current_table() == 0
    assert "请先打开一张表格" in blank.statusBar().currentMessage()


def test_cut_and_select_all_in_the_grid(qtbot: Any, blank: Any) -> None:
    report = blank.document.report
    page = blank.show_section("t3")
    view, model = page.view, page.model
    view.setFocus()
    view.setCurrentIndex(model.index_of("t3.new.natural"))
    qtbot.keyClick(view, Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text().strip() == "4"
    assert report.get("t3.new.natural") is None
    blank.document.undo_stack.undo()
    assert report.get("t3.new.natural") == 4
    # paste the cut value elsewhere, as tab-separated text
    view.setCurrentIndex(model.index_of("t3.new.legal"))
    qtbot.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert report.get("t3.new.legal") == 4
    qtbot.keyClick(view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    selection = view.selectionModel()
    assert all(selection.isSelected(model.index_of(k)) for k in model.fields if model.index_of(k).isValid())
    assert selection.isSelected(model.index(model.rowCount() - 1, model.columnCount() - 1))


def test_cut_and_select_all_in_a_text_section(qtbot: Any, blank: Any) -> None:
    page = blank.show_section("other")
    page.editor.setPlainText("本年度无其他需要报告的事项。")
    page.editor.setFocus()
    blank.act_select_all.trigger()
    assert page.editor.textCursor().selectedText() == "本年度无其他需要报告的事项。"
    blank.act_cut.trigger()
    assert QGuiApplication.clipboard().text() == "本年度无其他需要报告的事项。"
    assert not blank.document.report.text.get("other")


def test_find_and_replace_in_the_text_and_agency(qtbot: Any, blank: Any) -> None:
    report = blank.document.report
    blank.show_section("overview").editor.setPlainText("街道办事处全年主动公开信息。\n街道办事处未收到申请。")
    blank.show_section("other").editor.setPlainText("街道办事处未收取信息处理费。")
    dialog = blank.edit_features.find_replace()
    assert dialog.isVisible()
    dialog.find_edit.setText("街道办事处")
    first = dialog.find_next()
    assert first is not None and first.page == "cover"  # the agency comes first
    assert "共 4 处" in dialog.status.text()
    second = dialog.find_next()
    assert second.page == "overview"
    page = blank.stack.currentWidget()
    assert page.editor.textCursor().selectedText() == "街道办事处"
    dialog.replace_edit.setText("街道")
    qtbot.mouseClick(dialog.replace_button, Qt.MouseButton.LeftButton)
    assert report.text["overview"] == "街道全年主动公开信息。\n街道办事处未收到申请。"
    steps = blank.document.undo_stack.count()
    assert dialog.replace_all() == 3
    assert report.meta.agency == "某街道"
    assert report.text["overview"] == "街道全年主动公开信息。\n街道未收到申请。"
    assert report.text["other"] == "街道未收取信息处理费。"
    assert "某街道" in blank.windowTitle()
    assert blank.document.undo_stack.count() == steps + 1  # replace all is one step
    blank.document.undo_stack.undo()
    assert report.meta.agency == "某街道办事处" and "街道办事处未收取" in report.text["other"]


def test_find_reaches_table_labels_but_does_not_replace_them(qtbot: Any, blank: Any) -> None:
    dialog = blank.edit_features.find_replace()
    dialog.find_edit.setText("法律服务机构")
    match = dialog.find_next()
    assert match is not None and match.page == "t3" and not match.replaceable
    page = blank.stack.currentWidget()
    assert page.view.currentIndex().data() == "法律服务机构"
    dialog.replace_edit.setText("X")
    dialog.replace()
    assert "不能替换" in dialog.status.text()
    assert dialog.replace_all() == 0


def test_title_and_cover_follow_agency_and_year(qtbot: Any, blank: Any) -> None:
    cover = blank.show_section("cover")
    cover.agency.setFocus()
    cover.agency.selectAll()
    qtbot.keyClicks(cover.agency, "ABC")
    assert cover.title_preview.text().startswith("ABC2024年")  # at once, before the commit
    qtbot.waitUntil(lambda: blank.document.report.meta.agency == "ABC")
    assert "ABC" in blank.windowTitle() and "2024" in blank.windowTitle()
    cover.year.setFocus()
    qtbot.keyClick(cover.year, Qt.Key.Key_Up)
    assert blank.document.report.meta.year == 2025
    assert "ABC2025" in blank.windowTitle() and "2025年" in cover.title_preview.text()
    blank.document.undo_stack.undo()
    assert "ABC2024" in blank.windowTitle()
