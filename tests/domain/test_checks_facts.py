"""The facts the text states, against the tables (R-FACTS, R-CLAIMS): every fact of the
vocabulary in both formats is caught when the table disagrees and quiet when it agrees."""

from __future__ import annotations

import re
import time
from typing import Any

import pytest

from govopen_desktop.domain.checks import check
from govopen_desktop.domain.checks.text_facts import statements
from govopen_desktop.domain.findings import Finding, Level
from govopen_desktop.domain.formats import Claim, NumberFact, load_format
from govopen_desktop.domain.report import Report
from tests.support.clean_reports import FORMATS, PROBLEMS, clean_report


def _cases(part: str) -> list[Any]:
    return [pytest.param(fid, f, id=f"{fid}-{f.id}") for fid in FORMATS for f in getattr(load_format(fid).facts, part)]


def _input(report: Report, key: str) -> str:
    """The input cell that sets `key` (a total: its first part)."""
    derived = report.format.fields[key].derived
    return key if derived is None else _input(report, derived.terms[0])


def _leaves(report: Report, key: str) -> set[str]:
    derived = report.format.fields[key].derived
    return {key} if derived is None else {leaf for t in derived.terms for leaf in _leaves(report, t)}


def _set_sum(report: Report, cells: list[str], value: int) -> None:
    """Make the sum of `cells` equal `value`: the first one's input holds it, the rest 0."""
    values: dict[str, Any] = dict.fromkeys({leaf for k in cells for leaf in _leaves(report, k)}, 0)
    values[_input(report, cells[0])] = value
    report.set_values(values)


def _with_text(report: Report, sentence: str) -> Report:
    report.set_text("problems", PROBLEMS.format(year=report.meta.year) + sentence + "。")
    return report


def _found(report: Report, rule: str) -> list[Finding]:
    return [f for f in check(report) if f.rule == rule]


def _example_number(example: str) -> int:
    digits = [int(x) for x in re.findall(r"\d+(?:\.\d+)?", example) if "." not in x]
    return digits[-1] if digits else 0


def _cells(fid: str, fact: NumberFact, example: str) -> list[str]:
    if fact.cells:
        return list(fact.cells)
    return next(list(cells) for word, cells in fact.subjects if word in example)


@pytest.mark.parametrize(("fid", "fact"), _cases("numbers"))
def test_number_fact_agreeing_is_quiet_and_disagreeing_is_found(fid: str, fact: NumberFact) -> None:
    example = fact.example
    if fact.kind == "amount":
        return _amount_case(fid, fact)
    n = _example_number(example)
    cells = _cells(fid, fact, example)
    report = _with_text(clean_report(fid), example)
    _set_sum(report, cells, n)
    assert not _found(report, "R-FACTS"), example
    _set_sum(report, cells, n + 7)
    [f] = _found(report, "R-FACTS")
    assert example in f.message and f.section == "problems"
    assert str(n + 7) in f.message and set(f.cells) == set(cells)
    scoped = "其中" in example
    assert f.level is (Level.WARNING if scoped else Level.ERROR)


def _amount_case(fid: str, fact: NumberFact) -> None:
    from decimal import Decimal

    report = _with_text(clean_report(fid), fact.example)
    [key] = fact.cells
    report.set_values({key: Decimal("0.12")})
    assert not _found(report, "R-FACTS")
    report.set_values({key: Decimal("0.1200")})
    assert not _found(report, "R-FACTS")  # the same amount with more decimals
    report.set_values({key: Decimal("0.13")})
    [f] = _found(report, "R-FACTS")
    assert f.level is Level.ERROR and "0.12" in f.message
    # in 元: 1200元 is 0.12 万元
    report = _with_text(clean_report(fid), "行政事业性收费1200元")
    report.set_values({key: Decimal("0.12")})
    assert not _found(report, "R-FACTS")


