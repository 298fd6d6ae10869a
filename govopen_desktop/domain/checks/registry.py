"""Rule kinds: a function per kind, called with the rule's entry from the format file."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import replace

from govopen_desktop.domain.findings import Finding, Level
from govopen_desktop.domain.formats import RuleSpec
from govopen_desktop.domain.report import Report

RuleFunction = Callable[[Report, RuleSpec], Iterator[Finding]]
RULE_KINDS: dict[str, RuleFunction] = {}
# the cells whose value is not known (printed wrong, or totals of those), found once per run
_UNKNOWN: ContextVar[tuple[int, frozenset[str]] | None] = ContextVar("unknown_cells", default=None)


def unknown_cells(report: Report) -> frozenset[str]:
    """`report.unknown_keys()`, computed once per check run (rules ask for it several times)."""
    run = _UNKNOWN.get()
    if run is not None and run[0] == id(report):
        return run[1]
    return report.unknown_keys()


def rule_kind(name: str) -> Callable[[RuleFunction], RuleFunction]:
    def register(fn: RuleFunction) -> RuleFunction:
        RULE_KINDS[name] = fn
        return fn

    return register


def run_rules(report: Report, *, final: bool = False) -> list[Finding]:
    """`final`: the report is about to be published, so rules with a `final_level` in the
    format file (an empty cell: a warning while drafting) take that level."""
    _load_kinds()
    token = _UNKNOWN.set((id(report), report.unknown_keys()))
    try:
        return _run(report, final)
    finally:
        _UNKNOWN.reset(token)


def _run(report: Report, final: bool) -> list[Finding]:
    findings: list[Finding] = []
    for spec in report.format.rules:
        fn = RULE_KINDS.get(spec.kind)
        if fn is None:
            raise KeyError(f"unknown rule kind {spec.kind!r} for {spec.id}")
        final_level = spec.params.get("final_level") if final else None
        if final_level:
            findings.extend(replace(f, level=Level(final_level)) for f in fn(report, spec))
        else:
            findings.extend(fn(report, spec))
    return findings


def _load_kinds() -> None:
    """Import the rule modules once: importing them registers their kinds."""
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
