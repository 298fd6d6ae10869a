"""A register file to sheets of cells. The kind of file is told by its bytes; a .csv is read
as UTF-8 (with or without BOM) or, failing that, as GBK/GB18030 as Excel on a Chinese PC
saves it. Hidden sheets (the template's drop-down lists) are not registers."""

from __future__ import annotations

import csv
import hashlib
import io
import warnings
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from govopen_desktop.domain.errors import GovopenError
from govopen_desktop.domain.register import RawSheet
from govopen_desktop.io.importers.problems import ImportFailed
from govopen_desktop.io.importers.readers.detect import (
    MAX_FILE_BYTES,
    MAX_ZIP_ENTRIES,
    MAX_ZIP_TOTAL,
    OLE_MAGIC,
    ZIP_MAGIC,
    is_bomb,
    is_encrypted,
    ole_kind,
    open_zip,
)
from govopen_desktop.io.oserrors import describe_os_error

MAX_COLS = 60
MAX_ROWS = 200_000
MAX_PART_BYTES = 150 * 1024 * 1024  # a year's register of 20,000 rows is a sheet of about 15 MB


@dataclass(frozen=True)
class RegisterFile:
    name: str
    sha256: str
    sheets: tuple[RawSheet, ...]


def read_register_file(path: Path) -> RegisterFile:
    path = Path(path)
    name = path.name
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise GovopenError(f"“{name}”有 {size // 1024 // 1024} MB，远超台账的正常大小，已拒绝读取。")
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise GovopenError(f"找不到台账文件“{path}”。") from exc
    except OSError as exc:
        raise GovopenError(f"无法读取台账“{name}”：{describe_os_error(exc)}") from exc
    if not data:
        raise GovopenError(f"台账“{name}”是空文件。")
    digest = hashlib.sha256(data).hexdigest()
    try:
        kind = _kind(path, data)
        if kind == "xlsx":
            sheets = _read_xlsx(data, name)
        elif kind == "ole-xls":
            sheets = _read_xls(data, name)
        elif kind == "text":
            sheets = (_read_csv(data, path),)
        elif kind == "encrypted":
            raise GovopenError(f"台账“{name}”设有打开密码，无法读取。请在 Excel/WPS 中取消密码后另存，再试。")
        else:
            raise GovopenError(f"“{name}”不是 Excel 工作簿（.xlsx/.xls）或 CSV 文件，无法作为台账读取。")
    except ImportFailed as exc:
        raise GovopenError(str(exc)) from exc
    return RegisterFile(name, digest, sheets)


def _kind(path: Path, data: bytes) -> str:
    """xlsx, ole-xls, encrypted, text or another kind, from the bytes. A register's sheet may be
    far larger than a report's, so the zip is checked against a register's limits here."""
    if data.startswith(ZIP_MAGIC):
        with open_zip(path) as zf:
            _check_zip(path.name, zf)
            return "xlsx" if "xl/workbook.xml" in zf.namelist() else "zip"
    if data.startswith(OLE_MAGIC):
        return ole_kind(path)
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    return "other" if head.startswith((b"<", b"%PDF", b"{")) or b"\x00" in head else "text"


def _check_zip(name: str, zf: zipfile.ZipFile) -> None:
    infos = zf.infolist()
    if len(infos) > MAX_ZIP_ENTRIES:
        raise GovopenError(f"“{name}”包含 {len(infos)} 个部件，不是正常的 Excel 文件，已拒绝读取。")
    total = 0
    for info in infos:
        if is_encrypted(info):
            raise GovopenError(f"台账“{name}”设有密码，无法读取。请在 Excel/WPS 中取消密码后另存，再试。")
        total += info.file_size
        if info.file_size > MAX_PART_BYTES or is_bomb(info) or total > MAX_ZIP_TOTAL:
            raise GovopenError(
                f"“{name}”中的部件“{info.filename}”解压后过大（可能是异常或恶意构造的文件），已拒绝读取。"
            )
    for info in infos:
        if info.filename.endswith((".xml", ".rels")):
            try:
                with zf.open(info) as part:
                    head = part.read(4096)
            except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError) as exc:
                raise GovopenError(f"台账“{name}”已损坏或不完整（部件“{info.filename}”无法解压）。") from exc
            if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                raise GovopenError(f"“{name}”含有 XML 实体声明（Excel 文件不会有），可能是恶意构造的文件，已拒绝读取。")


