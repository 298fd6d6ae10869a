"""Rules on the text sections: presence, the five overview parts, numbering, what 六 says."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import lru_cache

from govopen_desktop.domain.checks.common import (
    as_int,
    compact,
    finding,
    has_text,
    is_government,
    join,
    number,
    parse_count,
    source_info,
    text_of,
)
from govopen_desktop.domain.checks.registry import rule_kind
from govopen_desktop.domain.findings import Finding
from govopen_desktop.domain.formats import ReportFormat, RuleSpec, Section
from govopen_desktop.domain.report import Report

_HEADING = re.compile(r"^\s*(?P<num>[一二三四五六七八九十]+|[0-9０-９]+)\s*[、.．,，]?\s*(?P<title>.*?)\s*$")
_CN_SMALL = dict(enumerate("一二三四五六七八九", start=1))
_CN_NUMBERED_LINE = re.compile(r"^[ \t\u3000]*([一二三四五六七八九十]+)[ \t\u3000]*、", re.MULTILINE)


def _headings(report: Report) -> list[str]:
    raw = source_info(report).get("headings")
    return [str(h) for h in raw] if isinstance(raw, list) else []


def _parse_heading(text: str) -> tuple[int, str, bool] | None:
    """'1、 总体情况' -> (1, '总体情况', True): number, title, written in Arabic digits."""
    m = _HEADING.match(text)
    if not m:
        return None
    n = parse_count(m.group("num"))
    if n is None:
        return None
    return n, compact(m.group("title")).rstrip("。:："), m.group("num")[0] not in "一二三四五六七八九十"


@rule_kind("sections")
def sections(report: Report, spec: RuleSpec) -> Iterator[Finding]:
    """Every section of the format is there; printed headings keep the official wording.

    A section with no text is an error only when nothing suggests it is there under another
    wording or number (the importer could not place it): then it is a warning to check."""
    fmt = report.format
    hints: Mapping[str, str] = spec.params.get("hints", {})
    wording_level = spec.params.get("wording_level", "warning")
    accepted: Mapping[str, list[str]] = spec.params.get("accepted", {})
    parsed = [(raw, p) for raw in _headings(report) if (p := _parse_heading(raw)) is not None]
    by_title = _sections_by_title(fmt, accepted)
    present_words: Mapping[str, list[str]] = spec.params.get("present_words", {})
    for position, section in enumerate(fmt.sections, start=1):
        if section.table and _table_missing(report, section, section.table, position, parsed, by_title, present_words):
            number = next((t.number for t in fmt.tables if t.id == section.table), "")
            yield finding(
                spec,
                f"缺少“{section.heading}”：原文的一级标题中没有这一部分，表{number}也一格都没有读到。"
                "年度报告的六个部分都不能省略，没有发生的也要如实填 0。",
                section=section.id,
            )
            continue
        if not section.text or has_text(report, section.text):
            continue
        evidence = _present_elsewhere(report, section, position, parsed, by_title, present_words)
        if evidence:
            yield finding(
                spec,
                f"没有读到“{section.heading}”的内容（{evidence}）。可能是原文的标题措辞或编号不同，"
                "导入时没能归入这一部分。请核对原文；确实没有的要补写（没有内容也要写明“无”）。",
                section=section.id,
                level=wording_level,
            )
            continue
        yield finding(
            spec,
            f"缺少“{section.heading}”：年度报告的六个部分都不能省略，没有内容也要写明“无”的情况。"
            f"{hints.get(section.id, '')}",
            section=section.id,
        )
    by_number = {i + 1: s for i, s in enumerate(fmt.sections)}
    renumbered: list[tuple[str, Section]] = []
    for raw, (num, title, _arabic) in parsed:
        titled = by_title.get(title)
        if titled is not None:
            if by_number.get(num) is not titled:
                renumbered.append((raw.strip(), titled))
            continue
        numbered = by_number.get(num)
        named = _section_by_words(fmt, title, present_words)
        if named is not None and numbered is not None and named is not numbered and numbered.table:
            # 四、存在问题及改进情况 after a left-out 行政复议 part: 五 numbered on, not a wrong 四
            renumbered.append((raw.strip(), named))
            continue
        if numbered is not None and title:
            yield finding(
                spec,
                f"标题“{raw.strip()}”与官方格式不一致，应为“{numbered.heading}”。",
                section=numbered.id,
                level=wording_level,
            )
    if renumbered:
        listed = "；".join(f"“{raw}”应为“{s.heading}”" for raw, s in renumbered[:6])
        yield finding(
            spec,
            f"一级标题的编号与官方格式不同：{listed}。六个部分应依次编为一、至六、。",
            section=renumbered[0][1].id,
            level=wording_level,
        )


def _table_missing(
    report: Report,
    section: Section,
    table: str,
    number: int,
    parsed: list[tuple[str, tuple[int, str, bool]]],
    by_title: Mapping[str, Section],
    words: Mapping[str, list[str]],
) -> bool:
    """An imported document that has no heading for a table's part and not one value of the
    table: the part is not there (a 统计局 report listing five parts, 行政复议 left out). A
    heading with the part's number counts unless its title is another part's (四、存在问题…)."""
    if not parsed:
        return False  # not imported, or its headings unknown: nothing says the part is missing
    if any(report.get(k) is not None for k in report.format.table(table).keys):
        return False
    for _raw, (num, title, _arabic) in parsed:
        titled = by_title.get(title) or _section_by_words(report.format, title, words)
        if titled is section or (num == number and titled is None):
            return False
    return True


def _section_by_words(fmt: ReportFormat, title: str, words: Mapping[str, list[str]]) -> Section | None:
    """The text part a heading's words name, whatever its wording (四、存在问题及改进情况)."""
    return next((s for s in fmt.sections if any(w in title for w in words.get(s.id, ()))), None)


