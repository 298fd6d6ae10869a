"""A PDF's text taken box by box (pdfminer.six's extract_text and pdf2txt, which many "PDF 转
TXT" tools and converters run): every cell a box of its own, table 3's numbers column after
column, the last of them after table 4's heading and before its column headers. Those numbers
are not table 4's row: its row is the numbers after its headers.

The fixtures are the real 淮安市 2024 report (its numbers) printed by LibreOffice, as a ruled web
page and as a Word file with table 3 on a landscape page, and taken out with pdfminer.six's
extract_text. In the second, the labels of table 3 come one after another with no number
between them, then a column's numbers: "4.保护第三方合法权益", "5.属于三类内部事务信息", then
1288 447 2 30 5 6 7 (自然人 of the rows above), which a row's own numbers would be."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from govopen_desktop.io.importers import import_file
from tests.support.paths import SHARED, TEST_DATA

COPY = TEST_DATA / "import" / "huaian-printed-page.pdfminer.txt"
LANDSCAPE = TEST_DATA / "import" / "huaian-landscape-table-3.pdfminer.txt"
EXPECTED = SHARED / "real-reports" / "huaian-2024.expected.json"

needs_expected = pytest.mark.skipif(not EXPECTED.is_file(), reason="../shared/real-reports is not beside the clone")


@needs_expected
def test_table_4_is_read_from_after_its_headers_not_from_table_3s_last_numbers() -> None:
    cells = json.loads(EXPECTED.read_text(encoding="utf-8"), parse_float=Decimal)["cells"]
    result = import_file(COPY)
    t4 = {k: v for k, v in cells.items() if k.startswith("t4.")}
    assert len(t4) == 15 and {k: result.report.get(k) for k in t4} == t4
    assert not [p for p in result.problems if "没有印出各列的表头" in p.message]


@needs_expected
@pytest.mark.parametrize("copy", [COPY, LANDSCAPE], ids=["page", "landscape"])
def test_a_box_by_box_copy_fills_no_cell_wrongly(copy: Path) -> None:
    """Table 3's numbers, column after column, cannot be read by row: its cells stay empty and
    each is named; no cell gets another's number."""
    cells = json.loads(EXPECTED.read_text(encoding="utf-8"), parse_float=Decimal)["cells"]
    result = import_file(copy)
    named = {p.key for p in result.problems}
    wrong = [k for k, want in cells.items() if k.startswith(("t2.", "t3.", "t4."))
             and result.report.get(k) is not None and result.report.get(k) != want]
    silent = [k for k, want in cells.items() if k.startswith(("t2.", "t3.", "t4."))
              and result.report.get(k) != want and k not in named]
    assert wrong == [] and silent == []


@needs_expected
def test_numbers_under_stacked_labels_that_do_not_add_up_are_named_with_the_numbers() -> None:
    result = import_file(LANDSCAPE)
    said = [p.message for p in result.problems if p.key == "t3.denied_internal.natural"]
    assert result.report.get("t3.denied_internal.natural") is None
    assert len(said) == 1 and "1288 447 2 30 5 6 7" in said[0] and "一列接一列" in said[0]


@needs_expected
def test_numbers_under_stacked_labels_that_add_up_are_the_rows_own(tmp_path: Path) -> None:
    """The same lines with the row's own numbers (7 1 0 0 0 0 8: its 总计 the sum of its parts)."""
    text = LANDSCAPE.read_text(encoding="utf-8")
    column = "\n1288\n\n447\n\n2\n\n30\n\n5\n\n6\n\n7\n"
    assert text.count(column) == 1
    own = tmp_path / "copy.txt"
    own.write_text(text.replace(column, "\n7\n\n1\n\n0\n\n0\n\n0\n\n0\n\n8\n"), encoding="utf-8")
    result = import_file(own)
    row = [result.report.get(f"t3.denied_internal.{c}")
           for c in ("natural", "commercial", "research", "social", "legal", "other_org", "total")]
    assert row == [7, 1, 0, 0, 0, 0, 8]
