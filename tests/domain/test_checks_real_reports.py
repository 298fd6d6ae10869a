"""Shapes of real published reports the checker must read right (probed on reports other
offices wrote; the sentences here are written in their shape with other numbers):

- a web page that prints the applicant columns of table 3 but leaves its 总计 column blank,
  while the text states 予以公开及部分公开 and 无法提供 numbers the filled cells already exceed;
- 均获维持 said of 复议 and 诉讼 while some are 尚未审结 (each cell named once);
- 因本机关不掌握等原因无法提供 (本机关 names the reason, not a part of the agency);
- 行政复议和行政诉讼共3件 (one number for both), 行政复议、行政诉讼各1件 (each);
- a 复议机关 reporting the reviews it handles (共办理行政复议案件120件) is not table 4;
- applications counted in 条, 收到政府信息依申请公开1499件, 申请量为, 上年结转信息公开申请,
  完成…答复1453件.
"""

from __future__ import annotations

from typing import Any

import pytest

from govopen_desktop.domain.checks.text_facts import statements
from govopen_desktop.domain.checks.text_numbers import application_claims, case_claims
from govopen_desktop.domain.report import Report
from tests.support.clean_reports import FORMATS, clean_report, of

_T3_INPUTS = ("natural", "commercial", "research", "social", "legal", "other_org")


def _blank_totals(report: Report, rows: dict[str, dict[str, int]]) -> None:
    """Table 3 as such a page prints it: the given applicant cells, the rest of those rows
    and their 总计 left empty."""
    values: dict[str, Any] = {}
    for row, cells in rows.items():
        for col in (*_T3_INPUTS, "total"):
            values[f"t3.{row}.{col}"] = cells.get(col)
    report.set_values(values, force=True)


@pytest.mark.parametrize("fid", FORMATS)
def test_text_below_what_the_filled_cells_of_a_blank_total_row_add_up_to(fid: str) -> None:
    report = clean_report(fid)
    _blank_totals(report, {"granted": {"natural": 160, "commercial": 9, "legal": 1},
                           "partial": {"natural": 4},
                           "unable_not_held": {"natural": 120, "commercial": 7},
                           "unable_needs_making": {"natural": 30}})
    report.text["overview"] += "\n本年予以公开及部分公开160件，占40.2%；因本机关不掌握等原因无法提供150件，占37.7%。"
    found = of(report, "R-FACTS")
    assert len(found) == 2
    granted, unable = found
    assert "说予以公开和部分公开的申请件数是 160" in granted.message
    assert "没有填完，已填的各栏合计已有 174，比文字所说的多" in granted.message
    assert granted.level.value == "error"
    assert "表三“三、本年度办理结果 · （四）无法提供”3 项的“总计”没有填完，已填的各栏合计已有 157" in unable.message
    assert unable.level.value == "error"  # 本机关不掌握 is the reason, not a scope
    assert "限定范围" not in unable.message


@pytest.mark.parametrize("fid", FORMATS)
def test_text_that_the_filled_cells_do_not_exceed_is_not_contradicted(fid: str) -> None:
    report = clean_report(fid)
    _blank_totals(report, {"granted": {"natural": 160, "commercial": 9}, "partial": {"natural": 4}})
    report.text["overview"] += "\n本年予以公开及部分公开173件。予以公开及部分公开180件。"
    assert not of(report, "R-FACTS")  # 173 agrees; 180 may be what the blank cells hold


@pytest.mark.parametrize("fid", FORMATS)
def test_all_upheld_names_each_pending_cell_once(fid: str) -> None:
    report = clean_report(fid)
    report.set_values({"t4.review.upheld": 3, "t4.review.pending": 1, "t4.suit_direct.upheld": 4,
                       "t4.suit_direct.pending": 2})
    report.text["overview"] += "\n信息公开类行政复议4件，诉讼6件，均获维持。"
    [f] = of(report, "R-CLAIMS")
    assert f.cells == ("t4.review.pending", "t4.suit_direct.pending")
    assert f.message.count("未经复议直接起诉 · 尚未审结") == 1


@pytest.mark.parametrize("sentence", [
    "其中，因本机关不掌握相关信息无法提供8件",
    "非本机关职责范围无法提供8件",
])
def test_a_reason_naming_this_agency_is_no_scope(sentence: str) -> None:
    [st] = statements("2021", sentence)
    assert st.fact == "t3-unable"
    assert st.scoped == sentence.startswith("其中")