def _sections_by_title(fmt: ReportFormat, accepted: Mapping[str, list[str]]) -> dict[str, Section]:
    titles = {compact(s.title): s for s in fmt.sections}
    for section in fmt.sections:
        titles.update((compact(t), section) for t in accepted.get(section.id, ()))
    return titles


def _present_elsewhere(
    report: Report,
    section: Section,
    number: int,
    parsed: list[tuple[str, tuple[int, str, bool]]],
    by_title: Mapping[str, Section],
    present_words: Mapping[str, list[str]],
) -> str:
    """Why a section with no text may be there after all (empty when nothing says so). A
    heading found with its official title but no text under it is no such sign: that
    section is empty (a blank template)."""
    numbers = {p[0] for _raw, p in parsed}
    if numbers and number not in numbers and min(numbers) < number < max(numbers):
        return f"原文的一级标题跳过了第{_CN_SMALL.get(number, str(number))}部分的编号"
    if any(by_title.get(p[1]) is not None and by_title[p[1]].id != _section_at(report, p[0]) for _raw, p in parsed):
        return "原文一级标题的编号与官方格式不同"
    words = present_words.get(section.id, ())
    for other in report.format.sections:
        text = text_of(report, other.text) if other.text and other.text != section.text else ""
        word = next((w for w in words if w in text), None)
        if word:
            return f"“{other.heading}”中有“{word}”"
    return ""


def _section_at(report: Report, number: int) -> str | None:
    sections_ = report.format.sections
    return sections_[number - 1].id if 0 < number <= len(sections_) else None


@rule_kind("overview_parts")
def overview_parts(report: Report, spec: RuleSpec) -> Iterator[Finding]:
    """总体情况 covers 主动公开、依申请公开、政府信息管理、平台建设、监督保障."""
    text = text_of(report, "overview")
    if not text:
        return  # a missing section is reported by R-SECTIONS
    fmt = report.format
    aliases: Mapping[str, list[str]] = spec.params.get("aliases", {})
    missing = [p for p in fmt.overview_parts if not any(w in text for w in (p, *aliases.get(p, ())))]
    if not missing:
        return
    parts, n = join(fmt.overview_parts), _CN_SMALL.get(len(fmt.overview_parts), str(len(fmt.overview_parts)))
    if len(missing) == len(fmt.overview_parts):
        what = f"没有写到总体情况应包括的{n}个方面：{parts}。"
    else:
        what = f"没有写到{join(missing)}。总体情况应包括{parts}{n}个方面，"
    yield finding(
        spec,
        f"“{_heading(fmt, 'overview')}”{what}可按（一）（二）……分别写。",
        section="overview",
    )


def _heading(fmt: ReportFormat, section_id: str) -> str:
    section: Section | None = next((s for s in fmt.sections if s.id == section_id), None)
    return section.heading if section else section_id


def _mentions(text: str, words: list[list[str]] | list[str]) -> list[str]:
    """The first word of every group none of whose words occurs in `text`."""
    groups = [[w] if isinstance(w, str) else w for w in words]
    return [g[0] for g in groups if not any(w in text for w in g)]


