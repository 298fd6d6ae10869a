"""A table row printed in other words than the form's (（七）合计 for （七）总计, 四、结转下年度办理
for 四、结转下年度继续办理, 1.本机关不掌握相关信息): not found by its label, it is known by its
own printed number, standing where that row stands, between the rows found before and after it.
A number shared by two rows of the gap, or printed on two lines there, leaves them unread."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from typing import NamedTuple

from govopen_desktop.domain.formats import Table
from govopen_desktop.io.importers.labels import norm
from govopen_desktop.io.importers.official_rows import RowSpec

# the numbering a label's words begin with, as norm() leaves it: 四、 → 四, （七） → 七, 1. → 1
_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]{1,3}|\d{1,2})(?=\D)")
NUMBER_STARTS = frozenset("一二三四五六七八九十0123456789")  # what such a number begins with
MAX_LABEL = 50  # characters of a row label's words (the longest official one has 35): more is a paragraph


def row_number(label_norm: str) -> str | None:
    """The number a label's words begin with, or None for a label printed with none."""
    m = _NUMBERING.match(label_norm)
    return m.group() if m else None


_NUMBERS: dict[int, tuple[Sequence[RowSpec], dict[int, str]]] = {}


def spec_numbers(specs: Sequence[RowSpec]) -> dict[int, str]:
    """Each numbered row's number, by its index in specs (a table's specs are made once, so
    this is kept per list)."""
    cached = _NUMBERS.get(id(specs))
    if cached is not None and cached[0] is specs:
        return cached[1]
    out: dict[int, str] = {}
    for k, spec in enumerate(specs):
        number = row_number(norm(spec.label)) if spec.label else None
        if number is not None:
            out[k] = number
    _NUMBERS[id(specs)] = (specs, out)
    return out


def rows_by_number(specs: Sequence[RowSpec], gap: Sequence[int], numbers: dict[int, str], lines: range,
                   label_of: Callable[[int], str | None]) -> list[tuple[int, int]]:
    """(spec, row) pairs: the rows of `lines` whose label (label_of: its words, None for a line
    with no label of another wording) begins with the number of exactly one row of the gap,
    printed on one line only, in the form's order. The first piece of the row's own label
    (“1.申”, a label a narrow column broke over lines) is no other wording: it is left to the
    readers of wrapped labels."""
    by_number: dict[str, list[int]] = {}
    for k in gap:
        if k in numbers:
            by_number.setdefault(numbers[k], []).append(k)
    seen: dict[str, list[int]] = {}
    for r in lines:
        label = label_of(r)
        if not label or len(label) > MAX_LABEL:
            continue
        number = row_number(label)
        if number is None or number not in by_number or any(ch.isdigit() for ch in label[len(number):]):
            continue  # digits inside its words: numbers a reader ran into a label, no wording
        if any(a.startswith(label) for k in by_number[number] for a in specs[k].aliases):
            continue  # the first piece of its own label
        seen.setdefault(number, []).append(r)
    pairs = sorted((by_number[n][0], rows[0]) for n, rows in seen.items()
                   if len(rows) == 1 and len(by_number[n]) == 1)
    if [r for _k, r in pairs] != sorted(r for _k, r in pairs):
        return []  # out of the form's order: not the rows they seem to be
    return pairs


class LoneRows(NamedTuple):
    """A table's rows that stand alone under their group's label (行政许可 under 第二十条第（五）项)."""

    groups: dict[int, str]  # index in specs -> the words of its group's label
    group_words: frozenset[str]  # the words of every group label of the table
    texts: frozenset[str]  # the words of every text of the table (headers, groups, labels)


_LONE: dict[int, tuple[Table, LoneRows]] = {}


def lone_rows(table: Table, specs: Sequence[RowSpec]) -> LoneRows:
    """The rows of `table` alone under their group's label, and the table's words (no row in
    other words holds them)."""
    cached = _LONE.get(id(table))
    if cached is not None and cached[0] is table:
        return cached[1]
    groups = sorted((c.row, norm(c.text)) for c in table.cells if c.role == "group" and c.text)
    lone: dict[int, str] = {}
    for (row, words), (next_row, _w) in itertools.pairwise([*groups, (table.n_rows, "")]):
        under = [k for k, s in enumerate(specs) if row < s.row < next_row and s.label]
        if len(under) == 1:
            lone[under[0]] = words
    found = LoneRows(lone, frozenset(w for _r, w in groups),
                     frozenset(norm(c.text) for c in table.cells if c.text and c.role != "value"))
    _LONE[id(table)] = (table, found)
    return found
