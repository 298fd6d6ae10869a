"""Drafting rules: 成文日期, template placeholders, last year's year left in the text, a prior
report of another agency — each broken and passing in both formats."""

from __future__ import annotations

from pathlib import Path

import pytest

from govopen_desktop.domain.checks import check
from govopen_desktop.domain.findings import Level
from tests.conftest import SHARED
from tests.test_checks_rules import FORMATS, YEAR, clean_pair, clean_report, of

TEMPLATE = SHARED / "real-reports" / "govnianbao-template.docx"


@pytest.mark.parametrize("fid", FORMATS)
def test_missing_date_is_a_warning_and_an_error_when_final(fid: str) -> None:
    report = clean_report(fid)
    assert not of(report, "R-DATE-MISSING")
    report.set_meta(date=None)
    [f] = of(report, "R-DATE-MISSING")
    assert f.level is Level.WARNING and f.section == "meta" and "成文日期" in f.message
    [f] = [f for f in check(report, final=True) if f.rule == "R-DATE-MISSING"]
    assert f.level is Level.ERROR


@pytest.mark.parametrize("fid", FORMATS)
@pytest.mark.parametrize("text", ["（文字描述）", "（文字描述，收取信息处理费情况在此处报告。）", "此处填写问题。"])
def test_template_placeholder(fid: str, text: str) -> None:
    report = clean_report(fid)
    assert not of(report, "R-PLACEHOLDER")
    report.set_text("problems", text)
    [f] = of(report, "R-PLACEHOLDER")
    assert f.level is Level.WARNING and f.section == "problems" and "占位文字" in f.message
    [f] = [f for f in check(report, final=True) if f.rule == "R-PLACEHOLDER"]
    assert f.level is Level.ERROR


@pytest.mark.skipif(not TEMPLATE.is_file(), reason="../shared/real-reports is not beside the clone")
def test_the_real_template_is_not_publishable() -> None:
    from govopen_desktop.io.open_any import open_any

    report = open_any(Path(TEMPLATE)).report
    # the placeholder is reported as such, or (an importer that drops it) the section as missing
    final = [f for f in check(report, final=True) if f.rule in ("R-PLACEHOLDER", "R-SECTIONS")]
    assert {f.section for f in final if f.level is Level.ERROR} == {"overview", "problems", "other"}


def _last_year_case(fid: str, sentence: str) -> list[str]:
    report = clean_report(fid)
    report.set_text("other", sentence)
    return [f.message for f in of(report, "R-LAST-YEAR-TEXT")]


@pytest.mark.parametrize("fid", FORMATS)
@pytest.mark.parametrize(
    "template",
    ["{last}年，无收取信息处理费情况。", "{last}年，我局认真贯彻落实《条例》，扎实推进政务公开。",
     "{last}年度全年未收取政府信息公开处理费。", "本机关{last}年未收取信息处理费。"],
)
def test_last_years_year_in_a_sentence_about_the_period_or_fee(fid: str, template: str) -> None:
    year = YEAR[fid]
    [message] = _last_year_case(fid, template.format(last=year - 1))
    assert f"请改为 {year} 年" in message and str(year - 1) in message


@pytest.mark.parametrize("fid", FORMATS)
@pytest.mark.parametrize(
    "template",
    ["{year}年，无收取信息处理费情况。", "与{last}年相比，申请数量有所增加。", "{last}年度报告中提出的问题均已整改。",
     "较{last}年增加3件。", "自{last}年以来持续推进标准化建设。", "截至{last}年底现行有效文件10件。",
     "{last}年年报中提出的收费问题已整改。"],
)
def test_other_mentions_of_last_year_pass(fid: str, template: str) -> None:
    year = YEAR[fid]
    assert _last_year_case(fid, template.format(year=year, last=year - 1)) == []


@pytest.mark.parametrize("fid", FORMATS)
def test_prior_report_of_another_agency(fid: str) -> None:
    report = clean_pair(fid)
    assert report.prior is not None and not of(report, "R-PRIOR-AGENCY")
    report.prior.meta.agency = "名称" + report.meta.agency  # an importer's stray label is the same agency
    assert not of(report, "R-PRIOR-AGENCY")
    report.prior.meta.agency = "某市卫生健康委员会"
    [f] = of(report, "R-PRIOR-AGENCY")
    assert f.level is Level.WARNING and "某市卫生健康委员会" in f.message and report.meta.agency in f.message
