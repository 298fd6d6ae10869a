"""Running a format's rules: every rule module is imported here, which registers its kinds."""

from __future__ import annotations

# importing the rule modules registers their kinds in RULE_KINDS
from govopen_desktop.domain.checks import (  # noqa: F401
    cross_year,
    meta,
    register,
    table2,
    tables,
    text,
    text_drafts,
    text_facts,
    text_numbers,
)
from govopen_desktop.domain.checks.registry import RULE_KINDS, one_run
from govopen_desktop.domain.findings import Finding, Level
from govopen_desktop.domain.report import Report


def run_rules(report: Report, *, final: bool = False) -> list[Finding]:
    """`final`: the report is about to be published, so rules with a `final_level` in the
    format file (an empty cell: a warning while drafting) take that level."""
    with one_run(report):
        return _run(report, final)


def _run(report: Report, final: bool) -> list[Finding]:
    findings: list[Finding] = []
    for spec in report.format.rules:
        fn = RULE_KINDS.get(spec.kind)
        if fn is None:
            raise KeyError(f"unknown rule kind {spec.kind!r} for {spec.id}")
        final_level = spec.params.get("final_level") if final else None
        if final_level:
            findings.extend(f.replace(level=Level(final_level)) for f in fn(report, spec))
        else:
            findings.extend(fn(report, spec))
    return findings


__all__ = ["RULE_KINDS", "run_rules"]
