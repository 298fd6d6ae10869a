"""The checker: every rule a report alone, or a report with last year's, lets us verify.

Rules are listed with their level in the format files (templates/formats/*.json); each rule
kind has one function here that reads the rule's entry and the report.
"""

from __future__ import annotations

from govopen_desktop.domain.checks.run import run_rules
from govopen_desktop.domain.findings import Finding, apply_acceptances, sort_findings
from govopen_desktop.domain.report import Report


def check(report: Report, *, final: bool = False) -> list[Finding]:
    """All findings for `report` (and its `prior`, when it has one), errors first. `final`
    checks a report about to be published: an empty cell is then an error, not a warning.
    Warnings the clerk explained (`report.acceptances`) come back marked accepted."""
    return sort_findings(apply_acceptances(run_rules(report, final=final), report.acceptances))


__all__ = ["check"]
