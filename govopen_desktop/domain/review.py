"""What a reviewing office (政务公开办) gets back from checking its units' reports: one record
per file, counted and ordered the way the office sends them back (most errors first)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from govopen_desktop.domain.errors import GovopenError
from govopen_desktop.domain.findings import Finding, Level
from govopen_desktop.domain.formats import load_format


def part_name(file: str, part: int) -> str:
    """A file as a reviewer's list names it: with the report's number in a file of several
    (a compilation: 汇编.pdf（第2份）)."""
    return f"{file}（第{part}份）" if part else file


@dataclass
class ReviewedFile:
    """One file of the run: what it is and what the checker found, or why it could not be used."""

    file: str
    agency: str = ""
    year: int | None = None
    format: str | None = None
    findings: list[Finding] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # import problems, as printed
    unusable: str | None = None
    # the places those lines name (a line may stand for a row's 7 cells): what `check` counts
    problem_places: int | None = None
    part: int = 0  # which of the file's reports (1, 2, …) when it holds several (a compilation)

    @property
    def shown(self) -> str:
        return part_name(self.file, self.part)

    @property
    def import_problem_count(self) -> int:
        """The places the import could not read, as `govopen check` and its --summary count them."""
        return len(self.problems) if self.problem_places is None else self.problem_places

    def open_count(self, level: Level) -> int:
        """Findings of `level` still open: an accepted (已说明) warning is not counted here."""
        return sum(1 for f in self.findings if f.level == level and not accepted_note(f))

    @property
    def accepted(self) -> int:
        return sum(1 for f in self.findings if accepted_note(f))

    def to_json(self) -> dict[str, Any]:
        if self.unusable is not None:
            return {"file": self.file, "unusable": self.unusable}
        return {
            "file": self.file, "agency": self.agency, "year": self.year, "format": self.format,
            "errors": self.open_count(Level.ERROR), "warnings": self.open_count(Level.WARNING),
            "infos": self.open_count(Level.INFO), "accepted": self.accepted,
            "import_problems": list(self.problems),
            "findings": [f.to_json() for f in self.findings],
        }


def accepted_note(finding: Finding) -> str | None:
    """The clerk's 说明 on a finding, when it has one."""
    return finding.accepted or None


def review_order(files: Iterable[ReviewedFile]) -> list[ReviewedFile]:
    """Unreadable files last; then most errors, most warnings first; then by unit name."""
    return sorted(files, key=lambda r: (
        r.unusable is not None, -r.open_count(Level.ERROR), -r.open_count(Level.WARNING), r.agency, r.file, r.part,
    ))


def cell_labels(format_id: str | None, keys: Iterable[str]) -> str:
    """Cells by their printed labels (表三 · 三、本年度办理结果 · …), for a reader of the form."""
    keys = list(keys)
    if not keys:
        return ""
    try:
        fields = load_format(format_id).fields if format_id else {}
    except GovopenError:  # an unknown format id: keys are still better than nothing
        fields = {}
    return "；".join(fields[k].label if k in fields else k for k in keys)
