"""Look of the Excel sheets: named cell styles, column widths from the format, row heights.

openpyxl cannot measure text and Excel does not grow rows for merged or wrapped cells on
opening, so row heights are estimated here from the text and the column widths.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from govopen_desktop.domain.formats import GridCell, Table
from govopen_desktop.domain.report import Report
from govopen_desktop.domain.values import format_value

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

FONT = "宋体"
FONT_PT = 11
LANDSCAPE_MM, PORTRAIT_MM = 260, 180  # printable width used on A4 (fit-to-width does the rest)
CJK_PX, LATIN_PX = FONT_PT * 96 / 72, 7.5  # pixels per character at 96 dpi
LINE_PT, PAD_PT, MIN_ROW_PT = 14.5, 7, 22


class CellStyles:
    """Named styles of one workbook (named styles show in Excel's style gallery)."""

    def __init__(self, wb: Workbook) -> None:
        from openpyxl.styles import Alignment, Border, Font, NamedStyle, Side

        thin = Side(style="thin", color="000000")
        border = Border(left=thin, right=thin, top=thin, bottom=thin)

        def named(name: str, horizontal: str, *, bold: bool = False, size: float = FONT_PT,
                  framed: bool = True) -> str:
            style = NamedStyle(name=name)
            style.font = Font(name=FONT, size=size, bold=bold)
            style.alignment = Alignment(horizontal=horizontal, vertical="center", wrap_text=True)
            if framed:
                style.border = border
            wb.add_named_style(style)
            return name

        self.title = named("表格标题", "center", bold=True, size=16, framed=False)
        self.meta = named("填报信息", "left", framed=False)
        self.header = named("表格表头", "center")
        self.label = named("表格文字", "left")
        self.value = named("表格数字", "center")

    def for_role(self, role: str) -> str:
        return self.label if role == "label" else self.header


def sheet_widths(table: Table) -> list[float]:
    """Column widths in Excel units: the format's proportions over the printable width."""
    target_mm = LANDSCAPE_MM if table.n_cols > 5 else PORTRAIT_MM
    total = sum(table.widths)
    return [round(max((w * target_mm / total) / 0.2646 - 5, 14) / 7, 1) for w in table.widths]


def _text_px(text: str) -> float:
    return sum(LATIN_PX if ord(ch) < 0x2E80 else CJK_PX for ch in text)


def _avail_px(width_units: float) -> float:
    return max(width_units * 7 + 5 - 8, 10)


def label_capacity(width_units: float) -> int:
    """Full-width characters on one line of a cell this wide."""
    return int(_avail_px(width_units) / CJK_PX)


def _lines(text: str, width_units: float) -> int:
    avail = _avail_px(width_units)
    return sum(max(1, math.ceil(_text_px(part) / avail)) for part in text.split("\n")) if text else 1


def fit_row_heights(ws: Worksheet, table: Table, widths: list[float], top: int, report: Report) -> None:
    """Rows tall enough for their wrapped text; a cell merged down shares its need out."""
    heights: list[float] = [MIN_ROW_PT] * table.n_rows
    spanning: list[tuple[GridCell, float]] = []
    for cell in table.cells:
        value = ws.cell(top + cell.row, 1 + cell.col).value
        text = value if isinstance(value, str) else format_value(report.cells.get(cell.key or ""))
        need = _lines(text, sum(widths[cell.col : cell.col + cell.colspan])) * LINE_PT + PAD_PT
        if cell.rowspan == 1:
            heights[cell.row] = max(heights[cell.row], need)
        else:
            spanning.append((cell, need))
    for cell, need in spanning:
        rows = range(cell.row, cell.row + cell.rowspan)
        deficit = need - sum(heights[r] for r in rows)
        if deficit > 0:
            for r in rows:
                heights[r] += deficit / cell.rowspan
    for r, height in enumerate(heights):
        ws.row_dimensions[top + r].height = round(height, 1)
