"""Word 97-2003 (.doc) and WPS (.wps) documents read directly, without an office suite: the
text of the main document from its piece table, paragraphs and table rows told apart by the
paragraph properties (in a table; the row's end mark), as [MS-DOC] lays them out.

An office PC seldom has LibreOffice, and offices still pass round .doc files; a document this
reader cannot make out goes to LibreOffice as before (dispatch)."""

from __future__ import annotations

import io
import struct
from bisect import bisect_right
from dataclasses import dataclass

from govopen_desktop.io.importers.neutral import Cell, Doc, Row
from govopen_desktop.io.importers.problems import ImportFailed

_WORD_IDENT = 0xA5EC
_U16 = struct.Struct("<H").unpack_from
_U32 = struct.Struct("<I").unpack_from
_FKP = 512
# paragraph properties (sprms) that say where a paragraph stands
_IN_TABLE, _ROW_END, _DEPTH = 0x2416, 0x2417, 0x6649
_TABLE_DEFINITION, _TABS = 0xD608, 0xC615  # operands with a size of their own
_HUGE_PAPX = 0x6646  # the paragraph's properties are too many for the page: in the Data stream
_OPERAND = {0: 1, 1: 1, 2: 2, 3: 4, 4: 2, 5: 2, 7: 3}  # operand bytes by the sprm's spra bits
# characters of the text stream that are marks, not text
_DROPPED = dict.fromkeys(map(ord, "\x01\x02\x05\x08\x1f"), None) | {0x1E: "-", 0x0B: "\n", 0xA0: " "}
MAX_CHARS = 2_000_000
MAX_PIECES = 100_000  # a report's document has a few; a damaged one is not read by position


class DocFormatError(ValueError):
    """Laid out otherwise than this reader expects: LibreOffice is tried instead."""


@dataclass(frozen=True)
class _Piece:
    cp: int  # first character position
    end: int  # after the last
    start: int  # where its bytes begin in the WordDocument stream
    wide: bool  # UTF-16 (else 8-bit, cp1252)


def read_doc(data: bytes, name: str) -> Doc:
    from xlrd.compdoc import CompDoc  # xlrd ships a compound-document reader

    try:
        ole = CompDoc(data, logfile=io.StringIO())
        word = bytes(ole.get_named_stream("WordDocument") or b"")
        if len(word) < 0x200 or _U16(word, 0)[0] != _WORD_IDENT:
            raise DocFormatError("no Word FIB")
        flags = _U16(word, 0x0A)[0]
        if flags & 0x0100:  # fEncrypted
            raise ImportFailed(f"“{name}”设有打开密码，无法读取。请在 WPS 或 Word 中取消密码后另存，再导入。")
        table = bytes(ole.get_named_stream("1Table" if flags & 0x0200 else "0Table") or b"")
        extra = bytes(ole.get_named_stream("Data") or b"")
    except ImportFailed:
        raise
    except Exception as exc:
        raise DocFormatError(str(exc)) from exc
    try:
        pieces = _pieces(word, table)
        text_end = min(struct.unpack_from("<i", word, 0x4C)[0], MAX_CHARS)  # ccpText: the main document
        text = _text(word, pieces, text_end)
        row_ends, in_table = _paragraph_marks(word, table, extra, pieces)
    except (struct.error, IndexError, ValueError) as exc:
        raise DocFormatError(str(exc)) from exc
    return _doc(text, row_ends, in_table, name)


