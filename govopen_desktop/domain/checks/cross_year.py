"""Rules that compare the report with last year's (`report.prior`)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from decimal import Decimal
from functools import lru_cache

from govopen_desktop.domain.carry import carry_over_pairs
from govopen_desktop.domain.checks.common import (
    as_int,
    compact,
    finding,
    label,
    number,
    shown,
    usable_prior,
)
from govopen_desktop.domain.checks.registry import rule_kind
from govopen_desktop.domain.findings import Finding
from govopen_desktop.domain.formats import Field, RuleSpec
from govopen_desktop.domain.report import Report
from govopen_desktop.domain.values import Published, same_value


@rule_kind("prior_year")
def prior_year(report: Report, spec: RuleSpec) -> Iterator[Finding]:
    """A prior of another year is not last year's report: say so instead of comparing."""
    prior = report.prior
    if prior is None or prior.meta.year == report.meta.year - 1:
        return
    yield finding(
        spec,
        f"所附“上年报告”是 {prior.meta.year} 年度的，本报告是 {report.meta.year} 年度，"
        f"应附 {report.meta.year - 1} 年度报告；与上年对照的检查（结转、现行有效件数、文字雷同）未进行。",
        section="meta",
    )


@rule_kind("carry")
def carry(report: Report, spec: RuleSpec) -> Iterator[Finding]:
    """This year's 上年结转 is last year's 结转下年度继续办理, column by column."""
    prior = usable_prior(report)
    if prior is None:
        return
    wrong: list[tuple[str, str]] = []
    for this_key, prior_key in carry_over_pairs(report, prior):
        before, now = prior.get(prior_key), report.get(this_key)
        if isinstance(now, Published) or isinstance(before, Published):
            continue  # reported on its cell (this year's) or not comparable (last year's)
        if before is not None and not same_value(now, before):
            wrong.append((this_key, prior_key))
    if not wrong:
        return
    fmt = report.format
    parts = "；".join(
        f"{_column(fmt.fields[k])}本年填 {shown(report.get(k))}，上年结转下年 {shown(prior.get(p))}"
        for k, p in wrong
    )
    yield finding(
        spec,
        spec.params["message"].format(prior_year=prior.meta.year, parts=parts),  # the format file's words
        [k for k, _ in wrong],
        fmt.fields[wrong[0][0]].table,
        {k: prior.get(p) for k, p in wrong},
    )


def _column(field: Field) -> str:
    """The column's printed name: 自然人, 法人或其他组织·商业企业…"""
    return (field.col_label or field.label.split(" · ")[-1]).replace(" · ", "·")


@rule_kind("cross_year_sum")
def cross_year_sum(report: Report, spec: RuleSpec) -> Iterator[Finding]:
    """key = Σ last year's `prior` + Σ this year's `plus` − Σ this year's `minus`."""
    prior = usable_prior(report)
    if prior is None:
        return
    fmt = report.format
    for row in spec.params["rows"]:
        key = row["key"]
        prior_keys, plus, minus = row.get("prior", ()), row.get("plus", ()), row.get("minus", ())
        if any(k not in prior.format.fields for k in prior_keys):
            continue  # last year used another format: nothing to compare
        before = [number(prior.get(k)) for k in prior_keys]
        added = [number(report.get(k)) for k in plus]
        removed = [number(report.get(k)) for k in minus]
        actual = number(report.get(key))
        if actual is None or any(p is None for p in (*before, *added, *removed)):
            continue
        expected = sum_of(before) + sum_of(added) - sum_of(removed)
        if actual == expected:
            continue
        how = "＋".join(f"上年“{label(prior.format, k)}”{shown(prior.get(k))}" for k in prior_keys)
        how += "".join(f"＋本年“{label(fmt, k)}”{shown(report.get(k))}" for k in plus)
        how += "".join(f"－本年“{label(fmt, k)}”{shown(report.get(k))}" for k in minus)
        note = spec.params.get("note", "")
        yield finding(
            spec,
            f"“{label(fmt, key)}”填的是 {shown(report.get(key))}，按上年数推算应为 {as_int(expected)}"
            f"（{how}）。{note}",
            (key, *plus, *minus),
            fmt.fields[key].table,
            {key: as_int(expected)} if expected >= 0 else None,
        )


