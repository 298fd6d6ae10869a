"""The facts the text may state, against the tables — as data (the format file's `facts`).

Each number fact lists the phrasings that state it (regular expressions on the text without
spaces, `{n}` standing for a count with its unit, `{amount}` for an amount with 元/万元) and
the cells whose sum it must equal. Each claim lists the phrasings of a qualitative statement
(均获维持, 无被纠错…) and the cells that contradict it when they are above 0.

Conservative: only explicit statements count (an approximate number — 约, 余, 以上 — is not a
statement); a sentence with a scope word (其中, 市本级…) may be about part of the agency, so it
gives a warning quoting the sentence, never an error. Patterns are compiled once per format and
the statements found are cached per text, so the check stays fast while typing.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from govopen_desktop.domain.checks.common import as_int, compact, filled_floor, finding, label, total
from govopen_desktop.domain.checks.registry import rule_kind
from govopen_desktop.domain.findings import Finding
from govopen_desktop.domain.formats import FactsSpec, Phrasing, ReportFormat, RuleSpec, load_format
from govopen_desktop.domain.numerals import parse_chinese_number
from govopen_desktop.domain.report import Report

_CN = "零〇两一二三四五六七八九十百千万"
_SENTENCE = re.compile(r"[^。！？!?；;]+[。！？!?；;]?")  # clauses split at ， stay in one sentence
_QUOTE_MAX = 90


@dataclass(frozen=True)
class Vocabulary:
    """The format's facts, with each fact's and claim's patterns compiled."""

    facts: FactsSpec
    patterns: dict[Phrasing, tuple[re.Pattern[str], ...]]


@dataclass(frozen=True)
class Statement:
    """One statement found in a text: which fact or claim, the number (facts), the subject
    group (if the sentence names one), whether a scope word limits it, and the sentence
    (in quote marks, shortened around the statement when long)."""

    fact: str
    number: Decimal | None
    subject: str | None
    scoped: bool
    sentence: str


def _compile(pattern: str, units: Mapping[str, str]) -> re.Pattern[str]:
    count = rf"(?P<n>\d+|[{_CN}]+)(?:{units['count']})"
    amount = rf"(?P<n>\d+(?:\.\d+)?)(?P<unit>{units['amount']})"
    return re.compile(pattern.replace("{n}", count).replace("{amount}", amount))


@lru_cache(maxsize=16)
def vocabulary(format_id: str) -> Vocabulary:
    """The format's fact vocabulary, compiled once."""
    facts = load_format(format_id).facts
    return Vocabulary(
        facts,
        {f: tuple(_compile(p, facts.units) for p in f.patterns) for f in facts.phrasings},
    )


_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９．", "0123456789.")


@lru_cache(maxsize=256)
def _prose(text: str) -> str:
    """The text without spaces and line breaks (PDF copies break lines mid-sentence), digits
    half-width; punctuation stays as written, so a quote reads as the report has it."""
    return compact(text.translate(_FULL_WIDTH_DIGITS))


def _number(text: str) -> Decimal | None:
    if text.isdigit():
        return Decimal(text) if len(text) <= 12 else None
    if re.fullmatch(r"\d+\.\d+", text):
        return Decimal(text) if len(text) <= 20 else None
    n = parse_chinese_number(text)
    return None if n is None else Decimal(n)


def _quote(sentence: str, start: int, end: int) -> str:
    """The sentence in quote marks, or the part of a long one around the statement with the
    ellipses outside the marks (so the quote is found in the text as it stands)."""
    sentence = sentence.rstrip("。；;")
    if len(sentence) <= _QUOTE_MAX:
        return f"“{sentence}”"
    left = max(0, min(start - 40, len(sentence) - _QUOTE_MAX))
    right = min(len(sentence), max(end + 20, left + _QUOTE_MAX))
    return ("…" if left else "") + f"“{sentence[left:right]}”" + ("…" if right < len(sentence) else "")


def _masked_words(text: str, masks: Sequence[str]) -> str:
    """`text` with each of `masks` blanked out."""
    for mask in masks:
        if mask in text:
            text = text.replace(mask, "·" * len(mask))
    return text


def _masked(sentence: str, masks: Sequence[str]) -> str:
    """`sentence` with the words where 复议 names no 复议 case blanked out (复议后起诉 keeps
    its 起诉), same length so positions still match."""
    for mask in masks:
        if mask in sentence:
            kept = "起诉" if mask.endswith("起诉") else ""
            sentence = sentence.replace(mask, "·" * (len(mask) - len(kept)) + kept)
    return sentence


def _subject(sentence: str, upto: int, subjects: Sequence[tuple[str, tuple[str, ...]]]) -> str | None:
    """The subject word named last before `upto` (复议 in "行政复议3件，维持2件")."""
    best, where = None, -1
    for word, _cells in subjects:
        at = sentence.rfind(word, 0, upto)
        if at > where:
            best, where = word, at
    return best


