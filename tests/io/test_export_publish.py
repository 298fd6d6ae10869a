"""What a reviewer and a website need from the exports: （二） parts typed inside a paragraph
become their own headings and still re-import exactly; document properties; the HTML page
(self-contained, spans as on the form, exact re-import); PDF through LibreOffice or a clear
message; a table taller than a page repeats its group label below the break."""

from __future__ import annotations

import io
import re
import zipfile
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from govopen_desktop import __version__
from govopen_desktop.domain.report import TEXT_KEYS, Report
from govopen_desktop.io.exporters import docx_styles as S
from govopen_desktop.io.exporters.docx_export import build_docx_bytes, export_docx
from govopen_desktop.io.exporters.html_export import build_html, export_html
from govopen_desktop.io.exporters.text import text_paragraphs
from govopen_desktop.io.importers import import_file
from tests.support.reports import filled_report

INLINE = ("本年度，我局认真贯彻落实条例，现报告如下。（一）主动公开方面。全年主动公开信息1587条。"
          "（二）依申请公开方面。全年新收申请54件，依据第（一）项规定答复。\n"
          "（三）政府信息管理\n完善制度。 （四）平台建设。网站改版。")


def report_with(text: str = INLINE, date: str | None = "2025-01-20") -> Report:
    report = filled_report("2021")
    report.set_meta(date=date)
    report.set_text("overview", text)
    report.set_text("problems", "一是解读形式单一。\n改进措施：推出图解。")
    report.set_text("other", "本年度未收取信息处理费。")
    return report


def exact(value: object) -> tuple[str, str]:
    return type(value).__name__, format(value, "f") if isinstance(value, Decimal) else str(value)


def assert_same(back: Report, report: Report) -> None:
    assert back.meta == report.meta
    assert {k: exact(back.cells.get(k)) for k in report.format.keys} == {
        k: exact(report.cells.get(k)) for k in report.format.keys}
    assert {k: back.text.get(k) for k in TEXT_KEYS} == {k: report.text.get(k) for k in TEXT_KEYS}


# ---- （一）（二） parts --------------------------------------------------------------------

def test_parts_inside_a_paragraph_start_their_own_paragraph_in_sequence_only() -> None:
    parts = [p for p, _ in text_paragraphs(INLINE)]
    assert parts == [
        "本年度，我局认真贯彻落实条例，现报告如下。",
        "（一）主动公开方面。全年主动公开信息1587条。",
        "（二）依申请公开方面。全年新收申请54件，依据第（一）项规定答复。",  # 第（一）项 stays
        "（三）政府信息管理",
        "完善制度。 ",
        "（四）平台建设。网站改版。",
    ]
    assert "".join(parts) == INLINE.replace("\n", "")  # the text itself unchanged
    assert [p for p, _ in text_paragraphs("一、…。（三）跳号不拆。")] == ["一、…。（三）跳号不拆。"]


def test_inline_parts_print_as_kaiti_headings_and_import_back_exactly(tmp_path: Path) -> None:
    report = report_with()
    path = tmp_path / "r.docx"
    export_docx(report, path)
    document = docx.Document(str(path))
    texts = [p.text for p in document.paragraphs]
    parts = ("（一）主动公开方面。全年主动公开信息1587条。",
             "（二）依申请公开方面。全年新收申请54件，依据第（一）项规定答复。")
    for part in parts:
        paragraph = document.paragraphs[texts.index(part)]
        assert paragraph.runs[0].style.name == S.INLINE_HEADING  # 楷体 opening
    heading = document.paragraphs[texts.index("（三）政府信息管理")]
    assert heading.style.name == S.HEADING_2
    assert_same(import_file(path).report, report)


# ---- document properties ------------------------------------------------------------------

def test_document_properties_name_the_report_agency_and_program() -> None:
    report = report_with()
    data = build_docx_bytes(report)
    document = docx.Document(io.BytesIO(data))
    props = document.core_properties
    assert props.title == "青山市自然资源和规划局2024年政府信息公开工作年度报告"
    assert props.author == props.last_modified_by == "青山市自然资源和规划局"
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        app = zf.read("docProps/app.xml").decode()
        settings = zf.read("word/settings.xml").decode()
    assert f"<Application>govopen-desktop {__version__}</Application>" in app
    assert "<Company>青山市自然资源和规划局</Company>" in app
    for leftover in ("Normal.dotm", "Macintosh", "<Pages>"):
        assert leftover not in app
    assert re.search(r'w:name="compatibilityMode"[^>]*w:val="15"', settings)
    title = document.styles[S.TITLE].element.rPr.find(qn("w:rFonts"))
    assert {title.get(qn(f"w:{a}")) for a in ("ascii", "hAnsi", "eastAsia")} == {"方正小标宋简体"}


