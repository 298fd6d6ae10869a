"""A Word report that frames a text part's paragraphs in a table of one cell (a box under the
heading): the box is the part's text. Before, the part ended at the box, and its text was lost
without a word."""

from __future__ import annotations

from pathlib import Path

import pytest

from govopen_desktop.io.importers import import_file
from govopen_desktop.io.project import load_report
from tests.support.import_builders import WRITERS, expected_of
from tests.support.paths import SAMPLE

PARTS = {"overview": ("一、总体情况", "二、主动公开政府信息情况"),
         "problems": ("五、存在的主要问题及改进情况", "六、其他需要报告的事项")}


def _framed(src: Path, out: Path, heading: str, next_heading: str) -> None:
    """The paragraphs between `heading` and `next_heading` moved into a table of one cell."""
    import docx

    document = docx.Document(str(src))
    paragraphs = document.paragraphs
    at = next(k for k, p in enumerate(paragraphs) if p.text == heading)
    stop = next(k for k, p in enumerate(paragraphs) if p.text == next_heading)
    under = paragraphs[at + 1:stop]
    box = document.add_table(rows=1, cols=1)
    cell = box.rows[0].cells[0]
    cell.text = under[0].text
    for p in under[1:]:
        cell.add_paragraph(p.text)
    paragraphs[at]._p.addnext(box._tbl)
    for p in under:
        p._p.getparent().remove(p._p)
    document.save(str(out))


@pytest.mark.parametrize("key", ["overview", "problems"])
def test_a_text_part_framed_in_a_box_is_read(tmp_path: Path, key: str) -> None:
    plain, framed = tmp_path / "plain.docx", tmp_path / "framed.docx"
    WRITERS["merged.docx"](expected_of(load_report(SAMPLE)), plain)
    _framed(plain, framed, *PARTS[key])
    expected, got = import_file(plain), import_file(framed)
    assert got.report.text[key] == expected.report.text[key]
    assert got.report.text == expected.report.text
    assert got.report.cells == expected.report.cells
    assert got.problems == expected.problems == []
