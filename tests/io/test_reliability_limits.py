"""Issue 11, import limits: judged by what a part is (the package's content types and
relationships), by rows, cells and elements counted in the stream, by tags, cells and
nesting in HTML; a DOCTYPE refused wherever the prolog puts it. Each crafted file is refused
in a fresh child process within 2 s and 200 MB with a Chinese message naming it."""

from __future__ import annotations

import io
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from govopen_desktop.io.importers import ImportFailed, import_file
from govopen_desktop.io.importers.readers import limits
from tests.support.hostile_files import write_each
from tests.support.reliability import MEMORY_LIMIT_MB, TIME_LIMIT, assert_plain_chinese, run_child

SHEET_NS = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
SHEET_END = b"</sheetData></worksheet>"
BOMB = (b'<!DOCTYPE lolz [<!ENTITY lol "lol">'
        + b"".join(b'<!ENTITY lol%d "%s">' % (i, b"&lol%d;" % (i - 1) * 10 if i > 1 else b"&lol;" * 10)
                   for i in range(1, 10)) + b"]>")


def _workbook_members() -> dict[str, bytes]:
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active["A1"] = "二、主动公开政府信息情况"
    buf = io.BytesIO()
    wb.save(buf)
    with zipfile.ZipFile(buf) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def _docx_members() -> dict[str, bytes]:
    import docx

    d = docx.Document()
    d.add_paragraph("一、总体情况")
    buf = io.BytesIO()
    d.save(buf)
    with zipfile.ZipFile(buf) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def _write(path: Path, members: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)


def _rows(n: int, cells_per_row: int = 1, prefix: bytes = b"") -> bytes:
    from openpyxl.utils import get_column_letter

    p = prefix + b":" if prefix else b""
    letters = [get_column_letter(c).encode() for c in range(1, cells_per_row + 1)]
    body = b"".join(
        b"<%srow r=\"%d\">" % (p, r) + b"".join(b'<%sc r="%s%d"><%sv>1</%sv></%sc>' % (p, c, r, p, p, p)
                                               for c in letters) + b"</%srow>" % p
        for r in range(1, n + 1))
    if prefix:
        return (b'<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>'
                + body + b"</x:sheetData></x:worksheet>")
    return SHEET_NS + body + SHEET_END


def _sheet_renamed(part: str, rows: int) -> Callable[[Path], None]:
    """The sheet part is called `part` (xl/data/s1.xml): only the relationships say it is a sheet."""
    def write(path: Path) -> None:
        members = _workbook_members()
        del members["xl/worksheets/sheet1.xml"]
        for meta in ("xl/_rels/workbook.xml.rels", "[Content_Types].xml"):
            members[meta] = members[meta].replace(b"worksheets/sheet1.xml", part.removeprefix("xl/").encode())
        members[part] = _rows(rows)
        _write(path, members)
    return write


def _package_with(members: Callable[[], dict[str, bytes]], part: str, xml: bytes) -> Callable[[Path], None]:
    """A package with its members as `members()` makes them, `part` holding `xml`."""
    def make(path: Path) -> None:
        _write(path, {**members(), part: xml})
    return make


def _with_sheet(xml: bytes) -> Callable[[Path], None]:
    return _package_with(_workbook_members, "xl/worksheets/sheet1.xml", xml)


def _docx_with_document(xml: bytes) -> Callable[[Path], None]:
    return _package_with(_docx_members, "word/document.xml", xml)


DOC_BODY = (b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
            b"<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>")
COMMENT_5K = b"<!--" + b"x" * 5200 + b"-->"


