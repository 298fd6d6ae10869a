"""A large unit's numbers (a city's 2932 applications, a province's 12345) print on one line in
table 3's narrow value columns of every export: the columns grow for them, the labels give the
width up; a report of small numbers keeps the form's widths."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from openpyxl import load_workbook

from govopen_desktop.domain.report import Report
from govopen_desktop.io.exporters.docx_export import export_docx
from govopen_desktop.io.exporters.docx_tables import CELL_MARGIN, TIGHT_MARGIN
from govopen_desktop.io.exporters.table_layout import cached_column_widths, value_units
from govopen_desktop.io.exporters.xlsx_export import export_xlsx
from govopen_desktop.io.importers import import_file
from govopen_desktop.io.project import load_report
from tests.support.paths import SAMPLE
from tests.support.reports import filled_report

BIG = 12345


def _big(format_id: str) -> Report:
    report = filled_report(format_id)
    report.set_values({"t3.new.natural": BIG, "t3.granted.natural": BIG})  # 自然人 and its totals grow
    return report


def _t3_grid(path: Path) -> list[int]:
    document = docx.Document(str(path))
    table = next(t for t in document.tables if "自然人" in "".join(c.text for c in t._cells))
    return [int(col.get(qn("w:w"))) for col in table._tbl.tblGrid.gridCol_lst]


@pytest.mark.parametrize("format_id", ["2019", "2021"])
def test_word_value_columns_hold_the_longest_number(tmp_path: Path, format_id: str) -> None:
    report = _big(format_id)
    path = tmp_path / "big.docx"
    export_docx(report, path)
    grid = _t3_grid(path)
    table = report.format.table("t3")
    natural = table.label_columns  # 自然人 is the first value column
    total_col = table.n_cols - 1
    font_twips = 10.5 * 20
    longest = max(len(str(report.get(k))) for k in table.keys if k.endswith(".natural") and report.get(k) is not None)
    assert longest >= len(str(BIG))
    needed = value_units("9" * longest) * font_twips + 2 * TIGHT_MARGIN
    assert grid[natural] >= needed - 1 and grid[total_col] >= needed - 1
    assert f'w:left w:w="{TIGHT_MARGIN}"' in _t3_xml(path)  # its cells with tight margins
    assert sum(grid) == sum(cached_column_widths(table, sum(grid), font_twips, 2 * CELL_MARGIN))
    back = import_file(path).report
    assert back.get("t3.new.natural") == BIG  # the number reads back whole, not as 1234 and 5


def _t3_xml(path: Path) -> str:
    document = docx.Document(str(path))
    table = next(t for t in document.tables if "自然人" in "".join(c.text for c in t._cells))
    return str(table._tbl.xml)


def test_a_four_digit_number_gets_tight_margins_not_wider_columns(tmp_path: Path) -> None:
    """2932 fits a column of the form with the cell's margins made small: the labels keep their
    width (table 3 stays on its page)."""
    report = load_report(SAMPLE)
    report.set_values({"t3.new.natural": 2932})
    path = tmp_path / "city.docx"
    export_docx(report, path)
    grid = _t3_grid(path)
    assert grid == cached_column_widths(report.format.table("t3"), sum(grid), 10.5 * 20, 2 * CELL_MARGIN)
    xml = _t3_xml(path)
    assert f'w:left w:w="{TIGHT_MARGIN}"' in xml
    assert xml.count("<w:tcMar>") == 2  # 2932 and the 总计 it makes; the small numbers as before


def test_word_keeps_the_forms_widths_for_small_numbers(tmp_path: Path) -> None:
    report = load_report(SAMPLE)  # a unit's few dozen applications
    assert max(len(str(report.get(k) or "")) for k in report.format.table("t3").keys) <= 3
    path = tmp_path / "small.docx"
    export_docx(report, path)
    grid = _t3_grid(path)
    assert grid == cached_column_widths(report.format.table("t3"), sum(grid), 10.5 * 20, 2 * CELL_MARGIN)
    assert "<w:tcMar>" not in _t3_xml(path)


def test_excel_value_columns_hold_the_longest_number(tmp_path: Path) -> None:
    small, big = load_report(SAMPLE), _big("2021")
    widths = {}
    for name, report in (("small", small), ("big", big)):
        path = tmp_path / f"{name}.xlsx"
        export_xlsx(report, path)
        ws = load_workbook(path)["表三"]
        widths[name] = [ws.column_dimensions[letter].width for letter in "ABCDEFGHIJ"]
    assert widths["big"][3] > widths["small"][3]  # 自然人
    assert widths["big"][3] * 7 + 5 >= len(str(BIG)) * 7.5 + 4  # Excel's pixels: no #### for 12345
    assert sum(widths["big"][:3]) < sum(widths["small"][:3])  # the label columns gave the width
