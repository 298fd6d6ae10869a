"""The carry-over pairs, the row-wise sums, the value columns, the register block and the facts
are typed in the format (no module but the loader reads the file data): each matches what the
format file states."""

from __future__ import annotations

import pytest

from govopen_desktop.domain.formats import load_format
from tests.support.paths import format_file


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
    for table in format_file(fid)["tables"]:
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


@pytest.mark.parametrize("fid", ["2019", "2021"])
def test_value_columns_are_the_files(fid: str) -> None:
    fmt = load_format(fid)
    for spec in format_file(fid)["tables"]:
        typed = fmt.table(spec["id"]).value_columns
        stated = spec.get("value_columns", [])
        assert [(c.id, c.label, c.group, c.sum_of, c.rule or None) for c in typed] == [
            (c["id"], c["label"], c.get("group"), tuple(c["sum_of"]) if "sum_of" in c else None, c.get("rule"))
            for c in stated
        ]
    assert any(c.sum_of for c in fmt.table("t3").value_columns), "table 3 has its 总计 column"


@pytest.mark.parametrize("fid", ["2019", "2021"])
def test_the_register_block_is_the_files(fid: str) -> None:
    register = load_format(fid).register
    stated = format_file(fid)["register"]
    assert register is not None
    apps, cases = register.applications, register.cases
    assert (apps.table, apps.new_row, apps.carried_in_row, apps.results_row, apps.carried_out_row) == tuple(
        stated["applications"][k] for k in ("table", "new", "carried_in", "results", "carried_out")
    )
    limit = stated["applications"]["time_limit"]
    assert (apps.time_limit.working_days, apps.time_limit.extension_working_days, apps.time_limit.source) == (
        limit["working_days"], limit["extension_working_days"], limit["source"]
    )
    for typed, name in ((apps.applicant_aliases, "applicant_aliases"), (apps.result_aliases, "result_aliases")):
        assert {k: list(v) for k, v in typed.items()} == stated["applications"][name]
    assert (cases.table, cases.pending) == (stated["cases"]["table"], stated["cases"]["pending"])
    assert {k: list(v) for k, v in cases.kinds.items()} == stated["cases"]["kinds"]
    assert {k: list(v) for k, v in cases.outcomes.items()} == stated["cases"]["outcomes"]


@pytest.mark.parametrize("fid", ["2019", "2021"])
def test_the_facts_are_the_files(fid: str) -> None:
    facts = load_format(fid).facts
    stated = format_file(fid)["facts"]
    assert facts.units == stated["units"]
    for words in ("scope_words", "subject_masks", "approx_before", "approx_after"):
        assert list(getattr(facts, words)) == stated[words]
    assert [f.id for f in facts.numbers] == [f["id"] for f in stated["numbers"]]
    assert [c.id for c in facts.claims] == [c["id"] for c in stated["claims"]]
    for typed, entry in zip((*facts.numbers, *facts.claims), (*stated["numbers"], *stated["claims"]), strict=True):
        assert list(typed.patterns) == entry["patterns"] and typed.example == entry["example"]
        assert list(typed.cells) == entry.get("cells", [])
        assert {w: list(c) for w, c in typed.subjects} == entry.get("subjects", {})
    for number, entry in zip(facts.numbers, stated["numbers"], strict=True):
        assert (number.name, number.kind) == (entry["name"], entry.get("kind", "count"))
    for claim, entry in zip(facts.claims, stated["claims"], strict=True):
        assert (claim.says, claim.advice, claim.level) == (entry["says"], entry.get("advice", ""), entry.get("level"))
        assert (list(claim.exclude), list(claim.requires)) == (entry.get("exclude", []), entry.get("requires", []))
