"""The report model: live totals, change notification, values kept as published."""

from __future__ import annotations

import pytest

from govopen_desktop.domain.carry import start_next_year
from govopen_desktop.domain.errors import UnknownCellError, ValueInputError
from govopen_desktop.domain.report import Report


def test_new_report_takes_the_format_of_its_year() -> None:
    assert Report.new("某街道办事处", 2020).meta.format == "2019"
    report = Report.new("某街道办事处", 2024)
    assert report.meta.format == "2021"
    assert all(v is None for v in report.cells.values())
    assert len(report.cells) == 200


def test_setting_an_input_recomputes_exactly_its_dependents() -> None:
    report = Report.new("某街道办事处", 2024)
    seen: list[set[str]] = []
    report.subscribe(seen.append)
    changed = report.set_value("t3.denied_secret.natural", "2")
    assert changed == {
        "t3.denied_secret.natural", "t3.denied_secret.total",
        "t3.results_total.natural", "t3.results_total.total",
    }
    assert seen == [changed]
    assert report.get("t3.results_total.total") == 2
    report.set_value("t3.granted.natural", 3)
    assert report.get("t3.results_total.natural") == 5
    assert report.get("t3.results_total.total") == 5


def test_derived_cells_cannot_be_typed_into() -> None:
    report = Report.new("某街道办事处", 2024)
    with pytest.raises(ValueInputError, match="自动计算"):
        report.set_value("t3.new.total", 4)
    with pytest.raises(UnknownCellError):
        report.set_value("t3.nonsense.natural", 1)


def test_published_totals_stay_until_an_input_changes() -> None:
    report = Report.new("某街道办事处", 2020)
    report.set_values({"t3.rejected_petition.natural": 1, "t3.results_total.natural": 0}, force=True)
    assert report.get("t3.results_total.natural") == 0  # kept as printed
    assert report.expected("t3.results_total.natural") == 1
    report.set_value("t3.granted.natural", 2)
    assert report.get("t3.results_total.natural") == 3


def test_recompute_on_request() -> None:
    report = Report.new("某街道办事处", 2020)
    report.set_values({"t4.review.upheld": 2, "t4.review.total": 9}, force=True)
    assert report.recompute() >= {"t4.review.total"}
    assert report.get("t4.review.total") == 2


def test_changing_the_year_across_formats_keeps_shared_cells() -> None:
    report = Report.new("某街道办事处", 2020)
    report.set_values({"t3.new.natural": 4, "t2.procurement.projects": 2})
    changed = report.set_meta(year=2021)
    assert report.meta.format == "2021"
    assert "meta.format" in changed
    assert report.get("t3.new.natural") == 4
    assert "t2.procurement.projects" not in report.cells


def test_start_next_year_carries_over_and_keeps_prior() -> None:
    prior = Report.new("某街道办事处", 2020)
    prior.set_values({"t3.carried_out.natural": 2, "t3.carried_out.legal": 1})
    prior.text["other"] = "无"
    report = start_next_year(prior)
    assert report.meta.year == 2021 and report.meta.format == "2021"
    assert report.get("t3.carried_in.natural") == 2
    assert report.get("t3.carried_in.legal") == 1
    assert report.get("t3.carried_in.total") == 3
    assert report.get("t3.carried_in.research") is None  # empty stays empty
    assert report.prior is prior
    assert report.text["other"] is None  # last year's text is not this year's: it stays in prior
    assert report.prior.text["other"] == "无"
