"""The words between the title and 一、总体情况 (本报告根据《条例》编制……统计期限自…) are imported
as the report's opening text (开头说明), not into 总体情况 and not only into the import's notes."""

from __future__ import annotations

from govopen_desktop.domain.checks import check
from govopen_desktop.io.importers import import_file, import_text
from tests.support.paths import REPO

SHAPES = REPO / "tests" / "data" / "shapes"

OPENING = (
    "本报告根据《中华人民共和国政府信息公开条例》要求，由东岭镇人民政府编制。"
    "本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。"
)
REPORT = """东岭镇人民政府2023年政府信息公开工作年度报告
{opening}
一、总体情况
2023年，东岭镇认真落实《条例》要求，主动公开政府信息85条。
二、主动公开政府信息情况
三、收到和处理政府信息公开申请情况
四、政府信息公开行政复议、行政诉讼情况
五、存在的主要问题及改进情况
政策解读形式还比较单一。
六、其他需要报告的事项
本年度未收取信息处理费。
"""


def test_the_opening_words_are_the_opening_text() -> None:
    report = import_text(REPORT.format(opening=OPENING)).report
    assert report.text["preface"] == OPENING
    assert (report.text["overview"] or "").startswith("2023年，东岭镇")
    assert "preface" not in report.extra["source"]
    assert not [f for f in check(report) if f.section == "preface"]


def test_last_years_period_in_them_is_found_there() -> None:
    last_year = OPENING.replace("2023年1月1日起至2023年", "2022年1月1日起至2022年")
    report = import_text(REPORT.format(opening=last_year)).report
    [finding] = [f for f in check(report) if f.rule == "R-YEAR"]
    assert finding.section == "preface" and "开头说明" in finding.message


def test_a_report_without_them_has_none() -> None:
    report = import_text(REPORT.format(opening="")).report
    assert report.text["preface"] is None
    assert not [f for f in check(report) if f.section == "preface" or "开头说明" in f.message]


def test_a_title_broken_apart_is_not_part_of_them() -> None:
    # a web page printed to PDF by a browser: the title over two lines, its year set on a line
    # of its own (南桥区卫生健康局 年政府信息公开工作年度 / 2021 / 报告), then the opening sentence
    report = import_file(SHAPES / "browser-printed-cms-health-2021.pdf").report
    assert report.text["preface"] == "本报告根据《中华人民共和国政府信息公开条例》要求编制。"


def test_a_sentence_naming_the_report_is_kept_whole() -> None:
    # 东峰路街道办事处2024年…年度报告根据《条例》编制。: the title's words open a sentence of them
    report = import_file(SHAPES / "glued-title-street-2024.txt").report
    assert (report.text["preface"] or "").startswith("东峰路街道办事处2024年政府信息公开工作年度报告根据《")
