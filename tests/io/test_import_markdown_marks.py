"""Markdown's own marks in a converter's output: bold headings and labels (`**一、总体情况**`,
`## **二、…**`, `| **规章** | 0 |`) and backslash escapes (`1\\.`, `第二十条第\\(一\\)项`). They are
the converter's marks, not the report's words: the file imports as it does without them.
Before, a bold heading was no heading, and its part's text and the tables after it were lost
or misread."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from govopen_desktop.io.importers.readers.markdown import without_markdown_marks
from govopen_desktop.io.project import load_report
from tests.support.import_builders import WRITERS, assert_imports_alike, expected_of
from tests.support.paths import SAMPLE, SHARED

KEWEI = SHARED / "real-reports" / "kewei-2024.md.txt"
HEADING = re.compile(r"^(?:[一二三四五六七八九十]、|（[一二三四五六七]）).*$", re.M)


MARKINGS = {
    "bold": lambda m: f"**{m.group(0)}**",
    "heading-bold": lambda m: f"## **{m.group(0)}**",
    "bold-numbering": lambda m: re.sub(r"^(\S+?、)", r"**\1**", m.group(0)),
}


@pytest.mark.parametrize("marking", list(MARKINGS))
def test_bold_headings_in_a_copied_text(tmp_path: Path, marking: str) -> None:
    plain, marked = tmp_path / "report.txt", tmp_path / "report.md"
    WRITERS["pdf-copy.txt"](expected_of(load_report(SAMPLE)), plain)
    text = plain.read_text(encoding="utf-8")
    marked.write_text(HEADING.sub(MARKINGS[marking], text), encoding="utf-8")
    assert marked.read_text(encoding="utf-8") != text
    assert_imports_alike(plain, marked)


@pytest.mark.skipif(not KEWEI.exists(), reason="../shared/real-reports is not beside the clone")
def test_a_real_converters_markdown_with_bold_headings_and_labels(tmp_path: Path) -> None:
    """The real markdown of a 2024 report: its headings and the label cells of its pipe tables
    made bold, and its numbered lines escaped, as pandoc and markitdown write them."""
    text = KEWEI.read_text(encoding="utf-8")
    bold = HEADING.sub(lambda m: f"**{m.group(0)}**", text)
    bold = re.sub(r"^\| ([^|\d][^|]*?) \|", lambda m: f"| **{m.group(1)}** |", bold, flags=re.M)
    escaped = re.sub(r"^(\d+)\.", r"\1\\.", bold, flags=re.M).replace("(", "\\(").replace(")", "\\)")
    assert escaped.count("**") > 20 and "\\." in escaped
    marked = tmp_path / "kewei.md"
    marked.write_text(escaped, encoding="utf-8")
    assert_imports_alike(KEWEI, marked)


@pytest.mark.skipif(not KEWEI.exists(), reason="../shared/real-reports is not beside the clone")
def test_a_real_converters_markdown_with_line_breaks_in_its_table_cells(tmp_path: Path) -> None:
    """Labels a narrow cell wrapped, written `<br>` inside the pipe cells as markitdown and
    pandoc's gfm do: the rows are read as without the breaks."""
    text = KEWEI.read_text(encoding="utf-8")
    wrapped = re.sub(r"^\| ([^|\d<]{5,}?) \|", lambda m: f"| {m.group(1)[:3]}<br>{m.group(1)[3:]} |", text,
                     flags=re.M)
    assert wrapped.count("<br>") >= 5
    marked = tmp_path / "kewei.md"
    marked.write_text(wrapped, encoding="utf-8")
    assert_imports_alike(KEWEI, marked)


@pytest.mark.skipif(not KEWEI.exists(), reason="../shared/real-reports is not beside the clone")
def test_a_real_converters_markdown_with_entities_and_list_marks(tmp_path: Path) -> None:
    """`&nbsp;` in blank cells and inside a label, headings written as list items (`- 一、…`)."""
    text = KEWEI.read_text(encoding="utf-8")
    marked_text = re.sub(r"^([一二三四五六]、)", r"- \1", text.replace("|  |", "| &nbsp; |"), flags=re.M)
    marked_text = marked_text.replace("| 规范性文件 |", "| 规范性&nbsp;文件 |")
    assert marked_text.count("&nbsp;") > 5 and marked_text.count("\n- ") >= 4
    marked = tmp_path / "kewei.md"
    marked.write_text(marked_text, encoding="utf-8")
    assert_imports_alike(KEWEI, marked)


@pytest.mark.parametrize(("text", "plain"), [
    ("| 规章&nbsp; | 0 | &#48; |", "| 规章\u00a0 | 0 | 0 |"),
    ("- 一、总体情况\n* （一）主动公开", "一、总体情况\n（一）主动公开"),
    ("- 全年公开信息120条", "- 全年公开信息120条"),  # a bullet of the text is the text's
    ("A&B 两项", "A&B 两项"),
    ("| 规范<br>性文件 | 12<br/>3 |", "| 规范 性文件 | 12 3 |"),  # digits a break parted stay apart
    ("一、总体情况<br>2024年，本局…", "一、总体情况\n2024年，本局…"),
    ("<table><tr><td>规范<br>性文件</td></tr></table>", "<table><tr><td>规范<br>性文件</td></tr></table>"),
    ("**一、总体情况**", "一、总体情况"),
    ("| **规章** | 0 | **0** |", "| 规章 | 0 | 0 |"),
    ("第二十条第\\(一\\)项", "第二十条第(一)项"),
    ("1\\. 主动公开", "1. 主动公开"),
    ("填报日期：____年__月__日", "填报日期：____年__月__日"),  # a blank to fill in, not markdown
    ("注：** 表示数据暂缺", "注：** 表示数据暂缺"),  # a lone mark is kept
    ("C:\\报告\\2024", "C:\\报告\\2024"),  # a backslash before a letter is no escape
])
def test_what_is_a_mark_and_what_is_kept(text: str, plain: str) -> None:
    assert without_markdown_marks(text) == plain
