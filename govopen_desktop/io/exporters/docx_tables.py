"""A Word table built from a format's grid description (spans, header rows, widths).

The table XML is written in one pass, row by row: merged cells are written merged
(gridSpan / vMerge) from the start instead of merging afterwards, which would concatenate
paragraphs and cost a grid rebuild per call. Text wraps by width only (no `<w:br/>`): the
column widths (table_layout) decide where a label breaks, so a changed font or width, or a
paste into a website editor, never carries stale breaks.

Every row is kept with the next and never split, so a table that fits a page starts on a new
page when it would not fit in what is left (its heading goes with it). A table taller than a
page (a future format with very long labels) breaks where its estimated height fills a page:
the header rows repeat and a group label merged over the break is printed again below it.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.oxml.table import CT_Tbl

from govopen_desktop.domain.formats import GridCell, Table
from govopen_desktop.domain.report import Report
from govopen_desktop.domain.values import format_amount
from govopen_desktop.io.exporters import docx_styles as S
from govopen_desktop.io.exporters import table_layout
from govopen_desktop.io.exporters.table_layout import (
    FIT_SLACK,
    cached_column_widths,
    cell_lines,
    fit_values,
    value_units,
    whole_widths,
    wrapped,
)
from govopen_desktop.io.exporters.text import clean_text

CELL_MARGIN = 57  # twips left and right (1 mm)
TIGHT_MARGIN = 15  # a number too long for its cell with the usual margins gets these first
MIN_ROW_HEIGHT = 340  # twips (0.6 cm): rows of an official form, not of a spreadsheet
LINE_FACTOR = 1.3  # a single-spaced line of 五号 CJK text is about 1.3 × its size
BORDER = '<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'

ROLE_STYLE = {"value": S.TABLE_NUMBER, "header": S.TABLE_HEADER, "group": S.TABLE_HEADER,
              "note": S.TABLE_HEADER, "label": S.TABLE_TEXT}


def table_column_widths(table: Table, geometry: S.Geometry, report: Report | None = None) -> list[int]:
    """The form's widths; with `report`, value columns widened where its longest value would
    not fit even with tight margins (the labels give the width)."""
    char = geometry.table_font_pt * 20
    widths = cached_column_widths(table, geometry.text_width, char, 2 * CELL_MARGIN)
    if report is None:
        return widths
    return whole_widths(fit_values(table, widths, lambda c: cell_text(c, report), char, 2 * CELL_MARGIN,
                                   2 * TIGHT_MARGIN))


def cell_text(cell: GridCell, report: Report) -> str:
    if cell.key is None:
        return clean_text(cell.text or "").replace("\n", "")
    return clean_text(format_amount(report.cells.get(cell.key), report.unit_of(cell.key)))


def row_heights(table: Table, report: Report, widths: list[int], font_pt: float) -> list[float]:
    """Estimated height of each row in twips (cells merged down share their need out)."""
    char, line = font_pt * 20, font_pt * 20 * LINE_FACTOR

    def need(cell: GridCell) -> float:
        return cell_lines(cell, cell_text(cell, report), widths, char, 2 * CELL_MARGIN) * line + 60

    return table_layout.row_heights(table, need, MIN_ROW_HEIGHT)


def page_breaks(heights: list[float], header_rows: int, page_height: float) -> set[int]:
    """Rows that start a new page when the table is taller than a page (else none)."""
    if sum(heights) <= page_height:
        return set()
    header = sum(heights[:header_rows])
    breaks: set[int] = set()
    used = 0.0
    for r, h in enumerate(heights):
        if r >= header_rows and used + h > page_height and used > header:
            breaks.add(r)
            used = header
        used += h
    return breaks


def build_table(table: Table, report: Report, geometry: S.Geometry) -> CT_Tbl:
    """The `w:tbl` element of one official table, ready to insert into the body."""
    tbl: CT_Tbl = parse_xml(table_xml(table, report, geometry, declare=True))
    return tbl


def table_xml(table: Table, report: Report, geometry: S.Geometry, *, declare: bool = False) -> str:
    """The table's WordprocessingML (namespace declared when `declare`, for parsing alone)."""
    widths = table_column_widths(table, geometry, report)
    char = geometry.table_font_pt * 20
    ids = geometry.style_ids
    starts = {(c.row, c.col): c for c in table.cells}
    heights = row_heights(table, report, widths, geometry.table_font_pt)
    breaks = page_breaks(heights, table.header_rows, geometry.text_height)
    rows_xml: list[str] = []
    last = table.n_rows - 1
    for r in range(table.n_rows):
        keep = r != last and (r + 1) not in breaks  # rows stay with the next: the table stays whole
        cells_xml: list[str] = []
        c = 0
        while c < table.n_cols:
            cell = table.cell_at(r, c)
            if cell is None:  # a position the form leaves without a cell
                cells_xml.append(_tc(widths[c], 1, None, "", ids[S.TABLE_TEXT], keep))
                c += 1
                continue
            width = sum(widths[cell.col : cell.col + cell.colspan])
            continued = (r, c) not in starts
            if continued and r not in breaks:  # the lower part of a cell merged down
                cells_xml.append(_tc(width, cell.colspan, "continue", "", ids[ROLE_STYLE[cell.role]], keep))
            else:  # a cell's start, or a group label printed again below a page break
                style = ids[ROLE_STYLE[cell.role]]
                text = cell_text(cell, report)
                if cell.key is None and cell.rowspan > 1 and cell.role == "label":
                    per_line = (width - 2 * CELL_MARGIN) / char - FIT_SLACK
                    if len(wrapped(text, per_line)) > 1:  # a narrow group label reads centred
                        style = ids[S.TABLE_HEADER]
                ends = cell.row + cell.rowspan
                segment_end = min([b for b in breaks if r < b < ends] + [ends])
                merge = "restart" if segment_end - r > 1 else None
                # a number that would break (293/2) with the usual margins: tight ones, so it does not
                tight = cell.key is not None and value_units(text) * char + 2 * CELL_MARGIN > width
                cells_xml.append(_tc(width, cell.colspan, merge, _run(text), style, keep, tight))
            c = cell.col + cell.colspan
        header = "<w:tblHeader/>" if r < table.header_rows else ""
        rows_xml.append(
            f'<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="{MIN_ROW_HEIGHT}" w:hRule="atLeast"/>{header}'
            f"</w:trPr>{''.join(cells_xml)}</w:tr>"
        )
    borders = "".join(BORDER.format(side=s) for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    return (
        f"<w:tbl{' ' + nsdecls('w') if declare else ''}><w:tblPr>"
        f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>'
        f"<w:tblBorders>{borders}</w:tblBorders>"
        '<w:tblLayout w:type="fixed"/>'
        f'<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="{CELL_MARGIN}" w:type="dxa"/>'
        f'<w:bottom w:w="0" w:type="dxa"/><w:right w:w="{CELL_MARGIN}" w:type="dxa"/></w:tblCellMar>'
        '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
        'w:noHBand="1" w:noVBand="1"/>'
        f"</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{''.join(rows_xml)}</w:tbl>"
    )


def _run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>' if text else ""


def _tc(width: int, span: int, merge: str | None, runs: str, style_id: str, keep: bool, tight: bool = False) -> str:
    span_xml = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    merge_xml = ""
    if merge == "restart":
        merge_xml = '<w:vMerge w:val="restart"/>'
    elif merge == "continue":
        merge_xml = "<w:vMerge/>"
    margins = (f'<w:tcMar><w:left w:w="{TIGHT_MARGIN}" w:type="dxa"/><w:right w:w="{TIGHT_MARGIN}" w:type="dxa"/>'
               "</w:tcMar>") if tight else ""
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{span_xml}{merge_xml}{margins}<w:vAlign w:val="center"/>'
        f'</w:tcPr><w:p><w:pPr><w:pStyle w:val="{escape(style_id, {chr(34): "&quot;"})}"/>'
        f"{'<w:keepNext/>' if keep else ''}</w:pPr>{runs}</w:p></w:tc>"
    )
