"""Values kept as published: the bounded number reader, the model, the project file, the checker."""

from __future__ import annotations

import json
import time
from decimal import Decimal
from pathlib import Path

import pytest

from govopen_desktop.domain.checks import check
from govopen_desktop.domain.findings import Level
from govopen_desktop.domain.numerals import parse_chinese_number, standard_numeral
from govopen_desktop.domain.report import Report
from govopen_desktop.domain.values import Published, read_cell
from govopen_desktop.io.project import dumps_exact, load_report, report_from_json, report_to_json, save_report
from tests.support.clean_reports import FORMATS, clean_report, rules


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("12", 12), (" 12 ", 12), ("１２", 12), ("1,234", 1234), ("十二", 12), ("二十五", 25),
     ("一百零三", 103), ("两百", 200), ("一十二", 12), ("三万零五百", 30500), ("0", 0), (7, 7),
     ("1000000000", 10**9), ("—", None), ("", None)],
)
def test_valid_counts(raw: object, expected: int | None) -> None:
    assert read_cell(raw, "count") == expected


@pytest.mark.parametrize(
    ("raw", "why"),
    [("-5", "负数"), ("1.5", "整数"), ("12件", "不是数字"), ("1 2", "空格或换行"),
     ("12\n13", "空格或换行"), ("12\n\n13", "空格或换行"), ("二三", "中文数字"), ("三五", "中文数字"),
     ("十十", "中文数字"), ("99999999999999", "过大"), ("1000000001", "过大"), ("详见附件", "不是数字"),
     (-5, "负数"), (Decimal("2.5"), "整数"), (True, "不是数字"), (float("nan"), "有效")],
)
def test_odd_counts_are_kept_as_published(raw: object, why: str) -> None:
    value = read_cell(raw, "count")
    assert isinstance(value, Published), value
    assert why in value.reason
    if isinstance(raw, str):
        assert value.text == raw.strip()  # exactly what was printed


@pytest.mark.parametrize("text", ["二三", "三五", "十十", "百", "一二三", "十一十", "零三", "万万"])
def test_ill_formed_chinese_numerals(text: str) -> None:
    assert parse_chinese_number(text) is None


@pytest.mark.parametrize(
    "raw",
    [Decimal("1e-400000000"), Decimal("1e400000000"), "1e-400000000", 10**5000, -(10**5000),
     "9" * 5000, Decimal("9" * 5000), Decimal("0." + "1" * 5000)],
    ids=["exp-neg", "exp-pos", "exp-text", "int5000", "neg-int5000", "text5000", "dec5000", "frac5000"],
)
def test_reader_is_bounded(raw: object) -> None:
    start = time.perf_counter()
    for kind in ("count", "amount", "amount_with_unit", "signed_count"):
        value = read_cell(raw, kind)
        assert isinstance(value, Published)
        assert len(value.text) <= 6000
    assert time.perf_counter() - start < 0.05


def test_amounts_keep_up_to_four_decimals_exactly_and_more_with_a_warning() -> None:
    assert str(read_cell("0.1234", "amount")) == "0.1234"
    assert str(read_cell("0.1200", "amount")) == "0.1200"
    kept = read_cell("0.123456", "amount")
    assert kept == Decimal("0.123456")  # kept; T2-INT warns with the rounded value
    assert isinstance(read_cell("-0.5", "amount"), Published)
    assert isinstance(read_cell("0." + "1" * 15, "amount"), Published)


def test_amount_with_many_decimals_warns_with_rounded_value() -> None:
    report = clean_report("2021")  # 2019's amounts carry their own unit: no decimals rule
    key = next(k for k, f in report.format.fields.items() if f.kind == "amount")
    report.set_values({key: Decimal("0.123456")}, force=True)
    [f] = [f for f in check(report) if f.rule == "T2-INT"]
    assert f.level is Level.WARNING and f.suggested == {key: Decimal("0.1235")}


@pytest.mark.parametrize("fid", FORMATS)
@pytest.mark.parametrize("printed", ["-5", "1.5", "12件", "1 2", "12\n13", "二三", "99999999999999"])
def test_checker_reports_a_published_value_on_its_cell_and_nothing_more(fid: str, printed: str) -> None:
    report = clean_report(fid)
    before = rules(check(report))
    value = read_cell(printed, "count")
    assert isinstance(value, Published)
    report.set_value("t3.new.natural", value)
    assert report.get("t3.new.natural") == value
    assert report.get("t3.new.total") is None  # unknown, not the sum of the others
    findings = check(report)
    [f] = [f for f in findings if "t3.new.natural" in f.cells]
    assert f.rule == "T3-INT" and f.level is Level.ERROR
    assert printed.replace("\n", "⏎") in f.message and "不小于 0 的整数" in f.message
    assert rules(findings) - before == {"T3-INT"}  # no balance, sum or blank error on top


@pytest.mark.parametrize("fid", FORMATS)
def test_published_total_is_reported_once(fid: str) -> None:
    report = clean_report(fid)
    report.set_values({"t4.review.total": Published("1件", "不是数字")}, force=True)
    findings = [f for f in check(report) if f.level is Level.ERROR]
    assert [f.rule for f in findings] == ["T4-INT"]
    assert "1件" in findings[0].message


