"""开头说明 in every export: the Word document prints it as body text (仿宋_GB2312 三号, the body
style) between the title and 一、总体情况, the web page likewise, the PDF from the Word layout,
the workbook on its data sheet; each imports back with the same opening text. A report without
one prints as before: the title, then 一、."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import docx
import pytest
from openpyxl import load_workbook

from govopen_desktop.domain.drafts import draft_text
from govopen_desktop.domain.report import TEXT_KEYS, Report
from govopen_desktop.io.exporters import docx_styles as S
from govopen_desktop.io.exporters.docx_export import build_docx_bytes, export_docx
from govopen_desktop.io.exporters.html_export import build_html, export_html
from govopen_desktop.io.exporters.xlsx_export import build_xlsx_bytes, export_xlsx
from govopen_desktop.io.importers import import_file
from govopen_desktop.io.importers.readers.convert import find_soffice
from govopen_desktop.io.workbook_layout import DATA_SHEET, sheet_name
from tests.support.reports import filled_report

OPENING = "preface"
SECOND = "如对本报告有疑问，请与本机关办公室联系（电话：0000-1234567）。"


def with_opening(fid: str = "2021") -> Report:
    report = filled_report(fid)
    report.set_text(OPENING, draft_text(report, OPENING) + "\n" + SECOND)
    report.set_text("overview", "（一）主动公开。全年主动公开信息100条。")
    report.set_text("problems", "一是解读形式单一。")
    report.set_text("other", "本年度未收取信息处理费。")
    return report


def _texts(report: Report) -> dict[str, str | None]:
    return {k: report.text.get(k) for k in TEXT_KEYS}


@pytest.mark.parametrize("fid", ["2019", "2021"])
def test_word_prints_it_as_body_text_between_the_title_and_the_first_part(fid: str) -> None:
    report = with_opening(fid)
    document = docx.Document(io.BytesIO(build_docx_bytes(report)))
    paragraphs = document.paragraphs
    assert paragraphs[0].style.name == S.TITLE
    first, second, heading = paragraphs[1:4]
    assert [first.text, second.text] == (report.text[OPENING] or "").split("\n")
    assert first.style.name == second.style.name == S.BODY  # 仿宋_GB2312 三号, indented two characters
    assert heading.style.name == S.HEADING_1 and heading.text == report.format.sections[0].heading
    body = document.styles[S.BODY]
    assert body.font.size.pt == 16


def test_word_without_it_has_the_first_part_right_under_the_title() -> None:
    report = with_opening()
    report.set_text(OPENING, None)
    paragraphs = docx.Document(io.BytesIO(build_docx_bytes(report))).paragraphs
    assert paragraphs[0].style.name == S.TITLE and paragraphs[1].text == "一、总体情况"


def test_web_page_prints_it_between_the_title_and_the_first_part() -> None:
    report = with_opening()
    page = build_html(report)
    between = page[page.index("</h1>") : page.index("<h2")]
    assert re.findall(r"<p[^>]*>([^<]*)</p>", between) == (report.text[OPENING] or "").split("\n")


@pytest.mark.parametrize("kind", ["docx", "html", "xlsx"])
@pytest.mark.parametrize("fid", ["2019", "2021"])
def test_each_export_imports_back_with_the_same_texts(kind: str, fid: str, tmp_path: Path) -> None:
    report = with_opening(fid)
    path = tmp_path / f"报告.{kind}"
    {"docx": export_docx, "html": export_html, "xlsx": export_xlsx}[kind](report, path)
    back = import_file(path).report
    assert _texts(back) == _texts(report)
    assert "preface" not in back.extra.get("source", {})


def test_the_workbook_keeps_it_on_the_data_sheet_and_its_tables_unchanged() -> None:
    report = with_opening()
    workbook = load_workbook(io.BytesIO(build_xlsx_bytes(report)))
    assert workbook.sheetnames == [*(sheet_name(t) for t in report.format.tables), DATA_SHEET]
    rows = {r[0]: r[1] for r in workbook[DATA_SHEET].iter_rows(values_only=True)}
    assert rows[f"text.{OPENING}"] == report.text[OPENING]
    plain = with_opening()
    plain.set_text(OPENING, None)
    other = load_workbook(io.BytesIO(build_xlsx_bytes(plain)))
    for table in report.format.tables:  # the visible tables do not change with it
        a = [list(r) for r in workbook[sheet_name(table)].iter_rows(values_only=True)]
        b = [list(r) for r in other[sheet_name(table)].iter_rows(values_only=True)]
        assert a == b


def test_an_older_workbook_without_the_row_imports_without_it(tmp_path: Path) -> None:
    report = with_opening()
    workbook = load_workbook(io.BytesIO(build_xlsx_bytes(report)))
    sheet = workbook[DATA_SHEET]
    row = next(r[0].row for r in sheet.iter_rows() if r[0].value == f"text.{OPENING}")
    sheet.delete_rows(row)
    path = tmp_path / "旧版导出.xlsx"
    workbook.save(path)
    back = import_file(path).report
    assert back.text[OPENING] is None and back.text["overview"] == report.text["overview"]


@pytest.mark.skipif(find_soffice() is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice (soffice) or pdftotext (poppler-utils) is not installed")
def test_pdf_prints_it_and_imports_back(tmp_path: Path) -> None:
    from govopen_desktop.io.exporters.pdf_export import export_pdf

    report = with_opening()
    path = tmp_path / "报告.pdf"
    export_pdf(report, path)
    back = import_file(path).report

    def flat(text: str | None) -> str:
        return "".join((text or "").split())

    assert flat(back.text[OPENING]) == flat(report.text[OPENING])
    assert flat(back.text["overview"]) == flat(report.text["overview"])
