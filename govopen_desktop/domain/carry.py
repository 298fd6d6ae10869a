"""Starting a new year's report from last year's: 上年结转 from 结转下年度继续办理."""

from __future__ import annotations

from govopen_desktop.domain.report import Report


def carry_over_pairs(report: Report, prior: Report) -> list[tuple[str, str]]:
    """(this year's key, last year's key) for every carried cell the format file lists."""
    return [
        (this_key, prior_key)
        for entry in report.format.carry_over
        for this_key, prior_key in entry.cells
        if prior_key in prior.format.fields
    ]


def carry_over_note(report: Report, key: str) -> str:
    """The tooltip line of a carried cell: where its number comes from (the format's words)."""
    field = report.format.fields.get(key)
    for entry in report.format.carry_over:
        if field is not None and field.table == entry.table and field.row_id == entry.to_row:
            return entry.note
    return ""


def start_next_year(prior: Report, year: int | None = None, agency: str | None = None) -> Report:
    """A new report for the year after `prior` (or `year`), in that year's format, with the
    carry-over cells filled and `prior` kept for comparison. The texts start empty: last year's
    text stays in `prior` (the window shows it beside the editor), so "2024年…" never slips into
    a 2025 report unread."""
    report = Report.new(agency or prior.meta.agency, year or prior.meta.year + 1)
    report.prior = prior
    carried = {
        this_key: prior.get(prior_key)
        for this_key, prior_key in carry_over_pairs(report, prior)
        if report.format.fields[this_key].is_input
    }
    report.set_values(carried)
    report.recompute()
    return report