def test_a_scope_word_after_the_statement_does_not_limit_it() -> None:
    sts = statements("2021", "本年共答复政府信息公开申请30件，其中予以公开10件")
    assert [(s.fact, s.scoped) for s in sts] == [("t3-results", False), ("t3-granted", True)]


@pytest.mark.parametrize(("sentence", "claims"), [
    ("行政复议和行政诉讼共3件", [("复议和诉讼", 3)]),
    ("因政府信息公开引起的行政复议、行政诉讼各1件", [("复议", 1), ("诉讼", 1)]),
    ("全年共办理行政复议案件120件，纠错率8%", []),
    ("区政府共受理行政复议申请231件，依法审结220件", []),
    ("依法审结行政复议案件88件", []),
    ("全年收到政府信息公开类行政复议申请3件", [("复议", 3)]),
    ("因政府信息公开被申请行政复议1件，提起行政诉讼2件", [("复议", 1), ("诉讼", 2)]),
])
def test_case_numbers(sentence: str, claims: list[tuple[str, int]]) -> None:
    assert [(w, n) for w, n, _q in case_claims(sentence)] == claims


@pytest.mark.parametrize("fid", FORMATS)
def test_one_number_for_reviews_and_suits_together(fid: str) -> None:
    report = clean_report(fid)  # one review, no suit
    report.set_values({"t4.suit_direct.upheld": 2})
    report.text["overview"] += "\n涉及政府信息公开的行政复议和行政诉讼共3件。"
    assert not of(report, "T4-TEXT")
    report.text["overview"] = report.text["overview"].replace("共3件", "共4件")
    [f] = of(report, "T4-TEXT")
    assert "表四行政复议和行政诉讼共 3 件" in f.message


@pytest.mark.parametrize("fid", FORMATS)
def test_a_review_organs_caseload_is_not_table_4(fid: str) -> None:
    report = clean_report(fid)
    report.text["overview"] += "\n全年共办理行政复议案件120件，维持80件，纠错10件。"
    assert not of(report, "T4-TEXT") and not of(report, "R-FACTS")


@pytest.mark.parametrize("sentence", [
    "全年共收到依申请公开申请2条",
    "本年度受理政府信息公开申请2条，均已按时答复",
    "全区共收到政府信息依申请公开2件",
    "本年度收到政府信息公开申请量为2件",
    "新收政府信息公开申请数量2件",
    "本年度共收到政府信息公开申请2次",
    "共收到政府信息公开申请两件",
])
@pytest.mark.parametrize("fid", FORMATS)
def test_application_counts_in_other_offices_words(fid: str, sentence: str) -> None:
    report = clean_report(fid)  # the table says 3
    report.text["overview"] += f"\n{sentence}。"
    [f] = of(report, "T3-TEXT")
    assert f.cells == ("t3.new.total",)
    report.text["overview"] = report.text["overview"].replace("2", "3").replace("两", "三")
    assert not of(report, "T3-TEXT")


@pytest.mark.parametrize(("sentence", "fact", "n"), [
    ("共完成政府信息依申请公开答复1453件", "t3-results", 1453),
    ("答复1453件，包括上年结转信息公开申请30件", "t3-carried-in", 30),
    ("上一年度结转政务信息公开申请4件", "t3-carried-in", 4),
])
def test_result_and_carry_facts_in_other_offices_words(sentence: str, fact: str, n: int) -> None:
    assert (fact, n) in [(s.fact, s.number) for s in statements("2021", sentence)]


@pytest.mark.parametrize("sentence", [
    "2020年度我街办未接到提出公开政府信息的申请",
    "依申请公开情况，2020年度我街道未收到申请人提出的依申请公开",
    "2022年，未收到依申请公开事项",
])
@pytest.mark.parametrize("fid", FORMATS)
def test_no_applications_made_in_a_street_offices_words(fid: str, sentence: str) -> None:
    report = clean_report(fid)  # the table says 3
    report.text["overview"] += f"\n{sentence}。"
    [f] = of(report, "T3-TEXT")
    assert "是 3" in f.message


def test_applications_that_occurred() -> None:
    assert [n for n, _q in application_claims("2020年度和平街道发生依申请公开1次。")] == [1]
    assert application_claims("2020年共受理人民网留言11条，回复率达到100%。") == ()


