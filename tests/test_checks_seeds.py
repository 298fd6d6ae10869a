"""The five real reports in ../shared, checked as published, show the mistakes their notes describe."""

from __future__ import annotations

import re

import pytest

from govopen_desktop.domain.checks import check
from govopen_desktop.domain.findings import Finding, Level
from govopen_desktop.domain.report import Report
from tests.conftest import SEEDS_DIR, load_expected, needs_shared, seed_names

pytestmark = needs_shared

_FIRST_LEVEL = re.compile(r"^([一二三四五六]|[1-6])\s*、")


def published(name: str) -> Report:
    data = load_expected(name)
    return Report.from_dict({k: data[k] for k in ("meta", "cells", "text")})


def seed(prefix: str) -> str:
    [name] = [n for n in seed_names() if n.startswith(prefix)]
    return name


def by_rule(findings: list[Finding]) -> dict[str, list[Finding]]:
    result: dict[str, list[Finding]] = {}
    for f in findings:
        result.setdefault(f.rule, []).append(f)
    return result


def test_seed_000_results_total_and_balance() -> None:
    found = by_rule(check(published(seed("000"))))
    results = found["T3-RESULTS"]
    assert all(f.level is Level.ERROR for f in results)
    # 0 in the 自然人 column and in the 总计 column, where 1.信访举报投诉类申请 has 1
    assert [f.suggested for f in results] == [{"t3.results_total.natural": 1}, {"t3.results_total.total": 1}]
    bal = found["T3-BAL"]
    assert {f.cells[0] for f in bal} == {"t3.new.natural", "t3.new.total"}
    assert all(f.level is Level.ERROR for f in bal)
    # its text says 尚无政府信息公开申请 while table 3 has one
    assert [f.cells for f in found["T3-TEXT"]] == [("t3.new.total",)]


def test_seed_000_first_heading_numbered_1() -> None:
    report = published(seed("000"))
    lines = (SEEDS_DIR / f"{seed('000')}.txt").read_text(encoding="utf-8").splitlines()
    headings = [ln.strip() for ln in lines if _FIRST_LEVEL.match(ln) and len(ln.strip()) < 42]
    assert headings[0] == "1、 总体情况"
    report.extra["source"] = {"headings": headings}
    [f] = [f for f in check(report) if f.rule == "R-NUMBERING"]
    assert "1、 总体情况" in f.message and f.level is Level.WARNING


def test_seed_001_empty_cells() -> None:
    found = by_rule(check(published(seed("001"))))
    [carried_out] = found["T3-BLANK"]
    assert set(carried_out.cells) == {"t3.carried_out.legal", "t3.carried_out.other_org", "t3.carried_out.total"}
    assert "四、结转下年度继续办理" in carried_out.message
    blank_t2 = {k for f in found["T2-BLANK"] for k in f.cells}
    assert {"t2.regulations.made", "t2.fees.prior"} <= blank_t2  # written "-" in the document
    assert not [f for fs in found.values() for f in fs if f.level is Level.ERROR]


def test_seed_002_has_no_section_six() -> None:
    found = by_rule(check(published(seed("002"))))
    [f] = found["R-SECTIONS"]
    assert f.level is Level.ERROR and f.section == "other"
    assert "六、其他需要报告的事项" in f.message


def test_seed_003_is_clean_but_for_its_missing_date() -> None:
    found = check(published(seed("003")))
    assert [(f.rule, f.level) for f in found] == [("R-DATE-MISSING", Level.WARNING)]  # "no signature or date"


def test_seed_004_in_force_fee_and_numbering() -> None:
    found = by_rule(check(published(seed("004"))))
    [inforce] = found["T2-ISSUED-NOT-INFORCE"]
    assert inforce.level is Level.WARNING and "t2.normative_docs.in_force" in inforce.cells
    assert found["R-FEE-STATEMENT"][0].section == "other"
    assert found["R-NUMBERING"][0].section == "overview"
    # "接到网民诉求1000余件" is not a number of applications
    assert "T3-TEXT" not in found and "T4-TEXT" not in found


@pytest.mark.parametrize("name", seed_names())
def test_every_seed_checks_without_error_in_the_checker(name: str) -> None:
    report = published(name)
    for f in check(report):
        assert f.message and (f.cells or f.section)
        assert all(k in report.format.fields or k.startswith("meta.") for k in (*f.cells, *f.suggested))