@pytest.mark.parametrize("fid", FORMATS)
def test_typing_a_valid_number_replaces_the_published_value(fid: str) -> None:
    report = clean_report(fid)
    report.set_value("t3.new.natural", Published("-2", "是负数"))
    report.set_value("t3.new.natural", "2")
    assert report.get("t3.new.natural") == 2 and report.get("t3.new.total") == 3
    assert not [f for f in check(report) if f.level is Level.ERROR]


@pytest.mark.parametrize("fid", FORMATS)
def test_project_file_keeps_the_printed_text(fid: str, tmp_path: Path) -> None:
    report = clean_report(fid)
    report.set_value("t3.new.natural", Published("12\n13", "中间有空格或换行"))
    text = report_to_json(report)
    assert json.loads(text)["cells"]["t3.new.natural"] == {"published": "12\n13"}
    back = report_from_json(text)
    value = back.get("t3.new.natural")
    assert isinstance(value, Published) and value.text == "12\n13" and "换行" in value.reason
    path = tmp_path / "r.govopen"
    save_report(back, path)
    assert load_report(path).get("t3.new.natural") == value


@pytest.mark.parametrize("fid", FORMATS)
def test_project_file_with_a_negative_count_is_checked_not_refused(fid: str, tmp_path: Path) -> None:
    data = clean_report(fid).to_dict()
    data["cells"]["t3.new.natural"] = -5
    data["cells"]["t4.review.upheld"] = "abc"
    path = tmp_path / "neg.govopen"
    path.write_text(dumps_exact(data), encoding="utf-8")
    report = load_report(path)
    assert report.get("t3.new.natural") == Published("-5", "是负数：件数、数量不能小于 0")
    found = {f.rule: f for f in check(report) if f.level is Level.ERROR}
    assert set(found) == {"T3-INT", "T4-INT"}
    assert "“-5”" in found["T3-INT"].message and "“abc”" in found["T4-INT"].message


def test_project_file_with_a_huge_exponent_loads_at_once(tmp_path: Path) -> None:
    data = clean_report("2021").to_dict()
    path = tmp_path / "exp.govopen"
    path.write_text(dumps_exact(data).replace('"t2.fees.amount": 0.0120', '"t2.fees.amount": 1e-400000000'))
    start = time.perf_counter()
    report = load_report(path)
    findings = check(report)
    assert time.perf_counter() - start < 0.5
    assert isinstance(report.get("t2.fees.amount"), Published)
    assert [f.rule for f in findings if f.level is Level.ERROR] == ["T2-INT"]
    assert len(report_to_json(report)) < 20000


def test_report_new_value_shapes_round_trip() -> None:
    report = Report.new("某县", 2024)
    report.set_values({"t3.new.natural": Published("x", "不是数字")})
    assert report.to_dict()["cells"]["t3.new.natural"] == {"published": "x"}


def test_project_file_with_a_5000_digit_integer_is_checked(tmp_path: Path) -> None:
    data = clean_report("2021").to_dict()
    path = tmp_path / "big.govopen"
    path.write_text(dumps_exact(data).replace('"t3.new.research": 0', '"t3.new.research": ' + "9" * 5000))
    start = time.perf_counter()
    report = load_report(path)
    findings = [f for f in check(report) if f.level is Level.ERROR]
    assert time.perf_counter() - start < 0.5
    assert [(f.rule, f.cells) for f in findings] == [("T3-INT", ("t3.new.research",))]
    assert "过大" in findings[0].message


@pytest.mark.parametrize("fid", FORMATS)
def test_unknown_propagates_through_every_level_of_totals(fid: str) -> None:
    report = clean_report(fid)
    before = rules(check(report))
    report.set_value("t3.granted.natural", read_cell("12件", "count"))
    # （一）予以公开 · 总计, （七）总计 · 自然人 and （七）总计 · 总计 are all unknown, not partial sums
    assert report.get("t3.granted.total") is None
    assert report.get("t3.results_total.natural") is None
    assert report.get("t3.results_total.total") is None
    found = check(report)
    assert rules(found) - before == {"T3-INT"}
    assert [f.cells for f in found if f.level is Level.ERROR] == [("t3.granted.natural",)]


@pytest.mark.parametrize("fid", FORMATS)
def test_a_count_past_the_bound_set_directly_is_reported_once(fid: str) -> None:
    report = clean_report(fid)
    before = rules(check(report))
    report.cells["t3.new.natural"] = 99999999999999  # as a reader's fast path might store it
    found = check(report)
    assert rules(found) - before == {"T3-INT"}
    [f] = [f for f in found if f.level is Level.ERROR]
    assert f.cells == ("t3.new.natural",) and "过大" in f.message


def test_standard_numerals_read_back() -> None:
    for n in (*range(0, 1200), 10005, 10010, 20300, 100000, 123456, 99999999):
        assert parse_chinese_number(standard_numeral(n)) == n, n


@pytest.mark.parametrize("digits", ["0", "7", "0123", "2024", "999999999", "1000000000", "12345678901"])
@pytest.mark.parametrize("kind", ["count", "signed_count", "amount", "amount_with_unit", "unit"])
def test_plain_digits_read_as_the_full_path_reads_them(digits: str, kind: str) -> None:
    # a cell of bare ASCII digits takes a short path; a space around it takes the full one
    short, full = read_cell(digits, kind), read_cell(f" {digits} ", kind)
    assert type(short) is type(full)
    assert short == full
