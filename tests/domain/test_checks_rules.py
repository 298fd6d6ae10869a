"""The rules as data: every format's rules run, name known cells, and a clean report passes.

The clean reports (tests/support/clean_reports.py) are what the other checks' tests break,
one rule at a time.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pytest

from govopen_desktop.domain.checks import check
from govopen_desktop.domain.checks.run import RULE_KINDS
from govopen_desktop.domain.findings import Level
from govopen_desktop.domain.formats import load_format
from govopen_desktop.domain.report import Report
from tests.support.clean_reports import (
    FORMATS,
    YEAR,
    clean_pair,
    rules,
)

# §4 of official-format.md: the ids each format's rules must include
SPEC_IDS = {
    "T3-BAL", "T3-ROWSUM", "T3-RESULTS", "T3-INT", "T3-BLANK", "T3-CARRY", "T3-PARTIAL",
    "T4-SUM", "T4-INT", "T4-TEXT", "T4-PENDING", "T2-INT", "T2-REG-AUTH", "R-FORMAT",
    "R-SECTIONS", "R-OVERVIEW-5", "R-GOV-ASSESS", "R-DEADLINE", "R-DATE", "R-YEAR",
    "R-DUPLICATE", "R-NUMBERING", "T3-TEXT",
}
ONLY_2021 = {"T3-FEE-LINK", "T2-INFORCE", "T2-ISSUED-NOT-INFORCE", "R-FEE-STATEMENT"}
ONLY_2019 = {"T2-2019-PRIOR", "T2-2019-TOTAL", "T2-2019-CHANGE", "T2-2019-UNIT"}


# ---- the rules as data -------------------------------------------------------------------


@pytest.mark.parametrize("fid", FORMATS)
def test_every_rule_has_a_known_kind_and_level(fid: str) -> None:
    for spec in load_format(fid).rules:
        assert spec.kind in RULE_KINDS, spec.id
        assert spec.level in {lv.value for lv in Level}, spec.id
        assert spec.title, spec.id


@pytest.mark.parametrize("fid", FORMATS)
def test_the_spec_rules_are_listed_once(fid: str) -> None:
    ids = [r.id for r in load_format(fid).rules]
    assert len(ids) == len(set(ids))
    wanted = SPEC_IDS | (ONLY_2021 if fid == "2021" else ONLY_2019)
    assert wanted <= set(ids)
    assert not (set(ids) & (ONLY_2019 if fid == "2021" else ONLY_2021))


def _strings(value: Any) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


@pytest.mark.parametrize("fid", FORMATS)
def test_cell_keys_in_rule_params_exist_in_the_format(fid: str) -> None:
    fmt = load_format(fid)
    for spec in fmt.rules:
        for text in _strings(spec.params):
            if text.startswith(("t2.", "t3.", "t4.")) and text.count(".") == 2:
                assert text in fmt.fields, (spec.id, text)


@pytest.mark.parametrize("fid", FORMATS)
def test_a_clean_report_with_its_prior_has_no_findings(fid: str) -> None:
    report = clean_pair(fid)
    assert check(report) == []


def test_a_2021_report_against_a_2020_prior_is_clean() -> None:
    report = clean_pair("2021", year=2021)
    assert report.prior is not None and report.prior.meta.format == "2019"
    assert check(report) == []


@pytest.mark.parametrize("fid", FORMATS)
def test_an_empty_new_report_reports_blanks_and_missing_sections(fid: str) -> None:
    report = Report.new("某市教育局", YEAR[fid])
    found = check(report)
    assert {"T2-BLANK", "T3-BLANK", "T4-BLANK", "R-SECTIONS"} <= rules(found)
    [t3] = [f for f in found if f.rule == "T3-BLANK"]  # one finding for the table, not per row or cell
    assert "整张表都没有填" in t3.message and t3.level is Level.WARNING
    fields = report.format.fields
    assert set(t3.cells) == {k for k in report.format.keys if k.startswith("t3.") and fields[k].kind != "unit"}
    assert [f.level for f in found] == sorted((f.level for f in found), key=["error", "warning", "info"].index)


@pytest.mark.parametrize("fid", FORMATS)
def test_findings_name_cells_by_label_not_key(fid: str) -> None:
    report = Report.new("某市教育局", YEAR[fid])
    for f in check(report):
        assert "t3." not in f.message and "t2." not in f.message and "t4." not in f.message, f.message
        assert f.cells or f.section, f.rule


def test_values_an_import_inferred_are_to_compare_until_typed() -> None:
    from tests.support.clean_reports import clean_report, of

    report = clean_report("2021")
    assert not of(report, "R-INFERRED")
    inferred = ["t3.partial.natural", "t3.partial.total", "t3.denied_law.natural", "t4.review.upheld"]
    report.extra["source"] = {"inferred": list(inferred)}
    t3, t4 = of(report, "R-INFERRED")
    assert t3.section == "t3" and set(t3.cells) == set(inferred[:3]) and "表三" in t3.message
    assert "（二）部分公开" in t3.message and "3 个数值" in t3.message
    assert t4.section == "t4" and t4.cells == ("t4.review.upheld",)
    report.set_value("t3.partial.natural", str(report.cells["t3.partial.natural"]))  # typed: the clerk's own
    [t3, _t4] = of(report, "R-INFERRED")
    assert "t3.partial.natural" not in t3.cells and len(t3.cells) == 2
    report.set_value("t4.review.upheld", "0")
    assert [f.section for f in of(report, "R-INFERRED")] == ["t3"]