@pytest.mark.parametrize(("fid", "claim"), _cases("claims"))
def test_claim_contradicted_is_found_and_consistent_is_quiet(fid: str, claim: Claim) -> None:
    example = claim.example
    report = _with_text(clean_report(fid), example)
    cells = list(claim.cells or [k for _word, group in claim.subjects for k in group])
    report.set_values(dict.fromkeys({leaf for k in cells for leaf in _leaves(report, k)}, 0))
    assert not _found(report, "R-CLAIMS"), example
    report.set_values({_input(report, cells[0]): 2})
    [f] = _found(report, "R-CLAIMS")
    assert example in f.message and f.section == "problems" and cells[0] in f.cells
    assert f.level is Level(claim.level or "error")


@pytest.mark.parametrize("fid", FORMATS)
def test_a_scope_word_makes_it_a_warning_quoting_the_sentence(fid: str) -> None:
    report = _with_text(clean_report(fid), "市本级不予公开2件")
    report.set_values({"t3.denied_secret.natural": 0})
    [f] = _found(report, "R-FACTS")
    assert f.level is Level.WARNING and "市本级不予公开2件" in f.message and "限定范围" in f.message


@pytest.mark.parametrize("fid", FORMATS)
@pytest.mark.parametrize("sentence", ["不予公开约2件", "不予公开2件以上", "不予公开20余件", "不予公开的申请较少"])
def test_approximate_numbers_are_not_statements(fid: str, sentence: str) -> None:
    assert not _found(_with_text(clean_report(fid), sentence), "R-FACTS")


def test_published_contradiction_in_force_393_against_470() -> None:
    report = clean_report("2021")
    report.set_values({"t2.normative_docs.issued": 12, "t2.normative_docs.repealed": 3,
                       "t2.normative_docs.in_force": 470})
    report.set_text("overview", (report.text["overview"] or "") + "\n（六）规范性文件管理。全面清理规范性文件，"
                    "目前现行有效行政规范性文件393件，均已在门户网站集中公开。")
    [f] = _found(report, "R-FACTS")
    assert f.level is Level.ERROR and f.section == "overview"
    assert "现行有效行政规范性文件393件" in f.message and "470" in f.message
    assert f.cells == ("t2.normative_docs.in_force",)


@pytest.mark.parametrize("fid", FORMATS)
def test_published_contradiction_granted_and_partial_258_against_272_plus_3(fid: str) -> None:
    report = clean_report(fid)
    report.set_values({"t3.new.natural": 280, "t3.granted.natural": 272, "t3.partial.natural": 3,
                       "t3.unable_not_held.natural": 5, "t3.granted.commercial": 0,
                       "t3.unable_not_held.commercial": 1, "t3.new.commercial": 1})
    report.set_text("overview", (report.text["overview"] or "").replace(
        "全年共收到政府信息公开申请3件，均按期答复。",
        "全年共收到政府信息公开申请281件，予以公开及部分公开258件，无法提供6件。"))
    found = _found(report, "R-FACTS")
    [f] = found
    assert f.level is Level.ERROR
    assert "予以公开及部分公开258件" in f.message and "275" in f.message
    assert set(f.cells) == {"t3.granted.total", "t3.partial.total"}


@pytest.mark.parametrize("fid", FORMATS)
def test_published_contradiction_all_upheld_while_pending(fid: str) -> None:
    report = clean_report(fid)
    report.set_values({"t4.review.upheld": 3, "t4.review.pending": 2, "t4.suit_direct.upheld": 1,
                       "t4.suit_direct.pending": 1})
    report.set_text("problems", PROBLEMS.format(year=report.meta.year)
                    + "本年度发生政府信息公开行政复议5件、行政诉讼2件，均获维持。")
    [f] = _found(report, "R-CLAIMS")
    assert f.level is Level.ERROR and "均获维持" in f.message
    assert set(f.cells) == {"t4.review.pending", "t4.suit_direct.pending"}
    assert "2" in f.message and "1" in f.message


