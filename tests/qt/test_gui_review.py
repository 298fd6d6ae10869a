"""The reviewing office in the window: 批量检查 and 汇总各单位报告 driven through the real dialogs."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from govopen_desktop.domain.report import Report
from govopen_desktop.io.project import save_report
from govopen_desktop.qt.main_window import MainWindow
from govopen_desktop.qt.review_dialogs import open_batch_dialog, open_combine_dialog
from tests.support.clean_reports import clean_report
from tests.support.gui import FakePrompter
from tests.support.import_builders import write_compilation
from tests.support.reports import filled_report


def _units(folder: Path, n: int = 3) -> list[Report]:
    folder.mkdir()
    reports = []
    for i in range(n):
        r = filled_report("2021")
        r.set_meta(agency=f"第{i + 1}街道办事处")
        if i == 0:
            r.set_values({"t3.results_total.natural": 999}, force=True)
        save_report(r, folder / f"unit{i}.govopen")
        reports.append(r)
    (folder / "坏文件.docx").write_bytes(b"PK\x03\x04broken")
    return reports


@pytest.fixture
def window(qtbot, tmp_path: Path) -> MainWindow:
    w = MainWindow(filled_report("2021"), recovery_file=tmp_path / "rec.govopen-recovery")
    qtbot.addWidget(w)
    w.document.undo_stack.setClean()
    return w


def test_batch_check_dialog_lists_units_and_saves_workbook(qtbot, window: MainWindow, tmp_path: Path) -> None:
    _units(tmp_path / "units")
    assert window.act_batch_check.text().startswith("批量检查")
    dialog = open_batch_dialog(window)
    dialog.picker.add([tmp_path / "units"])
    dialog.start_button.click()
    qtbot.waitUntil(lambda: not dialog.is_running() and dialog.table.rowCount() == 4, timeout=30000)
    assert dialog.progress.value() == 4
    first = [dialog.table.item(0, c).text() for c in range(dialog.table.columnCount())]
    assert first[0] == "第1街道办事处"  # most errors first
    assert dialog.table.item(3, 0).text() == "（无法读取）"
    assert "4 份报告" in dialog.summary.text() and "1 份无法读取" in dialog.summary.text()
    out = tmp_path / "结果.xlsx"
    assert dialog.save_workbook(out)
    assert load_workbook(out).sheetnames == ["汇总", "问题清单", "无法读取"]
    opened: list[Path] = []
    dialog.open_report = lambda path, _part: opened.append(path)
    dialog.table.cellDoubleClicked.emit(1, 0)
    assert opened and opened[0].suffix == ".govopen"


def test_combine_dialog_opens_the_sum_in_the_window(qtbot, window: MainWindow, tmp_path: Path) -> None:
    units = _units(tmp_path / "units")
    dialog = open_combine_dialog(window)
    dialog.picker.add([tmp_path / "units"])
    dialog.agency.setText("某区人民政府")
    dialog.year.setValue(units[0].meta.year)
    dialog.start_button.click()
    qtbot.waitUntil(lambda: not dialog.is_running() and dialog.combined is not None, timeout=30000)
    text = dialog.report_text.toPlainText()
    assert "计入 3 份报告" in text and "无法读取（1）" in text
    out = tmp_path / "明细.xlsx"
    assert dialog.save_breakdown(out) and out.exists()
    dialog.open_button.click()
    report = window.document.report
    assert report.meta.agency == "某区人民政府"
    assert report.get("t3.new.natural") == sum(u.get("t3.new.natural") for u in units)  # type: ignore[misc]
    window.show_section("cover")
    cover = window.page("cover")
    label = cover.findChild(type(cover.provenance_label), "provenanceLabel")
    assert label is not None and "3 个单位的报告汇总而成" in label.text()


def test_batch_check_on_every_core_from_the_window(qtbot, window: MainWindow, tmp_path: Path) -> None:
    """Enough files for the process pool (spawned: the window has threads of its own)."""
    _units(tmp_path / "units", n=9)
    dialog = open_batch_dialog(window)
    dialog.picker.add([tmp_path / "units"])
    dialog.start_button.click()
    qtbot.waitUntil(lambda: not dialog.is_running() and dialog.table.rowCount() == 10, timeout=60000)
    names = {dialog.table.item(r, 0).text() for r in range(10)}
    assert {f"第{i}街道办事处" for i in range(1, 10)} <= names


def test_batch_check_lists_each_report_of_a_compilation(qtbot, tmp_path: Path) -> None:
    """A county's 汇编 of two bodies' reports: a row each, named with its number; a double-click
    opens that report of the file in the window."""
    window = MainWindow(filled_report("2021"), prompter=FakePrompter(), recovery_file=tmp_path / "rec.govopen-recovery")
    qtbot.addWidget(window)
    window.document.undo_stack.setClean()
    first, second = clean_report("2021", agency="某县教育局"), clean_report("2021", agency="某县民政局")
    path = write_compilation(tmp_path / "汇编.txt", [first, second])
    dialog = open_batch_dialog(window)
    dialog.picker.add([path])
    dialog.start_button.click()
    qtbot.waitUntil(lambda: not dialog.is_running() and dialog.table.rowCount() == 2, timeout=30000)
    rows = {dialog.table.item(r, 0).text(): (r, dialog.table.item(r, 6).text()) for r in range(2)}
    assert {k: v[1] for k, v in rows.items()} == {"某县教育局": f"{path}（第1份）", "某县民政局": f"{path}（第2份）"}
    dialog.table.cellDoubleClicked.emit(rows["某县民政局"][0], 0)
    assert window.document.report.meta.agency == "某县民政局" and window.document.imported
    assert window.document.report.get("t3.new.total") == second.get("t3.new.total")
    dialog.table.cellDoubleClicked.emit(rows["某县教育局"][0], 0)
    assert window.document.report.meta.agency == "某县教育局"
