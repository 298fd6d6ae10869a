"""Bad and hostile files: each is refused (or read) within seconds with a Chinese message
naming the file, exit code 2, no traceback and nothing written. The corpus is generated
here, file by file, so every case is visible and reproducible."""

from __future__ import annotations

import io
import os
import struct
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from govopen_desktop.cli.main import main
from govopen_desktop.io.importers import ImportFailed, import_file, import_text

FREE, END, FATSECT, NOSTREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF


# ---- corpus -------------------------------------------------------------------------------


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


def _rows(n: int) -> Callable[[zipfile.ZipFile, str], None]:
    def write(zf: zipfile.ZipFile, name: str) -> None:
        with zf.open(name, "w", force_zip64=True) as out:
            out.write(b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/'
                      b'spreadsheetml/2006/main"><dimension ref="A1:A1000000"/><sheetData>')
            for start in range(1, n + 1, 10000):
                out.write("".join(f'<row r="{r}"><c r="A{r}"><v>0</v></c></row>'
                                  for r in range(start, min(start + 10000, n + 1))).encode())
            out.write(b"</sheetData></worksheet>")
    return write


def _empty_rows(n: int) -> Callable[[zipfile.ZipFile, str], None]:
    def write(zf: zipfile.ZipFile, name: str) -> None:
        with zf.open(name, "w", force_zip64=True) as out:
            out.write(b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/'
                      b'spreadsheetml/2006/main"><dimension ref="A1"/><sheetData>')
            for start in range(1, n + 1, 10000):
                out.write("".join(f'<row r="{r}"/>' for r in range(start, min(start + 10000, n + 1))).encode())
            out.write(b"</sheetData></worksheet>")
    return write


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
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    for name, make in CORPUS.items():
        make(folder / name)
    return folder


# ---- tests --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(CORPUS))
def test_refused_quickly_with_a_message_naming_the_file(name: str, corpus: Path) -> None:
    started = time.monotonic()
    with pytest.raises(ImportFailed) as err:
        import_file(corpus / name)
    assert time.monotonic() - started < 5
    message = str(err.value)
    assert name in message
    assert "Traceback" not in message and "\n" not in message
    assert any("\u4e00" <= ch <= "\u9fff" for ch in message)


