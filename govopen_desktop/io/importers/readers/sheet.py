"""Workbooks (.xlsx/.xlsm from their XML, or through openpyxl; .xls/.et through python-calamine,
or xlrd where calamine cannot read them) to neutral rows.

Merged ranges are resolved: a merged cell is read once, at its top-left corner. Scanning
stops after MAX_ROWS × MAX_COLS whatever the sheet declares. The program's own Excel export
carries a hidden sheet "govopen-data" with every value as text: read for an exact round trip.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import operator
import warnings
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from govopen_desktop.io.importers.neutral import Cell, Doc, Row
from govopen_desktop.io.importers.problems import ImportFailed
from govopen_desktop.io.importers.readers.biff import far_cell
from govopen_desktop.io.sheet_columns import column_letters
from govopen_desktop.io.workbook_layout import DATA_SHEET

MAX_ROWS = 3000
MAX_COLS = 100
# an .xls sheet is laid out whole by both readers (calamine ~60 bytes a cell, xlrd more): a
# value far from A1 in a few-kilobyte file would take a gigabyte
MAX_XLS_ROWS = 25_000
MAX_XLS_AREA = 1_000_000
DATA_SCHEMA = "govopen-report/"

UNITS_IN_FORMAT = (("万元", '"万元"'), ("元", '"元"'))
_XLS_EMPTY: set[int] = set()  # xlrd's empty and blank cell types, filled when xlrd is loaded
_XLS_PLAIN: set[int] = set()  # its text and number cell types: the value as it is
_TEXT = operator.itemgetter(0)  # a cell's text, got in C


def _text_of(value: Any) -> tuple[str, object]:
    """The cell as text, and its typed number when it is one (kept exact for parsing)."""
    if type(value) is str:  # most cells: before the other kinds' checks
        return value, None
    if value is None:
        return "", None
    if isinstance(value, tuple):  # a number and the unit its number format shows
        text, number = _text_of(value[0])
        return text + value[1], number
    if isinstance(value, bool):
        return str(value), None
    if isinstance(value, int | float):
        if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
            return str(int(value)), value
        return repr(value) if isinstance(value, float) else str(value), value
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()[:10], None
    return str(value), None


def sheet_rows(doc: Doc, title: str, grid: Sequence[Sequence[Any]],
               merged: Iterable[tuple[int, int, int, int]]) -> None:
    """Append a sheet's rows. `grid` holds the values row by row from A1 (None or "" where a
    cell is empty; rows may be short); `merged` holds (first_row, last_row, first_col,
    last_col), 0-based and inclusive."""
    n_rows = min(len(grid), MAX_ROWS)
    merged = list(merged)
    # a column whose only content is a merged cell's span still counts (calamine's rows end
    # at the last value)
    widest = max(max(map(len, grid[:n_rows]), default=0), max((c2 + 1 for *_, c2 in merged), default=0))
    n_cols = min(widest, MAX_COLS)
    covered: dict[int, set[int]] = {}  # row -> the columns merged cells cover in it
    for r1, r2, c1, c2 in merged:
        if r1 >= n_rows or c1 >= n_cols:
            continue
        end = min(c2, n_cols - 1) + 1
        for r in range(r1, min(r2, n_rows - 1) + 1):
            spanned = range(c1 + 1, end) if r == r1 else range(c1, end)  # all but the top-left cell
            if spanned:
                covered.setdefault(r, set()).update(spanned)
    prefix = f"工作表“{title}” "
    columns = [prefix + column_letters(c) for c in range(n_cols)]
    every_col = range(n_cols)
    col_set = set(every_col)
    # Cell is a NamedTuple: its fields made as a tuple, then the cells in one map (without its
    # generated __new__'s frame, nor a Python call each)
    new_cell, cell_type = tuple.__new__, itertools.repeat(Cell)
    for r in range(n_rows):
        values = grid[r]
        if not any(values) and all(v is None or v == "" for v in values):
            continue  # an empty row adds nothing: no cells built (0 is falsy but not empty)
        if len(values) < n_cols:
            values = [*values, *([None] * (n_cols - len(values)))]
        gone = covered.get(r)
        cols: Sequence[int] = sorted(col_set - gone) if gone else every_col
        number = str(r + 1)
        # text, empty and whole-number cells (most of a form) are built as they are, as _text_of
        # would build them; the rest go through it (an empty cell, None or "", is "")
        fields = [(v, columns[c] + number, None, None) if (kind := type(v := values[c])) is str
                  else (str(v), columns[c] + number, v, None) if kind is int
                  else ("", columns[c] + number, None, None) if v is None
                  else ((t := _text_of(v))[0], columns[c] + number, t[1], None)
                  for c in cols]
        if any(map(str.strip, map(_TEXT, fields))):
            doc.add(Row(list(map(new_cell, cell_type, fields)), f"{prefix}第{number}行"))


def _grid(cells: Iterable[tuple[tuple[int, int], Any]], n_rows: int, n_cols: int) -> list[list[Any]]:
    """A sheet's cells given by their 1-based (row, column), as rows from A1 (what is past
    MAX_ROWS × MAX_COLS left out)."""
    n_rows, n_cols = min(n_rows, MAX_ROWS), min(n_cols, MAX_COLS)
    grid: list[list[Any]] = [[None] * n_cols for _ in range(n_rows)]
    for (r, c), value in cells:
        if r <= n_rows and c <= n_cols:
            grid[r - 1][c - 1] = value
    return grid


def read_xlsx(path: Path, name: str) -> tuple[Doc, dict[str, str] | None]:
    """The neutral rows of the visible sheets, and the govopen-data sheet's key/value pairs
    when the workbook is one of the project's own exports. Cells are read from the XML
    (xlsx_cells: about an eighth of openpyxl's time); a package laid out otherwise goes to openpyxl."""
    from govopen_desktop.io.importers.readers.xlsx_cells import read_cells

    try:
        sheets = read_cells(path)
    except Exception:  # anything unexpected: openpyxl reads it, or says why not
        return read_xlsx_openpyxl(path, name)
    doc = Doc(name, "xlsx")
    data = None
    for sheet in sheets:
        if sheet.title == DATA_SHEET:
            data = _data_pairs(sheet.cells, sheet.max_row) if data is None else data
            continue
        if sheet.state != "visible":
            continue
        values = ((at, _with_unit(*cell)) for at, cell in sheet.cells.items())
        merged = [(r1 - 1, r2 - 1, c1 - 1, c2 - 1) for r1, r2, c1, c2 in sheet.merged]
        sheet_rows(doc, sheet.title, _grid(values, sheet.max_row, sheet.max_column), merged)
    return doc, data


def _with_unit(value: Any, fmt: str) -> Any:
    if isinstance(value, int | float) and "元" in (fmt or ""):
        unit = next((u for u, quoted in UNITS_IN_FORMAT if quoted in fmt or fmt.endswith(u)), None)
        return (value, unit) if unit else value  # 0"元": the unit is in the format
    return value


def _data_pairs(cells: dict[tuple[int, int], tuple[Any, str]], max_row: int) -> dict[str, str] | None:
    """The hidden data sheet's key/value pairs (as _data_sheet reads them through openpyxl)."""
    def value(r: int, c: int) -> Any:
        cell = cells.get((r, c))
        return None if cell is None else cell[0]

    if str(value(1, 1) or "").strip() != "schema" or not str(value(1, 2) or "").startswith(DATA_SCHEMA):
        return None
    data: dict[str, str] = {}
    for r in range(2, min(max_row, MAX_ROWS) + 1):
        key, val = value(r, 1), value(r, 2)
        if key:
            data[str(key).strip()] = "" if val is None else _text_of(val)[0]
    return data


def read_xlsx_openpyxl(path: Path, name: str) -> tuple[Doc, dict[str, str] | None]:
    """The same through openpyxl: for packages the XML reader does not expect (and, in the
    tests, to compare both on every workbook)."""
    import openpyxl  # loaded on first use: ~130 ms

    with path.open("rb") as handle, warnings.catch_warnings():
        # a handle: openpyxl refuses names not ending in .xlsx; its warnings about features it
        # drops (data validation extensions, …) say nothing to a clerk
        warnings.simplefilter("ignore")
        values = openpyxl.load_workbook(handle, data_only=True, keep_links=False)
        handle.seek(0)
        formulas = openpyxl.load_workbook(handle, data_only=False, keep_links=False)  # for results not saved
        try:
            return _read_workbook(values, name, formulas)
        finally:
            formulas.close()


def _read_workbook(wb: Any, name: str, formula_wb: Any = None) -> tuple[Doc, dict[str, str] | None]:
    from govopen_desktop.io.importers.readers.xlsx_cells import resolve_formulas

    try:
        data = _data_sheet(wb[DATA_SHEET]) if DATA_SHEET in wb.sheetnames else None
        doc = Doc(name, "xlsx")
        for ws in wb.worksheets:
            if ws.sheet_state != "visible" or ws.title == DATA_SHEET:
                continue
            # (row, col) -> cell, 1-based
            cells = {at: (cell.value, cell.number_format) for at, cell in ws._cells.items()}
            written = formula_wb[ws.title]._cells if formula_wb is not None else {}
            formulas = {at: str(written[at].value)[1:] for at, (value, _f) in cells.items()
                        if value is None and at in written and str(written[at].value or "").startswith("=")}
            resolve_formulas(cells, formulas)  # as the XML reader does
            values = ((at, _with_unit(value, fmt)) for at, (value, fmt) in cells.items())
            merged = [(m.min_row - 1, m.max_row - 1, m.min_col - 1, m.max_col - 1) for m in ws.merged_cells.ranges]
            sheet_rows(doc, ws.title, _grid(values, ws.max_row, ws.max_column), merged)
        return doc, data
    finally:
        wb.close()


def _data_sheet(ws: Any) -> dict[str, str] | None:
    if str(ws.cell(1, 1).value or "").strip() != "schema":
        return None
    if not str(ws.cell(1, 2).value or "").startswith(DATA_SCHEMA):
        return None
    data: dict[str, str] = {}
    for row in ws.iter_rows(min_row=2, max_row=min(ws.max_row, MAX_ROWS), max_col=2, values_only=True):
        key, value = row[0], row[1] if len(row) > 1 else None
        if key:
            data[str(key).strip()] = "" if value is None else _text_of(value)[0]
    return data


def read_xls(path: Path, name: str, kind: str = "xls") -> tuple[Doc, dict[str, str] | None]:
    """An Excel 97-2003 (or WPS) workbook: read by python-calamine (about a tenth of xlrd's time,
    the same cells: the .xls path reads no number formats); a workbook calamine refuses goes to
    xlrd, which reads it or says why not (a password, damage)."""
    far = far_cell(path.read_bytes(), MAX_XLS_ROWS, MAX_XLS_AREA)
    if far is not None:
        sheet, row, col = far
        raise ImportFailed(
            f"“{name}”的工作表“{sheet}”在 {column_letters(col)}{row + 1} 处还有内容，远超年度报告的正常大小"
            "（读取它要占用上百 MB 内存），已拒绝读取。请在 Excel/WPS 中删去表格以外的内容后另存，再导入。")
    try:
        return read_xls_calamine(path, name, kind)
    except ImportFailed:
        raise
    except Exception:  # calamine's errors, or anything unexpected in a damaged file
        return read_xls_xlrd(path, name, kind)
    except BaseException as exc:  # a panic in calamine's Rust (pyo3's PanicException is no Exception)
        if type(exc).__name__ != "PanicException":
            raise
        return read_xls_xlrd(path, name, kind)


def read_xls_calamine(path: Path, name: str, kind: str = "xls") -> tuple[Doc, dict[str, str] | None]:
    import python_calamine

    book = python_calamine.CalamineWorkbook.from_path(str(path))
    try:
        doc = Doc(name, kind)
        data: dict[str, str] | None = None
        visible = python_calamine.SheetVisibleEnum.Visible
        for meta in book.sheets_metadata:
            if meta.typ != python_calamine.SheetTypeEnum.WorkSheet:
                continue
            if meta.name != DATA_SHEET and meta.visible != visible:
                continue
            sh = book.get_sheet_by_name(meta.name)
            rows = _calamine_rows(sh)
            if meta.name == DATA_SHEET and rows and len(rows[0]) > 1 and str(rows[0][0]).strip() == "schema":
                data = {str(row[0]).strip(): _text_of(row[1])[0] for row in rows[1:] if row[0]}
                continue
            if meta.visible != visible:
                continue
            merged = [(r1, r2, c1, c2) for (r1, c1), (r2, c2) in sh.merged_cell_ranges or ()]
            sheet_rows(doc, meta.name, rows, merged)
        return doc, data
    finally:
        book.close()


def _calamine_rows(sh: Any) -> list[list[Any]]:
    """The sheet's rows from A1 (calamine's rows start at its first filled cell), at most
    MAX_ROWS of them: a sheet claiming 65,536 rows costs no more than a report."""
    first_row, first_col = sh.start or (0, 0)
    pad = [""] * first_col
    rows: list[list[Any]] = [[] for _ in range(min(first_row, MAX_ROWS))]
    for row in sh.iter_rows():
        if len(rows) >= MAX_ROWS:
            break
        rows.append(pad + row[: MAX_COLS - first_col] if first_col else row[:MAX_COLS])
    return rows


def read_xls_xlrd(path: Path, name: str, kind: str = "xls") -> tuple[Doc, dict[str, str] | None]:
    import xlrd

    _XLS_EMPTY.update((xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK))
    _XLS_PLAIN.update((xlrd.XL_CELL_TEXT, xlrd.XL_CELL_NUMBER))
    try:
        # xlrd reports damage on stdout unless given a log: it would spoil `--json` output
        book = xlrd.open_workbook(str(path), formatting_info=True, on_demand=True, ragged_rows=True,
                                  logfile=io.StringIO())
    except xlrd.XLRDError as exc:
        if "encrypt" in str(exc).lower():
            raise ImportFailed(f"“{name}”设有打开密码，无法读取。请在 Excel/WPS 中取消密码后另存，再导入。") from exc
        raise ImportFailed(f"“{name}”不是有效的 Excel 97-2003 工作簿，可能已损坏。"
                           "请用 Excel 或 WPS 打开并另存为 .xlsx 后再导入。") from exc
    try:
        doc = Doc(name, kind)
        data: dict[str, str] | None = None
        for idx in range(book.nsheets):
            sh = book.sheet_by_index(idx)
            is_data = sh.name == DATA_SHEET and sh.nrows > 0 and sh.ncols > 1
            if is_data and str(sh.cell_value(0, 0)).strip() == "schema":
                data = {str(sh.cell_value(r, 0)).strip(): _text_of(sh.cell_value(r, 1))[0]
                        for r in range(1, min(sh.nrows, MAX_ROWS)) if sh.cell_value(r, 0)}
                continue
            if getattr(sh, "visibility", 0) != 0:
                continue

            # each row once, empty and blank cells as None, so a cell is one lookup
            rows = [[None if t in _XLS_EMPTY else v if t in _XLS_PLAIN else _xlrd_value(t, v, book.datemode)
                     for t, v in zip(sh.row_types(r), sh.row_values(r)[:MAX_COLS], strict=False)]
                    for r in range(min(sh.nrows, MAX_ROWS))]
            merged = [(r1, r2 - 1, c1, c2 - 1) for r1, r2, c1, c2 in sh.merged_cells]
            sheet_rows(doc, sh.name, rows, merged)
            book.unload_sheet(idx)
        return doc, data
    finally:
        book.release_resources()


def _xlrd_value(ctype: int, value: Any, datemode: int) -> Any:
    """A date, time, boolean or error cell as calamine (and the .xlsx readers) give it: xlrd
    gives the serial number, 1/0 and the error's code (#DIV/0! would read as the number 7)."""
    import xlrd

    if ctype == xlrd.XL_CELL_BOOLEAN:
        return bool(value)
    if ctype == xlrd.XL_CELL_ERROR:
        return xlrd.error_text_from_code.get(value, "#错误")
    if ctype == xlrd.XL_CELL_DATE:
        try:
            if 0 <= value < 1:  # a time of day or a duration
                return dt.timedelta(seconds=round(value * 86400))
            return xlrd.xldate.xldate_as_datetime(value, datemode)
        except (ValueError, OverflowError, xlrd.xldate.XLDateError):
            return value
    return value
