"""A Word table built from a format's grid description (spans, header rows, widths).

The table XML is written in one pass, row by row: merged cells are written merged
(gridSpan / vMerge) from the start instead of merging afterwards, which would concatenate
paragraphs and cost a grid rebuild per call.
"""

from __future__ import annotations

import math
from xml.sax.saxutils import escape

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.oxml.table import CT_Tbl

from govopen_desktop.domain.formats import GridCell, Table
from govopen_desktop.domain.report import Report
from govopen_desktop.domain.values import format_value
from govopen_desktop.io.exporters import docx_styles as S
from govopen_desktop.io.exporters.text import clean_text, label_lines

CELL_MARGIN = 34  # twips left and right (≈0.06 cm): narrow value columns keep three characters
MIN_ROW_HEIGHT = 397  # twips (0.7 cm): rows of an official form, not of a spreadsheet
BORDER = '<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'

ROLE_STYLE = {"value": S.TABLE_NUMBER, "header": S.TABLE_HEADER, "group": S.TABLE_HEADER,
              "note": S.TABLE_HEADER, "label": S.TABLE_TEXT}


def column_widths(table: Table, text_width: int) -> list[int]:
    """The format's widths scaled to the text width, in twips, summing exactly to it."""
    total = sum(table.widths)
    exact = [w * text_width / total for w in table.widths]
    widths = [math.floor(x) for x in exact]
    by_remainder = sorted(range(len(exact)), key=lambda i: widths[i] - exact[i])
    for i in by_remainder[: text_width - sum(widths)]:  # largest remainders get the spare twips
        widths[i] += 1
    return widths


def cell_text(cell: GridCell, report: Report) -> str:
    if cell.key is None:
        return clean_text(cell.text or "")
    value = report.cells.get(cell.key)
    text = format_value(value)
    field = report.format.fields.get(cell.key)
    if text and field is not None and field.unit_key:
        text += format_value(report.cells.get(field.unit_key))  # 2019 采购总金额: "251000元"
    return clean_text(text)


def build_table(table: Table, report: Report, geometry: S.Geometry) -> CT_Tbl:
    """The `w:tbl` element of one official table, ready to insert into the body."""
    widths = column_widths(table, geometry.text_width)
    font_twips = geometry.table_font_pt * 20
    ids = geometry.style_ids
    starts = {(c.row, c.col): c for c in table.cells}
    rows_xml: list[str] = []
    value_rows = {c.row for c in table.cells if c.key is not None}
    for r in range(table.n_rows):
        # A row of headings only (第二十条第（一）项, 信息内容 …) stays on the page of its first data row.
        keep = r not in value_rows
        cells_xml: list[str] = []
        c = 0
        while c < table.n_cols:
            cell = table.cell_at(r, c)
            if cell is None:  # a position the form leaves without a cell
                cells_xml.append(_tc(widths[c], 1, None, "", ids[S.TABLE_TEXT], keep))
                c += 1
                continue
            width = sum(widths[cell.col : cell.col + cell.colspan])
            if (r, c) in starts:
                style = ids[ROLE_STYLE[cell.role]]
                text = cell_text(cell, report)
                lines = [text]
                if cell.key is None:
                    capacity = int((width - 2 * CELL_MARGIN) / font_twips + 0.05)
                    lines = label_lines(text, capacity)
                    if len(lines) > 1:
                        style = ids[S.TABLE_HEADER]
                merge = "restart" if cell.rowspan > 1 else None
                cells_xml.append(_tc(width, cell.colspan, merge, _runs(lines), style, keep))
            else:  # the lower part of a cell merged down
                cells_xml.append(_tc(width, cell.colspan, "continue", "", ids[ROLE_STYLE[cell.role]], keep))
            c = cell.col + cell.colspan
        header = "<w:tblHeader/>" if r < table.header_rows else ""
        rows_xml.append(
            f'<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="{MIN_ROW_HEIGHT}" w:hRule="atLeast"/>{header}'
            f"</w:trPr>{''.join(cells_xml)}</w:tr>"
        )
    borders = "".join(BORDER.format(side=s) for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    xml = (
        f"<w:tbl {nsdecls('w')}><w:tblPr>"
        f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>'
        f"<w:tblBorders>{borders}</w:tblBorders>"
        '<w:tblLayout w:type="fixed"/>'
        f'<w:tblCellMar><w:left w:w="{CELL_MARGIN}" w:type="dxa"/><w:right w:w="{CELL_MARGIN}" w:type="dxa"/>'
        "</w:tblCellMar>"
        '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
        'w:noHBand="1" w:noVBand="1"/>'
        f"</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{''.join(rows_xml)}</w:tbl>"
    )
    tbl: CT_Tbl = parse_xml(xml)
    return tbl


def _runs(lines: list[str]) -> str:
    if lines == [""]:
        return ""
    parts = "<w:br/>".join(f'<w:t xml:space="preserve">{escape(line)}</w:t>' for line in lines)
    return f"<w:r>{parts}</w:r>"


def _tc(width: int, span: int, merge: str | None, runs: str, style_id: str, keep: bool) -> str:
    span_xml = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    merge_xml = ""
    if merge == "restart":
        merge_xml = '<w:vMerge w:val="restart"/>'
    elif merge == "continue":
        merge_xml = "<w:vMerge/>"
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{span_xml}{merge_xml}<w:vAlign w:val="center"/>'
        f'</w:tcPr><w:p><w:pPr><w:pStyle w:val="{escape(style_id, {chr(34): "&quot;"})}"/>'
        f"{'<w:keepNext/>' if keep else ''}</w:pPr>{runs}</w:p></w:tc>"
    )
