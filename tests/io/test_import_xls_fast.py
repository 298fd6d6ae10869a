"""The .xls reader's quick path (each row read once, empty cells skipping the text conversion)
gives the very rows, cells, places and values of the plain cell-by-cell reading it replaced, on
every .xls the tests have; so the reports and problems built from them are the same."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

from govopen_desktop.io.importers import import_file
from govopen_desktop.io.importers.neutral import Cell, Doc, Row
from govopen_desktop.io.importers.readers import sheet
from govopen_desktop.io.sheet_columns import column_letters
from tests.support.paths import TESTS

FIXTURES = TESTS / "data" / "import"
XLS_FILES = sorted(FIXTURES.glob("*.xls"))


def _plain_rows(path: Path) -> list[Row]:
    """The reading before the quick path: every cell through _text_of, merged cells skipped."""
    import xlrd

    book = xlrd.open_workbook(str(path), formatting_info=True, logfile=io.StringIO())
    empty = {xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK}
    rows: list[Row] = []
    for sh in book.sheets():
        if sh.name == sheet.DATA_SHEET or getattr(sh, "visibility", 0) != 0:
            continue
        n_rows, n_cols = min(sh.nrows, sheet.MAX_ROWS), min(sh.ncols, sheet.MAX_COLS)
        covered = {(r, c) for r1, r2, c1, c2 in sh.merged_cells for r in range(r1, r2) for c in range(c1, c2)
                   if (r, c) != (r1, c1)}

        def get(r: int, c: int, sh: Any = sh) -> Any:
            return None if sh.cell_type(r, c) in empty else sh.cell_value(r, c)

        for r in range(n_rows):
            read = [(c, *sheet._text_of(get(r, c))) for c in range(n_cols) if (r, c) not in covered]
            if any(text.strip() for _c, text, _v in read):
                rows.append(Row([Cell(text, f"工作表“{sh.name}” {column_letters(c)}{r + 1}", value)
                                 for c, text, value in read], f"工作表“{sh.name}” 第{r + 1}行"))
    return rows


def test_there_are_xls_files() -> None:
    assert len(XLS_FILES) >= 3


@pytest.mark.parametrize("path", XLS_FILES, ids=[p.name for p in XLS_FILES])
def test_xls_rows_are_the_plain_reading(path: Path) -> None:
    doc, _data = sheet.read_xls(path, path.name)
    assert isinstance(doc, Doc)
    plain = _plain_rows(path)
    assert plain and doc.rows == plain


@pytest.mark.parametrize("path", XLS_FILES, ids=[p.name for p in XLS_FILES])
def test_xls_import_reads_the_tables(path: Path) -> None:
    result = import_file(path)
    assert sum(v is not None for v in result.report.cells.values()) > 20
