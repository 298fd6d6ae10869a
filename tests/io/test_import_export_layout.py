"""An exported workbook whose visible tables are still as the export laid them out is read from
its data sheet without reading the tables by their labels (io/workbook_layout.py says where the
export puts each cell); the result is the one the labels give, and any change to the tables —
a number, a label, a row put in — sends them to the labels' reading as before."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from govopen_desktop.domain.report import Report
from govopen_desktop.io.exporters.xlsx_export import export_xlsx
from govopen_desktop.io.importers import data_sheet, import_file
from govopen_desktop.io.project import load_report
from tests.support.paths import SAMPLE, TEST_DATA, load_expected, seed_names, shared_available


def _reports() -> list[tuple[str, Report]]:
    out = [("sample", load_report(SAMPLE))]
    if shared_available():
        for name in seed_names():
            data = load_expected(name)
            out.append((name, Report.from_dict({k: data[k] for k in ("meta", "cells", "text")})))
    return out


REPORTS = _reports()


def _outcome(path: Path) -> tuple[object, ...]:
    result = import_file(path)
    return (result.report.to_dict(), [(p.key, p.message, p.place) for p in result.problems])


def _by_labels(monkeypatch: pytest.MonkeyPatch, path: Path) -> tuple[object, ...]:
    with monkeypatch.context() as patched:
        patched.setattr(data_sheet, "_as_exported", lambda doc, report: False)
        return _outcome(path)


def _layout_taken(monkeypatch: pytest.MonkeyPatch, path: Path) -> bool:
    seen: list[bool] = []
    real = data_sheet._as_exported

    def spy(doc: object, report: Report) -> bool:
        seen.append(real(doc, report))  # type: ignore[arg-type]
        return seen[-1]

    with monkeypatch.context() as patched:
        patched.setattr(data_sheet, "_as_exported", spy)
        import_file(path)
    return seen == [True]


@pytest.mark.parametrize("report", [r for _, r in REPORTS], ids=[n for n, _ in REPORTS])
def test_an_unchanged_export_reads_as_its_labels_read_it(report: Report, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "report.xlsx"
    export_xlsx(report, path)
    assert _outcome(path) == _by_labels(monkeypatch, path)
    assert _layout_taken(monkeypatch, path) == (report.format.id != "2019")  # 2019: units from headers


def test_the_export_saved_as_xls_by_an_office_program_reads_by_its_layout(monkeypatch: pytest.MonkeyPatch) -> None:
    path = TEST_DATA / "import" / "sample-export.xls"
    assert _layout_taken(monkeypatch, path)
    assert _outcome(path) == _by_labels(monkeypatch, path)


def _edited(tmp_path: Path, edit: str) -> Path:
    path = tmp_path / "report.xlsx"
    export_xlsx(load_report(SAMPLE), path)
    wb = openpyxl.load_workbook(path)
    ws = wb["表三"]
    cell = next(c for row in ws.iter_rows() for c in row if c.data_type == "n" and c.value)
    if edit == "row put in":
        ws.insert_rows(5)
        ws.cell(5, 1, "（说明：本表由办公室填写）")
    elif edit == "label":
        label = next(c for row in ws.iter_rows() for c in row if c.value == "一、本年新收政府信息公开申请数量")
        label.value = "一、本年新收申请数量"
    elif edit == "unit":
        cell.value = f"{cell.value}件"
    wb.save(path)
    return path


@pytest.mark.parametrize("edit", ["row put in", "label", "unit"])
def test_a_table_changed_after_the_export_is_read_by_its_labels(edit: str, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    path = _edited(tmp_path, edit)
    assert not _layout_taken(monkeypatch, path)
    assert _outcome(path) == _by_labels(monkeypatch, path)


def test_a_number_changed_in_a_row_put_in_table_is_still_found(tmp_path: Path) -> None:
    path = tmp_path / "report.xlsx"
    report = load_report(SAMPLE)
    export_xlsx(report, path)
    wb = openpyxl.load_workbook(path)
    ws = wb["表四"]
    ws.insert_rows(4)
    target = next(c for row in ws.iter_rows() for c in row if c.value == 2 and c.data_type == "n")
    target.value = 5  # 行政复议 · 结果维持: 2 → 5, below a row the clerk put in
    wb.save(path)
    result = import_file(path)
    assert result.report.get("t4.review.upheld") == 5
    assert any("修改过" in p.describe() for p in result.problems)
