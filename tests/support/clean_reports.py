"""Clean reports of both formats, with last year's, that no rule objects to: what the
checks' tests break one rule at a time; and small helpers to pick findings by rule."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from govopen_desktop.domain.checks import check
from govopen_desktop.domain.findings import Finding
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


def clean_with_prior(fid: str, prior_values: Mapping[str, Any] | None = None, **kw: Any) -> tuple[Report, Report]:
    """clean_pair's report and its prior (returned too, typed as there), `prior_values` set in the prior."""
    report = clean_pair(fid, **kw)
    assert report.prior is not None
    report.prior.set_values(prior_values or {})
    return report, report.prior


def rules(findings: Iterable[Finding]) -> set[str]:
    return {f.rule for f in findings}


def of(report: Report, rule: str) -> list[Finding]:
    return [f for f in check(report) if f.rule == rule]


def found_once_after(report: Report, rule: str, *, text: Mapping[str, str] | None = None,
                     values: Mapping[str, Any] | None = None) -> Finding:
    """The one finding of `rule` once `text` and `values` are set; before, the report has none."""
    assert not of(report, rule)
    report.text.update(text or {})
    report.set_values(values or {})
    [f] = of(report, rule)
    return f
