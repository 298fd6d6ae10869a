"""A small part of table 2 copied down its columns (pdftotext's reading order on the 2×2 part
of 第二十条第（八）项: "信息内容", "行政事业性收费", "本年收费金额（单位：万元）", "0"): the
row's label alone on its line, then the part's own column header, then its number. The number
after the header is the row's when exactly the row's numbers stand there before the next text.
Before, the row was found and its cell left empty."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from govopen_desktop.io.importers import import_file
from govopen_desktop.io.project import load_report
from tests.support.import_builders import expected_of, write_one_per_line
from tests.support.paths import SAMPLE, SHARED, TESTS, shared_available

FEES = "行政事业性收费"


def _down_the_columns(path: Path, extra: list[str] | None = None) -> Path:
    """The sample copied one cell a line, its fees part read column by column."""
    write_one_per_line(expected_of(load_report(SAMPLE)), path)
    lines = path.read_text(encoding="utf-8").split("\n")
    at = next(k for k, line in enumerate(lines) if line.replace(" ", "").startswith("本年收费"))
    header, label, amount = lines[at:at + 3]  # spaced as a PDF may print them: "行政事业 性收费"
    assert label.replace(" ", "") == FEES
    lines[at:at + 3] = [label, header, amount, *(extra or [])]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def test_a_number_after_its_columns_header_is_the_rows_own(tmp_path: Path) -> None:
    report = load_report(SAMPLE)
    result = import_file(_down_the_columns(tmp_path / "复制.txt"))
    assert result.report.cells["t2.fees.amount"] == report.cells["t2.fees.amount"]
    assert not any(p.key == "t2.fees.amount" for p in result.problems)
    assert "t2.fees.amount" not in result.inferred


def test_more_numbers_after_the_header_than_the_row_has_are_not_taken(tmp_path: Path) -> None:
    """Two numbers under the header of a one-number row: which is its own is not certain."""
    result = import_file(_down_the_columns(tmp_path / "复制.txt", extra=["5"]))
    assert result.report.cells.get("t2.fees.amount") is None
    assert any(p.key == "t2.fees.amount" for p in result.problems)


def test_a_real_reports_parts_copied_down_their_columns() -> None:
    """pdfminer's copy of a real report (淮安, 2024): 行政许可's number after 本年处理决定数量,
    and 行政处罚 and 行政强制 with theirs after the same header, as the report printed them."""
    if not shared_available():
        pytest.skip("../shared/real-reports is not here")
    want = json.loads((SHARED / "real-reports" / "huaian-2024.expected.json")
                      .read_text(encoding="utf-8"))
    want = want.get("cells", want)
    got = import_file(TESTS / "data" / "import" / "huaian-landscape-table-3.pdfminer.txt").report.cells
    keys = ["t2.licensing.decisions", "t2.punishment.decisions", "t2.coercion.decisions"]
    assert {k: got.get(k) for k in keys} == {k: want[k] for k in keys}
