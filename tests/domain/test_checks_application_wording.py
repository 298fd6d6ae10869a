"""How many applications came in, in the further words published 总体情况 use (街道, 乡镇,
county bureaus, 2019–2025): each is read as the statement it is, so a table that differs is
reported, and a table that agrees is not."""

from __future__ import annotations

import re

import pytest

from govopen_desktop.domain.checks.text_numbers import application_claims
from tests.support.clean_reports import FORMATS, clean_report, of

# the table of clean_report says 3 new applications, none carried over
STATED_THREE = [
    "全年共收到和办理依申请公开3件，全部为自然人申请。",
    "全区共收到依申请公开件3件，共办结3件。",
    "本年度新收到依申请公开事项3件，均已答复。",
    "全镇共收到信息公开申请件3件，已按时办结。",
    "全街共受理政府信息公开申请总数3件。",
    "受理公民、法人和其他组织向区政府提出的政府信息公开申请3件，均在法定时限内答复。",
    "受理公民、法人或者其他组织提出的信息公开申请3件。",
    "2025年园区信息公开管理系统中收到3封申请，已按流程处理。",
    "全区受理依申请公开件3件，办结3件。",
]

STATED_NONE = [
    "本年度我街未收到依申请公开的政府信息。",
    "全年我镇未收到任何形式的依申请公开政府信息。",
    "全年没有收到依申请公开政府信息的情况。",
    "本年度未收到依申请公开政府信息申请。",
    "本年度中心未收到依申请公开件。",
    "目前未收到依申请公开请求；",
    "本年度我乡未接收受理过依申请公开。",
    "本年度未接到群众要求公开的信息。",
    "2025年未收到依申请公开事宜。",
    "本年度街道办事处未收到公众关于政府信息公开的申请。",
    "全年未收到依申请公开来信，无意见投诉情况。",
    "本年度街道未收到依申请公开的信息申请。",
    "街道未收到任何公民、法人和其他组织提出的公开政府信息的申请。",
]


@pytest.mark.parametrize("fid", FORMATS)
@pytest.mark.parametrize("sentence", STATED_THREE)
def test_a_count_in_these_words_is_read(fid: str, sentence: str) -> None:
    report = clean_report(fid)
    report.text["overview"] = sentence
    assert not of(report, "T3-TEXT")
    report.set_values({"t3.new.natural": 3, "t3.granted.natural": 3})  # now 4 new
    [f] = of(report, "T3-TEXT")
    assert f.cells == ("t3.new.total",) and re.search(r"3[件封]", f.message)


@pytest.mark.parametrize("fid", FORMATS)
@pytest.mark.parametrize("sentence", STATED_NONE)
def test_none_in_these_words_is_read(fid: str, sentence: str) -> None:
    report = clean_report(fid)  # 3 new applications in the table
    report.text["overview"] = sentence
    [f] = of(report, "T3-TEXT")
    assert f.cells == ("t3.new.total",)


@pytest.mark.parametrize("sentence", [
    "未收到依申请公开申请人的投诉。",  # about the applicants, not the applications
    "未收到依申请公开答复的异议，",
    "全年依申请公开3次，行政复议0次。",  # no verb: not said to have come in
])
def test_words_near_these_are_no_statement(sentence: str) -> None:
    assert application_claims(sentence) == ()


@pytest.mark.parametrize("fid", FORMATS)
def test_review_and_suits_together_given_with_wei(fid: str) -> None:
    """本年度涉及政府信息公开的行政复议、行政诉讼案件为0件: one number for both, read as such."""
    report = clean_report(fid)  # table 4: one review, no suit
    report.text["overview"] = "本年度涉及政府信息公开的行政复议、行政诉讼案件为1件。"
    assert not of(report, "T4-TEXT")
    report.text["overview"] = "本年度涉及政府信息公开的行政复议、行政诉讼案件为0件。"
    [f] = of(report, "T4-TEXT")
    assert "0件" in f.message


@pytest.mark.parametrize("fid", FORMATS)
def test_the_applications_part_named_by_what_it_counts(fid: str) -> None:
    """（二）政府信息公开情况 … 全街共受理政府信息公开申请总数3件: 依申请公开 is written about,
    in the words of the applications it counts (R-OVERVIEW-5 does not ask for it); the title of
    section 三 named in a sentence is no such words."""
    report = clean_report(fid)
    report.text["overview"] = (report.text["overview"] or "").replace(
        "（二）依申请公开。全年共收到政府信息公开申请3件，均按期答复。",
        "（二）政府信息公开情况。全年共受理政府信息公开申请总数3件，均按期答复。")
    assert "依申请公开" not in report.text["overview"]
    assert not of(report, "R-OVERVIEW-5")
    # the part's title listed in a preface sentence (收到和处理政府信息公开申请情况) is not it
    report.text["overview"] = report.text["overview"].replace(
        "全年共受理政府信息公开申请总数3件，均按期答复。", "本报告包括收到和处理政府信息公开申请情况等六部分。")
    [f] = of(report, "R-OVERVIEW-5")
    assert "依申请公开" in f.message


@pytest.mark.parametrize("fid", FORMATS)
def test_no_review_and_no_suit_said_short(fid: str) -> None:
    """全年无行政复议和诉讼情况 (诉讼 without 行政): none of either."""
    report = clean_report(fid)  # one review in table 4
    report.text["overview"] = "全年无行政复议和诉讼情况，无信息公开收费等情况。"
    [f] = of(report, "T4-TEXT")
    assert "行政复议" in f.message
    report.set_values({"t4.review.upheld": 0, "t4.suit_direct.upheld": 1})
    [f] = of(report, "T4-TEXT")
    assert "诉讼" in f.message
