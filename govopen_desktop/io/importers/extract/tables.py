"""The one label-driven extractor: finds each official table row by its label in the
neutral rows and reads the numbers that follow, as many as the format description says."""

from __future__ import annotations

import functools
import itertools
import operator
import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from govopen_desktop.domain.fold import TO_SIMPLIFIED
from govopen_desktop.domain.formats import Field, GridCell, ReportFormat, Table
from govopen_desktop.domain.values import MAX_COUNT, Published, Value, is_empty_mark, read_cell, split_unit
from govopen_desktop.io.importers.extract.column_order import printed_order
from govopen_desktop.io.importers.extract.digits import split_run_together
from govopen_desktop.io.importers.extract.grouped_rows import read_grouped
from govopen_desktop.io.importers.extract.numbers_in_order import cut, numbers_in_lines
from govopen_desktop.io.importers.extract.printed_columns import by_position, column_positions
from govopen_desktop.io.importers.extract.worded_rows import (
    NUMBER_STARTS,
    LoneRows,
    lone_rows,
    row_number,
    rows_by_number,
    spec_numbers,
)
from govopen_desktop.io.importers.labels import aliases, cell_matches, norm, strip_number, without_note
from govopen_desktop.io.importers.neutral import Cell, Row
from govopen_desktop.io.importers.official_rows import (
    NUMBERING_MARKS,
    RowSpec,
    every_table,
    group_spellings,
    is_value_text,
    row_specs,
)
from govopen_desktop.io.importers.per_table import PerTable
from govopen_desktop.io.importers.problems import ImportProblem

_PIECE_NUMBERS = re.compile(r"^(?P<piece>.*[^\d\s.,，])\s(?P<numbers>\d{1,12}(?:\s\d{1,12})*)$")
_NUMBER = re.compile(r"^\d{1,12}$")
# where a further numbered label starts inside a cell ("2.重复申请\n3.要求提供公开出版物")
_NEXT_NUMBERING = re.compile(r"(?<=\S)\s*(?=(?:\d{1,2}\s*[.．、]|[（(][一二三四五六七八九十]{1,3}[)）])\D)")
_HEADER_UNIT = re.compile(r"采购总金额\s*[（(]\s*(?:单位\s*[:：]\s*)?(万元|元)\s*[)）]")

@dataclass(frozen=True)
class _Spellings:
    """Every spelling an official row or group label of some format is matched by."""

    known: frozenset[str]
    lengths: tuple[int, ...]  # their lengths, shortest first
    last_chars: frozenset[str]  # the characters they end with
    bare: frozenset[str]  # without their numbering, 4+ characters (what cell_matches compares so)


_SPELLINGS: list[_Spellings] = []


def _spellings() -> _Spellings:
    if not _SPELLINGS:
        found: set[str] = set()
        for table in every_table():
            for spec in row_specs(table):
                found.update(spec.aliases)
        found.update(group_spellings())  # group labels (group_rows looks them up)
        _SPELLINGS.append(_Spellings(frozenset(found), tuple(sorted({len(a) for a in found})),
                                     frozenset(a[-1] for a in found if a),
                                     frozenset(b for b in map(strip_number, found) if len(b) >= 4)))
    return _SPELLINGS[0]


Position = tuple[int, int]  # (row, cell) in the document
WRAP_ALIGN_POINTS = 6.0  # a wrapped number's line starts within this of the number above it


def _cell_norm(text: str, known: frozenset[str]) -> str:
    """A cell's words; a label with its template's note in brackets after it is read as the
    label alone (the note's words would hide it, and may name other rows: 含行政处罚、行政强制)."""
    if text.isdigit() and text.isascii():
        return text  # most cells (a number): norm would give it back as it is
    n = norm(text)
    if n in known or not text.rstrip().endswith(("）", ")")):
        return n
    core = without_note(text)
    if core is None:
        return n
    bare = norm(core)
    return bare if bare in known or strip_number(bare) in known else n


@lru_cache(maxsize=65536)  # the same label cells come in every report
def _indexed_norm(text: str) -> str:
    """_cell_norm against every format's spellings."""
    return _cell_norm(text, _spellings().known)


@lru_cache(maxsize=65536)
def _index_entries(n: str) -> tuple[bool, tuple[str, ...], str | None, bool] | None:
    """Where LabelIndex files a cell with these words: whether they are a label's, the labels
    they end with, their words without numbering when a label's are so, whether they may begin
    a label broken over lines; None when nowhere. Worked out once a text."""
    spellings = _spellings()
    suffixes: tuple[str, ...] = ()
    if n[-1] in spellings.last_chars:  # most cells end as no label does
        suffixes = tuple(n[-k:] for k in spellings.lengths if k < len(n) and n[-k:] in spellings.known)
    bare = strip_number(n) if len(n) >= 4 else None
    bare = bare if bare in spellings.bare else None
    starts = len(n) >= 6 and bool(_label_starts(n))
    exact = n in spellings.known
    return (exact, suffixes, bare, starts) if exact or suffixes or bare is not None or starts else None


class LabelIndex:
    """The document's cells by the label spellings they may hold, worked out once per document
    (and shared by the formats tried): finding a label is a look-up, not a scan of every cell
    for every row of every table. Candidates are confirmed with cell_matches, so a hit is exactly
    the first cell a scan would find; a spelling of no format is looked for by a scan."""

    def __init__(self, rows: list[Row]) -> None:
        self.known = _spellings().known
        # a number's words are itself (most cells); an empty cell's (or "  ") are ""
        self.norms = [[t if (t := c.text).isdigit() and t.isascii() else _indexed_norm(t) if t else ""
                       for c in r.cells] for r in rows]
        self.exact: dict[str, list[Position]] = {}  # a cell whose words are a label's
        self.bare: dict[str, list[Position]] = {}  # … without their numbering
        self.suffix: dict[str, list[Position]] = {}  # a cell that ends with a label
        self.starts: list[Position] = []  # cells that may begin a label cut short by a line break
        self.candidates: dict[tuple[str, ...], tuple[list[Position], ...] | None] = {}
        for i, row_norms in enumerate(self.norms):
            for j, n in enumerate(row_norms):
                if not n or n.isdigit():
                    continue  # empty, or a number (most cells): no label holds only digits
                entries = _index_entries(n)
                if entries is None:
                    continue  # words no label is found by (most text cells)
                exact, suffixes, bare, starts = entries
                pos = (i, j)
                if exact:
                    self.exact.setdefault(n, []).append(pos)
                for suffix in suffixes:
                    self.suffix.setdefault(suffix, []).append(pos)
                if bare is not None:
                    self.bare.setdefault(bare, []).append(pos)
                if starts:
                    self.starts.append(pos)

    def first(self, label_aliases: tuple[str, ...], start: int, stop: int) -> Position | None:
        """The first cell in rows start..stop-1 that holds the label (as cell_matches says)."""
        if label_aliases not in self.candidates:
            self.candidates[label_aliases] = self.cells_for(label_aliases)
        candidates = self.candidates[label_aliases]
        if candidates is None:
            return self.scan(label_aliases, start, stop)  # a spelling the suffixes were not indexed for
        best: Position | None = None
        for positions in candidates:
            for k in range(bisect_left(positions, (start, -1)), len(positions)):
                pos = positions[k]
                if pos[0] >= stop or (best is not None and pos >= best):
                    break
                if cell_matches(self.norms[pos[0]][pos[1]], label_aliases):
                    best = pos
                    break
        return best

    def cells_for(self, label_aliases: tuple[str, ...]) -> tuple[list[Position], ...] | None:
        """The indexed cells that may hold one of the spellings (worked out once a row spec, the
        index being shared by every format and table tried); None when a spelling was not
        indexed, so the cells are scanned."""
        if not all(a in self.known for a in label_aliases):
            return None
        candidates: list[list[Position] | None] = []
        for a in label_aliases:
            candidates += [self.exact.get(a), self.suffix.get(a)]
            bare = strip_number(a)
            if len(bare) >= 4:
                candidates.append(self.bare.get(bare))
        return tuple(c for c in candidates if c)

    def scan(self, label_aliases: tuple[str, ...], start: int, stop: int) -> Position | None:
        """The same, cell by cell."""
        for i in range(start, stop):
            for j, n in enumerate(self.norms[i]):
                if n and cell_matches(n, label_aliases):
                    return i, j
        return None

    def wrapped_starts(self, start: int, stop: int) -> Iterator[Position]:
        """The cells in rows start..stop-1 that may begin a label broken over lines, in order."""
        for k in range(bisect_left(self.starts, (start, -1)), len(self.starts)):
            if self.starts[k][0] >= stop:
                return
            yield self.starts[k]


_CELL_NORMS: PerTable[frozenset[str]] = PerTable()


def _cell_norms(table: Table, kind: str) -> frozenset[str]:
    """The words of the table's labels over several rows (`kind` "group": （四）无法提供), of
    its column headers ("header": 本年收费金额（单位：万元）), of those of 4+ characters ("long
    header"), or the last two characters of its headers below the first row ("header end":
    结果维持 → 维持), once per table."""

    def words() -> frozenset[str]:
        if kind == "group":
            return frozenset(norm(c.text) for c in _group_cells(table))
        headers = [c for c in table.cells if c.text and c.role == "header"]
        if kind == "header":
            return frozenset(norm(c.text) for c in headers)
        if kind == "long header":
            return frozenset(norm(c.text) for c in headers if len(norm(c.text)) >= 4)
        return frozenset(norm(c.text)[-2:] for c in headers if c.row > 0)

    return _CELL_NORMS.get(table, words, kind)


_GROUP_CELLS: PerTable[tuple[GridCell, ...]] = PerTable()


