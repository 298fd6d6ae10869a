"""Draft text a clerk starts from, filled from the drafting templates of the report's format
file ("drafts"): the opening paragraph under the title, the 总体情况 outline, the 依申请公开
paragraph from table 3's numbers, the 信息处理费 sentence. The templates name cells by key (glob
patterns allowed); nothing here knows a row or column of the official tables.

A template's `{name}` is one of: `year`, `agency` (or its `defaults` entry when empty),
`format_name` and `document` (the format's name and the circular that issued it), a `sums`
entry (the sum of the cells it lists, unknown cells as 0), a `lists` entry (the labelled items
whose sum is not 0, joined with "、", put into `wrap`; `empty` when none is), or a
`section_titles` entry (the titles of the format's six sections, joined with its separator).
The first of `variants` whose `if` sum is not 0 replaces the template. `then` names sentences
the domain adds when it has them (`register_time_limits`: the time limits kept, from a register)."""

from __future__ import annotations

from collections.abc import Callable
from fnmatch import fnmatchcase
from typing import Any

from govopen_desktop.domain.numerals import chinese_numeral
from govopen_desktop.domain.report import Report
from govopen_desktop.domain.values import Value

_PLACEHOLDER_OPEN, _PLACEHOLDER_CLOSE = "{", "}"


def _register_sentence(report: Report) -> str | None:
    from govopen_desktop.domain.register.provenance import register_sentence  # the register package on use

    return register_sentence(report)


SENTENCES: dict[str, Callable[[Report], str | None]] = {"register_time_limits": _register_sentence}


def draft_text(report: Report, draft_id: str) -> str:
    """The text of the drafting template `draft_id` of the report's format, for this report."""
    spec = report.format.drafts[draft_id]
    if "outline" in spec:
        return _outline(report, spec)
    sums = {name: _sum(report, patterns) for name, patterns in spec.get("sums", {}).items()}
    template: str = spec["template"]
    for variant in spec.get("variants", []):
        if sums.get(variant["if"]):
            template = variant["template"]
            break
    defaults: dict[str, str] = spec.get("defaults", {})
    titles = [section.title for section in report.format.sections]
    values: dict[str, str] = {
        "year": str(report.meta.year),
        "agency": report.meta.agency.strip() or defaults.get("agency", ""),
        "format_name": report.format.name,
        "document": report.format.document,
        **{name: str(separator).join(titles) for name, separator in spec.get("section_titles", {}).items()},
        **{name: str(n) for name, n in sums.items()},
        **{name: _list(report, lst) for name, lst in spec.get("lists", {}).items()},
    }
    return _fill(template, values) + "".join(SENTENCES[name](report) or "" for name in spec.get("then", []))


def new_report_texts(report: Report) -> dict[str, str]:
    """The text sections a new report starts with (text key -> draft), as the format says."""
    return {key: draft_text(report, draft) for key, draft in report.format.new_report_text.items()}


def _outline(report: Report, spec: dict[str, Any]) -> str:
    parts: tuple[str, ...] = getattr(report.format, spec["outline"])
    items = [_fill(spec["item"], {"number": chinese_numeral(i + 1), "name": name}) for i, name in enumerate(parts)]
    return str(spec.get("separator", "")).join(items) + str(spec.get("end", ""))


def _n(value: Value) -> int:
    return int(value) if isinstance(value, int) else 0


def _keys(report: Report, patterns: list[str]) -> list[str]:
    keys: list[str] = []
    for pattern in patterns:
        if any(ch in pattern for ch in "*?["):
            keys += [k for k in report.format.fields if fnmatchcase(k, pattern) and k not in keys]
        elif pattern in report.format.fields and pattern not in keys:
            keys.append(pattern)
    return keys


def _sum(report: Report, patterns: list[str]) -> int:
    return sum(_n(report.cells.get(k)) for k in _keys(report, patterns))


def _list(report: Report, spec: dict[str, Any]) -> str:
    items = [(label, _sum(report, patterns)) for label, patterns in spec["items"]]
    shown = "、".join(f"{label}{n}件" for label, n in items if n)
    return _fill(spec.get("wrap", "{items}"), {"items": shown}) if shown else str(spec.get("empty", ""))


def _fill(template: str, values: dict[str, str]) -> str:
    """Replace each `{name}`; an unknown name stays as written (a format file's typo shows)."""
    out: list[str] = []
    i = 0
    while i < len(template):
        start = template.find(_PLACEHOLDER_OPEN, i)
        end = template.find(_PLACEHOLDER_CLOSE, start + 1) if start >= 0 else -1
        if start < 0 or end < 0:
            out.append(template[i:])
            break
        name = template[start + 1 : end]
        out.append(template[i:start])
        out.append(values.get(name, template[start : end + 1]))
        i = end + 1
    return "".join(out)
