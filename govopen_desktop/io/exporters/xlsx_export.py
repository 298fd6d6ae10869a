"""The report's tables as an Excel workbook: one sheet per official table (its note, 表下说明,
in a row under it), plus a hidden sheet "govopen-data" with every value and text as text for an
exact re-import.

Each sheet is laid out from the format's grid description (spans, header rows, widths), so a
new format file needs no code here. Numbers are stored as numbers (computed values, not
formulas: openpyxl does not calculate, and a re-import would read no cached value).
"""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from govopen_desktop.domain.formats import Table
from govopen_desktop.domain.report import SCHEMA, TEXT_KEYS, Report
from govopen_desktop.domain.values import decimals_of, format_value
from govopen_desktop.io.exporters.output import write_export
from govopen_desktop.io.exporters.text import clean_text, report_title
from govopen_desktop.io.exporters.xlsx_layout import MARGIN_LR_IN, MARGIN_TB_IN, CellStyles, layout, text_height
from govopen_desktop.io.workbook_layout import DATA_SHEET, TOP, sheet_name

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

EXCEL_TEXT_LIMIT = 32767  # characters a cell can hold


def export_xlsx(report: Report, path: Path) -> list[str]:
    """Write the tables and the hidden data sheet to `path`; GovopenError when it cannot.
    Returns notes for the clerk (none: the sheets carry no signature)."""
    write_export(Path(path), build_xlsx_bytes(report))
    return []


def export_blank_xlsx(year: int, path: Path, agency: str = "") -> None:
    """The empty official tables for `year` (the form an upper office sends to its units).
    No data sheet: what a unit types into the visible sheets is what an import must read."""
    write_export(Path(path), build_xlsx_bytes(Report.new(agency, year), data_sheet=False))


def build_xlsx_bytes(report: Report, *, data_sheet: bool = True) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    styles = CellStyles(wb)
    for table in report.format.tables:
        _table_sheet(wb, table, report, styles)
    if data_sheet:
        _data_sheet(wb, report)
    wb.properties.title = report_title(report)
    wb.properties.creator = clean_text(report.meta.agency.strip()) or "govopen-desktop"
    wb.properties.subject = report.format.title
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _table_sheet(wb: Workbook, table: Table, report: Report, styles: CellStyles) -> None:
    ws = wb.create_sheet(sheet_name(table))
    last_col = table.n_cols
    from openpyxl.worksheet.cell_range import CellRange

    def merge(top: int, left: int, bottom: int, right: int) -> None:
        # A plain range, added directly: Worksheet.merge_cells and MergedCellRange re-read and
        # re-style every border cell (MergedCellRange.format), the bulk of openpyxl's time here,
        # for borders that are set cell by cell below. The file written is the same.
        ws.merged_cells.add(CellRange(min_col=left, min_row=top, max_col=right, max_row=bottom))

    styles.apply(ws.cell(1, 1, table.heading), styles.title)
    merge(1, 1, 1, last_col)
    # 填报单位 and 报告年度 in cells of their own: an importer reads "填报单位：X" as the agency.
    half = max(1, (last_col + 1) // 2)
    styles.apply(ws.cell(2, 1, f"填报单位：{report.meta.agency}"), styles.meta)
    styles.apply(ws.cell(2, half + 1, f"报告年度：{report.meta.year}年"), styles.meta)
    if half > 1:
        merge(2, 1, 2, half)
    if last_col > half + 1:
        merge(2, half + 1, 2, last_col)
    ws.row_dimensions[1].height = 30
    ws.row_dimensions[2].height = 20

    texts: dict[tuple[int, int], str] = {}
    for cell in table.cells:
        row, col = TOP + cell.row, 1 + cell.col
        target = ws.cell(row, col)
        if cell.key is None:  # wraps by width: no line breaks baked into the text
            target.value = texts[cell.row, cell.col] = clean_text(cell.text or "").replace("\n", "")
            target.data_type = "s"
            styles.apply(target, styles.for_role(cell.role))
        else:
            value = report.cells.get(cell.key)
            texts[cell.row, cell.col] = format_value(value)
            number_format = None
            if isinstance(value, int | Decimal):
                target.value = value
                unit = report.unit_of(cell.key)
                number_format = _number_format(value, unit if isinstance(unit, str) else None)
            styles.apply(target, styles.value, number_format)
        if cell.rowspan > 1 or cell.colspan > 1:
            for r in range(row, row + cell.rowspan):  # a merged range shows the borders of every cell
                for c in range(col, col + cell.colspan):
                    if (r, c) != (row, col):
                        ws.cell(r, c)._style = target._style  # shared, never changed after
            merge(row, col, row + cell.rowspan - 1, col + cell.colspan - 1)
    _validation(ws, table, report)
    from openpyxl.utils import get_column_letter

    sheet = layout(table, texts, above_pt=30 + 20)
    for i, width in enumerate(sheet.widths):
        ws.column_dimensions[get_column_letter(i + 1)].width = width
    for r, height in enumerate(sheet.heights):
        ws.row_dimensions[TOP + r].height = height
    last_row = TOP + table.n_rows - 1
    note = clean_text(report.text.get(report.format.note_of(table.id) or "") or "").strip()
    if note:  # 表下说明: one merged row right under the grid, as the Word document prints it
        last_row += 1
        styles.apply(ws.cell(last_row, 1, note), styles.meta)
        ws.cell(last_row, 1).data_type = "s"
        merge(last_row, 1, last_row, last_col)
        ws.row_dimensions[last_row].height = text_height(note, sum(sheet.widths))
    _print_setup(ws, table, sheet.orientation, last_row)


def _number_format(value: int | Decimal, unit: str | None) -> str:
    """Show the value as entered: an amount's decimals (0.1200), a written unit (251000元)."""
    decimals = decimals_of(value)
    fmt = "0" if decimals == 0 else "0." + "0" * decimals
    if isinstance(value, int) and unit is None:
        return "0"
    if unit:
        fmt += '"' + unit.replace('"', "") + '"'
    return fmt


def _validation(ws: Worksheet, table: Table, report: Report) -> None:
    """Excel refuses what the form cannot hold: fractions of a count, negative counts."""
    from openpyxl.worksheet.datavalidation import DataValidation

    rules: dict[str, DataValidation] = {
        "count": DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0", allow_blank=True,
                                error="请填写不小于 0 的整数（没有请填 0）。", errorTitle="件数"),
        "signed_count": DataValidation(type="whole", operator="between", formula1="-1000000000",
                                       formula2="1000000000", allow_blank=True,
                                       error="请填写整数（减少时填负数）。", errorTitle="本年增/减"),
        "amount": DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True,
                                 error="请填写不小于 0 的金额。", errorTitle="金额"),
    }
    rules["amount_with_unit"] = rules["amount"]
    from openpyxl.worksheet.cell_range import MultiCellRange

    cells: dict[int, list[tuple[int, int]]] = {}  # by rule: (column, row) of its cells
    for cell in table.value_cells():
        field = report.format.fields.get(cell.key or "")
        if field is None or field.kind not in rules:
            continue
        cells.setdefault(id(rules[field.kind]), []).append((1 + cell.col, TOP + cell.row))
    for rule in {id(r): r for r in rules.values()}.values():
        if id(rule) in cells:
            rule.showErrorMessage = True
            rule.sqref = MultiCellRange(_runs(cells[id(rule)]))
            ws.add_data_validation(rule)


