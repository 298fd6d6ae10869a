"""The extractor finds labels through a per-document index (LabelIndex) instead of scanning every
cell for every label: on every import file the tests and ../shared have, each look-up the import
makes, and every format's labels over many ranges, give the very cell the cell-by-cell scan gives."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest

from govopen_desktop.domain.formats import available_formats, load_format
from govopen_desktop.io.importers import ImportFailed, import_file
from govopen_desktop.io.importers.extract.tables import LabelIndex
from govopen_desktop.io.importers.labels import aliases
from govopen_desktop.io.importers.neutral import Row
from govopen_desktop.io.importers.official_rows import row_specs
from tests.support.paths import SHARED, TEST_DATA

_SKIP = {".json", ".py", ".md"}
FILES = sorted(p for folder in (TEST_DATA, SHARED / "seeds", SHARED / "real-reports") if folder.is_dir()
               for p in folder.rglob("*") if p.is_file() and p.suffix not in _SKIP)


def _every_label() -> list[tuple[str, ...]]:
    out: set[tuple[str, ...]] = set()
    for fid in available_formats():
        for table in load_format(fid).tables:
            out.update(spec.aliases for spec in row_specs(table) if spec.aliases)
            out.update(aliases(c.text) for c in table.cells if c.text)  # also headers: not indexed
    return sorted(out)


def test_there_are_files_of_each_kind() -> None:
    assert {".txt", ".docx", ".xls", ".xlsx", ".html"} <= {p.suffix for p in FILES}


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_every_label_look_up_is_what_a_scan_finds(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    indexes: list[LabelIndex] = []
    looked_up = 0
    first, init = LabelIndex.first, LabelIndex.__init__

    def keep(self: LabelIndex, rows: list[Row]) -> None:
        init(self, rows)
        indexes.append(self)

    def checked(self: LabelIndex, label_aliases: tuple[str, ...], start: int, stop: int) -> tuple[int, int] | None:
        nonlocal looked_up
        got = first(self, label_aliases, start, stop)
        assert got == self.scan(label_aliases, start, stop), (label_aliases, start, stop)
        looked_up += 1
        return got

    monkeypatch.setattr(LabelIndex, "__init__", keep)
    monkeypatch.setattr(LabelIndex, "first", checked)
    with contextlib.suppress(ImportFailed):  # a file that is no report still had its labels looked up
        import_file(path)
    if path.suffix in (".txt", ".docx", ".xls", ".xlsx", ".html", ".htm") and indexes:
        assert looked_up
    for index in indexes:
        n = len(index.norms)
        ranges = {(0, n), (n // 3, n), (0, n // 2), (n // 4, 3 * n // 4), (n - 1, n), (n, n)}
        for label_aliases in _every_label():
            for start, stop in ranges:
                assert first(index, label_aliases, start, stop) == index.scan(label_aliases, start, stop)
