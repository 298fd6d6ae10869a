"""What an import works out from a table of a loaded format, kept for the next import."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

from govopen_desktop.domain.formats import Table

V = TypeVar("V")


class PerTable(Generic[V]):
    """Values worked out once per table (and an optional key): kept by the table's identity,
    since hashing a whole table would cost more than the work, and checked against it, so a
    format loaded anew (tests, another formats folder) is worked out anew."""

    def __init__(self) -> None:
        self._kept: dict[tuple[int, Hashable], tuple[Table, V]] = {}

    def get(self, table: Table, compute: Callable[[], V], key: Hashable = None) -> V:
        kept = self._kept.get((id(table), key))
        if kept is None or kept[0] is not table:
            kept = self._kept[(id(table), key)] = table, compute()
        return kept[1]
