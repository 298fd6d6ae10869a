"""Parsing what a clerk types or a document prints into a cell value, and formatting it back.

Values: `int` for counts, `Decimal` for amounts (so 0.1200 keeps its four decimals), `str` for a
unit, `None` for a cell left empty (which is not 0: the checker reports it).
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from govopen_desktop.domain.errors import ValueInputError
from govopen_desktop.domain.formats import ValueKind
from govopen_desktop.domain.numerals import parse_chinese_number

Value = int | Decimal | str | None

EMPTY_MARKS = frozenset({"", "-", "—", "——", "–", "/", "无", "－", "─", "/ ", "空"})
UNITS = ("万元", "元")
AMOUNT_DECIMALS = 4

_SPACES = re.compile(r"[\s\u00a0\u3000\u200b\ufeff]+")
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")


def normalize_text(raw: str) -> str:
    """Full-width digits and signs to half-width, spaces of every kind removed."""
    text = unicodedata.normalize("NFKC", raw)
    text = text.replace("−", "-").replace("－", "-")
    return _SPACES.sub("", text)


def is_empty_mark(raw: str) -> bool:
    return normalize_text(raw) in EMPTY_MARKS or raw.strip() in EMPTY_MARKS


def _chinese_number(text: str) -> int | None:
    return parse_chinese_number(text)  # one home: domain/numerals.py


def _plain_number(text: str) -> str:
    """Drop thousands separators (1,234 / 1，234) once the text is normalised."""
    if re.fullmatch(r"[+-]?\d{1,3}([,，]\d{3})+(\.\d+)?", text):
        return text.replace(",", "").replace("，", "")
    return text


def split_unit(raw: str) -> tuple[str, str | None]:
    """'4359957元' -> ('4359957', '元'); '0.5 万元' -> ('0.5', '万元')."""
    text = normalize_text(raw)
    for unit in UNITS:
        if text.endswith(unit):
            return text[: -len(unit)], unit
    return text, None


def parse_value(raw: str | int | float | Decimal | None, kind: ValueKind, where: str = "") -> Value:
    """Parse one cell; raises ValueInputError with a Chinese message naming `where`."""
    place = f"{where}：" if where else ""
    if raw is None:
        return None
    if kind == "unit":
        text = normalize_text(str(raw))
        return text or None
    if isinstance(raw, bool):
        raise ValueInputError(f"{place}“{raw}”不是数字。")
    if isinstance(raw, int):
        number: Decimal = Decimal(raw)
    elif isinstance(raw, float):
        number = Decimal(repr(raw))
    elif isinstance(raw, Decimal):
        number = raw
    else:
        if is_empty_mark(raw):
            return None
        text = normalize_text(raw)
        if kind == "amount_with_unit":
            text, _unit = split_unit(text)
        text = _plain_number(text)
        if _NUMBER.match(text):
            number = Decimal(text)
        else:
            cn = _chinese_number(text)
            if cn is None:
                raise ValueInputError(f"{place}“{raw.strip()}”不是数字，请填写数字（没有请填 0）。")
            number = Decimal(cn)
    return _check_number(number, kind, place, raw)


def _check_number(number: Decimal, kind: ValueKind, place: str, raw: object) -> Value:
    if not number.is_finite():
        raise ValueInputError(f"{place}“{raw}”不是有效的数字。")
    if kind in ("count", "signed_count"):
        if number != number.to_integral_value():
            raise ValueInputError(f"{place}“{raw}”不是整数：件数、数量只能填整数。")
        if kind == "count" and number < 0:
            raise ValueInputError(f"{place}“{raw}”是负数：件数、数量不能小于 0。")
        if abs(number) > 10**12:
            raise ValueInputError(f"{place}“{raw}”过大，请核对。")
        return int(number)
    if number < 0:
        raise ValueInputError(f"{place}“{raw}”是负数：金额不能小于 0。")
    if abs(number) > Decimal(10) ** 15:
        raise ValueInputError(f"{place}“{raw}”过大，请核对。")
    return number


def decimals_of(value: Value) -> int:
    if isinstance(value, Decimal):
        exponent = value.as_tuple().exponent
        return -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return 0


def format_value(value: Value) -> str:
    """The text shown in a grid or written to a document: empty stays empty."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def to_decimal(value: Value) -> Decimal:
    if value is None or isinstance(value, str):
        return Decimal(0)
    return value if isinstance(value, Decimal) else Decimal(value)


def same_value(a: Value, b: Value) -> bool:
    """Equality of cell values across int/Decimal/float (0 == 0.0 == Decimal('0.00'))."""
    if a is None or b is None or isinstance(a, str) or isinstance(b, str):
        return a == b
    try:
        return Decimal(str(a)) == Decimal(str(b))
    except InvalidOperation:
        return False
