"""A character outside the Basic Multilingual Plane (a rare character of a place name, 𠮷) is
one character of the report's text but two positions in a Qt editor: what is found, the
sentence a finding is about and the years moved from last year are selected where they are,
and after an undo the caret never sits between the two halves of such a character (typing
there lost it). Found by the monkey (test_reliability_gui_monkey.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from govopen_desktop.domain.report import Report
from govopen_desktop.io.project import save_report
from govopen_desktop.qt.findings_panel import FINDING_ROLE
from govopen_desktop.qt.new_request import NewReportRequest
from govopen_desktop.qt.text_editors import TextSectionEditor
from govopen_desktop.qt.text_positions import to_index, to_position
from tests.support.gui import FakePrompter, filled_report, make_window

PLACE = "𠮷安镇"


def commit(widget: Any, text: str) -> None:
    """What an input method sends when the clerk picks the characters."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def test_positions_count_a_character_outside_the_bmp_twice() -> None:
    text = "a𠮷b"
    assert [to_position(text, i) for i in range(4)] == [0, 1, 3, 4]
    assert [to_index(text, p) for p in range(5)] == [0, 1, 1, 2, 3]


def test_find_selects_the_match_after_a_rare_character(qtbot: Any, window: Any) -> None:
    report = window.document.report
    report.set_meta(agency=f"{PLACE}人民政府")
    report.set_text("problems", f"{PLACE}一是公开不够及时。")
    dialog = window.edit_features.find_replace()
    dialog.find_edit.setText("人民")
    dialog.next_button.click()
    assert window.show_section("cover").agency.selectedText() == "人民"
    dialog.find_edit.setText("不够及时")
    dialog.next_button.click()
    page = window.stack.currentWidget()
    assert isinstance(page, TextSectionEditor) and page.key == "problems"
    assert page.editor.textCursor().selectedText() == "不够及时"
    assert [m.cursor.selectedText() for m in page.editor.extraSelections()] == ["不够及时"]
    window.document.undo_stack.setClean()


def test_a_text_finding_selects_its_sentence_after_a_rare_character(qtbot: Any, window: Any) -> None:
    claim = "全年共收到政府信息公开申请 99 件。"
    window.show_section("overview").editor.setPlainText(f"{PLACE}深入贯彻条例。{claim}")
    item = next(i for i in window.findings_panel.items() if i.data(0, FINDING_ROLE).rule == "T3-TEXT")
    window.findings_panel.tree.itemDoubleClicked.emit(item, 0)
    page = window.stack.currentWidget()
    assert page.editor.textCursor().selectedText() == claim
    assert [m.cursor.selectedText() for m in page.editor.extraSelections()] == [claim]
    window.document.undo_stack.setClean()


def test_years_copied_from_last_year_are_marked_after_a_rare_character(qtbot: Any, gui_env: Path,
                                                                       prompter: FakePrompter) -> None:
    last_year = filled_report()
    last_year.text["overview"] = f"{PLACE}2024年共收到申请12件。"
    source = gui_env / "上年.govopen"
    save_report(last_year, source)
    window = make_window(qtbot, gui_env, prompter, Report.new("测试区政务服务中心", 2025))
    prompter.new_request = NewReportRequest("测试区政务服务中心", 2025, prior_path=source)
    window.act_new.trigger()
    page = window.show_section("overview")
    page.editor.setPlainText("😀")  # this year's text already has one too
    page.prior_panel.copy_button.click()
    assert window.document.report.text["overview"] == f"😀\n{PLACE}2025年共收到申请12件。"
    assert [m.cursor.selectedText() for m in page.editor.extraSelections()] == ["2025"]
    window.document.undo_stack.setClean()


def test_typing_after_an_undo_keeps_a_rare_character(qtbot: Any, gui_env: Path, prompter: FakePrompter) -> None:
    window = make_window(qtbot, gui_env, prompter, Report.new("某局", 2024))
    report = window.document.report
    other = window.page_stack.show_text("other").editor
    other.setFocus()
    commit(other, "𠮷")
    problems = window.page_stack.show_text("problems").editor  # another step in between
    problems.setFocus()
    commit(problems, "无")
    other = window.page_stack.show_text("other").editor
    other.setFocus()
    other.moveCursor(other.textCursor().MoveOperation.End)
    commit(other, "ab")
    assert report.text["other"] == "𠮷ab"
    window.document.undo_stack.undo()  # ab: the caret was after b, the text is shorter now
    assert report.text["other"] == "𠮷" and report.text["problems"] == "无"
    commit(other, "a")
    assert report.text["other"] == "𠮷a"
    window.document.undo_stack.setClean()
