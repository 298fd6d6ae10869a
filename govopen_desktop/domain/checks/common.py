"""Helpers every rule module shares: finding construction, labels, numbers, the prior."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from decimal import Decimal
from functools import lru_cache

from govopen_desktop.domain.errors import ValueInputError
from govopen_desktop.domain.findings import Finding, Level
from govopen_desktop.domain.fold import TO_SIMPLIFIED
from govopen_desktop.domain.formats import ReportFormat, RuleSpec
from govopen_desktop.domain.report import Report
from govopen_desktop.domain.values import Value, format_value, parse_value

# Sentence and clause boundaries of Chinese prose (for "same sentence" tests).
SENTENCE_END = "。！？!?；;\n"
_WS = re.compile(r"[\s\u00a0\u3000\u200b\ufeff]+")


def finding(
    spec: RuleSpec,
    message: str,
    cells: Iterable[str] = (),
    section: str | None = None,
    suggested: Mapping[str, Value] | None = None,
    level: str | None = None,
) -> Finding:
    """A finding of `spec` at its level (or `level` where the entry names another one)."""
    return Finding(
        rule=spec.id,
        level=Level(level or spec.level),
        message=message,
        cells=tuple(cells),
        section=section,
        suggested=dict(suggested or {}),
    )


def label(fmt: ReportFormat, key: str) -> str:
    f = fmt.fields.get(key)
    return f.label if f else key


def shown(value: Value) -> str:
    return "空" if value is None else format_value(value)


def number(value: Value) -> Decimal | None:
    """A cell value as a number, None for an empty cell or text."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return None
    if isinstance(value, int | Decimal):
        return Decimal(value)
    return None


def as_int(value: Decimal) -> int | Decimal:
    return int(value) if value == value.to_integral_value() else value


def total(report: Report, keys: Iterable[str]) -> Decimal | None:
    """Sum of `keys`, None when any of them is empty (empty is reported by its own rule)."""
    result = Decimal(0)
    for key in keys:
        n = number(report.get(key))
        if n is None:
            return None
        result += n
    return result


def filled_floor(report: Report, keys: Iterable[str]) -> Decimal | None:
    """What the filled cells of `keys` add up to at least, where some are empty: an empty total
    counts its filled parts, an empty input cell 0 (counts are never negative). A web page that
    leaves the 总计 column blank still shows 258 + 12 + 1 + 1 in its row. None when a cell
    holds a printed value that is not a number (its own rule reports it)."""
    result = Decimal(0)
    for key in keys:
        value = report.get(key)
        n = number(value)
        if n is not None:
            result += n
            continue
        if value is not None:
            return None
        field = report.format.fields.get(key)
        if field is not None and field.derived is not None:
            part = filled_floor(report, field.derived.terms)
            if part is None:
                return None
            result += part
    return result


def usable_prior(report: Report) -> Report | None:
    """Last year's report, when it is one: a prior of another year is not compared."""
    prior = report.prior
    if prior is None or prior.meta.year != report.meta.year - 1:
        return None
    return prior


@lru_cache(maxsize=512)
def compact(text: str) -> str:
    """Text without whitespace (clerks and converters sprinkle spaces inside words), its
    traditional characters folded (a site's 繁体 page)."""
    return _WS.sub("", text).translate(TO_SIMPLIFIED)


def text_of(report: Report, key: str) -> str:
    raw = report.text.get(key)
    return compact(raw) if raw else ""


def has_text(report: Report, key: str) -> bool:
    raw = report.text.get(key)
    return bool(raw and raw.strip())


def parse_count(text: str) -> int | None:
    """'5', '５', '五', '十二' -> int; anything else -> None."""
    try:
        value = parse_value(text, "count")
    except ValueInputError:
        return None
    return value if isinstance(value, int) else None


def source_info(report: Report) -> Mapping[str, object]:
    """What the importer recorded about the original document (may be absent or foreign)."""
    source = report.extra.get("source")
    return source if isinstance(source, Mapping) else {}


def join(items: Iterable[str]) -> str:
    return "、".join(items)


def is_government(agency: str, suffixes: list[str]) -> bool:
    """A 人民政府 itself (not one of its departments, e.g. 人民政府办公室)."""
    name = agency.strip()
    return any(name.endswith(s) for s in suffixes)
