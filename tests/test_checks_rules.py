"""The rules as data: every format's rules run, name known cells, and a clean report passes.

The builders here (clean reports of both formats, with last year's) are what the other
tests/test_checks_*.py files break, one rule at a time.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pytest

from govopen_desktop.domain.checks import check
from govopen_desktop.domain.checks.run import RULE_KINDS
from govopen_desktop.domain.findings import Finding, Level
from govopen_desktop.domain.formats import load_format
from govopen_desktop.domain.report import Report

FORMATS = ("2019", "2021")
YEAR = {"2019": 2020, "2021": 2024}
OVERVIEW = (
    "本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。\n"
    "（一）主动公开。全年主动公开政府信息120条。\n"
    "（二）依申请公开。全年共收到政府信息公开申请3件，均按期答复。\n"
    "（三）政府信息管理。严格落实公开前保密审查。\n"
    "（四）政府信息公开平台建设。持续优化门户网站栏目。\n"
    "（五）监督保障。开展业务培训，被申请行政复议1件，结果维持。"
)
PROBLEMS = (
    "{year}年存在的问题：一是部分信息公开的及时性有待提高，二是政策解读的形式还比较单一。"
    "改进措施：一是加强培训，二是完善审核流程，三是定期检查栏目更新，四是丰富图解、视频等解读形式。"
)
OTHER = {"2021": "本年度未收取信息处理费。", "2019": "无。"}

# §4 of official-format.md: the ids each format's rules must include
SPEC_IDS = {
    "T3-BAL", "T3-ROWSUM", "T3-RESULTS", "T3-INT", "T3-BLANK", "T3-CARRY", "T3-PARTIAL",
    "T4-SUM", "T4-INT", "T4-TEXT", "T4-PENDING", "T2-INT", "T2-REG-AUTH", "R-FORMAT",
    "R-SECTIONS", "R-OVERVIEW-5", "R-GOV-ASSESS", "R-DEADLINE", "R-DATE", "R-YEAR",
    "R-DUPLICATE", "R-NUMBERING", "T3-TEXT",
}
ONLY_2021 = {"T3-FEE-LINK", "T2-INFORCE", "T2-ISSUED-NOT-INFORCE", "R-FEE-STATEMENT"}
ONLY_2019 = {"T2-2019-PRIOR", "T2-2019-TOTAL", "T2-2019-CHANGE", "T2-2019-UNIT"}


def _zeros(report: Report) -> dict[str, Any]:
    fmt = report.format
    return {k: 0 for k in fmt.input_keys if fmt.fields[k].kind != "unit"}


def clean_report(fid: str, *, agency: str = "某市教育局", year: int | None = None) -> Report:
    """A finished, consistent report in format `fid` that no rule objects to."""
    year = year or YEAR[fid]
    report = Report.new(agency, year, date=f"{year + 1}-01-20")
    assert report.meta.format == fid
    values = _zeros(report)
    values.update({"t3.new.natural": 2, "t3.new.commercial": 1, "t3.granted.natural": 2,
                   "t3.unable_not_held.commercial": 1, "t4.review.upheld": 1})
    if fid == "2021":
        values.update({"t2.normative_docs.issued": 2, "t2.normative_docs.repealed": 1,
                       "t2.normative_docs.in_force": 10, "t2.fees.amount": "0.0120"})
    else:
        values.update({"t2.licensing.prior": 5, "t2.licensing.change": 1, "t2.licensing.decisions": 3,
                       "t2.normative_docs.made": 2, "t2.normative_docs.published": 2,
                       "t2.normative_docs.total_published": 30, "t2.procurement.projects": 2,
                       "t2.procurement.amount": "251000元", "t2.procurement.amount_unit": "元"})
    report.set_values(values)
    report.text.update(overview=OVERVIEW.format(year=year), problems=PROBLEMS.format(year=year),
                       other=OTHER[fid])
    return report


def clean_prior(report: Report) -> Report:
    """Last year's report matching `report` (carry-over, in-force counts, 2019 rows)."""
    prior = Report.new(report.meta.agency, report.meta.year - 1, date=f"{report.meta.year}-01-18")
    values = _zeros(prior)
    fmt = prior.meta.format
    if fmt == "2021":
        values.update({"t2.normative_docs.issued": 1, "t2.normative_docs.in_force": 9})
    else:
        values.update({"t2.licensing.prior": 4, "t2.licensing.change": 1})
    values.update({"t3.new.natural": 1, "t3.granted.natural": 1})
    prior.set_values(values)
    prior.text.update(
        overview="（一）主动公开。上年度的工作重点是制度建设和目录编制，全年公开信息八十余条，主要集中在机构职能方面。",
        problems="上年度的问题主要是栏目分类不清、更新不够及时，已经通过调整栏目和落实专人维护加以改进。",
        other=OTHER[fmt],
    )
    return prior


