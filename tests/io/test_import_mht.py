"""A web page saved as one file (.mht): its HTML part read whatever its transfer encoding, and
in the charset its bytes are in even when the part names a narrower one or none."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from govopen_desktop.io.importers import import_file
from govopen_desktop.io.project import load_report
from tests.support.import_builders import expected_of, write_html
from tests.support.paths import REPO

SAMPLE = REPO / "resources" / "sample" / "sample-2024.govopen"


def _page_bytes(tmp_path: Path, encoding: str) -> bytes:
    page = tmp_path / "page.htm"
    write_html(expected_of(load_report(SAMPLE)), page, encoding)
    html = page.read_bytes()
    page.unlink()
    return html


def _mht(tmp_path: Path, html: bytes, part_type: bytes) -> Path:
    head = (b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b1"; type="text/html"\r\n\r\n'
            b"--b1\r\nContent-Type: " + part_type + b"\r\nContent-Transfer-Encoding: base64\r\n\r\n")
    path = tmp_path / "报告.mht"
    path.write_bytes(head + base64.encodebytes(html) + b"\r\n--b1--\r\n")
    return path


@pytest.mark.parametrize(("encoding", "part_type"), [
    ("utf-8", b"text/html"),  # no charset named: the bytes are UTF-8
    ("gbk", b'text/html; charset="gb2312"'),  # GB2312 named, GBK characters in it
])
def test_the_page_in_an_mht_is_read_in_the_charset_of_its_bytes(tmp_path: Path, encoding: str,
                                                                part_type: bytes) -> None:
    html = _page_bytes(tmp_path, encoding)
    agency = load_report(SAMPLE).meta.agency
    if encoding == "gbk":  # a character GB2312 lacks (鎔) in the agency's name
        html = html.replace(agency.encode("gbk"), ("鎔" + agency).encode("gbk"))
    result = import_file(_mht(tmp_path, html, part_type))
    expected = load_report(SAMPLE)
    assert result.report.cells == expected.cells
    shown = "鎔" + agency if encoding == "gbk" else agency
    assert result.report.meta.agency == shown
    assert result.report.text["overview"] == (expected.text["overview"] or "").replace(agency, shown)
