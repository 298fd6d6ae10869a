"""The .xls readers: python-calamine (the first choice) and xlrd (for what calamine refuses)
give the very rows, cells, places and values on every .xls the tests have — LibreOffice-saved
layouts, odd cells (dates, times, booleans, an error, merges, a hidden sheet) and our own export
with its data sheet — and so the same reports and problems; xlrd's quick path (each row read
once) gives what a plain cell-by-cell reading gives."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

from govopen_desktop.io.importers import ImportFailed, import_file
from govopen_desktop.io.importers.neutral import Cell, Doc, Row
from govopen_desktop.io.importers.readers import sheet
from govopen_desktop.io.sheet_columns import column_letters
from tests.support.paths import TESTS

FIXTURES = TESTS / "data" / "import"
XLS_FILES = sorted(FIXTURES.glob("*.xls"))
REPORTS = [p for p in XLS_FILES if p.name != "odd-cells.xls"]  # odd cells: no report to import


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
            kind = sh.cell_type(r, c)
            if kind in empty:
                return None
            if kind in (xlrd.XL_CELL_TEXT, xlrd.XL_CELL_NUMBER):
                return sh.cell_value(r, c)
            return sheet._xlrd_value(kind, sh.cell_value(r, c), book.datemode)

        for r in range(n_rows):
            read = [(c, *sheet._text_of(get(r, c))) for c in range(n_cols) if (r, c) not in covered]
            if any(text.strip() for _c, text, _v in read):
                rows.append(Row([Cell(text, f"工作表“{sh.name}” {column_letters(c)}{r + 1}", value)
                                 for c, text, value in read], f"工作表“{sh.name}” 第{r + 1}行"))
    return rows


def test_there_are_xls_files() -> None:
    assert {"odd-cells.xls", "sample-export.xls", "sample-2024-stacked.xls"} <= {p.name for p in XLS_FILES}


@pytest.mark.parametrize("path", XLS_FILES, ids=[p.name for p in XLS_FILES])
def test_xlrd_rows_are_the_plain_reading(path: Path) -> None:
    doc, _data = sheet.read_xls_xlrd(path, path.name)
    assert isinstance(doc, Doc)
    plain = _plain_rows(path)
    assert plain and doc.rows == plain


@pytest.mark.parametrize("path", REPORTS, ids=[p.name for p in REPORTS])
def test_xls_import_reads_the_tables(path: Path) -> None:
    result = import_file(path)
    assert sum(v is not None for v in result.report.cells.values()) > 20


def _typed(doc: Doc) -> list[Any]:
    """Rows with each value's type named: 5 and 5.0 compare equal in Python, not here."""
    return [(row.place, [(c.text, c.place, c.value) for c in row.cells]) for row in doc.rows]


@pytest.mark.parametrize("path", XLS_FILES, ids=[p.name for p in XLS_FILES])
def test_calamine_reads_the_cells_xlrd_reads(path: Path) -> None:
    fast, fast_data = sheet.read_xls_calamine(path, path.name)
    slow, slow_data = sheet.read_xls_xlrd(path, path.name)
    assert fast_data == slow_data
    if path.name != "odd-cells.xls":
        assert _typed(fast) == _typed(slow)
        return
    # the differences: calamine gives an error cell (#DIV/0!) as empty, xlrd its text; and its
    # rows end at the last value, xlrd's at an empty styled cell past the data
    assert [r.place for r in fast.rows] == [r.place for r in slow.rows]
    for ra, rb in zip(fast.rows, slow.rows, strict=True):
        assert all(not c.text for c in rb.cells[len(ra.cells):]), rb.place
    differ = [(a, b) for ra, rb in zip(fast.rows, slow.rows, strict=True)
              for a, b in zip(ra.cells, rb.cells, strict=False) if a != b]
    assert [(a.text, b.text) for a, b in differ] == [("", "#DIV/0!")]
    texts = {c.text for row in fast.rows for c in row.cells}
    assert {"2025-01-20", "True", "False"} <= texts  # dates and booleans as they show, not 45677 and 1


def _outcome(path: Path) -> Any:
    result = import_file(path)
    return (result.report.meta.to_dict(), dict(result.report.cells), dict(result.report.text),
            [(p.key, p.message, p.place) for p in result.problems])


