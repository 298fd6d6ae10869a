"""The one label-driven extractor: finds each official table row by its label in the
neutral rows and reads the numbers that follow, as many as the format description says."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from govopen_desktop.domain.errors import ValueInputError
from govopen_desktop.domain.formats import Field, ReportFormat, Table
from govopen_desktop.domain.values import Value, is_empty_mark, parse_value, split_unit
from govopen_desktop.io.importers.labels import aliases, cell_matches, norm
from govopen_desktop.io.importers.neutral import Cell, Row
from govopen_desktop.io.importers.problems import ImportProblem


@dataclass(frozen=True)
class RowSpec:
    """A row of an official table that holds values: its leaf label and its value keys."""

    table: str
    label: str | None  # None for table 4's single unlabelled row
    keys: tuple[str, ...]
    aliases: tuple[str, ...]


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
        specs.append(RowSpec(table.id, leaf, tuple(c.key for c in values if c.key),
                             aliases(leaf) if leaf else ()))
    return specs


_COUNT_WORD = re.compile(r"^\s*([+\-－]?[\d,，.]+)\s*(?:件|个|条|项|次|宗|起|家)\s*$")


def is_value_text(text: str) -> bool:
    """A cell that reads as a number, a number with its unit, or an empty mark."""
    if is_empty_mark(text):
        return True
    m = _COUNT_WORD.match(text)
    number, _unit = split_unit(m.group(1) if m else text)
    number = number.replace(",", "").replace("+", "", 1)
    if number.startswith("-"):
        number = number[1:]
    return number.replace(".", "", 1).isdigit()


def _is_text(cell: Cell) -> bool:
    return bool(cell.text.strip()) and cell.value is None and not is_value_text(cell.text)


class Extractor:
    def __init__(self, rows: list[Row], fmt: ReportFormat, problems: list[ImportProblem]) -> None:
        self.rows = rows
        self.fmt = fmt
        self.problems = problems
        self.norms = [[norm(c.text) if c.text.strip() else "" for c in r.cells] for r in rows]
        self.cells: dict[str, Value] = dict.fromkeys(fmt.keys)
        self.found = 0  # value rows found by their label
        self.missing = 0  # value rows not found
        self.where = ""  # "表三": prefixed to every place

    # ---- finding -------------------------------------------------------------------------

    def find_label(self, spec: RowSpec, start: int, stop: int) -> tuple[int, int] | None:
        for i in range(start, stop):
            for j, n in enumerate(self.norms[i]):
                if n and cell_matches(n, spec.aliases):
                    return i, j
        return None

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
        return cells[:n]

    def values_after(self, i: int, j: int, n: int) -> tuple[list[Cell], int]:
        """Cells after the label; a row whose numbers were pushed onto the next line (a label
        broken across lines) reads them from there. Returns the cells and the last row used."""
        after = self.rows[i].cells[j + 1 :]
        if not any(c.text.strip() or c.value is not None for c in after) and i + 1 < len(self.rows):
            nxt = self.rows[i + 1].cells
            if any(c.text.strip() for c in nxt) and not any(_is_text(c) for c in nxt):
                if after or len(nxt) > 1:
                    return self.take(nxt, n), i + 1
                return self.gather(i + 1, n)  # the label alone on its line: one number per line
        return self.take(after, n), i

    def gather(self, i: int, n: int) -> tuple[list[Cell], int]:
        """Numbers one per line (a table copied out of a PDF): the value-only rows from row i,
        up to n numbers. Returns the cells and the last row used."""
        cells: list[Cell] = []
        last = i
        while last < len(self.rows) and len(cells) < n:
            row = self.rows[last].cells
            if any(_is_text(c) for c in row) or not any(c.text.strip() for c in row):
                break
            cells.extend(c for c in row if c.text.strip() or c.value is not None)
            last += 1
        return cells[:n], last - 1

    def store(self, keys: tuple[str, ...], cells: list[Cell], where: str) -> None:
        for idx, key in enumerate(keys):
            f = self.fmt.fields[key]
            if idx >= len(cells):
                self.problems.append(ImportProblem(
                    f"没有找到“{f.label}”的数值（该行只有 {len(cells)} 个数）。", key, f"{self.where} {where}"))
                continue
            self.store_one(f, cells[idx])

    def store_one(self, f: Field, cell: Cell) -> None:
        raw: object = cell.value if cell.value is not None else cell.text
        if f.kind == "count" and (isinstance(raw, int) or (isinstance(raw, str) and raw.isascii() and raw.isdigit())):
            self.cells[f.key] = int(raw)  # the common case, without the general parser
            return
        if isinstance(raw, str):
            raw = self.without_unit(f, raw, cell)
            if raw is None:
                return
        try:
            value = parse_value(raw, f.kind, f.label)  # type: ignore[arg-type]
        except ValueInputError:
            shown = cell.text.strip() or str(cell.value)
            self.problems.append(ImportProblem(
                f"“{f.label}”的内容“{shown}”不是有效的数值，已留空。", f.key, f"{self.where} {cell.place}"))
            return
        self.cells[f.key] = value
        if f.unit_key:
            self.cells[f.unit_key] = split_unit(cell.text)[1]

    def without_unit(self, f: Field, raw: str, cell: Cell) -> str | None:
        """'3件' is 3; '0.5万元' in a 万元 cell is 0.5; '5000元' there is a problem (not × 10000)."""
        if f.kind in ("count", "signed_count"):
            m = _COUNT_WORD.match(raw)
            return m.group(1) if m else raw
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
        cursor = start
        for spec in specs:
            if spec.label is None:
                self.unlabelled(table, spec, start, stop)
                continue
            n = len(spec.keys)
            hit = self.find_label(spec, cursor, stop) or self.find_label(spec, start, stop)
            if hit is None:
                hit = self.find_label(spec, 0, len(self.rows))
            if hit is None:
                self.missing += 1
                self.not_found(spec.keys, f"没有找到“{spec.label}”这一行", table)
                continue
            i, j = hit
            self.found += 1
            cells, last = self.values_after(i, j, n)
            self.store(spec.keys, cells, self.rows[i].place)
            cursor = last + 1

    def unlabelled(self, table: Table, spec: RowSpec, start: int, stop: int) -> None:
        """Table 4: one row of numbers under its header rows."""
        headers = {norm(c.text) for c in table.cells if c.role == "header" and c.text and len(norm(c.text)) >= 4}
        seen_header = False
        for i in range(start, stop):
            cells = self.rows[i].cells
            if any(_is_text(c) for c in cells):
                header_like = any(h in n for n in self.norms[i] for h in headers)
                seen_header = seen_header or header_like
                numbers = sum(1 for c in cells if (c.text.strip() or c.value is not None) and not _is_text(c))
                if header_like or not seen_header or numbers < max(2, len(spec.keys) // 2):
                    continue
                # the value row with a word typed into a cell (若干): that cell is reported, not the row
            filled = any(c.text.strip() or c.value is not None for c in cells)
            if seen_header and (filled or len(cells) >= len(spec.keys)):
                self.found += 1
                n = len(spec.keys)
                values = self.take(cells, n) if len(cells) > 1 else self.gather(i, n)[0]
                self.store(spec.keys, values, self.rows[i].place)
                return
        self.missing += 1
        self.not_found(spec.keys, f"没有找到{table.full_title}的数值行", table)

    def not_found(self, keys: tuple[str, ...], reason: str, table: Table) -> None:
        """One problem per cell: each key the clerk must fill in is listed."""
        for key in keys:
            label = self.fmt.fields[key].label
            self.problems.append(ImportProblem(f"{reason}，“{label}”留空。", key, table.full_title))
