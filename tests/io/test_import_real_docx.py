"""Word files in the shapes real ones reach a clerk in: a web page copied into Word (the report
inside the site's layout table), a template whose cells are content controls, a cell with a
line break between two numbers. Made from the sample report's own Word file, rewritten."""

from __future__ import annotations

import quopri
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from govopen_desktop.domain.values import Published
from govopen_desktop.io.importers import import_file
from govopen_desktop.io.project import load_report
from tests.support.import_builders import Expected, write_docx, write_html
from tests.support.paths import SAMPLE


def _plain(tmp_path: Path) -> Path:
    report = load_report(SAMPLE)
    path = tmp_path / "plain.docx"
    write_docx(Expected(report.meta.to_dict(), dict(report.cells), dict(report.text)), path)
    return path


def _rewrite(src: Path, out: Path, change: Callable[[str], str]) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                data = change(data.decode("utf-8")).encode("utf-8")
            zout.writestr(item, data)
    return out


def _in_layout_table(xml: str) -> str:
    start = xml.index("<w:body>") + len("<w:body>")
    end = xml.rindex("<w:sectPr")
    return (xml[:start] + "<w:tbl><w:tblPr/><w:tblGrid><w:gridCol w:w=\"9000\"/></w:tblGrid><w:tr><w:tc>"
            + xml[start:end] + "<w:p/></w:tc></w:tr></w:tbl>" + xml[end:])


def _sdt(inner: str) -> str:
    return f"<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>{inner}</w:sdtContent></w:sdt>"


def _paragraphs_in_controls(xml: str) -> str:
    return re.sub(r"(<w:tc>(?:<w:tcPr>.*?</w:tcPr>)?)(<w:p[ >].*?</w:p>)(</w:tc>)",
                  lambda m: m.group(1) + _sdt(m.group(2)) + m.group(3), xml, flags=re.S)


def _cells_in_controls(xml: str) -> str:
    return re.sub(r"(<w:tc>.*?</w:tc>)", lambda m: _sdt(m.group(1)), xml, flags=re.S)


def _rows_in_controls(xml: str) -> str:
    return re.sub(r"(<w:tr[ >].*?</w:tr>)", lambda m: _sdt(m.group(1)), xml, flags=re.S)


@pytest.mark.parametrize("change", [_in_layout_table, _paragraphs_in_controls, _cells_in_controls,
                                    _rows_in_controls])
def test_the_report_reads_the_same_in_these_shapes(tmp_path: Path, change: Callable[[str], str]) -> None:
    plain = _plain(tmp_path)
    shaped = _rewrite(plain, tmp_path / "shaped.docx", change)
    a, b = import_file(plain), import_file(shaped)
    assert b.report.cells == a.report.cells
    assert b.report.meta == a.report.meta
    assert b.report.text == a.report.text
    assert [p.message for p in b.problems] == [p.message for p in a.problems]


def test_a_line_break_between_numbers_in_a_cell_keeps_them_apart(tmp_path: Path) -> None:
    """"136⏎12" in one cell (a break typed inside it) is not the number 13612: kept as printed."""
    plain = _plain(tmp_path)
    report = import_file(plain).report
    new = report.cells["t3.new.natural"]
    assert isinstance(new, int) and new >= 10
    digits = str(new)

    def broken(xml: str) -> str:
        cell = f"<w:t>{digits}</w:t>"
        assert cell in xml
        return xml.replace(cell, f"<w:t>{digits[:1]}</w:t><w:br/><w:t>{digits[1:]}</w:t>", 1)

    got = import_file(_rewrite(plain, tmp_path / "broken.docx", broken))
    value = got.report.cells["t3.new.natural"]
    assert isinstance(value, Published) and value.text == f"{digits[:1]}\n{digits[1:]}"
    assert any(p.key == "t3.new.natural" for p in got.problems)


# ---- a Word file that carries a web page whole (w:altChunk) ---------------------------------

_ALT_DOC = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.'
            'openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships"><w:body><w:altChunk r:id="htmlChunk"/><w:sectPr/></w:body>'
            '</w:document>')
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _alt_chunk_docx(path: Path, page: bytes, ext: str, content_type: str) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.'
                   'openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
                   f'"application/xml"/><Default Extension="{ext}" ContentType="{content_type}"/></Types>')
        z.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                   f'package/2006/relationships"><Relationship Id="rId1" Type="{_REL}/officeDocument" '
                   'Target="word/document.xml"/></Relationships>')
        z.writestr("word/document.xml", _ALT_DOC)
        z.writestr("word/_rels/document.xml.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.'
                   f'openxmlformats.org/package/2006/relationships"><Relationship Id="htmlChunk" Type="{_REL}/'
                   f'aFChunk" Target="/word/afchunk.{ext}"/></Relationships>')
        z.writestr(f"word/afchunk.{ext}", page)
    return path


def _mht(html: str) -> bytes:
    head = ('MIME-Version: 1.0\nContent-Type: multipart/related;\n    type="text/html";\n'
            '    boundary="----=mhtDocumentPart"\n\n\n------=mhtDocumentPart\nContent-Type: text/html;\n'
            '    charset="utf-8"\nContent-Transfer-Encoding: quoted-printable\n'
            'Content-Location: file:///C:/fake/document.html\n\n')
    return (head.encode() + quopri.encodestring(html.encode("utf-8")) + b"\n\n------=mhtDocumentPart--\n")


@pytest.mark.parametrize(("ext", "content_type"), [("mht", "message/rfc822"), ("htm", "text/html"),
                                                    ("xhtml", "application/xhtml+xml")])
def test_a_word_file_holding_the_report_as_a_web_page(tmp_path: Path, ext: str, content_type: str) -> None:
    """What html-docx-js and web editors' 导出Word write: Word shows the page; so must we (the
    page's <!DOCTYPE html> is no XML declaration to refuse)."""
    report = load_report(SAMPLE)
    page = tmp_path / "page.html"
    write_html(Expected(report.meta.to_dict(), dict(report.cells), dict(report.text)), page)
    html = page.read_text(encoding="utf-8")
    data = _mht(html) if ext == "mht" else html.encode("utf-8")
    shaped = _alt_chunk_docx(tmp_path / "exported.docx", data, ext, content_type)
    a, b = import_file(page), import_file(shaped)
    assert b.report.cells == a.report.cells
    assert b.report.meta == a.report.meta
    assert b.report.text == a.report.text
