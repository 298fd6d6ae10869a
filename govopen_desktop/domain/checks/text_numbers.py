"""What the text says in numbers, against the tables: applications, 复议/诉讼, the year."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Any, TypeVar, cast

from govopen_desktop.domain.checks.common import (
    SENTENCE_END,
    as_int,
    compact,
    filled_floor,
    finding,
    label,
    parse_count,
    source_info,
    total,
)
from govopen_desktop.domain.checks.registry import rule_kind
from govopen_desktop.domain.findings import Finding
from govopen_desktop.domain.formats import ReportFormat, RuleSpec, load_format
from govopen_desktop.domain.report import Report

_NUMBER = r"(?P<n>\d+|[零〇一二两三四五六七八九十百千]+)"
# what may stand between 收到 and 申请 (or between 未 and 行政复议): no punctuation, few words
NEWEST = "2021"  # the vocabulary claims are read with when no format is given
_GAP = r"[^，,。；;！？!?、：:（）()]{0,16}?"
_CLAUSE_END = "，,。；;！？!?"
BOTH = "复议和诉讼"  # a number the text gives for 复议 and 诉讼 together


def _pattern(template: str, words: Mapping[str, str]) -> re.Pattern[str]:
    """A phrasing of the format file compiled: {number} a count, {n} a count with its unit,
    {gap} a few words, {name} one of the rule's `words` (alternatives)."""
    text = template.replace("{n}", _NUMBER + "(?:" + words["unit"] + ")").replace("{number}", _NUMBER)
    text = text.replace("{gap}", _GAP)
    for name, alternatives in words.items():
        text = text.replace("{" + name + "}", "(?:" + alternatives + ")")
    return re.compile(text)


@dataclass(frozen=True)
class ApplicationWords:
    """T3-TEXT's vocabulary (the format file's rule entry), compiled."""

    statements: tuple[re.Pattern[str], ...]  # 共收到政府信息公开申请5件
    none: tuple[re.Pattern[str], ...]  # 未收到政府信息公开申请
    about_part: tuple[str, ...]  # a gap word making the number one kind or channel of applications
    plain_gaps: frozenset[str]  # gap words that name nothing (共, 合计): still all applications
    about_disclosure: str  # a gap naming something must hold this word to be about disclosure


@dataclass(frozen=True)
class CaseWords:
    """T4-TEXT's vocabulary (the format file's rule entry), compiled."""

    joint: tuple[re.Pattern[str], ...]  # 行政复议和行政诉讼共3件 / 各1件
    statements: tuple[re.Pattern[str], ...]  # 行政复议2件
    none: re.Pattern[str]  # 未发生行政复议和行政诉讼
    none_gap: re.Pattern[str]  # what may stand between 未 and 行政复议 in a statement of none
    not_none: tuple[str, ...]  # words making a none-match something else (the column 未经复议…)
    not_none_gap: tuple[str, ...]
    organ_work: re.Pattern[str]  # 办理/受理 before 行政复议: the body's work as 复议机关
    about_disclosure: str


def application_words(fmt: ReportFormat | None = None) -> ApplicationWords:
    """The format's (the newest format's) T3-TEXT vocabulary, compiled once per loaded format."""
    fmt = fmt or load_format(NEWEST)
    return _per_format(fmt, "text_applications", lambda p: ApplicationWords(
        tuple(_pattern(t, p["words"]) for t in p["statements"]),
        tuple(_pattern(t, p["words"]) for t in p["none_statements"]),
        tuple(p["about_part"]),
        frozenset(p["plain_gaps"]),
        p["about_disclosure"],
    ))


def case_words(fmt: ReportFormat | None = None) -> CaseWords:
    """The format's (the newest format's) T4-TEXT vocabulary, compiled once per loaded format."""
    fmt = fmt or load_format(NEWEST)
    return _per_format(fmt, "text_cases", lambda p: CaseWords(
        tuple(_pattern(t, p["words"]) for t in p["joint_statements"]),
        tuple(_pattern(t, p["words"]) for t in p["statements"]),
        _pattern(p["none_statement"], p["words"]),
        re.compile(p["none_gap"]),
        tuple(p["not_none"]),
        tuple(p["not_none_gap"]),
        re.compile(p["organ_work"]),
        p["about_disclosure"],
    ))


_T = TypeVar("_T")
_COMPILED: dict[tuple[int, str], tuple[ReportFormat, Any]] = {}


def _per_format(fmt: ReportFormat, kind: str, make: Callable[[dict[str, Any]], _T]) -> _T:
    """`make` of the entry of the format's rule of `kind`, kept while that format object lives
    (a format file read again, as reset_format_cache does, is compiled again)."""
    kept = _COMPILED.get((id(fmt), kind))
    if kept is None or kept[0] is not fmt:
        rule = next((r for r in fmt.rules if r.kind == kind), None)
        if rule is None:
            raise KeyError(f"format {fmt.id} has no rule of kind {kind}")
        kept = (fmt, make(rule.params))
        _COMPILED[(id(fmt), kind)] = kept
    return cast(_T, kept[1])


