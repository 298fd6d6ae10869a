"""The report as a Word document in the official layout (GB/T 9704 page, format's tables).

Order and headings come from the format's sections (its front texts, the opening paragraph,
printed under the title without a heading), tables from its grid description (a table's note,
表下说明, printed as body text right under it), and
every font from the template's styles (docx_styles). The body is written as one XML string
and parsed once: python-docx's add_paragraph looks styles up by scanning them all.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from govopen_desktop import __version__
from govopen_desktop.domain.report import Report
from govopen_desktop.io.exporters import docx_styles as S
from govopen_desktop.io.exporters.output import export_notes, write_export
from govopen_desktop.io.exporters.text import (
    LEVEL_2,
    clean_text,
    heading_level,
    report_title,
    signature,
    text_paragraphs,
    title_lines,
    units,
)

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

INLINE_HEADING_MAX = 30  # "（一）主动公开。" at the start of a longer paragraph: up to here
INLINE_CLAUSE_MAX = 16  # "（一）主动公开方面，" : a short first clause
SIGNATURE_GAP = 2  # GB/T 9704 7.3.5.2: 右空二字; the date starts two characters right of the name
JOINED_MARK = "_govopen_joined"  # bookmark on a paragraph split off the one before (re-import joins it)
APPLICATION = f"govopen-desktop {__version__}"


def export_docx(report: Report, path: Path) -> list[str]:
    """Write the Word document to `path` (atomically); GovopenError when it cannot be written.
    Returns what the clerk should know about the file (e.g. the date is missing)."""
    write_export(Path(path), build_docx_bytes(report))
    return export_notes(report)


def build_docx_bytes(report: Report) -> bytes:
    document = build_document(report)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def build_document(report: Report) -> DocxDocument:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    from govopen_desktop.io.exporters.docx_tables import table_xml  # python-docx loads on first export

    document = S.open_template()
    geometry = S.geometry(document)
    body = _Body(geometry)
    fmt = report.format
    body.title(title_lines(report))
    for front in fmt.front_texts:  # the opening paragraph: body text under the title, no heading
        body.plain(report.text.get(front.text or ""))
    for section in fmt.sections:
        body.paragraph(S.HEADING_1, section.heading)
        if section.table:
            body.parts.append(table_xml(fmt.table(section.table), report, geometry))
            body.plain(report.text.get(section.note or ""))  # 表下说明: body text right under it
        elif section.text:
            body.text(report.text.get(section.text))
    signed = signature(report)
    if signed is not None:
        body.signature(*signed)
    fragment = parse_xml(f"<w:body {nsdecls('w')}>{''.join(body.parts)}</w:body>")
    sect = document.element.body[-1]
    for child in list(fragment):
        sect.addprevious(child)
    _properties(document, report)
    return document


def _properties(document: DocxDocument, report: Report) -> None:
    agency = clean_text(report.meta.agency.strip())
    props = document.core_properties
    props.title = clean_text(report_title(report))
    props.author = props.last_modified_by = agency
    props.subject = report.format.title
    props.comments = "由 govopen 政府信息公开工作年度报告编制工具生成"
    props.created = props.modified = dt.datetime.now(dt.UTC).replace(microsecond=0)
    props.revision = 1
    app = next((p for p in document.part.package.iter_parts() if str(p.partname) == "/docProps/app.xml"), None)
    if app is not None:
        app._blob = _app_xml(agency).encode("utf-8")


def _app_xml(company: str) -> str:
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        f"<Application>{escape(APPLICATION)}</Application><DocSecurity>0</DocSecurity>"
        f"<Company>{escape(company)}</Company><LinksUpToDate>false</LinksUpToDate>"
        "<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>"
        "</Properties>"
    )


class _Body:
    """The body's XML, paragraph by paragraph, with the template's style ids."""

    def __init__(self, geometry: S.Geometry) -> None:
        self.geometry = geometry
        self.ids = geometry.style_ids
        self.parts: list[str] = []
        self.marks = 0

    def paragraph(self, style: str, text: str = "", *, head: str = "", extra: str = "", joined: bool = False) -> None:
        runs = ""
        if head:
            runs += f'<w:r><w:rPr><w:rStyle w:val="{_attr(self.ids[S.INLINE_HEADING])}"/></w:rPr>{_t(head)}</w:r>'
        if text:
            runs += f"<w:r>{_t(text)}</w:r>"
        if joined:  # re-import appends this paragraph to the one before: the clerk typed them as one
            self.marks += 1
            runs = (f'<w:bookmarkStart w:id="{self.marks}" w:name="{JOINED_MARK}{self.marks}"/>'
                    f'<w:bookmarkEnd w:id="{self.marks}"/>{runs}')
        self.parts.append(f'<w:p><w:pPr><w:pStyle w:val="{_attr(self.ids[style])}"/>{extra}</w:pPr>{runs}</w:p>')

    def title(self, lines: list[str]) -> None:
        runs = "<w:r><w:br/></w:r>".join(f"<w:r>{_t(clean_text(line))}</w:r>" for line in lines)
        self.parts.append(f'<w:p><w:pPr><w:pStyle w:val="{_attr(self.ids[S.TITLE])}"/></w:pPr>{runs}</w:p>')

    def text(self, text: str | None) -> None:
        """The clerk's text, one paragraph per line and per （一）（二）… part; a short （一）
        part is a level-2 heading, a short "1." line a level-3 heading; a （一）… heading
        sentence opening a longer part is set in 楷体."""
        for part, joined in text_paragraphs(text or ""):
            line = part.strip()
            level = heading_level(line)
            if level is not None:
                self.paragraph(S.HEADING_2 if level == 2 else S.HEADING_3, part, joined=joined)
                continue
            head = _inline_heading(part) if LEVEL_2.match(line) else ""
            self.paragraph(S.BODY, part[len(head):], head=head, joined=joined)

    def plain(self, text: str | None) -> None:
        """Body paragraphs, one per line, nothing made a heading (the opening paragraph, a
        table's note)."""
        for raw in clean_text(text or "").split("\n"):
            line = raw.lstrip(" \t\u3000\u00a0").rstrip()
            if line:
                self.paragraph(S.BODY, line)

    def signature(self, agency: str, date: str) -> None:
        """Agency name and date, not sealed (GB/T 9704 7.3.5.2): one blank line below the body;
        the name 右空二字; the date's first character two characters right of the name's first
        character; a date too long for that keeps 右空二字 and the name moves left. A draft's
        date is the blank 年 月 日 line to fill in by hand (text.signature).

        Positions are set in twips from the name's width (all full-width characters, so exact);
        the date is placed by its left edge, since the width of its digits and the gaps Word or
        WPS add between 2025 and 年 vary by program."""
        self.paragraph(S.BODY, extra="<w:keepNext/>")
        width = self.geometry.text_width
        char = self.geometry.body_char
        two = SIGNATURE_GAP * char
        name_width = round(units(agency) * char)
        name_start = width - two - name_width
        date_start = name_start + two
        date_fits = date_start + _date_twips(date, char) <= width - two
        if not date_fits:
            name_start = width - two - _date_twips(date, char) - two
        self.paragraph(S.SIGNATURE, agency, extra="<w:keepNext/>" + _ind(right=width - name_start - name_width))
        if date_fits:
            self.paragraph(S.SIGNATURE, date, extra=_ind(left=date_start) + '<w:jc w:val="left"/>')
        else:
            self.paragraph(S.SIGNATURE, date, extra=_ind(right=two))


def _t(text: str) -> str:
    return f'<w:t xml:space="preserve">{escape(text)}</w:t>'


def _attr(value: str) -> str:
    return escape(value, {'"': "&quot;"})


def _ind(*, left: int = 0, right: int = 0) -> str:
    return f'<w:ind w:left="{left}" w:right="{right}" w:firstLineChars="0" w:firstLine="0"/>'


def _inline_heading(line: str) -> str:
    """'（一）主动公开。本年度…' → '（一）主动公开。'; a first clause ended by a comma counts when
    short ('（一）主动公开方面，全年…'); '' when no short heading opens the paragraph."""
    ends = [i for i in (line.find("。"), line.find("："), line.find(":")) if 0 < i < INLINE_HEADING_MAX]
    ends += [i for i in (line.find("，"), line.find(",")) if 0 < i < INLINE_CLAUSE_MAX]
    return line[: min(ends) + 1] if ends else ""


def _date_twips(date: str, char: int) -> int:
    """Width of "2025年1月20日": digits half a character, plus the gap most programs add
    between digits and Chinese characters (about a fifth of a character each)."""
    gaps = sum(1 for a, b in itertools.pairwise(date) if a.isdigit() != b.isdigit())
    return round((units(date) + 0.2 * gaps) * char)
