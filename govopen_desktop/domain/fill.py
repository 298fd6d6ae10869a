"""填充空白为 0: which cells a clerk's "fill the blanks with 0" writes."""

from __future__ import annotations

from collections.abc import Iterable

from govopen_desktop.domain.report import Report


def blank_inputs(report: Report, tables: Iterable[str]) -> list[str]:
    """Every empty input cell of `tables`, in the format's order. Totals are computed and the
    written unit of an amount (元/万元) is no number, so neither is listed; filled cells never."""
    wanted = set(tables)
    fields = report.format.fields
    return [
        key
        for key, field in fields.items()
        if field.table in wanted and field.is_input and field.kind != "unit" and report.cells.get(key) is None
    ]
