"""An amount with its unit: one way to show it (format_amount, Report.unit_of), read back by split_unit."""

from __future__ import annotations

from decimal import Decimal

from govopen_desktop.domain.report import Report
from govopen_desktop.domain.values import format_amount, read_cell, split_unit


def test_an_amount_shows_the_unit_it_was_written_with_and_reads_back() -> None:
    report = Report.new("某某县人民政府", 2019)
    key = "t2.procurement.amount"
    report.cells[key] = Decimal("251000")
    report.cells["t2.procurement.amount_unit"] = "元"
    assert report.unit_of(key) == "元"
    shown = format_amount(report.cells[key], report.unit_of(key))
    assert shown == "251000元"
    assert split_unit(shown) == ("251000", "元")
    assert read_cell(shown, "amount_with_unit") == Decimal("251000")


def test_no_unit_without_an_amount_or_a_unit_cell() -> None:
    report = Report.new("某某县人民政府", 2019)
    report.cells["t2.procurement.amount_unit"] = "万元"
    assert format_amount(None, report.unit_of("t2.procurement.amount")) == ""
    assert format_amount(Decimal("0.50"), None) == "0.50"
    assert report.unit_of("t3.new.natural") is None  # a count has no unit cell
    assert format_amount(7, report.unit_of("t3.new.natural")) == "7"