# ---- a table taller than a page ------------------------------------------------------------

def test_a_table_taller_than_a_page_repeats_headers_and_the_group_label_below_the_break() -> None:
    from dataclasses import replace

    from govopen_desktop.io.exporters.docx_tables import build_table, page_breaks, row_heights, table_column_widths

    report = report_with()
    document = S.open_template()
    geometry = replace(S.geometry(document), text_height=6000)  # a page far shorter than table 3
    table = report.format.table("t3")
    widths = table_column_widths(table, geometry, report)
    breaks = page_breaks(row_heights(table, report, widths, geometry.table_font_pt), table.header_rows, 6000)
    assert breaks
    tbl = build_table(table, report, geometry)
    rows = tbl.findall(qn("w:tr"))
    assert all(rows[r].trPr.find(qn("w:tblHeader")) is not None for r in range(table.header_rows))
    group = next(c for c in table.cells if c.rowspan > 3 and c.col == 0)
    inside = [b for b in sorted(breaks) if group.row < b < group.row + group.rowspan]
    assert inside
    first = rows[inside[0]].findall(qn("w:tc"))[0]
    assert "".join(t.text or "" for t in first.iter(qn("w:t"))) == group.text  # printed again on the new page
    before = rows[inside[0] - 1]
    assert before.find(".//" + qn("w:keepNext")) is None  # the break falls here, not elsewhere


# ---- HTML ----------------------------------------------------------------------------------

class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def test_html_page_is_self_contained_with_the_form_spans() -> None:
    report = report_with()
    page = build_html(report)
    parser = _Tags()
    parser.feed(page)
    names = {t for t, _ in parser.tags}
    assert not names & {"script", "link", "style", "img", "iframe"}
    assert all("class" not in a and not any(k.startswith("on") for k in a) for _, a in parser.tags)
    tables = page.count("<table")
    assert tables == len(report.format.tables)
    spans = [(a.get("rowspan"), a.get("colspan")) for t, a in parser.tags if t == "td"]
    want = [(str(c.rowspan) if c.rowspan > 1 else None, str(c.colspan) if c.colspan > 1 else None)
            for t in report.format.tables for c in sorted(t.cells, key=lambda c: (c.row, c.col))]
    assert spans == want
    assert "<br" not in page
    assert "<h1" in page and report.format.sections[0].heading in page


@pytest.mark.parametrize("date", ["2025-01-20", None])
def test_html_page_imports_back_exactly(date: str | None, tmp_path: Path) -> None:
    report = report_with(date=date)
    path = tmp_path / "r.html"
    notes = export_html(report, path)
    assert bool(notes) == (date is None)
    assert_same(import_file(path).report, report)


def test_word_without_a_date_imports_back_exactly(tmp_path: Path) -> None:
    report = report_with(date=None)
    path = tmp_path / "r.docx"
    export_docx(report, path)
    assert_same(import_file(path).report, report)


# ---- PDF ------------------------------------------------------------------------------------

def test_pdf_without_libreoffice_says_which_package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from govopen_desktop.domain.errors import GovopenError
    from govopen_desktop.io.exporters import pdf_export

    monkeypatch.setattr(pdf_export, "find_soffice", lambda: None)
    with pytest.raises(GovopenError, match="LibreOffice") as info:
        pdf_export.export_pdf(report_with(), tmp_path / "r.pdf")
    assert "libreoffice-writer" in str(info.value) and "另存为 PDF" in str(info.value)
    assert not (tmp_path / "r.pdf").exists()


def test_a_parts_heading_ends_at_its_first_sentence_or_short_clause() -> None:
    from govopen_desktop.io.exporters.docx_export import _inline_heading

    assert _inline_heading("（一）主动公开。本年度公开信息1587条。") == "（一）主动公开。"
    assert _inline_heading("（一）主动公开方面，全年公开信息1587条。") == "（一）主动公开方面，"
    long_clause = "（一）本年度我局围绕法治政府建设总体要求持续推进主动公开，全年公开信息1587条"
    assert _inline_heading(long_clause) == ""  # a sentence, not a heading: left as body text
