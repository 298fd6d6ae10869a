"""Shapes of real CMS pages and other offices' wording: a table published as a picture, an
article split into pages, first-level headings numbered 第一部分 or （一）, section 六 and 五
worded otherwise, a title beginning with 关于, a date line written 2026-01-20. The reports are
written here from the format file, with made-up numbers and agency."""

from __future__ import annotations

import re
import struct
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

from govopen_desktop.domain.formats import load_format
from govopen_desktop.io.importers import ImportResult, import_file
from govopen_desktop.io.importers.problems import ImportFailed
from tests.support.import_builders import Expected, write_docx, write_html
from tests.support.office import needs_soffice, office_convert

Edit = Callable[[str], str]
TEXT = {"overview": "2025年，本局扎实推进政务公开。\n（一）主动公开。及时发布政策文件。",
        "problems": "公开的及时性还需提高。", "other": "本年度未收取信息处理费。"}


def _expected(date: str | None = "2026-01-16") -> Expected:
    """Every cell of the 2021 format a different small number, so a misplaced one shows."""
    fmt = load_format("2021")
    cells: dict[str, object] = {}
    for n, (key, f) in enumerate(sorted(fmt.fields.items()), 1):
        if f.row >= 0 and f.derived is None:
            cells[key] = n
    meta = {"agency": "西岭县水利局", "year": 2025, "format": "2021", "date": date}
    return Expected(meta, cells, dict(TEXT))


def _page(tmp_path: Path, edit: Edit | None = None, name: str = "page.html",
          date: str | None = "2026-01-16") -> Path:
    exp = _expected(date)
    path = tmp_path / name
    write_html(exp, path)
    if edit is not None:
        path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    return path


def _table(html: str, heading: str) -> tuple[int, int]:
    start = html.index("<table>", html.index(heading))
    return start, html.index("</table>", start) + len("</table>")


def _t3_as(replacement: str) -> Edit:
    def edit(html: str) -> str:
        a, b = _table(html, "三、收到和处理政府信息公开申请情况")
        return html[:a] + replacement + html[b:]
    return edit


