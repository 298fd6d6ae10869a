"""Word 97-2003 .doc (and WPS .wps, the same binary) read directly, without an office suite:
an office PC seldom has LibreOffice. The fixture is the sample's Word export saved as .doc by
LibreOffice."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from govopen_desktop.io.importers import import_file
from govopen_desktop.io.importers.problems import ImportFailed
from govopen_desktop.io.importers.readers import convert
from govopen_desktop.io.importers.readers.doc import read_doc
from govopen_desktop.io.project import load_report
from tests.support.hostile_files import ole_file
from tests.support.paths import REPO

SAMPLE = REPO / "resources" / "sample" / "sample-2024.govopen"
FIXTURE = REPO / "tests" / "data" / "import" / "sample-2024.doc"


@pytest.fixture
def no_office(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(convert, "find_soffice", lambda: None)


@pytest.mark.parametrize("suffix", [".doc", ".wps"])
def test_a_doc_reads_as_the_report_it_was_saved_from(tmp_path: Path, suffix: str, no_office: None) -> None:
    path = tmp_path / f"去年年报{suffix}"
    path.write_bytes(FIXTURE.read_bytes())
    result = import_file(path)
    sample = load_report(SAMPLE)
    assert result.report.cells == sample.cells
    assert result.report.text == sample.text
    assert (result.report.meta.agency, result.report.meta.year, result.report.meta.date) == (
        sample.meta.agency, sample.meta.year, sample.meta.date)
    assert result.problems == []


def test_table_rows_end_where_the_document_ends_them() -> None:
    # a row's end is a paragraph property (in the Data stream for a long one), not a count of marks
    doc = read_doc(FIXTURE.read_bytes(), "样例.doc")
    rows = [[c.text for c in r.cells] for r in doc.rows if r.is_table]
    assert ["规章", "0", "0", "0"] in rows
    assert ["", "", "2.其他法律行政法规禁止公开", "0", "0", "0", "0", "0", "0", "0"] in rows
    assert rows[-1] == ["2", "1", "0", "0", "3", "1", "0", "0", "1", "2", "1", "0", "0", "0", "1"]
    title = "青山市自然资源和规划局2024年\n政府信息公开工作年度报告"
    assert doc.rows[0].cells[0].text == title  # the title's line break kept


def test_a_doc_with_an_opening_password_says_so(tmp_path: Path, no_office: None) -> None:
    data = bytearray(FIXTURE.read_bytes())
    fib = next(at for at in range(512, len(data), 512) if data[at:at + 2] == b"\xec\xa5")  # the stream's start
    data[fib + 0x0B] |= 0x01  # FibBase.fEncrypted
    path = tmp_path / "加密.doc"
    path.write_bytes(bytes(data))
    with pytest.raises(ImportFailed, match=r"加密\.doc.*密码"):
        import_file(path)


def test_a_doc_laid_out_otherwise_goes_to_libreoffice_or_asks_to_save_as_docx(tmp_path: Path,
                                                                              no_office: None) -> None:
    path = tmp_path / "损坏.doc"
    fib = bytearray(0x200)
    struct.pack_into("<H", fib, 0, 0xA5EC)
    path.write_bytes(ole_file({"WordDocument": bytes(fib), "0Table": b"\0" * 16}))
    with pytest.raises(ImportFailed, match=r"损坏\.doc.*另存为.*\.docx"):
        import_file(path)