@pytest.mark.parametrize("fid", FORMATS)
def test_a_bare_suit_count_after_reviews_is_read_and_quoted_as_written(fid: str) -> None:
    report = clean_report(fid)  # one review, no suit
    report.text["overview"] += "\n信息公开类行政复议1件，诉讼4件，均获维持。"
    [f] = of(report, "T4-TEXT")
    assert "“行政复议1件，诉讼4件”" in f.message and "表四行政诉讼没有" in f.message
    assert [(w, n) for w, n, _q in case_claims("行政复议1件，复议后起诉1件")] == [("复议", 1)]


@pytest.mark.parametrize("fid", FORMATS)
def test_zero_lost_suits_against_table_4(fid: str) -> None:
    report = clean_report(fid)
    report.set_values({"t4.suit_after_review.corrected": 1})
    report.text["overview"] += "\n全年涉及政府信息公开的行政诉讼1件，继续保持零败诉。"
    [f] = of(report, "R-CLAIMS")
    assert f.cells == ("t4.suit_after_review.corrected",) and "即行政诉讼没有败诉" in f.message
    report.text["overview"] = report.text["overview"].replace("继续保持零败诉", "力争实现零败诉")
    assert not of(report, "R-CLAIMS")  # a goal, not a statement


@pytest.mark.parametrize("fid", FORMATS)
def test_the_rows_of_a_group_are_named_once(fid: str) -> None:
    report = clean_report(fid)
    report.set_values({"t3.denied_secret.natural": 2, "t3.new.natural": 4})
    report.text["overview"] += "\n不予公开3件。"
    [f] = of(report, "R-FACTS")
    assert "表三“三、本年度办理结果 · （三）不予公开”8 项的“总计”合计 2" in f.message
    assert f.message.count("表三") == 1


def _imported_without_table_4(fid: str, headings: list[str]) -> Report:
    report = clean_report(fid)
    report.extra["source"] = {"headings": headings}
    report.set_values(dict.fromkeys(report.format.table("t4").keys), force=True)
    return report


