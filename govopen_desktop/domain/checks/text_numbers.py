"""What the text says in numbers, against the tables: applications, 复议/诉讼, the year."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from functools import lru_cache

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
from govopen_desktop.domain.formats import RuleSpec
from govopen_desktop.domain.report import Report

_NUM = r"(\d+|[零〇一二两三四五六七八九十百千]+)"
_UNIT = r"(?:件|个|份|宗|起|条|次)"
_KIND = r"(?:政府信息公开|政务信息公开|信息公开|依申请公开)"
_GAP = r"[^，,。；;！？!?、：:（）()]{0,16}?"
_RECEIVE = r"(?:新收到|收到|受理|接到|接收|新收)"
_APPLICATIONS = (
    # 共收到政府信息公开申请5件 / 收到申请共5件
    re.compile(
        _RECEIVE + r"(?:了)?(?P<gap>" + _GAP + r")申请(?:共|合计|总计|共计|数量为|数量|数为|量为|量|为)*" + _NUM + _UNIT
    ),
    # 收到5件政府信息公开申请
    re.compile(_RECEIVE + r"(?:了)?(?:各类)?(?:共|合计)?" + _NUM + _UNIT + r"(?:的)?" + _KIND + r"?(?:的)?申请"),
    # 受理依申请公开3件, 收到政府信息依申请公开1499件
    re.compile(_RECEIVE + r"(?:政府信息|政务信息)?依申请公开(?:政府信息)?(?:共|合计|共计)?" + _NUM + _UNIT),
    # 街道发生依申请公开1次
    re.compile(r"发生(?:政府信息)?依申请公开(?:申请)?(?:共)?" + _NUM + r"(?:件|次|起)"),
)
_NO_APPLICATIONS_MADE = re.compile(  # 未接到提出公开政府信息的申请, 未收到申请人提出的依申请公开
    r"(?:未|没有|尚无|无)" + _RECEIVE + r"(?:到)?(?:任何)?(?:申请人|公民、法人或者其他组织|公民|群众)?提出(?:的)?"
    r"(?:公开政府信息|政府信息公开|信息公开)?(?:的)?(?:申请|依申请公开)(?!人)"
    # 未收到依申请公开事项
    r"|(?:未|没有|尚无|无)" + _RECEIVE + r"(?:到)?(?:任何)?(?:政府信息)?依申请公开(?:的)?事项"
)
_NO_APPLICATIONS = re.compile(
    r"(?:未|没有|尚无|无)" + _RECEIVE + r"?(?:到)?(?:任何)?(?:形式的|类型的)?" + _KIND + r"?(?:的)?申请(?!人)"
)
# 行政复议和行政诉讼共3件 (one number for both), 行政复议、行政诉讼各1件 (each)
_JOINT_CASES = re.compile(
    r"(?:行政复议|行政诉讼)(?:案件)?[和与及、或](?:提起)?(?:行政复议|行政诉讼)(?:案件)?(?P<each>各)?(?:共|合计|总计|共计)*"
    + _NUM + _UNIT
)
_CASES = (
    # 信息公开类行政复议7件，诉讼9件: a bare 诉讼 listed after 行政复议
    re.compile(r"行政复议[^。；;！？]{0,24}?[，,、和及与](?P<what>诉讼)(?:案件|案)?(?:共|合计)*" + _NUM + _UNIT),
    re.compile(r"(?P<what>行政复议|行政诉讼)(?:申请|案件|案)?(?:共|合计|总计|数量为|为)*" + _NUM + _UNIT),
    re.compile(_NUM + _UNIT + r"(?:政府信息公开)?(?:类)?(?:的)?(?P<what>行政复议|行政诉讼)"),
)
_NO_CASES = re.compile(
    r"(?:未|没有|无)(?P<verb>发生|出现|收到|产生|接到|遇到|涉及|被|有)?(?P<gap>" + _GAP + r")"
    r"(?P<what>(?:行政复议|行政诉讼)(?:[和与及、或](?:提起)?(?:行政复议|行政诉讼))?)(?P<tail>(?:的)?(?:情况|案件|情形|事项))?"
)
_NOT_ALL_APPLICATIONS = (
    "复议", "诉讼", "上年", "结转", "自然人", "法人", "企业", "机构", "组织", "个人", "其中", "涉及",
    # one channel of several ("收到群众网上申请105件，快递17件，合计122件")
    "网上", "在线", "网络", "当面", "现场", "窗口", "信函", "邮寄", "快递", "传真", "电子邮件", "邮件", "电话",
)
# what may stand between 收到 and 申请 without naming what is applied for (共收到申请5件 in the
# 依申请公开 paragraph is about disclosure applications)
_PLAIN_GAPS = frozenset({"共", "共计", "总共", "合计", "的", "各类", "了"})
# what may stand between 未/没有/无 and 行政复议 in a statement that there were none
_NO_CASES_GAP = re.compile(
    r"(?:因|涉及|关于|针对|政府信息公开|政务信息公开|政务公开|信息公开|依申请公开|方面|工作|引起|引发|导致"
    r"|的|而|被|申请|提起|发生|产生|出现|相关|答复|问题|类|任何)*"
)
# 办理/受理/审结 right before 行政复议: the body reports the reviews it handles as 复议机关
# (收到行政复议申请2件 is how departments report the reviews of their own decisions: still read)
_REVIEW_ORGAN_WORK = re.compile(r"(?:办理|受理|审理|审结|办结|承办|处理)(?:了)?(?:各类)?(?:的)?$")
_CLAUSE_END = "，,。；;！？!?"


def _clause(prose: str, at: int) -> str:
    """The clause (between commas) that `at` stands in."""
    left = max(prose.rfind(c, 0, at) for c in _CLAUSE_END)
    rights = [i for c in _CLAUSE_END if (i := prose.find(c, at)) >= 0]
    return prose[left + 1 : min(rights) if rights else len(prose)]


BOTH = "复议和诉讼"  # a number the text gives for 复议 and 诉讼 together
_PERIOD = re.compile(r"(\d{4})年1月1日(?:起)?(?:至|到|—|-|～|~)(?:(\d{4})年)?12月31日")
_TITLE_YEAR = re.compile(r"(\d{4})年")


_HALF_WIDTH = str.maketrans("０１２３４５６７８９－～", "0123456789-~")


@lru_cache(maxsize=256)
def _prose(text: str) -> str:
    """The text without spaces, digits half-width; punctuation as written, so a quote reads
    as the report has it (行政复议7件，诉讼9件, not 行政复议7件,诉讼9件)."""
    return compact(text.translate(_HALF_WIDTH))


def _quote(text: str, start: int, end: int) -> str:
    return text[start:end]


@lru_cache(maxsize=256)
def application_claims(text: str) -> tuple[tuple[int, str], ...]:
    """(number, quoted words) for every statement of how many applications came in."""
    prose = _prose(text)
    claims: list[tuple[int, str]] = []
    for pattern in _APPLICATIONS:
        for m in pattern.finditer(prose):
            gap = m.groupdict().get("gap") or ""
            if any(w in gap for w in _NOT_ALL_APPLICATIONS):
                continue  # a number about something else, or about one kind of applicant
            if gap and "公开" not in gap and gap not in _PLAIN_GAPS:
                continue  # 受理政务服务申请1600件, 受理各类许可申请: applications, but not for disclosure
            n = parse_count(m.group(m.lastindex or 0))
            if n is not None:
                claims.append((n, _quote(prose, m.start(), m.end())))
    for pattern in (_NO_APPLICATIONS, _NO_APPLICATIONS_MADE):
        claims.extend((0, _quote(prose, m.start(), m.end())) for m in pattern.finditer(prose))
    return tuple(claims)


@lru_cache(maxsize=256)
def case_claims(text: str) -> tuple[tuple[str, int, str], ...]:
    """('复议', '诉讼' or both (BOTH), number, quoted words) for what the text says about t4 cases."""
    prose = _prose(text)
    claims: list[tuple[str, int, str]] = []
    joint: list[tuple[int, int]] = []
    for m in _JOINT_CASES.finditer(prose):
        n = parse_count(m.group(m.lastindex or 0))
        if n is not None:
            joint.append(m.span())
            quoted = _quote(prose, m.start(), m.end())
            claims.extend([("复议", n, quoted), ("诉讼", n, quoted)] if m.group("each") else [(BOTH, n, quoted)])
    for pattern in _CASES:
        for m in pattern.finditer(prose):
            if any(a <= m.start() < b for a, b in joint):
                continue  # the second half of 行政复议和行政诉讼共3件: a number for both
            organ = _REVIEW_ORGAN_WORK.search(prose, max(0, m.start() - 8), m.start())
            if organ and "信息公开" not in _clause(prose, m.start()):
                continue  # 共办理行政复议案件120件: a 复议机关's work, not cases about this agency's disclosure
            n = parse_count(next(g for g in m.groups() if g and g != m.group("what")))
            if n is not None:
                claims.append((m.group("what")[-2:], n, _quote(prose, m.start(), m.end())))
    for m in _NO_CASES.finditer(prose):
        if "未经复议" in prose[m.start() : m.end() + 2] or "经复议" in m.group("gap"):
            continue  # the column label 未经复议直接起诉
        if not (m.group("verb") or m.group("tail") or _NO_CASES_GAP.fullmatch(m.group("gap"))):
            continue  # "对未按期答复的可依法申请行政复议": advice, not a statement about cases
        quoted = _quote(prose, m.start(), m.end())
        claims.extend((what, 0, quoted) for what in ("复议", "诉讼") if what in m.group("what"))
    return tuple(claims)


def _written_in(report: Report, key: str) -> str:
    """“一、总体情况”写 — the part the quoted words stand in, as R-FACTS names it."""
    section = next((s for s in report.format.sections if s.text == key), None)
    return f"“{section.heading}”写" if section else "文字中写"


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
    for key in p["sections"]:
        raw = report.text.get(key)
        if not raw:
            continue
        seen: set[int] = set()
        for claimed, quoted in application_claims(raw):
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
    for key in p["sections"]:
        raw = report.text.get(key)
        if not raw:
            continue
        reported: set[tuple[str, int]] = set()
        for what, claimed, quoted in case_claims(raw):
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
def period_years(text: str, context: tuple[str, ...]) -> tuple[tuple[int, str], ...]:
    """Years of every statistics period (YYYY年1月1日至12月31日) stated as such."""
    prose = _prose(text)
    found: list[tuple[int, str]] = []
    for m in _PERIOD.finditer(prose):
        if not any(w in _sentence_around(prose, m.start(), m.end()) for w in context):
            continue  # a date range that is not the report's statistics period
        found.extend((int(y), m.group(0)) for y in m.groups() if y)
    return tuple(found)


@rule_kind("statistics_year")
def statistics_year(report: Report, spec: RuleSpec) -> Iterator[Finding]:
    """The statistics period and the title state the year the report is for."""
    year = report.meta.year
    context = tuple(spec.params["context"])
    for key in spec.params["sections"]:
        raw = report.text.get(key)
        if not raw:
            continue
        wrong = sorted({(y, q) for y, q in period_years(raw, context) if y != year})
        if wrong:
            y, quoted = wrong[0]
            yield finding(
                spec,
                f"文字中的统计期限“{quoted}”是 {y} 年，本报告是 {year} 年度报告。"
                f"统计期限应为{year}年1月1日至12月31日。",
                section=key,
            )
    title = source_info(report).get("title")
    if isinstance(title, str) and (m := _TITLE_YEAR.search(_prose(title))) and int(m.group(1)) != year:
        yield finding(
            spec,
            f"报告标题“{title.strip()}”写的是 {m.group(1)} 年，本报告是 {year} 年度报告，请统一年度。",
            section="meta",
        )
