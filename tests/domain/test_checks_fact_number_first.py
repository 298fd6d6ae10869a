"""A count the text states before its words (另有8件结转下年度继续办理) is a statement too."""

from __future__ import annotations

import pytest

from govopen_desktop.domain.checks import check
from tests.support.reports import filled_report


@pytest.mark.parametrize("format_id", ["2019", "2021"])
def test_number_before_carried_over_words_is_checked(format_id: str) -> None:
    report = filled_report(format_id)
    report.recompute()
    carried = report.get("t3.carried_out.total")
    assert isinstance(carried, int)
    report.set_text("overview", f"一、总体情况\n本年度申请均已依法答复，另有{carried}件结转下年度继续办理。")
    assert not [f for f in check(report) if f.rule == "R-FACTS" and "结转下年度" in f.message]
    report.set_text("overview", f"一、总体情况\n本年度申请均已依法答复，另有{carried + 1}件结转下年度继续办理。")
    wrong = [f for f in check(report) if f.rule == "R-FACTS" and "结转下年度" in f.message]
    assert wrong and f"另有{carried + 1}件结转下年度" in wrong[0].message
