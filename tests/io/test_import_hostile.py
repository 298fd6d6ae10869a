"""Bad and hostile files: each is refused (or read) within seconds with a Chinese message
naming the file, exit code 2, no traceback and nothing written. The corpus is generated
file by file (tests/support/hostile_files.py), so every case is visible and reproducible."""

from __future__ import annotations

import sys
import time
import zipfile
from pathlib import Path

import pytest

from govopen_desktop.cli.main import main
from govopen_desktop.io.importers import ImportFailed, import_file, import_text
from tests.support.hostile_files import CORPUS, ole_file, write_each

# ---- corpus -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_each(tmp_path_factory.mktemp("hostile"), CORPUS)


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
    ("pdf-report.pdf", "PDF"), ("far-cell.xls", "工作表“表三”在 IV65536 处还有内容"),
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
    from govopen_desktop.io.importers.readers import convert

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
    from govopen_desktop.io.importers.readers import detect

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
    from tests.support.paths import REPO

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


def test_a_word_part_the_reader_never_parses_is_not_scanned(tmp_path: Path) -> None:
    # the DOCTYPE scan guards what a reader parses: a .docx's main part and relationships; a
    # declaration in styles.xml (which nothing here reads) does not make a report unreadable
    from govopen_desktop.io.exporters.docx_export import export_docx
    from govopen_desktop.io.project import load_report
    from tests.support.paths import REPO

    report = load_report(REPO / "resources" / "sample" / "sample-2024.govopen")
    plain = tmp_path / "导出.docx"
    export_docx(report, plain)
    with zipfile.ZipFile(plain) as zf:
        members = [(info, zf.read(info.filename)) for info in zf.infolist()]
    doctype = b'<?xml version="1.0"?>\n<!DOCTYPE w:styles [<!ENTITY a "x">]>\n'
    out = tmp_path / "样式有声明.docx"
    with zipfile.ZipFile(out, "w") as zf:
        for info, data in members:
            if info.filename == "word/styles.xml":
                data = doctype + data.split(b"?>", 1)[1]
            zf.writestr(info, data)
    assert import_file(out).report.cells == report.cells
    main = tmp_path / "正文有声明.docx"
    with zipfile.ZipFile(main, "w") as zf:
        for info, data in members:
            if info.filename == "word/document.xml":
                data = doctype.replace(b"w:styles", b"w:document") + data.split(b"?>", 1)[1]
            zf.writestr(info, data)
    with pytest.raises(ImportFailed, match="实体声明"):
        import_file(main)
