"""The Excel export, read back with openpyxl: sheets laid out from the format grid, numbers as
numbers, print setup, and the hidden govopen-data sheet that re-imports exactly."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from govopen_desktop.domain.report import SCHEMA, TEXT_KEYS, Report
from govopen_desktop.domain.values import format_value, parse_value
from govopen_desktop.io.exporters.xlsx_export import export_blank_xlsx, export_xlsx
from govopen_desktop.io.workbook_layout import DATA_SHEET, TOP, sheet_name
from tests.support.reports import filled_report


def full_report(format_id: str) -> Report:
    report = filled_report(format_id)
    report.set_values({report.format.input_keys[-1]: None})  # one empty cell
    report.set_text("overview", "（一）主动公开\n全年公开1587条。\n=SUM(A1)不是公式")
    report.set_text("other", "无")
    return report


def export(report: Report, tmp_path: Path) -> openpyxl.Workbook:
    path = tmp_path / "r.xlsx"
    export_xlsx(report, path)
    return openpyxl.load_workbook(path)


def merged(ws: Worksheet) -> set[tuple[int, int, int, int]]:
    return {(m.min_row, m.min_col, m.max_row, m.max_col) for m in ws.merged_cells.ranges if m.min_row >= TOP}


@pytest.mark.parametrize("format_id", ["2019", "2021"])
def test_sheets_merge_exactly_the_format_spans(format_id: str, tmp_path: Path) -> None:
    report = full_report(format_id)
    wb = export(report, tmp_path)
    tables = report.format.tables
    assert wb.sheetnames == [*(sheet_name(t) for t in tables), DATA_SHEET]
    assert [sheet_name(t) for t in tables] == ["表二", "表三", "表四"]
    for table in tables:
        ws = wb[sheet_name(table)]
        assert ws.sheet_state == "visible"
        want = {(TOP + c.row, 1 + c.col, TOP + c.row + c.rowspan - 1, 1 + c.col + c.colspan - 1)
                for c in table.cells if c.rowspan > 1 or c.colspan > 1}
        assert merged(ws) == want
        for c in table.cells:
            if c.key is None:
                assert str(ws.cell(TOP + c.row, 1 + c.col).value).replace("\n", "") == c.text


@pytest.mark.parametrize("format_id", ["2019", "2021"])
def test_numbers_are_numbers_and_keep_their_decimals(format_id: str, tmp_path: Path) -> None:
    report = full_report(format_id)
    wb = export(report, tmp_path)
    fields = report.format.fields
    for table in report.format.tables:
        ws = wb[sheet_name(table)]
        for c in table.value_cells():
            cell = ws.cell(TOP + c.row, 1 + c.col)
            value = report.cells.get(c.key or "")
            if value is None:
                assert cell.value is None
                continue
            assert isinstance(cell.value, int | float) and not isinstance(cell.value, bool)
            assert Decimal(str(cell.value)) == value
            if isinstance(value, Decimal):
                decimals = -value.as_tuple().exponent  # type: ignore[operator]
                assert cell.number_format.startswith("0." + "0" * decimals)
            unit_key = fields[c.key or ""].unit_key
            if unit_key:
                assert cell.number_format.endswith('"元"')


def test_borders_frame_every_cell_and_merged_range(tmp_path: Path) -> None:
    report = full_report("2021")
    table = report.format.table("t3")
    ws = export(report, tmp_path)["表三"]
    for c in table.cells:
        top, left = TOP + c.row, 1 + c.col
        bottom, right = top + c.rowspan - 1, left + c.colspan - 1
        for r in range(top, bottom + 1):
            assert ws.cell(r, left).border.left.style == "thin"
            assert ws.cell(r, right).border.right.style == "thin"
        for col in range(left, right + 1):
            assert ws.cell(top, col).border.top.style == "thin"
            assert ws.cell(bottom, col).border.bottom.style == "thin"


def test_print_setup_a4_whole_table_on_one_page(tmp_path: Path) -> None:
    from govopen_desktop.io.exporters.table_layout import lone_tail
    from govopen_desktop.io.exporters.xlsx_layout import CJK_PX, _avail_px

    report = full_report("2021")
    wb = export(report, tmp_path)
    for table in report.format.tables:
        ws = wb[sheet_name(table)]
        assert int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4)
        assert ws.page_setup.orientation in ("portrait", "landscape")
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 1  # 表三 is never split
        assert ws.freeze_panes == ws.cell(TOP + table.header_rows, 1 + table.label_columns).coordinate
        if table.header_rows:
            assert ws.print_title_rows == f"${TOP}:${TOP + table.header_rows - 1}"
        widths = [ws.column_dimensions[chr(65 + i)].width for i in range(table.n_cols)]
        if table.label_columns > 1:  # the matrix table: value columns equal, unless a number needs more
            from govopen_desktop.io.exporters.table_layout import value_units
            from govopen_desktop.io.exporters.xlsx_layout import CELL_PAD_PX

            base = min(widths[table.label_columns:])
            for col in range(table.label_columns, table.n_cols):
                texts = [format_value(report.get(c.key)) for c in table.cells if c.key is not None and c.col == col]
                need_px = max(value_units(t) * CJK_PX + CELL_PAD_PX for t in texts)
                assert widths[col] - base <= 0.2 or widths[col] * 7 + 5 >= need_px - 1
        for c in table.cells:  # no label ends on a lone character in its column
            if c.key is None and c.col < table.label_columns:
                assert not lone_tail(c.text or "", _avail_px(sum(widths[c.col:c.col + c.colspan])) / CJK_PX), c.text


def test_header_cells_carry_no_line_breaks(tmp_path: Path) -> None:
    report = full_report("2021")
    wb = export(report, tmp_path)
    for table in report.format.tables:
        ws = wb[sheet_name(table)]
        for c in table.cells:
            if c.key is None:
                value = ws.cell(TOP + c.row, 1 + c.col).value
                assert value == c.text and "\n" not in value
                assert ws.cell(TOP + c.row, 1 + c.col).alignment.wrap_text


def test_title_and_agency_rows(tmp_path: Path) -> None:
    ws = export(full_report("2021"), tmp_path)["表三"]
    assert ws["A1"].value == "三、收到和处理政府信息公开申请情况"
    assert ws["A2"].value == "填报单位：青山市自然资源和规划局"
    assert "报告年度：2024年" in [c.value for c in ws[2]]


@pytest.mark.parametrize("format_id", ["2019", "2021"])
def test_hidden_data_sheet_round_trips_every_value(format_id: str, tmp_path: Path) -> None:
    report = full_report(format_id)
    ws = export(report, tmp_path)[DATA_SHEET]
    assert ws.sheet_state == "hidden"
    assert (ws["A1"].value, ws["B1"].value) == ("schema", SCHEMA)
    rows = {r[0].value: r[1] for r in ws.iter_rows(min_row=2, max_col=2)}
    keys = [r[0].value for r in ws.iter_rows(min_row=2, max_col=1)]
    assert keys == ["meta.agency", "meta.year", "meta.format", "meta.date", *report.format.keys,
                    *(f"text.{k}" for k in TEXT_KEYS)]
    fmt = report.format
    for key in fmt.keys:
        cell = rows[key]
        want = report.cells.get(key)
        if want is None:
            assert cell.value in (None, "")
            continue
        assert cell.data_type == "s" and cell.value == format_value(want)
        back = parse_value(cell.value, fmt.fields[key].kind)
        assert back == want and type(back) is type(want) and str(back) == str(want)  # 0.1200 stays
    assert rows["meta.year"].value == str(report.meta.year)
    assert rows["meta.date"].value == "2025-01-20"
    assert rows["text.overview"].value == report.text["overview"]
    assert rows["text.overview"].data_type == "s"  # "=SUM" in a text is not a formula
    assert rows["text.problems"].value is None


def test_blank_form_has_empty_tables_and_no_data_sheet(tmp_path: Path) -> None:
    path = tmp_path / "blank.xlsx"
    export_blank_xlsx(2020, path, agency="某某街道办事处")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["表二", "表三", "表四"]
    report = Report.new("", 2020)
    assert report.meta.format == "2019"
    for table in report.format.tables:
        ws = wb[sheet_name(table)]
        assert all(ws.cell(TOP + c.row, 1 + c.col).value is None for c in table.value_cells())
        assert ws.data_validations.dataValidation  # counts must be whole numbers ≥ 0
    assert wb["表二"]["A2"].value == "填报单位：某某街道办事处"