def _only_subject(sentence: str, subjects: Sequence[tuple[str, tuple[str, ...]]]) -> str | None:
    """The subject a sentence names, when all the words it names mean the same cells."""
    named = [(word, cells) for word, cells in subjects if word in sentence]
    return named[0][0] if named and len({cells for _w, cells in named}) == 1 else None


@lru_cache(maxsize=512)
def statements(format_id: str, text: str) -> tuple[Statement, ...]:
    """Every statement of a fact or a claim in `text`, in text order (cached per text).

    Each pattern scans the whole text once (not sentence by sentence: that is what keeps a
    keystroke's check fast); a hit belongs to the sentence it starts in and must end there."""
    vocab = vocabulary(format_id)
    facts = vocab.facts
    prose = _prose(text)
    spans = [m.span() for m in _SENTENCE.finditer(prose)]
    starts = [a for a, _b in spans]
    def sentence_at(pos: int, end: int) -> tuple[int, str, bool] | None:
        """The sentence a hit stands in, and whether a scope word limits it: one that comes
        before the hit's end (in "共收到申请10件，其中本机关5件" 其中 limits the 5, not the 10)
        and is not part of a phrase that limits nothing (因本机关不掌握等原因无法提供)."""
        i = bisect_right(starts, pos) - 1
        if i < 0 or end > spans[i][1]:
            return None
        a, _b = spans[i]
        upto = _masked_words(prose[a:end], facts.scope_masks)
        return a, prose[a : spans[i][1]], any(w in upto for w in facts.scope_words)

    found: list[tuple[int, Statement]] = []
    taken: list[tuple[int, int]] = []  # spans already read: 予以公开及部分公开 before 部分公开
    for fact in facts.numbers:
        for pattern in vocab.patterns[fact]:
            for hit in pattern.finditer(prose):
                start, end = hit.span()
                where = sentence_at(start, end)
                if where is None or any(s < end and start < e for s, e in taken):
                    continue
                offset, sentence, scoped = where
                if any(w in sentence for w in fact.exclude):
                    continue  # 公文公开属性: 主动公开98件，不予公开46件 counts documents, not applications
                if fact.requires and not any(w in sentence for w in fact.requires):
                    continue  # 受理政务服务申请1600件，办结1500件: not about disclosure applications
                before = prose[max(offset, hit.start("n") - 2) : hit.start("n")]
                after = prose[end : end + 2]
                approx = any(w in before for w in facts.approx_before)
                if approx or any(after.startswith(w) for w in facts.approx_after):
                    continue  # 约 300 件, 300 件以上: not an exact statement
                value = _number(hit.group("n"))
                if value is None:
                    continue
                if fact.kind == "amount" and hit.group("unit") == "元":
                    value = value / 10000  # the tables count amounts in 万元
                taken.append((start, end))
                subject = _subject(_masked(sentence, facts.subject_masks), start - offset, fact.subjects)
                found.append((start, Statement(
                    fact.id, value, subject, scoped, _quote(sentence, start - offset, end - offset)
                )))
    for claim in facts.claims:
        said: set[int] = set()
        for pattern in vocab.patterns[claim]:
            for hit in pattern.finditer(prose):
                start, end = hit.span()
                where = sentence_at(start, end)
                if where is None or where[0] in said:
                    continue
                offset, sentence, scoped = where
                if any(w in sentence for w in claim.exclude):
                    continue
                if claim.requires and not any(w in sentence for w in claim.requires):
                    continue  # 网站访问量均维持在较高水平: not about cases
                said.add(offset)
                subject = _only_subject(_masked(sentence, facts.subject_masks), claim.subjects)
                found.append((start, Statement(
                    claim.id, None, subject, scoped, _quote(sentence, start - offset, end - offset)
                )))
    found.sort(key=lambda item: item[0])
    return tuple(st for _pos, st in found)


Subjects = Sequence[tuple[str, tuple[str, ...]]]


def _cells_for(cells: tuple[str, ...], subjects: Subjects, subject: str | None) -> tuple[str, ...]:
    if subject is not None:
        return dict(subjects)[subject]
    return cells


def _table_of(key: str) -> str:
    return key.split(".", 1)[0]


def _named(fmt: ReportFormat, keys: Sequence[str]) -> str:
    number = {t.id: t.number for t in fmt.tables}
    group = _group_name(fmt, keys)
    if group is not None:
        return f"表{number.get(_table_of(keys[0]), '')}{group}"
    return "＋".join(f"表{number.get(_table_of(k), '')}“{label(fmt, k)}”" for k in keys)


