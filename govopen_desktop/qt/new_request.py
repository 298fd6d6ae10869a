"""What the 新建 dialog asks for (kept apart from the dialog so start-up need not build it)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from govopen_desktop.domain.report import Report


@dataclass
class NewReportRequest:
    agency: str
    year: int
    prior_path: Path | None = None  # 从上年报告开始: any file the importer reads
    skeleton: bool = True  # put the five-part 总体情况 outline into a blank report
    prior_report: Report | None = None  # already read by the dialog (not read twice)
    prior_problems: list[str] = field(default_factory=list)
