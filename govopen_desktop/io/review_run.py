"""One file of a reviewing office's run, read and checked; module-level so a process pool can
run it. A file that cannot be used is a result with its reason, never an exception."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from govopen_desktop.domain.checks import check
from govopen_desktop.domain.errors import GovopenError
from govopen_desktop.domain.report import Report
from govopen_desktop.domain.review import ReviewedFile, part_name


def review_file(path: Path, final: bool = False) -> list[ReviewedFile]:
    """The file's report checked; a compilation's every report, each named with its number."""
    from govopen_desktop.io.open_any import open_any

    try:
        opened = open_any(Path(path), every_report=True)
    except GovopenError as exc:
        return [ReviewedFile(str(path), unusable=str(exc))]
    return [ReviewedFile(str(path), one.report.meta.agency, one.report.meta.year, one.report.meta.format,
                         check(one.report, final=final), list(one.problems), problem_places=len(one.details),
                         part=part) for part, one in opened.each_report()]


@dataclass
class OpenedUnit:
    """A unit's report for the sum (prior dropped: the sum needs this year only)."""

    file: str
    report: Report | None
    digest: str | None
    unusable: str | None


def open_unit(path: Path) -> list[OpenedUnit]:
    """The file's unit report; a compilation's every report, each its own unit (the file named
    with the report's number)."""
    from govopen_desktop.io.open_any import open_any
    from govopen_desktop.io.review_inputs import file_digest

    try:
        opened = open_any(Path(path), every_report=True)
    except GovopenError as exc:
        return [OpenedUnit(str(path), None, None, str(exc))]
    digest = file_digest(Path(path))
    units = []
    for part, one in opened.each_report():
        one.report.prior = None
        units.append(OpenedUnit(part_name(str(path), part), one.report, digest, None))
    return units