@pytest.mark.parametrize("name", list(CORPUS))
def test_cli_exit_2_and_nothing_written(
    name: str, corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.govopen"
    assert main(["import", str(corpus / name), "-o", str(out), "--json"]) == 2
    captured = capsys.readouterr()
    assert captured.err.startswith("错误：") and name in captured.err
    assert "Traceback" not in captured.err and "内部错误" not in captured.err
    assert captured.out == ""
    assert not out.exists()


@pytest.mark.parametrize(("name", "words"), [
    ("password-protected.xlsx", "密码"), ("password-protected.docx", "密码"),
    ("truncated.xlsx", "不完整"), ("zip-bomb.xlsx", "拒绝"), ("zip-bomb.docx", "拒绝"),
    ("entity-bomb.xlsx", "实体"), ("entity-bomb.docx", "实体"),
    ("million-rows.xlsx", "MB"), ("many-empty-rows.xlsx", "行"), ("empty.xlsx", "空文件"),
    ("binary-named.docx", "不是可识别"), ("not-a-report.docx", "不是政府信息公开工作年度报告"),
    ("pdf-report.pdf", "PDF"),
])
def test_message_says_why(name: str, words: str, corpus: Path) -> None:
    with pytest.raises(ImportFailed, match=words):
        import_file(corpus / name)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(ImportFailed, match=r"不存在|找不到"):
        import_file(tmp_path / "nowhere.xlsx")
    with pytest.raises(ImportFailed, match="文件夹"):
        import_file(tmp_path)


def test_empty_pasted_text() -> None:
    with pytest.raises(ImportFailed, match="空"):
        import_text("   \n")


def test_openpyxl_parses_with_defusedxml() -> None:
    """Besides our own check for entity declarations, openpyxl itself must use defusedxml."""
    from openpyxl.xml import DEFUSEDXML

    assert DEFUSEDXML is True


def test_doc_without_libreoffice_asks_to_save_as_docx(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from govopen_desktop.io.importers import convert

    monkeypatch.setattr(convert, "find_soffice", lambda: None)
    path = tmp_path / "去年年报.doc"
    path.write_bytes(ole_file({"WordDocument": b"\xec\xa5" + b"\0" * 50}))
    with pytest.raises(ImportFailed, match=r"去年年报\.doc.*另存为.*\.docx"):
        import_file(path)
    sheet = tmp_path / "去年年报.et"
    sheet.write_bytes(ole_file({"Garbage": b"abc"}))
    with pytest.raises(ImportFailed, match=r"\.xlsx"):
        import_file(sheet)


def test_entity_bomb_is_refused_even_without_our_pre_check(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Defence in depth: with the DOCTYPE scan switched off, openpyxl's defusedxml refuses."""
    from govopen_desktop.io.importers import detect

    monkeypatch.setattr(detect, "check_zip", lambda path, zf: None)
    started = time.monotonic()
    with pytest.raises(ImportFailed, match=r"entity-bomb\.xlsx"):
        import_file(corpus / "entity-bomb.xlsx")
    assert time.monotonic() - started < 5


@pytest.mark.skipif(sys.platform == "win32", reason="resource.getrusage is POSIX only")
def test_whole_corpus_in_one_process_stays_small(corpus: Path) -> None:
    """Peak memory of a fresh process refusing every file of the corpus: well under 300 MB.
    (VmHWM, the new process's own high-water mark: ru_maxrss keeps the forking parent's.)"""
    import subprocess

    script = (
        "import re, sys\n"
        "from pathlib import Path\n"
        "from govopen_desktop.io.importers import ImportFailed, import_file\n"
        "for p in sorted(Path(sys.argv[1]).iterdir()):\n"
        "    try:\n"
        "        import_file(p)\n"
        "    except ImportFailed:\n"
        "        pass\n"
        "status = Path('/proc/self/status').read_text()\n"
        "print(int(re.search(r'VmHWM:\\s+(\\d+)', status).group(1)) // 1024)\n"
    )
    out = subprocess.run([sys.executable, "-c", script, str(corpus)], capture_output=True, text=True,
                         timeout=120, check=True)
    assert int(out.stdout.strip()) < 300


def test_damaged_files_never_crash_nor_print(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    """Valid files with bytes flipped or cut short: a report or ImportFailed, nothing printed
    (xlrd reports damage on stdout unless given a log), each within seconds."""
    import random

    from govopen_desktop.io.exporters.docx_export import export_docx
    from govopen_desktop.io.exporters.xlsx_export import export_xlsx
    from govopen_desktop.io.project import load_report
    from tests.conftest import REPO

    report = load_report(REPO / "resources" / "sample" / "sample-2024.govopen")
    sources = [tmp_path / "r.xlsx", tmp_path / "r.docx", REPO / "tests" / "data" / "import" / "sample-2024-stacked.xls"]
    export_xlsx(report, sources[0])
    export_docx(report, sources[1])
    rnd = random.Random(7)
    for i in range(60):
        source = sources[i % len(sources)]
        data = bytearray(source.read_bytes())
        if i % 4 == 0:
            data = data[: rnd.randrange(1, len(data))]
        else:
            for _ in range(rnd.randint(1, 12)):
                data[rnd.randrange(len(data))] = rnd.randrange(256)
        path = tmp_path / f"damaged{i}{source.suffix}"
        path.write_bytes(bytes(data))
        started = time.monotonic()
        try:
            import_file(path)
        except ImportFailed as exc:
            assert path.name in str(exc)
        assert time.monotonic() - started < 5
    assert capfd.readouterr() == ("", "")