@rule_kind("pending_resolved")
def pending_resolved(report: Report, spec: RuleSpec) -> Iterator[Finding]:
    """Cases pending at the end of last year should show up in this year's results."""
    prior = usable_prior(report)
    if prior is None:
        return
    for group in spec.params["groups"]:
        pending_key, total_key = f"{group}.pending", f"{group}.total"
        before, now = number(prior.get(pending_key)), number(report.get(total_key))
        if before is None or now is None or before <= 0 or now >= before:
            continue
        name = " · ".join(label(report.format, total_key).split(" · ")[:-1])  # the group, without its 总计
        yield finding(
            spec,
            f"{prior.meta.year} 年度报告中“{name}”有 {as_int(before)} 件尚未审结，本年该项总计只有 {as_int(now)} 件。"
            "上年未审结的案件审结后一般计入本年结果，请核对。",
            (total_key,),
            report.format.fields[total_key].table,
        )


@lru_cache(maxsize=256)
def _bigrams(text: str) -> Counter[str]:
    text = compact(text)
    return Counter(text[i : i + 2] for i in range(len(text) - 1))


@lru_cache(maxsize=256)
def similarity(a: str, b: str) -> float:
    """Share of character pairs the two texts have in common (Dice, 0…1).

    Like difflib's ratio on prose but linear, so it can run on every keystroke; it also
    sees through paragraphs moved around."""
    ga, gb = _bigrams(a), _bigrams(b)
    size = sum(ga.values()) + sum(gb.values())
    if size == 0:
        return 0.0
    return 2 * sum((ga & gb).values()) / size


@rule_kind("duplicate_text")
def duplicate_text(report: Report, spec: RuleSpec) -> Iterator[Finding]:
    """A text section nearly identical to last year's (内容雷同)."""
    prior = usable_prior(report)
    if prior is None:
        return
    threshold = float(spec.params.get("threshold", 0.9))
    min_chars = int(spec.params.get("min_chars", 60))
    sections = {s.text: s for s in report.format.sections if s.text}
    repeated = []
    for key, section in sections.items():
        now, before = report.text.get(key), prior.text.get(key)
        if not now or not before or len(compact(now)) < min_chars:
            continue
        ratio = similarity(now, before)
        if ratio >= threshold:
            repeated.append((section, ratio))
    for section, ratio in repeated:
        yield finding(
            spec,
            f"“{section.heading}”与 {prior.meta.year} 年度报告的同一部分有 {ratio:.0%} 相同，"
            "几乎照搬上年文字。请写明本年度的实际工作和数据（国办要求年报不得内容雷同）。",
            section=section.id,
        )


def sum_of(numbers: list[Decimal | None]) -> Decimal:
    """The sum of numbers already known to be present (callers skip rows with an empty cell)."""
    return sum((n for n in numbers if n is not None), Decimal(0))


def _agency_key(name: str) -> str:
    return compact(name).removeprefix("名称")


@rule_kind("prior_agency")
def prior_agency(report: Report, spec: RuleSpec) -> Iterator[Finding]:
    """The attached last year's report is this agency's (not a neighbouring unit's)."""
    prior = report.prior
    if prior is None:
        return
    this, before = _agency_key(report.meta.agency), _agency_key(prior.meta.agency)
    if not this or not before or this in before or before in this:
        return
    yield finding(
        spec,
        f"所附上年报告是“{prior.meta.agency.strip()}”的，本报告是“{report.meta.agency.strip()}”的。"
        "与上年对照的检查（结转、现行有效件数、文字雷同）只对同一机关的报告有意义，请核对是否附错了文件。",
        section="meta",
    )
