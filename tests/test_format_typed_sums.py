"""The carry-over pairs and the row-wise sums are typed in the format (no rule reads the file
data again): each matches what the format file states."""

from __future__ import annotations

import pytest

from govopen_desktop.domain.formats import load_format


@pytest.mark.parametrize("fid", ["2019", "2021"])
def test_carry_over_cells_are_the_files_rows_column_by_column(fid: str) -> None:
    fmt = load_format(fid)
    assert fmt.carry_over, "both formats carry 结转 over"
    for entry in fmt.carry_over:
        table = fmt.table(entry.table)
        assert [fmt.fields[k].col_id for k, _ in entry.cells] == list(table.col_ids)
        for this_key, prior_key in entry.cells:
            assert fmt.fields[this_key].row_id == entry.to_row
            assert fmt.fields[prior_key].row_id == entry.from_row
            assert fmt.fields[this_key].col_id == fmt.fields[prior_key].col_id


@pytest.mark.parametrize("fid", ["2019", "2021"])
def test_a_cell_at_a_sum_row_and_a_sum_column_keeps_both_sums(fid: str) -> None:
    fmt = load_format(fid)
    stated = []
    for table in fmt.raw["tables"]:
        columns = table.get("value_columns", [])
        for row in table["rows"]:
            if not isinstance(row, dict) or "sum_of" not in row:
                continue
            for col in columns:
                if "sum_of" in col:
                    terms = tuple(f"{table['id']}.{r}.{col['id']}" for r in row["sum_of"])
                    stated.append((f"{table['id']}.{row['row']}.{col['id']}", row["rule"], terms))
    assert stated, "table 3's 总计 row and 总计 column meet"
    typed = [(k, f.row_sum.rule, f.row_sum.terms) for k, f in fmt.fields.items() if f.row_sum is not None]
    assert typed == stated
    for key, _rule, _terms in typed:
        derived = fmt.fields[key].derived
        assert derived is not None and key.rsplit(".", 1)[0] in {t.rsplit(".", 1)[0] for t in derived.terms}
