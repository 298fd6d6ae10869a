"""What the checker says about a report: one finding per problem, tied to cells or a section."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from govopen_desktop.domain.read_only import ReadOnly
from govopen_desktop.domain.values import Value, format_value

if TYPE_CHECKING:
    from govopen_desktop.domain.format_model import ReportFormat


class Level(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def label(self) -> str:
        return {"error": "错误", "warning": "警告", "info": "提示"}[self.value]


LEVEL_ORDER = {Level.ERROR: 0, Level.WARNING: 1, Level.INFO: 2}


class Finding(ReadOnly):
    """`cells` are canonical keys; `section` a section id (overview, t3, other…);
    `suggested` maps a key to the value the checker can compute for it; `accepted` is the
    clerk's note (说明) when a warning or a hint was accepted as true but expected.

    Immutable; equal when every field is. A plain class, not a frozen dataclass: it is defined
    at every window start, where a frozen dataclass compiles its methods from source."""

    __slots__ = ("accepted", "cells", "level", "message", "rule", "section", "suggested")
    FIELDS = ("rule", "level", "message", "cells", "section", "suggested", "accepted")  # as __init__ takes them
    rule: str
    level: Level
    message: str
    cells: tuple[str, ...]
    section: str | None
    suggested: dict[str, Value]
    accepted: str | None

    def __init__(self, rule: str, level: Level, message: str, cells: tuple[str, ...] = (),
                 section: str | None = None, suggested: dict[str, Value] | None = None,
                 accepted: str | None = None) -> None:
        values = (rule, level, message, cells, section, {} if suggested is None else suggested, accepted)
        for name, value in zip(Finding.FIELDS, values, strict=True):
            object.__setattr__(self, name, value)

    def _fields(self) -> tuple[Any, ...]:
        return (self.rule, self.level, self.message, self.cells, self.section, self.suggested, self.accepted)

    def replace(self, **changes: Any) -> Finding:
        """The same finding with the fields named changed."""
        fields = dict(zip(Finding.FIELDS, self._fields(), strict=True))
        unknown = set(changes) - set(fields)
        if unknown:
            raise TypeError(f"Finding has no field {sorted(unknown)[0]}")
        return Finding(**(fields | changes))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Finding):
            return NotImplemented
        return self._fields() == other._fields()

    __hash__ = None  # type: ignore[assignment]  # `suggested` is a dict: as with the dataclass it was

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={value!r}" for name, value in zip(Finding.FIELDS, self._fields(), strict=True))
        return f"Finding({shown})"

    def __reduce__(self) -> tuple[type[Finding], tuple[Any, ...]]:
        return Finding, self._fields()

    @property
    def can_be_accepted(self) -> bool:
        """Errors must be corrected; only warnings and hints can be explained."""
        return self.level != Level.ERROR

    def to_json(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "level": self.level.value,
            "cells": list(self.cells),
            "section": self.section,
            "message": self.message,
            "suggested": {k: _json_value(v) for k, v in self.suggested.items()} or None,
            "accepted": self.accepted,
        }


def finding_key(finding: Finding) -> str:
    """What an acceptance is stored under: the rule and the cells (or the section) it is about,
    so the note follows the finding while its message (numbers in it) changes."""
    return f"{finding.rule}|{','.join(finding.cells) or finding.section or ''}"


def apply_acceptances(findings: list[Finding], acceptances: Mapping[str, str]) -> list[Finding]:
    """Mark the warnings and hints the clerk explained; an error stays open whatever is stored."""
    if not acceptances:
        return findings
    out: list[Finding] = []
    for f in findings:
        note = acceptances.get(finding_key(f))
        out.append(f.replace(accepted=note) if note and f.can_be_accepted else f)
    return out


def _json_value(value: Value) -> int | float | str | None:
    if value is None or isinstance(value, int | str):
        return value
    text = format_value(value)
    return int(text) if text.lstrip("-").isdigit() else float(text)


def sort_findings(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: LEVEL_ORDER[f.level])


def count_levels(findings: list[Finding]) -> dict[Level, int]:
    """Open findings per level: an accepted (已说明) warning no longer counts."""
    counts = dict.fromkeys(Level, 0)
    for f in findings:
        if f.accepted is None:
            counts[f.level] += 1
    return counts


def count_accepted(findings: list[Finding]) -> int:
    return sum(1 for f in findings if f.accepted is not None)


def part_heading(fmt: ReportFormat, finding: Finding) -> str:
    """The heading of the part a finding is about: its section, or its first cell's table;
    封面信息 for the cover, 全文 for the whole report."""
    section_id = finding.section
    if section_id is None and finding.cells and finding.cells[0] in fmt.fields:
        section_id = fmt.fields[finding.cells[0]].table
    for section in fmt.all_parts:
        if section_id in (section.id, section.table, section.text, section.note):
            return section.heading
    return "封面信息" if section_id in ("meta", "cover") else "全文"
