"""新建 → 从上年报告开始 in the real dialog: the agency comes from last year's file, a missing
field is said beside it and keeps the dialog open, and last year's text does not leak in."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from govopen_desktop.io.project import save_report
from govopen_desktop.qt.dialogs import NewReportDialog
from tests.support.gui import FakePrompter, filled_report

LAST_YEAR_AGENCY = "青山市自然资源和规划局"


def last_year_file(folder: Path) -> Path:
    last_year = filled_report()
    last_year.meta.agency = LAST_YEAR_AGENCY
    last_year.text["overview"] = (
        "2024年，我局认真贯彻落实《中华人民共和国政府信息公开条例》（2019年修订）。\n全年共收到政府信息公开申请12件。"
    )
    last_year.text["problems"] = "2025年，我局将进一步加强政务公开工作。"
    source = folder / "上年.govopen"
    save_report(last_year, source)
    return source


def ok_button(dialog: NewReportDialog) -> Any:
    return dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)


def prior_picked(qtbot: Any, current_agency: str, source: Path) -> NewReportDialog:
    """The new-report dialog, shown with 从上年报告新建 ticked and `source` picked by 浏览."""
    dialog = NewReportDialog(None, current_agency, lambda: source)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.from_prior.setChecked(True)
    qtbot.mouseClick(dialog.browse, Qt.MouseButton.LeftButton)
    return dialog


def test_picking_last_years_file_takes_its_agency(qtbot: Any, gui_env: Path) -> None:
    source = last_year_file(gui_env)
    dialog = prior_picked(qtbot, "当前打开的别的单位", source)
    assert dialog.agency.text() == LAST_YEAR_AGENCY
    assert dialog.year.value() == 2025
    assert dialog.prior_note.isVisible() and "已读取" in dialog.prior_note.text()
    # the clerk may still change it
    dialog.agency.setText("青山市自然资源局")
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    request = dialog.request()
    assert request.agency == "青山市自然资源局" and request.year == 2025 and request.prior_path == source
    assert request.prior_report is not None and request.prior_report.meta.agency == LAST_YEAR_AGENCY


def test_ok_with_the_agency_cleared_keeps_the_dialog_and_says_why(qtbot: Any, gui_env: Path) -> None:
    source = last_year_file(gui_env)
    dialog = prior_picked(qtbot, "", source)
    dialog.agency.clear()
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.result() != dialog.DialogCode.Accepted
    assert dialog.agency_problem.isVisible() and "机关名称" in dialog.agency_problem.text()
    assert dialog.year.value() == 2025 and dialog.prior_path.text() == str(source)  # nothing lost
    qtbot.keyClicks(dialog.agency, "ABC")
    assert not dialog.agency_problem.isVisible()


def test_an_unreadable_or_missing_prior_file_is_said_beside_the_field(qtbot: Any, gui_env: Path) -> None:
    bad = gui_env / "坏的.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really a workbook")
    dialog = NewReportDialog(None, "某局", lambda: bad)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.from_prior.setChecked(True)
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "请选择上年报告" in dialog.prior_note.text()
    qtbot.mouseClick(dialog.browse, Qt.MouseButton.LeftButton)
    assert dialog.prior_note.isVisible() and "无法读取" in dialog.prior_note.text()
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.agency.text() == "某局"


def test_new_from_last_year_starts_with_empty_text(qtbot: Any, window: Any, prompter: FakePrompter,
                                                   gui_env: Path) -> None:
    source = last_year_file(gui_env)
    dialog = NewReportDialog(None, window.document.report.meta.agency, lambda: source)
    qtbot.addWidget(dialog)
    dialog.from_prior.setChecked(True)
    dialog._browse()
    prompter.new_request = dialog.request()
    window.act_new.trigger()
    report = window.document.report
    assert report.meta.agency == LAST_YEAR_AGENCY and report.meta.year == 2025
    assert LAST_YEAR_AGENCY in window.windowTitle()
    assert report.prior is not None and report.get("t3.carried_in.natural") == 3
    for key in ("overview", "problems", "other"):
        assert not report.text.get(key), key
    assert "2024年" not in "".join(v or "" for v in report.text.values())


def test_a_prior_without_agency_clears_the_field_and_asks_for_it(qtbot: Any, gui_env: Path) -> None:
    last_year = filled_report()
    last_year.meta.agency = ""
    source = gui_env / "无名.govopen"
    save_report(last_year, source)
    dialog = prior_picked(qtbot, "当前打开的别的单位", source)
    assert dialog.agency.text() == ""  # not the other body's name
    assert dialog.agency_problem.isVisible() and "没有机关名称" in dialog.agency_problem.text()
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.year.value() == 2025
