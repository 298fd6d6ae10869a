"""A report with one warning to accept (说明), and the clerk's note for it."""

from __future__ import annotations

from govopen_desktop.domain.report import Report
from tests.support.gui import sample_report

NOTE = "本年部分科研机构的申请按自然人登记，此格确实无数。"


def report_with_warning() -> Report:
    """The sample with one empty cell: a T3-BLANK warning while drafting."""
    report = sample_report()
    report.set_values({"t3.new.research": None})
    return report