def _group_name(fmt: ReportFormat, keys: Sequence[str]) -> str | None:
    """The rows of one printed group named once: “三、本年度办理结果 · （三）不予公开”8 项的“总计”
    rather than eight full labels joined by ＋ (three or more rows differing in one part)."""
    parts = [label(fmt, k).split(" · ") for k in keys]
    if len(keys) < 3 or len({len(p) for p in parts}) != 1 or len(parts[0]) < 3:
        return None
    differing = [i for i in range(len(parts[0])) if len({p[i] for p in parts}) > 1]
    if len(differing) != 1 or differing[0] in (0, len(parts[0]) - 1):
        return None
    i = differing[0]
    return f"“{' · '.join(parts[0][:i])}”{len(keys)} 项的“{' · '.join(parts[0][i + 1:])}”"


@rule_kind("text_facts")
def text_facts(report: Report, spec: RuleSpec) -> Iterator[Finding]:
    """A number the text states (现行有效行政规范性文件393件) equals its cell or sum."""
    fmt = report.format
    facts = {f.id: f for f in fmt.facts.numbers}
    scoped_level = spec.params.get("scoped_level", "warning")
    seen: set[tuple[str, str, Decimal | None, str | None]] = set()
    for key, st in _section_statements(report, spec):
        fact = facts.get(st.fact)
        if fact is None or (key, st.fact, st.number, st.subject) in seen:
            continue
        seen.add((key, st.fact, st.number, st.subject))  # each statement once, agreeing or not
        if fact.subjects and st.subject is None and not fact.cells:
            continue  # 维持2件 without saying whether 复议 or 诉讼
        cells = _cells_for(fact.cells, fact.subjects, st.subject)
        if st.number is None:
            continue
        actual = total(report, cells)
        if actual is None:
            # cells left empty: the filled ones still prove the text wrong when they alone
            # add up to more than it says (a page printing 258 ... but no 总计)
            at_least = filled_floor(report, cells)
            if at_least is None or at_least <= st.number:
                continue
            table_says = f"没有填完，已填的各栏合计已有 {as_int(at_least)}，比文字所说的多"
        elif actual == st.number:
            continue
        else:
            table_says = f"{'合计' if len(cells) > 1 else '是'} {as_int(actual)}"
        yield finding(
            spec,
            f"“{fmt.text_heading(key)}”写{st.sentence}，说{fact.name}是 {as_int(st.number)}，"
            f"但{_named(fmt, cells)}{table_says}。"
            f"请核对文字和表格，使两者一致。{_scope_note(st)}",
            cells,
            key,
            level=scoped_level if st.scoped else None,
        )


@rule_kind("text_claims")
def text_claims(report: Report, spec: RuleSpec) -> Iterator[Finding]:
    """A qualitative statement (均获维持, 无被纠错, 均已办结) the tables contradict."""
    fmt = report.format
    claims = {c.id: c for c in fmt.facts.claims}
    scoped_level = spec.params.get("scoped_level", "warning")
    seen: set[tuple[str, str, str | None]] = set()
    named: set[tuple[str, str, str]] = set()  # (text, sentence, cell) already shown against a claim
    for key, st in _section_statements(report, spec):
        claim = claims.get(st.fact)
        if claim is None or (key, st.fact, st.subject) in seen:
            continue
        cells = _cells_for(claim.cells, claim.subjects, st.subject)
        if st.subject is None and claim.subjects:
            # 诉讼 and 起诉 name the same cells: each cell once
            cells = tuple(dict.fromkeys(k for _w, group in claim.subjects for k in group))
        positive = [(k, n) for k in cells if (n := _at_least(report, k)) is not None and n > 0]
        if not positive or all((key, st.sentence, k) in named for k, _n in positive):
            continue  # 均获维持，继续保持零败诉: one sentence, one cell against it, one finding
        seen.add((key, st.fact, st.subject))
        named.update((key, st.sentence, k) for k, _n in positive)
        listed = "，".join(f"{_named(fmt, [k])} {as_int(n)}" for k, n in positive)
        yield finding(
            spec,
            f"“{fmt.text_heading(key)}”写{st.sentence}，{claim.says}，但{listed}。"
            f"{claim.advice or '请核对文字和表格，使两者一致。'}{_scope_note(st)}",
            [k for k, _ in positive],
            key,
            level=scoped_level if st.scoped else claim.level,
        )


def _at_least(report: Report, key: str) -> Decimal | None:
    """The cell's value, or for an empty total what its filled parts add up to."""
    value = total(report, [key])
    return value if value is not None else filled_floor(report, [key])


def _section_statements(report: Report, spec: RuleSpec) -> Iterator[tuple[str, Statement]]:
    """(text key, statement) for every statement of the sections the rule reads."""
    for key in spec.params["sections"]:
        raw = report.text.get(key)
        if raw:
            for st in statements(report.format.id, raw):
                yield key, st


def _scope_note(st: Statement) -> str:
    return "（句中有限定范围的词，可能只说其中一部分，请核对）" if st.scoped else ""