def _read_xlsx(data: bytes, name: str) -> tuple[RawSheet, ...]:
    from xml.etree.ElementTree import ParseError

    from govopen_desktop.io.register.xlsx_rows import UnexpectedLayout, XlsxRows

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            reader = XlsxRows(zf)
            sheets = []
            for title, state, part in reader.sheets():
                if state != "visible":
                    continue
                try:
                    rows = tuple(reader.rows(part, MAX_ROWS, MAX_COLS))
                except OverflowError as exc:
                    raise GovopenError(f"台账“{name}”的工作表“{title}”超过 {MAX_ROWS} 行，已拒绝读取。") from exc
                sheets.append(RawSheet(title, rows))
            return tuple(sheets)
    except (UnexpectedLayout, KeyError, ValueError, IndexError, ParseError, zipfile.BadZipFile):
        return _read_xlsx_openpyxl(data, name)  # a workbook this reader does not know: the slow, general way


def _read_xlsx_openpyxl(data: bytes, name: str) -> tuple[RawSheet, ...]:
    import openpyxl

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl's notes on dropped extensions say nothing to a clerk
            wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True, keep_links=False)
    except Exception as exc:  # a damaged package: openpyxl raises many kinds
        raise GovopenError(f"台账“{name}”已损坏或不是有效的 Excel 工作簿，无法打开（{type(exc).__name__}）。") from exc
    try:
        sheets = []
        for ws in wb.worksheets:
            if getattr(ws, "sheet_state", "visible") != "visible":
                continue
            ws.reset_dimensions()  # some programs declare a wrong sheet size; read what is there
            rows: list[tuple[int, tuple[object, ...]]] = []
            for number, values in enumerate(ws.iter_rows(values_only=True), start=1):
                if number > MAX_ROWS:
                    raise GovopenError(f"台账“{name}”的工作表“{ws.title}”超过 {MAX_ROWS} 行，已拒绝读取。")
                if values and any(v is not None for v in values):
                    rows.append((number, tuple(values[:MAX_COLS])))
            sheets.append(RawSheet(ws.title, tuple(rows)))
        return tuple(sheets)
    finally:
        wb.close()


def _read_xls(data: bytes, name: str) -> tuple[RawSheet, ...]:
    import xlrd

    try:
        # ragged rows: a value at IV65536 would otherwise pad every row to 256 cells (200 MB)
        book = xlrd.open_workbook(file_contents=data, on_demand=True, ragged_rows=True, logfile=io.StringIO())
    except Exception as exc:
        # the library's words (English, often empty) say nothing to a clerk
        raise GovopenError(f"台账“{name}”不是有效的 Excel 97-2003 工作簿，可能已损坏。"
                           "请用 Excel 或 WPS 打开并另存为 .xlsx 后再读取。") from exc
    try:
        sheets = []
        for idx in range(book.nsheets):
            sh = book.sheet_by_index(idx)
            if getattr(sh, "visibility", 0) != 0:
                continue
            rows: list[tuple[int, tuple[object, ...]]] = []
            for r in range(min(sh.nrows, MAX_ROWS)):
                values = tuple(_xls_value(cell, book.datemode) for cell in sh.row(r)[:MAX_COLS])
                if any(v is not None for v in values):
                    rows.append((r + 1, values))
            sheets.append(RawSheet(sh.name, tuple(rows)))
            book.unload_sheet(idx)
        return tuple(sheets)
    finally:
        book.release_resources()


def _xls_value(cell: Any, datemode: int) -> object:
    import xlrd

    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return None
    if cell.ctype == xlrd.XL_CELL_DATE:
        try:
            return xlrd.xldate.xldate_as_datetime(cell.value, datemode)
        except (ValueError, OverflowError, xlrd.xldate.XLDateError):
            return cell.value
    if cell.ctype == xlrd.XL_CELL_NUMBER and float(cell.value).is_integer():
        return int(cell.value)
    return cell.value


def _decode(data: bytes, name: str) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise GovopenError(f"台账“{name}”不是 UTF-8 或 GBK 编码的文本，无法读取。")


def _read_csv(data: bytes, path: Path) -> RawSheet:
    text = _decode(data, path.name)
    sample = text[:8192]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",\t;")
    except csv.Error:
        dialect = csv.excel
    rows: list[tuple[int, tuple[object, ...]]] = []
    try:
        for number, values in enumerate(csv.reader(io.StringIO(text), dialect), start=1):
            if number > MAX_ROWS:
                raise GovopenError(f"台账“{path.name}”超过 {MAX_ROWS} 行，已拒绝读取。")
            cells = tuple(v.strip() or None for v in values[:MAX_COLS])
            if any(cells):
                rows.append((number, cells))
    except csv.Error as exc:  # a field longer than any register's, a stray NUL…
        raise GovopenError(f"台账“{path.name}”不是可以读取的 CSV 表格（{exc}）。") from exc
    return RawSheet(path.stem, tuple(rows))
