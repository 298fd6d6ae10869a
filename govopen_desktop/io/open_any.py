"""Open a report from any file the program reads: its own .govopen, or an importable file."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from govopen_desktop.domain.report import Report
from govopen_desktop.io.project import EXTENSION, load_report

if TYPE_CHECKING:
    from govopen_desktop.io.importers.problems import ImportProblem


@dataclass
class OpenedReport:
    report: Report
    problems: list[str] = field(default_factory=list)  # what an import could not read
    imported: bool = False
    details: list[ImportProblem] = field(default_factory=list)  # the same, with cell key and place
    summary: str | None = None  # an import's count of cells read / inferred / left empty


def open_any(path: Path) -> OpenedReport:
    """A project file (JSON) loads as saved; anything else goes through the importer, which
    tells file kinds apart by their content, so a workbook renamed to .govopen still opens."""
    path = Path(path)
    if _looks_like_project(path) or (path.suffix.lower() == EXTENSION and _is_json_or_empty(path)):
        return OpenedReport(load_report(path))
    from govopen_desktop.io.importers import import_file  # heavy readers load on demand

    result = import_file(path)
    problems = list(result.problems)
    return OpenedReport(result.report, [p.describe() for p in problems], imported=True, details=problems,
                        summary=result.summary().describe())


def _is_json_or_empty(path: Path) -> bool:
    """Content a project file could be: JSON text, or nothing (a save cut short)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(64)
    except OSError:
        return True  # let the project loader say why it cannot be read
    return head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"{", b"[", b"")


def _looks_like_project(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            head = handle.read(200)
    except OSError:
        return False
    return b'"schema": "govopen-report/' in head or b'"schema":"govopen-report/' in head
