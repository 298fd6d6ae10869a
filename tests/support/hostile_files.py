"""Bad and hostile files, made file by file so every case is visible and reproducible: empty,
truncated, password-protected, zip and entity bombs, a million rows, binary under a report's
name. CORPUS maps each file name to the function that writes it."""

from __future__ import annotations

import io
import os
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

FREE, END, FATSECT, NOSTREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF


def ole_file(streams: dict[str, bytes]) -> bytes:
    """A minimal OLE compound file (CFB v3); each stream padded to 4096 bytes so that it
    lives in normal sectors. Enough for a reader to list the stream names."""
    names = list(streams)
    assert len(names) <= 3
    datas = [streams[n].ljust(4096, b"\0") for n in names]
    fat = [FATSECT, END]
    starts = []
    for data in datas:
        n = len(data) // 512
        first = len(fat)
        starts.append(first)
        fat += [first + k + 1 for k in range(n - 1)] + [END]
    fat += [FREE] * (128 - len(fat))
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16
    header += struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6
    header += struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, END, 0, END, 0)
    header += struct.pack("<I", 0) + struct.pack("<I", FREE) * 108

    def entry(name: str, kind: int, left: int, right: int, child: int, start: int, size: int) -> bytes:
        raw = name.encode("utf-16-le") + b"\0\0" if name else b""
        return (raw.ljust(64, b"\0") + struct.pack("<HBB", len(raw), kind, 1)
                + struct.pack("<III", left, right, child) + b"\0" * 16 + struct.pack("<I", 0)
                + b"\0" * 16 + struct.pack("<II", start, size) + b"\0" * 4)

    entries = [entry("Root Entry", 5, NOSTREAM, NOSTREAM, 1, END, 0)]
    for k, name in enumerate(names):
        right = k + 2 if k + 1 < len(names) else NOSTREAM
        entries.append(entry(name, 2, NOSTREAM, right, NOSTREAM, starts[k], len(streams[name])))
    while len(entries) < 4:
        entries.append(entry("", 0, NOSTREAM, NOSTREAM, NOSTREAM, 0, 0))
    return header + struct.pack("<128I", *fat) + b"".join(entries) + b"".join(datas)


def _zip(path: Path, members: dict[str, bytes | Callable[[zipfile.ZipFile, str], None]]) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in members.items():
            if callable(content):
                content(zf, name)
            else:
                zf.writestr(name, content)


def _stream(total: int, chunk: bytes) -> Callable[[zipfile.ZipFile, str], None]:
    def write(zf: zipfile.ZipFile, name: str) -> None:
        with zf.open(name, "w", force_zip64=True) as out:
            written = 0
            while written < total:
                out.write(chunk)
                written += len(chunk)
    return write


def _streamed_sheet(n: int, dimension: str, row: Callable[[int], str]) -> Callable[[zipfile.ZipFile, str], None]:
    """A sheet part of `n` rows written as it streams (never held whole), each `row(r)`."""
    def write(zf: zipfile.ZipFile, name: str) -> None:
        with zf.open(name, "w", force_zip64=True) as out:
            out.write(b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/'
                      b'spreadsheetml/2006/main"><dimension ref="%s"/><sheetData>' % dimension.encode())
            for start in range(1, n + 1, 10000):
                out.write("".join(row(r) for r in range(start, min(start + 10000, n + 1))).encode())
            out.write(b"</sheetData></worksheet>")
    return write


def _rows(n: int) -> Callable[[zipfile.ZipFile, str], None]:
    return _streamed_sheet(n, "A1:A1000000", lambda r: f'<row r="{r}"><c r="A{r}"><v>0</v></c></row>')


def _empty_rows(n: int) -> Callable[[zipfile.ZipFile, str], None]:
    return _streamed_sheet(n, "A1", lambda r: f'<row r="{r}"/>')


def _valid_xlsx_bytes() -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active["A1"] = "二、主动公开政府信息情况"
    for r in range(2, 400):
        wb.active.cell(r, 1, f"第{r}行的一些文字内容，用来让文件足够大")
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


BOMB_XML = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
            + b"".join(b'<!ENTITY lol%d "%s">' % (i, b"&lol%d;" % (i - 1) * 10 if i > 1 else b"&lol;" * 10)
                       for i in range(1, 10))
            + b']><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
              b"<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&lol9;</t></is></c></row>"
              b"</sheetData></worksheet>")


def _bomb_xlsx(path: Path) -> None:
    buf = io.BytesIO(_valid_xlsx_bytes())
    with zipfile.ZipFile(buf) as src:
        members: dict[str, bytes | Callable[[zipfile.ZipFile, str], None]] = {
            n: src.read(n) for n in src.namelist()}
    members["xl/worksheets/sheet1.xml"] = BOMB_XML
    _zip(path, members)


def _with_members(extra: dict[str, bytes | Callable[[zipfile.ZipFile, str], None]]) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        with zipfile.ZipFile(io.BytesIO(_valid_xlsx_bytes())) as src:
            members: dict[str, bytes | Callable[[zipfile.ZipFile, str], None]] = {
                n: src.read(n) for n in src.namelist()}
        members.update(extra)
        _zip(path, members)
    return make


