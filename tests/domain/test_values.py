"""Parsing what clerks type and documents print into cell values."""

from __future__ import annotations

from decimal import Decimal

import pytest

from govopen_desktop.domain.errors import ValueInputError
from govopen_desktop.domain.values import format_value, parse_value, same_value, split_unit


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("12", 12), (" 12 ", 12), ("１２", 12), ("1,234", 1234), ("1，234", 1234), ("0", 0),
     ("三", 3), ("十二", 12), ("二十五", 25), ("一百零三", 103), ("12.0", 12), (7, 7)],
)
def test_counts(raw: object, expected: int) -> None:
    assert parse_value(raw, "count") == expected  # type: ignore[arg-type]


@pytest.mark.parametrize("raw", ["", "-", "—", "/", "无", "\u00a0", "　"])
def test_empty_marks_are_none_not_zero(raw: str) -> None:
    assert parse_value(raw, "count") is None


@pytest.mark.parametrize(("raw", "fragment"), [("abc", "不是数字"), ("-3", "负数"), ("2.5", "不是整数")])
def test_bad_counts_say_why(raw: str, fragment: str) -> None:
    with pytest.raises(ValueInputError, match=fragment):
        parse_value(raw, "count", "表三 自然人")


def test_signed_count_accepts_negative() -> None:
    assert parse_value("-3", "signed_count") == -3
    assert parse_value("−3", "signed_count") == -3


def test_amount_keeps_its_decimals() -> None:
    value = parse_value("0.1200", "amount")
    assert isinstance(value, Decimal) and format_value(value) == "0.1200"
    assert parse_value(1.5, "amount") == Decimal("1.5")


def test_amount_with_unit() -> None:
    assert parse_value("4359957元", "amount_with_unit") == Decimal(4359957)
    assert split_unit("0.5 万元") == ("0.5", "万元")


def test_same_value_across_types() -> None:
    assert same_value(0, Decimal("0.00"))
    assert same_value(Decimal("0.1"), 0.1)
    assert not same_value(None, 0)
