"""How far an Excel 97-2003 workbook's cells reach, read from its records before any reader
loads it: a few kilobytes holding a value at A1 and one at IV65536 make calamine lay out a
sheet of 16 million cells (about 1 GB) and xlrd one of 200 MB."""

from __future__ import annotations

import struct

from govopen_desktop.io.importers.readers.ole import compound

_BOF, _BOUNDSHEET = 0x0809, 0x0085
# records holding one value, each beginning with its row and column
_ONE_CELL = {0x0203, 0x00FD, 0x027E, 0x0205, 0x0006, 0x0204, 0x00D6}  # NUMBER LABELSST RK BOOLERR FORMULA LABEL RSTRING
_MULRK = 0x00BD  # several RK values in a row: row, first column, …, last column
_HEADER = struct.Struct("<HHHH")  # a record's type and length, and (for a cell) its row and column
_U16 = struct.Struct("<H").unpack_from
_U32 = struct.Struct("<I").unpack_from


def workbook_stream(data: bytes) -> bytes | None:
    """The BIFF stream of an OLE compound file ("Workbook", or "Book" from Excel 5)."""
    found = compound(data)
    return None if found is None else found.workbook


def cell_extents(stream: bytes) -> dict[str, tuple[int, int]]:
    """Each worksheet's farthest row and column holding a value (0-based), by sheet name."""
    header = _HEADER.unpack_from
    one_cell, mulrk, bof, boundsheet = _ONE_CELL, _MULRK, _BOF, _BOUNDSHEET
    wanted = one_cell | {mulrk, bof, boundsheet}
    names: dict[int, str] = {}
    extents: dict[str, tuple[int, int]] = {}
    current: str | None = None
    far_row = far_col = 0
    pos = 0
    padded = stream + bytes(4)  # the last record's header reads whole
    # records whose header begins in the last 7 bytes are cut short: no row and column of their own
    for stop, cut in ((len(stream) - 7, False), (len(stream) - 3, True)):
        while pos < stop:
            kind, length, row, col = header(padded, pos)
            pos += 4 + length
            if kind not in wanted:
                continue  # most records: formats, row heights, blanks
            if kind in one_cell:
                if cut:
                    row = col = 0
                if row > far_row:
                    far_row = row
                if col > far_col:
                    far_col = col
            elif kind == mulrk and length >= 6:
                far_row = max(far_row, 0 if cut else row)
                far_col = max(far_col, _U16(padded, pos - 2)[0])
            elif kind == bof:
                start = pos - 4 - length
                if start in names:  # a worksheet begins (other BOFs: a chart inside one)
                    if current is not None:
                        extents[current] = max(extents.get(current, (0, 0)), (far_row, far_col))
                    current, far_row, far_col = names[start], 0, 0
            elif kind == boundsheet and length >= 8:
                start = pos - 4 - length
                offset = _U32(padded, start + 4)[0]
                names[offset] = _sheet_name(stream[start + 10: pos])
    if current is not None:
        extents[current] = (far_row, far_col)
    return extents


def far_cell(data: bytes, max_rows: int, max_area: int) -> tuple[str, int, int] | None:
    """The sheet, row and column (0-based) of a value beyond `max_rows` rows, or making the
    sheet's area from A1 larger than `max_area` cells; None when none is (or the file's records
    cannot be read: the readers then say what is wrong)."""
    stream = workbook_stream(data)
    if stream is None:
        return None
    for sheet, (row, col) in cell_extents(stream).items():
        if row + 1 > max_rows or (row + 1) * (col + 1) > max_area:
            return sheet, row, col
    return None


def _sheet_name(raw: bytes) -> str:
    """A BOUNDSHEET's ShortXLUnicodeString: a length, a flag for two-byte characters, the characters."""
    if len(raw) < 2:
        return "?"
    count, wide = raw[0], raw[1] & 1
    text = raw[2: 2 + count * (2 if wide else 1)]
    return text.decode("utf-16-le" if wide else "latin-1", errors="replace")
