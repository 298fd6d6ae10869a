"""审核说明: a one-page Word document listing the warnings the clerk accepted, each with its
note, for the reviewing office. Fonts and sizes come from the report template's styles."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import TYPE_CHECKING

from govopen_desktop.domain.findings import Finding, part_heading
from govopen_desktop.domain.report import Report
from govopen_desktop.io.exporters import docx_styles as S
from govopen_desktop.io.exporters.docx_tables import BORDER, CELL_MARGIN
from govopen_desktop.io.exporters.output import write_export
from govopen_desktop.io.exporters.text import clean_text

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

TITLE_TAIL = "政府信息公开工作年度报告审核说明"
HEADERS = ("序号", "问题", "所在部分", "说明")
COLUMN_SHARES = (0.08, 0.42, 0.16, 0.34)


def review_notes_title(report: Report) -> str:
    return f"{report.meta.agency.strip()}{report.meta.year}年{TITLE_TAIL}"


def part_of(report: Report, finding: Finding) -> str:
    return part_heading(report.format, finding)


def export_review_notes(report: Report, accepted: list[Finding], path: Path) -> None:
    """Write the 审核说明 for the `accepted` findings (those with a note) to `path`, atomically."""
    write_export(Path(path), build_review_notes_bytes(report, accepted))


def build_review_notes_bytes(report: Report, accepted: list[Finding]) -> bytes:
    document = build_review_notes(report, accepted)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def build_review_notes(report: Report, accepted: list[Finding]) -> DocxDocument:
    notes = [f for f in accepted if f.accepted]
    document = S.open_template()
    document.add_paragraph(clean_text(review_notes_title(report)), style=S.TITLE)
    intro = (
        f"经本机关核对，{report.meta.year}年度报告中以下{len(notes)}项检查提示的情况属实，"
        "说明如下："
    )
    document.add_paragraph(clean_text(intro), style=S.BODY)
    _table(document, report, notes)
    if report.meta.agency.strip():
        document.add_paragraph("", style=S.BODY)
        document.add_paragraph(clean_text(report.meta.agency.strip()), style=S.SIGNATURE)
    props = document.core_properties
    props.title = review_notes_title(report)
    props.author = report.meta.agency
    props.comments = "由 govopen 政府信息公开工作年度报告编制工具生成"
    props.created = props.modified = dt.datetime.now(dt.UTC).replace(microsecond=0)
    return document


def _table(document: DocxDocument, report: Report, notes: list[Finding]) -> None:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    from docx.shared import Twips

    geometry = S.geometry(document)
    widths = [round(geometry.text_width * share) for share in COLUMN_SHARES]
    table = document.add_table(rows=1 + len(notes), cols=len(HEADERS))
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Twips(width)  # the grid: LibreOffice and WPS lay the table out by it
    rows = [
        list(HEADERS),
        *([str(i), f.message, part_of(report, f), f.accepted or ""] for i, f in enumerate(notes, 1)),
    ]
    for r, (row, values) in enumerate(zip(table.rows, rows, strict=True)):
        cells = row.cells  # once per row: python-docx rebuilds the grid on each cell() call
        for c, (cell, value) in enumerate(zip(cells, values, strict=True)):
            cell.width = Twips(widths[c])
            paragraph = cell.paragraphs[0]
            paragraph.style = document.styles[S.TABLE_HEADER if r == 0 or c in (0, 2) else S.TABLE_TEXT]
            paragraph.add_run(clean_text(value))
    tbl_pr = table._tbl.tblPr
    borders = "".join(BORDER.format(side=s) for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
    tbl_pr.append(parse_xml(f"<w:tblBorders {nsdecls('w')}>{borders}</w:tblBorders>"))
    tbl_pr.append(parse_xml(
        f'<w:tblCellMar {nsdecls("w")}><w:left w:w="{CELL_MARGIN * 2}" w:type="dxa"/>'
        f'<w:right w:w="{CELL_MARGIN * 2}" w:type="dxa"/></w:tblCellMar>'
    ))
    header_row_pr = table.rows[0]._tr.get_or_add_trPr()
    header_row_pr.append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))
