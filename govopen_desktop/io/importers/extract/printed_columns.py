"""The columns of a PDF table without ruling lines, from where its numbers are printed: a row
printed with blank cells (四、结转下年度继续办理 0 0 0 0, three cells blank) leaves no trace in the
text, but each of its numbers stands under a column of the rows printed in full. Each number goes
to the column it stands in, when every one of them stands in exactly one."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from statistics import median

from govopen_desktop.io.importers.neutral import Cell, Row
from govopen_desktop.io.importers.official_rows import is_value_text

MIN_FULL_ROWS = 2  # rows printed in full that the columns are told from


def _numbers_after_label(row: Row) -> list[Cell]:
    """The row's number cells after its last piece of text."""
    cells = [c for c in row.cells if c.text.strip() or c.value is not None]
    last_text = max((k for k, c in enumerate(cells) if not is_value_text(c.text)), default=-1)
    return [c for c in cells[last_text + 1:] if c.text.strip()]


def column_positions(rows: Sequence[Row], n: int) -> tuple[list[float], float] | None:
    """The left edge of each of n columns and how far a number may stand from it, from the rows
    printed with n numbers that all have a position; None when too few rows have them or
    they do not line up."""
    full = [[float(c.x) for c in cells if c.x is not None] for row in rows
            if len(cells := _numbers_after_label(row)) == n]
    full = [xs for xs in full if len(xs) == n]
    if len(full) < MIN_FULL_ROWS or n < 2:
        return None
    columns = [median(xs[k] for xs in full) for k in range(n)]
    pitch = min(b - a for a, b in itertools.pairwise(columns))
    if pitch <= 0:
        return None
    slack = pitch / 4  # a centred or right-aligned number of more digits starts a little left
    if any(abs(x - columns[k]) > slack for xs in full for k, x in enumerate(xs)):
        return None
    return columns, slack


def by_position(cells: Sequence[Cell], columns: list[float], slack: float) -> list[int] | None:
    """The column each cell stands in, in order; None when one stands in none (or between two)."""
    out: list[int] = []
    for c in cells:
        if c.x is None:
            return None
        near = [k for k, x in enumerate(columns) if abs(c.x - x) <= slack]
        if len(near) != 1 or (out and near[0] <= out[-1]):
            return None
        out.append(near[0])
    return out