@pytest.mark.parametrize("path", REPORTS, ids=[p.name for p in REPORTS])
def test_import_is_the_same_through_xlrd(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A workbook calamine refuses is read by xlrd: the same report and problems."""
    import python_calamine

    first = _outcome(path)

    def refuse(*_args: object, **_kw: object) -> None:
        raise python_calamine.CalamineError("refused")

    monkeypatch.setattr(python_calamine.CalamineWorkbook, "from_path", refuse)
    assert _outcome(path) == first


class _FakeSheet:
    """What _calamine_rows asks of a calamine sheet: where its filled range starts, its rows."""

    def __init__(self, start: tuple[int, int] | None, rows: list[list[Any]]) -> None:
        self.start, self._rows = start, rows

    def iter_rows(self) -> Any:
        return iter(self._rows)


def test_calamine_rows_start_at_a1_and_stop_at_the_limit() -> None:
    # calamine's rows begin at the first filled cell (here C3): the grid is put back at A1
    rows = sheet._calamine_rows(_FakeSheet((2, 2), [["x", 1], ["", 2]]))
    assert rows == [[], [], ["", "", "x", 1], ["", "", "", 2]]
    doc = Doc("t.xls", "xls")
    sheet.sheet_rows(doc, "表", rows, [])
    assert [c.place for c in doc.rows[0].cells if c.text] == ["工作表“表” C3", "工作表“表” D3"]
    # a sheet claiming far more rows and columns than a report costs no more than the limits
    huge = sheet._calamine_rows(_FakeSheet((0, 0), [[1] * 300 for _ in range(sheet.MAX_ROWS + 500)]))
    assert len(huge) == sheet.MAX_ROWS and {len(r) for r in huge} == {sheet.MAX_COLS}


@pytest.mark.parametrize("path", XLS_FILES, ids=[p.name for p in XLS_FILES])
def test_the_records_reach_as_far_as_calamines_cells(path: Path) -> None:
    """The record scan that guards the readers sees each sheet's last value where calamine does."""
    import python_calamine

    from govopen_desktop.io.importers.readers.biff import cell_extents, workbook_stream

    stream = workbook_stream(path.read_bytes())
    assert stream is not None
    extents = cell_extents(stream)
    book = python_calamine.CalamineWorkbook.from_path(str(path))
    for name in book.sheet_names:
        end = book.get_sheet_by_name(name).end
        if end is not None:
            assert extents[name] == end, name


def test_a_value_far_from_the_table_is_refused_before_any_reader_lays_the_sheet_out(tmp_path: Path) -> None:
    """(calamine would take about 1 GB for it, xlrd 200 MB; the hostile corpus's test holds the
    whole process under 200 MB.)"""
    from govopen_desktop.io.importers.readers.biff import cell_extents, workbook_stream
    from tests.support.hostile_files import far_cell_xls

    data = far_cell_xls()
    stream = workbook_stream(data)
    assert stream is not None and cell_extents(stream) == {"表三": (65535, 255)}
    path = tmp_path / "far.xls"
    path.write_bytes(data)
    with pytest.raises(ImportFailed, match=r"“far.xls”的工作表“表三”在 IV65536 处还有内容.*已拒绝读取"):
        import_file(path)


def test_a_panic_in_calamine_falls_back_to_xlrd(monkeypatch: pytest.MonkeyPatch) -> None:
    """A malformed record can make calamine's Rust panic: pyo3 raises PanicException, which is a
    BaseException (a plain `except Exception` lets it through and the import would crash)."""
    class PanicException(BaseException):  # pyo3's name: matched by name
        pass

    def panic(*_args: object, **_kw: object) -> None:
        raise PanicException("index out of bounds")

    path = FIXTURES / "sample-2024-stacked.xls"
    first = _outcome(path)
    monkeypatch.setattr(sheet, "read_xls_calamine", panic)
    assert _outcome(path) == first


@pytest.mark.parametrize("path", [*XLS_FILES, FIXTURES / "sample-2024.doc"], ids=lambda p: p.name)
def test_the_compound_file_is_read_once_for_its_kind_and_its_workbook(path: Path) -> None:
    """Telling an OLE file's kind and guarding a workbook's size share one reading of it: the
    same stream names and workbook stream as xlrd's compound-document reader gives each."""
    from xlrd.compdoc import CompDoc

    from govopen_desktop.io.importers.readers.detect import ole_kind
    from govopen_desktop.io.importers.readers.ole import compound

    data = path.read_bytes()
    found = compound(data)
    assert found is not None
    names = {d.name for d in CompDoc(data, logfile=io.StringIO()).dirlist}
    assert found.names == names
    stream = CompDoc(data, logfile=io.StringIO()).get_named_stream("Workbook") if "Workbook" in names else None
    assert found.workbook == (bytes(stream) if stream else None)
    assert ole_kind(path) == ("ole-xls" if path.suffix == ".xls" else "ole-doc")
    assert compound(data[:600]) is None and compound(b"not a compound file") is None