@pytest.mark.parametrize("fid", FORMATS)
def test_a_part_left_out_with_its_table_is_missing(fid: str) -> None:
    """A 统计局 report "由总体情况、主动公开…、收到和处理…、存在问题及改进情况、其他需要报告的事项等六部分组成"
    with no 行政复议 part: its later parts numbered on (四、存在问题…) or not."""
    for headings in (["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                      "四、存在问题及改进情况", "五、其他需要报告的事项"],
                     ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                      "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]):
        report = _imported_without_table_4(fid, headings)
        missing = [f for f in of(report, "R-SECTIONS") if f.section == "t4"]
        assert len(missing) == 1 and missing[0].level.value == "error"
        assert "缺少“四、" in missing[0].message and "表四也一格都没有读到" in missing[0].message
    wording = [f.message for f in of(report, "R-SECTIONS") if f.section != "t4"]
    assert not wording  # the second list is numbered as the format is
    report = _imported_without_table_4(fid, ["一、总体情况", "四、存在问题及改进情况", "五、其他需要报告的事项"])
    [renumbered] = [f.message for f in of(report, "R-SECTIONS") if f.section != "t4"]
    problems = next(s.heading for s in report.format.sections if s.id == "problems")
    assert f"“四、存在问题及改进情况”应为“{problems}”" in renumbered


@pytest.mark.parametrize("fid", FORMATS)
def test_a_table_part_with_its_heading_or_a_value_is_not_missing(fid: str) -> None:
    fmt_heading = next(s.heading for s in clean_report(fid).format.sections if s.id == "t4")
    report = _imported_without_table_4(fid, ["一、总体情况", fmt_heading, "五、存在的主要问题及改进情况"])
    assert not [f for f in of(report, "R-SECTIONS") if f.section == "t4"]  # there, but empty: T4-BLANK
    report = _imported_without_table_4(fid, ["一、总体情况", "五、存在的主要问题及改进情况"])
    report.set_values({"t4.review.upheld": 0})
    assert not [f for f in of(report, "R-SECTIONS") if f.section == "t4"]
    report = _imported_without_table_4(fid, [])  # typed in the window: headings unknown
    assert not [f for f in of(report, "R-SECTIONS") if f.section == "t4"]


@pytest.mark.parametrize("sentence", [
    "严格落实公文公开属性源头认定制度，全年共制发公文156件，主动公开98件，依申请公开12件，不予公开46件",
    "全年共审核拟公开文件230件，予以公开210件，不予公开20件",
])
@pytest.mark.parametrize("fid", FORMATS)
def test_documents_reviewed_for_disclosure_are_not_applications(fid: str, sentence: str) -> None:
    """政府信息管理 paragraphs count documents by 公开属性 in the words of table 3's rows."""
    report = clean_report(fid)
    report.text["overview"] += f"\n{sentence}。"
    assert not of(report, "R-FACTS")
    assert [s.fact for s in statements(fid, "不予公开46件。")] == ["t3-denied"]


@pytest.mark.parametrize("sentence", [
    "受理政务服务申请1600件，办结1500件",
    "政务服务中心全年受理各类许可申请12000件",
])
@pytest.mark.parametrize("fid", FORMATS)
def test_other_applications_are_not_disclosure_applications(fid: str, sentence: str) -> None:
    report = clean_report(fid)
    report.text["overview"] += f"\n{sentence}。"
    assert not of(report, "T3-TEXT") and not of(report, "R-FACTS")


@pytest.mark.parametrize("fid", FORMATS)
def test_answered_and_postponed_in_a_city_reports_words(fid: str) -> None:
    report = clean_report(fid)  # 3 new, 3 concluded, none carried over
    report.text["overview"] += "\n全年共受理政府信息公开申请3件，答复3件（另有1件申请按照《条例》顺延到下年度答复）。"
    [f] = of(report, "R-FACTS")
    assert f.cells == ("t3.carried_out.total",) and "是 1" in f.message and "是 0" in f.message
    report.text["overview"] = report.text["overview"].replace("答复3件", "答复4件").replace("另有1件", "另有0件")
    [f] = of(report, "R-FACTS")
    assert f.cells == ("t3.results_total.total",) and "是 4" in f.message


@pytest.mark.parametrize("fid", FORMATS)
def test_applications_against_a_new_row_with_a_blank_total(fid: str) -> None:
    report = clean_report(fid)
    report.set_values({"t3.new.natural": 5, "t3.new.commercial": None, "t3.new.total": None}, force=True)
    report.text["overview"] = "全年共受理政府信息公开申请4件。"
    [f] = of(report, "T3-TEXT")
    assert "没有填，已填的各栏合计已有 5" in f.message
    report.text["overview"] = report.text["overview"].replace("4件", "6件")
    assert not of(report, "T3-TEXT")  # the blank cells may hold the sixth


def test_a_fee_statement_in_another_part_is_named() -> None:
    report = clean_report("2021")
    report.text["other"] = "无。"
    report.text["overview"] += "\n（六）政府信息公开收费情况。本年度未收取信息处理费。公开行政事业性收费目录清单。"
    [f] = of(report, "R-FEE-STATEMENT")
    assert "（“一、总体情况”中写到了信息处理费，按年度报告格式应在六中说明）" in f.message
    report.text["overview"] = report.text["overview"].replace("本年度未收取信息处理费。", "")
    [f] = of(report, "R-FEE-STATEMENT")
    assert "写到了" not in f.message


@pytest.mark.parametrize("fid", FORMATS)
def test_text_rules_name_the_part_the_words_stand_in(fid: str) -> None:
    report = clean_report(fid)  # 3 applications, 1 review
    report.text["overview"] += "\n全年共收到政府信息公开申请5件。"
    report.text["problems"] += "本年度行政复议2件。"
    [applications] = of(report, "T3-TEXT")
    [cases] = of(report, "T4-TEXT")
    assert applications.message.startswith("“一、总体情况”写“收到政府信息公开申请5件”，但表三")
    problems = next(s.heading for s in report.format.sections if s.id == "problems")
    assert cases.message.startswith(f"“{problems}”写“行政复议2件”，但表四")


@pytest.mark.parametrize("fid", FORMATS)
def test_two_claims_of_one_sentence_against_one_cell_are_one_finding(fid: str) -> None:
    report = clean_report(fid)
    report.set_values({"t4.suit_direct.corrected": 1})
    report.text["overview"] += "\n涉及政府信息公开的行政复议1件、行政诉讼1件，均获维持，继续保持零败诉。"
    [f] = of(report, "R-CLAIMS")
    assert "即复议、诉讼结果都是维持" in f.message and f.cells == ("t4.suit_direct.corrected",)
