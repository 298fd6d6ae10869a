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
_PART = re.compile(r"[（(]([一二三四五六七八九十]{1,3})[）)]")
_PART_AFTER = "。！？；：!?;:"  # an inline （二） starts a part only after the end of a sentence
_LEADING_SPACE = re.compile(r"^[\s\u3000\u00a0]+")
LEVEL_2 = re.compile(r"^[（(][一二三四五六七八九十]{1,3}[）)]")
LEVEL_3 = re.compile(r"^\d{1,2}[.．、](?!\d)")
HEADING_MAX_UNITS = 28  # a line this short (one printed line) with no full stop inside is a heading
BLANK_DATE = "　　年　　月　　日"  # a draft without 成文日期: the date line to fill in by hand
_CN_DIGITS = "一二三四五六七八九"


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


def signature(report: Report) -> tuple[str, str] | None:
    """落款: the agency and the date below it (a draft without 成文日期 gets the blank 年 月 日
    line to fill in by hand); None where no agency is given."""
    agency = clean_text(report.meta.agency.strip())
    return (agency, chinese_date(report.meta.date) or BLANK_DATE) if agency else None


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


def chinese_number(text: str) -> int | None:
    """一 → 1, 十 → 10, 十二 → 12, 二十一 → 21; None when it is not such a number."""
    if not text or any(ch not in _CN_DIGITS + "十" for ch in text):
        return None
    if "十" not in text:
        return _CN_DIGITS.index(text) + 1 if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    if len(tens) > 1 or len(ones) > 1:
        return None
    return (_CN_DIGITS.index(tens) + 1 if tens else 1) * 10 + (_CN_DIGITS.index(ones) + 1 if ones else 0)


def text_paragraphs(text: str) -> list[tuple[str, bool]]:
    """The paragraphs a section's text prints as: one per line, and a line split before each
    of the section's own parts （一）（二）… written inside it ("…保障。（二）依申请公开…").
    A part counts when it follows the end of a sentence and carries the next number of the
    section's sequence, so "第（一）项" or a stray （五） stays in its sentence. Each item is
    (text, joined): joined parts were typed inside the paragraph before them. Leading spaces
    are dropped (the style indents), the text is otherwise unchanged."""
    out: list[tuple[str, bool]] = []
    last = 0  # the section's last part number
    for raw in clean_text(text).split("\n"):
        line = _LEADING_SPACE.sub("", raw).rstrip()
        if not line:
            continue
        start = 0
        for m in _PART.finditer(line):
            number = chinese_number(m.group(1))
            if number is None:
                continue
            if m.start() == 0:
                last = number
                continue
            before = line[start : m.start()].rstrip(" \u3000")
            if number == last + 1 and before and before[-1] in _PART_AFTER:
                out.append((line[start : m.start()], start > 0))
                start, last = m.start(), number
        out.append((line[start:], start > 0))
    return out


def is_heading_line(line: str) -> bool:
    """A short line with no sentence inside it: a （一） or 1. heading, not a paragraph."""
    inner = line[:-1] if line.endswith(("。", "：", ":")) else line
    return units(line) <= HEADING_MAX_UNITS and not any(ch in inner for ch in "。；;！？")


def heading_level(line: str) -> int | None:
    """2 for a （一） heading line, 3 for a "1." heading line, None for a paragraph."""
    level = 2 if LEVEL_2.match(line) else 3 if LEVEL_3.match(line) else None
    return level if level is not None and is_heading_line(line) else None
