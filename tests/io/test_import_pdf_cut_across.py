"""A workbook printed to PDF without 适应页宽 (LibreOffice Calc's, Excel's and WPS's default):
each table wider than the paper has its right-hand columns on the next page, the same rows at
the same heights without their labels, its merged title and header cells drawn again there cut
at the edge. Those pages are put back beside the pages they continue, and said."""

from __future__ import annotations

from pathlib import Path

import pytest

from govopen_desktop.io.importers import import_file
from govopen_desktop.io.project import load_report
from tests.support.office import needs_soffice, office_convert
from tests.support.paths import SAMPLE


def _printed_without_fit(tmp_path: Path) -> tuple[Path, Path]:
    from openpyxl import load_workbook

    from govopen_desktop.io.exporters.xlsx_export import export_xlsx

    book = tmp_path / "年报表格.xlsx"
    export_xlsx(load_report(SAMPLE), book)
    wb = load_workbook(book)
    for ws in wb:
        if ws.sheet_properties.pageSetUpPr is not None:
            ws.sheet_properties.pageSetUpPr.fitToPage = False
        ws.page_setup.orientation = "portrait"
    wb.save(book)
    office_convert([book], "pdf", tmp_path)
    return book, book.with_suffix(".pdf")


@needs_soffice
def test_a_table_printed_over_two_pages_side_by_side_reads_whole(tmp_path: Path) -> None:
    book, pdf = _printed_without_fit(tmp_path)
    from_book, from_pdf = import_file(book), import_file(pdf)
    t3 = [k for k in from_book.report.cells if k.startswith("t3.")]
    assert [k for k in t3 if from_pdf.report.cells.get(k) != from_book.report.cells[k]] == []
    named = {p.key for p in from_pdf.problems}
    wrong = [k for k, v in from_book.report.cells.items() if from_pdf.report.cells.get(k) != v]
    assert all(from_pdf.report.cells.get(k) is None and k in named for k in wrong)  # left empty, said
    assert len(wrong) <= 5  # table 2's and 4's last columns, printed without ruling lines there
    notes = [p.message for p in from_pdf.problems if p.key is None and "续页" in p.message]
    assert any("第4页是第3页表格右边几列的续页" in n for n in notes)


@needs_soffice
def test_without_the_join_the_right_hand_columns_were_lost(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same PDF read without putting the pages back together: table 3's right-hand
    columns are not read (what this reading adds, measured)."""
    from govopen_desktop.io.importers.readers import pdf as pdf_reader

    _book, pdf = _printed_without_fit(tmp_path)
    monkeypatch.setattr(pdf_reader, "_join_pages_cut_across", lambda *_args: [])
    unjoined = import_file(pdf)
    assert sum(1 for k, v in unjoined.report.cells.items() if k.startswith("t3.") and v is not None) < 100


@needs_soffice
def test_a_table_without_ruling_lines_printed_side_by_side_reads_its_right_hand_columns(tmp_path: Path) -> None:
    """A seed's workbook (no borders set) printed by LibreOffice: 表三's 其他 and 总计 columns
    come on a page of their own, lines level with the page before; they are read as the rows'."""
    from tests.support.paths import TEST_DATA

    book = tmp_path / "三张表.xlsx"
    book.write_bytes((TEST_DATA / "import" / "001_fb2a13aa5693ffc1-three-sheets.xlsx").read_bytes())
    office_convert([book], "pdf", tmp_path)
    from_book, from_pdf = import_file(book), import_file(book.with_suffix(".pdf"))
    right = [k for k in from_book.report.cells if k.startswith("t3.") and k.endswith((".other_org", ".total"))]
    read = [k for k in right if from_pdf.report.cells.get(k) is not None]
    assert len(read) >= 15 and all(from_pdf.report.cells[k] == from_book.report.cells[k] for k in read)
    named = {p.key for p in from_pdf.problems} | {"t2.procurement.amount_unit"}  # goes with the amount, named
    assert all(k in named for k, v in from_book.report.cells.items() if from_pdf.report.cells.get(k) != v)
    assert any("第3页是第2页表格右边几列的续页" in p.message for p in from_pdf.problems)
