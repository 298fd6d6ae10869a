"""Text copied out of Chrome's or Edge's PDF viewer (select all, copy): their PDF engine is
pdfium, and its text page gives the characters in the order those viewers copy them, a line
break where a printed line ends. A clerk pastes that into 粘贴文字导入, or saves it as .txt.

Every PDF the tests have (the real ones in ../shared/real-reports, the producers' and page
shapes in tests/data, the sample as our own export prints it) copied that way imports to what
the PDF itself imports to: a cell the copy reads has the PDF's value, and a cell it cannot read
is named in a problem, never guessed. The real 淮安 2024 copy imports exactly as its expected
file says. (tests/io/test_import_viewer_copies.py builds each viewer's shapes of a table by hand;
here pdfium itself makes the copies.)"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from govopen_desktop.io.importers import ImportFailed, ImportResult, import_file
from tests.support.paths import SAMPLE, SHARED, TEST_DATA

pdfium = pytest.importorskip("pypdfium2", reason="pypdfium2 (a test dependency: make test installs it) is missing")

REAL = SHARED / "real-reports"
OURS = sorted(TEST_DATA.glob("**/*.pdf"))


def viewer_copy(pdf: Path, out: Path) -> Path:
    """The whole document as the viewer copies it: each page's text, pages one after another.
    Skips where this machine's pdfium cannot copy the PDF's Chinese: for a Chinese font the PDF
    names without embedding it (STSong-Light, as some producers write), pdfium wants a Chinese
    system font to stand in for it, and without one copies the digits only."""
    document = pdfium.PdfDocument(str(pdf))
    try:
        pages = [page.get_textpage().get_text_range() for page in document]
    finally:
        document.close()
    text = "\n".join(pages)
    if _chinese(text) * 2 < _chinese(_pdf_text(pdf)):
        pytest.skip(f"pdfium here copies {pdf.name} without its Chinese: no Chinese system font stands in for "
                    "the font the PDF does not embed (Debian/Ubuntu: apt install fonts-noto-cjk)")
    out.write_text(text, encoding="utf-8")
    return out


def _chinese(text: str) -> int:
    return sum("\u4e00" <= c <= "\u9fff" for c in text)


def _pdf_text(pdf: Path) -> str:
    import pdfplumber

    with pdfplumber.open(pdf) as document:
        return "\n".join(page.extract_text() or "" for page in document.pages)


def value_differences(pdf: ImportResult, copy: ImportResult) -> list[str]:
    """Cells the copy reads otherwise than the PDF, and cells it leaves empty without a word.
    (A cell the PDF could not read, and named, the copy may read.)"""
    named, named_by_pdf = {p.key for p in copy.problems}, {p.key for p in pdf.problems}
    out = []
    for key in pdf.report.format.keys:
        want, got = pdf.report.cells.get(key), copy.report.cells.get(key)
        if got is not None and str(got) != str(want) and not (want is None and key in named_by_pdf):
            out.append(f"{key}: the copy reads {got!r}, the PDF {want!r}")
        elif got is None and want is not None and key not in named:
            out.append(f"{key}: the PDF reads {want!r}, the copy leaves it empty and unnamed")
    return out


def _alike(pdf_path: Path, tmp_path: Path) -> tuple[ImportResult, ImportResult]:
    try:
        from_pdf = import_file(pdf_path)
    except ImportFailed:
        pytest.skip(f"{pdf_path.name} is refused as a PDF too")
    copy = import_file(viewer_copy(pdf_path, tmp_path / f"{pdf_path.stem}.txt"))
    assert value_differences(from_pdf, copy) == []
    return from_pdf, copy


@pytest.mark.parametrize("pdf_path", OURS, ids=[p.name for p in OURS])
def test_a_copy_reads_what_the_pdf_reads(pdf_path: Path, tmp_path: Path) -> None:
    from_pdf, copy = _alike(pdf_path, tmp_path)
    assert copy.found_meta()["year"] == from_pdf.found_meta()["year"]


def test_a_sideways_page_copied_reads_as_the_upright_pdf(tmp_path: Path) -> None:
    """A page whose content is turned a quarter: the viewer's copy has its text upright, and
    reads every cell as the upright PDF does."""
    upright = import_file(TEST_DATA / "import" / "producer-watermark.pdf")
    copy = import_file(viewer_copy(TEST_DATA / "import" / "sideways-page.pdf", tmp_path / "sideways.txt"))
    assert copy.report.cells == upright.report.cells
    assert [p for p in copy.problems if p.key is not None] == []


@pytest.mark.skipif(not REAL.is_dir(), reason="../shared/real-reports is not beside the clone")
def test_the_real_huaian_copy_imports_exactly(tmp_path: Path) -> None:
    expected = json.loads((REAL / "huaian-2024.expected.json").read_text(encoding="utf-8"), parse_float=Decimal)
    _from_pdf, copy = _alike(REAL / "huaian-2024.pdf", tmp_path)
    wrong = [key for key, want in expected["cells"].items()
             if (copy.report.cells.get(key) is None) != (want is None)
             or (want is not None and Decimal(str(copy.report.cells[key])) != Decimal(str(want)))]
    assert wrong == []
    assert copy.found_meta() == expected["meta"]


def test_our_own_export_copied_reads_every_cell(tmp_path: Path) -> None:
    from govopen_desktop.io.exporters.pdf_export import export_pdf, pdf_available
    from govopen_desktop.io.project import load_report

    if not pdf_available() or not SAMPLE.exists():
        pytest.skip("LibreOffice (for the PDF export) or the sample report is missing")
    report = load_report(SAMPLE)
    export_pdf(report, tmp_path / "sample.pdf")
    from_pdf, copy = _alike(tmp_path / "sample.pdf", tmp_path)
    assert copy.report.cells == from_pdf.report.cells == report.cells
    assert copy.found_meta() == from_pdf.found_meta()
