"""The value rows of every official table and their labels, as the formats give them: which
rows a table has (row_specs), whether a text is such a label (known_label,
ends_with_known_label) or a value (is_value_text). Shared by the readers, which split a printed
line into label and numbers by it, and the extractor, which finds the rows by it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from govopen_desktop.domain.formats import Table
from govopen_desktop.domain.values import is_empty_mark, split_unit
from govopen_desktop.io.importers.labels import aliases, norm, strip_number, without_note


@dataclass(frozen=True)
class RowSpec:
    """A row of an official table that holds values: its leaf label and its value keys."""

    table: str
    label: str | None  # None for table 4's single unlabelled row
    keys: tuple[str, ...]
    aliases: tuple[str, ...]
    row: int = 0  # the row in the format's table grid


_SPECS: dict[int, tuple[Table, list[RowSpec]]] = {}


def row_specs(table: Table) -> list[RowSpec]:
    """The value rows of a table (formats are loaded once, so this is kept per table)."""
    cached = _SPECS.get(id(table))
    if cached is not None and cached[0] is table:
        return cached[1]
    specs = _row_specs(table)
    _SPECS[id(table)] = (table, specs)
    return specs


def _row_specs(table: Table) -> list[RowSpec]:
    specs: list[RowSpec] = []
    for r in range(table.n_rows):
        in_row = [c for c in table.cells if c.row == r]
        values = sorted((c for c in in_row if c.key), key=lambda c: c.col)
        if not values:
            continue
        labels = sorted((c for c in in_row if c.role == "label" and c.text), key=lambda c: c.col)
        leaf = labels[-1].text if labels else None
        specs.append(RowSpec(table.id, leaf, tuple(c.key for c in values if c.key), _row_aliases(leaf), r))
    return specs


def _row_aliases(label: str | None) -> tuple[str, ...]:
    """A row label's spellings: as the form prints it, and without the note the form prints
    after it (（二）部分公开 for （二）部分公开（区分处理的，只计这一情形，不计其他情形）), as many
    reports print it."""
    if not label:
        return ()
    core = without_note(label)
    return aliases(label) + (tuple(a for a in aliases(core) if a not in aliases(label)) if core else ())


# a count with its measure word ("3件"): a value cell (the extractor keeps it as printed)
COUNT_WORD = re.compile(r"^\s*([+\-－]?[\d,，.]+)\s*(?:件|个|条|项|次|宗|起|家)\s*$")


@lru_cache(maxsize=65536)  # pure; asked of the same cells again for every table and format tried
def is_value_text(text: str) -> bool:
    """A cell that reads as a number, a number with its unit, or an empty mark."""
    if is_empty_mark(text):
        return True
    m = COUNT_WORD.match(text)
    number, _unit = split_unit(m.group(1) if m else text)
    number = number.replace(",", "").replace("+", "", 1)
    if number.startswith("-"):
        number = number[1:]
    return number.replace(".", "", 1).isdigit()


def every_table() -> Iterator[Table]:
    """The tables of every official format (formats are data, loaded once)."""
    from govopen_desktop.domain.formats import available_formats, load_format

    for fid in available_formats():
        yield from load_format(fid).tables


_KNOWN: set[str] = set()


def known_label(text: str) -> bool:
    """The text is an official row label of some format (as printed, any numbering)."""
    if not _KNOWN:
        for table in every_table():
            for spec in row_specs(table):
                for a in spec.aliases:
                    _KNOWN.update((a, strip_number(a)))
    n = norm(text)
    return bool(n) and (n in _KNOWN or strip_number(n) in _KNOWN)


# what follows a label's number ("8." "8．" "8、"): a viewer may part it from the number
NUMBERING_MARKS = (".", "．", "、")
_STARTS: set[str] = set()
_MIN_START = 4  # characters a label's first piece needs to be told from other words


def starts_known_label(text: str) -> bool:
    """The text is the first part of an official row label (its numbered start and the words
    after it, as a narrow cell wraps it: "3.补正" "后申请" before the rest "内容仍" "不明确")."""
    if not _STARTS:
        known_label("")  # fills the set
        for label in _KNOWN:
            _STARTS.update(label[:k] for k in range(_MIN_START, len(label)))
    n = norm(text)
    return len(n) >= _MIN_START and n in _STARTS


def ends_with_known_label(text: str) -> bool:
    """The text ends with an official row label (a label that also carries its group, as a
    narrow column prints "（三）不予公开1.属于国家秘密")."""
    return known_label_end(text) > 0


_GROUPS: set[str] = set()


def group_spellings() -> frozenset[str]:
    """The spellings of every format's labels printed across several rows (三、本年度办理结果,
    （三）不予公开: a group of rows)."""
    if not _GROUPS:
        for table in every_table():
            for c in table.cells:
                if c.role == "label" and c.text and c.rowspan > 1:
                    _GROUPS.update(aliases(c.text))
    return frozenset(_GROUPS)


def group_labels(text: str) -> bool:
    """The text is one or more labels of rows' groups, one after another ("三、本年度办理结果"
    "（三）不予公开", as a narrow column puts them before a row's own label), any numbering."""
    n = norm(text)
    groups = group_spellings()
    return bool(n) and any(n == g or (n.startswith(g) and group_labels(n[len(g):])) for g in groups)


def known_label_end(text: str) -> int:
    """How many of the text's last characters (its words, as norm() gives them) are an official
    row label, the longest such ending; 0 when it ends with none."""
    known_label("")  # fills the set
    n = norm(text)
    if n in _KNOWN:
        return len(n)
    # a short numbered label ("3其他") only with its number
    return next((k for k in range(len(n) - 1, 2, -1) if n[-k:] in _KNOWN and (k >= 4 or n[-k].isdigit())), 0)
