"""OFD files (GB/T 33190: an OA system's 电子公文, 数科/福昕/WPS 另存为 OFD) are read as the PDF
they were drawn from is: every PDF the tests have, the real 淮安 2024 among them, written as OFD
in the shapes converters give (a run of characters a text object with DeltaX steps, one object a
character, text drawn at size 1 through a CTM, a running header on a template page, a watermark
and a sideways page turned by their CTM) imports to the same cells, texts, meta and problems."""

from __future__ import annotations

import json
import re
import time
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest

from govopen_desktop.io.importers import ImportFailed, ImportResult, import_file
from tests.support.ofd_writer import ofd_from_pdf
from tests.support.paths import SHARED, TEST_DATA

REAL = SHARED / "real-reports" / "huaian-2024.pdf"
PDFS = sorted(TEST_DATA.glob("**/*.pdf"))
SHAPES = {
    "runs": {},
    "one-object-a-character": {"per_glyph": True},
    "scaled-by-ctm": {"scaled": True},
    "template-header": {"running_header": "青山市某局政府信息公开工作年度报告（内部资料）"},
}


def _problems(result: ImportResult, name: str) -> list[tuple[str, str]]:
    return sorted((p.key or "", p.message.replace(f"“{name}”", "“…”")) for p in result.problems)


def _same_as_pdf(pdf: Path, ofd: Path) -> None:
    from_pdf, from_ofd = import_file(pdf), import_file(ofd)
    assert from_ofd.report.cells == from_pdf.report.cells
    assert from_ofd.report.text == from_pdf.report.text
    assert from_ofd.found_meta() == from_pdf.found_meta()
    assert _problems(from_ofd, ofd.name) == _problems(from_pdf, pdf.name)


@pytest.mark.parametrize("pdf", PDFS, ids=[p.name for p in PDFS])
def test_an_ofd_reads_as_the_pdf_it_was_drawn_from(pdf: Path, tmp_path: Path) -> None:
    _same_as_pdf(pdf, ofd_from_pdf(pdf, tmp_path / f"{pdf.stem}.ofd"))


@pytest.mark.parametrize("shape", list(SHAPES), ids=list(SHAPES))
@pytest.mark.parametrize("pdf", [TEST_DATA / "import" / "producer-watermark.pdf",
                                 TEST_DATA / "import" / "sideways-page.pdf"], ids=["watermark", "sideways-page"])
def test_every_shape_of_ofd_reads_as_the_pdf(pdf: Path, shape: str, tmp_path: Path) -> None:
    _same_as_pdf(pdf, ofd_from_pdf(pdf, tmp_path / "report.ofd", **SHAPES[shape]))  # type: ignore[arg-type]


@pytest.mark.skipif(not REAL.is_file(), reason="../shared/real-reports is not beside the clone")
@pytest.mark.parametrize("shape", list(SHAPES), ids=list(SHAPES))
def test_the_real_huaian_report_as_ofd_imports_as_expected(shape: str, tmp_path: Path) -> None:
    expected = json.loads(REAL.with_name("huaian-2024.expected.json").read_text(encoding="utf-8"), parse_float=Decimal)
    result = import_file(ofd_from_pdf(REAL, tmp_path / "淮安市2024年报.ofd", **SHAPES[shape]))  # type: ignore[arg-type]
    wrong = [key for key, want in expected["cells"].items()
             if (result.report.cells.get(key) is None) != (want is None)
             or (want is not None and Decimal(str(result.report.cells[key])) != Decimal(str(want)))]
    assert wrong == []
    assert result.found_meta() == expected["meta"]
    overview = result.report.text["overview"] or ""
    assert "（一）主动公开情况。2024年，市政府网站主动公开各类政府信息5500余条" in overview