def _runs(cells: list[tuple[int, int]]) -> str:
    """'D5:D30 E5:E30 …': the cells as runs down each column (one range parsed per run, not per cell)."""
    from openpyxl.utils import get_column_letter

    runs: list[list[int]] = []  # [column, first row, last row]
    for col, row in sorted(cells):
        if runs and runs[-1][0] == col and runs[-1][2] == row - 1:
            runs[-1][2] = row
        else:
            runs.append([col, row, row])
    parts = []
    for col, first, last in runs:
        letter = get_column_letter(col)
        parts.append(f"{letter}{first}" if first == last else f"{letter}{first}:{letter}{last}")
    return " ".join(parts)


def _print_setup(ws: Worksheet, table: Table, orientation: str, last_row: int) -> None:
    """A4 in the orientation that keeps the text larger, the whole table on one page (表三 is
    never split), header rows repeated should a program ignore the fit, frozen below them."""
    from openpyxl.utils import get_column_letter

    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = orientation
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 1
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = MARGIN_LR_IN
    ws.page_margins.top = ws.page_margins.bottom = MARGIN_TB_IN
    ws.page_margins.header = ws.page_margins.footer = 0.3
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"
    ws.print_area = f"A1:{get_column_letter(table.n_cols)}{last_row}"  # the note under the grid included
    if table.header_rows:
        ws.print_title_rows = f"{TOP}:{TOP + table.header_rows - 1}"
    ws.freeze_panes = ws.cell(TOP + table.header_rows, 1 + table.label_columns).coordinate


def data_rows(report: Report) -> list[tuple[str, str | None]]:
    """The hidden sheet's contract: meta, every cell key of the format in order, the texts;
    each value as text (format_value), None for an empty value."""
    meta = report.meta
    rows: list[tuple[str, Any]] = [
        ("meta.agency", meta.agency),
        ("meta.year", str(meta.year)),
        ("meta.format", meta.format),
        ("meta.date", meta.date),
    ]
    rows += [(key, format_value(report.cells.get(key))) for key in report.format.keys]
    rows += [(f"text.{key}", report.text.get(key)) for key in TEXT_KEYS]
    return [(key, clean_text(value) if value else None) for key, value in rows]


def _data_sheet(wb: Workbook, report: Report) -> None:
    from govopen_desktop.domain.errors import GovopenError

    ws = wb.create_sheet(DATA_SHEET)
    ws.sheet_state = "hidden"
    ws.append(["schema", SCHEMA])
    text_style = None
    for row, (key, value) in enumerate(data_rows(report), start=2):
        if value is not None and len(value) > EXCEL_TEXT_LIMIT:
            raise GovopenError(f"“{key}”的文字超过 Excel 单元格上限（{EXCEL_TEXT_LIMIT} 字），无法导出为 Excel。")
        ws.cell(row, 1, key)
        cell = ws.cell(row, 2)
        if text_style is None:
            cell.number_format = "@"
            text_style = cell._style
        else:
            cell._style = text_style  # one style lookup, not one per row (shared, never changed)
        if value is not None:
            cell.value = value
            cell.data_type = "s"  # "0.1200" stays text; "=…" is not a formula
    ws.column_dimensions["A"].width = 36
    ws.column_dimensions["B"].width = 60
