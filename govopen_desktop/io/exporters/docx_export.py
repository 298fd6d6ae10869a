"""The report as a Word document in the official layout (GB/T 9704 page, format's tables).

Order and headings come from the format's sections, tables from its grid description, and
every font from the template's styles (docx_styles).
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import re
from pathlib import Path
from typing import TYPE_CHECKING

from govopen_desktop.domain.report import Report
from govopen_desktop.io.exporters import docx_styles as S
from govopen_desktop.io.exporters.output import write_export
from govopen_desktop.io.exporters.text import chinese_date, clean_text, report_title, title_lines, units

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.oxml.xmlchemy import BaseOxmlElement
    from docx.text.paragraph import Paragraph

_LEVEL_2 = re.compile(r"^[（(][一二三四五六七八九十]{1,3}[）)]")
_LEVEL_3 = re.compile(r"^\d{1,2}[.．、](?!\d)")
_LEADING_SPACE = re.compile(r"^[\s\u3000\u00a0]+")
HEADING_MAX_UNITS = 28  # a line this short (one printed line) with no full stop inside is a heading
INLINE_HEADING_MAX = 30  # "（一）主动公开。" at the start of a longer paragraph: up to here
SIGNATURE_GAP = 2  # GB/T 9704 7.3.5.2: 右空二字; the date starts two characters right of the name


def export_docx(report: Report, path: Path) -> None:
    """Write the Word document to `path` (atomically); GovopenError when it cannot be written."""
    write_export(Path(path), build_docx_bytes(report))


def build_docx_bytes(report: Report) -> bytes:
    document = build_document(report)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def build_document(report: Report) -> DocxDocument:
    from govopen_desktop.io.exporters.docx_tables import build_table  # python-docx loads on first export

    document = S.open_template()
    geometry = S.geometry(document)
    body = document.element.body
    fmt = report.format
    _title(document, report)
    for section in fmt.sections:
        document.add_paragraph(section.heading, style=S.HEADING_1)
        if section.table:
            body.insert_element_before(build_table(fmt.table(section.table), report, geometry), "w:sectPr")
        elif section.text:
            _text(document, report.text.get(section.text))
    _signature(document, report)
    props = document.core_properties
    props.title = report_title(report)
    props.author = report.meta.agency
    props.subject = fmt.title
    props.comments = "由 govopen 政府信息公开工作年度报告编制工具生成"
    props.created = props.modified = dt.datetime.now(dt.UTC).replace(microsecond=0)
    props.last_modified_by = report.meta.agency
    return document


def _title(document: DocxDocument, report: Report) -> None:
    paragraph = document.add_paragraph(style=S.TITLE)
    for i, line in enumerate(title_lines(report)):
        run = paragraph.add_run(clean_text(line))
        if i:
            run._r.addprevious(_break())


def _break() -> BaseOxmlElement:
    from docx.oxml import OxmlElement

    br = OxmlElement("w:r")
    br.append(OxmlElement("w:br"))
    return br


def _text(document: DocxDocument, text: str | None) -> None:
    """The clerk's text, one paragraph per line; （一） lines become level-2 headings, short
    "1." lines level-3 headings; a （一）… heading opening a long paragraph is set in 楷体."""
    for raw in clean_text(text or "").split("\n"):
        line = _LEADING_SPACE.sub("", raw).rstrip()
        if not line:
            continue
        level2 = _LEVEL_2.match(line)
        if (level2 or _LEVEL_3.match(line)) and _is_heading_line(line):
            document.add_paragraph(line, style=S.HEADING_2 if level2 else S.HEADING_3)
            continue
        paragraph = document.add_paragraph(style=S.BODY)
        head = _inline_heading(line) if level2 else ""
        if head:
            paragraph.add_run(head, style=S.INLINE_HEADING)
        paragraph.add_run(line[len(head):])


def _is_heading_line(line: str) -> bool:
    inner = line[:-1] if line.endswith(("。", "：", ":")) else line
    return units(line) <= HEADING_MAX_UNITS and not any(ch in inner for ch in "。；;！？")


def _inline_heading(line: str) -> str:
    """'（一）主动公开。本年度…' → '（一）主动公开。'; '' when no short heading sentence opens it."""
    ends = [i for i in (line.find("。"), line.find("：")) if 0 < i < INLINE_HEADING_MAX]
    return line[: min(ends) + 1] if ends else ""


def _signature(document: DocxDocument, report: Report) -> None:
    """Agency name and date, not sealed (GB/T 9704 7.3.5.2): one blank line below the body; the
    name 右空二字; the date's first character two characters right of the name's first
    character; a date too long for that keeps 右空二字 and the name moves left. Without a date
    (a draft) the name alone.

    Positions are set in twips from the name's width (all full-width characters, so exact);
    the date is placed by its left edge, since the width of its digits and the gaps Word or
    WPS add between 2025 and 年 vary by program."""
    agency = clean_text(report.meta.agency.strip())
    date = chinese_date(report.meta.date)
    if not agency:
        return
    gap = document.add_paragraph(style=S.BODY)
    gap.paragraph_format.keep_with_next = True
    width = S.geometry(document).text_width
    char = S.body_char_twips(document)
    two = SIGNATURE_GAP * char
    name_start = width - two - round(units(agency) * char)
    date_start = name_start + two
    date_fits = date_start + _date_twips(date, char) <= width - two
    if date and not date_fits:
        name_start = width - two - _date_twips(date, char) - two
    name = document.add_paragraph(agency, style=S.SIGNATURE)
    _indent(name, right=width - name_start - round(units(agency) * char))
    if not date:
        return
    name.paragraph_format.keep_with_next = True
    line = document.add_paragraph(date, style=S.SIGNATURE)
    if date_fits:
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        line.alignment = WD_ALIGN_PARAGRAPH.LEFT
        _indent(line, left=date_start)
    else:
        _indent(line, right=two)


def _date_twips(date: str, char: int) -> int:
    """Width of "2025年1月20日": digits half a character, plus the gap most programs add
    between digits and Chinese characters (about a fifth of a character each)."""
    gaps = sum(1 for a, b in itertools.pairwise(date) if a.isdigit() != b.isdigit())
    return round((units(date) + 0.2 * gaps) * char)


def _indent(paragraph: Paragraph, *, left: int = 0, right: int = 0) -> None:
    from docx.oxml.ns import qn

    ind = paragraph._p.get_or_add_pPr().get_or_add_ind()
    ind.set(qn("w:left"), str(left))
    ind.set(qn("w:right"), str(right))
    ind.set(qn("w:firstLine"), "0")
    ind.set(qn("w:firstLineChars"), "0")