def clean_pair(fid: str, **kw: Any) -> Report:
    report = clean_report(fid, **kw)
    report.prior = clean_prior(report)
    return report


def rules(findings: Iterable[Finding]) -> set[str]:
    return {f.rule for f in findings}


def of(report: Report, rule: str) -> list[Finding]:
    return [f for f in check(report) if f.rule == rule]


# ---- the rules as data -------------------------------------------------------------------


@pytest.mark.parametrize("fid", FORMATS)
def test_every_rule_has_a_known_kind_and_level(fid: str) -> None:
    for spec in load_format(fid).rules:
        assert spec.kind in RULE_KINDS, spec.id
        assert spec.level in {lv.value for lv in Level}, spec.id
        assert spec.title, spec.id


@pytest.mark.parametrize("fid", FORMATS)
def test_the_spec_rules_are_listed_once(fid: str) -> None:
    ids = [r.id for r in load_format(fid).rules]
    assert len(ids) == len(set(ids))
    wanted = SPEC_IDS | (ONLY_2021 if fid == "2021" else ONLY_2019)
    assert wanted <= set(ids)
    assert not (set(ids) & (ONLY_2019 if fid == "2021" else ONLY_2021))


def _strings(value: Any) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


@pytest.mark.parametrize("fid", FORMATS)
def test_cell_keys_in_rule_params_exist_in_the_format(fid: str) -> None:
    fmt = load_format(fid)
    for spec in fmt.rules:
        for text in _strings(spec.params):
            if text.startswith(("t2.", "t3.", "t4.")) and text.count(".") == 2:
                assert text in fmt.fields, (spec.id, text)


@pytest.mark.parametrize("fid", FORMATS)
def test_a_clean_report_with_its_prior_has_no_findings(fid: str) -> None:
    report = clean_pair(fid)
    assert check(report) == []


def test_a_2021_report_against_a_2020_prior_is_clean() -> None:
    report = clean_pair("2021", year=2021)
    assert report.prior is not None and report.prior.meta.format == "2019"
    assert check(report) == []


@pytest.mark.parametrize("fid", FORMATS)
def test_an_empty_new_report_reports_blanks_and_missing_sections(fid: str) -> None:
    report = Report.new("某市教育局", YEAR[fid])
    found = check(report)
    assert {"T2-BLANK", "T3-BLANK", "T4-BLANK", "R-SECTIONS"} <= rules(found)
    t3 = [f for f in found if f.rule == "T3-BLANK"]
    assert len(t3) == len(report.format.table("t3").row_ids)  # one finding per row, not per cell
    assert all(f.level is Level.WARNING for f in t3)
    assert [f.level for f in found] == sorted((f.level for f in found), key=["error", "warning", "info"].index)


@pytest.mark.parametrize("fid", FORMATS)
def test_findings_name_cells_by_label_not_key(fid: str) -> None:
    report = Report.new("某市教育局", YEAR[fid])
    for f in check(report):
        assert "t3." not in f.message and "t2." not in f.message and "t4." not in f.message, f.message
        assert f.cells or f.section, f.rule
