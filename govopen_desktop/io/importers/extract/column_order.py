"""The order a matrix table's columns are printed in, as its header says: an office that puts
总计 before 自然人 prints its numbers in that order, and they are read by the header over
them, not by the official position."""

from __future__ import annotations

from govopen_desktop.domain.formats import Table
from govopen_desktop.io.importers.labels import norm
from govopen_desktop.io.importers.neutral import Row
from govopen_desktop.io.importers.official_rows import is_value_text

HEADER_ROWS = 8  # the header of table 3 is its first few rows


def printed_order(rows: list[Row], table: Table, start: int, stop: int) -> tuple[int, ...] | None:
    """For each printed value column, the official column it is (by index), when a header row
    names the table's top-level columns (自然人 / 法人或其他组织 / 总计) each once, all of them,
    in another order than the official one; else None (the official order holds)."""
    units: list[str] = []  # top-level column names, official order
    columns: dict[str, list[int]] = {}
    for idx, col in enumerate(table.value_columns):
        unit = norm(col.group or col.label)
        if unit not in columns:
            units.append(unit)
            columns[unit] = []
        columns[unit].append(idx)
    if len(units) < 2:
        return None
    seen = 0
    for i in range(start, stop):
        texts = [norm(c.text) for c in rows[i].cells if c.text.strip()]
        if not texts:
            continue
        if any(is_value_text(t) for t in texts):
            return None  # the value rows began: the header said nothing else
        seen += 1
        if seen > HEADER_ROWS:
            return None
        named = [t for t in texts if t in columns]
        if len(named) < 2:
            named = _named_in_line("".join(texts), units)
        if len(named) < 2:
            continue
        if sorted(named) != sorted(units) or len(set(named)) != len(named):
            return None  # not every top-level column, or one twice: no order to read
        if named == units:
            return None
        return tuple(idx for unit in named for idx in columns[unit])
    return None


def _named_in_line(text: str, units: list[str]) -> list[str]:
    """The top-level column names in a header line read as one piece of text ("总计  自然人
    法人或其他组织": a PDF or a copy whose narrow header columns stand close), in the order
    they are printed; a name found twice, or inside another name, reads nothing."""
    if any(a != b and a in b for a in units for b in units):
        return []
    found: list[tuple[int, str]] = []
    for unit in units:
        if text.count(unit) > 1:
            return []
        at = text.find(unit)
        if at >= 0:
            found.append((at, unit))
    return [unit for _, unit in sorted(found)]
