"""PDF pages whose content is turned a quarter or half round on the page: read as a viewer's
旋转 shows them upright, and said; a page no turn makes upright is named and left out."""

from __future__ import annotations

from pathlib import Path

import pytest

from govopen_desktop.io.importers import ImportFailed, ImportResult, import_file
from tests.support.paths import TEST_DATA
from tests.support.raw_pdf import page_pdf

UPRIGHT = TEST_DATA / "import" / "producer-watermark.pdf"


def _turned_copy(src: Path, out: Path, degrees: int, pages: list[int] | None = None) -> Path:
    """`src` with its pages (1-based; all by default) given /Rotate `degrees`: what a viewer
    then shows, and pdfminer lays out, is the content turned on the page."""
    pdfium = pytest.importorskip("pypdfium2", reason="pypdfium2 (a test dependency) writes the turned copies")
    pdf = pdfium.PdfDocument(src)
    try:
        for n in pages or range(1, len(pdf) + 1):
            page = pdf[n - 1]
            page.set_rotation((page.get_rotation() + degrees) % 360)
        pdf.save(out)
    finally:
        pdf.close()
    return out


def _said_turned(result: ImportResult, pages: str) -> bool:
    return any(p.key is None and pages in p.message and "转正后读取" in p.message for p in result.problems)


def _reads_as_upright(turned: ImportResult, upright: ImportResult) -> None:
    assert turned.report.cells == upright.report.cells
    assert turned.report.text == upright.report.text
    assert turned.found_meta() == upright.found_meta()
    keyed = sorted((p.key, p.message) for p in upright.problems if p.key is not None)
    assert sorted((p.key, p.message) for p in turned.problems if p.key is not None) == keyed


@pytest.mark.parametrize("degrees", [90, 180, 270])
def test_a_turned_page_reads_as_the_upright_pdf(tmp_path: Path, degrees: int) -> None:
    upright = import_file(UPRIGHT)
    turned = import_file(_turned_copy(UPRIGHT, tmp_path / "turned.pdf", degrees, [2]))
    _reads_as_upright(turned, upright)
    assert _said_turned(turned, "第2页")
    assert not _said_turned(upright, "页")


@pytest.mark.parametrize("degrees", [90, 180, 270])
def test_a_pdf_turned_throughout_reads_as_the_upright_pdf(tmp_path: Path, degrees: int) -> None:
    upright = import_file(UPRIGHT)
    turned = import_file(_turned_copy(UPRIGHT, tmp_path / "turned.pdf", degrees))
    _reads_as_upright(turned, upright)
    assert _said_turned(turned, "第1页")


def test_a_page_drawn_sideways_inside_the_page_reads_upright() -> None:
    """sideways-page.pdf draws its second page's content turned (no /Rotate on the page): one
    character a line as laid out. Turned, it reads as the upright PDF."""
    upright = import_file(UPRIGHT)
    turned = import_file(TEST_DATA / "import" / "sideways-page.pdf")
    _reads_as_upright(turned, upright)
    assert _said_turned(turned, "第2页")


def _stream(content: bytes) -> bytes:
    return b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"


def _lines(turns: list[bytes]) -> bytes:
    return b"".join(b"BT /F1 12 Tf %s %d 400 Tm (Annual report on open government information) Tj ET\n"
                    % (turns[k % len(turns)], 80 + 20 * k) for k in range(20))


@pytest.mark.parametrize("turn", [b"0 1 -1 0", b"-1 0 0 -1", b"0 -1 1 0"])
def test_a_turned_pdf_that_is_no_report_is_refused_as_no_report(tmp_path: Path, turn: bytes) -> None:
    """Turned upright, its text is read; it holds no report, and is refused as such."""
    path = tmp_path / "turned.pdf"
    path.write_bytes(page_pdf(_stream(_lines([turn]))))
    with pytest.raises(ImportFailed) as refused:
        import_file(path)
    assert "侧着或倒着排" not in str(refused.value)


def test_a_pdf_whose_lines_turn_every_which_way_is_refused_as_such(tmp_path: Path) -> None:
    """Lines turned one way and the other: no turn of the page makes them upright."""
    path = tmp_path / "sideways.pdf"
    path.write_bytes(page_pdf(_stream(_lines([b"0 1 -1 0", b"0 -1 1 0"]))))
    with pytest.raises(ImportFailed, match=r"sideways\.pdf.*侧着或倒着排"):
        import_file(path)
