"""The format files describe the official tables exactly, with the canonical keys."""

from __future__ import annotations

import pytest

from govopen_desktop.domain.formats import format_for_year, load_format

T3_ROWS_2021 = [
    "new", "carried_in", "granted", "partial", "denied_secret", "denied_law", "denied_safety",
    "denied_third_party", "denied_internal", "denied_process", "denied_enforcement",
    "denied_query", "unable_not_held", "unable_needs_making", "unable_unclear",
    "rejected_petition", "rejected_repeat", "rejected_publication", "rejected_mass",
    "rejected_confirm", "other_no_correction", "other_no_fee", "other_misc", "results_total",
    "carried_out",
]
T3_COLS = ["natural", "commercial", "research", "social", "legal", "other_org", "total"]


@pytest.mark.parametrize(("year", "fid"), [(2019, "2019"), (2020, "2019"), (2021, "2021"), (2025, "2021")])
def test_format_follows_year(year: int, fid: str) -> None:
    assert format_for_year(year).id == fid


def test_2021_table3_keys_and_rows() -> None:
    fmt = load_format("2021")
    t3 = fmt.table("t3")
    assert list(t3.row_ids) == T3_ROWS_2021
    assert list(t3.col_ids) == T3_COLS
    assert {f"t3.{r}.{c}" for r in T3_ROWS_2021 for c in T3_COLS} == set(t3.keys)



@pytest.mark.parametrize("fid", ["2019", "2021"])
def test_table3_value_columns_name_their_group(fid: str) -> None:
    """The importer tells a row printed with 法人或其他组织 undivided by these groups."""
    columns = load_format(fid).table("t3").value_columns
    assert [(c.id, c.label) for c in columns][:2] == [("natural", "自然人"), ("commercial", "商业企业")]
    assert [c.id for c in columns if c.group == "法人或其他组织"] == T3_COLS[1:6]
    assert columns[0].group is None and columns[-1].group is None


def test_2019_table3_has_single_other_row() -> None:
    t3 = load_format("2019").table("t3")
    assert "other" in t3.row_ids and "other_misc" not in t3.row_ids
    results = next(c for c in t3.cells if c.text == "三、本年度办理结果")
    assert results.rowspan == 20


def test_2021_results_label_spans_22_rows_and_note_in_header() -> None:
    t3 = load_format("2021").table("t3")
    results = next(c for c in t3.cells if c.text == "三、本年度办理结果")
    assert results.rowspan == 22
    note = t3.cell_at(0, 0)
    assert note is not None and "勾稽关系" in (note.text or "")
    assert (note.rowspan, note.colspan) == (3, 3)


def test_every_grid_position_is_covered_once() -> None:
    for fid in ("2019", "2021"):
        for table in load_format(fid).tables:
            seen: dict[tuple[int, int], object] = {}
            for cell in table.cells:
                for dr in range(cell.rowspan):
                    for dc in range(cell.colspan):
                        pos = (cell.row + dr, cell.col + dc)
                        assert pos not in seen, (fid, table.id, pos)
                        seen[pos] = cell
            assert len(seen) == table.n_rows * table.n_cols, (fid, table.id)


def test_derived_cells() -> None:
    fmt = load_format("2021")
    total = fmt.fields["t3.new.total"]
    assert total.derived and total.derived.rule == "T3-ROWSUM"
    assert total.derived.terms == tuple(f"t3.new.{c}" for c in T3_COLS[:-1])
    results = fmt.fields["t3.results_total.natural"]
    assert results.derived and len(results.derived.terms) == 21
    assert fmt.fields["t4.review.total"].derived.terms == (  # type: ignore[union-attr]
        "t4.review.upheld", "t4.review.corrected", "t4.review.other", "t4.review.pending")
    assert load_format("2019").fields["t3.results_total.legal"].derived.terms[-1] == "t3.other.legal"  # type: ignore[union-attr]
    assert fmt.fields["t2.fees.amount"].kind == "amount"


def test_2019_table2_kinds() -> None:
    fmt = load_format("2019")
    assert fmt.fields["t2.licensing.change"].kind == "signed_count"
    assert fmt.fields["t2.procurement.amount"].unit_key == "t2.procurement.amount_unit"
    assert fmt.fields["t2.procurement.amount_unit"].kind == "unit"
