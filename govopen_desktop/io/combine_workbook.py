"""The breakdown of a combined report: for each table a sheet with one row per unit and the sum
row, so every number of the region's table can be traced to its units; and a sheet 情况说明
with the refused, duplicate and missing units and the cells some unit left empty."""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

from govopen_desktop.domain.combine import SUMMABLE_KINDS, CombineResult
from govopen_desktop.domain.values import Value, decimals_of
from govopen_desktop.io.exporters.output import write_export
from govopen_desktop.io.review_inputs import shown_files

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

    from govopen_desktop.domain.formats import ReportFormat, Table


def write_breakdown_workbook(result: CombineResult, path: Path) -> None:
    write_export(path, breakdown_bytes(result))


def breakdown_bytes(result: CombineResult) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    fmt = result.report.format
    sources = [u.source for u in result.included] + [r.source for r in (*result.refused, *result.duplicates)]
    folder, shown = shown_files(sources)
    for table in fmt.tables:
        _table_sheet(wb.create_sheet(f"表{table.number}"), table, fmt, result, shown)
    _notes_sheet(wb.create_sheet("情况说明"), result, shown)
    if folder:
        for ws in wb.worksheets:  # where the files are: on every printed page, not in every row
            ws.oddHeader.left.text = f"文件夹：{folder}"
            ws.oddHeader.left.size = 9
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _table_keys(table: Table, fmt: ReportFormat) -> list[str]:
    return [k for k in table.keys if k in fmt.fields and fmt.fields[k].kind in SUMMABLE_KINDS]


def _table_sheet(ws: Worksheet, table: Table, fmt: ReportFormat, result: CombineResult,
                 shown: dict[str, str]) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    keys = _table_keys(table, fmt)
    ws.append(["单位", "文件", *[fmt.fields[k].label for k in keys]])
    ws.append([None, None, *keys])  # the canonical keys: what a script or a re-import reads
    head = PatternFill("solid", fgColor="DDE4EE")
    unknown_fill = PatternFill("solid", fgColor="FCE4B0")
    for col in range(1, len(keys) + 3):
        for header_row in (1, 2):
            cell = ws.cell(row=header_row, column=col)
            cell.fill = head
            cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        ws.cell(row=1, column=col).font = Font(bold=True)
        ws.cell(row=2, column=col).font = Font(color="808080", size=8)
        ws.column_dimensions[get_column_letter(col)].width = 26 if col == 1 else 22 if col == 2 else 14
    ws.row_dimensions[1].height = 90
    for unit in result.included:
        row: list[object] = [unit.report.meta.agency, shown.get(unit.source, unit.source)]
        row.extend(_cell_value(unit.report.get(k)) for k in keys)
        ws.append(row)
        r = ws.max_row
        for i in range(3, len(keys) + 3):
            if row[i - 1] is None:
                ws.cell(row=r, column=i).fill = unknown_fill
    total: list[object] = ["合计", f"{len(result.included)} 个单位"]
    total.extend(_cell_value(result.report.get(k)) for k in keys)
    ws.append(total)
    r = ws.max_row
    for i in range(1, len(total) + 1):
        ws.cell(row=r, column=i).font = Font(bold=True)
    for i, key in enumerate(keys, start=3):
        if key in result.incomplete:
            ws.cell(row=r, column=i).fill = unknown_fill
        value = result.report.get(key)
        if decimals_of(value):
            ws.cell(row=r, column=i).number_format = "0." + "0" * decimals_of(value)
    ws.freeze_panes = "C3"
    # printed: landscape pages that each repeat the unit names and the column labels
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.print_title_rows = "1:2"
    ws.print_title_cols = "A:B"
    ws.auto_filter.ref = f"A2:{get_column_letter(len(total))}{r - 1}"


def _cell_value(value: Value) -> object:
    """Numbers as numbers; anything else (a unit, a printed invalid value) as text."""
    if value is None or isinstance(value, int | str):
        return value
    from decimal import Decimal

    if isinstance(value, Decimal):
        return float(value) if decimals_of(value) else int(value)
    return str(getattr(value, "text", value))


def _notes_sheet(ws: Worksheet, result: CombineResult, shown: dict[str, str]) -> None:
    from openpyxl.styles import Alignment, Font

    fmt = result.report.format

    def file(source: str) -> str:
        return shown.get(source, source)

    ws.column_dimensions["A"].width = 22
    ws.column_dimensions["B"].width = 40
    ws.column_dimensions["C"].width = 70
    ws.append(["汇总单位", result.report.meta.agency])
    ws.append(["年度", result.report.meta.year])
    ws.append(["计入的报告", len(result.included)])
    ws.append([])
    sections: list[tuple[str, list[tuple[str, str]]]] = [
        ("未计入的报告（年度或格式不符）", [(file(r.source), f"{r.agency}：{r.reason}") for r in result.refused]),
        ("重复的报告（未重复计入）", [(file(r.source), r.reason) for r in result.duplicates]),
        ("应报未报的单位", [(name, "名单中有，但没有收到这个单位的报告") for name in result.missing_units]),
        ("有单位留空的单元格（合计只含已填部分）", [
            (fmt.fields[k].label, "留空的单位：" + "、".join(names)) for k, names in result.incomplete.items()
        ]),
    ]
    for title, rows in sections:
        ws.append([title, f"{len(rows)} 项"])
        ws.cell(row=ws.max_row, column=1).font = Font(bold=True)
        for first, second in rows:
            ws.append([None, first, second])
            ws.cell(row=ws.max_row, column=3).alignment = Alignment(wrap_text=True)
        ws.append([])