def _rewritten(src: Path, out: Path, change: dict[str, tuple[str, str]]) -> Path:
    """`src` with parts' text replaced (regex → replacement), every other part as it was."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            for part, (pattern, repl) in change.items():
                if re.fullmatch(part, info.filename):
                    data = re.sub(pattern, repl, data.decode("utf-8")).encode("utf-8")
            zout.writestr(info.filename, data)
    return out


def test_absolute_locations_and_an_unprefixed_namespace_read_alike(tmp_path: Path) -> None:
    """BaseLoc from the package's root (`/Doc_0/Pages/…`), and the namespace as the default one
    (no `ofd:` prefix), as other producers write them."""
    pdf = TEST_DATA / "import" / "producer-watermark.pdf"
    ofd = ofd_from_pdf(pdf, tmp_path / "a.ofd")
    unprefixed = (r"<(/?)ofd:|xmlns:ofd=", lambda m: "xmlns=" if m.group(0).startswith("xmlns") else f"<{m.group(1)}")
    changed = _rewritten(ofd, tmp_path / "b.ofd", {
        r"Doc_0/Document\.xml": (r'BaseLoc="Pages/', 'BaseLoc="/Doc_0/Pages/'),
    })
    with zipfile.ZipFile(changed) as zin, zipfile.ZipFile(tmp_path / "c.ofd", "w") as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, re.sub(unprefixed[0], unprefixed[1], zin.read(info).decode("utf-8")))
    _same_as_pdf(pdf, tmp_path / "c.ofd")


def test_text_marked_invisible_is_not_read(tmp_path: Path) -> None:
    pdf = TEST_DATA / "import" / "producer-watermark.pdf"
    ofd = ofd_from_pdf(pdf, tmp_path / "a.ofd")
    hidden = '<ofd:TextObject ID="9999" Boundary="20 60 150 6" Font="3" Size="3.5" Visible="false">' \
             '<ofd:TextCode X="0" Y="4" DeltaX="g 7 3.5">行政许可 999 999</ofd:TextCode></ofd:TextObject>'
    page = r"Doc_0/Pages/Page_1/Content\.xml"
    changed = _rewritten(ofd, tmp_path / "b.ofd", {page: (r"(<ofd:Layer[^>]*>)", r"\1" + hidden)})
    _same_as_pdf(pdf, changed)


def _refused(path: Path, words: str) -> None:
    start = time.perf_counter()
    with pytest.raises(ImportFailed, match=words):
        import_file(path)
    assert time.perf_counter() - start < 2.0


def test_an_ofd_missing_a_page_is_refused_naming_the_part(tmp_path: Path) -> None:
    ofd = ofd_from_pdf(TEST_DATA / "import" / "producer-watermark.pdf", tmp_path / "a.ofd")
    with zipfile.ZipFile(ofd) as zin, zipfile.ZipFile(tmp_path / "年报.ofd", "w") as zout:
        for info in zin.infolist():
            if info.filename != "Doc_0/Pages/Page_1/Content.xml":
                zout.writestr(info.filename, zin.read(info))
    _refused(tmp_path / "年报.ofd", r"“年报\.ofd”不是完整的 OFD 版式文件（缺少部件“Doc_0/Pages/Page_1/Content\.xml”）")


def test_an_ofd_with_a_broken_page_is_refused_naming_the_part(tmp_path: Path) -> None:
    ofd = ofd_from_pdf(TEST_DATA / "import" / "producer-watermark.pdf", tmp_path / "a.ofd")
    broken = _rewritten(ofd, tmp_path / "年报.ofd", {r"Doc_0/Pages/Page_0/Content\.xml": (r"</ofd:Page>$", "")})
    _refused(broken, r"“年报\.ofd”不是完整的 OFD 版式文件（部件“Doc_0/Pages/Page_0/Content\.xml”无法解析）")


def test_a_truncated_ofd_is_refused(tmp_path: Path) -> None:
    ofd = ofd_from_pdf(TEST_DATA / "import" / "producer-watermark.pdf", tmp_path / "a.ofd")
    cut = tmp_path / "年报.ofd"
    cut.write_bytes(ofd.read_bytes()[: ofd.stat().st_size // 2])
    _refused(cut, r"“年报\.ofd”")


def test_an_ofd_of_pictures_only_is_refused_as_a_scan(tmp_path: Path) -> None:
    ofd = ofd_from_pdf(TEST_DATA / "import" / "producer-watermark.pdf", tmp_path / "a.ofd")
    scan = _rewritten(ofd, tmp_path / "扫描件.ofd", {
        r"Doc_0/Pages/Page_\d+/Content\.xml": (r"<ofd:Layer[^>]*>.*</ofd:Layer>",
                                              '<ofd:Layer ID="1"><ofd:ImageObject ID="7" Boundary="0 0 210 297"'
                                              ' CTM="210 0 0 297 0 0" ResourceID="2"/></ofd:Layer>')})
    _refused(scan, r"“扫描件\.ofd”是扫描件或图片 OFD，没有可读取的文字层")


def test_a_page_of_too_many_objects_is_refused_at_once(tmp_path: Path) -> None:
    ofd = ofd_from_pdf(TEST_DATA / "import" / "producer-watermark.pdf", tmp_path / "a.ofd")
    many = "".join(f'<ofd:PathObject ID="{k}" Boundary="0 0 1 1"/>' for k in range(210_000))
    page = r"Doc_0/Pages/Page_0/Content\.xml"
    flood = _rewritten(ofd, tmp_path / "年报.ofd", {page: (r"(<ofd:Layer[^>]*>)", r"\1" + many)})
    _refused(flood, r"“年报\.ofd”第1页有超过 200000 个图形对象")


def test_parts_stored_with_backslashes_or_another_case_are_found(tmp_path: Path) -> None:
    """A Windows tool may store `Doc_0\\Pages\\Page_0\\Content.xml`, or write `ofd.xml`."""
    pdf = TEST_DATA / "import" / "producer-watermark.pdf"
    ofd = ofd_from_pdf(pdf, tmp_path / "a.ofd")
    with zipfile.ZipFile(ofd) as zin, zipfile.ZipFile(tmp_path / "b.ofd", "w") as zout:
        for info in zin.infolist():
            name = info.filename.replace("/", "\\").replace("Doc_0", "DOC_0")
            name = "ofd.xml" if name == "OFD.xml" else name
            zout.writestr(name, zin.read(info))
    _same_as_pdf(pdf, tmp_path / "b.ofd")


def test_text_codes_indented_on_lines_of_their_own_read_as_their_glyphs(tmp_path: Path) -> None:
    """A pretty-printed Content.xml puts a code's glyphs on a line of their own, indented (as
    ofdrw's files do): the line breaks and indent around them are no glyphs."""
    pdf = TEST_DATA / "import" / "producer-watermark.pdf"
    ofd = ofd_from_pdf(pdf, tmp_path / "a.ofd")
    pretty = (r"(<ofd:TextCode[^>]*>)([^<]*)(</ofd:TextCode>)", "\\1\n                    \\2\n                \\3")
    _same_as_pdf(pdf, _rewritten(ofd, tmp_path / "b.ofd", {r"Doc_0/Pages/Page_\d+/Content\.xml": pretty}))