def _clause(prose: str, at: int) -> str:
    """The clause (between commas) that `at` stands in."""
    left = max(prose.rfind(c, 0, at) for c in _CLAUSE_END)
    rights = [i for c in _CLAUSE_END if (i := prose.find(c, at)) >= 0]
    return prose[left + 1 : min(rights) if rights else len(prose)]


_HALF_WIDTH = str.maketrans("０１２３４５６７８９－～", "0123456789-~")


@lru_cache(maxsize=256)
def _prose(text: str) -> str:
    """The text without spaces, digits half-width; punctuation as written, so a quote reads
    as the report has it (行政复议7件，诉讼9件, not 行政复议7件,诉讼9件)."""
    return compact(text.translate(_HALF_WIDTH))


def _quote(text: str, start: int, end: int) -> str:
    return text[start:end]


@lru_cache(maxsize=256)
def application_claims(text: str, words: ApplicationWords | None = None) -> tuple[tuple[int, str], ...]:
    """(number, quoted words) for every statement of how many applications came in."""
    words = words or application_words()
    prose = _prose(text)
    claims: list[tuple[int, str]] = []
    for pattern in words.statements:
        for m in pattern.finditer(prose):
            gap = m.groupdict().get("gap") or ""
            if any(w in gap for w in words.about_part):
                continue  # a number about something else, or about one kind of applicant
            if gap and words.about_disclosure not in gap and gap not in words.plain_gaps:
                continue  # 受理政务服务申请1600件, 受理各类许可申请: applications, but not for disclosure
            n = parse_count(m.group("n"))
            if n is not None:
                claims.append((n, _quote(prose, m.start(), m.end())))
    for pattern in words.none:
        claims.extend((0, _quote(prose, m.start(), m.end())) for m in pattern.finditer(prose))
    return tuple(claims)


@lru_cache(maxsize=256)
def case_claims(text: str, words: CaseWords | None = None) -> tuple[tuple[str, int, str], ...]:
    """('复议', '诉讼' or both (BOTH), number, quoted words) for what the text says about t4 cases."""
    words = words or case_words()
    prose = _prose(text)
    claims: list[tuple[str, int, str]] = []
    joint: list[tuple[int, int]] = []
    for pattern in words.joint:
        for m in pattern.finditer(prose):
            n = parse_count(m.group("n"))
            if n is not None:
                joint.append(m.span())
                quoted = _quote(prose, m.start(), m.end())
                claims.extend([("复议", n, quoted), ("诉讼", n, quoted)] if m.group("each") else [(BOTH, n, quoted)])
    for pattern in words.statements:
        for m in pattern.finditer(prose):
            if any(a <= m.start() < b for a, b in joint):
                continue  # the second half of 行政复议和行政诉讼共3件: a number for both
            organ = words.organ_work.search(prose, max(0, m.start() - 8), m.start())
            if organ and words.about_disclosure not in _clause(prose, m.start()):
                continue  # 共办理行政复议案件120件: a 复议机关's work, not cases about this agency's disclosure
            n = parse_count(m.group("n"))
            if n is not None:
                claims.append((m.group("what")[-2:], n, _quote(prose, m.start(), m.end())))
    for m in words.none.finditer(prose):
        if any(w in prose[m.start() : m.end() + 2] for w in words.not_none) or any(
            w in m.group("gap") for w in words.not_none_gap
        ):
            continue  # the column label 未经复议直接起诉
        if not (m.group("verb") or m.group("tail") or words.none_gap.fullmatch(m.group("gap"))):
            continue  # "对未按期答复的可依法申请行政复议": advice, not a statement about cases
        quoted = _quote(prose, m.start(), m.end())
        claims.extend((what, 0, quoted) for what in ("复议", "诉讼") if what in m.group("what"))
    return tuple(claims)


def _written_in(report: Report, key: str) -> str:
    """“一、总体情况”写 — the part the quoted words stand in, as R-FACTS names it (a table's
    note: “四、…”表下说明写; a table's part: the sentences printed there, not in its table)."""
    section = next((s for s in report.format.sections if key in (s.text, s.table, s.note)), None)
    if section is None:
        return "文字中写"
    return f"“{section.heading}”表下说明写" if key == section.note else f"“{section.heading}”写"


def _texts(report: Report, sections: list[str]) -> Iterator[tuple[str, str]]:
    """(part, text) of the rule's text parts (a table's note among them), then of the
    sentences an import kept under a table of a format without notes (source.table_notes)."""
    for key in sections:
        raw = report.text.get(key)
        if raw:
            yield key, raw
    notes = source_info(report).get("table_notes")
    if isinstance(notes, dict):
        yield from ((k, v) for k, v in notes.items() if isinstance(k, str) and isinstance(v, str) and v)


