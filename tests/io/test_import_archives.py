"""Files a clerk may download in place of the report itself: an OFD (the national
fixed-layout format) without pages, or a zip of attachments. Each is refused with what to do,
naming it. (OFD reports are read: tests/io/test_import_ofd.py.)"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from govopen_desktop.io.importers import import_file
from govopen_desktop.io.importers.problems import ImportFailed

OFD_XML = ('<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.0">'
           "<ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>")


@pytest.mark.parametrize("suffix", [".ofd", ".zip"])  # the content decides, not the name
def test_an_ofd_file_without_pages_is_named_as_one_with_what_to_do(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"2024年报{suffix}"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("OFD.xml", OFD_XML)
        zf.writestr("Doc_0/Document.xml", "<ofd:Document xmlns:ofd='http://www.ofdspec.org/2016'/>")
    with pytest.raises(ImportFailed) as caught:
        import_file(path)
    message = str(caught.value)
    assert f"“2024年报{suffix}”不是完整的 OFD 版式文件" in message and "另存为 PDF" in message


def test_a_zip_of_attachments_names_the_files_in_it(tmp_path: Path) -> None:
    path = tmp_path / "附件.zip"
    with zipfile.ZipFile(path, "w") as zf:
        for n in ("年报/2024年度报告.pdf", "年报/表格.xlsx", "说明.txt", "其他.doc"):
            zf.writestr(n, "x")
    with pytest.raises(ImportFailed) as caught:
        import_file(path)
    message = str(caught.value)
    assert "“附件.zip”是压缩包" in message and "“2024年度报告.pdf”、“表格.xlsx”、“说明.txt”等" in message
    assert "请先解压" in message