@rule_kind("government_assessment")
def government_assessment(report: Report, spec: RuleSpec) -> Iterator[Finding]:
    """A 人民政府 reports 工作考核、社会评议和责任追究结果 (条例第五十条第四项)."""
    p = spec.params
    if not is_government(report.meta.agency, p["agency_suffixes"]):
        return
    text = "".join(text_of(report, key) for key in p["sections"])
    missing = _mentions(text, p["words"])
    if not missing:
        return
    yield finding(
        spec,
        f"{report.meta.agency.strip()}是人民政府，报告应写明政府信息公开工作考核、社会评议和责任追究结果情况"
        f"（条例第五十条第四项），现在没有提到：{join(missing)}。通常写在总体情况的“监督保障”部分。",
        section="overview",
    )


@rule_kind("fee_statement")
def fee_statement(report: Report, spec: RuleSpec) -> Iterator[Finding]:
    """2021 format: 六 says whether 信息处理费 was charged and how much."""
    section = spec.params["section"]
    text = text_of(report, section)
    if not text or not _mentions(text, spec.params["words"]) or _any_pattern(text, spec.params.get("patterns", ())):
        return  # said in any of the ways real reports say it (未发生收费情况, 共计400元…)
    # said in another part (（三）政府信息公开收费情况：未收取信息处理费 under 总体情况): say where;
    # only 处理费 counts here (行政事业性收费 in 主动公开 is no fee statement)
    elsewhere = next((s for s in report.format.sections if s.text and s.text != section
                      and "处理费" in text_of(report, s.text)), None)
    where = f"（“{elsewhere.heading}”中写到了信息处理费，按年度报告格式应在六中说明）" if elsewhere else ""
    yield finding(
        spec,
        f"“{_heading(report.format, section)}”没有说明信息处理费的收取情况{where}。"
        "请写明本年度是否收取、收取多少，例如“本年度未收取信息处理费”。",
        section=section,
    )


@lru_cache(maxsize=64)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _any_pattern(text: str, patterns: list[str] | tuple[str, ...]) -> bool:
    return any(_compiled(p).search(text) for p in patterns)


@rule_kind("fee_link")
def fee_link(report: Report, spec: RuleSpec) -> Iterator[Finding]:
    """Applications dropped for an unpaid fee notice mean fees were asked: 六 should say so."""
    key, section = spec.params["key"], spec.params["section"]
    count = number(report.get(key))
    if count is None or count <= 0 or not _mentions(text_of(report, section), spec.params["words"]):
        return
    yield finding(
        spec,
        f"表三有 {as_int(count)} 件申请因逾期未缴纳信息处理费不再处理，说明本年发出过收费通知，"
        f"但“{_heading(report.format, section)}”没有提到信息处理费，请说明收费情况。",
        (key,),
        section,
    )


@rule_kind("partial_advice")
def partial_advice(report: Report, spec: RuleSpec) -> Iterator[Finding]:
    """A partly disclosed application counts once, under （二）部分公开 only."""
    key = spec.params["key"]
    count = number(report.get(key))
    if count is None or count <= 0:
        return
    yield finding(
        spec,
        f"本年有 {as_int(count)} 件部分公开。区分处理的申请只计入“（二）部分公开”，"
        "不要再在不予公开、无法提供等其他情形中重复统计。",
        (key,),
        "t3",
    )


@lru_cache(maxsize=256)
def _numbered_lines(text: str) -> tuple[str, ...]:
    return tuple(m.group(1) + "、" for m in _CN_NUMBERED_LINE.finditer(text))


@rule_kind("numbering")
def numbering(report: Report, spec: RuleSpec) -> Iterator[Finding]:
    """First-level headings are 一、…六、; a section does not number its own parts 一、二、."""
    fmt = report.format
    min_lines = int(spec.params.get("min_lines", 2))
    for key in spec.params["sections"]:
        raw = report.text.get(key)
        used = _numbered_lines(raw) if raw else ()
        if len(used) < min_lines:
            continue
        heading = _heading(fmt, key)
        yield finding(
            spec,
            f"“{heading}”用{''.join(f'“{u}”' for u in used[:4])}给自己的小标题编号，"
            "与报告的一级标题（一、至六、）重复；部分内的小标题应依次用（一）（二）（三）。",
            section=key,
        )
    arabic = [h.strip() for h in _headings(report) if (p := _parse_heading(h)) is not None and p[2]]
    if arabic:
        by_number = {i + 1: s for i, s in enumerate(fmt.sections)}
        first = _parse_heading(arabic[0])
        section = by_number.get(first[0] if first else 1, fmt.sections[0])
        yield finding(
            spec,
            f"一级标题{''.join(f'“{h}”' for h in arabic[:4])}用了阿拉伯数字编号，"
            f"一级标题应使用“一、”“二、”……，例如“{section.heading}”。",
            section=section.id,
        )
