"""A web page is read as a browser shows it (libxml2's HTML parser): what a comment holds is
not read, even when the comment is left open, and every cell that went with it is named."""

from __future__ import annotations

from pathlib import Path

from govopen_desktop.io.importers import import_file
from govopen_desktop.io.project import load_report
from tests.support.import_builders import expected_of, write_html
from tests.support.paths import REPO

SAMPLE = REPO / "resources" / "sample" / "sample-2024.govopen"
T4_HEADING = "四、政府信息公开行政复议、行政诉讼情况"


def sample_page(tmp_path: Path) -> tuple[Path, str]:
    page = tmp_path / "报告.html"
    write_html(expected_of(load_report(SAMPLE)), page)
    return page, page.read_text(encoding="utf-8")


def test_a_commented_out_old_row_is_not_read(tmp_path: Path) -> None:
    page, html = sample_page(tmp_path)
    old = ("<!-- 去年的数据：<table><tr><td>一、本年新收政府信息公开申请数量</td>" + "<td>9</td>" * 6
           + "<td>99</td></tr></table> -->")
    at = html.index("<p>", html.index("三、收到和处理"))
    page.write_text(html[:at] + old + html[at:], encoding="utf-8")
    assert import_file(page).report.cells == load_report(SAMPLE).cells


def test_what_an_unclosed_comment_hides_is_not_read_and_each_cell_is_named(tmp_path: Path) -> None:
    page, html = sample_page(tmp_path)
    cut = html.index(T4_HEADING)
    page.write_text(html[:cut] + "<!-- 以下为正文" + html[cut:], encoding="utf-8")
    result = import_file(page)
    expected = load_report(SAMPLE).cells
    t4 = [key for key in expected if key.startswith("t4.")]
    assert all(result.report.cells.get(key) is None for key in t4)  # a browser shows none of it
    assert {k: v for k, v in result.report.cells.items() if not k.startswith("t4.")} == {
        k: v for k, v in expected.items() if not k.startswith("t4.")}
    named = {p.key for p in result.problems}
    assert set(t4) <= named


def test_text_before_a_table_without_a_paragraph_tag_is_kept(tmp_path: Path) -> None:
    page, html = sample_page(tmp_path)
    at = html.index("<table", html.index("二、主动公开"))
    page.write_text(html[:at] + "单位：件" + html[at:], encoding="utf-8")
    result = import_file(page)
    assert result.report.cells == load_report(SAMPLE).cells
