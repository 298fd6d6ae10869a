"""A Word report passed round with 修订 (tracked changes) on, or with 隐藏文字: what is read is
what the document shows — an inserted number, not the deleted one; text moved away is not
read twice; hidden text is not read."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from govopen_desktop.io.exporters.docx_export import export_docx
from govopen_desktop.io.importers import import_file
from govopen_desktop.io.project import load_report
from tests.support.paths import REPO

SAMPLE = REPO / "resources" / "sample" / "sample-2024.govopen"
BY = 'w:author="科员" w:date="2025-01-10T09:00:00Z"'


def with_new_natural(tmp_path: Path, markup: str) -> tuple[Path, int]:
    """The sample exported to Word, its 本年新收 · 自然人 cell's run replaced by `markup`
    ({n} stands for the printed number)."""
    report = load_report(SAMPLE)
    plain = tmp_path / "导出.docx"
    export_docx(report, plain)
    n = report.cells["t3.new.natural"]
    with zipfile.ZipFile(plain) as zf:
        members = [(info, zf.read(info.filename)) for info in zf.infolist()]
    xml = dict((i.filename, d) for i, d in members)["word/document.xml"].decode()
    run = f'<w:r><w:t xml:space="preserve">{n}</w:t></w:r>'
    at = xml.index(run, xml.index("本年新收"))
    xml = xml[:at] + markup.replace("{n}", str(n)) + xml[at + len(run):]
    out = tmp_path / "修订.docx"
    with zipfile.ZipFile(out, "w") as zf:
        for info, data in members:
            zf.writestr(info, xml.encode() if info.filename == "word/document.xml" else data)
    assert isinstance(n, int)
    return out, n


def test_a_tracked_change_reads_the_inserted_number(tmp_path: Path) -> None:
    path, _n = with_new_natural(tmp_path, f'<w:del w:id="1" {BY}><w:r><w:delText>{{n}}</w:delText></w:r></w:del>'
                                          f'<w:ins w:id="2" {BY}><w:r><w:t>77</w:t></w:r></w:ins>')
    assert import_file(path).report.cells["t3.new.natural"] == 77


def test_text_moved_away_is_not_read_where_it_was(tmp_path: Path) -> None:
    path, n = with_new_natural(tmp_path, f'<w:moveFrom w:id="3" {BY}><w:r><w:t>9</w:t></w:r></w:moveFrom>'
                                         '<w:r><w:t>{n}</w:t></w:r>')
    assert import_file(path).report.cells["t3.new.natural"] == n


@pytest.mark.parametrize("hidden", ["<w:vanish/>", '<w:vanish w:val="true"/>'])
def test_hidden_text_is_not_read(tmp_path: Path, hidden: str) -> None:
    path, n = with_new_natural(tmp_path, f"<w:r><w:rPr>{hidden}</w:rPr><w:t>9</w:t></w:r><w:r><w:t>{{n}}</w:t></w:r>")
    assert import_file(path).report.cells["t3.new.natural"] == n


def test_hidden_switched_off_is_read(tmp_path: Path) -> None:
    path, _n = with_new_natural(tmp_path, '<w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>{n}</w:t></w:r>')
    assert import_file(path).report.cells["t3.new.natural"] == _n
