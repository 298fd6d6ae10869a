"""A workbook written by a program that does not calculate (openpyxl, some reporting systems):
its totals are formulas with no result saved. A sum over the sheet's numbers is read as Excel
shows it; any other formula is kept as printed and named in a problem, never left blank."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from govopen_desktop.io.importers import import_file
from govopen_desktop.io.project import load_report
from tests.support.import_builders import Expected, _put_grid, grid, spell
from tests.support.paths import REPO

SAMPLE = REPO / "resources" / "sample" / "sample-2024.govopen"


def workbook_with_formula_totals(path: Path, text_numbers: bool = False) -> dict[str, object]:
    """The sample's tables on one sheet, numbers as numbers; table 3's 总计 column as =SUM(…)
    of the row (openpyxl saves no result). Returns the sample's cells."""
    report = load_report(SAMPLE)
    meta = {"agency": report.meta.agency, "year": report.meta.year, "format": report.meta.format}
    exp = Expected(meta, dict(report.cells), dict(report.text))
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "年报"
    ws.cell(1, 2, f"{report.meta.agency}{report.meta.year}年政府信息公开工作年度报告")
    top = 3
    for table in exp.fmt.tables:
        ws.cell(top, 2, spell(table.heading, "half"))
        _put_grid(ws, grid(table, exp, "half", "", text_numbers), top + 1, 2)
        if table.id == "t3":
            for c in table.cells:
                if c.key and c.key.endswith(".total") and not c.key.startswith("t3.results_total"):
                    row, col = top + 1 + c.row, 2 + c.col
                    first, last = ws.cell(row, col - 6).coordinate, ws.cell(row, col - 1).coordinate
                    ws.cell(row, col, f"=SUM({first}:{last})")
        top += table.n_rows + 3
    wb.save(path)
    return dict(report.cells)


def test_sum_formulas_without_results_read_as_excel_shows_them(tmp_path: Path) -> None:
    path = tmp_path / "系统导出.xlsx"
    cells = workbook_with_formula_totals(path)
    result = import_file(path)
    t3_totals = [k for k in cells if k.startswith("t3.") and k.endswith(".total")]
    assert t3_totals and all(result.report.cells[k] == cells[k] for k in t3_totals)
    assert not [p for p in result.problems if p.key in t3_totals]


def test_a_formula_over_numbers_stored_as_text_is_kept_and_named(tmp_path: Path) -> None:
    # SUM skips numbers stored as text: Excel would show 0; the formula is kept, not guessed
    path = tmp_path / "系统导出.xlsx"
    workbook_with_formula_totals(path, text_numbers=True)
    result = import_file(path)
    value = result.report.cells["t3.new.total"]
    assert str(value).startswith("=SUM(")
    [said] = [p for p in result.problems if p.key == "t3.new.total"]
    assert "是公式" in said.message and "没有保存计算结果" in said.message
