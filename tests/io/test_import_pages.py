"""An article a CMS split into pages, each page saved on its own and imported together: one
report, the site's header, title, pager and footer that every page repeats read once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from govopen_desktop.cli.main import main
from govopen_desktop.io.importers import ImportFailed, import_file
from govopen_desktop.io.importers.pages import import_pages
from tests.support.import_builders import cell_differences
from tests.support.split_pages import TEXT, split_expected, split_pages


def test_the_pages_of_a_split_article_import_as_one_report(tmp_path: Path) -> None:
    pages = split_pages(tmp_path)
    result = import_pages(pages)
    exp = split_expected()
    assert cell_differences(exp.cells, {k: v for k, v in result.report.cells.items()}) == []
    assert result.report.meta.agency == "西岭县水利局" and result.report.meta.year == 2025
    assert result.report.meta.date == "2026-01-16"
    for key, text in TEXT.items():
        assert result.report.text[key] == text, key  # no pager, footer or title of another page in it
    assert not [p for p in result.problems if p.place == "网页分页"]
    assert result.problems == []


def test_one_page_alone_says_the_others_are_missing(tmp_path: Path) -> None:
    first, second, _third = split_pages(tmp_path)
    alone = import_file(first)
    assert any(p.place == "网页分页" and p.message.startswith("这个网页是分成 3 页") for p in alone.problems)
    two = import_pages([first, second])
    notes = [p.message for p in two.problems if p.place == "网页分页"]
    assert len(notes) == 1 and notes[0].startswith("导入的 2 个网页是分成 3 页发布的文章中的几页")
    assert two.report.cells["t3.new.natural"] == split_expected().cells["t3.new.natural"]  # page 2's table


def test_what_a_later_page_printed_oddly_names_its_file(tmp_path: Path) -> None:
    pages = split_pages(tmp_path)
    html = pages[1].read_text(encoding="utf-8")
    cell = html.index("<td><p>", html.index("本年新收政府信息公开申请数量"))
    pages[1].write_text(html[:cell] + "<td><p>9O</p></td>" + html[html.index("</td>", cell) + 5:], encoding="utf-8")
    result = import_pages(pages)
    named = [p for p in result.problems if p.key == "t3.new.natural"]
    assert len(named) == 1 and "“9O”" in named[0].message
    assert named[0].place is not None and "“index_1.html”第1个表格" in named[0].place


def test_a_file_that_is_no_page_or_the_same_page_twice_is_refused(tmp_path: Path) -> None:
    pages = split_pages(tmp_path)
    book = tmp_path / "表格.xlsx"
    import openpyxl

    openpyxl.Workbook().save(book)
    with pytest.raises(ImportFailed, match=r"“表格\.xlsx”不是网页或文本"):
        import_pages([pages[0], book])
    with pytest.raises(ImportFailed, match="同一个文件被选了两次"):
        import_pages([pages[0], pages[0]])


def test_the_command_line_takes_the_pages_in_order(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pages = split_pages(tmp_path)
    assert main(["import", *map(str, pages), "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["cells"]["t4.review.upheld"] == split_expected().cells["t4.review.upheld"]
    assert payload["problems"] == []
    assert main(["import", str(pages[0]), str(tmp_path / "nowhere.html")]) == 2
