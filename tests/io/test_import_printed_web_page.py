"""A CMS page printed to PDF (a clerk's 打印 → 另存为 PDF of last year's report on the website):
the page's metadata table above the title, and the light background a page's editor leaves
behind runs of text (numbers pasted from Word). The shading is no ruling: each shaded line of a
paragraph was read as a one-row "table" and the whole 总体情况 was lost; the metadata row
名称 gave the agency "名称 某局"; the words under the title stopped at the metadata table."""

from __future__ import annotations

import re
from pathlib import Path

from govopen_desktop.io.exporters.html_export import build_html
from govopen_desktop.io.importers import import_file
from govopen_desktop.io.project import load_report
from tests.support.office import needs_soffice, office_convert
from tests.support.paths import SAMPLE

PREFACE = ("根据《中华人民共和国政府信息公开条例》要求，现向社会公布青山市自然资源和规划局2024年度政府信息公开"
           "工作年度报告。本报告所列数据的统计期限自2024年1月1日起至2024年12月31日止。")


def _printed_page(folder: Path) -> Path:
    """The sample as a CMS shows it: the site's name, the metadata table (no borders), the title
    and the words under it, the report; the article's area on a light background."""
    report = load_report(SAMPLE)
    page = build_html(report)
    title = f"{report.meta.agency}{report.meta.year}年政府信息公开工作年度报告"
    meta = ('<h2>某市自然资源和规划局</h2><h3>政府信息公开</h3><table class="table_content">'
            f'<tr><td>名称</td><td colspan="3">{title}</td></tr>'
            "<tr><td>索引号</td><td>014314799/2025-00002</td><td>分类</td><td>信息公开年报</td></tr>"
            f"<tr><td>发布机构</td><td>{report.meta.agency}</td><td>公开日期</td><td>2025-01-20</td></tr>"
            "</table>")
    body = page.index(">", page.index("<body")) + 1
    page = page[:body] + f'<div style="background: #f9f9f9">{meta}' + page[body:].replace("</body>", "</div></body>")
    page = page.replace("</h1>", f'</h1>\n<p style="text-indent:2em;margin:0">{PREFACE}</p>', 1)
    html = folder / "某局年报.html"
    html.write_text(page, encoding="utf-8")
    office_convert([html], "pdf", folder, timeout=180)
    return folder / "某局年报.pdf"


@needs_soffice
def test_a_web_page_printed_to_pdf_keeps_its_text_agency_and_preface(tmp_path: Path) -> None:
    sample = load_report(SAMPLE)
    result = import_file(_printed_page(tmp_path))
    report = result.report
    assert report.meta.agency == sample.meta.agency
    assert report.meta.year == sample.meta.year
    overview = report.text["overview"] or ""
    assert "主动公开政府信息1587条" in overview.replace("\n", "")  # the shaded number's line is text
    for line in (sample.text["overview"] or "").splitlines():
        assert line in overview.replace("\n", ""), line
    preface = (report.text.get("preface") or "").replace("\n", "")
    assert preface == PREFACE
    assert report.get("t3.new.natural") == sample.get("t3.new.natural")


@needs_soffice
def test_metadata_printed_as_a_list_names_the_agency_not_the_title_line(tmp_path: Path) -> None:
    """发布机构：… / 发布日期：… as the page's list items, then a title without the agency: the
    list's bullet lines are the page's metadata (the date line was taken for the agency, and its
    year, 2026, for the report's)."""
    sample = load_report(SAMPLE)
    page = build_html(sample)
    items = (f"<ul><li>发布机构：{sample.meta.agency}</li><li>成文日期：2025年01月18日</li>"
             "<li>发布日期：2025年01月22日</li></ul>")
    title = f"{sample.meta.year}年政府信息公开工作年度报告"
    page = re.sub(r"<h1([^>]*)>[^<]*</h1>", lambda m: f"{items}<h1{m.group(1)}>{title}</h1>", page, count=1)
    html = tmp_path / "年报.html"
    html.write_text(page, encoding="utf-8")
    office_convert([html], "pdf", tmp_path, timeout=180)
    report = import_file(tmp_path / "年报.pdf").report
    assert (report.meta.agency, report.meta.year) == (sample.meta.agency, sample.meta.year)


@needs_soffice
def test_a_printed_article_without_its_title_or_signature_takes_them_from_the_pdf_title(tmp_path: Path) -> None:
    """A browser's 另存为 PDF of the article alone (the site's title bar not printed, no
    signature under it): the agency and year come from the PDF's title, the page's <title>, as
    they do from the page itself."""
    report = load_report(SAMPLE)
    page = re.sub(r"<h1.*?</h1>", "", build_html(report), flags=re.S)
    page = re.sub(r'<p style="text-align:right[^>]*>.*?</p>\n?', "", page)
    assert "<h1" not in page and "2025年1月20日" not in page
    html = tmp_path / "article.html"
    html.write_text(page, encoding="utf-8")
    office_convert([html], "pdf", tmp_path, timeout=180)
    result = import_file(tmp_path / "article.pdf")
    assert (result.report.meta.agency, result.report.meta.year) == (report.meta.agency, report.meta.year)
    assert not [p for p in result.problems if p.key == "meta.agency"]
