"""开头说明, the opening paragraph under the title, as a page of the window: before 一、总体情况 in
the navigator, built from the format file (title, hint, draft button), typed, undone, found,
pointed at by a finding, autosaved, saved and reopened."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from govopen_desktop.io.project import load_report
from govopen_desktop.qt.autosave import read_recovery
from govopen_desktop.qt.findings_panel import FINDING_ROLE
from govopen_desktop.qt.text_editors import TextSectionEditor
from tests.support.gui import FakePrompter, make_window

OPENING = "preface"  # the front text key of both format files


def _navigator_names(window: Any) -> list[str]:
    return [window.navigator.item(i).text() for i in range(window.navigator.count())]


def test_the_page_comes_before_the_overview_and_is_built_from_the_format(window: Any) -> None:
    names = _navigator_names(window)
    assert names.index("开头说明") == names.index("一、总体情况") - 1
    page = window.show_section(OPENING)
    assert isinstance(page, TextSectionEditor) and page.key == OPENING
    assert page.heading.text() == "开头说明"
    section = window.document.report.format.section(OPENING)
    assert section is not None and section.number == ""  # not one of the six
    assert [b.text() for b in page.findChildren(QPushButton)] == [b.label for b in section.buttons]


def test_type_undo_draft_save_and_reopen(qtbot: Any, window: Any, prompter: FakePrompter, gui_env: Path) -> None:
    report = window.document.report
    page = window.show_section(OPENING)
    editor = page.editor
    editor.setFocus()
    qtbot.keyClicks(editor, "abc")  # QTest types ASCII only
    assert report.text[OPENING] == "abc" and window.isWindowModified()
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not report.text[OPENING] and editor.toPlainText() == ""
    qtbot.keyClick(editor, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert report.text[OPENING] == "abc"
    editor.setPlainText("")
    button = next(b for b in page.findChildren(QPushButton) if b.text() == "插入标准开头段")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    drafted = report.text[OPENING] or ""
    year = report.meta.year
    assert drafted.startswith("本报告根据《中华人民共和国政府信息公开条例》")
    assert report.meta.agency in drafted and report.format.document in drafted
    assert f"统计期限自{year}年1月1日起至{year}年12月31日止" in drafted
    assert "全文包括" + "、".join(s.title for s in report.format.sections) + "。" in drafted
    assert not [f for f in window.document.findings if f.section == OPENING]  # the draft is clean
    target = gui_env / "开头说明.govopen"
    prompter.save_path = target
    window.act_save.trigger()
    assert load_report(target).text[OPENING] == drafted
    window.document.undo_stack.setClean()
    again = make_window(qtbot, gui_env / "again", prompter, load_report(target), target)
    assert again.show_section(OPENING).editor.toPlainText() == drafted
    again.document.undo_stack.setClean()


def test_a_finding_on_the_opening_paragraph_points_at_it(qtbot: Any, window: Any) -> None:
    year = window.document.report.meta.year
    wrong = f"本报告中所列数据的统计期限自{year - 1}年1月1日起至{year - 1}年12月31日止。"
    window.show_section(OPENING).editor.setPlainText("本报告由本机关编制。" + wrong)
    finding = next(f for f in window.document.findings if f.rule == "R-YEAR")
    assert finding.section == OPENING and "开头说明" in finding.message
    assert "开头说明（1）" in _navigator_names(window)
    window.show_section("t3")
    item = next(i for i in window.findings_panel.items() if i.data(0, FINDING_ROLE).rule == "R-YEAR")
    window.findings_panel.tree.setCurrentItem(item)
    window.findings_panel.tree.itemDoubleClicked.emit(item, 0)
    page = window.stack.currentWidget()
    assert isinstance(page, TextSectionEditor) and page.key == OPENING
    assert window.navigator.currentItem().text().startswith("开头说明")
    window.document.undo_stack.setClean()


def test_find_and_replace_reach_the_opening_paragraph(qtbot: Any, window: Any) -> None:
    report = window.document.report
    window.show_section(OPENING).editor.setPlainText("本报告电子版可在门户网站（网址：待填）下载。")
    dialog = window.edit_features.find_replace()
    dialog.find_edit.setText("待填")
    match = dialog.find_next()
    assert match is not None and match.page == OPENING
    dialog.replace_edit.setText("www.example.gov.cn")
    qtbot.mouseClick(dialog.replace_button, Qt.MouseButton.LeftButton)
    assert report.text[OPENING] == "本报告电子版可在门户网站（网址：www.example.gov.cn）下载。"
    window.document.undo_stack.undo()
    assert "待填" in (report.text[OPENING] or "")
    dialog.close()
    window.document.undo_stack.setClean()


def test_the_opening_paragraph_is_autosaved(qtbot: Any, gui_env: Path, prompter: FakePrompter) -> None:
    window = make_window(qtbot, gui_env, prompter, autosave_ms=50)
    recovery = window.autosaver.recovery_file
    window.show_section(OPENING).editor.setPlainText("本报告由本机关编制。")
    qtbot.waitUntil(recovery.exists, timeout=3000)
    recovered = read_recovery(recovery)
    assert recovered is not None and recovered.report.text[OPENING] == "本报告由本机关编制。"
    window.document.undo_stack.setClean()


def test_started_from_last_year_its_opening_paragraph_is_beside_and_copies_with_the_year_moved(
        qtbot: Any, gui_env: Path, prompter: FakePrompter) -> None:
    from govopen_desktop.domain.report import Report
    from govopen_desktop.io.project import save_report
    from govopen_desktop.qt.new_request import NewReportRequest
    from tests.support.gui import filled_report

    last_year = filled_report()
    last_year.text[OPENING] = "本报告由本机关编制。本报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止。"
    source = gui_env / "上年.govopen"
    save_report(last_year, source)
    window = make_window(qtbot, gui_env, prompter, Report.new("测试区政务服务中心", 2025))
    prompter.new_request = NewReportRequest("测试区政务服务中心", 2025, prior_path=source)
    window.act_new.trigger()
    page = window.show_section(OPENING)
    assert page.editor.toPlainText() == ""  # last year's words never slip in unread
    panel = page.prior_panel
    assert panel is not None and panel.viewer.toPlainText() == last_year.text[OPENING]
    qtbot.mouseClick(panel.copy_button, Qt.MouseButton.LeftButton)
    assert window.document.report.text[OPENING] == (
        "本报告由本机关编制。本报告中所列数据的统计期限自2025年1月1日起至2025年12月31日止。")
    assert not [f for f in window.document.findings if f.section == OPENING]
    window.document.undo_stack.setClean()
