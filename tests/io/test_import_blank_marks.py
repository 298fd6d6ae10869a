"""Cells printed empty with the marks clerks type for a dash or a slash (`--` for ——, `\\` or
`＼` for /, `－－`) or with 暂无: read as left empty, like —, / and 无. Before, each such cell
was taken for words, and the rows around it lost their numbers. Written from seed 001, whose
tables have blank cells, copied out of a PDF (one cell a line) and as a stacked workbook."""

from __future__ import annotations

from pathlib import Path

import pytest

from govopen_desktop.io.importers import import_file
from tests.support.import_builders import cell_differences, expected_from, write_one_per_line, write_xlsx_stacked
from tests.support.paths import load_expected, needs_shared, seed_names

pytestmark = needs_shared

MARKS = ["--", "－－", "\\", "＼", "暂无"]


@pytest.mark.parametrize("mark", MARKS)
def test_a_blank_cell_typed_as_a_dash_or_a_slash_is_empty(tmp_path: Path, mark: str) -> None:
    exp = expected_from(load_expected(seed_names()[1]))
    assert None in exp.cells.values()
    path = tmp_path / "report.txt"
    write_one_per_line(exp, path)
    lines = path.read_text(encoding="utf-8").split("\n")
    assert "—" in lines
    path.write_text("\n".join(mark if line == "—" else line for line in lines), encoding="utf-8")
    assert cell_differences(exp.cells, import_file(path).report.cells) == []


@pytest.mark.parametrize("mark", MARKS[:3])
def test_a_blank_cell_of_a_workbook_typed_as_a_dash_is_empty(tmp_path: Path, mark: str) -> None:
    import openpyxl

    exp = expected_from(load_expected(seed_names()[1]))
    path = tmp_path / "report.xlsx"
    write_xlsx_stacked(exp, path)
    book = openpyxl.load_workbook(path)
    changed = 0
    for row in book.active.iter_rows():
        for cell in row:
            if cell.value == "-":
                cell.value, changed = mark, changed + 1
    assert changed
    book.save(path)
    result = import_file(path)
    assert cell_differences(exp.cells, result.report.cells) == []
    assert not [p for p in result.problems if "不是数字" in p.message]
