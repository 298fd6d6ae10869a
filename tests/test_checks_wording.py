"""Real wording: how real reports state the fee, headings worded or numbered differently."""

from __future__ import annotations

import pytest

from govopen_desktop.domain.findings import Level
from tests.test_checks_rules import FORMATS, clean_report, of


@pytest.mark.parametrize(
    "other",
    ["2023年度，县发展和改革局政府信息公开未发生收费情况。",  # shuyang-fgj-2023
     "本年度信息公开处理费收费情况\n2024 年，市科委未发生政府信息公开收费事项。",  # kewei-2024
     "本年度未收取信息公开处理费。",
     "全年收取政府信息公开信息处理费 3940 元。",  # huaian-2024
     "本年度依法收取政府信息公开处理费用共计400元。",
     "本年度发出收费通知2件，共计400元。",
     "本机关2024年未向申请人收取任何费用。"],
)
def test_fee_statement_accepts_the_ways_real_reports_say_it(other: str) -> None:
    report = clean_report("2021")
    report.set_text("other", other)
    assert not of(report, "R-FEE-STATEMENT")


@pytest.mark.parametrize("other", ["无。", "本年度无其他需要报告的事项。", "积极推进政务公开标准化建设。"])
def test_fee_statement_missing(other: str) -> None:
    report = clean_report("2021")
    report.set_text("other", other)
    [f] = of(report, "R-FEE-STATEMENT")
    assert f.level is Level.WARNING and f.section == "other"


def test_fee_link_accepts_other_wording() -> None:
    report = clean_report("2021")
    report.set_values({"t3.new.legal": 1, "t3.other_no_fee.legal": 1})
    report.set_text("other", "本年度向1名申请人发出收费通知，申请人逾期未缴费。")
    assert not of(report, "T3-FEE-LINK")
    report.set_text("other", "无。")
    assert of(report, "T3-FEE-LINK")


def _headings(fid: str, numbers: list[int]) -> list[str]:
    from govopen_desktop.domain.formats import load_format

    sections = load_format(fid).sections
    return [sections[n - 1].heading for n in numbers]


@pytest.mark.parametrize("fid", FORMATS)
def test_a_section_really_absent_is_an_error(fid: str) -> None:
    report = clean_report(fid)
    report.text["problems"] = None
    [f] = of(report, "R-SECTIONS")
    assert f.level is Level.ERROR and "缺少" in f.message
    report.extra["source"] = {"headings": _headings(fid, [1, 2, 3, 4, 6])[:4]}  # 一…四, nothing after
    report.text["other"] = None
    assert [f.level for f in of(report, "R-SECTIONS")] == [Level.ERROR, Level.ERROR]


@pytest.mark.parametrize("fid", FORMATS)
def test_a_skipped_number_makes_a_missing_section_a_warning(fid: str) -> None:
    report = clean_report(fid)
    report.text["problems"] = None
    report.extra["source"] = {"headings": _headings(fid, [1, 2, 3, 4, 6])}  # shuyang-fgj-2023: 四 then 六
    [f] = of(report, "R-SECTIONS")
    assert f.level is Level.WARNING and f.section == "problems" and "跳过了第五部分" in f.message


@pytest.mark.parametrize("fid", FORMATS)
def test_a_renumbered_document_is_a_warning(fid: str) -> None:
    report = clean_report(fid)
    report.text["problems"] = None
    titles = [h.split("、", 1)[1] for h in _headings(fid, [1, 2, 3, 4, 6])]
    # kewei-2024: the tables restart at 一、, then 五、其他需要报告的事项
    report.extra["source"] = {"headings": ["一、" + titles[0], "一、" + titles[1], "二、" + titles[2],
                                           "三、" + titles[3], "五、" + titles[4]]}
    found = of(report, "R-SECTIONS")
    assert {f.level for f in found} == {Level.WARNING}
    assert any("编号与官方格式不同" in f.message and "应为" in f.message for f in found)
    assert not any("缺少" in f.message for f in found)


@pytest.mark.parametrize("fid", FORMATS)
def test_section_content_under_another_heading_is_a_warning(fid: str) -> None:
    report = clean_report(fid)
    report.text["problems"] = None
    extra = "\n（一）存在的主要问题。公开内容不够全面。（二）改进措施。加强培训。"
    report.set_text("other", (report.text["other"] or "") + extra)
    [f] = of(report, "R-SECTIONS")
    assert f.level is Level.WARNING and "存在的主要问题" in f.message