def _group_cells(table: Table) -> tuple[GridCell, ...]:
    """The table's label cells over several rows (（四）无法提供), once per table."""
    return _GROUP_CELLS.get(table, lambda: tuple(c for c in table.cells
                                                 if c.role == "label" and c.text and c.rowspan > 1))


_PREFIXES: dict[str, set[tuple[str, ...]]] = {}  # a label's first 6+ characters -> the labels
_NUMERAL = frozenset("0123456789一二三四五六七八九十")


def _label_prefixes() -> dict[str, set[tuple[str, ...]]]:
    if not _PREFIXES:
        for table in every_table():
            for spec in row_specs(table):
                for a in spec.aliases:
                    for whole in (a, strip_number(a)):
                        for k in range(6, len(whole) + 1):
                            _PREFIXES.setdefault(whole[:k], set()).add(spec.aliases)
    return _PREFIXES


def _own_cells(row: Row) -> bool:
    """A row of a grid (a sheet's, a Word or web page table's, a `|` or tab row): its cells are
    the document's, not pieces of a line of text parted by spaces or a line alone."""
    return not row.spaced and len(row.cells) > 1


@lru_cache(maxsize=65536)
def _label_starts(fragment: str) -> tuple[str, ...]:
    """The parts of a line that could begin an official label: the line itself, or its tail after
    a piece of the group label printed on the same line ("果4.无正当理由大量反复申"), each with
    and without its numbering. Empty for almost every line (worked out once per line)."""
    if len(fragment) < 6:
        return ()
    prefixes = _label_prefixes()
    out: list[str] = []
    for p in range(len(fragment) - 5):
        if p and not (fragment[p] in _NUMERAL and fragment[p - 1] not in _NUMERAL):
            continue
        part = fragment[p:]
        for candidate in (part, strip_number(part)):
            if candidate[:6] in prefixes:
                out.append(candidate)
    return tuple(out)


def _start_of(fragment: str, spec: RowSpec) -> str | None:
    """The part of a line that begins this row's label (see _label_starts), or None."""
    prefixes = _label_prefixes()
    return next((part for part in _label_starts(fragment) if spec.aliases in prefixes.get(part, ())), None)


@lru_cache(maxsize=65536)
def _begun_labels(fragment: str) -> frozenset[tuple[str, ...]]:
    """The labels (their spellings) a part of the line begins (see _label_starts), once a line."""
    prefixes = _label_prefixes()
    return frozenset(a for part in _label_starts(fragment) for a in prefixes.get(part, ()))


def _prefix_of(fragment: str, spec: RowSpec) -> bool:
    """A label cut short by a line break: the first part of the label, long enough to be its own."""
    return spec.aliases in _begun_labels(fragment)


_TEXT, _VALUE = operator.itemgetter(0), operator.itemgetter(2)  # a Cell's text and value, got in C


def _any_filled(cells: list[Cell]) -> bool:
    """Some cell has text or a value (the texts looked at first, in C: most cells' only test)."""
    return any(map(str.strip, map(_TEXT, cells))) or any(map(operator.is_not, map(_VALUE, cells),
                                                              itertools.repeat(None)))


def _filled(cells: Iterable[Cell]) -> list[Cell]:
    """The cells with text or a value (a blank printed as such is no number)."""
    return [c for c in cells if c.text.strip() or c.value is not None]


_ROW_LABELS: list[frozenset[str]] = []


def _row_label_then_next(fragment: str, spec: RowSpec) -> bool:
    """The cell's words are this row's whole label, then another row's first piece: the cell a
    converter gave this row and the next label's first line (see _after_row_label)."""
    prefixes = _label_prefixes()
    for a in spec.aliases:
        if len(fragment) > len(a) + 5 and fragment.startswith(a):
            rest = fragment[len(a):]
            if any(s != spec.aliases for c in (rest, strip_number(rest)) for s in prefixes.get(c, ())):
                return True
    return False


def _after_row_label(fragment: str, spec: RowSpec) -> bool:
    """The cell's words are another row's whole label, then this label's first piece (not a
    group label before it: "（六）其他处理1.申请人…" is the row's own cell)."""
    if not _ROW_LABELS:
        spellings = {a for table in every_table() for s in row_specs(table) if s.keys for a in s.aliases}
        _ROW_LABELS.append(frozenset(spellings | {b for b in map(strip_number, spellings) if len(b) >= 4}))
    labels = _ROW_LABELS[0]
    prefixes = _label_prefixes()
    for p in range(1, len(fragment) - 5):
        part = fragment[p:]
        if any(spec.aliases in prefixes.get(c, ()) for c in (part, strip_number(part))):
            head = fragment[:p]
            if (head in labels or strip_number(head) in labels) and head not in spec.aliases:
                return True
    return False


_ROWS_IN_CELL: dict[tuple[int, str], tuple[list[RowSpec], tuple[int, ...]]] = {}


def _rows_in_cell(specs: list[RowSpec], text: str) -> tuple[int, ...]:
    """The rows of `specs` whose labels a label cell's pieces hold (its numbered parts, its
    lines), none when it has one piece. Kept per table and text: the same label cells come
    in every report, and each is asked of once per row it is found for."""
    key = (id(specs), text)
    known = _ROWS_IN_CELL.get(key)
    if known is not None and known[0] is specs:
        return known[1]
    pieces = {norm(p) for p in (*_NEXT_NUMBERING.split(text), *text.splitlines())} - {""}
    rows = () if len(pieces) < 2 else tuple(
        k for k, s in enumerate(specs)
        if s.label is not None and s.keys and any(cell_matches(p, s.aliases) for p in pieces))
    if len(_ROWS_IN_CELL) >= 20_000:
        _ROWS_IN_CELL.clear()
    _ROWS_IN_CELL[key] = (specs, rows)
    return rows


@dataclass
class Hit:
    spec: int  # index in the table's row specs
    first: int  # row of the label
    last: int  # last row the values came from
    filled: bool  # values were stored


def _own_values(label: Row, values: Row) -> bool:
    """Numbers on the line after a label are its own, unless the label is a paragraph and the
    numbers a row of a table it stands outside (a converter that split a table)."""
    return not (values.is_table and not values.spaced and not label.is_table)


def _piece_and_numbers(cell: Cell) -> tuple[str, list[Cell]]:
    """A piece of a wrapped label with its row's first numbers one space after it, in one
    column of laid-out text ("的，只计这一情形，不计其他 2120"): the piece and those numbers."""
    m = _PIECE_NUMBERS.match(cell.text.strip())
    if m is None:
        return cell.text, []
    return m.group("piece"), [Cell(t, cell.place) for t in m.group("numbers").split()]


_ZERO = re.compile(r"^[0０]+(?:\.0+)?$")


def _is_zero(cell: Cell) -> bool:
    return cell.value == 0 if cell.value is not None else bool(_ZERO.match(cell.text.strip()))


def _is_text(cell: Cell) -> bool:
    return bool(cell.text.strip()) and cell.value is None and not is_value_text(cell.text)


