"""Front matter and text: section headings, the three text sections, title, agency, year,
date and which official format the tables follow."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import cache

from govopen_desktop.domain.formats import ReportFormat, available_formats, load_format
from govopen_desktop.domain.numerals import parse_chinese_number
from govopen_desktop.io.importers.labels import norm
from govopen_desktop.io.importers.neutral import Row

_HEADING = re.compile(r"^(?:第)?([一二三四五六七八九十]|\d{1,2})\s*[、.．,，]\s*(\S.{1,38})$")
_TITLE = re.compile(
    r"^(?P<pre>.*?)\s*(?P<year>(?:19|20)\d{2})\s*年度?\s*(?P<post>.*?)\s*"
    r"(?:政府)?(?:信息公开|政务公开).*?(?:年度报告|年报|工作报告)(?:表|统计表|[(（].*[)）])?$"
)
_INLINE = re.compile(r"^([^：:。]{2,42}?)[：:。]\s*(\S.*)$", re.S)
_TITLE_YEAR_AFTER = re.compile(
    r"^(?P<agency>.+?)\s*(?:政府)?信息公开(?:工作)?年度报告\s*[(（]\s*(?P<year>(?:19|20)\d{2})\s*年度?\s*[)）]$"
)
_CN_DIGIT = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"零": "0", "O": "0", "○": "0"}
_DATE = re.compile(r"^(\S{4})\s*年\s*(\S{1,3})\s*月\s*(\S{1,3})\s*日$")
_PERIOD = re.compile(r"((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日\s*(?:至|到|-|—|～|~)")
_YEAR_MENTION = re.compile(r"((?:19|20)\d{2})\s*年度?")
_FILLER = re.compile(r"^(?:填报单位|报告单位|单位名称|填报机关)\s*[:：]?\s*(.*)$")
_FILLER_END = re.compile(r"[\s\u3000]{2,}|报告年度|填报日期|填报时间|年度[:：]|日期[:：]")
_SENTENCE_END = ("。", "；", ";", "：", ":", "！", "？")
# A saved web page goes on after the report: print/close links, the site's footer.
_PAGE_END = ("版权所有", "ICP备", "主办单位：", "主办：", "网站标识码", "公网安备", "【打印", "关闭窗口",
             "打印本页", "扫一扫在手机", "技术支持：")


@dataclass
class Sections:
    rows: dict[str, int] = field(default_factory=dict)  # section id -> heading row index
    headings: list[str] = field(default_factory=list)  # as printed, in order
    inline: dict[str, str] = field(default_factory=dict)  # text run on after a heading


@cache
def _section_titles() -> dict[str, set[str]]:
    titles: dict[str, set[str]] = {}
    for fid in available_formats():
        for s in load_format(fid).sections:
            titles.setdefault(s.id, set()).add(norm(s.title))
    return titles


def _single_text(row: Row) -> str | None:
    if row.is_table:
        return None
    filled = row.non_empty()
    return filled[0].text.strip() if len(filled) == 1 else None


def _heading_candidates(text: str) -> list[tuple[str, str]]:
    """The line as a heading, and its part before "：" or "。" with the text run on after it
    ("六、其他需要报告的事项：本年度未收取信息处理费。")."""
    out = [(text, "")] if len(text) <= 42 else []
    m = _INLINE.match(text)
    if m and len(m.group(1)) <= 42:
        out.append((m.group(1).strip(), m.group(2).strip()))
    return out


def _match_heading(text: str, order: tuple[str, ...], last: int,
                   titles: dict[str, set[str]]) -> tuple[str | None, int]:
    m = _HEADING.match(text)
    body = norm(m.group(2)) if m else norm(text)
    if not body:
        return None, last
    for k in range(last + 1, len(order)):
        sid = order[k]
        if m is None:
            hit = body in titles.get(sid, set())  # an unnumbered heading must be exact
        else:
            # another number ("1、主动公开情况" inside 总体情况) needs a closer match
            need = 0.8 if _number(m.group(1)) in (None, k + 1) else 0.92
            hit = max(SequenceMatcher(None, body, t).ratio() for t in titles.get(sid, {""})) >= need
        if hit:
            return sid, k
    return None, last


def find_sections(rows: list[Row], order: tuple[str, ...]) -> Sections:
    """First-level headings (一、总体情况 … 六、…), matched to the official sections in order;
    "1、" numbering and small wording differences are accepted."""
    titles = _section_titles()
    found = Sections()
    last = -1
    for i, row in enumerate(rows):
        text = _single_text(row)
        if not text:
            continue
        for heading, inline in _heading_candidates(text):
            sid, k = _match_heading(heading, order, last, titles)
            if sid is not None:
                found.rows[sid] = i
                found.headings.append(heading)
                if inline:
                    found.inline[sid] = inline
                last = k
                break
    return found


def _number(mark: str) -> int | None:
    if mark.isdigit():
        return int(mark)
    return parse_chinese_number(mark)  # domain/numerals.py


def _lines(row: Row) -> list[str]:
    out: list[str] = []
    for cell in row.cells:
        out.extend(line.strip() for line in cell.text.splitlines())
    return [line for line in out if line.strip(" \u00a0\u3000\t")]


def parse_date(text: str) -> str | None:
    m = _DATE.match(re.sub(r"\s+", "", text))
    if not m:
        return None
    parts: list[int] = []
    for raw in m.groups():
        digits = "".join(_CN_DIGIT.get(ch, ch) for ch in raw)
        if not digits.isdigit():
            digits = str(_cn_small(raw) or "")
        if not digits.isdigit():
            return None
        parts.append(int(digits))
    try:
        return dt.date(parts[0], parts[1], parts[2]).isoformat()
    except ValueError:
        return None


def _cn_small(text: str) -> int | None:
    """十, 十二, 二十六, 三十一 as written in dates."""
    return parse_chinese_number(text)  # domain/numerals.py


@dataclass
class Signature:
    agency: str | None = None
    date: str | None = None
    rows: set[int] = field(default_factory=set)  # rows to leave out of the last text section


_BLANK_DATE = re.compile(r"^[\s\u3000_＿]*年[\s\u3000_＿]*月[\s\u3000_＿]*日$")


def find_signature(rows: list[Row], after: int, agency: str | None = None) -> Signature:
    """The date under the report and the agency line above it; without a date, a last line
    that repeats the agency of the title."""
    sig = Signature()
    tail = [i for i in range(max(after + 1, 0), len(rows)) if _lines(rows[i])]
    blank: set[int] = set()  # a "　年　月　日" line left to fill by hand: no date, not body text
    if tail and all(_BLANK_DATE.match(x) for x in _lines(rows[tail[-1]])):
        blank = {tail.pop()}
        sig.rows = set(blank)
    last = _lines(rows[tail[-1]]) if tail else []
    if agency and last and norm(" ".join(last)) == norm(agency) and all(parse_date(x) is None for x in last):
        return Signature(agency, None, {tail[-1]} | blank)
    for pos in range(len(tail) - 1, max(len(tail) - 4, -1), -1):
        i = tail[pos]
        lines = _lines(rows[i])
        date = parse_date(lines[-1])
        if date is None:
            continue
        sig.date, sig.rows = date, {i}
        candidates = lines[:-1] or (_lines(rows[tail[pos - 1]]) if pos > 0 else [])
        name = candidates[-1] if candidates else ""
        if name and len(name) <= 40 and not name.endswith(_SENTENCE_END) and pos > 0:
            sig.agency = name.strip()
            if not lines[:-1]:
                sig.rows.add(tail[pos - 1])
        break
    return sig


def section_text(rows: list[Row], start: int, stop: int, skip: set[int], inline: str = "") -> str | None:
    """The paragraphs of a section, one per line, as printed (lines trimmed, blanks dropped).
    Stops at the first table row: a section without a following heading ends there."""
    lines: list[str] = [line.strip() for line in inline.splitlines() if line.strip()]
    for i in range(start + 1, stop):
        row = rows[i]
        if row.is_table or len(row.non_empty()) > 1:
            break
        if i in skip:
            continue
        row_lines = _lines(row)
        if any(m in line for line in row_lines for m in _PAGE_END):
            break
        lines.extend(row_lines)
    text = "\n".join(lines).strip()
    return text or None


@dataclass
class Title:
    line: str | None = None
    agency: str | None = None
    year: int | None = None


def _title_match(line: str) -> tuple[str | None, int] | None:
    text = re.sub(r"\s+", " ", line)
    m = _TITLE.match(text)
    if m:
        return (m.group("pre") or m.group("post") or "").strip() or None, int(m.group("year"))
    m = _TITLE_YEAR_AFTER.match(text)
    if m:
        return m.group("agency").strip() or None, int(m.group("year"))
    return None


def find_title(rows: list[Row], before: int) -> Title:
    """The title line; a title printed on two lines (agency above, then the year and
    "政府信息公开工作年度报告") gives its agency from the line above."""
    first: Title | None = None
    previous = ""
    for row in rows[: max(before, 0) or min(len(rows), 12)]:
        lines = _lines(row)
        for line in ["".join(lines), *lines] if len(lines) > 1 else lines:
            found = _title_match(line) if len(line) <= 80 else None
            if found is None:
                continue
            agency, year = found
            if agency is None and previous and len(previous) <= 30 and not previous.endswith(_SENTENCE_END):
                agency, line = previous, previous + line
            t = Title(line, agency, year)
            if agency:
                return t
            first = first or t
        previous = "".join(lines).strip() if len(row.non_empty()) == 1 else ""
    return first or Title()


def find_filler(rows: list[Row], limit: int = 40) -> str | None:
    """填报单位：XXX (a cell, or the cell after it), as forms from the upper office carry it."""
    for row in rows[:limit]:
        cells = row.non_empty()
        for k, cell in enumerate(cells):
            m = _FILLER.match(cell.text.strip())
            if m:
                value = m.group(1).strip() or (cells[k + 1].text.strip() if k + 1 < len(cells) else "")
                value = _FILLER_END.split(value)[0].strip()
                if value:
                    return value
    return None


def guess_year(rows: list[Row], before: int) -> int | None:
    """统计期限 sentence first, then the year the text before the tables mentions most."""
    texts = [line for row in rows[: max(before, 1)] for line in _lines(row)]
    for line in texts:
        m = _PERIOD.search(line)
        if m:
            return int(m.group(1))
    counts = Counter(int(y) for line in texts for y in _YEAR_MENTION.findall(line))
    return counts.most_common(1)[0][0] if counts else None


def detect_format(rows: list[Row]) -> tuple[ReportFormat | None, int]:
    """The format whose own labels (those the other format lacks) the document uses most."""
    formats = [load_format(f) for f in available_formats()]
    label_sets = {
        f.id: {norm(c.text) for t in f.tables for c in t.cells if c.text and c.role in ("label", "header")}
        for f in formats
    }
    seen = {norm(c.text) for row in rows for c in row.cells if c.text.strip() and len(c.text) < 80}
    scores: dict[str, int] = {}
    for f in formats:
        others = set().union(*(s for fid, s in label_sets.items() if fid != f.id))
        scores[f.id] = len((label_sets[f.id] - others) & seen)
    best = max(formats, key=lambda f: scores[f.id])
    ranked = sorted(scores.values(), reverse=True)
    if ranked[0] == 0 or (len(ranked) > 1 and ranked[0] == ranked[1]):
        return None, ranked[0]
    return best, ranked[0]
