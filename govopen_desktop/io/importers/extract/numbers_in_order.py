"""A table copied out of a PDF in reading order (pdftotext, a PDF viewer's 复制) may move its
labels: a group's label merged over several rows (三、本年度办理结果, （四）无法提供) takes the
labels beside it along, so they land after the numbers or between other rows' numbers. The
numbers themselves keep the form's order, a line each. When the table's lines of numbers alone
hold exactly as many numbers as the table has cells, they are the table's cells in order; a row
read by its label that disagrees with that order stops the reading (one of the two is wrong).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from govopen_desktop.io.importers.neutral import Cell, Row
from govopen_desktop.io.importers.official_rows import is_value_text


def numbers_in_lines(rows: Sequence[Row], lo: int, hi: int,
                     split: Callable[[Cell], tuple[str, list[Cell]]]) -> list[Cell] | None:
    """The numbers of the lines rows[lo:hi], in order, those one space after a piece of a label
    included (`split`: "只计这一情形，不计其他情 0", the number centred beside a label's middle
    line); None when the lines are no text copied without positions (the cells of a real table,
    or laid out with their x), whose columns are known."""
    cells: list[Cell] = []
    for row in rows[lo:hi]:
        if (row.is_table and not row.spaced) or any(c.x is not None for c in row.cells):
            return None
        for cell in row.cells:
            if cell.value is not None or (cell.text.strip() and is_value_text(cell.text)):
                cells.append(cell)
            elif cell.text.strip():
                cells.extend(split(cell)[1])
    return cells


def cut(cells: list[Cell], widths: Sequence[int]) -> list[list[Cell]] | None:
    """The cells cut into rows of these widths, when they are exactly that many."""
    if len(cells) != sum(widths):
        return None
    out: list[list[Cell]] = []
    at = 0
    for width in widths:
        out.append(cells[at:at + width])
        at += width
    return out
