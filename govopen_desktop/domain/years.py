"""Moving a paragraph of last year's report to this year: the years it speaks of are updated.

Only the report's year and the year after it (a plan: "2025年，我局将……") move; earlier years
("（2019年修订）", "自2008年以来") name fixed events and stay. Document numbers (〔2024〕5号)
are not followed by 年 and are never touched. Each change is returned so the window can mark it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CN_DIGITS = "〇一二三四五六七八九"
_CN_ZERO_VARIANTS = str.maketrans({"零": "〇", "○": "〇"})
# a four-digit year followed by 年 (年度, 年底…), not part of a longer number, not a law's revision year
_YEAR = re.compile(
    r"(?<![0-9０-９〇零○一二三四五六七八九])"
    r"(?P<year>[0-9０-９]{4}|[〇零○一二三四五六七八九]{4})"
    r"(?=\s*年)(?!\s*年\s*(?:修订|修正|修改|版))"
)


@dataclass(frozen=True)
class YearChange:
    """A year replaced in the new text: text[start:end] is the new year as written."""

    start: int
    end: int
    old: int
    new: int


def _read_year(written: str) -> int:
    written = written.translate(_CN_ZERO_VARIANTS)
    if written[0] in _CN_DIGITS:
        return int("".join(str(_CN_DIGITS.index(c)) for c in written))
    return int("".join(str(int(c)) for c in written))  # int() reads full-width digits too


def _write_year(year: int, like: str) -> str:
    if like[0] in _CN_DIGITS + "零○":
        zero = next((c for c in like if c in "〇零○"), "〇")
        return "".join(zero if d == "0" else _CN_DIGITS[int(d)] for d in str(year))
    if "０" <= like[0] <= "９":
        return "".join(chr(ord("０") + int(d)) for d in str(year))
    return str(year)


def update_years(text: str, from_year: int, to_year: int) -> tuple[str, list[YearChange]]:
    """`text` (from the report on `from_year`) with its report year and plan year moved to
    `to_year`'s, and where each change now stands."""
    shift = to_year - from_year
    moving = {from_year, from_year + 1}
    out: list[str] = []
    changes: list[YearChange] = []
    last = 0
    length = 0
    for m in _YEAR.finditer(text):
        old = _read_year(m.group("year"))
        if old not in moving or shift == 0:
            continue
        piece = text[last : m.start()]
        out.append(piece)
        length += len(piece)
        written = _write_year(old + shift, m.group("year"))
        changes.append(YearChange(length, length + len(written), old, old + shift))
        out.append(written)
        length += len(written)
        last = m.end()
    out.append(text[last:])
    return "".join(out), changes
