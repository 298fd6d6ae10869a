"""The program's own exports read back exactly: the Excel export through its hidden
govopen-data sheet, and through its visible tables alone; the Word export through the
official tables, headings and signature."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from govopen_desktop.domain.report import Report
from govopen_desktop.domain.values import Published
from govopen_desktop.io.importers import import_file
from govopen_desktop.io.project import load_report
from tests.support.import_builders import cell_differences
from tests.support.paths import SAMPLE, load_expected, seed_names, shared_available


def _reports() -> list[tuple[str, Report]]:
    out = [("sample", load_report(SAMPLE))]
    if shared_available():
        for name in seed_names():
            data = load_expected(name)
            out.append((name, Report.from_dict({k: data[k] for k in ("meta", "cells", "text")})))
    return out


REPORTS = _reports()
IDS = [name for name, _ in REPORTS]


@pytest.mark.parametrize("report", [r for _, r in REPORTS], ids=IDS)
@pytest.mark.parametrize(("suffix", "exact"), [
    (".docx", False),  # through the official tables, headings and signature
    (".xlsx", True),  # through the hidden data sheet: types and decimals too
])
def test_own_export_reads_back_exactly(report: Report, suffix: str, exact: bool, tmp_path: Path) -> None:
    from govopen_desktop.io.exporters.docx_export import export_docx
    from govopen_desktop.io.exporters.xlsx_export import export_xlsx

    path = tmp_path / f"report{suffix}"
    {".docx": export_docx, ".xlsx": export_xlsx}[suffix](report, path)
    result = import_file(path)
    if exact:
        assert result.report.cells == report.cells
    else:
        assert cell_differences(report.cells, result.report.cells) == []
    assert result.report.meta == report.meta
    assert result.report.text == report.text
    assert result.problems == []


@pytest.mark.parametrize("report", [r for _, r in REPORTS], ids=IDS)
def test_own_excel_export_without_data_sheet_reads_the_tables(report: Report, tmp_path: Path) -> None:
    import openpyxl

    from govopen_desktop.io.exporters.xlsx_export import export_xlsx

    path = tmp_path / "report.xlsx"
    export_xlsx(report, path)
    wb = openpyxl.load_workbook(path)
    del wb["govopen-data"]
    wb.save(path)
    result = import_file(path)
    assert cell_differences(report.cells, result.report.cells) == []
    assert (result.report.meta.agency, result.report.meta.year, result.report.meta.format) == (
        report.meta.agency, report.meta.year, report.meta.format)
    assert result.problems == []


def test_data_sheet_with_a_bad_value_is_a_problem_and_the_table_gives_the_value(tmp_path: Path) -> None:
    import openpyxl

    from govopen_desktop.io.exporters.xlsx_export import export_xlsx

    report = load_report(SAMPLE)
    path = tmp_path / "report.xlsx"
    export_xlsx(report, path)
    wb = openpyxl.load_workbook(path)
    ws = wb["govopen-data"]
    row = next(r for r in ws.iter_rows() if r[0].value == "t3.new.natural")
    row[1].value = "十几"
    wb.save(path)
    result = import_file(path)
    assert result.report.cells["t3.new.natural"] == 42  # from the visible table, never a silent 0
    assert [p.key for p in result.problems] == ["t3.new.natural"]
    assert "十几" in result.problems[0].message and "按表格中的数值 42 导入" in result.problems[0].message


def test_data_sheet_with_a_bad_value_and_an_empty_table_cell_stays_empty(tmp_path: Path) -> None:
    import openpyxl

    from govopen_desktop.io.exporters.xlsx_export import export_xlsx

    report = load_report(SAMPLE)
    report.set_values({"t3.new.natural": None})
    path = tmp_path / "report.xlsx"
    export_xlsx(report, path)
    wb = openpyxl.load_workbook(path)
    row = next(r for r in wb["govopen-data"].iter_rows() if r[0].value == "t3.new.natural")
    row[1].value = "十几"
    wb.save(path)
    result = import_file(path)
    assert result.report.cells["t3.new.natural"] is None
    assert [p.key for p in result.problems] == ["t3.new.natural"]
    assert "已留空" in result.problems[0].message


def test_amount_keeps_its_decimals_through_the_data_sheet(tmp_path: Path) -> None:
    from govopen_desktop.io.exporters.xlsx_export import export_xlsx

    report = Report.new("某某局", 2024)
    report.set_values({"t2.fees.amount": "0.1200"})
    path = tmp_path / "report.xlsx"
    export_xlsx(report, path)
    value = import_file(path).report.cells["t2.fees.amount"]
    assert isinstance(value, Decimal) and str(value) == "0.1200"


def test_excel_export_edited_afterwards_imports_what_the_clerk_sees(sample_path: Path, tmp_path: Path) -> None:
    """The hidden data sheet is stale once a number is corrected in Excel/WPS: the visible
    tables win, and the problem list names the cell that differed."""
    import openpyxl

    from govopen_desktop.io.exporters.xlsx_export import export_xlsx

    report = load_report(sample_path)
    path = tmp_path / "report.xlsx"
    export_xlsx(report, path)
    wb = openpyxl.load_workbook(path)
    ws = wb["表四"]
    target = next(c for row in ws.iter_rows() for c in row if c.value == 2 and c.data_type == "n")
    target.value = 5  # 行政复议 · 结果维持: 2 → 5
    wb.save(path)
    result = import_file(path)
    assert result.report.get("t4.review.upheld") == 5
    assert result.report.text == report.text  # text only lives in the data sheet
    assert len(result.problems) == 1
    assert "行政复议 · 结果维持" in result.problems[0].describe()
    assert "修改过" in result.problems[0].describe()


@pytest.mark.parametrize(("sheet", "value", "key"), [
    ("表二", 3, "t2.normative_docs.issued"),
    ("表三", 42, "t3.new.natural"),
    ("表四", 2, "t4.review.upheld"),  # table 4's value row has no label of its own
])
def test_a_word_in_one_cell_is_one_problem_not_a_lost_row(tmp_path: Path, sheet: str, value: int, key: str) -> None:
    import openpyxl

    from govopen_desktop.io.exporters.xlsx_export import export_xlsx

    report = load_report(SAMPLE)
    path = tmp_path / "report.xlsx"
    export_xlsx(report, path)
    wb = openpyxl.load_workbook(path)
    del wb["govopen-data"]
    cell = next(c for row in wb[sheet].iter_rows() for c in row if c.data_type == "n" and c.value == value)
    cell.value = "若干"
    wb.save(path)
    result = import_file(path)
    assert [p.key for p in result.problems] == [key]
    assert "若干" in result.problems[0].message
    assert result.report.cells[key] == Published("若干", "不是数字")  # kept as printed, not dropped
    others = {k: v for k, v in report.cells.items() if k != key and not report.format.fields[k].derived}
    assert cell_differences(others, {k: result.report.cells[k] for k in others}) == []
