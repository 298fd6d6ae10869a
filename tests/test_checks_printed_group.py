"""（六）其他处理 printed as one row in a 2021 report: its printed numbers stand for its three rows
in the （七）总计 rule, so a wrong total is still found and a right one raises nothing."""

from __future__ import annotations

from govopen_desktop.domain.checks import check
from tests.report_factories import filled_report


def _one_other_row(shift: int = 0) -> tuple[object, dict[str, int]]:
    report = filled_report("2021")
    report.recompute()
    fmt = report.format
    other_rows = sorted({k.split(".")[1] for k in fmt.keys if k.startswith("t3.other_")})
    assert len(other_rows) == 3
    col_ids = fmt.table("t3").col_ids
    sums = {c: sum(report.get(f"t3.{r}.{c}") for r in other_rows) for c in col_ids}  # type: ignore[misc]
    printed = [sums[c] + (shift if c == col_ids[0] else 0) for c in col_ids]
    values = {f"t3.{r}.{c}": None for r in other_rows for c in col_ids}
    report.set_values(values, force=True)  # left empty by the importer, as printed undivided
    report.extra["source"] = {"group_rows": {"（六）其他处理": " ".join(str(p) for p in printed)}}
    return report, sums


def test_printed_group_that_adds_up_raises_no_results_error() -> None:
    report, _sums = _one_other_row()
    assert not [f for f in check(report) if f.rule == "T3-RESULTS"]


def test_printed_group_that_does_not_add_up_is_found() -> None:
    report, _sums = _one_other_row(shift=5)
    results = [f for f in check(report) if f.rule == "T3-RESULTS"]
    assert results, "a （六） printed 5 too high must make （七）总计 wrong"
    first_col = report.format.table("t3").col_ids[0]
    assert any(f"t3.results_total.{first_col}" in f.cells for f in results)


def test_without_the_printed_row_nothing_is_guessed() -> None:
    report, _sums = _one_other_row(shift=5)
    report.extra.pop("source")
    assert not [f for f in check(report) if f.rule == "T3-RESULTS"]
