"""What a web page hides is not what it published: a hidden copy of a table (kept for printing
or an old version) is not read; but a page that hides its whole article until a script shows
it is still read."""

from __future__ import annotations

from pathlib import Path

import pytest

from govopen_desktop.io.importers import import_file
from govopen_desktop.io.project import load_report
from tests.support.import_builders import expected_of, write_html
from tests.support.paths import REPO

SAMPLE = REPO / "resources" / "sample" / "sample-2024.govopen"
T3_HEADING = "<p><strong>三、收到和处理政府信息公开申请情况</strong></p>"
OLD_ROW = ("<table><tr><td>一、本年新收政府信息公开申请数量</td>" + "<td>9</td>" * 6 + "<td>99</td></tr></table>")


def sample_page(tmp_path: Path) -> tuple[Path, str]:
    page = tmp_path / "报告.html"
    write_html(expected_of(load_report(SAMPLE)), page)
    return page, page.read_text(encoding="utf-8")


@pytest.mark.parametrize("opening", ['<div style="display:none">', "<div class='print-copy' style='DISPLAY: NONE;'>",
                                     '<div hidden>', '<section style="visibility:hidden">'])
def test_a_hidden_copy_of_a_row_is_not_read(tmp_path: Path, opening: str) -> None:
    page, html = sample_page(tmp_path)
    closing = "</section>" if opening.startswith("<section") else "</div>"
    assert html.count(T3_HEADING) == 1
    page.write_text(html.replace(T3_HEADING, T3_HEADING + opening + OLD_ROW + closing), encoding="utf-8")
    cells = import_file(page).report.cells
    assert cells["t3.new.natural"] == load_report(SAMPLE).cells["t3.new.natural"] != 9


def test_a_page_that_hides_its_whole_article_until_a_script_shows_it_is_read(tmp_path: Path) -> None:
    page, html = sample_page(tmp_path)
    body_start = html.index("<h1>")
    body_end = html.index("<div class='footer'>")
    page.write_text(html[:body_start] + '<div id="zoom" style="display:none">' + html[body_start:body_end]
                    + "</div><script>document.getElementById('zoom').style.display='block'</script>"
                    + html[body_end:], encoding="utf-8")
    result = import_file(page)
    assert result.report.cells == load_report(SAMPLE).cells


def test_a_hidden_element_left_open_takes_nothing_away(tmp_path: Path) -> None:
    page, html = sample_page(tmp_path)
    page.write_text(html.replace("<h1>", '<span style="display:none">分享到<h1>', 1), encoding="utf-8")
    assert import_file(page).report.cells == load_report(SAMPLE).cells
