"""Word tables are read in one pass over their elements when their paragraphs stand right in
their cells: the same rows, cells and texts as reading them cell by cell — merged cells,
several paragraphs in a cell, whitespace after a text run, rows cut at the limit."""

from __future__ import annotations

from pathlib import Path

import pytest

from govopen_desktop.io.importers.readers import docx as docx_reader
from govopen_desktop.io.importers.readers.docx import read_docx
from tests.support.import_builders import expected_of, write_docx
from tests.support.paths import SAMPLE

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _cell(*paragraphs: str, merge: str | None = None) -> str:
    value = "" if merge in (None, "continue-bare") else f' w:val="{merge}"'
    pr = "" if merge is None else f"<w:tcPr><w:vMerge{value}/></w:tcPr>"
    body = "".join(f"<w:p><w:r><w:t>{p}</w:t>\n   </w:r></w:p>" for p in paragraphs) or "<w:p/>"
    return f"<w:tc>{pr}{body}</w:tc>"


def _document(rows: list[str]) -> bytes:
    table = "<w:tbl>" + "".join(f"<w:tr>{r}</w:tr>" for r in rows) + "</w:tbl>"
    return (f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>'
            f"<w:p><w:r><w:t>表</w:t></w:r></w:p>{table}</w:body></w:document>").encode()


def _docx(tmp_path: Path, document: bytes) -> Path:
    from govopen_desktop.io.project import load_report

    src = tmp_path / "base.docx"
    write_docx(expected_of(load_report(SAMPLE)), src)
    import zipfile

    out = tmp_path / "t.docx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            zout.writestr(info, document if info.filename == "word/document.xml" else zin.read(info))
    return out


def _rows(path: Path) -> list[tuple[str, list[tuple[str, str]]]]:
    return [(r.place, [(c.text, c.place) for c in r.cells]) for r in read_docx(path, path.name).rows]


@pytest.mark.parametrize("rows", [
    [_cell("规章") + _cell("1") + _cell("2"), _cell("规范性文件") + _cell("3", "4") + _cell("")],
    [_cell("一、本年新收", merge="restart") + _cell("5"), _cell(merge="continue") + _cell("6"),
     _cell(merge="continue-bare") + _cell("7")],
    [_cell(f"第{i}行") + _cell(str(i)) for i in range(1, 4)],
])
def test_one_pass_reads_what_cell_by_cell_reads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                rows: list[str]) -> None:
    path = _docx(tmp_path, _document(rows))
    fast = _rows(path)
    monkeypatch.setattr(docx_reader, "_is_simple", lambda *_args: False)
    assert fast == _rows(path)
    assert len(fast) > 1


def test_one_pass_stops_at_the_row_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(docx_reader, "MAX_TABLE_ROWS", 3)
    path = _docx(tmp_path, _document([_cell(f"第{i}行") + _cell(str(i)) for i in range(1, 8)]))
    fast = _rows(path)
    monkeypatch.setattr(docx_reader, "_is_simple", lambda *_args: False)
    assert fast == _rows(path)
    assert [place for place, _cells in fast][-1].endswith("第3行")