def many_shared_strings(path: Path) -> None:
    """190,000 shared strings: few cells, but openpyxl would build every string (3 s)."""
    members = _workbook_members()
    members["xl/sharedStrings.xml"] = (b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                                       + b"<si><t>x</t></si>" * 190_000 + b"</sst>")
    members["[Content_Types].xml"] = members["[Content_Types].xml"].replace(b"</Types>", (
        b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
        b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'))
    _write(path, members)


def docx_main_part_renamed(path: Path) -> None:
    """word/document.xml is harmless; the package relationships name another main part, the
    one python-docx and our reader would read: it is judged as XML whatever its name."""
    members = _docx_members()
    members["_rels/.rels"] = members["_rels/.rels"].replace(b"word/document.xml", b"word/main.bin")
    members["word/main.bin"] = b'<?xml version="1.0"?>' + COMMENT_5K + BOMB + DOC_BODY
    _write(path, members)


def _html_cells(n_rows: int, per_row: int) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        row = "<tr>" + "<td>1</td>" * per_row + "</tr>"
        path.write_text("<html><body><table>" + row * n_rows + "</table></body></html>", encoding="utf-8")
    return make


CRAFTED: dict[str, Callable[[Path], None]] = {
    "sheet-renamed-300k-rows.xlsx": _sheet_renamed("xl/data/s1.xml", 300_000),
    "sheet-renamed-30k-rows.xlsx": _sheet_renamed("xl/data/s1.dat", 30_000),  # the same disguise, under the limits
    "rows-300k.xlsx": _with_sheet(_rows(300_000)),
    "prefixed-rows-40k.xlsx": _with_sheet(_rows(40_000, prefix=b"x")),
    "columns-16384x30.xlsx": _with_sheet(_rows(30, 16_384)),
    "cells-20x990.xlsx": _with_sheet(_rows(990, 20)),
    "doctype-behind-5k-comment.xlsx": _with_sheet(b'<?xml version="1.0"?>' + COMMENT_5K + BOMB + SHEET_NS + SHEET_END),
    "doctype-behind-5k-comment.docx": _docx_with_document(b'<?xml version="1.0"?>' + COMMENT_5K + BOMB + DOC_BODY),
    "doctype-utf16.docx": _docx_with_document(
        ('<?xml version="1.0" encoding="UTF-16"?>' + COMMENT_5K.decode() + BOMB.decode() + DOC_BODY.decode())
        .encode("utf-16")),
    "elements-1m.docx": _docx_with_document(
        DOC_BODY.replace(b"<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>", b"<w:p/>" * 1_000_000)),
    "doctype-in-renamed-main.docx": docx_main_part_renamed,
    "shared-strings-190k.xlsx": many_shared_strings,
    "many-big-rels.docx": lambda p: _write(p, {**_docx_members(), **{
        f"word/_rels/p{i}.xml.rels": b"<Relationships>" + b" " * (1 << 20) + b"</Relationships>" for i in range(40)}}),
    "big-ole.xls": lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * (21 * 1024 * 1024)),
    "tabs-1.5m.txt": lambda p: p.write_text(("1\t" * 5000 + "\n") * 300, encoding="utf-8"),
    "long-label-lines.txt": lambda p: p.write_text(("一、本年新收政府信息公开申请数量 " * 200 + "\n") * 2000,
                                                   encoding="utf-8"),
    "million-cells.html": _html_cells(100_000, 10),
    "cells-20k.html": _html_cells(2_000, 10),
    "nested-tables.html": lambda p: p.write_text("<table><tr><td>" * 200 + "x", encoding="utf-8"),
    "tags-300k.html": lambda p: p.write_text("<p>" + "<b>x</b>" * 300_000 + "</p>", encoding="utf-8"),
}


@pytest.fixture(scope="module")
def crafted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_each(tmp_path_factory.mktemp("crafted-imports"), CRAFTED)


@pytest.mark.parametrize(("name", "why"), [
    ("sheet-renamed-300k-rows.xlsx", "工作表“xl/data/s1.xml”"),
    ("sheet-renamed-30k-rows.xlsx", "工作表"),
    ("rows-300k.xlsx", "工作表"),
    ("prefixed-rows-40k.xlsx", "行"),
    ("columns-16384x30.xlsx", "单元格"),
    ("cells-20x990.xlsx", "单元格"),
    ("doctype-behind-5k-comment.xlsx", "文档类型或实体声明"),
    ("doctype-behind-5k-comment.docx", "文档类型或实体声明"),
    ("doctype-utf16.docx", "文档类型或实体声明"),
    ("elements-1m.docx", "XML 元素"),
    ("doctype-in-renamed-main.docx", "word/main.bin"),
    ("shared-strings-190k.xlsx", "元素"),
    ("big-ole.xls", "MB"),
    ("many-big-rels.docx", "关系部件"),
    ("million-cells.html", "网页标记"),
    ("tabs-1.5m.txt", "行或栏"),
    ("long-label-lines.txt", "字符"),
    ("cells-20k.html", "单元格"),
    ("nested-tables.html", "嵌套"),
    ("tags-300k.html", "网页标记"),
])
def test_refused_with_the_reason(name: str, why: str, crafted: Path) -> None:
    started = time.perf_counter()
    with pytest.raises(ImportFailed) as info:
        import_file(crafted / name)
    assert time.perf_counter() - started < TIME_LIMIT
    assert why in str(info.value)
    assert_plain_chinese(str(info.value), name)


@pytest.mark.skipif(sys.platform == "win32", reason="resource.getrusage is POSIX only")
@pytest.mark.parametrize("name", list(CRAFTED))
def test_refusal_costs_under_2s_and_200mb_in_a_fresh_process(name: str, crafted: Path, tmp_path: Path) -> None:
    run = run_child(["check", str(crafted / name)], tmp_path)
    assert run.code == 2, run
    assert run.seconds < TIME_LIMIT, run
    assert run.peak_mb < MEMORY_LIMIT_MB, run
    assert_plain_chinese(run.stderr, name)


def test_parsers_neutralise_entities_without_the_raw_check(crafted: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Both defences are real: with the prolog scan switched off, python-docx's lxml parser
    expands no entity (the document reads, without a billion 'lol's) and openpyxl's
    defusedxml refuses the workbook — each at once."""
    monkeypatch.setattr(limits._Prolog, "feed", lambda self, data: True)
    started = time.perf_counter()
    with pytest.raises(ImportFailed) as info:
        import_file(crafted / "doctype-behind-5k-comment.docx")
    assert "lol" not in str(info.value)
    with pytest.raises(ImportFailed, match=r"doctype-behind-5k-comment\.xlsx"):
        import_file(crafted / "doctype-behind-5k-comment.xlsx")
    assert time.perf_counter() - started < TIME_LIMIT


def test_prolog_scan() -> None:
    def refused(data: bytes, chunk: int = 7) -> bool:
        prolog = limits._Prolog()
        return any(not prolog.done and not prolog.feed(data[i:i + chunk]) for i in range(0, len(data), chunk))

    assert refused(b'<?xml version="1.0"?>' + COMMENT_5K + b"<!DOCTYPE x>" + b"<root/>")
    assert refused(b"\xef\xbb\xbf<!-- a -- b --><?pi x?>\n<!DOCTYPE x><root/>")
    assert refused(('<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x><r/>').encode("utf-16-be"))
    assert not refused(b'<?xml version="1.0"?><root><!-- <!DOCTYPE in a comment later --></root>')
    assert not refused(b'<?xml version="1.0"?>' + COMMENT_5K + b"<w:document/>")
    assert not refused(b"<root>" + b"<!DOCTYPE after the root is no DOCTYPE>" + b"</root>")


def test_real_report_files_pass_the_limits() -> None:
    """What the program exports itself, and the real files in tests/data, stay importable."""
    from tests.support.paths import REPO

    for path in sorted((REPO / "tests" / "data" / "import").glob("*.*")):
        if path.suffix.lower() in (".xlsx", ".docx", ".html", ".htm", ".xls"):
            try:
                import_file(path)
            except ImportFailed as exc:
                assert "拒绝" not in str(exc), (path.name, str(exc))


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="peak memory read from /proc")
def test_whole_hostile_corpus_each_within_2s_and_200mb(tmp_path: Path) -> None:
    """The import suite's hostile corpus (tests/io/test_import_hostile.py) through `check` in one
    fresh process: each file answered within 2 s, the process never above 200 MB."""
    import json
    import os
    import subprocess

    from tests.support.hostile_files import CORPUS
    from tests.support.paths import REPO

    for name, make in CORPUS.items():
        make(tmp_path / name)
    script = (
        "import contextlib, io, json, sys, time\n"
        "from pathlib import Path\n"
        "from govopen_desktop.cli.main import main\n"
        "out = {}\n"
        "for p in sorted(Path(sys.argv[1]).iterdir()):\n"
        "    err = io.StringIO()\n"
        "    t = time.perf_counter()\n"
        "    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):\n"
        "        code = main(['check', str(p)])\n"
        "    out[p.name] = [code, time.perf_counter() - t, err.getvalue()]\n"
        "peak = next(int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM:')) // 1024\n"
        "print(json.dumps({'files': out, 'peak_mb': peak}))\n"
    )
    env = {**os.environ, "GOVOPEN_DATA_DIR": str(tmp_path / "data"), "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-c", script, str(tmp_path)], capture_output=True, text=True,
                          timeout=300, env=env, check=True)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["peak_mb"] < MEMORY_LIMIT_MB
    for name, (code, seconds, err) in result["files"].items():
        if name == "data":
            continue
        assert code == 2 and seconds < TIME_LIMIT, (name, code, seconds, err)
        assert_plain_chinese(err, name)
