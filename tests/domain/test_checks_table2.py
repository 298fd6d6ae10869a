"""Table 2: in-force counts, issued-but-not-in-force, rule-making power, the 2019 rows."""

from __future__ import annotations

import pytest

from govopen_desktop.domain.checks.table2 import _lowest_unit
from govopen_desktop.domain.findings import Level
from govopen_desktop.domain.formats import load_format
from tests.support.clean_reports import FORMATS, clean_pair, clean_report, of


def test_in_force_against_last_year_2021() -> None:
    report = clean_pair("2021")  # 9 last year + 2 issued − 1 repealed = 10
    assert not of(report, "T2-INFORCE")
    report.set_values({"t2.normative_docs.in_force": 7})
    [f] = of(report, "T2-INFORCE")
    assert f.level is Level.WARNING and f.cells[0] == "t2.normative_docs.in_force"
    assert f.suggested == {"t2.normative_docs.in_force": 10}
    assert "应为 10" in f.message and "失效" in f.message  # the gap may be explained


def test_in_force_needs_a_prior_with_the_same_keys() -> None:
    report = clean_pair("2021", year=2021)  # last year in the 2019 format: no 现行有效 there
    report.set_values({"t2.normative_docs.in_force": 7})
    assert not of(report, "T2-INFORCE")
    report.prior = None
    assert not of(report, "T2-INFORCE")


def test_issued_but_not_in_force_2021() -> None:
    report = clean_report("2021")
    assert not of(report, "T2-ISSUED-NOT-INFORCE")
    report.set_values({"t2.normative_docs.issued": 1, "t2.normative_docs.repealed": 0,
                       "t2.normative_docs.in_force": 0})
    [f] = of(report, "T2-ISSUED-NOT-INFORCE")
    assert f.level is Level.WARNING
    assert "行政规范性文件" in f.message and "制发 1 件" in f.message
    report.set_values({"t2.normative_docs.issued": 3, "t2.normative_docs.in_force": 2})
    assert len(of(report, "T2-ISSUED-NOT-INFORCE")) == 1  # fewer in force than issued, none repealed
    report.set_values({"t2.normative_docs.repealed": 1})
    assert not of(report, "T2-ISSUED-NOT-INFORCE")  # repeals explain it


@pytest.mark.parametrize("fid", FORMATS)
@pytest.mark.parametrize("agency", ["沈阳市辽中区蒲西街道办事处", "某县人民政府", "某镇人民政府", "某市某区教育局"])
def test_regulations_from_a_body_without_rule_making_power(fid: str, agency: str) -> None:
    report = clean_report(fid, agency=agency)
    assert not of(report, "T2-REG-AUTH")  # 0 regulations: fine
    key = "t2.regulations.issued" if fid == "2021" else "t2.regulations.made"
    report.set_values({key: 2})
    [f] = of(report, "T2-REG-AUTH")
    assert f.cells == (key,) and f.suggested == {key: 0}
    assert agency in f.message


@pytest.mark.parametrize("fid", FORMATS)
@pytest.mark.parametrize("agency", ["某市人民政府", "某市城乡建设局", "某市乡村振兴局", "某自治区司法厅",
                                    "某省市场监督管理局"])
def test_regulations_from_a_body_with_rule_making_power(fid: str, agency: str) -> None:
    report = clean_report(fid, agency=agency)
    key = "t2.regulations.issued" if fid == "2021" else "t2.regulations.made"
    report.set_values({key: 2})
    if fid == "2021":
        report.set_values({"t2.regulations.in_force": 2})
    else:
        report.set_values({"t2.regulations.published": 2, "t2.regulations.total_published": 2})
    assert not of(report, "T2-REG-AUTH")


def test_lowest_unit_of_agency_names() -> None:
    params = load_format("2021").rule("T2-REG-AUTH").params  # type: ignore[union-attr]
    args = tuple(params["higher_units"]), tuple(params["lower_units"]), tuple(params["ignore"])
    assert _lowest_unit("下城区武林街道办事处", *args) == "街道"
    assert _lowest_unit("西藏自治区人民政府", *args) == "自治区"
    assert _lowest_unit("某市某区城市管理局", *args) == "区"
    assert _lowest_unit("国家统计局", *args) is None


def test_prior_column_against_last_year_2019() -> None:
    report = clean_pair("2019")  # 4 + 1 last year = 5
    assert not of(report, "T2-2019-PRIOR")
    report.set_values({"t2.licensing.prior": 7})
    [f] = of(report, "T2-2019-PRIOR")
    assert f.suggested == {"t2.licensing.prior": 5}
    assert f.level is Level.WARNING


def test_total_published_not_below_published_2019() -> None:
    report = clean_report("2019")
    assert not of(report, "T2-2019-TOTAL")
    report.set_values({"t2.normative_docs.published": 8, "t2.normative_docs.total_published": 5})
    [f] = of(report, "T2-2019-TOTAL")
    assert f.suggested == {"t2.normative_docs.total_published": 8}


def test_change_cannot_remove_more_than_existed_2019() -> None:
    report = clean_report("2019")
    report.set_values({"t2.punishment.prior": 2, "t2.punishment.change": -2})
    assert not of(report, "T2-2019-CHANGE")
    report.set_values({"t2.punishment.change": -3})
    [f] = of(report, "T2-2019-CHANGE")
    assert f.level is Level.ERROR and f.suggested == {"t2.punishment.change": -2}


def test_procurement_unit_written_2019() -> None:
    report = clean_report("2019")
    assert not of(report, "T2-2019-UNIT")
    report.set_values({"t2.procurement.amount_unit": None})
    [f] = of(report, "T2-2019-UNIT")
    assert f.level is Level.INFO and "元" in f.message
    report.set_values({"t2.procurement.amount": 0})
    assert not of(report, "T2-2019-UNIT")  # nothing bought, no unit needed
