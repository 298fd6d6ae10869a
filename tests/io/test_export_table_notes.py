"""表下说明 in every export: the Word document prints a table's note as body text right after the
table (before the next part's heading), the web page likewise, the PDF from the Word layout, the
workbook in a row under the table on its sheet and on the data sheet; each imports back with the
same notes. A blank note prints nothing: the next heading follows the table."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import docx
import pytest
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph
from openpyxl import load_workbook

from govopen_desktop.domain.report import TEXT_KEYS, Report
from govopen_desktop.io.exporters import docx_styles as S
from govopen_desktop.io.exporters.docx_export import build_docx_bytes, export_docx
from govopen_desktop.io.exporters.html_export import build_html, export_html
from govopen_desktop.io.exporters.xlsx_export import build_xlsx_bytes, export_xlsx
from govopen_desktop.io.importers import import_file
from govopen_desktop.io.importers.readers.convert import find_soffice
from govopen_desktop.io.workbook_layout import DATA_SHEET, TOP, sheet_name
from tests.support.reports import filled_report

NOTES = ("note.t2", "note.t3", "note.t4")


def with_notes(fid: str = "2021") -> Report:
    report = filled_report(fid)
    year = report.meta.year
    report.set_text("overview", "（一）主动公开。全年主动公开信息100条。")
    report.set_text("problems", "一是解读形式单一。")
    report.set_text("other", "本年度未收取信息处理费。")
    report.set_text("note.t2", "注：本表“行政事业性收费”一栏的金额以万元为单位。")
    # two paragraphs, the first long enough for a PDF page to wrap it
    report.set_text("note.t3", f"注：{year}年度本机关收到的申请中，有2件为同一申请人就同一事项重复提出，已合并办理。\n"
                               "另有1件申请由申请人自行撤回。")
    report.set_text("note.t4", f"{year}年，本机关行政复议、行政诉讼案件均依法办结。")
    return report


def _texts(report: Report) -> dict[str, str | None]:
    return {k: report.text.get(k) for k in TEXT_KEYS}


def _body(document: docx.document.Document) -> list[Paragraph | DocxTable]:
    return list(document.iter_inner_content())


@pytest.mark.parametrize("fid", ["2019", "2021"])
def test_word_prints_each_note_right_after_its_table(fid: str) -> None:
    report = with_notes(fid)
    body = _body(docx.Document(io.BytesIO(build_docx_bytes(report))))
    tables = [i for i, block in enumerate(body) if isinstance(block, DocxTable)]
    assert len(tables) == 3
    for at, key in zip(tables, NOTES, strict=True):
        lines = (report.text[key] or "").split("\n")
        after = body[at + 1 : at + 1 + len(lines)]
        assert all(isinstance(p, Paragraph) and p.style is not None and p.style.name == S.BODY for p in after)
        assert [p.text for p in after if isinstance(p, Paragraph)] == lines
        following = body[at + 1 + len(lines)]  # then the next part's heading
        assert isinstance(following, Paragraph) and following.style is not None
        assert following.style.name == S.HEADING_1


def test_word_without_notes_has_the_next_heading_right_after_each_table() -> None:
    report = with_notes()
    for key in NOTES:
        report.set_text(key, None)
    body = _body(docx.Document(io.BytesIO(build_docx_bytes(report))))
    for i, block in enumerate(body):
        if isinstance(block, DocxTable):
            following = body[i + 1]
            assert isinstance(following, Paragraph) and following.style is not None
            assert following.style.name == S.HEADING_1


def test_web_page_prints_each_note_after_its_table() -> None:
    report = with_notes()
    page = build_html(report)
    pieces = page.split("</table>")[1:]
    for piece, key in zip(pieces, NOTES, strict=True):
        between = piece[: piece.index("<h2")]
        assert re.findall(r"<p[^>]*>([^<]*)</p>", between) == (report.text[key] or "").split("\n")


def test_the_workbook_prints_each_note_under_its_table_and_keeps_it_on_the_data_sheet() -> None:
    report = with_notes()
    workbook = load_workbook(io.BytesIO(build_xlsx_bytes(report)))
    data = {r[0]: r[1] for r in workbook[DATA_SHEET].iter_rows(values_only=True)}
    for table in report.format.tables:
        key = f"note.{table.id}"
        ws = workbook[sheet_name(table)]
        row = TOP + table.n_rows  # right under the grid, across its width
        assert ws.cell(row, 1).value == report.text[key]
        assert f"A{row}:" in " ".join(str(r) for r in ws.merged_cells.ranges)
        assert str(ws.print_area).endswith(f"${row}")  # printed with the table
        assert data[f"text.{key}"] == report.text[key]


def test_a_workbook_without_notes_ends_at_the_grid() -> None:
    report = with_notes()
    for key in NOTES:
        report.set_text(key, None)
    workbook = load_workbook(io.BytesIO(build_xlsx_bytes(report)))
    for table in report.format.tables:
        ws = workbook[sheet_name(table)]
        assert ws.max_row == TOP + table.n_rows - 1
        assert str(ws.print_area).endswith(f"${TOP + table.n_rows - 1}")


@pytest.mark.parametrize("kind", ["docx", "html", "xlsx"])
@pytest.mark.parametrize("fid", ["2019", "2021"])
def test_each_export_imports_back_with_the_same_notes(kind: str, fid: str, tmp_path: Path) -> None:
    report = with_notes(fid)
    path = tmp_path / f"报告.{kind}"
    {"docx": export_docx, "html": export_html, "xlsx": export_xlsx}[kind](report, path)
    back = import_file(path).report
    assert _texts(back) == _texts(report)
    assert "table_notes" not in back.extra.get("source", {})


def test_the_workbooks_visible_sheets_alone_bring_the_notes_back(tmp_path: Path) -> None:
    # the data sheet removed (a clerk copied the sheets into a workbook of their own)
    report = with_notes()
    workbook = load_workbook(io.BytesIO(build_xlsx_bytes(report)))
    del workbook[DATA_SHEET]
    path = tmp_path / "表格.xlsx"
    workbook.save(path)
    back = import_file(path).report
    assert {k: back.text[k] for k in NOTES} == {k: report.text[k] for k in NOTES}


@pytest.mark.skipif(find_soffice() is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice (soffice) or pdftotext (poppler-utils) is not installed")
def test_pdf_prints_them_and_imports_back(tmp_path: Path) -> None:
    from govopen_desktop.io.exporters.pdf_export import export_pdf

    report = with_notes()
    path = tmp_path / "报告.pdf"
    export_pdf(report, path)
    back = import_file(path).report

    def flat(text: str | None) -> str:
        return "".join((text or "").split())

    # table 3's first paragraph is wrapped on the page: joined again, not dropped
    assert {k: flat(back.text[k]) for k in NOTES} == {k: flat(report.text[k]) for k in NOTES}
    assert flat(back.text["problems"]) == flat(report.text["problems"])
