"""Wording real reports use that the checker must read right (found on published reports, see
tests/data/shapes/CASES.md): a number of applications given per channel before its 合计 is no
statement of the total."""

from __future__ import annotations

import pytest

from govopen_desktop.domain.checks.text_numbers import application_claims
from tests.support.clean_reports import FORMATS, clean_report, of


@pytest.mark.parametrize("fid", FORMATS)
def test_applications_per_channel_then_their_total(fid: str) -> None:
    report = clean_report(fid)  # the table says 3 new applications
    report.text["overview"] = "全年共收到群众网上申请2件，快递1件，合计3件，均已按期答复。"
    assert not of(report, "T3-TEXT")
    report.text["overview"] = "全年共收到政府信息公开申请2件。"
    [f] = of(report, "T3-TEXT")
    assert f.cells == ("t3.new.total",)


@pytest.mark.parametrize("sentence", [
    "收到群众网上申请105件，快递17件，合计122件",
    "收到当面申请3件、信函申请2件",
])
def test_a_channel_count_is_not_all_applications(sentence: str) -> None:
    assert application_claims(sentence) == ()


@pytest.mark.parametrize("fid", FORMATS)
def test_a_traditional_character_page_reads_as_its_words(fid: str) -> None:
    """A site's 繁体 page: headings, the five parts and the fee statement are read folded."""
    report = clean_report(fid)
    fmt = report.format
    report.extra["source"] = {"headings": [s.heading.translate(_TRAD) for s in fmt.sections]}
    report.text["overview"] = (report.text["overview"] or "").translate(_TRAD)
    report.text["other"] = "本年度未收取信息處理費。"
    assert not of(report, "R-SECTIONS") and not of(report, "R-OVERVIEW-5")
    assert not of(report, "R-FEE-STATEMENT")
    report.text["other"] = "無。"
    assert bool(of(report, "R-FEE-STATEMENT")) == (fid == "2021")


# the simplified -> traditional direction, for building such pages in the test
_TRAD = str.maketrans("总体况动开处请报复议讼题进监设台务规费关其余", "總體況動開處請報複議訟題進監設臺務規費關其餘")


@pytest.mark.parametrize("fifth", [
    "（五）及时回应关切，自觉接受监督",  # shuyang-fgj-2023
    "二、工作机制保障\n市科委设立政务公开工作协调小组，统筹协调政务公开工作。",  # kewei-2024
    "（五）强化考核，将政务公开纳入年度绩效考核。",
])
def test_the_fifth_part_of_the_overview_in_the_words_real_reports_use(fifth: str) -> None:
    report = clean_report("2021")
    report.text["overview"] = "（一）主动公开。……（二）依申请公开。……（三）政府信息管理。……（四）平台建设。……\n" + fifth
    assert not of(report, "R-OVERVIEW-5")
    report.text["overview"] = "（一）主动公开。……（二）依申请公开。……（三）政府信息管理。……（四）平台建设。保障民生。"
    [f] = of(report, "R-OVERVIEW-5")
    assert "没有写到监督保障" in f.message
