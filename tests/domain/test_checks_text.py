"""Text sections: presence, the five parts, numbering, 信息处理费, numbers against the tables."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from govopen_desktop.domain.checks import check
from govopen_desktop.domain.checks.text_numbers import application_claims, application_words, case_claims
from govopen_desktop.domain.findings import Level
from govopen_desktop.domain.formats import (
    FORMATS_DIR_ENV,
    available_formats,
    formats_dir,
    load_format,
    reset_format_cache,
)
from tests.support.clean_reports import FORMATS, clean_report, found_once_after, of, rules


@pytest.mark.parametrize("fid", FORMATS)
@pytest.mark.parametrize("key", ["overview", "problems", "other"])
def test_missing_section(fid: str, key: str) -> None:
    report = clean_report(fid)
    assert not of(report, "R-SECTIONS")
    report.text[key] = "  \n"
    [f] = of(report, "R-SECTIONS")
    assert f.level is Level.ERROR and f.section == key


def test_missing_other_in_2021_says_what_it_must_contain() -> None:
    report = clean_report("2021")
    report.text["other"] = None
    [f] = of(report, "R-SECTIONS")
    assert "六、其他需要报告的事项" in f.message and "信息处理费" in f.message
    assert "R-FEE-STATEMENT" not in rules(check(report))  # one finding for one gap


@pytest.mark.parametrize("fid", FORMATS)
def test_printed_heading_wording(fid: str) -> None:
    report = clean_report(fid)
    fmt = report.format
    report.extra["source"] = {"headings": [s.heading for s in fmt.sections]}
    assert not of(report, "R-SECTIONS")
    report.extra["source"] = {"headings": ["一、总体情况", "五、存在问题和改进措施"]}
    [f] = of(report, "R-SECTIONS")
    assert f.level is Level.WARNING and f.section == "problems"
    assert fmt.sections[4].heading in f.message


def test_current_wording_is_accepted_in_a_trial_format_report() -> None:
    report = clean_report("2019")
    report.extra["source"] = {"headings": ["五、存在的主要问题及改进情况"]}
    assert not of(report, "R-SECTIONS")
    report.extra["source"] = {"headings": ["五、存在主要问题及改进情况"]}
    assert len(of(report, "R-SECTIONS")) == 1


def test_foreign_source_entry_is_ignored() -> None:
    report = clean_report("2019")
    report.extra["source"] = "000_a987f75485506722.txt"  # the fixtures' own field
    assert check(report) == []


@pytest.mark.parametrize("fid", FORMATS)
def test_overview_five_parts(fid: str) -> None:
    f = found_once_after(clean_report(fid), "R-OVERVIEW-5",
                         text={"overview": "（一）主动公开。……（二）依申请公开。……（三）平台建设。……"})
    assert "政府信息管理" in f.message and "监督保障" in f.message
    assert "没有写到政府信息管理、监督保障" in f.message  # 平台建设 counts as the fourth part
    assert f.section == "overview" and f.level is Level.WARNING


@pytest.mark.parametrize("fid", FORMATS)
def test_government_reports_assessment_results(fid: str) -> None:
    report = clean_report(fid, agency="某县人民政府")
    [f] = of(report, "R-GOV-ASSESS")
    assert "考核" in f.message and f.level is Level.WARNING
    extra = "将政务公开纳入绩效考核，开展社会评议，未发生责任追究情况。"
    report.text["overview"] = (report.text["overview"] or "") + extra
    assert not of(report, "R-GOV-ASSESS")
    department = clean_report(fid, agency="某县人民政府办公室")
    assert not of(department, "R-GOV-ASSESS")


def test_fee_statement_2021() -> None:
    f = found_once_after(clean_report("2021"), "R-FEE-STATEMENT", text={"other": "无。"})
    assert f.section == "other" and "信息处理费" in f.message
    old = clean_report("2019")
    old.text["other"] = "无。"
    assert not of(old, "R-FEE-STATEMENT")  # a 2019-format rule it is not


def test_fee_link_2021() -> None:
    report = clean_report("2021")
    report.set_values({"t3.new.legal": 1, "t3.other_no_fee.legal": 1})
    assert not of(report, "T3-FEE-LINK")  # 六 mentions 信息处理费
    report.text["other"] = "本年度没有其他需要报告的事项。"
    [f] = of(report, "T3-FEE-LINK")
    assert f.cells == ("t3.other_no_fee.total",) and "1 件" in f.message


@pytest.mark.parametrize("fid", FORMATS)
def test_partial_disclosure_advice_only_when_there_is_some(fid: str) -> None:
    f = found_once_after(clean_report(fid), "T3-PARTIAL", values={"t3.granted.natural": 1, "t3.partial.natural": 1})
    assert f.level is Level.INFO and "部分公开" in f.message


@pytest.mark.parametrize("fid", FORMATS)
def test_overview_reusing_first_level_numbering(fid: str) -> None:
    report = clean_report(fid)
    numbered = "2021年以来……\n一、加强权责配置信息公开\n……\n二、载体建设\n……\n三、管理情况\n……"
    f = found_once_after(report, "R-NUMBERING", text={"overview": numbered})
    assert f.section == "overview" and "（一）" in f.message
    report.text["overview"] = "一是加强领导，二是完善制度。\n一、只有一行这样写"
    assert not of(report, "R-NUMBERING")  # 一是/二是 and a single line are not a numbering


@pytest.mark.parametrize("fid", FORMATS)
def test_printed_headings_in_arabic_numbers(fid: str) -> None:
    report = clean_report(fid)
    report.extra["source"] = {"headings": ["一、总体情况", "二、主动公开政府信息情况"]}
    assert not of(report, "R-NUMBERING")
    report.extra["source"] = {"headings": ["1、 总体情况", "二、主动公开政府信息情况"]}
    [f] = of(report, "R-NUMBERING")
    assert "1、 总体情况" in f.message and "一、总体情况" in f.message and f.section == "overview"


@pytest.mark.parametrize("fid", FORMATS)
@pytest.mark.parametrize("sentence", [
    "全年共收到政府信息公开申请5件，均已按期答复。",
    "本年度收到5件政府信息公开申请。",
    "全年共受理依申请公开5件。",
])
def test_text_states_another_number_of_applications(fid: str, sentence: str) -> None:
    report = clean_report(fid)  # the table says 3
    assert not of(report, "T3-TEXT")
    report.text["problems"] = sentence
    [f] = of(report, "T3-TEXT")
    assert f.cells == ("t3.new.total",) and f.section == "problems"
    assert "5" in f.message and "是 3" in f.message


@pytest.mark.parametrize("fid", FORMATS)
def test_text_says_no_applications_but_the_table_has_some(fid: str) -> None:
    report = clean_report(fid)
    report.text["other"] = "本年度未收到政府信息公开申请。"
    assert len(of(report, "T3-TEXT")) == 1
    report.set_values({k: 0 for k in ("t3.new.natural", "t3.new.commercial", "t3.granted.natural",
                                      "t3.unable_not_held.commercial")})
    report.text["overview"] = "全年没有收到任何形式的政府信息公开申请。"
    assert not of(report, "T3-TEXT")


def test_numbers_that_are_not_about_applications() -> None:
    text = ("接到网民诉求1000余件、电话诉求3000余件。收到行政复议申请2件。"
            "对无正当理由大量反复申请的，不予处理。申请人可依法申请行政复议。")
    assert application_claims(text) == ()
    assert [(w, n) for w, n, _ in case_claims(text)] == [("复议", 2)]


def test_carried_in_applications_may_be_counted_with_the_new_ones() -> None:
    report = clean_report("2021")
    report.set_values({"t3.carried_in.natural": 2, "t3.granted.natural": 4})
    report.text["problems"] = "全年共受理政府信息公开申请5件（含上年结转2件）。"
    assert not of(report, "T3-TEXT")


@pytest.mark.parametrize("fid", FORMATS)
def test_text_says_no_review_but_table4_has_one(fid: str) -> None:
    report = clean_report(fid)  # table 4: one 行政复议 upheld
    assert not of(report, "T4-TEXT")
    report.text["problems"] = "全年未发生政府信息公开行政复议、行政诉讼案件。"
    [f] = of(report, "T4-TEXT")
    assert f.cells == ("t4.review.total",) and "行政复议共 1 件" in f.message
    report.text["problems"] = "全年未发生政府信息公开行政诉讼案件。"
    assert not of(report, "T4-TEXT")


@pytest.mark.parametrize("fid", FORMATS)
def test_text_states_a_number_of_suits(fid: str) -> None:
    report = clean_report(fid)
    report.text["other"] = "本年度发生行政诉讼2起。"
    [f] = of(report, "T4-TEXT")
    assert set(f.cells) == {"t4.suit_direct.total", "t4.suit_after_review.total"}
    report.set_values({"t4.suit_direct.pending": 1, "t4.suit_after_review.corrected": 1})
    assert not of(report, "T4-TEXT")


@pytest.mark.parametrize("sentence", [
    "全年无因政府信息公开引起的行政复议、行政诉讼。",
    "本年度没有政府信息公开方面的行政复议和行政诉讼。",
    "全年没有因政务信息公开申请行政复议和提起行政诉讼的情况。",
    "未出现申请行政复议、提起行政诉讼的情况。",
])
def test_ways_of_saying_there_were_no_cases(sentence: str) -> None:
    assert {(w, n) for w, n, _ in case_claims(sentence)} == {("复议", 0), ("诉讼", 0)}


def test_a_number_about_one_kind_of_applicant_is_not_the_total() -> None:
    assert application_claims("收到自然人申请2件，收到企业提交的政府信息公开申请1件。") == ()


def test_the_column_label_and_advice_are_not_statements() -> None:
    claims = case_claims("表四中未经复议直接起诉一栏为0。对答复不服的，可依法申请行政复议或提起行政诉讼。")
    assert claims == ()


@pytest.mark.parametrize("fid", FORMATS)
def test_statistics_period_of_another_year(fid: str) -> None:
    report = clean_report(fid)
    assert not of(report, "R-YEAR")
    year = report.meta.year
    report.text["overview"] = f"本报告中所列数据的统计期限自{year - 1}年1月1日起至{year - 1}年12月31日止。"
    [f] = of(report, "R-YEAR")
    assert f.level is Level.ERROR and str(year - 1) in f.message and f.section == "overview"
    # a date range that is not the statistics period is not one
    report.text["overview"] = f"对照{year - 1}年1月1日至12月31日的整改清单和数据，逐项落实。"
    assert not of(report, "R-YEAR")


@pytest.mark.parametrize("fid", FORMATS)
def test_title_of_another_year(fid: str) -> None:
    report = clean_report(fid)
    year = report.meta.year
    report.extra["source"] = {"title": f"某市教育局{year}年政府信息公开工作年度报告"}
    assert not of(report, "R-YEAR")
    report.extra["source"] = {"title": f"某市教育局{year - 1}年政府信息公开工作年度报告"}
    [f] = of(report, "R-YEAR")
    assert f.section == "meta"


@pytest.mark.parametrize("fid", FORMATS)
def test_statistics_period_in_the_words_above_the_first_part(fid: str) -> None:
    # 本报告根据《条例》编制……统计期限自… above 一、总体情况: the opening text, checked as the others are
    report = clean_report(fid)
    year = report.meta.year
    right = f"本报告根据《条例》编制。报告所列统计期限自{year}年1月1日至{year}年12月31日。"
    report.set_text("preface", right)
    assert not of(report, "R-YEAR")
    report.set_text("preface", f"本报告所列数据统计期限自{year - 1}年1月1日至{year - 1}年12月31日。")
    [f] = of(report, "R-YEAR")
    assert f.section == "preface" and "标题下的“开头说明”中" in f.message and str(year - 1) in f.message


def test_text_phrasings_are_read_from_the_format_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # T3-TEXT's words are data: a format file that adds one makes the checker read it
    sentence = "全年收悉政府信息公开申请7件。"
    assert application_claims(sentence, application_words(load_format("2021"))) == ()
    folder = tmp_path / "formats"
    folder.mkdir()
    for fid in available_formats():
        data = json.loads((formats_dir() / f"{fid}.json").read_text(encoding="utf-8"))
        rule = next(r for r in data["rules"] if r["kind"] == "text_applications")
        rule["words"]["receive"] += "|收悉"
        (folder / f"{fid}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setenv(FORMATS_DIR_ENV, str(folder))
    reset_format_cache()
    try:
        assert [n for n, _q in application_claims(sentence, application_words(load_format("2021")))] == [7]
        report = clean_report("2021")
        report.text["overview"] = sentence
        [f] = of(report, "T3-TEXT")
        assert "收悉政府信息公开申请7件" in f.message
    finally:
        monkeypatch.delenv(FORMATS_DIR_ENV)
        reset_format_cache()


def test_a_sentence_printed_in_table_4s_part_is_checked_against_it() -> None:
    # 2020年，我单位未出现申请行政复议…。 under 四、 kept in source.table_notes (a format without notes)
    report = clean_report("2021")
    report.extra["source"] = {"table_notes": {"t4": "2021年，我单位未出现申请行政复议、提起行政诉讼的情况。"}}
    report.set_values({"t4.review.upheld": 2})
    [f] = [f for f in of(report, "T4-TEXT") if f.section == "t4"]
    assert "四、政府信息公开行政复议、行政诉讼情况" in f.message and "未出现申请行政复议" in f.message
