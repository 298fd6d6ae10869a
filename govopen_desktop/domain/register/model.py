"""A register as read: its sheets' rows as cells, the applications and cases found in them,
and what was noticed about each register row."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

IssueLevel = Literal["error", "warning", "info"]


@dataclass(frozen=True)
class RawSheet:
    """One sheet (or a .csv file) as cells: `rows` are (row number as the file shows it, cells)."""

    name: str
    rows: tuple[tuple[int, tuple[object, ...]], ...]


@dataclass(frozen=True)
class RowNote:
    """Something about one register row; `code` groups notes of the same kind."""

    code: str
    level: IssueLevel
    sheet: str
    row: int
    text: str


@dataclass(frozen=True)
class Issue:
    """Notes of one kind, gathered: a title saying what and how many, the rows, the details."""

    code: str
    level: IssueLevel
    sheet: str
    title: str
    rows: tuple[int, ...]
    details: tuple[str, ...] = ()

    def describe(self) -> str:
        return f"{self.title}：{row_list(self.rows)}" if self.rows else self.title

    def to_json(self) -> dict[str, object]:
        return {
            "code": self.code,
            "level": self.level,
            "sheet": self.sheet,
            "message": self.describe(),
            "rows": list(self.rows),
            "details": list(self.details),
        }


@dataclass
class Application:
    """One 政府信息公开申请 as its register row states it (categories as format ids)."""

    row: int
    received: dt.date | None = None
    applicant_type: str | None = None
    result: str | None = None
    corrected: dt.date | None = None
    extended: bool = False
    answered: dt.date | None = None
    unreadable: dict[str, str] = field(default_factory=dict)  # role -> why its written value was not used


@dataclass
class Case:
    """One 行政复议 or 行政诉讼 case."""

    row: int
    kind: str | None = None
    received: dt.date | None = None
    outcome: str | None = None
    closed: dt.date | None = None
    unreadable: dict[str, str] = field(default_factory=dict)


@dataclass
class Register:
    applications: list[Application] = field(default_factory=list)
    cases: list[Case] = field(default_factory=list)
    application_sheet: str | None = None
    case_sheet: str | None = None
    sheet_issues: list[Issue] = field(default_factory=list)  # about whole sheets (a missing column…)


def row_list(rows: Iterable[int], limit: int = 30) -> str:
    """第 3、7、12 行 (the first `limit`, then how many more)."""
    rows = list(rows)
    shown = "、".join(str(r) for r in rows[:limit])
    more = f" 等 {len(rows)} 行" if len(rows) > limit else " 行"
    return f"第 {shown}{more}"
