"""Table arithmetic: row totals, （七）总计, table 4 totals, the balance, whole numbers, blanks."""

from __future__ import annotations

from decimal import Decimal

import pytest

from govopen_desktop.domain.checks import check
from govopen_desktop.domain.findings import Level
from tests.support.clean_reports import FORMATS, clean_report, of, rules


@pytest.mark.parametrize("fid", FORMATS)
def test_rowsum_published_total_disagrees(fid: str) -> None:
    report = clean_report(fid)
    assert not of(report, "T3-ROWSUM")
    report.set_values({"t3.new.total": 5}, force=True)  # kept as printed
    [f] = of(report, "T3-ROWSUM")
    assert f.level is Level.ERROR and f.cells[0] == "t3.new.total"
    assert f.suggested == {"t3.new.total": 3}
    assert "应为 3" in f.message and "一、本年新收政府信息公开申请数量 · 总计" in f.message


@pytest.mark.parametrize("fid", FORMATS)
def test_results_total_disagrees_with_its_rows(fid: str) -> None:
    report = clean_report(fid)
    assert not of(report, "T3-RESULTS")
    report.set_values({"t3.results_total.natural": 0}, force=True)
    found = of(report, "T3-RESULTS")
    assert [f.suggested for f in found] == [{"t3.results_total.natural": 2}]
    assert "T3-BAL" in rules(check(report))  # the balance breaks with it


@pytest.mark.parametrize("fid", FORMATS)
def test_results_total_of_the_total_column_is_both_sums(fid: str) -> None:
    report = clean_report(fid)
    # rows consistent across (every row total right), but the 总计 column's （七） is not its column sum
    report.set_values({"t3.results_total.total": 4, "t3.results_total.natural": 3}, force=True)
    found = of(report, "T3-RESULTS")
    assert {k for f in found for k in f.suggested} == {"t3.results_total.natural", "t3.results_total.total"}
    total = next(f for f in found if "t3.results_total.total" in f.suggested)
    assert total.suggested == {"t3.results_total.total": 3}
    assert "t3.granted.total" in total.cells


@pytest.mark.parametrize("fid", FORMATS)
def test_table4_group_total(fid: str) -> None:
    report = clean_report(fid)
    assert not of(report, "T4-SUM")
    report.set_values({"t4.suit_direct.total": 2}, force=True)
    [f] = of(report, "T4-SUM")
    assert f.suggested == {"t4.suit_direct.total": 0}
    assert f.section == "t4"


@pytest.mark.parametrize("fid", FORMATS)
def test_a_total_with_empty_parts_is_not_given_a_guessed_value(fid: str) -> None:
    report = clean_report(fid)
    report.set_values({"t3.new.commercial": None})
    report.set_values({"t3.new.total": 3}, force=True)
    assert not of(report, "T3-ROWSUM")  # the empty part may hold the 1
    report.set_values({"t3.new.total": 1}, force=True)
    [f] = of(report, "T3-ROWSUM")  # already below the parts that are filled
    assert f.suggested == {}


@pytest.mark.parametrize("fid", FORMATS)
def test_balance_per_column(fid: str) -> None:
    report = clean_report(fid)
    assert not of(report, "T3-BAL")
    report.set_values({"t3.carried_out.research": 2})
    found = of(report, "T3-BAL")
    assert {f.cells[0] for f in found} == {"t3.new.research", "t3.new.total"}
    assert all(f.level is Level.ERROR for f in found)
    assert "科研机构" in found[0].message


@pytest.mark.parametrize("fid", FORMATS)
@pytest.mark.parametrize(("rule", "key", "bad"), [
    ("T3-INT", "t3.granted.natural", -1),
    ("T3-INT", "t3.granted.natural", Decimal("1.5")),
    ("T4-INT", "t4.review.upheld", -2),
    ("T2-INT", "t2.normative_docs.published", Decimal("2.4")),
    ("T3-INT", "t3.partial.legal", "三件"),
])
def test_whole_numbers(fid: str, rule: str, key: str, bad: object) -> None:
    report = clean_report(fid)
    assert not of(report, rule)
    if key not in report.format.fields:
        key = "t2.normative_docs.issued"
    report.cells[key] = bad  # type: ignore[assignment]  # what the model never lets through
    [f] = of(report, rule)
    assert f.cells == (key,) and f.level is Level.ERROR
    if isinstance(bad, Decimal):
        assert f.suggested == {key: 2}


def test_signed_change_may_be_negative_2019() -> None:
    report = clean_report("2019")
    report.set_values({"t2.licensing.change": -1, "t2.licensing.prior": 5})
    assert not of(report, "T2-INT")


def test_fee_amount_decimals_2021() -> None:
    report = clean_report("2021")
    report.set_values({"t2.fees.amount": "0.1234"})
    assert not of(report, "T2-INT")
    report.set_values({"t2.fees.amount": "0.123456"})
    [f] = of(report, "T2-INT")
    assert f.level is Level.WARNING  # the entry's decimals_level
    assert f.suggested == {"t2.fees.amount": Decimal("0.1235")}
    assert "4 位小数" in f.message
    report.cells["t2.fees.amount"] = Decimal("-1")
    [f] = of(report, "T2-INT")
    assert f.level is Level.ERROR


