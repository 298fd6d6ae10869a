"""Rule kinds: a function per kind, called with the rule's entry from the format file."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from govopen_desktop.domain.findings import Finding
from govopen_desktop.domain.formats import RuleSpec
from govopen_desktop.domain.report import Report

RuleFunction = Callable[[Report, RuleSpec], Iterator[Finding]]
RULE_KINDS: dict[str, RuleFunction] = {}


def rule_kind(name: str) -> Callable[[RuleFunction], RuleFunction]:
    def register(fn: RuleFunction) -> RuleFunction:
        RULE_KINDS[name] = fn
        return fn

    return register


def run_rules(report: Report) -> list[Finding]:
    _load_kinds()
    findings: list[Finding] = []
    for spec in report.format.rules:
        fn = RULE_KINDS.get(spec.kind)
        if fn is None:
            raise KeyError(f"unknown rule kind {spec.kind!r} for {spec.id}")
        findings.extend(fn(report, spec))
    return findings


def _load_kinds() -> None:
    """Import the rule modules once: importing them registers their kinds."""
    from govopen_desktop.domain.checks import (  # noqa: F401
        cross_year,
        meta,
        table2,
        tables,
        text,
        text_numbers,
    )