@rule_kind("text_applications")
def text_applications(report: Report, spec: RuleSpec) -> Iterator[Finding]:
    """A number of applications the text states agrees with 本年新收 (or 新收 + 上年结转)."""
    p = spec.params
    new = total(report, [p["new"]])
    # 总计 left blank: the filled applicant cells still prove a smaller number wrong
    at_least = filled_floor(report, [p["new"]]) if new is None else None
    if new is None and not at_least:
        return
    carried = total(report, [p["carried_in"]])
    allowed = set() if new is None else {new} | ({new + carried} if carried is not None else set())
    name = label(report.format, p["new"])
    floor = at_least or Decimal(0)
    table_says = f"是 {as_int(new)}" if new is not None else f"没有填，已填的各栏合计已有 {as_int(floor)}"
    for key, raw in _texts(report, p["sections"]):
        seen: set[int] = set()
        for claimed, quoted in application_claims(raw, application_words(report.format)):
            wrong = Decimal(claimed) not in allowed if new is not None else Decimal(claimed) < floor
            if not wrong or claimed in seen:
                continue
            seen.add(claimed)
            yield finding(
                spec,
                f"{_written_in(report, key)}“{quoted}”，但表三“{name}”{table_says}。请核对文字和表格，使两者一致。",
                (p["new"],),
                key,
            )


@rule_kind("text_cases")
def text_cases(report: Report, spec: RuleSpec) -> Iterator[Finding]:
    """What the text says about 行政复议/行政诉讼 agrees with table 4."""
    p = spec.params
    groups = {"复议": list(p["review"]), "诉讼": list(p["suit"])}
    groups[BOTH] = groups["复议"] + groups["诉讼"]
    totals = {what: total(report, keys) for what, keys in groups.items()}
    for key, raw in _texts(report, p["sections"]):
        reported: set[tuple[str, int]] = set()
        for what, claimed, quoted in case_claims(raw, case_words(report.format)):
            actual = totals[what]
            if actual is None or actual == claimed or (what, claimed) in reported:
                continue
            reported.add((what, claimed))
            table_says = "没有" if actual == 0 else f"共 {as_int(actual)} 件"
            named = "行政复议和行政诉讼" if what == BOTH else f"行政{what}"
            yield finding(
                spec,
                f"{_written_in(report, key)}“{quoted}”，但表四{named}{table_says}。请核对文字和表格，使两者一致。",
                groups[what],
                key,
            )


def _sentence_around(text: str, start: int, end: int) -> str:
    left = max((text.rfind(c, 0, start) for c in SENTENCE_END), default=-1)
    rights = [i for c in SENTENCE_END if (i := text.find(c, end)) >= 0]
    return text[left + 1 : min(rights) if rights else len(text)]


@lru_cache(maxsize=256)
def period_years(text: str, context: tuple[str, ...], period: str) -> tuple[tuple[int, str], ...]:
    """Years of every statistics period (`period`: YYYY年1月1日至12月31日) stated as such."""
    prose = _prose(text)
    found: list[tuple[int, str]] = []
    for m in re.finditer(period, prose):
        if not any(w in _sentence_around(prose, m.start(), m.end()) for w in context):
            continue  # a date range that is not the report's statistics period
        found.extend((int(y), m.group(0)) for y in m.groups() if y)
    return tuple(found)


def _period_where(fmt: ReportFormat, key: str) -> str:
    """Where a statistics period stands: 标题下的“开头说明”中, “三、…（表下说明）”中, 文字中."""
    front = {s.text: s.title for s in fmt.front_texts}
    if key in front:
        return f"标题下的“{front[key]}”中"
    return f"“{fmt.text_heading(key)}”中" if fmt.is_note(key) else "文字中"


@rule_kind("statistics_year")
def statistics_year(report: Report, spec: RuleSpec) -> Iterator[Finding]:
    """The statistics period and the title state the year the report is for."""
    year = report.meta.year
    context = tuple(spec.params["context"])
    texts: list[tuple[str, str, object]] = [
        (key, _period_where(report.format, key), report.text.get(key)) for key in spec.params["sections"]
    ]
    # the words above 一、 an import kept where the format has no opening text
    texts.append(("meta", "标题下的说明文字中", source_info(report).get("preface")))
    for section, where, raw in texts:
        if not isinstance(raw, str) or not raw:
            continue
        wrong = sorted({(y, q) for y, q in period_years(raw, context, spec.params["period"]) if y != year})
        if wrong:
            y, quoted = wrong[0]
            yield finding(
                spec,
                f"{where}的统计期限“{quoted}”是 {y} 年，本报告是 {year} 年度报告。"
                f"统计期限应为{year}年1月1日至12月31日。",
                section=section,
            )
    title = source_info(report).get("title")
    m = re.search(spec.params["title_year"], _prose(title)) if isinstance(title, str) else None
    if isinstance(title, str) and m and int(m.group(1)) != year:
        yield finding(
            spec,
            f"报告标题“{title.strip()}”写的是 {m.group(1)} 年，本报告是 {year} 年度报告，请统一年度。",
            section="meta",
        )
