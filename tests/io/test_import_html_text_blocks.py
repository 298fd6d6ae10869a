"""A web page whose report is text, not markup: a CMS that took the report pasted from a PDF
into one <div> of lines a <br> apart, into the one cell of the table that lays out the page, or
into a <pre>. Each line is read as the same line of a text file is. Before, the block was one
paragraph and the page was refused as no annual report."""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from govopen_desktop.io.importers import import_file
from govopen_desktop.io.project import load_report
from tests.support.import_builders import WRITERS, Expected, assert_imports_alike, expected_from, expected_of
from tests.support.paths import SAMPLE, load_expected, needs_shared, seed_names


def _div(lines: list[str]) -> str:
    return '<div class="TRS_Editor">' + "<br>".join(html.escape(line) for line in lines) + "</div>"


def _pre(lines: list[str]) -> str:
    return "<pre>" + html.escape("\n".join(lines)) + "</pre>"


def _layout_cell(lines: list[str]) -> str:
    return ("<table><tr><td><a href='/'>首页</a> &gt; 年度报告</td></tr><tr><td>"
            + "<br/>".join(html.escape(line) for line in lines) + "</td></tr></table>")


BLOCKS = {"div-br": _div, "pre": _pre, "layout-cell-br": _layout_cell}


def _pages(exp: Expected, block: str, tmp_path: Path) -> tuple[Path, Path]:
    """The report as text copied out of a PDF, and a page holding that text in `block`."""
    text = tmp_path / "report.txt"
    WRITERS["pdf-copy.txt"](exp, text)
    lines = text.read_text(encoding="utf-8").split("\n")
    page = tmp_path / "report.html"
    page.write_text(f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{html.escape(lines[0])}</title>'
                    f"</head><body>{BLOCKS[block](lines)}<div class='footer'>版权所有</div></body></html>",
                    encoding="utf-8")
    return text, page


@pytest.mark.parametrize("block", list(BLOCKS))
def test_the_sample_pasted_as_text_into_a_page(tmp_path: Path, block: str) -> None:
    assert_imports_alike(*_pages(expected_of(load_report(SAMPLE)), block, tmp_path))


@needs_shared
@pytest.mark.parametrize("name", seed_names())
@pytest.mark.parametrize("block", list(BLOCKS))
def test_real_reports_pasted_as_text_into_a_page(tmp_path: Path, block: str, name: str) -> None:
    assert_imports_alike(*_pages(expected_from(load_expected(name)), block, tmp_path))


def test_a_table_cell_with_a_line_break_is_still_one_cell(tmp_path: Path) -> None:
    """A label cell wrapped with a <br> (`规范<br>性文件`) is a cell, not a page's text."""
    plain, wrapped = tmp_path / "plain.html", tmp_path / "wrapped.html"
    WRITERS["page.html"](expected_of(load_report(SAMPLE)), plain)
    markup = plain.read_text(encoding="utf-8")
    broken = markup.replace("<p>规范性文件</p>", "<p>规范<br>性文件</p>", 1)
    assert broken != markup
    wrapped.write_text(broken, encoding="utf-8")
    expected, got = import_file(plain), import_file(wrapped)
    assert got.report.cells == expected.report.cells
    assert got.problems == [] == expected.problems
