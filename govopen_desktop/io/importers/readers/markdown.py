"""Text that holds HTML tables: the markdown a converter writes when a table has merged cells
it cannot draw with bars (MinerU's one-line `<table>`, pandoc's and marker's raw HTML). Each
table is read as a web page's table, with its merged cells; the text around it as text. Before
any of it, markdown's own marks are taken off (without_markdown_marks)."""

from __future__ import annotations

import html
import re

from govopen_desktop.io.importers.neutral import MAX_DOC_ROWS, Cell, Doc, Row
from govopen_desktop.io.importers.readers.html import read_html
from govopen_desktop.io.importers.readers.text import read_text, split_rows

_HTML_TABLE = re.compile(r"<table\b.*?</table\s*>", re.IGNORECASE | re.DOTALL)
_BLOCK_TAG = re.compile(r"</?(?:div|p|span|section|article|center|font|b|strong|br)\b[^>]*>", re.IGNORECASE)


# a converter's bold (**一、总体情况**, | **规章** |) and escapes (1\. 主动公开, 第\(一\)项):
# marks of the markdown, not words of the report
# no * inside and at most a paragraph's length: each try stops at the next mark, so a hostile line
# of unclosed marks costs one pass (with .+? it cost minutes); not __: a blank (____年__月__日)
_BOLD = re.compile(r"\*\*(?=[^\s*])([^*\n]{1,400}?)(?<=\S)\*\*")
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")


_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
_ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#[0-9]{1,6}|#[xX][0-9a-fA-F]{1,6});")
# a list item's mark before a numbered heading (`- 一、总体情况`, `* （一）…`): Word's list, written so
_CN = "[一二三四五六七八九十]+"
_LIST_MARK = re.compile(rf"^[ \t]*[-*+][ \t]+(?={_CN}[、.．]|[（(]{_CN}[)）]|第{_CN}部分)", re.M)


def _line_breaks(line: str) -> str:
    """A <br> a converter wrote for a line break: inside a pipe table's cell (`| 规范<br>性文件 |`)
    a space, so the cell stays on its row and digits it parted stay apart; elsewhere a new line.
    An HTML table's own <br> are its reader's."""
    if "<br" not in line.lower() or "<t" in line.lower():
        return line
    return _BR.sub(" " if line.lstrip().startswith("|") or " | " in line else "\n", line)


def without_markdown_marks(text: str) -> str:
    """The text without markdown's bold marks and backslash escapes (CommonMark's: a backslash
    before ASCII punctuation); a lone ** or a backslash before a letter is kept. A <br> outside
    an HTML table is a line break (see _line_breaks); an entity (&nbsp;) is its character; a
    list item's mark before a numbered heading is dropped."""
    if "<br" in text.lower():
        text = "\n".join(map(_line_breaks, text.split("\n")))
    if "&" in text and "<table" not in text.lower():  # an HTML table's entities are its reader's
        text = _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)
    if "-" in text or "*" in text or "+" in text:
        text = _LIST_MARK.sub("", text)
    if "**" in text:
        text = _BOLD.sub(r"\1", text)
    if "\\" in text:
        text = _ESCAPED.sub(r"\1", text)
    return text


def read_text_or_markdown(text: str, name: str, kind: str = "txt") -> Doc:
    """A text file or pasted text: with HTML tables in it, those read as tables; else as text."""
    text = without_markdown_marks(text)
    if "<table" not in text.lower():
        return read_text(text, name, kind)
    flat = text.replace("\r\n", "\n").replace("\r", "\n")
    if not _HTML_TABLE.search(flat):
        return read_text(text, name, kind)
    if flat.count("\n") > 10 * MAX_DOC_ROWS:
        return read_text(text, name, kind)  # refused there, with its message
    doc = Doc(name, kind)
    at = 0
    line = 1
    for m in _HTML_TABLE.finditer(flat):
        before = flat[at:m.start()]
        split_rows(_numbered_lines(before, line), doc)
        line += before.count("\n")
        start = f"第{line}行起的表格"
        for k, row in enumerate(read_html(m.group(0), doc.name).rows, 1):
            place = f"{start} 第{k}行" if row.is_table else start
            doc.add(Row([Cell(c.text, f"{place} 第{i}格" if row.is_table else place)
                         for i, c in enumerate(row.cells, 1)], place, is_table=row.is_table, spaced=row.spaced))
        line += m.group(0).count("\n")
        at = m.end()
    split_rows(_numbered_lines(flat[at:], line), doc)
    return doc


def _numbered_lines(text: str, first: int) -> list[tuple[int, str]]:
    """The lines of a piece of text, numbered from `first`, the block tags around them dropped."""
    return [(n, _BLOCK_TAG.sub("", ln)) for n, ln in enumerate(text.split("\n"), first)]
