"""Against last year's report: carry-over, pending cases, repeated text, the prior's year."""

from __future__ import annotations

import time

import pytest

from govopen_desktop.domain.checks import check
from govopen_desktop.domain.checks.cross_year import similarity
from govopen_desktop.domain.findings import Level
from tests.support.clean_reports import FORMATS, clean_pair, clean_with_prior, of, rules


@pytest.mark.parametrize("fid", FORMATS)
def test_carried_in_equals_last_years_carried_out(fid: str) -> None:
    report = clean_pair(fid)
    assert report.prior is not None
    assert not of(report, "T3-CARRY")
    report.prior.set_values({"t3.new.social": 2, "t3.carried_out.social": 2})
    [f] = of(report, "T3-CARRY")
    assert f.level is Level.WARNING
    assert set(f.cells) == {"t3.carried_in.social", "t3.carried_in.total"}
    assert f.suggested == {"t3.carried_in.social": 2, "t3.carried_in.total": 2}
    assert "社会公益组织本年填 0，上年结转下年 2" in f.message


def test_carry_across_the_format_change() -> None:
    # a 2021 report, its 2020 prior in the trial format
    report, prior = clean_with_prior("2021", {"t3.new.natural": 4, "t3.carried_out.natural": 3}, year=2021)
    assert prior.meta.format == "2019"
    [f] = of(report, "T3-CARRY")
    assert f.suggested["t3.carried_in.natural"] == 3
    report.set_values({"t3.carried_in.natural": 3, "t3.granted.natural": 5})
    assert not of(report, "T3-CARRY")


@pytest.mark.parametrize("fid", FORMATS)
def test_no_prior_no_cross_year_findings(fid: str) -> None:
    report, _prior = clean_with_prior(fid, {"t3.new.social": 2, "t3.carried_out.social": 2})
    report.prior = None
    assert not rules(check(report)) & {"T3-CARRY", "T4-PENDING", "R-DUPLICATE", "R-PRIOR-YEAR"}


@pytest.mark.parametrize("fid", FORMATS)
def test_a_prior_of_another_year_is_reported_not_compared(fid: str) -> None:
    report, prior = clean_with_prior(fid, {"t3.new.social": 2, "t3.carried_out.social": 2})
    prior.meta.year -= 1
    found = check(report)
    assert "R-PRIOR-YEAR" in rules(found) and "T3-CARRY" not in rules(found)


@pytest.mark.parametrize("fid", FORMATS)
def test_last_years_pending_cases(fid: str) -> None:
    report, _prior = clean_with_prior(fid, {"t4.suit_direct.pending": 2})
    [f] = of(report, "T4-PENDING")
    assert f.level is Level.INFO and f.cells == ("t4.suit_direct.total",)
    report.set_values({"t4.suit_direct.upheld": 1, "t4.suit_direct.corrected": 1})
    assert not of(report, "T4-PENDING")


@pytest.mark.parametrize("fid", FORMATS)
def test_text_copied_from_last_year(fid: str) -> None:
    report = clean_pair(fid)
    assert report.prior is not None
    assert not of(report, "R-DUPLICATE")
    report.prior.text["problems"] = report.text["problems"]
    [f] = of(report, "R-DUPLICATE")
    assert f.section == "problems" and f.level is Level.WARNING and "100%" in f.message
    # a few words changed is still a copy
    report.text["problems"] = (report.text["problems"] or "").replace("加强培训", "强化学习")
    assert of(report, "R-DUPLICATE")


def test_short_identical_texts_are_not_duplicates() -> None:
    report = clean_pair("2019")
    assert report.prior is not None
    report.text["other"] = report.prior.text["other"] = "无。"
    assert not of(report, "R-DUPLICATE")


def test_similarity_is_order_tolerant_and_fast() -> None:
    a = "一是加强组织领导，明确专人负责。二是完善制度，规范公开流程。三是强化监督，定期检查。" * 20
    b = "三是强化监督，定期检查。一是加强组织领导，明确专人负责。二是完善制度，规范公开流程。" * 20
    assert similarity(a, b) > 0.95
    assert similarity(a, "今年新建了政务服务大厅查阅点，编制了公开目录。" * 20) < 0.3
    start = time.perf_counter()
    for i in range(50):
        similarity(a + str(i), b)
    assert (time.perf_counter() - start) / 50 < 0.005
