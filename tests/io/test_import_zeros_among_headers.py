"""Table 4 copied out of a PDF in reading order with its numbers among the pieces of its
headers (our web page printed by LibreOffice, copied by pdftotext: "0 0 0 0 0" under 行政复议,
then 复议后起诉's and 未经复议直接起诉's header pieces, nine more numbers, 总计, one more). The
order does not say which number is whose; when the lines hold exactly the table's 15 numbers and
every one is 0, every cell is 0 whichever is whose. Before, all 15 cells were left empty."""

from __future__ import annotations

import pytest

from govopen_desktop.io.importers import import_text

HEADING = "四、政府信息公开行政复议、行政诉讼情况"
# the lines as pdftotext gave them, each `{}` one number
TABLE_4 = ["行政复议", "行政诉讼", "未经复议直接起诉", "结果 结果 其他 尚未", "总", "维持 纠正 结果 审结", "计",
           *["{}"] * 5, "复议后起诉", "结果 结果 其他 尚未", "总", "结果 结果 其他 尚未", "维持 纠正 结果 审结", "计",
           "维持 纠正 结果 审结", *["{}"] * 9, "总计", "{}"]


def _copied(numbers: list[str]) -> str:
    """A report's text with table 4 in that shape."""
    lines = ["青山市自然资源和规划局2024年政府信息公开工作年度报告", HEADING]
    it = iter(numbers)
    lines += [next(it) if line == "{}" else line for line in TABLE_4]
    lines += ["五、存在的主要问题及改进情况", "无。"]
    return "\n".join(lines)


def test_fifteen_zeros_among_the_headers_make_every_cell_zero() -> None:
    result = import_text(_copied(["0"] * 15), "复制的文字.txt")
    t4 = {k: v for k, v in result.report.cells.items() if k.startswith("t4.")}
    assert len(t4) == 15 and all(v == 0 for v in t4.values())
    assert not any(p.key and p.key.startswith("t4.") for p in result.problems)


@pytest.mark.parametrize("numbers", [["0"] * 7 + ["1"] + ["0"] * 7, ["0"] * 14], ids=["a one", "fourteen"])
def test_any_other_number_or_count_leaves_the_cells_empty_and_named(numbers: list[str]) -> None:
    """A 1 among them could be any cell's; one number fewer, any cell may be the blank one."""
    if len(numbers) < 15:
        numbers = [*numbers, ""]  # the last `{}` printed as nothing
    result = import_text(_copied(numbers).replace("\n\n", "\n"), "复制的文字.txt")
    keys = [k for k in result.report.cells if k.startswith("t4.")]
    assert keys and all(result.report.cells[k] is None for k in keys)
    named = {p.key for p in result.problems}
    assert all(k in named for k in keys)