def _png() -> bytes:
    """A 1×1 white PNG (a table's picture, as far as the reader is concerned)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff"))
            + chunk(b"IEND", b""))


# ---- a table published as a picture ---------------------------------------------------------


def test_a_table_published_as_a_picture_names_each_cell_as_in_the_picture(tmp_path: Path) -> None:
    """A CMS page that shows table 3 as an image: its cells are not zero, not silently empty,
    each is named as left empty because the table is a picture (the file named)."""
    picture = '<p style="text-align:center"><img src="/u/cms/www/202601/16093512ab7c.png?v=2" width="600"></p>'
    result = import_file(_page(tmp_path, _t3_as(picture)))
    cells = result.report.cells
    exp = _expected()
    t2 = {k: v for k, v in exp.cells.items() if k.startswith("t2.")}
    assert {k: cells[k] for k in t2} == t2  # the tables around it are read
    t3_keys = [k for k, f in result.report.format.fields.items() if f.table == "t3"]
    assert all(cells.get(k) is None for k in t3_keys)
    t3_problems = [p for p in result.problems if p.key in t3_keys]
    assert {p.key for p in t3_problems} >= {k for k in t3_keys if k in exp.cells}
    assert all("在原文中是图片（16093512ab7c.png）" in p.message and p.message.endswith("”留空。")
               for p in t3_problems)
    assert t3_problems[0].message == (
        "“三、收到和处理政府信息公开申请情况”的表格在原文中是图片（16093512ab7c.png），图中的数字无法读取，"
        "请对照原文填写，“一、本年新收政府信息公开申请数量 · 自然人”留空。")


def test_a_missing_table_without_a_picture_is_still_said_missing(tmp_path: Path) -> None:
    result = import_file(_page(tmp_path, _t3_as("<p>（表略）</p>")))
    t3 = [p for p in result.problems if p.key and p.key.startswith("t3.")]
    assert t3 and not any("图片" in p.message for p in t3)
    assert t3[0].message.startswith("没有找到")


@pytest.mark.parametrize("caption", ["", "表三 收到和处理政府信息公开申请情况"])
def test_a_word_file_with_a_table_pasted_as_a_picture(tmp_path: Path, caption: str) -> None:
    import docx

    path = tmp_path / "report.docx"
    write_docx(_expected(), path)
    d = docx.Document(str(path))
    table3 = d.tables[1]._tbl
    picture = tmp_path / "t3.png"
    picture.write_bytes(_png())
    holder = d.add_paragraph(caption)  # the picture alone, or in one paragraph with its caption
    holder.add_run().add_picture(str(picture))
    table3.addprevious(holder._p)  # where the table stood
    table3.getparent().remove(table3)
    d.save(str(path))
    result = import_file(path)
    t3 = [p for p in result.problems if p.key and p.key.startswith("t3.")]
    assert t3 and all("在原文中是图片" in p.message for p in t3)
    assert result.report.cells["t2.regulations.issued"] == _expected().cells["t2.regulations.issued"]


# ---- an article split into pages ------------------------------------------------------------

PAGERS = ["共3页 首页 上一页 1 2 3 下一页 尾页", "第 [1] [2] [3] 页 共[3]页", "1 2 3 下一页"]


@pytest.mark.parametrize("pager", PAGERS)
def test_the_first_page_of_an_article_split_into_pages_says_so(tmp_path: Path, pager: str) -> None:
    """A CMS that splits a long article: the saved page 1 ends after table 2 with the pager.
    What is missing is named, and one line says the rest is on the other pages."""
    def first_page(html: str) -> str:
        cut = html.index("<p><strong>三、收到和处理政府信息公开申请情况")
        return html[:cut] + f"<div class='page'>{pager}</div></body></html>"
    result = import_file(_page(tmp_path, first_page))
    notes = [p for p in result.problems if p.place == "网页分页"]
    assert len(notes) == 1 and notes[0].key is None
    assert notes[0].message.startswith("这个网页是分成 3 页发布的文章中的一页")
    assert result.report.cells["t2.regulations.issued"] == _expected().cells["t2.regulations.issued"]
    assert any(p.key and p.key.startswith("t3.") for p in result.problems)


@pytest.mark.parametrize("pager", [*PAGERS, "第1页 第2页"])
def test_a_pager_under_a_whole_report_is_not_report_text(tmp_path: Path, pager: str) -> None:
    def add_pager(html: str) -> str:
        return html.replace("<div class='footer'>", f"<p style='text-align:center'>{pager}</p><div class='footer'>")
    result = import_file(_page(tmp_path, add_pager, date=None))
    assert result.report.text["other"] == TEXT["other"]
    assert not [p for p in result.problems if p.place == "网页分页"]  # nothing missing: nothing said


# ---- headings and wording -----------------------------------------------------------------


def _headings(fn: Callable[[re.Match[str]], str]) -> Edit:
    def edit(html: str) -> str:
        return re.sub(r"<strong>([一二三四五六])、(.*?)</strong>", fn, html)
    return edit


@pytest.mark.parametrize("numbering", ["第{n}部分 {t}", "第{n}部分：{t}", "（{n}）{t}"])
def test_first_level_headings_numbered_otherwise(tmp_path: Path, numbering: str) -> None:
    def heading(m: re.Match[str]) -> str:
        return "<strong>" + numbering.format(n=m.group(1), t=m.group(2)) + "</strong>"
    page = _page(tmp_path, _headings(heading))
    part = "1." if numbering.startswith("（") else "（一）"  # parts inside 总体情况 then go by 1. 2.
    page.write_text(page.read_text(encoding="utf-8").replace("（一）主动公开。", f"{part}主动公开。"), encoding="utf-8")
    result = import_file(page)
    assert result.report.text["overview"] == TEXT["overview"].replace("（一）", part)
    assert result.report.text["problems"] == TEXT["problems"]
    assert result.report.text["other"] == TEXT["other"]
    assert not [p for p in result.problems if p.key and p.key.startswith("t")]


def test_a_part_numbered_in_brackets_inside_a_section_is_not_a_heading(tmp_path: Path) -> None:
    """Under 一、 headings, a part of 总体情况 numbered （三） that reads like section 三's title
    is text of 总体情况: （一）… is the first level only in a report whose first heading is so."""
    def edit(html: str) -> str:
        return html.replace("<p>&nbsp;&nbsp;（一）主动公开。及时发布政策文件。</p>",
                            "<p>（二）主动公开政府信息情况</p><p>按时发布。</p><p>（三）收到和处理政府信息公开申请情况</p>"
                            "<p>按时答复。</p>")
    result = import_file(_page(tmp_path, edit))
    overview = result.report.text["overview"] or ""
    assert "（三）收到和处理政府信息公开申请情况\n按时答复。" in overview
    assert result.report.cells["t3.new.natural"] == _expected().cells["t3.new.natural"]


@pytest.mark.parametrize("six", ["六、其他需要说明的事项", "六、其他事项", "六、其他需要报告事项"])
def test_section_six_worded_otherwise(tmp_path: Path, six: str) -> None:
    result = import_file(_page(tmp_path, lambda h: h.replace("六、其他需要报告的事项", six)))
    assert result.report.text["other"] == TEXT["other"]


@pytest.mark.parametrize("one", ["一、政府信息公开工作总体情况", "一、政府信息公开总体工作情况"])
def test_section_one_worded_otherwise(tmp_path: Path, one: str) -> None:
    result = import_file(_page(tmp_path, lambda h: h.replace("一、总体情况", one)))
    assert result.report.text["overview"] == TEXT["overview"]


def test_an_unnumbered_heading_in_another_offices_words(tmp_path: Path) -> None:
    """Headings in bold with no number (Word's list numbering lost on the page); 五 worded as
    存在问题及改进情况."""
    def edit(html: str) -> str:
        html = re.sub(r"<strong>[一二三四五六]、", "<strong>", html)
        return html.replace("存在的主要问题及改进情况", "存在问题及改进情况")
    result = import_file(_page(tmp_path, edit))
    assert result.report.text["problems"] == TEXT["problems"]
    assert result.report.text["other"] == TEXT["other"]


@pytest.mark.parametrize("title", ["关于西岭县水利局2025年度政府信息公开工作的年度报告",
                                   "西岭县水利局关于2025年度政府信息公开工作年度报告"])
def test_a_title_beginning_with_about(tmp_path: Path, title: str) -> None:
    def edit(html: str) -> str:
        html = re.sub(r"<title>.*?</title>", "<title>通知公告</title>", html)
        return re.sub(r"<h1>.*?</h1>", f"<h1>{title}</h1>", html)
    result = import_file(_page(tmp_path, edit))
    assert result.report.meta.agency == "西岭县水利局"
    assert result.report.meta.year == 2025


@pytest.mark.parametrize("line", ["2026-01-16", "2026.1.16", "2026/01/16", "二〇二六年一月十六日",
                                  "二Ｏ二六年一月十六日", "二◯二六年一月十六日", "2026年1月16号"])
def test_a_date_line_written_with_dashes_dots_or_numerals(tmp_path: Path, line: str) -> None:
    result = import_file(_page(tmp_path, lambda h: h.replace("2026年1月16日", line)))
    assert result.report.meta.date == "2026-01-16"
    assert result.report.text["other"] == TEXT["other"]  # the date line is no text of section 六


# ---- table 4 split otherwise ---------------------------------------------------------------

T4_RESULTS = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
T4_GROUPS = ("review", "suit_direct", "suit_after_review")
T4_LEAVES = ("upheld", "corrected", "other", "pending", "total")


def _t4_as(replacement: str) -> Edit:
    def edit(html: str) -> str:
        a, b = _table(html, "四、政府信息公开行政复议、行政诉讼情况")
        return html[:a] + replacement + html[b:]
    return edit


def _tr(*cells: object) -> str:
    return "<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"


def _t4_values() -> dict[str, list[int]]:
    cells = _expected().cells
    return {g: [int(str(cells.get(f"t4.{g}.{lf}", 0))) for lf in T4_LEAVES] for g in T4_GROUPS}


def _assert_t4_read(result: ImportResult, values: dict[str, list[int]]) -> None:
    cells = result.report.cells
    for g in T4_GROUPS:
        assert [cells[f"t4.{g}.{lf}"] for lf in T4_LEAVES] == values[g], g
    assert not [p for p in result.problems if (p.key or "").startswith("t4.") or "表四" in (p.place or "")]


def test_table_4_printed_as_a_review_table_and_a_suit_table(tmp_path: Path) -> None:
    """行政复议 under its own caption and header row; 行政诉讼 as a second table with its two
    groups above the results printed twice."""
    v = _t4_values()
    two = ("<p>（一）行政复议情况</p><table>" + _tr(*T4_RESULTS) + _tr(*v["review"]) + "</table>"
           "<p>（二）行政诉讼情况</p><table>"
           "<tr><td colspan='5'>未经复议直接起诉</td><td colspan='5'>复议后起诉</td></tr>"
           + _tr(*T4_RESULTS, *T4_RESULTS) + _tr(*v["suit_direct"], *v["suit_after_review"]) + "</table>")
    _assert_t4_read(import_file(_page(tmp_path, _t4_as(two))), v)


@pytest.mark.parametrize("labels", [("行政复议", "未经复议直接起诉", "复议后起诉"),
                                    ("行政复议", "行政诉讼（未经复议直接起诉）", "行政诉讼（复议后起诉）")])
def test_table_4_printed_a_row_per_group(tmp_path: Path, labels: tuple[str, str, str]) -> None:
    v = _t4_values()
    rows = "".join(_tr(label, *v[g]) for label, g in zip(labels, T4_GROUPS, strict=True))
    table = "<table>" + _tr("类别", *T4_RESULTS) + rows + "</table>"
    _assert_t4_read(import_file(_page(tmp_path, _t4_as(table))), v)


def test_table_4_rows_per_group_with_a_row_short_is_not_placed_by_position(tmp_path: Path) -> None:
    """A group row printing four numbers under five headers: nothing of the table is guessed."""
    v = _t4_values()
    rows = _tr("行政复议", *v["review"][:4]) + _tr("未经复议直接起诉", *v["suit_direct"]) + _tr(
        "复议后起诉", *v["suit_after_review"])
    result = import_file(_page(tmp_path, _t4_as("<table>" + _tr("类别", *T4_RESULTS) + rows + "</table>")))
    assert result.report.cells.get("t4.review.total") is None
    assert any((p.key or "").startswith("t4.") for p in result.problems)


# ---- Excel's "save as web page" --------------------------------------------------------------


def _as_excel_page(html: str) -> str:
    """The report as Excel saves a sheet as a web page: one <table> for the whole sheet, the
    title, headings and text in rows of one wide cell, numbers marked x:num."""
    html = re.sub(r"<td([^>]*)><p>(.*?)</p></td>", r"<td\1>\2</td>", html)
    html = re.sub(r"<td>(\d+)</td>", r"<td class=xl66 align=right x:num>\1</td>", html)
    html = html.replace("<table>", "").replace("</table>", "")
    html = re.sub(r"<(?:p|h1)[^>]*>(.*?)</(?:p|h1)>", r"<tr><td colspan=15 class=xl70>\1</td></tr>", html)
    head, _, body = html.partition("<body>")
    head = head.replace("<head>", "<head><meta name=ProgId content=Excel.Sheet>")
    return f"{head}<body><table border=0 cellpadding=0 cellspacing=0 x:str>{body.replace('</body>', '</table></body>')}"


def test_a_sheet_excel_saved_as_a_web_page(tmp_path: Path) -> None:
    """Headings and text are rows of the sheet's one table: read as a sheet's rows are, and a
    long text cell does not make the sheet a layout table."""
    long_text = {**TEXT, "overview": "2025年，本局扎实推进政务公开。" + "持续完善公开目录，规范发布流程。" * 25}

    def excel(html: str) -> str:
        return _as_excel_page(html.replace(TEXT["overview"].split("\n")[0], long_text["overview"]))
    result = import_file(_page(tmp_path, excel, name="年报.htm"))
    exp = _expected()
    assert {k: result.report.cells.get(k) for k in exp.cells} == exp.cells
    assert (result.report.text["overview"] or "").startswith(long_text["overview"])
    assert result.report.text["problems"] == TEXT["problems"]
    assert result.report.text["other"] == TEXT["other"]
    assert result.report.meta.agency == "西岭县水利局"


def test_the_frameset_page_of_a_workbook_saved_as_a_web_page_names_its_sheets(tmp_path: Path) -> None:
    path = tmp_path / "年报.htm"
    path.write_text("<html><head><meta name=ProgId content=Excel.Sheet><title>年报</title></head>"
                    "<frameset rows='*,39'><frame src='年报.files/sheet001.htm' name='frSheet'>"
                    "<frame src='年报.files/tabstrip.htm' name='frTabs'><noframes><body>"
                    "<p>此页面使用了框架，而您的浏览器不支持框架。</p></body></noframes></frameset></html>",
                    encoding="utf-8")
    with pytest.raises(ImportFailed) as failed:
        import_file(path)
    assert "框架页" in str(failed.value) and "“年报.files/sheet001.htm”" in str(failed.value)


def _signed_only(signature: str, lines: str) -> Edit:
    """The page with `lines` (a regular expression) of its signature printed as `signature`,
    and no agency in its <title> or title: only the signature names it."""
    def edit(html: str) -> str:
        html = re.sub(lines, f"<p style='text-align:right'>{signature}</p>", html)
        html = re.sub(r"<title>.*?</title>", "<title>年报</title>", html)
        return re.sub(r"<h1>.*?</h1>", "<h1>2025年政府信息公开工作年度报告</h1>", html)
    return edit


def _signed_by_the_agency(result: ImportResult) -> None:
    assert result.report.meta.agency == "西岭县水利局"
    assert result.report.meta.date == "2026-01-16"
    assert result.report.text["other"] == TEXT["other"]


@pytest.mark.parametrize("line", ["西岭县水利局　2026年1月16日", "西岭县水利局  2026-01-16"])
def test_agency_and_date_on_one_line_under_the_report(tmp_path: Path, line: str) -> None:
    both = r"<p style='text-align:right'>西岭县水利局</p>\s*<p style='text-align:right'>2026年1月16日</p>"
    _signed_by_the_agency(import_file(_page(tmp_path, _signed_only(line, both))))


@pytest.mark.parametrize("name", ["西岭县水利局（盖章）", "西岭县水利局(章)", "报告单位：西岭县水利局",
                                  "西岭县水利局（印）"])
def test_a_signature_with_its_seal_mark_or_label_names_the_agency(tmp_path: Path, name: str) -> None:
    """A report without the agency in its title: the signature names it, without 报告单位：
    before it or （盖章） after it."""
    name_line = r"<p style='text-align:right'>西岭县水利局</p>"
    _signed_by_the_agency(import_file(_page(tmp_path, _signed_only(name, name_line))))


def test_a_page_title_of_another_year_than_the_report_is_not_its_year(tmp_path: Path) -> None:
    """Without a title in the page, the <title> (or a PDF's title, often a Word file's first
    year's, kept in every year's copy since) names the year only when the report's 统计期限
    sentence does not say another."""
    def edit(html: str) -> str:
        html = re.sub(r"<title>.*?</title>", "<title>西岭县水利局2024年政府信息公开工作年度报告</title>", html)
        period = "<p>本报告所列数据的统计期限自2025年1月1日起至2025年12月31日止。</p>"
        return re.sub(r"<h1>.*?</h1>", period, html)
    result = import_file(_page(tmp_path, edit))
    assert result.report.meta.year == 2025
    assert result.report.meta.agency == "西岭县水利局"  # from the signature


def test_a_page_that_only_links_its_report_as_an_attachment(tmp_path: Path) -> None:
    """The CMS page of a report published as a file: the page has the title and the links,
    and the clerk is told to download the attachment, not that this is no report."""
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><meta charset='utf-8'><title>西岭县水利局2025年政府信息公开工作年度报告</title></head><body>"
        "<h1>西岭县水利局2025年政府信息公开工作年度报告</h1><div class='info'>发布时间：2026-01-16 浏览次数：52</div>"
        "<div id='zoom'><p>附件：<a href='/module/download/downfile.jsp?classid=0&amp;filename=2601161530.pdf'>"
        "年度报告.pdf</a></p><p><a href='./P020260116523461.docx?v=2'>年度报告.docx</a></p></div>"
        "<div class='footer'>版权所有</div></body></html>", encoding="utf-8")
    with pytest.raises(ImportFailed) as failed:
        import_file(path)
    assert str(failed.value) == ("“page.html”这个网页里没有年度报告的表格和章节，只有附件链接：“2601161530.pdf”、"
                                 "“P020260116523461.docx”。报告多半在附件里：请在网站上下载附件，再导入下载的文件。")


def test_the_cells_of_a_pictured_table_are_one_line_of_the_command(tmp_path: Path) -> None:
    """A whole table left empty for one reason is one line, counted over the table (共 n 格)."""
    from govopen_desktop.io.importers.problems import describe_grouped

    result = import_file(_page(tmp_path, _t3_as('<p><img src="t3.jpg"></p>')))
    lines = [line for line in describe_grouped(result.problems) if "图片" in line]
    n = sum(1 for p in result.problems if "图片" in p.message)
    heading = "三、收到和处理政府信息公开申请情况"
    assert lines == [f"［{heading}］“{heading}”的表格在原文中是图片（t3.jpg），"
                     f"图中的数字无法读取，请对照原文填写，共 {n} 格留空（t3.new.natural 等）。"]


def test_a_picture_in_the_layout_cell_that_holds_the_article(tmp_path: Path) -> None:
    """An older CMS page lays the article out in one cell of a page table: a table's picture
    there is found as on a plain page."""
    def edit(html: str) -> str:
        html = _t3_as('<p><img src="/upload/2026/t3.gif" width="640"></p>')(html)
        start, end = html.index("<h1>"), html.index("<div class='footer'>")
        return (html[:start] + "<table width='960'><tr><td width='200'>栏目导航</td><td class='bt_content'>"
                + html[start:end] + "</td></tr></table>" + html[end:])
    result = import_file(_page(tmp_path, edit))
    t3 = [p for p in result.problems if (p.key or "").startswith("t3.")]
    assert t3 and all("在原文中是图片（t3.gif）" in p.message for p in t3)
    assert result.report.text["other"] == TEXT["other"]


@pytest.mark.parametrize("sentence", ["本报告中所列数据的统计时限自2025年1月1日起至2025年12月31日止。",
                                      "本报告数据统计期限为二〇二五年一月一日至十二月三十一日。",
                                      "本报告所列数据统计时间从2025年1月1日开始，到2025年12月31日结束。",
                                      "本报告所列数据统计期限为2025年度。"])
def test_the_year_from_the_period_sentence_in_other_offices_words(tmp_path: Path, sentence: str) -> None:
    """A title without its year (西岭县水利局政府信息公开工作年度报告): the 统计期限 sentence says
    the year, though the front matter names the year before more often."""
    def edit(html: str) -> str:
        html = re.sub(r"<title>.*?</title>", "<title>年度报告</title>", html)
        front = "按照《2024年政务公开工作要点》、2024年度考核要求和2024年12月的通知编制本报告。"
        title = "西岭县水利局政府信息公开工作年度报告"
        return re.sub(r"<h1>.*?</h1>", f"<h1>{title}</h1><p>{front}</p><p>{sentence}</p>", html)
    result = import_file(_page(tmp_path, edit))
    assert result.report.meta.year == 2025
    assert not [p for p in result.problems if p.key == "meta.year"]


# ---- columns in another order -------------------------------------------------------------

_T3_VALUES = re.compile(r"((?:<td><p>(?:\d+|&nbsp;)</p></td>\n){6})<td><p>&nbsp;</p></td>\n</tr>")


def _total_column_first(html: str) -> str:
    """Table 3 with its 总计 column printed first (its header cell before 自然人, each row's
    total before its other numbers)."""
    a, b = _table(html, "三、收到和处理政府信息公开申请情况")
    total, natural = '<td rowspan="2"><p>总计</p></td>\n', '<td rowspan="2"><p>自然人</p></td>'
    t3 = html[a:b].replace(total, "").replace(natural, total + natural)

    def row(m: re.Match[str]) -> str:
        total = sum(int(n) for n in re.findall(r"<p>(\d+)</p>", m.group(1)))
        return f"<td><p>{total}</p></td>\n{m.group(1)}</tr>"
    return html[:a] + _T3_VALUES.sub(row, t3) + html[b:]


def test_table_3_with_its_total_column_printed_first(tmp_path: Path) -> None:
    """Each number goes to the column its header names: 总计 first is the total, not 自然人."""
    result = import_file(_page(tmp_path, _total_column_first))
    cells = result.report.cells
    exp = _expected().cells
    fmt = load_format("2021")
    t3_values = [k for k in exp if k.startswith("t3.")]
    assert t3_values and {k: cells[k] for k in t3_values} == {k: exp[k] for k in t3_values}
    columns = [c for c in fmt.table("t3").col_ids if c != "total"]
    for row in fmt.table("t3").row_ids:
        parts = [exp.get(f"t3.{row}.{c}") for c in columns]
        if all(isinstance(v, int) for v in parts):
            assert cells[f"t3.{row}.total"] == sum(parts)  # type: ignore[arg-type]
    assert not [p for p in result.problems if (p.key or "").startswith("t3.")]


@needs_soffice
def test_table_3_with_its_total_column_first_printed_to_pdf(tmp_path: Path) -> None:
    """Printed, the narrow header cells stand close: "总计  自然人 法人或其他组织" is one piece of
    the line. The order is read from inside it, not taken to be the official one."""
    html = _page(tmp_path, _total_column_first)
    office_convert([html], "pdf", tmp_path, timeout=180)
    result = import_file(tmp_path / "page.pdf")
    cells = result.report.cells
    exp = _expected().cells
    t3_values = [k for k in exp if k.startswith("t3.")]
    assert {k: cells[k] for k in t3_values} == {k: exp[k] for k in t3_values}


# ---- two rows' labels in one cell ---------------------------------------------------------

_REPEAT_AND_PUBLICATION = re.compile(
    r"<td><p>2、重复申请</p></td>\n(?P<numbers>(?:<td><p>[^<]*</p></td>\n)+)</tr>\n<tr>\n"
    r"<td><p>3、要求提供公开出版物</p></td>\n(?:<td><p>[^<]*</p></td>\n)+</tr>")


def _rule_missing_between_two_rows(html: str) -> str:
    """The line between 2.重复申请 and 3.要求提供公开出版物 not drawn: both labels in one cell,
    one row of numbers beside them (as a PDF's table reads when a ruling line is missing)."""
    edited, n = _REPEAT_AND_PUBLICATION.subn(
        lambda m: f"<td><p>2、重复申请<br>3、要求提供公开出版物</p></td>\n{m.group('numbers')}</tr>", html)
    assert n == 1
    return edited


def test_two_rows_labels_in_one_cell_leave_both_rows_empty_and_named(tmp_path: Path) -> None:
    """The numbers beside such a cell cannot be told to either row: neither row takes them (the
    second label's match at the cell's end used to give it the first row's numbers, silently);
    every cell of both rows is named, with the numbers printed."""
    result = import_file(_page(tmp_path, _rule_missing_between_two_rows))
    cells = result.report.cells
    exp = _expected().cells
    rows = ("rejected_repeat", "rejected_publication")
    keys = [k for k in exp if k.split(".")[1] in rows and k.startswith("t3.")]
    assert keys and all(cells[k] is None for k in keys)
    printed = " ".join(str(exp[f"t3.rejected_repeat.{c}"]) for c in
                       ("natural", "commercial", "research", "social", "legal", "other_org"))
    for key in keys:
        said = [p.message for p in result.problems if p.key == key]
        assert len(said) == 1 and "印在同一格里" in said[0] and printed in said[0], key
    others = [k for k in exp if k.startswith("t3.") and k not in keys]
    assert {k: cells[k] for k in others} == {k: exp[k] for k in others}


def test_two_table_2_labels_in_one_cell_leave_both_rows_empty_and_named(tmp_path: Path) -> None:
    """行政处罚 over 行政强制 in one cell (no numbering to part them, a line apart): the number
    beside it went to 行政强制, silently."""
    merged = ('<td><p>行政处罚</p></td>\n<td colspan="3"><p>7</p></td>\n</tr>\n<tr>\n'
              '<td><p>行政强制</p></td>\n<td colspan="3"><p>1</p></td>\n</tr>')

    def edit(html: str) -> str:
        assert merged in html
        return html.replace(merged, '<td><p>行政处罚<br>行政强制</p></td>\n<td colspan="3"><p>7</p></td>\n</tr>')
    result = import_file(_page(tmp_path, edit))
    for key in ("t2.punishment.decisions", "t2.coercion.decisions"):
        assert result.report.get(key) is None
        said = [p.message for p in result.problems if p.key == key]
        assert len(said) == 1 and "印在同一格里" in said[0] and "“7”" in said[0], key


@needs_soffice
def test_two_rows_labels_in_one_cell_of_a_pdf(tmp_path: Path) -> None:
    html = _page(tmp_path, lambda page: _rule_missing_between_two_rows(page).replace("<table>", '<table border="1">'))
    office_convert([html], "pdf", tmp_path, timeout=180)  # ruled: read as a table, the two labels one cell
    result = import_file(tmp_path / "page.pdf")
    for row in ("rejected_repeat", "rejected_publication"):
        assert result.report.get(f"t3.{row}.natural") is None
        assert any("印在同一格里" in p.message for p in result.problems if p.key == f"t3.{row}.natural")
