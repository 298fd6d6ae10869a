"""Table 2 plausibility: in-force counts, the 2019 rows, rule-making power, written units."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from govopen_desktop.domain.checks.common import as_int, finding, label, number, shown
from govopen_desktop.domain.checks.registry import rule_kind
from govopen_desktop.domain.findings import Finding
from govopen_desktop.domain.formats import RuleSpec
from govopen_desktop.domain.report import Report


def _row_name(report: Report, key: str) -> str:
    return label(report.format, key).split(" · ")[0]


@rule_kind("issued_in_force")
def issued_in_force(report: Report, spec: RuleSpec) -> Iterator[Finding]:
    """A document issued this year and not repealed is normally still in force."""
    for row in spec.params["rows"]:
        issued, repealed, in_force = (number(report.get(row[k])) for k in ("issued", "repealed", "in_force"))
        if issued is None or repealed is None or in_force is None or issued <= 0:
            continue
        if in_force > 0 and (repealed > 0 or in_force >= issued):
            continue
        name = _row_name(report, row["in_force"])
        yield finding(
            spec,
            f"“{name}”本年制发 {as_int(issued)} 件、废止 {as_int(repealed)} 件，现行有效却只有 {as_int(in_force)} 件。"
            "本年制发且未废止的文件一般仍然有效，请核对现行有效件数。",
            (row["issued"], row["repealed"], row["in_force"]),
            "t2",
        )


@rule_kind("at_least")
def at_least(report: Report, spec: RuleSpec) -> Iterator[Finding]:
    """`key` is not smaller than `min` (a running total includes this year's part)."""
    for pair in spec.params["pairs"]:
        big, small = number(report.get(pair["key"])), number(report.get(pair["min"]))
        if big is None or small is None or big >= small:
            continue
        fmt = report.format
        yield finding(
            spec,
            f"“{label(fmt, pair['key'])}”是 {as_int(big)}，小于“{label(fmt, pair['min'])}”{as_int(small)}；"
            "总数应包含本年新公开的部分，至少为 "
            f"{as_int(small)}。",
            (pair["key"], pair["min"]),
            "t2",
            {pair["key"]: as_int(small)},
        )


@rule_kind("non_negative_sum")
def non_negative_sum(report: Report, spec: RuleSpec) -> Iterator[Finding]:
    """上一年项目数量 + 本年增/减 cannot be negative: a decrease larger than what existed."""
    for prior_key, change_key in spec.params["rows"]:
        before, change = number(report.get(prior_key)), number(report.get(change_key))
        if before is None or change is None or before + change >= 0:
            continue
        yield finding(
            spec,
            f"“{_row_name(report, prior_key)}”上一年项目数量 {as_int(before)}，本年增/减 {as_int(change)}，"
            f"相加为 {as_int(before + change)}：减少的数量不能多于原有数量。",
            (prior_key, change_key),
            "t2",
            {change_key: as_int(-before)},
        )


@lru_cache(maxsize=512)
def _lowest_unit(name: str, higher: tuple[str, ...], lower: tuple[str, ...], ignore: tuple[str, ...]) -> str | None:
    """The last administrative unit word in an agency name ('…市…区…街道办事处' -> '街道')."""
    for word in ignore:  # 城乡建设局, 乡村振兴局, 市场监管局 …: not units
        name = name.replace(word, "·" * len(word))
    units = sorted((*higher, *lower), key=len, reverse=True)
    pattern = re.compile("|".join(map(re.escape, units)))
    found = [m.group(0) for m in pattern.finditer(name)]
    return found[-1] if found else None


@rule_kind("rule_making_power")
def rule_making_power(report: Report, spec: RuleSpec) -> Iterator[Finding]:
    """Townships, streets and county-level bodies have no power to make 规章."""
    agency = report.meta.agency.strip()
    if not agency:
        return
    p = spec.params
    lower = tuple(p["lower_units"])
    unit = _lowest_unit(agency, tuple(p["higher_units"]), lower, tuple(p.get("ignore", ())))
    if unit not in lower:
        return
    filled = [k for k in p["keys"] if (n := number(report.get(k))) is not None and n > 0]
    if not filled:
        return
    fmt = report.format
    listed = "，".join(f"“{label(fmt, k)}”{shown(report.get(k))}" for k in filled)
    yield finding(
        spec,
        f"{agency}属于{unit}一级，没有制定规章的权限，规章各栏一般应为 0；现在填的是：{listed}。"
        "本机关制发的文件应计入（行政）规范性文件。",
        filled,
        "t2",
        dict.fromkeys(filled, 0),
    )


@rule_kind("unit_written")
def unit_written(report: Report, spec: RuleSpec) -> Iterator[Finding]:
    """An amount whose unit the form leaves open keeps the unit the report wrote."""
    key = spec.params["key"]
    field = report.format.fields[key]
    amount = number(report.get(key))
    if field.unit_key is None or amount is None or amount == 0 or report.get(field.unit_key):
        return
    yield finding(
        spec,
        f"“{field.label}”填了 {shown(report.get(key))}，但没有写明单位：请注明是“元”还是“万元”。",
        (key, field.unit_key),
        "t2",
    )
