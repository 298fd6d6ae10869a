"""Chinese numerals, read and written in one place: 三, 十二, 二十五, 一百零三 (counts a clerk
typed, dates in words, heading numbers) and （一）…（十） for outlines."""

from __future__ import annotations

import re
from functools import cache

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
CN_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000}
_WRITTEN = "一二三四五六七八九"
_YEAR_DIGITS = {"○": "0", "零": "0", "O": "0", "Ｏ": "0"} | {c: str(i) for i, c in enumerate("〇一二三四五六七八九")}
_YEAR_NUMERAL = "〇○零OＯ一二三四五六七八九"
_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


@cache  # compiled on first use, not at every start
def _year_in_words() -> re.Pattern[str]:
    return re.compile(rf"(?<![{_YEAR_NUMERAL}十百千万])([一二][{_YEAR_NUMERAL}]{{3}})(?=\s*年)")


def ascii_years(text: str) -> str:
    """`text` with years written in words or full-width digits (二〇二四年, ２０２４年) as
    ASCII digits, character for character, so positions in it are positions in `text`."""
    text = text.translate(_FULL_WIDTH_DIGITS)
    return _year_in_words().sub(lambda m: "".join(_YEAR_DIGITS[c] for c in m.group(1)), text)


def parse_chinese_number(text: str) -> int | None:
    """The value of a well-formed Chinese numeral (三, 十二, 二十五, 一百零三, 两万, 一十二);
    None if it is not one — 二三, 三五, 十十 are digits run together, not a number, so no
    value is guessed for them. Bounded: at most 20 characters, below 10^8."""
    if not text or len(text) > 20 or any(ch not in CN_DIGITS and ch not in CN_UNITS for ch in text):
        return None
    if text.count("万") > 1:
        return None
    value = _lenient(text)
    if value >= 10**8:
        return None
    standard = text.replace("〇", "零").replace("两", "二")
    written = standard_numeral(value)
    return value if standard in (written, "一" + written) else None


def _lenient(text: str) -> int:
    total, section, digit = 0, 0, None
    for ch in text:
        if ch in CN_DIGITS:
            digit = CN_DIGITS[ch]
        else:
            unit = CN_UNITS[ch]
            if unit == 10000:
                total += (section + (digit or 0)) * unit
                section = 0
            else:
                section += (1 if digit is None else digit) * unit
            digit = None
    return total + section + (digit or 0)


def _section(n: int, inner: bool) -> str:
    """0 < n < 10000 written the standard way; `inner`: after a 万 (一万零五, 一万零一十)."""
    digits = [n // 1000, n // 100 % 10, n // 10 % 10, n % 10]
    out: list[str] = []
    zero = inner and n < 1000
    for d, unit in zip(digits, ("千", "百", "十", ""), strict=True):
        if d == 0:
            zero = zero or bool(out)
            continue
        if zero:
            out.append("零")
            zero = False
        out.append(_WRITTEN[d - 1] + unit)
    text = "".join(out)
    return text.removeprefix("一") if not inner and 10 <= n < 20 else text  # 十二, not 一十二


def standard_numeral(n: int) -> str:
    """n (0 ≤ n < 10^8) in standard Chinese numerals: 零, 十二, 一百零三, 三万零五百."""
    if n == 0:
        return "零"
    high, low = divmod(n, 10000)
    if not high:
        return _section(low, False)
    return _section(high, False) + "万" + (_section(low, True) if low else "")


def chinese_numeral(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 25 → 二十五 (1–99, as outline and heading numbers are written)."""
    if not 1 <= n <= 99:
        raise ValueError(f"outline numbers run from 1 to 99, not {n}")
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else "十" if tens == 1 else _WRITTEN[tens - 1] + "十"
    return head + (_WRITTEN[ones - 1] if ones else "")
