"""Parsing what a clerk types or a document prints into a cell value, and formatting it back.

Values: `int` for counts, `Decimal` for amounts (so 0.1200 keeps its four decimals), `str` for a
unit, `None` for a cell left empty (which is not 0: the checker reports it), and `Published`
for a value the document printed that the form does not allow (-5, 1.5 in a count, "1 2"): it
is kept as printed, sums treat it as unknown, and the checker reports it on its cell.

The reader is bounded: digit counts and Decimal exponents are looked at before any arithmetic,
so no input (1e-400000000, a 5,000-digit integer) costs more than a few microseconds.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import TypeGuard

from govopen_desktop.domain.errors import ValueInputError
from govopen_desktop.domain.formats import ValueKind
from govopen_desktop.domain.numerals import CN_DIGITS, CN_UNITS, parse_chinese_number
from govopen_desktop.domain.read_only import ReadOnly


class Published(ReadOnly):
    """A value printed in a document that the form does not allow, kept as printed.

    `text` is what was printed; `reason` says in Chinese what is wrong with it (no cell name).
    Immutable, equal and hashed by both. A plain class, not a frozen dataclass: it is defined at
    every window start, where a frozen dataclass compiles its methods from source."""

    __slots__ = ("reason", "text")
    text: str
    reason: str

    def __init__(self, text: str, reason: str) -> None:
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "reason", reason)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Published):
            return NotImplemented
        return self.text == other.text and self.reason == other.reason

    def __hash__(self) -> int:
        return hash((self.text, self.reason))

    def __repr__(self) -> str:
        return f"Published(text={self.text!r}, reason={self.reason!r})"

    def __reduce__(self) -> tuple[type[Published], tuple[str, str]]:
        return Published, (self.text, self.reason)

    def __str__(self) -> str:
        return self.text


Value = int | Decimal | str | Published | None

# what a source prints in a cell left empty: the dashes and slashes as typed (two hyphens for
# a dash, a backslash for a slash; not three: a markdown rule), 无 and 暂无
EMPTY_MARKS = frozenset({"", "-", "—", "——", "–", "/", "无", "－", "─", "/ ", "空", "--", "\\", "暂无"})
UNITS = ("万元", "元")
AMOUNT_DECIMALS = 4
MAX_COUNT = 10**9
MAX_AMOUNT = Decimal(10) ** 12
MAX_AMOUNT_DECIMALS = 10  # more than 4 is kept with a warning; more than this is not a value
MAX_TEXT = 64  # longer text in a number cell is not read as a number at all

_SPACES = re.compile(r"[\s\u00a0\u3000\u200b\ufeff]+")
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")
MISREAD_MARKS = "OoIl|"  # what a scan's text recognition prints for the digits 0 and 1
# digits (or a sign, a point) on both sides of a space, a line break or a paragraph: "1 2", "12\n13"
_GAP_CHARS = r"[\s\u00a0\u3000\u200b\ufeff]+"
_CN_CHARS = "[零〇一二两三四五六七八九十百千万]"


@cache  # the two patterns of odd printed values: compiled when one is first met, not at every start
def _apart() -> re.Pattern[str]:
    return re.compile(r"[\d.,，]" + _GAP_CHARS + r"[\d.+-]|" + _CN_CHARS + _GAP_CHARS + _CN_CHARS)


@cache
def _misread_digits() -> re.Pattern[str]:
    return re.compile(rf"^(?=.*[{MISREAD_MARKS}])[\d{MISREAD_MARKS}]{{1,12}}$")


ALLOWED = {
    "count": "不小于 0 的整数（没有的填 0）",
    "signed_count": "整数（减少的填负数）",
    "amount": "不小于 0 的金额，最多 4 位小数（没有的填 0）",
    "amount_with_unit": "不小于 0 的金额，可注明元或万元（没有的填 0）",
    "unit": "元或万元",
}


def allowed(kind: str) -> str:
    """What the form allows in a cell of `kind`, as a Chinese phrase."""
    return ALLOWED.get(kind, "数字")


def normalize_text(raw: str) -> str:
    """Full-width digits and signs to half-width, spaces of every kind removed."""
    text = unicodedata.normalize("NFKC", raw)
    text = text.replace("−", "-").replace("－", "-")
    return _SPACES.sub("", text)


def is_empty_mark(raw: str) -> bool:
    return normalize_text(raw) in EMPTY_MARKS or raw.strip() in EMPTY_MARKS




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


def _shown_int(number: int) -> str:
    """An int as text without converting a huge one (Python refuses > 4300 digits)."""
    if number.bit_length() > 200:
        return f"{'-' if number < 0 else ''}（约 {int(number.bit_length() * 0.30103) + 1} 位数字）"
    return str(number)


def _decimal_size(number: Decimal) -> tuple[int, int]:
    """(digits before the point, digits after it) from the tuple, without arithmetic."""
    sign_digits_exp = number.as_tuple()
    exponent = sign_digits_exp.exponent
    if not isinstance(exponent, int):
        return 0, 0
    digits = len(sign_digits_exp.digits)
    return max(digits + exponent, 0), max(-exponent, 0)


def read_cell(raw: object, kind: ValueKind | str) -> Value:
    """One cell as printed or typed: a valid value, None for an empty mark, or `Published`
    (the printed text and why the form does not allow it). Never raises; bounded work."""
    if raw is None:
        return None
    if type(raw) is str and raw.isdigit() and raw.isascii() and len(raw) <= 9 and kind != "unit":
        # most printed cells ("12"): what the full path below gives, without its normalising
        return int(raw) if kind in ("count", "signed_count") else Decimal(raw)
    if isinstance(raw, Published):
        return raw
    if kind == "unit":
        text = normalize_text(str(raw)) if isinstance(raw, str) else str(raw)
        return text or None
    if isinstance(raw, bool):
        return Published("是" if raw else "否", "不是数字")
    if isinstance(raw, int):
        if abs(raw) > MAX_COUNT * 1000:
            return Published(_shown_int(raw), "数值过大，不可能是真实的件数或金额")
        return _checked_number(Decimal(raw), kind, str(raw))
    if isinstance(raw, float):
        if raw != raw or raw in (float("inf"), float("-inf")):
            return Published(repr(raw), "不是有效的数字")
        return _checked_decimal(Decimal(repr(raw)), kind, repr(raw))
    if isinstance(raw, Decimal):
        return _checked_decimal(raw, kind, None)
    if not isinstance(raw, str):
        return Published(str(raw)[:MAX_TEXT], "不是数字")
    printed = raw.strip()
    if is_empty_mark(raw):
        return None
    if len(printed) > MAX_TEXT:
        return Published(printed, "是一段文字，不是数字")
    if _apart().search(unicodedata.normalize("NFKC", printed)):
        return Published(printed, "中间有空格或换行，可能是几个数字挤在一格，不能合成一个数")
    text = normalize_text(printed)
    if kind == "amount_with_unit":
        text, _unit = split_unit(text)
    text = _plain_number(text)
    if _NUMBER.match(text):
        return _checked_decimal(Decimal(text), kind, printed)
    cn = parse_chinese_number(text)
    if cn is None:
        if all(ch in CN_DIGITS or ch in CN_UNITS for ch in text):
            return Published(printed, "不是规范的中文数字，读不出确定的数")
        if printed.startswith("=") and any(ch.isalpha() for ch in printed):
            return Published(printed, "是公式，文件里没有保存计算结果，可能由其他程序生成，"
                                      "在 Excel/WPS 中打开并保存一次后再导入即可")
        if "(cid:" in printed:  # pdfminer's mark of a glyph its PDF font maps to no character
            return Published(printed, "是 PDF 里没有字符编码的字形，读不出是什么数字")
        if _misread_digits().match(text):
            return Published(printed, "不是数字，像是扫描件的文字识别把 0、1 认成了字母 O、l")
        return Published(printed, "不是数字")
    return _checked_number(Decimal(cn), kind, printed)


def _checked_decimal(number: Decimal, kind: str, printed: str | None) -> Value:
    """Bound a Decimal by its digits and exponent before any arithmetic on it."""
    if not number.is_finite():
        return Published(printed or str(number), "不是有效的数字")
    whole, fraction = _decimal_size(number)
    if whole > 16:
        return Published(printed or f"（{whole} 位数字）", "数值过大，不可能是真实的件数或金额")
    if fraction > MAX_AMOUNT_DECIMALS + 10:
        return Published(printed or f"（{fraction} 位小数）", "小数位数多得不合理，不是有效的金额或件数")
    return _checked_number(number, kind, printed or format(number, "f"))


def _checked_number(number: Decimal, kind: str, printed: str) -> Value:
    """`number` is bounded (≤ 16 digits before the point, ≤ 20 after) by the callers."""
    if kind in ("count", "signed_count"):
        if number != number.to_integral_value():
            return Published(printed, "不是整数：件数、数量只能填整数")
        if kind == "count" and number < 0:
            return Published(printed, "是负数：件数、数量不能小于 0")
        if abs(number) > MAX_COUNT:
            return Published(printed, "过大：件数不会超过 10 亿，请核对")
        return int(number)
    if number < 0:
        return Published(printed, "是负数：金额不能小于 0")
    if number > MAX_AMOUNT:
        return Published(printed, "过大，不可能是真实的金额，请核对单位和数字")
    if _decimal_size(number)[1] > MAX_AMOUNT_DECIMALS:
        return Published(printed, f"小数位数超过 {MAX_AMOUNT_DECIMALS} 位，不是有效的金额")
    return number


def parse_value(raw: str | int | float | Decimal | None, kind: ValueKind, where: str = "") -> Value:
    """Parse one cell; raises ValueInputError with a Chinese message naming `where` where
    `read_cell` would keep the value as `Published` (what a clerk types must be valid)."""
    value = read_cell(raw, kind)
    if isinstance(value, Published):
        raise ValueInputError(refusal(value, kind, where))
    return value


def refusal(value: Published, kind: ValueKind | str, where: str = "") -> str:
    """Why a typed or stored value cannot be taken: what it is, and what the cell takes."""
    place = f"{where}：" if where else ""
    return f"{place}“{value.text}”{value.reason}。本栏应填{allowed(kind)}。"


def decimals_of(value: Value) -> int:
    if isinstance(value, Decimal):
        exponent = value.as_tuple().exponent
        return -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return 0


def format_value(value: Value) -> str:
    """The text shown in a grid or written to a document: empty stays empty; a published
    invalid value is shown as printed."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def format_amount(value: Value, unit: Value = None) -> str:
    """An amount as shown or written, followed by the unit it was written with (2019
    采购总金额: "251000元"; `split_unit` reads it back); an empty amount shows no unit."""
    text = format_value(value)
    return text + format_value(unit) if text else text


def is_number(value: object) -> TypeGuard[int | Decimal]:
    """A value sums can use: an int or Decimal (not a bool, text, Published or None)."""
    return isinstance(value, int | Decimal) and not isinstance(value, bool)


def to_decimal(value: Value) -> Decimal:
    if not is_number(value):
        return Decimal(0)
    return value if isinstance(value, Decimal) else Decimal(value)


def same_value(a: Value, b: Value) -> bool:
    """Equality of cell values across int/Decimal/float (0 == 0.0 == Decimal('0.00'))."""
    numeric = (int, float, Decimal)
    if isinstance(a, bool) or isinstance(b, bool) or not isinstance(a, numeric) or not isinstance(b, numeric):
        return a == b
    try:
        return Decimal(str(a)) == Decimal(str(b))
    except InvalidOperation:
        return False