def test_procurement_amount_2019_is_not_a_count() -> None:
    report = clean_report("2019")
    report.set_values({"t2.procurement.amount": "12.5万元"})
    assert not of(report, "T2-INT")


@pytest.mark.parametrize(("amount", "unit", "warned"), [
    ("12.5", "万元", False), ("0.123456", "万元", True), ("0.123456", None, True), ("1.123456", "元", False),
])
def test_procurement_amount_2019_in_wan_yuan_keeps_four_decimals(amount: str, unit: str | None,
                                                                  warned: bool) -> None:
    """The same decimals check as 2021's 万元 amounts, in the checker (window, CLI, workbook alike)."""
    report = clean_report("2019")
    report.set_values({"t2.procurement.amount": amount, "t2.procurement.amount_unit": unit})
    found = of(report, "T2-INT")
    assert bool(found) == warned
    assert all(f.level is Level.WARNING and "6 位小数" in f.message for f in found)


@pytest.mark.parametrize("fid", FORMATS)
def test_blank_cells_one_finding_per_row(fid: str) -> None:
    report = clean_report(fid)
    assert not (rules(check(report)) & {"T2-BLANK", "T3-BLANK", "T4-BLANK"})
    report.set_values({"t3.carried_out.legal": None, "t3.carried_out.other_org": None})
    [f] = of(report, "T3-BLANK")
    assert set(f.cells) == {"t3.carried_out.legal", "t3.carried_out.other_org"}
    assert f.suggested == {"t3.carried_out.legal": 0, "t3.carried_out.other_org": 0}
    assert "四、结转下年度继续办理" in f.message and "法律服务机构" in f.message
    assert f.level is Level.WARNING


@pytest.mark.parametrize("fid", FORMATS)
def test_a_whole_empty_row_lists_its_total_too(fid: str) -> None:
    report = clean_report(fid)
    report.set_values({f"t3.denied_law.{c}": None for c in
                       ("natural", "commercial", "research", "social", "legal", "other_org")})
    [f] = of(report, "T3-BLANK")
    assert "t3.denied_law.total" in f.cells and "整行" in f.message
    assert "t3.denied_law.total" not in f.suggested  # a total is computed, not typed


@pytest.mark.parametrize("fid", FORMATS)
def test_blank_in_tables_2_and_4(fid: str) -> None:
    report = clean_report(fid)
    report.set_values({"t4.suit_after_review.pending": None, "t2.punishment.decisions": None})
    assert [f.cells for f in of(report, "T4-BLANK")] == [("t4.suit_after_review.pending",)]
    assert [f.cells for f in of(report, "T2-BLANK")] == [("t2.punishment.decisions",)]


@pytest.mark.parametrize("fid", FORMATS)
def test_a_column_empty_in_every_row_is_one_finding(fid: str) -> None:
    """A web page printing the 法人 columns blank gives one finding for those columns, not one per row."""
    report = clean_report(fid)
    fields = report.format.fields
    legal = [k for k in report.format.keys if k.startswith("t3.") and k.endswith(".legal")]
    report.set_values({k: None for k in legal if fields[k].derived is None} | {"t3.new.natural": None})
    found = of(report, "T3-BLANK")
    column = next(f for f in found if "t3.carried_out.legal" in f.cells)
    assert set(column.cells) == set(legal) and len(legal) > 3
    assert "法律服务机构" in column.message and "1 列每一行都没有填" in column.message
    assert column.suggested == {k: 0 for k in legal if fields[k].derived is None}
    [row] = [f for f in found if f is not column]  # the other blank stays with its row
    assert row.cells == ("t3.new.natural",) and "一、本年新收" in row.message


@pytest.mark.parametrize("fid", FORMATS)
def test_a_column_empty_in_some_rows_only_stays_per_row(fid: str) -> None:
    report = clean_report(fid)
    report.set_values({"t3.new.legal": None, "t3.carried_out.legal": None})
    assert sorted(f.cells for f in of(report, "T3-BLANK")) == [("t3.carried_out.legal",), ("t3.new.legal",)]


@pytest.mark.parametrize("fid", FORMATS)
def test_blanks_left_for_0_all_over_a_table_are_one_finding(fid: str) -> None:
    """A real page leaving 0 blank in 21 rows of table 3 got 21 warnings; a reviewer reads one,
    the window marks every cell, and its suggested values fill them all."""
    report = clean_report(fid)
    rows = ["new", "carried_out", "granted", "partial", "denied_secret", "denied_law", "denied_third_party"]
    report.set_values({f"t3.{row}.commercial": None for row in rows}
                      | {f"t3.{row}.natural": None for row in rows[:3]})
    [f] = of(report, "T3-BLANK")
    assert set(f.cells) == {f"t3.{row}.commercial" for row in rows} | {f"t3.{row}.natural" for row in rows[:3]}
    assert f.message.startswith(f"表三有 {len(rows)} 行共 10 格没有填，如“一、本年新收政府信息公开申请数量”")
    assert f.suggested == dict.fromkeys(f.cells, 0)
    # five rows left: each its own finding
    report.set_values({"t3.denied_law.commercial": 0, "t3.denied_third_party.commercial": 0})
    assert len(of(report, "T3-BLANK")) == 5
