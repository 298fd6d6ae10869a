"""What the checker says about a report: one finding per problem, tied to cells or a section."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from govopen_desktop.domain.values import Value, format_value


class Level(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def label(self) -> str:
        return {"error": "错误", "warning": "警告", "info": "提示"}[self.value]


LEVEL_ORDER = {Level.ERROR: 0, Level.WARNING: 1, Level.INFO: 2}


@dataclass(frozen=True)
class Finding:
    """`cells` are canonical keys; `section` a section id (overview, t3, other…);
    `suggested` maps a key to the value the checker can compute for it."""

    rule: str
    level: Level
    message: str
    cells: tuple[str, ...] = ()
    section: str | None = None
    suggested: dict[str, Value] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "level": self.level.value,
            "cells": list(self.cells),
            "section": self.section,
            "message": self.message,
            "suggested": {k: _json_value(v) for k, v in self.suggested.items()} or None,
        }


def _json_value(value: Value) -> int | float | str | None:
    if value is None or isinstance(value, int | str):
        return value
    text = format_value(value)
    return int(text) if text.lstrip("-").isdigit() else float(text)


def sort_findings(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: LEVEL_ORDER[f.level])


def count_levels(findings: list[Finding]) -> dict[Level, int]:
    counts = dict.fromkeys(Level, 0)
    for f in findings:
        counts[f.level] += 1
    return counts
