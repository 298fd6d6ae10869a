"""Rows a PDF-to-Word converter adds for a cell's second line.

A converter that rebuilds a table from a PDF (pdf2docx, the "PDF 转 Word" tools built on it or
like it) gives a number its narrow column wrapped ("17" over "8") a row of its own: the cells
of that row are the second lines, every other cell of it is the row above merged down. Read as
a row, "8" was lost and 17 read as the number. The second lines are put back into the cells
above them ("17\\n8"), so the number is kept as printed and named like a wrapped cell anywhere.

A table's own rows are never joined: their cells outnumber the merges they share (a group label
merged down the rows), while a converter's wrap row is mostly merges begun in the row above.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, NamedTuple

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TCPR, _GRID_SPAN, _VMERGE, _VAL, _T = f"{W}tcPr", f"{W}gridSpan", f"{W}vMerge", f"{W}val", f"{W}t"


class _Slot(NamedTuple):
    """One cell of a row at its grid column: whether it goes on a merge from above, starts one."""

    column: int
    continued: bool
    restart: bool
    cell: Any


def _filled(tc: Any) -> bool:
    return any((t.text or "").strip() for t in tc.iter(_T))


class _Marks(NamedTuple):
    span: str | None  # gridSpan's value
    merge: str | None  # vMerge's state: "restart", "continue", None for none


_NONE = _Marks(None, None)
_MARKS_XPATH: Any = None


def _table_marks(tbl: Any) -> dict[Any, _Marks]:
    """Each cell with a gridSpan or vMerge, by its element: one XPath over the table, not a
    search in each cell (a few microseconds each, which made a merged table's rows cost more
    than reading their text)."""
    global _MARKS_XPATH
    if _MARKS_XPATH is None:
        from lxml import etree

        _MARKS_XPATH = etree.XPath(".//w:tc/w:tcPr/w:gridSpan | .//w:tc/w:tcPr/w:vMerge",
                                   namespaces={"w": W[1:-1]})
    marks: dict[Any, _Marks] = {}
    for mark in _MARKS_XPATH(tbl):
        tc = mark.getparent().getparent()
        span, merge = marks.get(tc, _NONE)
        if mark.tag == _GRID_SPAN:
            span = mark.get(_VAL)
        else:
            merge = mark.get(_VAL) or "continue"
        marks[tc] = _Marks(span, merge)
    return marks


def _cell_marks(tc: Any) -> _Marks:
    pr = tc.find(_TCPR)
    span = pr.find(_GRID_SPAN) if pr is not None else None
    merge = pr.find(_VMERGE) if pr is not None else None
    return _Marks(None if span is None else span.get(_VAL),
                  None if merge is None else (merge.get(_VAL) or "continue"))


def _slots(cells: Iterable[Any], marks: dict[Any, _Marks] | None = None) -> list[_Slot]:
    out: list[_Slot] = []
    column = 0
    for tc in cells:
        span, state = _cell_marks(tc) if marks is None else marks.get(tc, _NONE)
        out.append(_Slot(column, state == "continue", state == "restart", tc))
        try:
            column += max(int(span), 1) if span is not None else 1
        except ValueError:
            column += 1
    return out


def wrapped_rows(tbl: Any, rows: list[list[Any]]) -> dict[int, int]:
    """Row index -> the row its cells are second (third …) lines of, for the converter's wrap
    rows; `rows` holds the cells of the table `tbl`'s rows."""
    marks = _table_marks(tbl)
    slots = [_slots(cells, marks) for cells in rows]
    start: dict[tuple[int, int], int] = {}  # (row, column) of a merged cell -> the row it starts in
    base: dict[int, int] = {}
    for r, row in enumerate(slots):
        for s in row:
            if s.continued:
                start[(r, s.column)] = start.get((r - 1, s.column), r - 1)
            elif s.restart:
                start[(r, s.column)] = r
        if r == 0:
            continue
        above = base.get(r - 1, r - 1)
        begun_above = [s for s in row if s.continued and start.get((r, s.column)) == above]
        if len(begun_above) < 2:
            continue
        # the cells' text is looked at only here: most rows of most tables have no merges
        own = [s for s in row if not s.continued and _filled(s.cell)]
        if not own or len(begun_above) < len(own):  # a table's own row: more cells than merges
            continue
        # each second line sits under a cell of the row above that did not reach down
        plain = {s.column for s in slots[above] if not s.continued and not s.restart}
        if all(s.column in plain for s in own):
            base[r] = above
    return base


def grid_columns(cells: Iterable[Any]) -> list[int]:
    """The grid column each cell starts at (a cell spanning columns counts them all)."""
    return [s.column for s in _slots(cells)]
