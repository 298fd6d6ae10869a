"""Look of the Excel sheets: named cell styles, column widths from the format, row heights.

openpyxl cannot measure text and Excel does not grow rows for merged or wrapped cells on
opening, so row heights are estimated here from the text and the column widths.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from govopen_desktop.domain.formats import GridCell, Table
from govopen_desktop.io.exporters import table_layout
from govopen_desktop.io.exporters.table_layout import cached_column_widths, fit_values, lone_tail

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook

FONT = "宋体"
FONT_PT = 11
A4_PT = (595.3, 841.9)
MARGIN_LR_IN, MARGIN_TB_IN = 0.5, 0.6
CJK_PX, LATIN_PX = FONT_PT * 96 / 72, 7.5  # pixels per character at 96 dpi
CELL_PAD_PX = 4
FONT_SPREAD = 0.12  # a line may hold this much more where 宋体 is substituted (LibreOffice, WPS on Linux)
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

        self._arrays: dict[tuple[str, str | None], Any] = {}
        self._wb = wb

    def apply(self, cell: Any, name: str, number_format: str | None = None) -> None:
        """Give the cell a named style (and number format) by copying a style array made once:
        openpyxl's style setters hash and look up every part on each assignment."""
        key = (name, number_format)
        array = self._arrays.get(key)
        if array is None:
            cell.style = name
            if number_format is not None:
                cell.number_format = number_format
            self._arrays[key] = cell._style
        else:
            cell._style = array  # shared: the export sets a cell's style once and never changes it

    def for_role(self, role: str) -> str:
        return self.label if role == "label" else self.header


@dataclass(frozen=True)
class SheetLayout:
    """Column widths (Excel units), row heights (pt) and the orientation that prints the table
    on one page with the largest text."""

    widths: list[float]
    heights: list[float]
    orientation: str
    scale: float
    lone: int  # labels ending on a lone character


def sheet_widths(table: Table, target_mm: float, texts: dict[tuple[int, int], str] | None = None) -> list[float]:
    """Column widths in Excel units over `target_mm`: the format's proportions, label columns
    widened until no label ends on a lone character (table_layout); with the cells' `texts`,
    value columns wide enough for their longest value (Excel shows #### for a number that is not)."""
    total_px = round(target_mm / 25.4 * 96)
    pixels: list[float] = list(cached_column_widths(table, total_px, CJK_PX, CELL_PAD_PX, FONT_SPREAD))
    if texts:
        pixels = fit_values(table, pixels, lambda c: texts.get((c.row, c.col), ""), CJK_PX, CELL_PAD_PX)
    return [round(max(px - 5, 14) / 7, 1) for px in pixels]


def _text_px(text: str) -> float:
    return sum(LATIN_PX if ord(ch) < 0x2E80 else CJK_PX for ch in text)


def _avail_px(width_units: float) -> float:
    return max(width_units * 7 + 5 - CELL_PAD_PX, 10)


def _lines(text: str, width_units: float) -> int:
    avail = _avail_px(width_units)
    if len(text) * CJK_PX <= avail and "\n" not in text:  # a number or a short label: one line
        return 1
    return sum(max(1, math.ceil(_text_px(part) / avail)) for part in text.split("\n")) if text else 1


def text_height(text: str, width_units: float) -> float:
    """The height (pt) of a row holding `text` wrapped over `width_units` (a table's note)."""
    return round(_lines(text, width_units) * LINE_PT + PAD_PT, 1)


def row_heights(table: Table, texts: dict[tuple[int, int], str], widths: list[float]) -> list[float]:
    """Rows tall enough for their wrapped text; a cell merged down shares its need out."""

    def need(cell: GridCell) -> float:
        text = texts.get((cell.row, cell.col), "")
        return _lines(text, sum(widths[cell.col : cell.col + cell.colspan])) * LINE_PT + PAD_PT

    return [round(h, 1) for h in table_layout.row_heights(table, need, MIN_ROW_PT)]


_lone_cache: dict[tuple[int, tuple[float, ...]], tuple[Table, int]] = {}


def _lone_labels(table: Table, widths: tuple[float, ...]) -> int:
    """Labels ending on a lone character at these widths (labels come from the format: cached)."""
    key = (id(table), widths)
    if key not in _lone_cache:
        count = sum(lone_tail(c.text or "", _avail_px(sum(widths[c.col : c.col + c.colspan])) / CJK_PX)
                    for c in table.cells if c.key is None)
        _lone_cache[key] = (table, count)  # the table is kept so that its id stays its own
    return _lone_cache[key][1]


def layout(table: Table, texts: dict[tuple[int, int], str], above_pt: float) -> SheetLayout:
    """Portrait or landscape, whichever prints the whole sheet on one page at the larger scale
    (portrait when equal); `above_pt` is the height of the title rows above the grid."""
    best: SheetLayout | None = None
    for orientation, (page_w, page_h) in (("portrait", A4_PT), ("landscape", A4_PT[::-1])):
        printable_w = page_w - 2 * MARGIN_LR_IN * 72
        printable_h = page_h - 2 * (MARGIN_TB_IN * 72) - 14  # the footer line
        widths = sheet_widths(table, printable_w / 72 * 25.4, texts)
        heights = row_heights(table, texts, widths)
        sheet_w = sum((w * 7 + 5) * 0.75 for w in widths)
        scale = min(1.0, printable_w / sheet_w, printable_h / (sum(heights) + above_pt))
        lone = _lone_labels(table, tuple(widths))
        candidate = SheetLayout(widths, heights, orientation, scale, lone)
        if best is None or (round(scale, 2), -lone) > (round(best.scale, 2), -best.lone):
            best = candidate
    assert best is not None
    return best
