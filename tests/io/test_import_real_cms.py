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
from govopen_desktop.io.importers import import_file
from tests.support.import_builders import Expected, write_docx, write_html

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


def test_a_word_file_with_a_table_pasted_as_a_picture(tmp_path: Path) -> None:
    import docx

    path = tmp_path / "report.docx"
    write_docx(_expected(), path)
    d = docx.Document(str(path))
    table3 = d.tables[1]._tbl
    picture = tmp_path / "t3.png"
    picture.write_bytes(_png())
    holder = d.add_paragraph()
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


@pytest.mark.parametrize("line", ["2026-01-16", "2026.1.16", "2026/01/16", "二〇二六年一月十六日"])
def test_a_date_line_written_with_dashes_dots_or_numerals(tmp_path: Path, line: str) -> None:
    result = import_file(_page(tmp_path, lambda h: h.replace("2026年1月16日", line)))
    assert result.report.meta.date == "2026-01-16"
    assert result.report.text["other"] == TEXT["other"]  # the date line is no text of section 六
