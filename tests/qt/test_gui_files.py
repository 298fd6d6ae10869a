"""File menu from the window: save and reopen, title and modified mark, closing asks, new from
last year's report, import into the report, export, recent files and settings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from govopen_desktop.domain.report import Report
from govopen_desktop.io.project import load_report, save_report
from govopen_desktop.qt.new_request import NewReportRequest
from govopen_desktop.qt.settings import Settings
from tests.support.gui import FakePrompter, filled_report, make_window


def test_save_and_reopen_keeps_every_value(qtbot: Any, window: Any, prompter: FakePrompter, gui_env: Path) -> None:
    target = gui_env / "报告.govopen"
    t3 = window.show_section("t3")
    t3.model.setData(t3.model.index_of("t3.new.natural"), "77")
    window.show_section("problems").editor.setPlainText("新的问题与改进")
    assert window.isWindowModified() and "[*]" in window.windowTitle()
    prompter.save_path = target
    window.act_save.trigger()
    assert target.exists() and not window.isWindowModified()
    assert window.windowTitle().startswith("报告.govopen")
    reopened = load_report(target)
    assert reopened.get("t3.new.natural") == 77
    assert reopened.text["problems"] == "新的问题与改进"
    assert reopened.get("t3.new.total") == window.document.report.get("t3.new.total")
    # open it in a fresh window through 打开
    prompter.open_path = target
    window.document.set_report(Report.new("别的", 2024), None)
    window.act_open.trigger()
    assert window.document.report.get("t3.new.natural") == 77
    assert window.document.path == target
    assert Settings(gui_env / "data" / "settings.ini").recent_files[0] == target.resolve()
    # the second save keeps the previous file as .bak (atomic writer)
    t3.model.setData(t3.model.index_of("t3.new.natural"), "78")
    window.act_save.trigger()
    assert load_report(target).get("t3.new.natural") == 78
    assert target.with_name(target.name + ".bak").exists()


def test_closing_with_unsaved_changes_asks(qtbot: Any, window: Any, prompter: FakePrompter, gui_env: Path) -> None:
    t4 = window.show_section("t4")
    t4.model.setData(t4.model.index_of("t4.review.upheld"), "8")
    prompter.save_discard_cancel = "cancel"
    assert not window.close()
    assert prompter.asked[-1][0] == "save_discard_cancel" and "未保存" in prompter.asked[-1][1]
    prompter.save_discard_cancel = "save"
    prompter.save_path = gui_env / "关闭前保存.govopen"
    assert window.close()
    assert load_report(gui_env / "关闭前保存.govopen").get("t4.review.upheld") == 8


def test_open_a_damaged_file_names_the_backup(qtbot: Any, window: Any, prompter: FakePrompter, gui_env: Path) -> None:
    target = gui_env / "坏.govopen"
    save_report(filled_report(), target)
    save_report(filled_report(), target)  # leaves a .bak
    target.write_text('{"schema": "govopen-report/1", "meta": ', encoding="utf-8")
    assert not window.files.open_file(target)
    assert prompter.errors and "损坏" in prompter.errors[-1] and ".bak" in prompter.errors[-1]


def test_new_from_last_year_carries_over(qtbot: Any, window: Any, prompter: FakePrompter, gui_env: Path) -> None:
    last_year = filled_report()  # 2024, 3 applications carried to next year
    source = gui_env / "上年.govopen"
    save_report(last_year, source)
    prompter.new_request = NewReportRequest("测试区政务服务中心", 2025, prior_path=source)
    window.act_new.trigger()
    report = window.document.report
    assert report.meta.year == 2025 and report.prior is not None and report.prior.meta.year == 2024
    assert report.get("t3.carried_in.natural") == 3
    assert report.get("t3.carried_in.total") == 3
    assert report.get("t3.new.natural") is None
    stack = window.document.undo_stack
    assert stack.count() == 1 and stack.undoText().startswith("从上年报告开始")
    t3 = window.show_section("t3")
    from govopen_desktop.qt.roles import Roles

    assert t3.model.index_of("t3.carried_in.natural").data(Roles.Carried)
    assert window.act_show_prior.isEnabled()
    stack.undo()
    assert report.get("t3.carried_in.natural") is None


def test_new_blank_report_offers_the_skeleton(qtbot: Any, window: Any, prompter: FakePrompter) -> None:
    prompter.new_request = NewReportRequest("某街道办事处", 2024)
    window.act_new.trigger()
    report = window.document.report
    assert report.meta.agency == "某街道办事处"
    assert "（一）主动公开" in report.text["overview"] and "（五）监督保障" in report.text["overview"]
    assert window.show_section("overview").editor.toPlainText() == report.text["overview"]
    assert "某街道办事处" in window.windowTitle()


def test_cover_year_shows_the_format(qtbot: Any, window: Any) -> None:
    cover = window.show_section("cover")
    assert "2021" in cover.format_label.text()
    cover.year.setValue(2020)
    assert window.document.report.meta.format == "2019"
    assert "2019" in cover.format_label.text()
    window.document.undo_stack.undo()
    assert window.document.report.meta.format == "2021" and cover.year.value() == 2024


def test_import_into_the_current_report_is_one_undo_step(qtbot: Any, window: Any, prompter: FakePrompter,
                                                          gui_env: Path) -> None:
    other = filled_report()
    other.set_values({"t4.review.upheld": 12})
    source = gui_env / "其他.govopen"
    save_report(other, source)
    before = dict(window.document.report.cells)
    assert window.imports.import_into(source)
    report = window.document.report
    assert report.get("t4.review.upheld") == 12
    stack = window.document.undo_stack
    assert stack.count() == 1 and stack.undoText().startswith("导入")
    stack.undo()
    assert report.cells == before


def test_import_problems_are_listed(qtbot: Any, window: Any, prompter: FakePrompter, gui_env: Path) -> None:
    """A workbook with one unreadable number: the rest is imported, the cell is named in the list."""
    import openpyxl

    from govopen_desktop.io.exporters.xlsx_export import export_xlsx

    source = gui_env / "上年报表.xlsx"
    export_xlsx(filled_report(), source)
    wb = openpyxl.load_workbook(source)
    del wb["govopen-data"]  # as a workbook typed by hand has no data sheet
    ws = wb["表四"]
    cell = next(c for row in ws.iter_rows() for c in row if c.data_type == "n" and c.value is not None)
    cell.value = "若干"
    wb.save(source)
    assert window.imports.import_into(source)
    assert prompter.errors == []
    assert len(prompter.problems) == 1 and len(prompter.problems[0]) == 1
    assert "若干" in prompter.problems[0][0]


def test_import_of_a_file_that_is_no_report_says_so(qtbot: Any, window: Any, prompter: FakePrompter,
                                                    gui_env: Path) -> None:
    source = gui_env / "上年报告.txt"
    source.write_text("某局2023年政府信息公开工作年度报告\n一、总体情况\n全年共收到申请若干件。\n", encoding="utf-8")
    before = dict(window.document.report.cells)
    assert not window.imports.import_into(source)
    assert len(prompter.errors) == 1 and "上年报告.txt" in prompter.errors[0]
    assert window.document.report.cells == before and window.document.undo_stack.count() == 0


def test_export_word_from_the_window(qtbot: Any, window: Any, prompter: FakePrompter, gui_env: Path) -> None:
    target = gui_env / "导出" / "年报.docx"
    target.parent.mkdir()
    prompter.save_path = target
    prompter.choice_answer = 2  # 关闭: neither the document nor the folder is opened
    window.act_export_docx.trigger()
    assert not prompter.errors, prompter.errors
    assert target.exists() and target.read_bytes()[:2] == b"PK"
    assert any("[打开文档|打开文件夹|关闭]" in text for kind, text in prompter.asked if kind == "choice")
    import docx

    text = "\n".join(p.text for p in docx.Document(str(target)).paragraphs)
    assert window.document.report.meta.agency in text


def test_export_excel_from_the_window(qtbot: Any, window: Any, prompter: FakePrompter, gui_env: Path) -> None:
    target = gui_env / "年报.xlsx"
    prompter.save_path = target
    prompter.confirm_answer = False
    window.act_export_xlsx.trigger()
    assert not prompter.errors, prompter.errors
    assert target.exists()


def test_a_draft_with_errors_exports_and_says_how_many(qtbot: Any, window: Any, prompter: FakePrompter,
                                                      gui_env: Path) -> None:
    window.document.report.set_values({"t3.results_total.natural": 999}, force=True)
    window.document.recheck()
    errors = sum(1 for f in window.document.findings if f.level == "error")
    assert errors >= 1
    prompter.save_path = gui_env / "草稿.docx"
    prompter.confirm_answer = False
    assert window.files.export("docx")
    assert prompter.save_path.exists()
    confirm = next(text for kind, text in prompter.asked if kind == "choice")
    assert f"还有 {errors} 个错误未改正" in confirm


def test_export_into_a_missing_folder_says_why(qtbot: Any, window: Any, prompter: FakePrompter,
                                               gui_env: Path) -> None:
    prompter.save_path = gui_env / "不存在的文件夹" / "年报.docx"
    assert not window.files.export("docx")
    assert len(prompter.errors) == 1 and "年报.docx" in prompter.errors[0]
    assert not [kind for kind, _text in prompter.asked if kind == "confirm"]


def test_recent_files_move_to_front_cap_and_drop_missing(tmp_path: Path, qapp: Any) -> None:
    settings = Settings(tmp_path / "s.ini")
    files = []
    for i in range(12):
        path = tmp_path / f"r{i}.govopen"
        path.write_text("{}", encoding="utf-8")
        files.append(path)
        settings.add_recent_file(path)
    recent = settings.recent_files
    assert len(recent) == 10 and recent[0] == files[11].resolve()
    settings.add_recent_file(files[5])
    assert settings.recent_files[0] == files[5].resolve() and len(settings.recent_files) == 10
    files[11].unlink()
    assert files[11].resolve() not in Settings(tmp_path / "s.ini").recent_files


def test_window_geometry_is_remembered(qtbot: Any, gui_env: Path, prompter: FakePrompter) -> None:
    first = make_window(qtbot, gui_env, prompter)
    first.resize(720, 540)  # within the offscreen screen (800×600)
    first.close()
    second = make_window(qtbot, gui_env, prompter)
    assert (second.width(), second.height()) == (720, 540)


def test_the_window_settings_saved_as_bytes_come_back_as_saved(tmp_path: Path) -> None:
    from PySide6.QtCore import QByteArray

    settings = Settings(tmp_path / "settings.ini")
    assert settings.window_geometry is None and settings.window_state is None  # nothing saved yet
    settings.window_geometry = QByteArray(b"\x01geometry")
    settings.window_state = QByteArray(b"\x02state")
    settings.sync()
    again = Settings(tmp_path / "settings.ini")
    assert (again.window_geometry, again.window_state) == (QByteArray(b"\x01geometry"), QByteArray(b"\x02state"))
    again.window_state = QByteArray()  # an empty one is as good as none
    assert again.window_state is None and again.window_geometry == QByteArray(b"\x01geometry")


def test_help_page_opens_on_f1(qtbot: Any, window: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from govopen_desktop.qt import help as help_module

    shown: list[str] = []
    monkeypatch.setattr(help_module.HelpDialog, "exec", lambda self: shown.append(self.windowTitle()) or 0)
    assert window.act_help.shortcut().toString() == "F1"
    window.act_help.trigger()
    assert shown == ["使用说明"]


def test_new_from_last_years_word_file(qtbot: Any, window: Any, prompter: FakePrompter, gui_env: Path) -> None:
    """从上年报告开始 accepts any file the importer reads: here last year's report as a Word file."""
    from govopen_desktop.io.exporters import docx_export
    last_year = window.document.report  # the 2024 sample
    source = gui_env / "上年报告.docx"
    docx_export.export_docx(last_year, source)
    prompter.new_request = NewReportRequest(last_year.meta.agency, last_year.meta.year + 1, prior_path=source)
    window.act_new.trigger()
    report = window.document.report
    assert report.meta.year == last_year.meta.year + 1 and report.prior is not None
    for col in ("natural", "commercial", "total"):
        assert report.get(f"t3.carried_in.{col}") == last_year.get(f"t3.carried_out.{col}")


def test_show_prior_choice_is_remembered(qtbot: Any, gui_env: Path, prompter: FakePrompter) -> None:
    from tests.support.gui import sample_report

    report = sample_report()
    assert report.prior is not None, "the shipped sample report carries its prior year"
    first = make_window(qtbot, gui_env, prompter, report)
    assert not first.act_show_prior.isChecked()
    first.act_show_prior.trigger()
    assert first.act_show_prior.isChecked()
    first.document.set_report(Report.new("别的", 2024), None)  # no prior: nothing to show
    assert not first.act_show_prior.isChecked() and not first.act_show_prior.isEnabled()
    first.close()
    second = make_window(qtbot, gui_env, prompter, sample_report())
    assert second.act_show_prior.isChecked()
    assert second.show_section("t3").model.show_prior
