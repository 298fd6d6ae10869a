"""The neutral form every reader produces: the document's rows of cells in reading order.

A paragraph is a row of one cell. A merged cell appears once, at its first position; the
positions it covers are left out, so each merged cell is read once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from govopen_desktop.domain.fold import needs_plain_characters, plain_characters
from govopen_desktop.io.importers.problems import ImportFailed

MAX_DOC_ROWS = 20_000  # a report has a few hundred rows; beyond this it is no report

# The header a browser prints above a web page printed to PDF: the time, then the page's title
# ("12/1/26, 8:11 PM", "2024/1/19 10:25", "2024-01-19 下午3:05")
PRINT_STAMP = re.compile(
    r"^\s*(?:\d{1,4}/\d{1,2}/\d{1,4}|\d{4}-\d{1,2}-\d{1,2})[,，]?\s*(?:(?:上午|下午)\s*)?"
    r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp][Mm])?\s+")


class Cell(NamedTuple):
    """Immutable like a frozen dataclass, built in half its time: a workbook makes hundreds."""

    text: str
    place: str  # where it sits, in Chinese: "第12行", "工作表“表三” D7"
    value: object = None  # a typed value from a spreadsheet (int/float), else None
    x: float | None = None  # a PDF line's segment: where it starts on the page (points)


@dataclass
class Row:
    cells: list[Cell]
    place: str
    is_table: bool = False  # a row of a real table (docx/html/sheet), not a paragraph
    spaced: bool = False  # columns told apart by runs of spaces (text laid out by a PDF viewer)
    picture: str = ""  # a picture standing alone here (a table published as an image): its name
    one_a_line: bool = False  # numbers printed one a line, joined into this row by the text reader
    _filled: list[Cell] | None = field(default=None, init=False, repr=False, compare=False)
    _lines: list[str] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def texts(self) -> list[str]:
        return [c.text for c in self.cells]

    def non_empty(self) -> list[Cell]:
        """The cells with text (worked out once: extraction asks for each row many times; a
        row's cells are not changed once it is built)."""
        if self._filled is None:
            self._filled = [c for c in self.cells if c.text.strip()]
        return self._filled

    def lines(self) -> list[str]:
        """The row's lines of text, cell after cell, trimmed, blank ones left out (worked out
        once, as non_empty is; not to be changed by the caller)."""
        if self._lines is None:
            out = [line.strip() for cell in self.cells for line in cell.text.splitlines()]
            self._lines = [line for line in out if line.strip(" \u00a0\u3000\t")]
        return self._lines


@dataclass
class Doc:
    name: str  # the file name shown in messages
    kind: str  # txt, xlsx, xls, docx, html, ...
    rows: list[Row] = field(default_factory=list)
    title: str | None = None  # a web page's <title>, a PDF's title: a fallback for the report title
    attachments: list[str] = field(default_factory=list)  # a web page's links to .pdf/.docx/… files
    pages: int = 1  # the pages of an article its CMS split into pages, joined into these rows
    notes: list[str] = field(default_factory=list)  # what the reader could not read, said once each

    def fold_characters(self) -> None:
        """Every cell and the title as a reader sees them (domain.fold.plain_characters): the
        radicals a PDF's fonts put for common characters (⼀ for 一) read as those characters,
        characters that print nothing (zero-width spaces, byte-order marks) dropped. Done before
        any row is read."""
        if self.title:
            self.title = plain_characters(self.title)
        if not needs_plain_characters("".join([c.text for r in self.rows for c in r.cells])):
            return  # one search over the whole text: most documents have none
        for row in self.rows:
            for k, cell in enumerate(row.cells):
                folded = plain_characters(cell.text)
                if folded is not cell.text:
                    row.cells[k] = cell._replace(text=folded)
                    row._filled = row._lines = None

    def add_paragraph(self, text: str, place: str) -> None:
        self.add(Row([Cell(text, place)], place))

    def add_picture(self, name: str, place: str) -> None:
        """A picture with no text of its own: an empty row that says where it stood."""
        self.add(Row([], place, picture=name or "图片"))

    def add(self, row: Row) -> None:
        if len(self.rows) >= MAX_DOC_ROWS:
            raise ImportFailed(
                f"“{self.name}”有超过 {MAX_DOC_ROWS} 行（段落或表格行），远超年度报告的正常长度，已拒绝读取。"
            )
        self.rows.append(row)
