"""Text left from a template or from last year: placeholders, last year's year in a sentence
about this year's period or fee."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from govopen_desktop.domain.checks.common import compact, finding
from govopen_desktop.domain.checks.registry import rule_kind
from govopen_desktop.domain.findings import Finding
from govopen_desktop.domain.formats import ReportFormat, RuleSpec
from govopen_desktop.domain.report import Report

_SENTENCE = re.compile(r"[^。！？!?；;\n]+")
_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def _heading(fmt: ReportFormat, key: str) -> str:
    # a section's heading, a front text's title (开头说明), a table's note (四、…（表下说明）)
    return fmt.text_heading(key)


def _sections(report: Report, spec: RuleSpec) -> Iterator[tuple[str, str]]:
    for key in spec.params["sections"]:
        raw = report.text.get(key)
        if raw:
            yield key, raw


@rule_kind("placeholder")
def placeholder(report: Report, spec: RuleSpec) -> Iterator[Finding]:
    """Placeholder text of a template (（文字描述）, 此处填写) is not content."""
    words: list[str] = spec.params["words"]
    for key, raw in _sections(report, spec):
        text = compact(raw)
        word = next((w for w in words if w in text), None)
        if word is None:
            continue
        at = text.index(word)
        shown = text[max(0, at - 10) : at + len(word) + 20]
        yield finding(
            spec,
            f"“{_heading(report.format, key)}”中还有模板的占位文字“{shown}”，请换成本单位本年度的实际内容。",
            section=key,
        )


@lru_cache(maxsize=256)
def previous_year_sentences(
    text: str, year: int, fee_words: tuple[str, ...], period_after: tuple[str, ...],
    not_before: tuple[str, ...], not_after: tuple[str, ...],
) -> tuple[str, ...]:
    """Sentences about the report period or the fee that state last year (`year` − 1)."""
    prose = text.translate(_FULL_WIDTH_DIGITS)
    last = f"{year - 1}年"
    found: list[str] = []
    for m in _SENTENCE.finditer(prose):
        sentence = compact(m.group(0))
        at = sentence.find(last)
        while at >= 0:
            before, after = sentence[max(0, at - 2) : at], sentence[at + len(last) :]
            digit_before = at > 0 and sentence[at - 1].isdigit()
            plain = not digit_before and not any(before.endswith(w) for w in not_before) and not any(
                after.startswith(w) for w in not_after
            )
            about_period = at <= 12 and any(after.startswith(w) for w in period_after)
            about_fee = any(w in sentence for w in fee_words)
            if plain and (about_period or about_fee):
                found.append(sentence)
                break
            at = sentence.find(last, at + 1)
    return tuple(found)


@rule_kind("previous_year_text")
def previous_year_text(report: Report, spec: RuleSpec) -> Iterator[Finding]:
    """"2024年，无收取信息处理费情况。" in a 2025 report: text carried over from last year."""
    p = spec.params
    year = report.meta.year
    args = tuple(tuple(p[k]) for k in ("fee_words", "period_after", "not_before", "not_after"))
    for key, raw in _sections(report, spec):
        sentences = previous_year_sentences(raw, year, *args)
        if not sentences:
            continue
        quoted = f"“{sentences[0]}”" if len(sentences[0]) <= 80 else f"“{sentences[0][:80]}”…"
        more = f"（另有 {len(sentences) - 1} 句）" if len(sentences) > 1 else ""
        yield finding(
            spec,
            f"“{_heading(report.format, key)}”写{quoted}{more}，说的是 {year - 1} 年，本报告是 {year} 年度报告。"
            f"如是沿用上年的文字，请改为 {year} 年。",
            section=key,
        )
