"""Chinese numerals, read and written in one place: 三, 十二, 二十五, 一百零三 (counts a clerk
typed, dates in words, heading numbers) and （一）…（十） for outlines."""

from __future__ import annotations

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
CN_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000}
_WRITTEN = "一二三四五六七八九"


def parse_chinese_number(text: str) -> int | None:
    """The value of a Chinese numeral (三, 十二, 二十五, 一百零三, 两万); None if it is not one."""
    if not text or any(ch not in CN_DIGITS and ch not in CN_UNITS for ch in text):
        return None
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


def chinese_numeral(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 25 → 二十五 (1–99, as outline and heading numbers are written)."""
    if not 1 <= n <= 99:
        raise ValueError(f"outline numbers run from 1 to 99, not {n}")
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else "十" if tens == 1 else _WRITTEN[tens - 1] + "十"
    return head + (_WRITTEN[ones - 1] if ones else "")
