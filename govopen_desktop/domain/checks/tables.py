"""Arithmetic rules of the tables: derived sums and the 勾稽关系 of table 3."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from govopen_desktop.domain.checks.registry import rule_kind
from govopen_desktop.domain.findings import Finding, Level
from govopen_desktop.domain.formats import RuleSpec
from govopen_desktop.domain.report import Report
from govopen_desktop.domain.values import format_value, same_value


@rule_kind("derived")
def derived_sums(report: Report, spec: RuleSpec) -> Iterator[Finding]:
    """Each derived cell of this rule holds the sum of its parts."""
    fmt = report.format
    for key in fmt.derived_order:
        f = fmt.fields[key]
        if f.derived is None or f.derived.rule != spec.id:
            continue
        actual, expected = report.get(key), report.expected(key)
        if expected is None or same_value(actual, expected):
            continue
        shown = "空" if actual is None else format_value(actual)
        yield Finding(
            rule=spec.id,
            level=Level(spec.level),
            message=f"“{f.label}”填的是 {shown}，按各项之和应为 {format_value(expected)}。",
            cells=(key, *f.derived.terms),
            section=f.table,
            suggested={key: expected},
        )


@rule_kind("balance")
def balance(report: Report, spec: RuleSpec) -> Iterator[Finding]:
    """Per value column: the sum of the `lhs` rows equals the sum of the `rhs` rows."""
    table = report.format.table(spec.params["table"])
    lhs_rows: list[str] = spec.params["lhs"]
    rhs_rows: list[str] = spec.params["rhs"]
    for col in table.col_ids:
        lhs_keys = [f"{table.id}.{r}.{col}" for r in lhs_rows]
        rhs_keys = [f"{table.id}.{r}.{col}" for r in rhs_rows]
        values = [report.get(k) for k in (*lhs_keys, *rhs_keys)]
        if any(v is None or isinstance(v, str) for v in values):
            continue  # empty cells are reported by their own rule
        lhs = sum((Decimal(report.get(k)) for k in lhs_keys), Decimal(0))  # type: ignore[arg-type]
        rhs = sum((Decimal(report.get(k)) for k in rhs_keys), Decimal(0))  # type: ignore[arg-type]
        if lhs == rhs:
            continue
        column = report.format.fields[lhs_keys[0]].label.split(" · ")[-1]
        yield Finding(
            rule=spec.id,
            level=Level(spec.level),
            message=(
                f"表三“{column}”列勾稽关系不平：第一项加第二项为 {lhs}，"
                f"第三项（七）总计加第四项为 {rhs}，两者应相等。"
            ),
            cells=(*lhs_keys, *rhs_keys),
            section=table.id,
        )