def _not_a_report_docx(path: Path) -> None:
    import docx

    d = docx.Document()
    d.add_paragraph("会议纪要")
    d.add_paragraph("今天讨论了食堂的菜单和停车位的安排。")
    t = d.add_table(rows=2, cols=2)
    t.rows[0].cells[0].text = "姓名"
    t.rows[1].cells[1].text = "3"
    d.save(str(path))


def _not_a_report_xlsx(path: Path) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    for r in range(1, 30):
        wb.active.append([f"商品{r}", r, r * 2.5])
    wb.save(path)


def _corrupt_member(path: Path) -> None:
    """An OpenDocument zip whose one member fails its CRC check."""
    _zip(path, {"mimetype": b"application/vnd.oasis.opendocument.text" * 10})
    data = bytearray(path.read_bytes())
    data[40:60] = b"\0" * 20
    path.write_bytes(bytes(data))


def _record(kind: int, body: bytes) -> bytes:
    return struct.pack("<HH", kind, len(body)) + body


def far_cell_xls() -> bytes:
    """An Excel 97-2003 workbook of a few kilobytes with one sheet holding a value at A1 and
    one at IV65536, its last cell: laid out whole, 16 million cells."""
    bof_globals = _record(0x0809, struct.pack("<HHHHII", 0x0600, 0x0005, 0, 0, 0, 0))
    name = "表三".encode("utf-16-le")
    boundsheet_len = 4 + 8 + len(name)
    sheet_at = len(bof_globals) + boundsheet_len + 4  # after the BOUNDSHEET and the globals' EOF
    boundsheet = _record(0x0085, struct.pack("<IBBBB", sheet_at, 0, 0, 2, 1) + name)
    number = lambda row, col: _record(0x0203, struct.pack("<HHHd", row, col, 0, 1.0))  # noqa: E731
    sheet = (_record(0x0809, struct.pack("<HHHHII", 0x0600, 0x0010, 0, 0, 0, 0))
             + number(0, 0) + number(65535, 255) + _record(0x000A, b""))
    stream = bof_globals + boundsheet + _record(0x000A, b"") + sheet
    # at least 4096 bytes: a smaller stream would belong in the mini stream ole_file does not write
    return ole_file({"Workbook": stream + _record(0x003C, b"\0" * (4096 - len(stream)))})


CORPUS: dict[str, Callable[[Path], None]] = {
    "empty.xlsx": lambda p: p.write_bytes(b""),
    "empty.txt": lambda p: p.write_bytes(b""),
    "blank-lines.txt": lambda p: p.write_text("\n \n\t\n", encoding="utf-8"),
    "not-a-report.txt": lambda p: p.write_text("今天天气很好。\n我们去公园散步。\n", encoding="utf-8"),
    "not-a-report.xlsx": _not_a_report_xlsx,
    "not-a-report.docx": _not_a_report_docx,
    "password-protected.xlsx": lambda p: p.write_bytes(
        ole_file({"EncryptionInfo": b"\x04\x00\x04\x00" + b"\x40" * 60, "EncryptedPackage": os.urandom(600)})),
    "password-protected.docx": lambda p: p.write_bytes(
        ole_file({"EncryptionInfo": b"\x04\x00\x04\x00", "EncryptedPackage": b"x" * 100})),
    "corrupt-member.odt": _corrupt_member,
    "truncated.xlsx": lambda p: p.write_bytes(_valid_xlsx_bytes()[:3000]),
    "zip-bomb.xlsx": _with_members({"xl/worksheets/sheet2.xml": _stream(400 * 1024 * 1024, b" " * (1 << 20))}),
    "zip-bomb.docx": lambda p: _zip(p, {"[Content_Types].xml": b"<Types/>",
                                        "word/document.xml": _stream(100 * 1024 * 1024, b"\0" * (1 << 20))}),
    "entity-bomb.xlsx": _bomb_xlsx,
    "entity-bomb.docx": lambda p: _zip(p, {"[Content_Types].xml": b"<Types/>", "word/document.xml": BOMB_XML}),
    "million-rows.xlsx": _with_members({"xl/worksheets/sheet1.xml": _rows(1_000_000)}),
    "many-empty-rows.xlsx": _with_members({"xl/worksheets/sheet1.xml": _empty_rows(400_000)}),
    "binary-named.docx": lambda p: p.write_bytes(os.urandom(64 * 1024)),
    "png-named.xlsx": lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64),
    "ole-unknown.dat": lambda p: p.write_bytes(ole_file({"Garbage": b"abc"})),
    "pdf-report.pdf": lambda p: p.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n"),
    "many-lines.txt": lambda p: p.write_bytes(b"ab\n" * 3_000_000),
    "many-rows.txt": lambda p: p.write_bytes("规章\t1\t2\n".encode() * 150_000),
    "many-paragraphs.html": lambda p: p.write_bytes(b"<html><body>" + b"<p>x</p>" * 300_000 + b"</body></html>"),
    "huge.txt": lambda p: p.write_bytes(b"a" * (21 * 1024 * 1024)),
    # markdown marks never closed on one long line: a bold mark's search must not rescan the line
    "unclosed-bold.md": lambda p: p.write_bytes("**规章 ".encode() * 60_000),
    "far-cell.xls": lambda p: p.write_bytes(far_cell_xls()),
}


def write_each(folder: Path, makers: dict[str, Callable[[Path], object]]) -> Path:
    """`folder` with each file of `makers` written into it by its function."""
    for name, make in makers.items():
        make(folder / name)
    return folder
