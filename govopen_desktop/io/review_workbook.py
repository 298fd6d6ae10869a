"""The findings workbook a reviewing office sends back to its units: 汇总 (one row per file,
sorted by errors, with a chart), 问题清单 (one row per finding) and 无法读取."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from govopen_desktop.domain.errors import GovopenError
from govopen_desktop.domain.findings import Level
from govopen_desktop.domain.formats import load_format
from govopen_desktop.domain.review import ReviewedFile, accepted_note, cell_labels, part_name, review_order
from govopen_desktop.domain.values import format_value
from govopen_desktop.io.exporters.output import write_export
from govopen_desktop.io.review_inputs import shown_files

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

SUMMARY_HEADERS = ("单位", "年度", "格式", "文件", "错误", "警告", "提示", "已说明", "导入问题", "无法读取的原因")
FINDING_HEADERS = ("单位", "文件", "级别", "规则", "所在部分", "涉及单元格", "问题说明", "建议值", "单位的说明")
UNUSABLE_HEADERS = ("文件", "原因")
SECTION_NAMES = {"meta": "封面信息"}
CHART_MAX_UNITS = 60  # a chart of hundreds of bars helps nobody; the table has them all


def write_review_workbook(files: Sequence[ReviewedFile], path: Path) -> None:
    write_export(path, review_workbook_bytes(files))


def review_workbook_bytes(files: Sequence[ReviewedFile]) -> bytes:
    from openpyxl import Workbook

    ordered = review_order(files)
    folder, shown = shown_files([f.file for f in ordered])
    ordered = [replace(f, file=part_name(shown[f.file], f.part), part=0) for f in ordered]
    wb = Workbook()
    summary = wb.active
    summary.title = "汇总"
    _summary_sheet(summary, ordered)
    _findings_sheet(wb.create_sheet("问题清单"), ordered)
    _unusable_sheet(wb.create_sheet("无法读取"), [f for f in ordered if f.unusable is not None])
    if folder:
        for ws in wb.worksheets:  # where the files are: on every printed page, not in every row
            ws.oddHeader.left.text = f"文件夹：{folder}"
            ws.oddHeader.left.size = 9
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _header(ws: Worksheet, headers: Sequence[str], widths: Sequence[int]) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    ws.append(list(headers))
    fill = PatternFill("solid", fgColor="DDE4EE")
    for col, width in enumerate(widths, start=1):
        cell = ws.cell(row=1, column=col)
        cell.font = Font(bold=True)
        cell.fill = fill
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = "A2"


def _fit_rows(ws: Worksheet, widths: Sequence[int]) -> None:
    """Text wrapped in its column, and each row tall enough for it: Excel (and WPS, LibreOffice
    when printing) does not grow a row for wrapped text on opening, so long messages were cut."""
    from openpyxl.styles import Alignment

    from govopen_desktop.io.exporters.xlsx_layout import LINE_PT, PAD_PT, text_height

    wrap = Alignment(wrap_text=True, vertical="top")
    one_line = LINE_PT + PAD_PT
    for row in ws.iter_rows(min_row=2):
        need = one_line
        for cell, width in zip(row, widths, strict=False):
            cell.alignment = wrap
            if isinstance(cell.value, str) and len(cell.value) * 2 > width:
                need = max(need, text_height(cell.value, width))
        if need > one_line:
            ws.row_dimensions[row[0].row].height = need


def _finish(ws: Worksheet, n_cols: int) -> None:
    from openpyxl.utils import get_column_letter

    ws.auto_filter.ref = f"A1:{get_column_letter(n_cols)}{max(ws.max_row, 1)}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"


def _summary_sheet(ws: Worksheet, files: Sequence[ReviewedFile]) -> None:
    widths = (30, 7, 28, 36, 7, 7, 7, 8, 9, 40)  # 格式: 国办公开办函〔2021〕30号 on one line
    _header(ws, SUMMARY_HEADERS, widths)
    for r in files:
        if r.unusable is not None:
            ws.append(["（无法读取）", None, None, r.file, None, None, None, None, None, r.unusable])
            continue
        fmt_name = _format_name(r.format)
        ws.append([
            r.agency or "（未找到机关名称）", r.year, fmt_name, r.file,
            r.open_count(Level.ERROR), r.open_count(Level.WARNING), r.open_count(Level.INFO),
            r.accepted, r.import_problem_count, None,
        ])
    _fit_rows(ws, widths)
    _finish(ws, len(SUMMARY_HEADERS))
    _chart(ws, [r for r in files if r.unusable is None])


def _chart(ws: Worksheet, readable: Sequence[ReviewedFile]) -> None:
    from openpyxl.chart import BarChart, Reference

    n = min(len(readable), CHART_MAX_UNITS)
    if n == 0:
        return
    chart = BarChart()
    chart.type = "bar"
    chart.grouping = "clustered"
    chart.title = "各单位错误和警告数" + (f"（错误最多的 {n} 个）" if len(readable) > n else "")
    chart.y_axis.title = "个数"
    # Rows 2..n+1 hold the readable files first (review_order puts unreadable ones last).
    data = Reference(ws, min_col=5, max_col=6, min_row=1, max_row=n + 1)
    labels = Reference(ws, min_col=1, min_row=2, max_row=n + 1)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(labels)
    chart.x_axis.scaling.orientation = "maxMin"  # the units top down, as the table lists them
    chart.height = max(7.5, 0.9 * n + 3)  # room for every unit's name (LibreOffice skips crowded labels)
    chart.width = 18
    ws.add_chart(chart, f"A{ws.max_row + 3}")  # below the table: the sheet still prints one page wide


def _findings_sheet(ws: Worksheet, files: Sequence[ReviewedFile]) -> None:
    widths = (28, 30, 10, 16, 16, 40, 70, 16, 40)  # 级别 holds 导入问题 on one line
    _header(ws, FINDING_HEADERS, widths)
    for r in files:
        if r.unusable is not None:
            continue
        unit = r.agency or "（未找到机关名称）"
        for problem in r.problems:
            ws.append([unit, r.file, "导入问题", "IMPORT", "", "", problem, "", ""])
        for f in r.findings:
            note = accepted_note(f)
            level = f"{f.level.label}（已说明）" if note else f.level.label
            suggested = "；".join(
                f"{cell_labels(r.format, [k])} = {format_value(v)}" for k, v in f.suggested.items()
            )
            ws.append([
                unit, r.file, level, f.rule, SECTION_NAMES.get(f.section or "") or _section_name(r.format, f.section),
                cell_labels(r.format, f.cells), f.message, suggested, note or "",
            ])
    _fit_rows(ws, widths)
    _finish(ws, len(FINDING_HEADERS))


def _unusable_sheet(ws: Worksheet, files: Sequence[ReviewedFile]) -> None:
    widths = (50, 90)
    _header(ws, UNUSABLE_HEADERS, widths)
    for r in files:
        ws.append([r.file, r.unusable])
    _fit_rows(ws, widths)
    _finish(ws, len(UNUSABLE_HEADERS))


def _format_name(format_id: str | None) -> str:
    if not format_id:
        return ""
    try:
        return load_format(format_id).document
    except GovopenError:  # an unknown id is shown as it is
        return format_id


def _section_name(format_id: str | None, section: str | None) -> str:
    if not section or not format_id:
        return section or ""
    try:
        fmt = load_format(format_id)
    except GovopenError:
        return section
    for s in fmt.sections:
        if s.id == section or s.text == section:
            return s.heading
    return section
