"""Text shared by the Word and Excel exports: the title, the date, characters XML refuses."""

from __future__ import annotations

import datetime as dt
import re

from govopen_desktop.domain.report import Report
from govopen_desktop.domain.title import TITLE_TAIL, annual_report_title

TITLE_LINE_UNITS = 20  # 2号 characters on a 156 mm line (22 pt each in 442 pt)
_XML_ILLEGAL = re.compile("[\x00-\x08\x0e-\x1f\ufffe\uffff]")
# Where a long agency name may break: after a place or an organ (…市 / …区 / …局).
_AGENCY_BREAK = re.compile(r"(?<=[省市区县州盟旗镇乡局厅委府院署部])")
_ENUMERATOR = re.compile(r"^(（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、|\d+[.．、])")
_PUNCTUATION = re.compile(r"[，。、；：（）()“”,;:]")


def clean_text(text: str) -> str:
    """Text as written, minus control characters XML cannot hold (Word's \\v line break → \\n)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0b", "\n").replace("\x0c", "\n")
    return _XML_ILLEGAL.sub("", text)


def chinese_date(iso: str | None) -> str:
    """'2025-01-20' → '2025年1月20日' (GB/T 9704 7.3.5.4: no leading zeros)."""
    if not iso:
        return ""
    day = dt.date.fromisoformat(iso)
    return f"{day.year}年{day.month}月{day.day}日"


def report_title(report: Report) -> str:
    return annual_report_title(report.meta.agency.strip(), report.meta.year)


def units(text: str) -> float:
    """Width in full characters: CJK 1, Latin letters and digits ½."""
    return sum(0.5 if ord(ch) < 0x2E80 else 1.0 for ch in text)


def title_lines(report: Report, line_units: float = TITLE_LINE_UNITS) -> list[str]:
    """The title split where the reader expects it: never inside a word, lines as even as can be
    (GB/T 9704 7.3.1: 回行时词意完整、排列对称)."""
    agency = report.meta.agency.strip()
    year = f"{report.meta.year}年"
    whole = f"{agency}{year}{TITLE_TAIL}"
    if units(whole) <= line_units:
        return [whole]
    agency_parts = _split_agency(agency, line_units)
    # Candidate splits of the last agency line plus the rest: after the agency, after the year.
    tail_options = [[agency_parts[-1], f"{year}{TITLE_TAIL}"], [f"{agency_parts[-1]}{year}", TITLE_TAIL],
                    [f"{agency_parts[-1]}{year}政府信息公开", "工作年度报告"]]
    fitting = [o for o in tail_options if all(units(x) <= line_units for x in o)] or tail_options[:1]
    best = min(fitting, key=lambda o: (abs(units(o[0]) - units(o[1])), -units(o[0])))
    return [*agency_parts[:-1], *best]


def _split_agency(agency: str, line_units: float) -> list[str]:
    if units(agency) <= line_units:
        return [agency]
    pieces = [p for p in _AGENCY_BREAK.split(agency) if p]
    lines: list[str] = [""]
    for piece in pieces:
        if lines[-1] and units(lines[-1] + piece) > line_units:
            lines.append(piece)
        else:
            lines[-1] += piece
    return lines


def label_lines(text: str, capacity: int) -> list[str]:
    """Where a short label breaks in a narrow cell, so that no word is cut in half.

    Chinese labels are compounds of two-character words (社会公益组织 = 社会·公益·组织), so a
    label that does not fit breaks after an even number of characters; an enumerator
    (（三） 三、 1.) stays whole on its own line; an odd-length rest in a column of two
    characters or less is set one character per line (read top to bottom). Sentences and
    longer labels are left to Word's own wrapping.
    """
    if capacity <= 0 or units(text) <= capacity:
        return [text]
    match = _ENUMERATOR.match(text)
    head = match.group(0) if match else ""
    rest = text[len(head):]
    if not rest or len(rest) > 8 or _PUNCTUATION.search(rest) or not rest.isalpha():
        return [text]
    lines = [head] if head and units(head) <= max(capacity, 3) else []
    if not lines:
        rest = text
    if units(rest) <= capacity:
        return [*lines, rest]
    step = capacity - capacity % 2
    if step < 2 or (step == 2 and len(rest) % 2):
        step = 1
    return [*lines, *(rest[i : i + step] for i in range(0, len(rest), step))]
