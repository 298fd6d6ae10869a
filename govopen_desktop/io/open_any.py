"""Open a report from any file the program reads: its own .govopen, or an importable file."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from govopen_desktop.domain.report import Report
from govopen_desktop.io.project import EXTENSION, load_report


@dataclass
class OpenedReport:
    report: Report
    problems: list[str] = field(default_factory=list)  # what an import could not read
    imported: bool = False


def open_any(path: Path) -> OpenedReport:
    """A .govopen file loads as saved; anything else goes through the importer."""
    path = Path(path)
    if path.suffix.lower() == EXTENSION or _looks_like_project(path):
        return OpenedReport(load_report(path))
    from govopen_desktop.io.importers import import_file  # heavy readers load on demand

    result = import_file(path)
    return OpenedReport(result.report, [p.describe() for p in result.problems], imported=True)


def _looks_like_project(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            head = handle.read(200)
    except OSError:
        return False
    return b'"schema": "govopen-report/' in head or b'"schema":"govopen-report/' in head
