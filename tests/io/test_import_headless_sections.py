"""A text part printed without its heading (a converter dropped it, or the office never
printed one): 表四, then （一）存在的问题 …（二）改进措施, then 六、其他需要报告的事项. The text
after table 4 is 第五部分 when its first line shares the part's words; a note under the table
is not, and nothing is taken then."""

from __future__ import annotations

from pathlib import Path

import pytest

from govopen_desktop.domain.checks import check
from govopen_desktop.io.importers import import_file
from govopen_desktop.io.project import load_report
from tests.support.import_builders import Expected, write_html
from tests.support.paths import REPO

SAMPLE = REPO / "resources" / "sample" / "sample-2024.govopen"
PROBLEMS_HEADING = "<p><strong>五、存在的主要问题及改进情况</strong></p>"


def page_without_problems_heading(tmp_path: Path, problems: str) -> Path:
    report = load_report(SAMPLE)
    text = {**report.text, "problems": problems}
    meta = {"agency": report.meta.agency, "year": report.meta.year, "format": report.meta.format,
            "date": report.meta.date}
    page = tmp_path / "报告.html"
    write_html(Expected(meta, dict(report.cells), text), page)
    html = page.read_text(encoding="utf-8")
    assert html.count(PROBLEMS_HEADING) == 1
    page.write_text(html.replace(PROBLEMS_HEADING, ""), encoding="utf-8")
    return page


def test_the_problems_text_after_table_4_is_read_as_its_part(tmp_path: Path) -> None:
    problems = ("（一）存在的主要问题\n政策解读形式还比较单一。\n"
                "（二）改进措施\n下一步将丰富解读形式，提高解读质量。")
    result = import_file(page_without_problems_heading(tmp_path, problems))
    assert result.report.text["problems"] == problems
    assert (result.report.text["other"] or "").startswith(load_report(SAMPLE).text["other"].split("\n")[0])
    [said] = [p for p in result.problems if "五、存在的主要问题及改进情况" in p.message]
    assert "没有找到" in said.message and "请核对" in said.message


@pytest.mark.parametrize("note", ["注：表中数据统计至当年12月31日。", "以上为本机关本年度的复议诉讼数据。"])
def test_a_note_under_table_4_is_not_taken_for_the_problems_part(tmp_path: Path, note: str) -> None:
    result = import_file(page_without_problems_heading(tmp_path, note))
    assert result.report.text["problems"] is None
    assert not [p for p in result.problems if "作为这一部分导入" in p.message]


def test_a_sentence_under_table_4s_heading_is_its_note() -> None:
    shape = REPO / "tests" / "data" / "shapes" / "flipbook-audit-2020.txt"
    report = import_file(shape).report
    assert "未出现申请行政复议、提起行政诉讼的情况" in (report.text["note.t4"] or "")
    assert "table_notes" not in report.extra["source"]  # one place: the checks read it once


def test_a_note_broken_over_two_lines_is_kept_whole(tmp_path: Path) -> None:
    # a copy without positions breaks the sentence under 四、 after 提起: its first line, no 。
    # yet, was dropped and its tail (行政诉讼的情况。) too short to count
    shape = REPO / "tests" / "data" / "shapes" / "flipbook-audit-2020.txt"
    text = shape.read_text(encoding="utf-8").replace(
        "2020年，我单位未出现申请行政复议、提起行政诉讼的情况。\n",
        "2020年，我单位未出现因政府信息公开工作申请行政复议、提起\n行政诉讼的情况。\n")
    path = tmp_path / "broken.txt"
    path.write_text(text, encoding="utf-8")
    report = import_file(path).report
    assert report.text["note.t4"] == "2020年，我单位未出现因政府信息公开工作申请行政复议、提起\n行政诉讼的情况。"
    report.set_values({"t4.review.upheld": 2})
    assert [f.section for f in check(report) if f.rule == "T4-TEXT"] == ["note.t4"]


def test_a_line_announcing_the_table_is_no_note() -> None:
    # 二、三、四、 each open with 该部分以表格形式报告。表格如下： — it introduces the table; printed
    # under the table by an export it would say the opposite of where it stood
    report = import_file(REPO / "tests" / "data" / "shapes" / "bar-lines-town-2023.txt").report
    assert [report.text[f"note.{t}"] for t in ("t2", "t3", "t4")] == [None, None, None]
    assert "table_notes" not in report.extra["source"]
