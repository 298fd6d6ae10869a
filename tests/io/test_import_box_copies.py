"""A PDF's text taken box by box (pdfminer.six's extract_text and pdf2txt, which many "PDF 转
TXT" tools and converters run): every cell a box of its own, table 3's numbers column after
column, the last of them after table 4's heading and before its column headers. Those numbers
are not table 4's row: its row is the numbers after its headers.

The fixture is the real 淮安市 2024 report printed as a ruled web page by LibreOffice and taken
out with pdfminer.six's extract_text (its numbers are the report's)."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from govopen_desktop.io.importers import import_file
from tests.support.paths import SHARED, TEST_DATA

COPY = TEST_DATA / "import" / "huaian-printed-page.pdfminer.txt"
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
def test_a_box_by_box_copy_fills_no_cell_wrongly_without_naming_it() -> None:
    """Table 3's numbers, column after column, cannot be read by row: its cells stay empty and
    each is named; no cell gets another's number."""
    cells = json.loads(EXPECTED.read_text(encoding="utf-8"), parse_float=Decimal)["cells"]
    result = import_file(COPY)
    named = {p.key for p in result.problems}
    wrong = [k for k, want in cells.items() if k.startswith(("t2.", "t3.", "t4."))
             and result.report.get(k) is not None and result.report.get(k) != want]
    silent = [k for k, want in cells.items() if k.startswith(("t2.", "t3.", "t4."))
              and result.report.get(k) != want and k not in named]
    assert wrong == [] and silent == []
