"""Last year does not leak in: its text is shown read-only beside this year's empty editor, a
paragraph comes across with one action and its years moved; importing another year's file asks."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from govopen_desktop.domain.report import Report
from govopen_desktop.io.project import save_report
from govopen_desktop.qt.new_request import NewReportRequest
from tests.support.gui import FakePrompter, filled_report, make_window

PRIOR_OVERVIEW = (
    "2024年，我局认真贯彻落实《中华人民共和国政府信息公开条例》（2019年修订），统计期限自2024年1月1日起至2024年12月31日止。\n"
    "全年共收到政府信息公开申请12件。\n"
    "2025年，我局将进一步加强政务公开工作。"
)


def started_from_last_year(qtbot: Any, gui_env: Path, prompter: FakePrompter) -> Any:
    last_year = filled_report()
    last_year.text["overview"] = PRIOR_OVERVIEW
    source = gui_env / "上年.govopen"
    save_report(last_year, source)
    window = make_window(qtbot, gui_env, prompter, Report.new("测试区政务服务中心", 2025))
    prompter.new_request = NewReportRequest("测试区政务服务中心", 2025, prior_path=source)
    window.act_new.trigger()
    return window


def test_text_starts_empty_with_last_years_beside_it(qtbot: Any, gui_env: Path, prompter: FakePrompter) -> None:
    window = started_from_last_year(qtbot, gui_env, prompter)
    page = window.show_section("overview")
    assert page.editor.toPlainText() == "" and not window.document.report.text.get("overview")
    panel = page.prior_panel
    assert panel is not None and panel.isVisible()
    assert panel.viewer.isReadOnly() and panel.viewer.toPlainText() == PRIOR_OVERVIEW
    assert "2024年度" in panel.title.text() and "2025" in panel.copy_button.text()
    # 六 has no prior text: no panel there
    other = window.show_section("other")
    assert other.prior_panel is None or not other.prior_panel.isVisible()
    window.document.undo_stack.setClean()


def test_one_action_copies_a_paragraph_with_this_years_years_marked(qtbot: Any, gui_env: Path,
                                                                     prompter: FakePrompter) -> None:
    window = started_from_last_year(qtbot, gui_env, prompter)
    page = window.show_section("overview")
    panel = page.prior_panel
    report = window.document.report
    stack = window.document.undo_stack
    steps = stack.count()
    cursor = panel.viewer.textCursor()
    cursor.setPosition(5)  # in the first paragraph
    panel.viewer.setTextCursor(cursor)
    qtbot.mouseClick(panel.copy_button, Qt.MouseButton.LeftButton)
    expected = ("2025年，我局认真贯彻落实《中华人民共和国政府信息公开条例》（2019年修订），"
                "统计期限自2025年1月1日起至2025年12月31日止。")
    assert page.editor.toPlainText() == expected == report.text["overview"]
    marks = page.editor.extraSelections()
    assert [m.cursor.selectedText() for m in marks] == ["2025", "2025", "2025"]
    assert page.copy_note.isVisible() and "2024年→2025年" in page.copy_note.text()
    assert "年份已更新" in window.statusBar().currentMessage()
    assert stack.count() == steps + 1
    # double-click the last paragraph: it goes after the first, its plan year moved on
    third = panel.viewer.document().findBlockByNumber(2)
    cursor.setPosition(third.position() + 2)
    rect = panel.viewer.cursorRect(cursor)
    qtbot.mouseDClick(panel.viewer.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert report.text["overview"] == expected + "\n2026年，我局将进一步加强政务公开工作。"
    assert panel.viewer.toPlainText() == PRIOR_OVERVIEW  # last year's text unchanged
    stack.undo()
    assert report.text["overview"] == expected == page.editor.toPlainText()
    stack.setClean()


def test_importing_a_file_of_another_year_asks_first(qtbot: Any, gui_env: Path, prompter: FakePrompter) -> None:
    other_year = filled_report()  # 2024
    other_year.set_values({"t3.carried_in.natural": 99})
    source = gui_env / "2024年报告.govopen"
    save_report(other_year, source)
    window = make_window(qtbot, gui_env, prompter, Report.new("测试区政务服务中心", 2025))
    window.document.report.set_values({"t3.carried_in.natural": 3})
    prompter.confirm_answer = False
    assert not window.imports.import_into(source)
    assert prompter.asked[-1][0] == "confirm" and "2024 年度" in prompter.asked[-1][1]
    assert "2025 年度" in prompter.asked[-1][1]
    assert window.document.report.get("t3.carried_in.natural") == 3
    assert window.document.undo_stack.count() == 0
    prompter.confirm_answer = True
    assert window.imports.import_into(source)
    assert window.document.report.get("t3.carried_in.natural") == 99
    window.document.undo_stack.setClean()


def test_importing_a_file_of_the_same_year_does_not_ask(qtbot: Any, gui_env: Path, prompter: FakePrompter) -> None:
    same_year = filled_report()
    source = gui_env / "本年.govopen"
    save_report(same_year, source)
    window = make_window(qtbot, gui_env, prompter, Report.new("测试区政务服务中心", 2024))
    assert window.imports.import_into(source)
    assert not any(kind == "confirm" for kind, _ in prompter.asked)
    assert window.document.report.get("t3.new.natural") == 10
    window.document.undo_stack.setClean()