def _pieces(word: bytes, table: bytes) -> list[_Piece]:
    fc_clx, lcb_clx = struct.unpack_from("<II", word, 0x1A2)
    clx = table[fc_clx:fc_clx + lcb_clx]
    pos = 0
    while pos < len(clx) and clx[pos] == 0x01:  # Prc: property modifiers, not needed for text
        pos += 3 + _U16(clx, pos + 1)[0]
    if pos >= len(clx) or clx[pos] != 0x02:
        raise DocFormatError("no piece table")
    size = _U32(clx, pos + 1)[0]
    plc = clx[pos + 5:pos + 5 + size]
    n = (len(plc) - 4) // 12
    if n > MAX_PIECES:
        raise DocFormatError(f"{n} pieces")
    cps = struct.unpack_from(f"<{n + 1}I", plc, 0)
    pieces = []
    for i in range(n):
        raw = _U32(plc, 4 * (n + 1) + 8 * i + 2)[0]
        compressed = bool(raw & 0x40000000)
        fc = raw & 0x3FFFFFFF
        pieces.append(_Piece(cps[i], cps[i + 1], fc // 2 if compressed else fc, not compressed))
    return pieces


def _text(word: bytes, pieces: list[_Piece], end: int) -> str:
    parts = []
    for p in pieces:
        if p.cp >= end:
            break
        n = min(p.end, end) - p.cp
        raw = word[p.start:p.start + (2 * n if p.wide else n)]
        parts.append(raw.decode("utf-16-le" if p.wide else "cp1252", errors="replace"))
    return "".join(parts)


def _cp_of(byte: int, pieces: list[_Piece], starts: list[int]) -> int | None:
    """The character position of the character at `byte` of the WordDocument stream
    (`starts`: the pieces' first bytes, in the pieces' order sorted by them)."""
    k = bisect_right(starts, byte) - 1
    if k < 0:
        return None
    p = pieces[k]
    size = 2 if p.wide else 1
    return p.cp + (byte - p.start) // size if byte < p.start + size * (p.end - p.cp) else None


def _paragraph_marks(word: bytes, table: bytes, extra: bytes,
                     pieces: list[_Piece]) -> tuple[set[int], list[tuple[int, bool]]]:
    """The character positions of table rows' end marks, and (paragraph end, in a table) of
    every paragraph, read from the paragraph properties (PlcBtePapx and its FKP pages)."""
    fc_plc, lcb_plc = struct.unpack_from("<II", word, 0x102)
    plc = table[fc_plc:fc_plc + lcb_plc]
    n = (len(plc) - 4) // 8
    row_ends: set[int] = set()
    paragraphs: list[tuple[int, bool]] = []
    pieces = sorted(pieces, key=lambda p: p.start)
    starts = [p.start for p in pieces]
    for k in range(n):
        page_number = _U32(plc, 4 * (n + 1) + 4 * k)[0] & 0x3FFFFF
        page = word[page_number * _FKP:(page_number + 1) * _FKP]
        if len(page) < _FKP:
            raise DocFormatError("FKP page outside the stream")
        runs = page[_FKP - 1]
        fcs = struct.unpack_from(f"<{runs + 1}I", page, 0)
        for i in range(runs):
            offset = page[4 * (runs + 1) + 13 * i]
            in_table, row_end = _table_flags(page, 2 * offset, extra) if offset else (False, False)
            last = _cp_of(fcs[i + 1] - 1, pieces, starts)  # the paragraph's mark (its last byte)
            if last is None:
                continue
            paragraphs.append((last, in_table))
            if row_end:
                row_ends.add(last)
    paragraphs.sort()
    return row_ends, paragraphs


def _table_flags(page: bytes, at: int, extra: bytes) -> tuple[bool, bool]:
    """(in a table, a row's end) from a PapxInFkp: its istd, then its sprms."""
    cb = page[at]  # its size in words (less one byte); 0: the size is in the next byte
    grp = page[at + 1:at + 1 + 2 * cb - 1] if cb else page[at + 2:at + 2 + 2 * page[at + 1]]
    return _flags_of(grp, 2, extra)


def _flags_of(grp: bytes, pos: int, extra: bytes, huge: bool = False) -> tuple[bool, bool]:
    in_table = row_end = False
    depth = 1
    while pos + 2 <= len(grp):
        sprm = _U16(grp, pos)[0]
        pos += 2
        if sprm == _TABLE_DEFINITION:
            pos += 2 + _U16(grp, pos)[0] - 1 if pos + 2 <= len(grp) else len(grp)
            continue
        if sprm == _TABS and pos < len(grp) and grp[pos] == 255:
            break  # a rare long form; the flags come before it in practice
        spra = sprm >> 13
        size = grp[pos] + 1 if spra == 6 and pos < len(grp) else _OPERAND.get(spra, 1)
        operand = grp[pos:pos + size]
        if sprm == _IN_TABLE and operand:
            in_table = operand[0] == 1
        elif sprm == _ROW_END and operand:
            row_end = operand[0] == 1
        elif sprm == _DEPTH and len(operand) == 4:
            depth = _U32(operand, 0)[0]
        elif sprm == _HUGE_PAPX and len(operand) == 4 and not huge:
            at = _U32(operand, 0)[0]
            if at + 2 <= len(extra):
                more = extra[at + 2:at + 2 + _U16(extra, at)[0]]
                deep_in, deep_end = _flags_of(more, 0, extra, huge=True)
                in_table, row_end = in_table or deep_in, row_end or deep_end
        pos += size
    if depth > 1:
        return True, False  # a table inside a cell: its text stays in the outer cell
    return in_table, row_end


def _visible(text: str) -> str:
    """A run of text without field codes (\\x13 code \\x14 result \\x15: the result is shown) and marks."""
    out: list[str] = []
    depth = 0
    showing = [True]
    for ch in text:
        if ch == "\x13":
            depth += 1
            showing.append(False)
        elif ch == "\x14" and depth:
            showing[-1] = True
        elif ch == "\x15" and depth:
            depth -= 1
            showing.pop()
        elif all(showing):
            out.append(ch)
    return "".join(out).translate(_DROPPED)


def _doc(text: str, row_ends: set[int], paragraphs: list[tuple[int, bool]], name: str) -> Doc:
    doc = Doc(name, "doc")
    in_table = dict(paragraphs)  # a paragraph mark's position -> whether it stands in a table
    cells: list[str] = []
    cell: list[str] = []
    start = 0
    n_par = n_table = n_rows = 0
    previous_in_table = False
    for cp, ch in enumerate(text):
        if ch not in "\r\x07\x0c":
            continue
        piece = _visible(text[start:cp])
        start = cp + 1
        tabled = ch == "\x07" or in_table.get(cp, False)  # the paragraph's properties say so
        if not tabled:
            if previous_in_table and cells:
                n_rows += 1
                _add_row(doc, cells, n_table, n_rows)
                cells = []
            previous_in_table = False
            if piece.strip():
                n_par += 1
                doc.add_paragraph(piece, f"第{n_par}段")
            continue
        if not previous_in_table:
            n_table += 1
            n_rows = 0
        previous_in_table = True
        cell.append(piece)
        if ch != "\x07":
            continue  # a paragraph inside a cell: the cell goes on
        if cp in row_ends:
            n_rows += 1
            _add_row(doc, cells, n_table, n_rows)
            cells, cell = [], []
            continue
        cells.append("\n".join(cell).strip())
        cell = []
    if cells:
        _add_row(doc, cells, n_table, n_rows + 1)
    return doc


def _add_row(doc: Doc, cells: list[str], table: int, row: int) -> None:
    if not any(c.strip() for c in cells):
        return
    place = f"第{table}个表格 第{row}行"
    doc.add(Row([Cell(text, f"{place} 第{i}格") for i, text in enumerate(cells, 1)], place, is_table=True))
