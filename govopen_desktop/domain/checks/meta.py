"""Front-matter rules: the format for the year, the signature date, the legal deadline."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from govopen_desktop.domain.checks.common import compact, finding, is_government, source_info
from govopen_desktop.domain.checks.registry import rule_kind
from govopen_desktop.domain.errors import GovopenError
from govopen_desktop.domain.findings import Finding
from govopen_desktop.domain.formats import RuleSpec, available_formats, format_for_year, load_format
from govopen_desktop.domain.report import Report


@rule_kind("format_for_year")
def format_matches_year(report: Report, spec: RuleSpec) -> Iterator[Finding]:
    """Reports for 2019–2020 use the trial format, reports from 2021 on the current one."""
    try:
        wanted = format_for_year(report.meta.year)
    except GovopenError as exc:
        yield finding(spec, str(exc), section="meta")
        return
    if wanted.id == report.meta.format:
        return
    yield finding(
        spec,
        f"{report.meta.year} 年度报告应使用{wanted.title}，"
        f"本报告用的是{report.format.title}，表格的栏目和行不符合该年度的要求。",
        section="meta",
        suggested={"meta.format": wanted.id},
    )


def _documents(text: str, pattern: str, titles: list[list[str]]) -> list[str]:
    """The format documents a text cites, written as the format files write them (国办公开办函〔2019〕60号),
    by number or by the notice's title alone (《…关于政府信息公开工作年度报告有关事项的通知》)."""
    prose = compact(text)
    found = [f"国办公开办函〔{m.group(1)}〕{m.group(2)}号" for m in re.finditer(pattern, prose)]
    return found + [doc for doc, title in titles if re.search(title, prose)]


@rule_kind("cited_format")
def cited_format(report: Report, spec: RuleSpec) -> Iterator[Finding]:
    """The report says it was written after another format's document than the one its tables
    follow (a 2022 report “根据…（国办公开办函〔2019〕60号）的要求编制” with the 2021 tables)."""
    own = report.format
    others = {load_format(f).document: load_format(f) for f in available_formats() if f != own.id}
    # the words above 一、 an import kept where the format has no opening text
    texts = [("meta", "标题下的说明文字", source_info(report).get("preface"))]
    texts += [(key, f"“{own.text_heading(key)}”", report.text.get(key))
              for key in spec.params["sections"]]
    cited: list[tuple[str, str, str]] = []
    for section, where, raw in texts:
        if isinstance(raw, str) and raw:
            docs = _documents(raw, spec.params["document"], spec.params.get("titles", []))
            cited += [(doc, section, where) for doc in docs]
    if any(doc == own.document for doc, _, _ in cited):
        return  # its own format named too (e.g. the old notice cited for its other provisions)
    wrong = next(((doc, section, where) for doc, section, where in cited if doc in others), None)
    if wrong is None:
        return
    doc, section, where = wrong
    yield finding(
        spec,
        f"{where}写按“{doc}”（{others[doc].name}）编制，但本报告的表格是{own.name}（{own.document}），"
        f"{report.meta.year} 年度报告也应按{own.document}编制。请核对编制依据。",
        section=section,
    )


def signature_date(report: Report) -> dt.date | None:
    if not report.meta.date:
        return None
    try:
        return dt.date.fromisoformat(report.meta.date)
    except ValueError:
        return None


def _cn_date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


@rule_kind("signature_date")
def signature_date_in_next_year(report: Report, spec: RuleSpec) -> Iterator[Finding]:
    """The report is signed after the year it covers ended, in the following year."""
    day, year = signature_date(report), report.meta.year
    if day is None or day.year == year + 1:
        return
    if day.year <= year:
        problem = f"早于 {year} 年度结束，统计年度还没有过完"
    else:
        problem = f"不在 {year + 1} 年，年度报告应在次年年初发布"
    yield finding(
        spec,
        f"成文日期 {_cn_date(day)} {problem}。请核对日期或报告年度。",
        section="meta",
    )


@rule_kind("deadline")
def deadline(report: Report, spec: RuleSpec) -> Iterator[Finding]:
    """条例第四十九条: departments publish by 1月31日, a government's report by 3月31日."""
    day = signature_date(report)
    if day is None or day.year < report.meta.year + 1:
        return  # no date, or a date R-DATE already reports
    p = spec.params
    government = is_government(report.meta.agency, p["government_suffixes"])
    month, dom = (int(x) for x in (p["government"] if government else p["department"]).split("-"))
    due = dt.date(report.meta.year + 1, month, dom)
    if day <= due:
        return
    who = "本级人民政府的年度报告" if government else "政府部门和派出机关的年度报告"
    yield finding(
        spec,
        f"成文日期 {_cn_date(day)} 晚于法定期限 {_cn_date(due)}：按《政府信息公开条例》第四十九条，"
        f"{who}应在每年{month}月{dom}日前公布。",
        section="meta",
    )


@rule_kind("date_missing")
def date_missing(report: Report, spec: RuleSpec) -> Iterator[Finding]:
    """GB/T 9704: a published document states its 成文日期 under the signature."""
    if report.meta.date:
        return
    yield finding(
        spec,
        "没有成文日期。按《党政机关公文格式》（GB/T 9704），落款处应写明成文日期"
        f"（如“{report.meta.year + 1}年1月20日”），请在封面信息中填写。",
        section="meta",
    )