class Extractor:
    def __init__(self, rows: list[Row], fmt: ReportFormat, problems: list[ImportProblem],
                 index: LabelIndex | None = None) -> None:
        self.rows = rows
        self.fmt = fmt
        self.problems = problems
        self.index = LabelIndex(rows) if index is None else index  # of these rows
        self.norms = self.index.norms
        self.cells: dict[str, Value] = dict.fromkeys(fmt.keys)
        self.found = 0  # value rows found by their label
        self.missing = 0  # value rows not found
        self.where = ""  # "表三": prefixed to every place
        self.col_order: tuple[int, ...] | None = None  # matrix table columns as printed, if not official
        self.inferred: set[str] = set()  # keys whose values were placed by arithmetic or row order
        self.group_norms: frozenset[str] = frozenset()  # labels of the current table printed across several rows
        self.order_of: tuple[list[RowSpec], int, int] = ([], 0, 0)  # numbers one per line: after or
        self._order: str | bool | None = None  # before their label (False: not yet worked out)
        self.span_first = 0  # the first row of the numbers read above a label
        self.table_start = 0  # the current table's first row, and the row of the label being read
        self.label_row = 0
        self.group_printed: dict[str, str] = {}  # a group label printed as one row -> its numbers
        self.unplaced_rows: list[ImportProblem] = []  # rows of numbers no label claimed
        self.regions: dict[str, tuple[int, int]] = {}  # table id -> the rows it was read from
        self.used_rows: set[int] = set()  # rows a label was found on, with the rows of its numbers
        self.gap_rows: set[int] = set()  # rows whose numbers fill_gaps placed
        self.stored: set[int] = set()  # ids of the cells store() was given
        self.shared_cells: set[tuple[int, int]] = set()  # label cells holding two rows' labels, said
        self.column_rows: set[int] = set()  # lines of numbers that may be a column, not a row (said)
        # cells whose column is not known from the file (space-laid text, one number per line)
        self.loose = set(map(id, itertools.chain.from_iterable(r.cells for r in rows if r.spaced or not r.is_table)))
        self.pieces: dict[int, tuple[str, list[Cell]]] = {}  # see piece_and_numbers

    # ---- finding -------------------------------------------------------------------------

    def find_label(self, spec: RowSpec, start: int, stop: int) -> tuple[int, int] | None:
        return self.index.first(spec.aliases, start, stop)

    def find_wrapped(self, spec: RowSpec, start: int, stop: int,
                     continued: bool = False) -> tuple[int, list[Cell], int] | None:
        """A label broken over lines (a PDF cell copied as text): its first part, then the rest
        on the next lines, the numbers after any of them. Returns the label row, the value
        cells and the last row used. `continued`: only numbers printed after a further piece
        of the label (a line of numbers alone is left to the reading order)."""
        for i, j in self.index.wrapped_starts(start, stop):
            n = self.norms[i][j]
            begins = _prefix_of(n, spec)
            if not begins and continued:
                continue
            after = _filled(self.rows[i].cells[j + 1:])
            if not begins:
                if after and not any(_is_text(c) for c in after) and _row_label_then_next(n, spec):
                    return i, after, i  # the converter's cell above, read as its own row
                if (centred := self.numbers_beside_first_piece(spec, i, j, after)) is not None:
                    return centred
                continue
            # after another row's whole label (a PDF-to-Word converter moves a label's first line
            # into the cell of the row above: "1.…申请⏎2.申请人逾期…缴纳费"), the numbers beside
            # the cell are that row's; this label's come after its next piece
            if after and not any(_is_text(c) for c in after) and not _after_row_label(n, spec):
                return i, after, i
            joined = n
            for k in range(i + 1, min(i + 5, len(self.rows))):
                cells = self.rows[k].cells
                texts = [(m, c) for m, c in enumerate(cells) if _is_text(c)]
                numbers = [c for c in cells if (c.text.strip() or c.value is not None) and not _is_text(c)]
                if not texts and numbers:
                    if continued or not _own_values(self.rows[i], self.rows[k]):
                        break
                    return i, numbers, k  # the numbers on a line of their own
                if not texts:
                    continue
                while len(texts) > 1 and self.group_piece(texts[0][1].text):
                    texts = texts[1:]  # a piece of the group label in the column to the left ("他处")
                m, first = texts[0]
                piece, lead = self.piece_and_numbers(first)
                more = norm(self.without_group_piece(piece))
                if _prefix_of(joined + more, spec) or joined + more in spec.aliases:
                    joined += more
                    rest = lead + [c for c in cells[m + 1:] if c.text.strip() or c.value is not None]
                    if rest and not any(_is_text(c) for c in rest):
                        if lead and id(lead[0]) in self.loose and len(rest) < len(spec.keys):
                            tail = self.numbers_after_label_end(spec, joined, k + 1, len(spec.keys) - len(rest))
                            if tail is not None:
                                return i, rest + tail[0], tail[1]
                        return i, rest, k
                    continue
                if len(texts) == 1 and not numbers and len(more) <= 6:
                    continue  # a piece of the group label beside it ("（六）其", "他处理")
                if numbers and all(self.group_piece(c.text) for _m, c in texts):
                    return i, numbers, k  # the numbers beside a piece of the group label ("无法  0 0 …")
                break
            return i, [], i
        return None

    def numbers_beside_first_piece(self, spec: RowSpec, i: int, j: int,
                                   after: list[Cell]) -> tuple[int, list[Cell], int] | None:
        """A row whose first number is printed beside its label's first line, one space after it
        (the number centred in a cell of two lines, poppler's copy: "5、要求…重新出具已获取 0",
        "信息", then one number a line; or after a piece of the group label: "(六)其 1、申请人…，行政 1";
        laid out, the row's other numbers after it on the line, `after`): those numbers, and any
        rest after the label's last piece."""
        piece, lead = self.piece_and_numbers(self.rows[i].cells[j])
        if not lead or any(_is_text(c) for c in after):
            return None  # most lines: no number one space after their text
        have = lead + after
        if len(have) > len(spec.keys):
            return None
        start = _start_of(norm(self.without_group_piece(piece)), spec)
        if start is None:
            return None
        if len(have) == len(spec.keys):
            return (i, have, i) if self.label_end(spec, start, i + 1) is not None else None
        tail = self.numbers_after_label_end(spec, start, i + 1, len(spec.keys) - len(have))
        return None if tail is None else (i, have + tail[0], tail[1])

    def label_end(self, spec: RowSpec, joined: str, k: int) -> int | None:
        """The line after a wrapped label's last piece, its pieces alone on their lines from
        line k (a piece of the group label before one is passed over); None when they do not
        make the label."""
        while k < len(self.rows) and joined not in spec.aliases:
            cells = [c for c in self.rows[k].cells if c.text.strip()]
            if len(cells) != 1 or not _is_text(cells[0]):
                return None
            joined += norm(self.without_group_piece(cells[0].text))
            if not _prefix_of(joined, spec) and joined not in spec.aliases:
                return None
            k += 1
        return k if joined in spec.aliases else None

    def numbers_after_label_end(self, spec: RowSpec, joined: str, k: int,
                                need: int) -> tuple[list[Cell], int] | None:
        """The rest of a row whose first numbers were printed beside a middle piece of its label
        (numbers centred in a tall cell: `…政府信息公开 0`, `申请`, then one number a line): the
        label's last pieces from line k, then exactly `need` numbers one per line. Returns the
        numbers and the last line used, or None when the lines do not read so."""
        end = self.label_end(spec, joined, k)
        if end is None:
            return None
        numbers, last = self.gather(end, need + 1)
        if len(numbers) != need or not all(id(c) in self.loose for c in numbers):
            return None
        return numbers, last

    def piece_and_numbers(self, cell: Cell) -> tuple[str, list[Cell]]:
        """_piece_and_numbers, made once a cell: the cells split off stay the same objects (their
        ids are kept in sets) and, split off a line of text, are loose (columns not known)."""
        split = self.pieces.get(id(cell))
        if split is None:
            split = self.pieces[id(cell)] = _piece_and_numbers(cell)
            if id(cell) in self.loose:
                self.loose.update(id(c) for c in split[1])
        return split

    def find_anchor(self, words: Iterable[str], start: int = 0) -> int | None:
        wanted = {norm(w) for w in words}
        for i in range(start, len(self.rows)):
            if any(n in wanted for n in self.norms[i]):
                return i
        return None

    # ---- reading -------------------------------------------------------------------------

    def take(self, cells: list[Cell], n: int) -> list[Cell]:
        """The n value cells of a row: padding left by merged cells trimmed off both ends."""
        cells = list(cells)
        while len(cells) > n and not cells[0].text.strip() and cells[0].value is None:
            cells.pop(0)
        while len(cells) > n and not cells[-1].text.strip() and cells[-1].value is None:
            cells.pop()
        if len(cells) > n:
            filled = [c for c in cells if c.text.strip() or c.value is not None]
            if len(filled) == n:
                return filled  # as many blanks inside as cells too many: a merged cell's padding
            merged = self.merged_repeats(cells, n)
            if merged is not None:
                return merged
            if any(c.text.strip() or c.value is not None for c in cells[n:]):
                return cells  # more cells than columns and values among them: store names them
        return cells[:n]

    def merged_repeats(self, cells: list[Cell], n: int) -> list[Cell] | None:
        """A converter that repeats a merged cell's value in every column it covers (docling:
        `行政许可 | 97 | 97 | 97`): the repeats dropped, when only one way of dropping them gives n
        cells. Only in a real table (a laid-out line's extra number is no merge)."""
        if any(id(c) in self.loose for c in cells):
            return None
        texts = [c.text.strip() if c.value is None else str(c.value) for c in cells]
        runs: list[list[int]] = []
        for k, t in enumerate(texts):
            if runs and texts[runs[-1][0]] == t:
                runs[-1].append(k)
            else:
                runs.append([k])
        surplus = len(cells) - n
        repeated = [r for r in runs if len(r) > 1]
        if sum(len(r) - 1 for r in repeated) == surplus:
            return [cells[r[0]] for r in runs]
        if len(repeated) == 1 and len(repeated[0]) - 1 > surplus:
            drop = set(repeated[0][1:surplus + 1])
            return [c for k, c in enumerate(cells) if k not in drop]
        return None

    def values_after(self, i: int, j: int, n: int) -> tuple[list[Cell], int]:
        """Cells after the label; a row whose numbers were pushed onto the next line (a label
        broken across lines) reads them from there. Returns the cells and the last row used."""
        after = self.rows[i].cells[j + 1 :]
        while after and after[0].text.strip() and norm(after[0].text) == self.norms[i][j]:
            after = after[1:]  # the label repeated in each column its merged cell covers (docling)
        if not _any_filled(after) and i + 1 < len(self.rows):
            nxt = self.rows[i + 1].cells
            own = _own_values(self.rows[i], self.rows[i + 1])
            if own and any(c.text.strip() for c in nxt) and not any(_is_text(c) for c in nxt):
                # a laid-out line with fewer numbers than the row has (reading order: "13612 252",
                # then one number a line) is the start of a run, read as numbers one per line are
                short_run = len(nxt) < n and all(id(c) in self.loose for c in nxt)
                if after or (len(nxt) > 1 and not short_run):
                    if self.stray_row_above(i, n) or self.stray_row_below(i, n):
                        return [], i  # a row's numbers above and below: which are its own is not certain
                    return self.take(nxt, n), i + 1
                # the label alone on its line, one number per line: all of the run is its own, or
                # the run holds the numbers of several labels printed before it (a PDF's reading
                # order) and is left to the rows' order (fill_gaps)
                if self.order == "mixed":
                    return [], i
                run, last = self.gather(i + 1, n, whole=True)
                before, first = self.run_before(i)
                if self.order == "before" or (self.order is None and len(before) == n and not run):
                    if len(before) == n:
                        self.span_first = first
                        return before, i
                    return [], i
                if self.order is None and len(before) == n:
                    return [], i  # numbers above and below: which are its own is not certain
                return (run, last) if len(run) <= n else ([], i)
        return self.take(after, n), i

    def numbers_under_headers(self, table: Table, i: int, j: int, n: int) -> tuple[list[Cell], int] | None:
        """A label alone on its line, then lines of the table's own column headers, then exactly
        the row's n numbers before the next text: a small part copied down its columns
        (pdftotext: "信息内容", "行政事业性收费", "本年收费金额（单位：万元）", "0"), or a row's
        numbers after the header rows repeated on the next page. Returns the numbers and the
        last line used; None when the lines do not read so."""
        if any(c.text.strip() or c.value is not None for c in self.rows[i].cells[j + 1:]):
            return None
        headers = _cell_norms(table, "header")
        k = i + 1
        while k < len(self.rows):
            filled = _filled(self.rows[k].cells)
            if len(filled) != 1 or not _is_text(filled[0]) or norm(filled[0].text) not in headers:
                break
            k += 1
        if k == i + 1:
            return None
        numbers, last = self.gather(k, n + 1)
        return (numbers, last) if len(numbers) == n else None

    @property
    def order(self) -> str | None:
        if self._order is False:
            self._order = self.reading_order(*self.order_of)
        return self._order if isinstance(self._order, str) else None

    def numbers_line(self, k: int, n: int) -> bool:
        """Line k holds a row's n numbers and nothing else."""
        if not 0 <= k < len(self.rows):
            return False
        filled = _filled(self.rows[k].cells)
        return len(filled) == n and not any(_is_text(c) for c in filled)

    def stray_row_above(self, i: int, n: int) -> bool:
        """Two lines of a row's numbers each right above label i, alone on its line: the upper is
        the label before's, the lower no label's. A PDF's reading order (pdftotext's, where a
        group's label piece begins the line: "（四）无 1.本机关…") may put a row's numbers above
        its label, and the numbers below it are then the next row's."""
        return n > 1 and self.numbers_line(i - 1, n) and self.numbers_line(i - 2, n)

    def stray_row_below(self, i: int, n: int) -> bool:
        """Label i, alone on its line, right after another line of text without numbers, and two
        lines of a row's numbers below it (pdftotext -layout, the numbers of two labels centred
        lower than their lines): the first may be the label above's."""
        if n < 2 or i < 1 or not (self.numbers_line(i + 1, n) and self.numbers_line(i + 2, n)):
            return False
        above = _filled(self.rows[i - 1].cells)
        return bool(above) and all(_is_text(c) for c in above)

    def run_before(self, i: int) -> tuple[list[Cell], int]:
        """Numbers one per line just above a label alone on its line (a PDF's reading order may
        put a row's numbers before its label), and the first row of them."""
        cells: list[Cell] = []
        k = i - 1
        while k >= 0 and len(cells) <= 60:
            row = self.rows[k].cells
            filled = [c for c in row if c.text.strip() or c.value is not None]
            if len(filled) != 1 or _is_text(filled[0]) or self.rows[k].is_table:
                break
            cells.insert(0, filled[0])
            k -= 1
        return cells, k + 1

    def reading_order(self, specs: list[RowSpec], start: int, stop: int) -> str | None:
        """Where a table copied out of a PDF in reading order prints each row's numbers, one per
        line, told by its first label alone on its line: headings above it and its numbers
        below ("after"), or a row's worth of numbers above it ("before"); None otherwise.
        "before" holds only when every label alone on its line has a row's numbers above it:
        a label with none above, its numbers below, is a mixed order ("mixed"), where the
        numbers below a label may be the next row's (their label moved away) and above it the
        row before's, so no label takes any (the rows' order may still place them)."""
        alone: list[tuple[int, int, bool]] = []  # labels alone on their line: row, numbers needed, printed whole
        for spec in specs:
            if spec.label is None:
                continue
            hit = self.find_label(spec, start, stop)
            if hit is None or len(self.rows[hit[0]].non_empty()) != 1 or self.rows[hit[0]].is_table:
                continue
            alone.append((hit[0], len(spec.keys), self.norms[hit[0]][hit[1]] in spec.aliases))
        if not alone:
            return None
        i, n, _whole = min(alone)
        after = self.gather(i + 1, n, whole=True)[0] if i + 1 < len(self.rows) else []
        before = self.run_before(i)[0]
        if not before and after:
            return "after"
        if len(before) == n and len(after) != n:
            # a wrapped label's first piece may stand anywhere: only labels printed whole say
            return "before" if all(len(self.run_before(r)[0]) == k for r, k, whole in alone if whole) else "mixed"
        return None  # numbers on both sides: the order is mixed, nothing is taken by guess

    def gather(self, i: int, n: int, whole: bool = False) -> tuple[list[Cell], int]:
        """Numbers one per line (a table copied out of a PDF): the value-only rows from row i,
        up to n numbers (`whole`: the whole run, to tell whether it is the row's own). Returns
        the cells and the last row used."""
        cells: list[Cell] = []
        last = i
        limit = 30 * n if whole else n
        while last < len(self.rows) and len(cells) < limit:
            row = self.rows[last].cells
            if any(_is_text(c) for c in row) or not any(c.text.strip() for c in row):
                break
            cells.extend(c for c in row if c.text.strip() or c.value is not None)
            last += 1
        return cells[:limit], last - 1

    def store(self, keys: tuple[str, ...], cells: list[Cell], where: str, table: Table | None = None) -> bool:
        """The row's values into its keys; True when they were placed. A row with fewer numbers
        than the form has columns is not placed by position: only what its header makes certain
        is read, and every other cell is named in a problem."""
        self.stored.update(map(id, cells))
        if len(cells) == len(keys) and self.col_order is None:
            fields, store_one = self.fmt.fields, self.store_one
            for key, cell in zip(keys, cells, strict=True):  # a whole row (most rows)
                store_one(fields[key], cell)
            return bool(cells)
        place = f"{self.where} {where}"
        if self.col_order is not None and len(keys) == len(self.col_order) and len(cells) == len(keys):
            keys = tuple(keys[k] for k in self.col_order)
        if len(cells) > len(keys):
            # take() leaves a row this long only when cutting it would drop a printed value
            shown = " ".join(c.text.strip() or ("（空）" if c.value is None else str(c.value)) for c in cells)
            for key in keys:
                self.problems.append(ImportProblem(
                    f"“{self.fmt.fields[key].label}”无法读取：该行有 {len(cells)} 格（“{shown}”），"
                    f"多于表格的 {len(keys)} 列，无法确定各数属于哪一列，已留空。", key, place))
            return False
        if len(cells) >= len(keys) or len(keys) == 1:
            for idx, key in enumerate(keys):
                if idx < len(cells):
                    self.store_one(self.fmt.fields[key], cells[idx])
            return bool(cells)
        if not _any_filled(cells):
            return False  # a short row of blank cells: the row is named as found without numbers
        printed = " ".join(c.text.strip() or ("（空）" if c.value is None else str(c.value)) for c in cells)
        split = split_run_together([c.text.strip() for c in cells], self.fmt, keys) if cells else None
        if split is not None:
            for key, number in zip(keys, split, strict=True):
                self.cells[key] = number
            self.inferred.update(keys)
            shown = " ".join(map(str, split))
            self.problems.append(ImportProblem(
                f"该行的数字连在一起印刷（“{printed}”）；按表格的合计关系只有一种分法，已推断为“{shown}”，请核对。",
                keys[0], place))
            return True
        certain = self.collapsed_group(keys, cells, table)
        columns = self.printed_columns(keys, cells) if not certain else None
        if columns is not None:
            printed_keys = tuple(keys[k] for k in self.col_order) if (
                self.col_order is not None and len(self.col_order) == len(keys)) else keys
            at = dict(zip(columns, cells, strict=True))
            for idx, key in enumerate(printed_keys):
                f = self.fmt.fields[key]
                if idx in at:
                    self.store_one(f, at[idx])
                else:
                    self.problems.append(ImportProblem(
                        f"“{f.label}”在原件中是空白，已留空（该行只印有 {len(cells)} 个数，各数按它印在哪一列读取）。",
                        key, place))
            return True
        if not certain and cells and not any(id(c) in self.loose for c in cells):
            # real cells of a table: their columns are known, the cells missing are at the end
            for idx, key in enumerate(keys):
                f = self.fmt.fields[key]
                if idx < len(cells):
                    self.store_one(f, cells[idx])
                else:
                    self.problems.append(ImportProblem(
                        f"没有找到“{f.label}”的数值（该行只有 {len(cells)} 个数）。", key, place))
            return True
        for idx, key in enumerate(keys):
            if idx in certain:
                self.store_one(self.fmt.fields[key], certain[idx])
                continue
            f = self.fmt.fields[key]
            why = ("该行按“法人或其他组织”合计印刷，未分列" if certain else
                   f"该行只印有 {sum(1 for c in cells if c.text.strip() or c.value is not None)} 个数（“{printed}”），"
                   f"应有 {len(keys)} 个，无法确定各数属于哪一列")
            self.problems.append(ImportProblem(f"“{f.label}”无法读取：{why}，已留空。", key, place))
        return bool(certain)

    def printed_columns(self, keys: tuple[str, ...], cells: list[Cell]) -> list[int] | None:
        """A short row of a PDF table without ruling lines: the column each of its numbers is
        printed in, told by the rows of the table printed in full; None when that is not certain."""
        if not cells or len(cells) >= len(keys) or any(c.x is None for c in cells):
            return None
        _specs, start, stop = self.order_of
        found = column_positions(self.rows[start:stop], len(keys))
        return None if found is None else by_position(cells, *found)

    def collapsed_group(self, keys: tuple[str, ...], cells: list[Cell], table: Table | None) -> dict[int, Cell]:
        """A matrix row printed with one column for a whole group of columns (法人或其他组织
        undivided): the columns outside the group are certain, the group's own are not."""
        if table is None or not table.col_ids or len(keys) != len(table.col_ids):
            return {}
        columns = table.value_columns
        groups = [c.group for c in columns]
        grouped = [k for k, g in enumerate(groups) if g]
        if not grouped or len(set(groups[k] for k in grouped)) != 1:
            return {}
        # only under a header (above the table's first row) that prints the group undivided
        header = [n for r in range(self.table_start, self.label_row) for n in self.norms[r] if n]
        group = norm(str(groups[grouped[0]]))
        subs = {norm(columns[k].label) for k in grouped}
        if not any(group in n for n in header) or any(s in n.replace(group, "") for n in header for s in subs):
            return {}
        before = grouped[0]
        after = len(keys) - grouped[-1] - 1
        if len(cells) != before + 1 + after:
            return {}
        numbers = [c.text.strip() for c in cells]
        if after and norm(columns[-1].label) in ("总计", "合计") and all(n.isascii() and n.isdigit() for n in numbers) \
                and sum(map(int, numbers[:-1])) != int(numbers[-1]):
            return {}  # the 总计 is not the sum: the numbers are some columns of a row with blank cells
        out = {k: cells[k] for k in range(before)}
        out.update({len(keys) - after + k: cells[before + 1 + k] for k in range(after)})
        return out

    def store_one(self, f: Field, cell: Cell) -> None:
        raw: object = cell.text if (value := cell.value) is None else value
        if f.kind == "count":
            if isinstance(raw, int) or (isinstance(raw, str) and raw.isascii() and raw.isdigit()):
                self.cells[f.key] = int(raw)  # the common case, without the general parser
                return
            if isinstance(raw, float) and raw.is_integer() and 0 <= raw <= MAX_COUNT:
                self.cells[f.key] = int(raw)  # a spreadsheet's whole number: what read_cell gives it
                return
        if isinstance(raw, str):
            raw = self.without_unit(f, raw, cell)
            if raw is None:
                return
        value = read_cell(raw, f.kind)
        if isinstance(value, Published):
            # what was printed is kept (and checked as an error), not dropped
            self.problems.append(ImportProblem(
                f"“{f.label}”印的是“{value.text}”（{value.reason}），已按原样保留，请核对。",
                f.key, f"{self.where} {cell.place}"))
        self.cells[f.key] = value
        if f.unit_key:
            self.cells[f.unit_key] = split_unit(cell.text)[1] or self.header_unit()

    def header_unit(self) -> str | None:
        """The unit a column header gives a bare amount: 采购总金额（万元）, 采购总金额(单位：元)."""
        for row in self.rows:
            for c in row.cells:
                m = _HEADER_UNIT.search(c.text.translate(TO_SIMPLIFIED))  # also a 繁体 page
                if m:
                    return m.group(1)
        return None

    def without_unit(self, f: Field, raw: str, cell: Cell) -> str | None:
        """'0.5万元' in a 万元 cell is 0.5; '5000元' there is a problem (not × 10000). A count printed
        with its measure word ('12件') is not the number the form asks for: it is kept as printed
        (read_cell makes it Published) and reported on its cell."""
        if f.kind == "amount":
            number, unit = split_unit(raw)
            if unit == "元":
                self.problems.append(ImportProblem(
                    f"“{f.label}”写的是“{raw.strip()}”，但此处单位为万元，请换算后填写；已留空。",
                    f.key, f"{self.where} {cell.place}"))
                return None
            return number if unit else raw
        return raw

    # ---- tables --------------------------------------------------------------------------

    def table(self, table: Table, start: int, stop: int) -> None:
        specs = row_specs(table)
        self.where = f"表{table.number}"
        # 总计 printed before 自然人: each row's numbers go to the columns its header names
        self.col_order = printed_order(self.rows, table, start, stop) if table.value_columns else None
        self.group_norms = _cell_norms(table, "group")
        self.table_start = start
        self.order_of = (specs, start, stop)  # worked out when a row needs it (numbers one per line)
        self._order = False
        cursor = start
        hits: list[Hit] = []
        for index, spec in enumerate(specs):
            if spec.label is None:
                self.unlabelled(table, spec, start, stop)
                continue
            n = len(spec.keys)
            hit = self.find_label(spec, cursor, stop)
            if hit is None and cursor > start:
                hit = self.find_label(spec, start, cursor)
            if hit is None:  # the label outside the table's part of the document
                hit = self.find_label(spec, 0, start) or self.find_label(spec, stop, len(self.rows))
            if hit is not None and self.labels_shared(specs, index, hit):
                hits.append(Hit(index, hit[0], hit[0], False))
                continue
            if hit is not None:
                i, j = hit
                self.span_first = i
                cells, last = self.values_after(i, j, n)
                if self.maybe_a_column(specs, index, i, cells, last):
                    hits.append(Hit(index, i, i, False))
                    continue
                if not _any_filled(cells):
                    # the label goes on over the next lines, its numbers after a later piece
                    more = self.find_wrapped(spec, i, i + 1, continued=True)
                    if more is not None and more[1]:
                        cells, last = self.take(more[1], n), more[2]
                    elif (under := self.numbers_under_headers(table, i, j, n)) is not None:
                        cells, last = under
            else:
                wrapped = self.find_wrapped(spec, cursor, stop) or (
                    self.find_wrapped(spec, start, cursor) if cursor > start else None)
                if wrapped is None:
                    self.missing += 1
                    self.not_found(spec.keys, f"没有找到“{spec.label}”这一行", table)
                    continue
                i, cells, last = wrapped
                cells = self.take(cells, n)
            self.found += 1
            self.label_row = min(self.label_row, i) if hits else i  # the header ends at the first row
            # cells printed blank are read (as blank); only a label with no cells after it is unfilled
            first_row = min(i, self.span_first) if hit is not None else i
            if cells and self.store(spec.keys, cells, self.rows[i].place, table):
                cursor = last + 1
                hits.append(Hit(index, first_row, last, True))
            else:
                hits.append(Hit(index, i, last, False))
        self.unplaced_rows = []  # said after each cell's own problem
        self.worded_rows(table, specs, hits, start, stop)
        self.fill_gaps(table, specs, hits)
        self.numbers_in_order(table, specs, hits, start, stop)
        self.group_rows(table, specs, hits)
        self.numbers_left_under(specs, hits)
        self.regions[table.id] = (start, stop)
        self.used_rows.update(r for h in hits for r in range(h.first, h.last + 1))
        named = {p.key for p in self.problems}
        for h in hits:  # a label found without its numbers: each cell named
            spec = specs[h.spec]
            if h.filled or any(self.cells.get(k) is not None or k in named for k in spec.keys):
                continue
            named.update(spec.keys)
            for key in spec.keys:
                self.problems.append(ImportProblem(
                    f"找到了“{spec.label}”这一行，但没有读到它的数值，“{self.fmt.fields[key].label}”留空。",
                    key, f"{self.where} {self.rows[h.first].place}"))
        self.problems.extend(self.unplaced_rows)

    def labels_shared(self, specs: list[RowSpec], index: int, hit: Position) -> bool:
        """Whether the label cell found also holds another row's label ("2.重复申请" over
        "3.要求提供公开出版物", "行政处罚" over "行政强制": the ruling line between two rows was
        not drawn, or not read).
        The numbers beside it cannot be told to either row: both rows stay empty and are named,
        with the numbers printed."""
        i, j = hit
        if hit in self.shared_cells:
            return True
        if self.norms[i][j] in specs[index].aliases:
            return False  # the cell is the label, nothing more (most cells)
        rows = _rows_in_cell(specs, self.rows[i].cells[j].text)
        if index not in rows or len(rows) < 2:
            return False
        self.shared_cells.add(hit)
        cells, _last = self.values_after(i, j, max(len(specs[k].keys) for k in rows))
        self.stored.update(id(c) for c in cells)
        shown = " ".join(c.text.strip() or str(c.value or "") for c in cells if c.text.strip() or c.value is not None)
        labels = "和".join(f"“{specs[k].label}”" for k in rows)
        numbers = f"其后印的数（“{shown}”）" if shown else "其后的数"
        for k in rows:
            self.clear_problems(specs[k].keys)
            for key in specs[k].keys:
                self.cells[key] = None
                self.problems.append(ImportProblem(
                    f"“{self.fmt.fields[key].label}”无法读取：{labels}印在同一格里（两行之间少了表格线），"
                    f"{numbers}不知属于哪一行，已留空，请对照原件填写。", key, f"{self.where} {self.rows[i].place}"))
        return True

    def maybe_a_column(self, specs: list[RowSpec], index: int, i: int, cells: list[Cell], last: int) -> bool:
        """Numbers one a line under a label whose line follows another row's label with no number
        between them (a PDF taken box by box prints the labels one after another, then a
        column's numbers): the run may be a column of the rows above, not this row. It is this
        row's only when the row adds up (its 总计 the sum of its parts); else every cell is named."""
        keys = specs[index].keys
        if (last == i and not self.rows[i].one_a_line) or len(cells) != len(keys) or len(keys) < 2:
            return False  # most rows: the numbers on the label's line, as printed there
        if any(c.x is not None or id(c) not in self.loose for c in cells):
            return False
        one_a_line = self.rows[i].one_a_line if last == i else all(
            len(self.rows[r].non_empty()) == 1 and not self.rows[r].is_table for r in range(i + 1, last + 1))
        if not one_a_line:
            return False  # a line's numbers (laid out, or a table's row) are the row's own
        if not self.row_sums(keys):
            return False  # a row with no sum to tell its own numbers by (table 2) is read as before
        if not self.label_above(specs, index, i) or self._adds_up(keys, cells):
            return False
        self.stored.update(id(c) for c in cells)
        self.column_rows.update(range(i + 1, last + 1))
        shown = " ".join(c.text.strip() for c in cells)
        for key in keys:
            self.problems.append(ImportProblem(
                f"“{self.fmt.fields[key].label}”无法读取：它上面一行的标签后没有数字，这一行下面的数字"
                f"（“{shown}”）可能是上面几行同一列的数（逐个文字框复制的 PDF 一列接一列印出），"
                "且不能相加成该行的总计，无法确定属于哪一格，已留空，请对照原件填写。",
                key, f"{self.where} {self.rows[i].place}"))
        return True

    def label_above(self, specs: list[RowSpec], index: int, i: int) -> bool:
        """Another row's label ends on the lines right above row i, with no number after it (its
        pieces over several lines: "4.保护第三" "方合法权益"; a group's label between them, as
        "（五）不予" "处理", is passed over)."""
        joined = ""
        k = i - 1
        while k >= 0 and k >= i - 12 and len(joined) < 60:
            filled = self.rows[k].non_empty()
            if not filled:
                k -= 1
                continue
            if len(filled) != 1 or not _is_text(filled[0]):
                return False
            joined = norm(filled[0].text) + joined
            if any(s.keys and k_ != index and cell_matches(joined, s.aliases) for k_, s in enumerate(specs)):
                return True
            if joined in self.group_norms:
                joined = ""  # the group's label, above the row's own
            k -= 1
        return False

    def _adds_up(self, keys: tuple[str, ...], cells: list[Cell], blank_as_zero: bool = False) -> bool:
        """The row's own sums (its 总计 the sum of its parts) hold for these numbers, read in the
        form's order: a row's own numbers do, a column's numbers of several rows hardly ever.
        `blank_as_zero`: a cell printed blank (—) counts as 0."""
        numbers: dict[str, int] = {}
        for key, cell in zip(keys, cells, strict=True):
            text = cell.text.strip()
            if text.isdigit() and text.isascii():
                numbers[key] = int(text)
            elif blank_as_zero and is_empty_mark(text):
                numbers[key] = 0
        sums = self.row_sums(keys)
        return bool(sums) and len(numbers) == len(keys) and all(
            sum(numbers[t] for t in terms) == numbers[key] for key, terms in sums)

    def row_sums(self, keys: tuple[str, ...]) -> list[tuple[str, tuple[str, ...]]]:
        """The sums within one row: a cell and the cells of the same row it adds up."""
        inside = set(keys)
        sums = []
        for key in keys:
            f = self.fmt.fields[key]
            for d in (f.derived, f.row_sum):
                if d is not None and d.terms and inside.issuperset(d.terms):
                    sums.append((key, d.terms))
        return sums

    def without_group_piece(self, text: str) -> str:
        """A line of a wrapped label with a piece of its group label before it, spaces apart
        ("他处   费通知要求缴纳费", "他处 费通知要求缴纳费"): the label's piece."""
        pieces = text.split()
        while len(pieces) > 1 and self.group_piece(pieces[0]):
            pieces = pieces[1:]
        return " ".join(pieces)

    def group_piece(self, text: str) -> bool:
        """A short piece of a label printed across several rows (（四）无法提供 → "无法", "提供")."""
        n = norm(text)
        return 0 < len(n) <= 6 and any(n in g for g in self.group_norms)

    def group_rows(self, table: Table, specs: list[RowSpec], hits: list[Hit]) -> None:
        """A group of rows printed as one row (（六）其他处理 with its numbers, the 2019 layout,
        in a 2021 report): all zeros make every row of the group zero; other numbers cannot be
        divided among the rows, which stay empty with a problem quoting the printed row."""
        filled = {h.spec for h in hits if h.filled}
        for group in _group_cells(table):
            label = group.text or ""
            members = [k for k, s in enumerate(specs) if group.row <= s.row < group.row + group.rowspan]
            if len(members) < 2 or any(k in filled for k in members):
                continue
            n = len(specs[members[0]].keys)
            if any(len(specs[k].keys) != n for k in members):
                continue
            hit = self.find_label(RowSpec(table.id, label, (), aliases(label)), 0, len(self.rows))
            if hit is None:
                continue
            cells, _last = self.values_after(hit[0], hit[1], n)
            printed = [c for c in cells if c.text.strip() or c.value is not None]
            if len(printed) != n:
                continue
            keys = [key for k in members for key in specs[k].keys]
            self.clear_problems(tuple(keys))
            shown = " ".join(c.text.strip() or str(c.value) for c in printed)
            if all((is_value_text(c.text) and c.text.strip() in ("0", "０")) or c.value == 0 for c in printed):
                for key in keys:
                    self.cells[key] = 0
                self.inferred.update(keys)
                self.problems.append(ImportProblem(
                    f"“{group.text}”只印了一行（{shown}），全部为 0，其下各行已按 0 导入。", keys[0],
                    f"{self.where} {self.rows[hit[0]].place}"))
                continue
            self.group_printed[label] = shown
            for key in keys:
                self.problems.append(ImportProblem(
                    f"“{self.fmt.fields[key].label}”无法读取：报告把“{group.text}”印成一行（{shown}），"
                    "无法分到其下各行，已留空。", key, f"{self.where} {self.rows[hit[0]].place}"))

    def worded_rows(self, table: Table, specs: list[RowSpec], hits: list[Hit], start: int, stop: int) -> None:
        """Rows not found by their label, printed in other words with their own number where
        they stand (（七）合计, between the rows found before and after): read, marked inferred
        and said, with both wordings."""
        have = {h.spec for h in hits}
        if all(s.label is None or k in have for k, s in enumerate(specs)):
            return  # every row found (most tables)
        found = sorted(hits, key=lambda h: h.spec)
        at = [h.spec for h in found]
        numbers = spec_numbers(specs)
        lone = lone_rows(table, specs)
        gaps: dict[tuple[int, int], list[int]] = {}
        for k, spec in enumerate(specs):
            if spec.label is None or k in have or (k not in numbers and k not in lone.groups):
                continue
            n_before = bisect_left(at, k)  # the rows found before k (k itself is not found)
            lo = found[n_before - 1].last + 1 if n_before else start
            hi = found[n_before].first if n_before < len(found) else stop
            if lo < hi:
                gaps.setdefault((lo, hi), []).append(k)
        if not gaps:
            return
        taken = {r for h in hits for r in range(h.first, h.last + 1)} | self.used_rows | {
            i for i, _j in self.shared_cells}
        for (lo, hi), gap in gaps.items():
            wanted = {numbers[k] for k in gap if k in numbers}
            label_of = functools.partial(self.other_label, specs, taken=taken, wanted=wanted)
            for k, r in rows_by_number(specs, gap, numbers, range(lo, hi), label_of):
                self.read_worded(table, specs[k], k, r, hits, "它的编号")
            for k in gap:
                group = lone.groups.get(k)
                if group is None or k in numbers or any(h.spec == k for h in hits):
                    continue
                row = self.lone_row(specs, k, group, lone, range(lo, hi), taken)
                if row is not None:
                    self.read_worded(table, specs[k], k, row, hits, f"它所在的“{self.group_printed_as(group, lo, hi)}”")

    def read_worded(self, table: Table, spec: RowSpec, k: int, r: int, hits: list[Hit], known_by: str) -> None:
        """Row r, its label in other words, read as spec's row (known by its number or its group)."""
        j = max(m for m, c in enumerate(self.rows[r].cells) if _is_text(c))
        cells, last = self.values_after(r, j, len(spec.keys))
        if any(_is_text(c) for c in cells) or not _any_filled(cells):
            return  # no numbers of its own: a heading or a note with a number, not a row
        printed = " ".join(self.rows[r].cells[j].text.split())
        self.clear_problems(spec.keys)
        stored = self.store(spec.keys, cells, self.rows[r].place, table)
        self.inferred.update(key for key in spec.keys if self.cells.get(key) is not None)
        hits.append(Hit(k, r, last, stored))
        self.problems.append(ImportProblem(
            f"“{printed}”这一行与官方格式的“{spec.label}”措辞不同，已按{known_by}作为这一行导入，请核对。",
            spec.keys[0], f"{self.where} {self.rows[r].place}"))

    def lone_row(self, specs: list[RowSpec], k: int, group: str, lone: LoneRows, lines: range,
                 taken: set[int]) -> int | None:
        """The one line under the printed label of `group`, before the next group's label, whose
        label is no text of the form's and has numbers after it: the group's only row, worded
        otherwise (行政许可事项 under 第二十条第（五）项); None when there is not exactly one."""
        start = next((r for r in lines if group in self.norms[r]), None)
        if start is None:
            return None
        found: list[int] = []
        for r in range(start + 1, lines.stop):
            texts = [m for m, c in enumerate(self.rows[r].cells) if _is_text(c)]
            if not texts:
                continue
            n = self.norms[r][texts[-1]]
            if any(w in lone.group_words for w in self.norms[r] if w):
                break  # the next group's label: the lines after it are its rows
            if r in taken or n in lone.texts or any(ch.isdigit() for ch in n) or self.form_label(n, specs):
                continue  # the form's words, or numbers a reader ran into a label (no wording)
            cells, _last = self.values_after(r, texts[-1], len(specs[k].keys))  # on its line, or the next
            if not any(_is_text(c) for c in cells) and _any_filled(cells):
                found.append(r)
        return found[0] if len(found) == 1 else None

    def group_printed_as(self, group: str, lo: int, hi: int) -> str:
        """The group's label as the document prints it (第二十条第（五）项)."""
        for r in range(lo, hi):
            for m, n in enumerate(self.norms[r]):
                if n == group:
                    return " ".join(self.rows[r].cells[m].text.split())
        return group

    def other_label(self, specs: list[RowSpec], r: int, taken: set[int], wanted: set[str]) -> str | None:
        """The words of row r's label when they begin with one of the `wanted` numbers and are
        no label of the form's (a row in other words), else None."""
        if r in taken:
            return None
        norms = self.norms[r]
        last = next((m for m in range(len(norms) - 1, -1, -1) if _is_text(self.rows[r].cells[m])), None)
        n = norms[last] if last is not None else ""
        if not n or n[0] not in NUMBER_STARTS or row_number(n) not in wanted:
            return None  # most rows: no such number first
        return None if self.form_label(n, specs) else n

    def form_label(self, n: str, specs: list[RowSpec]) -> bool:
        """Words that are a label of the form's (some format's row, this table's group, a row
        of the table as cell_matches reads it): no row in other words."""
        return n in self.index.known or n in self.group_norms or any(
            cell_matches(n, s.aliases) for s in specs if s.aliases)

    def fill_gaps(self, table: Table, specs: list[RowSpec], hits: list[Hit]) -> None:
        """Rows whose numbers stand apart from their labels (a PDF table copied as text): between
        two rows read by their label, the numbers left over are the rows in between, in the
        form's order, when they are exactly as many as those rows need. Otherwise they stay
        empty (their problems are already recorded)."""
        filled = sorted((h for h in hits if h.filled), key=lambda h: h.spec)
        have = {h.spec for h in hits}
        unfilled = {h.spec for h in hits if not h.filled} | {
            k for k, s in enumerate(specs) if s.label is not None and k not in have}
        used = ({r for h in filled for r in range(h.first, h.last + 1)} | {i for i, _j in self.shared_cells}
                | self.column_rows)
        for a, b in itertools.pairwise(filled):
            lo, hi = a.last + 1, b.first
            between = range(a.spec + 1, b.spec)
            gap = [k for k in between if k in unfilled]
            if not gap or len(gap) != len(between) or hi <= lo:
                continue
            rows = [r for r in range(lo, hi) if r not in used]
            value_rows = [[c for c in self.rows[r].cells if c.text.strip() or c.value is not None] for r in rows
                          if not any(_is_text(c) for c in self.rows[r].cells)]
            value_rows = [v for v in value_rows if v]
            widths = [len(specs[k].keys) for k in gap]
            chunks: list[list[Cell]] | None = None
            wide = [v for v in value_rows if len(v) > 1]
            if wide and len(wide) == len(gap) and all(len(v) == w for v, w in zip(wide, widths, strict=True)):
                chunks = wide
            else:
                flat = [c for v in value_rows for c in v]
                if len(flat) == sum(widths):
                    chunks, at = [], 0
                    for w in widths:
                        chunks.append(flat[at:at + w])
                        at += w
            if chunks is None:
                self.unplaced(specs, gap, rows, found={h.spec for h in hits})
                continue
            self.gap_rows.update(rows)
            for k, cells in zip(gap, chunks, strict=True):
                spec = specs[k]
                self.clear_problems(spec.keys)
                self.store(spec.keys, cells, cells[0].place, table)
                self.inferred.update(spec.keys)
            labels = "、".join(f"“{specs[k].label}”" for k in gap)
            self.problems.append(ImportProblem(
                f"{labels}的数值与标签分开印刷，已按表格行的顺序读取（前后两行的数值都按标签找到，"
                "中间剩下的数值个数正好对应这几行），请核对。", specs[gap[0]].keys[0], self.where))

    def numbers_in_order(self, table: Table, specs: list[RowSpec], hits: list[Hit], start: int, stop: int) -> None:
        """Text copied out of a PDF whose labels moved away from their numbers (see
        numbers_in_order): every label found in the table, its numbers exactly the table's
        cells, every number already read where that order puts it, and each row not read adding
        up (its 总计 the sum of its parts): those rows are read in that order, marked inferred
        and said. A table whose rows have no sums (表二) is not read this way."""
        if any(s.label is None for s in specs):
            return  # table 4's rows have no label
        unread = [k for k, s in enumerate(specs) if all(self.cells.get(key) is None for key in s.keys)]
        if not unread:
            return  # every row has a value read by its label: none is left to read in order
        first = self.rows[start] if start < len(self.rows) else None
        if first is None or (first.is_table and not first.spaced):
            return  # a real table's cells: their columns are known (numbers_in_lines says None)
        found = {h.spec for h in hits if start <= h.first < stop}
        printed: dict[int, int] = {}
        for k in (k for k in range(len(specs)) if k not in found):
            at = self.label_printed(specs[k], start, stop)
            if at is None:
                return  # a row not printed: the numbers' order would not say which row is which
            printed[k] = at
        cells = numbers_in_lines(self.rows, start, stop, self.piece_and_numbers)
        chunks = cut(cells, [len(s.keys) for s in specs]) if cells else None
        if chunks is None:
            return
        probe = Extractor([], self.fmt, [], self.index)
        for spec, chunk in zip(specs, chunks, strict=True):
            for key, cell in zip(spec.keys, chunk, strict=True):
                probe.store_one(self.fmt.fields[key], cell)
                if self.cells.get(key) is not None and self.cells[key] != probe.cells[key]:
                    return  # a row read by its label says otherwise
        if not all(self._adds_up(specs[k].keys, chunks[k], blank_as_zero=True) for k in unread):
            return  # numbers read down the columns (pdfminer's order) break the rows' own sums
        for k in unread:
            spec = specs[k]
            self.clear_problems(spec.keys)
            self.unplaced_rows[:] = [p for p in self.unplaced_rows if p.key not in spec.keys]
            self.store(spec.keys, chunks[k], chunks[k][0].place, table)
            self.inferred.update(spec.keys)
        self.gap_rows.update(r for r in range(start, stop) if not any(_is_text(c) for c in self.rows[r].cells))
        for h in hits:
            h.filled = h.filled or h.spec in unread
        hits.extend(Hit(k, at, at, True) for k, at in printed.items())
        self.found += len(printed)
        self.missing -= len(printed)
        labels = "、".join(f"“{specs[k].label}”" for k in unread[:3])
        labels += f"等 {len(unread)} 行" if len(unread) > 3 else ""
        self.problems.append(ImportProblem(
            f"{labels}的标签与数值在原件的文字中次序错乱（有的标签印在数值之后或别行的数值之间），而表中的数值共 "
            f"{len(cells or [])} 个，正好是这张表 {len(specs)} 行的格数，按标签读到的各行也都与这个次序一致，"
            "已按表格行的顺序读取，请核对。", specs[unread[0]].keys[0], self.where))

    def label_printed(self, spec: RowSpec, start: int, stop: int) -> int | None:
        """The line in rows start..stop-1 where the row's label begins when it is printed over
        several lines with numbers beside its pieces that were not read as its own ("（四）无
        1、本机关不掌握相 0", "法提供 关政府信息"); None when it is not there."""
        for i, j in self.index.wrapped_starts(start, stop):
            piece, _lead = self.piece_and_numbers(self.rows[i].cells[j])
            begun = _start_of(norm(self.without_group_piece(piece)), spec)
            if begun is not None and self.label_end(spec, begun, i + 1) is not None:
                return i
        return None

    def numbers_left_under(self, specs: list[RowSpec], hits: list[Hit]) -> None:
        """Text copied out of a PDF (no positions): under a row read by its label, before the next
        label, numbers no row took, at most half a row's worth ("３００ ５３ … ３１１", then
        "开申请数量 １ ９"): digits its narrow columns wrapped (3001 as "３００" over "１"). Which
        cell each belongs to cannot be told, so the row's cells are left empty and named, not
        read as 300 with the "１" dropped."""
        if self.order in ("before", "mixed"):
            return  # the numbers under a row may be the next row's, printed before its label
        hits = [h for h in hits if not _own_cells(self.rows[h.last])]
        if not hits:
            return  # rows of a real table (a sheet, Word, a web page): each number in its own cell
        taken = {r for h in hits for r in range(h.first, h.last + 1)} | self.gap_rows
        by_first = sorted(hits, key=lambda h: h.first)
        for h in hits:
            keys = specs[h.spec].keys
            if not h.filled or len(keys) < 2 or any(c.x is not None for c in self.rows[h.last].cells):
                continue
            after = next((g for g in by_first if g.first > h.last), None)
            if after is not None and not after.filled:
                continue  # the numbers may be the next row's, printed before its label: that row is named
            stop = min(after.first if after else len(self.rows), h.last + 40)
            stray: list[str] = []
            # every number up to the next row read, or the next line that starts a label: as many
            # as a row or more are a row whose label was not made out (named already)
            for r in range(h.last + 1, stop):
                row = self.rows[r]
                texts = [c for c in row.cells if _is_text(c)]
                if r in taken or any(c.x is not None for c in row.cells) or any(
                        _label_starts(norm(c.text)) or norm(c.text) in self.index.known for c in texts
                ) or self.numbering_next(r):
                    break
                stray += [c.text.strip() for c in row.cells
                          if not _is_text(c) and _NUMBER.match(c.text.strip()) and id(c) not in self.stored]
            if not 0 < len(stray) <= len(keys) // 2:  # more are another row's numbers (its label not made out)
                continue
            shown = " ".join(stray)
            self.clear_problems(keys)
            for key in keys:
                self.cells[key] = None
                self.problems.append(ImportProblem(
                    f"“{self.fmt.fields[key].label}”无法读取：该行的数值下面另有数字“{shown}”，可能是窄栏里折行的"
                    "数字（如“300”下面的“1”），无法确定各数属于哪一格，已留空，请对照原件填写。",
                    key, f"{self.where} {self.rows[h.first].place}"))

    def numbering_next(self, r: int) -> bool:
        """Row r is a number alone with "." or "、" starting the next line: a label's numbering."""
        nxt = self.rows[r + 1].non_empty() if r + 1 < len(self.rows) else []
        return len(self.rows[r].non_empty()) == 1 and bool(nxt) and nxt[0].text.lstrip().startswith(NUMBERING_MARKS)

    def unplaced(self, specs: list[RowSpec], gap: list[int], rows: list[int], found: set[int] | None = None) -> None:
        """Rows with numbers printed where rows not found (or `found` without their numbers)
        should be (a label misread by OCR, "2.重复中请 147 1 0 …"): not placed, but quoted, so
        nothing printed goes unsaid."""
        printed = [r for r in rows if any((is_value_text(c.text) and c.text.strip()) or c.value is not None
                                          for c in self.rows[r].cells)]
        if not printed:
            return
        shown = "；".join(" ".join(c.text.strip() or str(c.value or "") for c in self.rows[r].cells
                                  if c.text.strip() or c.value is not None) for r in printed)
        shown = shown if len(shown) <= 200 else shown[:200] + "……"
        labels = "、".join(f"“{specs[k].label}”" for k in gap)
        # rows found by their label but without numbers are said so, not said to be missing
        missing = f"没有读到{labels}的数值" if found and any(k in found for k in gap) else f"没有找到{labels}"
        self.unplaced_rows.append(ImportProblem(
            f"{missing}；在{'它们' if len(gap) > 1 else '它'}的位置印有“{shown}”，无法确定属于哪一行，"
            "未读入，请对照原件填写。",
            specs[gap[0]].keys[0], f"{self.where} {self.rows[printed[0]].place}"))

    def clear_problems(self, keys: tuple[str, ...]) -> None:
        wanted = set(keys)
        self.problems[:] = [p for p in self.problems if p.key not in wanted]

    def unlabelled(self, table: Table, spec: RowSpec, start: int, stop: int) -> None:
        """Table 4: one row of numbers under its header rows (or a row per group)."""
        grouped = read_grouped(self.rows, {k: self.fmt.fields[k].label for k in spec.keys}, start, stop)
        if grouped is not None:  # 行政复议 and 行政诉讼 as two tables, or a row per group
            self.found += 1
            for key, cell in grouped[0].items():
                self.store_one(self.fmt.fields[key], cell)
            self.used_rows.update(grouped[1])
            return
        headers = _cell_norms(table, "long header")
        seen_header = False
        header_row = False  # a row of the table's own headers, not the heading above it
        for i in range(start, stop):
            cells = self.rows[i].cells
            if any(_is_text(c) for c in cells):
                header_like = any(h in n for n in self.norms[i] for h in headers)
                seen_header = seen_header or header_like
                header_row = header_row or (header_like and len(self.rows[i].non_empty()) >= 2)
                numbers = sum(1 for c in cells if (c.text.strip() or c.value is not None) and not _is_text(c))
                if header_like or not seen_header or numbers < max(2, len(spec.keys) // 2):
                    continue
                # the value row with a word typed into a cell (若干): that cell is reported, not the row
            filled = _any_filled(cells)
            # a row printed wholly blank is the value row only under the headers: a converter
            # writes an empty row above a table that has no header row of its own
            if seen_header and (filled or (header_row and len(cells) >= len(spec.keys))):
                if not self.columns_printed(table, start, i) and self.columns_printed(table, i + 1, stop):
                    # no column header above these numbers, but below them (a copy that set each
                    # box apart: table 3's last numbers after table 4's heading): not its row
                    continue
                self.found += 1
                n = len(spec.keys)
                if len(cells) > 1 and (not self.rows[i].spaced or any(c.x is not None for c in cells)):
                    values, last = self.take(cells, n), i
                else:
                    # text copied out of a PDF: the whole run of lines of numbers alone is the row, as
                    # printed; more numbers than columns (a number its narrow column wrapped, "17" "8")
                    # are not cut to size: store names every cell
                    values, last = self.gather(i, n, whole=True)
                    if len(values) < n and (zeros := self.zeros_in_lines(i, stop, n)) is not None:
                        values, last = zeros
                if last + 1 < stop and (wrapped := self.wrapped_below(values, self.rows[last + 1])) is not None:
                    values, last = wrapped, last + 1
                self.used_rows.update(range(i, last + 1))  # the text after the table starts below them
                if self.store(spec.keys, values, self.rows[i].place) and not self.columns_printed(table, start, i):
                    self.headerless(table, spec, values, self.rows[i].place)
                return
        if self.transposed(spec, start, stop):
            self.found += 1
            return
        self.missing += 1
        self.not_found(spec.keys, f"没有找到{table.heading}的数值行", table)

    def zeros_in_lines(self, i: int, stop: int, n: int) -> tuple[list[Cell], int] | None:
        """A value row copied out of a PDF in pieces among its header's pieces (pdftotext's
        order: "0 0 0 0 0", "复议后起诉", "结果 结果 其他 尚未", …, "总计", "0"): when the lines
        from i hold exactly the row's n numbers and every one is 0, each cell is 0 whichever
        number is whose. Returns the numbers and the last line holding one; None otherwise."""
        cells = numbers_in_lines(self.rows, i, stop, self.piece_and_numbers)
        if not cells or len(cells) != n or not all(_is_zero(c) for c in cells):
            return None
        last = max(r for r in range(i, stop) if numbers_in_lines(self.rows, r, r + 1, self.piece_and_numbers))
        return cells, last

    def wrapped_below(self, values: list[Cell], below: Row) -> list[Cell] | None:
        """A PDF table without ruling lines whose narrow columns wrapped some numbers (17 over
        8): a line of numbers alone right under the value row, each where a number of that row
        stands. Those numbers are what was printed in the cells above ("17\n8", read as
        printed and named, as a ruled table's cell is), not a row to drop."""
        pieces = below.non_empty()
        if not pieces or len(pieces) >= len(values) or any(c.x is None or not is_value_text(c.text) for c in pieces):
            return None
        above = {k: v.x for k, v in enumerate(values) if v.x is not None and v.text.strip()}
        joined = list(values)
        for piece in pieces:
            assert piece.x is not None
            k = next((k for k, x in above.items() if abs(x - piece.x) <= WRAP_ALIGN_POINTS), None)
            if k is None:
                return None
            v = joined[k]
            joined[k] = Cell(f"{v.text}\n{piece.text}", v.place, None, v.x)
            del above[k]
        return joined

    def columns_printed(self, table: Table, start: int, stop: int) -> bool:
        """The rows above the value row print the table's own column headers (结果维持 …, 未经复议
        直接起诉), whole or broken ("结果 结果 其他 尚未"), not only the names of its groups."""
        words = _cell_norms(table, "header end")
        return any(w in n for r in range(start, stop) for n in self.norms[r] for w in words if n)

    def headerless(self, table: Table, spec: RowSpec, values: list[Cell], place: str) -> None:
        """A converter that dropped the column headers (only "行政复议行政诉讼" left above a bare
        row of numbers): the row is read in the form's column order, marked inferred and said."""
        shown = " ".join(c.text.strip() or "（空）" for c in values)
        self.inferred.update(k for k in spec.keys if self.cells.get(k) is not None)
        self.problems.append(ImportProblem(
            f"{table.heading}没有印出各列的表头（结果维持、结果纠正……），只有一行数字（“{shown}”），"
            "已按官方表格的列序读取，请核对。", spec.keys[0], f"{self.where} {place}"))

    def transposed(self, spec: RowSpec, start: int, stop: int) -> bool:
        """Table 4 printed as a grid: a row per result (结果维持 … 总计), a column per top group
        (行政复议, 行政诉讼). A group column the form divides further (行政诉讼 into 未经复议直接起诉
        and 复议后起诉) gives only what is certain: 0 is 0 in every part; any other number is not
        divided, and its cells are named in a problem."""
        parts = {k: self.fmt.fields[k].label.split(" · ") for k in spec.keys}
        groups = list(dict.fromkeys(p[0] for p in parts.values()))
        leaves = list(dict.fromkeys(p[-1] for p in parts.values()))
        if len(groups) < 2 or len(parts[spec.keys[0]]) < 2:
            return False
        order: list[str] | None = None
        stored = 0
        for i in range(start, stop):
            filled = [c for c in self.rows[i].cells if c.text.strip() or c.value is not None]
            names = [norm(c.text) for c in filled]
            if order is None:
                if sum(1 for g in groups if norm(g) in names) >= 2:
                    order = [g for n in names for g in groups if norm(g) == n]
                continue
            if not names:
                continue
            leaf = next((lf for lf in leaves if cell_matches(names[0], aliases(lf))), None)
            values = filled[1:]
            if leaf is None or len(values) != len(order) or any(_is_text(c) for c in values):
                continue
            for group, cell in zip(order, values, strict=True):
                keys = [k for k, p in parts.items() if p[0] == group and p[-1] == leaf]
                if len(keys) == 1:
                    self.store_one(self.fmt.fields[keys[0]], cell)
                elif cell.text.strip() in ("0", "０") or cell.value == 0:
                    for k in keys:
                        self.cells[k] = 0  # a count of 0 is 0 in each of its parts
                else:
                    for k in keys:
                        self.problems.append(ImportProblem(
                            f"“{self.fmt.fields[k].label}”无法读取：报告只印了“{group} · {leaf}”的合计"
                            f"（{cell.text.strip()}），没有分列，已留空。", k, f"{self.where} {self.rows[i].place}"))
            stored += 1
        return stored >= 3

    def not_found(self, keys: tuple[str, ...], reason: str, table: Table) -> None:
        """One problem per cell: each key the clerk must fill in is listed."""
        heading, fields = table.heading, self.fmt.fields
        self.problems += [ImportProblem(f"{reason}，“{fields[key].label}”留空。", key, heading) for key in keys]
