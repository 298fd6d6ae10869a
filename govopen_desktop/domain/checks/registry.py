"""Rule kinds: a function per kind, called with the rule's entry from the format file.

The rule modules register their kinds here; `run.py` imports them all and runs a format's
rules, so no rule module imports the runner (no import circle).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from govopen_desktop.domain.findings import Finding
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


@contextmanager
def one_run(report: Report) -> Iterator[None]:
    """Within it, `unknown_cells(report)` is worked out once."""
    token = _UNKNOWN.set((id(report), report.unknown_keys()))
    try:
        yield
    finally:
        _UNKNOWN.reset(token)


def rule_kind(name: str) -> Callable[[RuleFunction], RuleFunction]:
    def register(fn: RuleFunction) -> RuleFunction:
        RULE_KINDS[name] = fn
        return fn

    return register
