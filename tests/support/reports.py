"""Reports built for tests: every input cell filled with a distinct value of its kind."""

from __future__ import annotations

from decimal import Decimal

from govopen_desktop.domain.report import Report


def filled_report(format_id: str) -> Report:
    """A report in `format_id` with every input cell set (amounts with trailing zeros, negative
    本年增/减) and its totals computed; texts are left to the test."""
    year = 2024 if format_id == "2021" else 2020
    report = Report.new("青山市自然资源和规划局", year, date="2025-01-20")
    fmt = report.format
    values: dict[str, object] = {}
    for i, key in enumerate(fmt.input_keys):
        kind = fmt.fields[key].kind
        if kind == "unit":
            values[key] = "元"
        elif kind == "amount":
            values[key] = Decimal("0.1200")
        elif kind == "amount_with_unit":
            values[key] = Decimal("251000.50")
        elif kind == "signed_count":
            values[key] = -(i % 5)
        else:
            values[key] = i + 1
    report.set_values(values)  # type: ignore[arg-type]
    return report
