"""Typing into the real grids: totals and findings update, bad input is refused at the cell,
paste, copy, delete, undo/redo, jumping from a finding, applying a suggestion."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLineEdit

from govopen_desktop.qt.commands import SetCellCommand, SetCellsCommand
from govopen_desktop.qt.roles import Roles
from tests.support.gui import FakePrompter, table_page


def type_into(qtbot: Any, view: Any, index: QModelIndex, text: str, end: Qt.Key = Qt.Key.Key_Return) -> None:
    """Select the cell and type as a clerk does: the first key opens the editor (replacing the
    old value), the rest go to the editor, then Enter or Tab commits."""
    view.setFocus()
    view.setCurrentIndex(index)
    qtbot.keyClicks(view, text[0])
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    editor = QApplication.focusWidget()
    if text[1:]:
        qtbot.keyClicks(editor, text[1:])
    qtbot.keyClick(editor, end)


@pytest.mark.parametrize(
    ("table_id", "key", "total_key"),
    [
        ("t3", "t3.new.natural", "t3.new.total"),
        ("t3", "t3.granted.research", "t3.results_total.research"),
        ("t4", "t4.review.upheld", "t4.review.total"),
        ("t4", "t4.suit_after_review.pending", "t4.suit_after_review.total"),
    ],
)
def test_typing_updates_the_total_and_the_findings(qtbot: Any, window: Any, table_id: str, key: str,
                                                   total_key: str) -> None:
    page = table_page(window, table_id)
    model, view = page.model, page.view
    report = window.document.report
    before_total = report.get(total_key)
    before_value = report.get(key)
    assert not window.document.findings or all(f.level != "error" for f in window.document.findings)
    type_into(qtbot, view, model.index_of(key), str(before_value + 7))
    qtbot.waitUntil(lambda: report.get(key) == before_value + 7)
    assert model.index_of(total_key).data() == str(before_total + 7)
    # the balance (or nothing) now disagrees: an error is listed, coloured and counted
    if table_id == "t3":
        assert any(f.level == "error" for f in window.document.findings)
        assert model.index_of(total_key).data(Roles.Level) == "error"
        assert "错误 " in window.counts_label.text() and "错误 0 个" not in window.counts_label.text()
        assert window.findings_panel.items()
    assert isinstance(window.document.undo_stack.command(0), SetCellCommand)
    assert window.isWindowModified()


def test_typing_into_table_two(qtbot: Any, window: Any) -> None:
    page = table_page(window, "t2")
    report = window.document.report
    type_into(qtbot, page.view, page.model.index_of("t2.punishment.decisions"), "52")
    qtbot.waitUntil(lambda: report.get("t2.punishment.decisions") == 52)
    type_into(qtbot, page.view, page.model.index_of("t2.fees.amount"), "0.1250")
    qtbot.waitUntil(lambda: str(report.get("t2.fees.amount")) == "0.1250")


def test_enter_moves_down_and_tab_moves_right(qtbot: Any, window: Any) -> None:
    page = table_page(window, "t3")
    model, view = page.model, page.view
    type_into(qtbot, view, model.index_of("t3.new.natural"), "50", Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.currentIndex() == model.index_of("t3.carried_in.natural"))
    type_into(qtbot, view, view.currentIndex(), "4", Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: view.currentIndex() == model.index_of("t3.carried_in.commercial"))
    assert window.document.report.get("t3.carried_in.natural") == 4
    # Tab at the end of a row skips the grey total and goes to the next row
    view.setCurrentIndex(model.index_of("t3.new.other_org"))
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert view.currentIndex() == model.index_of("t3.carried_in.natural")


def test_bad_input_is_refused_at_the_cell_and_the_old_value_kept(qtbot: Any, window: Any) -> None:
    page = table_page(window, "t3")
    report = window.document.report
    old = report.get("t3.new.legal")
    messages: list[str] = []
    page.view.statusMessage.connect(messages.append)
    type_into(qtbot, page.view, page.model.index_of("t3.new.legal"), "abc")
    qtbot.waitUntil(lambda: bool(messages))
    assert report.get("t3.new.legal") == old
    assert "不是数字" in messages[-1]
    assert "不是数字" in window.statusBar().currentMessage()
    type_into(qtbot, page.view, page.model.index_of("t3.new.legal"), "-2")
    qtbot.waitUntil(lambda: "负数" in messages[-1])
    assert report.get("t3.new.legal") == old
    assert window.document.undo_stack.count() == 0


def test_five_decimal_amount_is_kept_with_a_warning(qtbot: Any, window: Any) -> None:
    page = table_page(window, "t2")
    messages: list[str] = []
    page.view.statusMessage.connect(messages.append)
    type_into(qtbot, page.view, page.model.index_of("t2.fees.amount"), "1.23456")
    qtbot.waitUntil(lambda: bool(messages))
    assert str(window.document.report.get("t2.fees.amount")) == "1.23456"
    assert "5 位小数" in messages[-1]
    assert page.model.index_of("t2.fees.amount").data(Roles.Level) == "warning"


def test_paste_a_block_from_excel_is_one_undo_step(qtbot: Any, window: Any) -> None:
    page = table_page(window, "t3")
    model, view = page.model, page.view
    report = window.document.report
    before = dict(report.cells)
    view.setCurrentIndex(model.index_of("t3.new.natural"))
    # two rows of seven columns, thousands separators, the total column included (ignored)
    QGuiApplication.clipboard().setText("1,200\t3\t0\t0\t1\t0\t9999\r\n5\t0\t0\t0\t0\t0\t5\r\n")
    window.act_paste.trigger()
    assert report.get("t3.new.natural") == 1200
    assert report.get("t3.new.total") == 1204
    assert report.get("t3.carried_in.natural") == 5
    stack = window.document.undo_stack
    assert stack.count() == 1 and isinstance(stack.command(0), SetCellsCommand)
    assert "跳过 2 个自动计算" in window.statusBar().currentMessage()
    stack.undo()
    assert report.cells == before
    stack.redo()
    assert report.get("t3.new.total") == 1204


def test_paste_lists_values_it_cannot_read(qtbot: Any, window: Any, prompter: FakePrompter) -> None:
    page = table_page(window, "t3")
    page.view.setCurrentIndex(page.model.index_of("t3.new.natural"))
    page.view.paste_text("7\t五\tx\n")
    report = window.document.report
    assert report.get("t3.new.natural") == 7 and report.get("t3.new.commercial") == 5
    assert prompter.problems and "不是数字" in prompter.problems[0][0]


def test_single_value_fills_the_selection_and_delete_clears_it(qtbot: Any, window: Any) -> None:
    page = table_page(window, "t4")
    model, view = page.model, page.view
    report = window.document.report
    view.setFocus()
    view.setCurrentIndex(model.index_of("t4.review.upheld"))
    view.selectionModel().select(model.index_of("t4.review.other"), view.selectionModel().SelectionFlag.Select)
    view.paste_text("6")
    assert report.get("t4.review.upheld") == 6 and report.get("t4.review.other") == 6
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert report.get("t4.review.upheld") is None and report.get("t4.review.other") is None
    assert window.document.undo_stack.undoText().startswith("清除")
    window.act_undo.trigger()
    assert report.get("t4.review.upheld") == 6


def test_copy_gives_tab_separated_text(qtbot: Any, window: Any) -> None:
    page = table_page(window, "t3")
    model, view = page.model, page.view
    view.setFocus()
    selection = view.selectionModel()
    selection.select(model.index_of("t3.new.natural"), selection.SelectionFlag.Select)
    selection.select(model.index_of("t3.carried_in.commercial"), selection.SelectionFlag.Select)
    window.act_copy.trigger()
    report = window.document.report
    expected = (f"{report.get('t3.new.natural')}\t{report.get('t3.new.commercial')}\r\n"
                f"{report.get('t3.carried_in.natural')}\t{report.get('t3.carried_in.commercial')}\r\n")
    assert QGuiApplication.clipboard().text() == expected


def test_undo_redo_through_the_menu_actions(qtbot: Any, window: Any) -> None:
    page = table_page(window, "t3")
    report = window.document.report
    old = report.get("t3.new.social")
    type_into(qtbot, page.view, page.model.index_of("t3.new.social"), "9")
    qtbot.waitUntil(lambda: report.get("t3.new.social") == 9)
    assert window.act_undo.isEnabled() and "填写" in window.act_undo.text()
    window.act_undo.trigger()
    assert report.get("t3.new.social") == old and not window.isWindowModified()
    window.act_redo.trigger()
    assert report.get("t3.new.social") == 9 and window.isWindowModified()


def test_text_edits_are_undoable(qtbot: Any, window: Any) -> None:
    page = window.show_section("problems")
    editor = page.editor
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, "2025")  # QTest types ASCII only
    report = window.document.report
    assert report.text["problems"].endswith("2025")
    assert window.document.undo_stack.count() == 1  # the typing merged into one step
    window.document.undo_stack.undo()
    assert not report.text["problems"].endswith("2")
    assert not editor.toPlainText().endswith("2")
    window.document.undo_stack.redo()
    assert editor.toPlainText().endswith("2025")


def test_drafting_buttons_insert_text(qtbot: Any, window: Any) -> None:
    page = window.show_section("overview")
    page.editor.setPlainText("")
    buttons = {b.text(): b for b in page.findChildren(type(page.buttons.itemAt(0).widget()))}
    qtbot.mouseClick(buttons["根据表三起草依申请公开段落"], Qt.MouseButton.LeftButton)
    text = window.document.report.text["overview"]
    report = window.document.report
    total = report.get("t3.new.total") + report.get("t3.carried_in.total")
    assert text.startswith(f"全年共收到政府信息公开申请{total}件")
    assert f"结转下年度继续办理{report.get('t3.carried_out.total')}件" in text
    other = window.show_section("other")
    other.editor.setPlainText("")
    fee = next(b for b in other.findChildren(type(buttons["根据表三起草依申请公开段落"])) if "信息处理费" in b.text())
    qtbot.mouseClick(fee, Qt.MouseButton.LeftButton)
    assert "信息处理费" in window.document.report.text["other"]


def test_double_click_on_a_finding_jumps_to_its_cell(qtbot: Any, window: Any) -> None:
    t3 = table_page(window, "t3")
    t3.model.setData(t3.model.index_of("t3.carried_out.legal"), "40")  # breaks the balance
    window.show_section("cover")
    panel = window.findings_panel
    item = next(i for i in panel.items() if "勾稽" in i.text(0))
    panel.tree.scrollToItem(item)
    rect = panel.tree.visualItemRect(item)
    assert panel.tree.viewport().rect().contains(rect.center()), (rect, panel.tree.viewport().rect())
    # an item view takes a double click after a press on the same item (as a real mouse gives)
    qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.stack.currentWidget() is t3
    finding = item.data(0, Qt.ItemDataRole.UserRole + 1)
    assert t3.view.currentIndex() == t3.model.index_of(finding.cells[0])
    assert t3.view.hasFocus()


def test_apply_suggestion_is_one_undo_step(qtbot: Any, window: Any) -> None:
    report = window.document.report
    # a published total that disagrees with its parts (as an import keeps it)
    report.set_values({"t4.review.total": 99}, force=True)
    window.document.recheck()
    panel = window.findings_panel
    item = next(i for i in panel.items() if i.data(0, Qt.ItemDataRole.UserRole + 1).suggested)
    panel.tree.setCurrentItem(item)
    assert panel.apply_button.isEnabled()
    qtbot.mouseClick(panel.apply_button, Qt.MouseButton.LeftButton)
    assert report.get("t4.review.total") == report.expected("t4.review.total")
    assert window.document.undo_stack.undoText() == "应用建议值"
    window.document.undo_stack.undo()
    assert report.get("t4.review.total") == 99


def test_prior_toggle_is_enabled_only_with_a_prior(qtbot: Any, window: Any) -> None:
    has_prior = window.document.report.prior is not None
    assert window.act_show_prior.isEnabled() == has_prior
    if has_prior:
        window.act_show_prior.setChecked(True)
        page = table_page(window, "t3")
        assert page.view.delegate.show_prior and page.model.show_prior
        page.view.grab()  # paints the prior values without error


def test_ctrl_z_in_a_text_section_uses_the_report_undo_stack(qtbot: Any, window: Any) -> None:
    editor = window.show_section("other").editor
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    before = window.document.report.text["other"]
    qtbot.keyClicks(editor, "abc")
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.report.text["other"] == before == editor.toPlainText()
    qtbot.keyClick(editor, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert window.document.report.text["other"] == before + "abc"


def test_text_pasted_from_a_pdf_comes_without_its_lookalike_characters(qtbot: Any, window: Any) -> None:
    """Last year's text copied out of its PDF often carries ⼀ (U+2F00) for 一, ⼈ for 人: pasted,
    they are the characters they stand for (the Word export's fonts have no such glyphs)."""
    editor = window.show_section("overview").editor
    before = window.document.report.text["overview"]
    editor.setPlainText("")
    QGuiApplication.clipboard().setText("⼀是全年公开信息⼀百条，⼈民群众满意。")
    editor.setFocus()
    editor.paste()
    assert window.document.report.text["overview"] == "一是全年公开信息一百条，人民群众满意。"
    window.document.undo_stack.undo()
    assert window.document.report.text["overview"] == before  # the edit (merged with the paste) undone


def test_an_agency_pasted_from_a_pdf_is_stored_as_its_plain_name(qtbot: Any, window: Any) -> None:
    cover = window.show_section("cover")
    cover.agency.setFocus()
    cover.agency.selectAll()
    QGuiApplication.clipboard().setText("青⼭市⾃然资源和规划局")  # ⼭ U+2F2D, ⾃ U+2F83
    cover.agency.paste()
    cover.agency.editingFinished.emit()
    assert window.document.report.meta.agency == "青山市自然资源和规划局"
    qtbot.waitUntil(lambda: cover.agency.text() == "青山市自然资源和规划局")