@pytest.mark.parametrize("fid", FORMATS)
def test_claim_about_reviews_only_looks_at_reviews(fid: str) -> None:
    report = clean_report(fid)
    report.set_values({"t4.suit_direct.corrected": 1})
    report.set_text("problems", PROBLEMS.format(year=report.meta.year) + "行政复议案件均获维持。")
    assert not _found(report, "R-CLAIMS")
    report.set_values({"t4.review.corrected": 1})
    [f] = _found(report, "R-CLAIMS")
    assert f.cells == ("t4.review.corrected",)


def test_statements_are_cached_and_fast() -> None:
    text = ("全年共收到申请35件，予以公开20件，部分公开3件，不予公开2件，无法提供10件。" * 40)
    start = time.perf_counter()
    first = statements("2021", text)
    assert len(first) >= 4
    again = time.perf_counter()
    assert statements("2021", text) is first
    assert time.perf_counter() - again < 0.001 and again - start < 0.5


LONG = "为进一步规范行政规范性文件管理，按照上级要求开展全面清理工作并及时向社会公布结果，" * 3


@pytest.mark.parametrize("filler", ["", LONG])
def test_the_window_finds_the_quoted_sentence(filler: str) -> None:
    from govopen_desktop.domain.quotes import locate_sentence

    report = clean_report("2021")
    report.set_values({"t2.normative_docs.in_force": 470})
    text = (report.text["overview"] or "") + f"\n{filler}目前现行有效行政规范性文件 393 件。"
    report.set_text("overview", text)
    [f] = _found(report, "R-FACTS")
    found = locate_sentence({k: v or "" for k, v in report.text.items()}, f.message, f.section)
    assert found is not None and found[0] == "overview"
    assert "现行有效行政规范性文件 393 件" in text[found[1] : found[2]]


@pytest.mark.parametrize("fid", FORMATS)
def test_all_answered_with_carried_over_and_the_wording_it_suggests(fid: str) -> None:
    report = clean_report(fid)
    report.set_values({"t3.carried_out.natural": 1, "t3.new.natural": 3})
    report.set_text("problems", PROBLEMS.format(year=report.meta.year) + "所有申请均在法定期限内答复。")
    [f] = _found(report, "R-CLAIMS")
    assert f.level is Level.WARNING and "已办结的申请均在法定期限内答复" in f.message
    report.set_text("problems", PROBLEMS.format(year=report.meta.year) + "已办结的申请均在法定期限内答复。")
    assert not _found(report, "R-CLAIMS")


@pytest.mark.parametrize("fid", FORMATS)
@pytest.mark.parametrize(
    "sentence",
    ["政务服务事项办结1500件", "12345热线工单答复1200件", "网站访问量均维持在较高水平", "各项工作均已审结归档",
     "本单位信息均未被纠错"],
)
def test_words_used_about_other_things_are_not_statements(fid: str, sentence: str) -> None:
    report = clean_report(fid)
    report.set_values({"t4.review.corrected": 1, "t4.review.pending": 1, "t4.review.upheld": 0})
    report.set_text("problems", PROBLEMS.format(year=report.meta.year) + sentence + "。")
    assert not _found(report, "R-FACTS") and not _found(report, "R-CLAIMS")


@pytest.mark.parametrize("fid", FORMATS)
def test_suits_after_review_are_suits(fid: str) -> None:
    report = clean_report(fid)
    report.set_values({"t4.review.upheld": 1, "t4.suit_after_review.upheld": 2})
    report.set_text("problems", PROBLEMS.format(year=report.meta.year) + "行政诉讼2件，均为复议后起诉，维持2件。")
    assert not _found(report, "R-FACTS")
    report.set_values({"t4.suit_after_review.upheld": 1, "t4.suit_after_review.pending": 1})
    [f] = _found(report, "R-FACTS")
    assert set(f.cells) == {"t4.suit_direct.upheld", "t4.suit_after_review.upheld"}
    report.set_text("problems", PROBLEMS.format(year=report.meta.year) + "经复议后起诉的行政诉讼案件均获维持。")
    [f] = _found(report, "R-CLAIMS")
    assert f.cells == ("t4.suit_after_review.pending",)
