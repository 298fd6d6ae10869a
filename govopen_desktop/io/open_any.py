"""Open a report from any file the program reads: its own .govopen, or an importable file."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from govopen_desktop.domain.report import Report

if TYPE_CHECKING:
    from govopen_desktop.io.importers import ImportResult
    from govopen_desktop.io.importers.problems import ImportProblem


class OpenedReport:
    """A report as read from a file, with what an import could not read. A plain class, not a
    dataclass: it is defined at every window start."""

    def __init__(
        self,
        report: Report,
        problems: list[str] | None = None,  # what an import could not read
        imported: bool = False,
        details: list[ImportProblem] | None = None,  # the same, with cell key and place
        summary: str | None = None,  # an import's count of cells read / inferred / left empty
        others: list[OpenedReport] | None = None,  # the reports after this one in the same file, when asked for
    ) -> None:
        self.report = report
        self.problems: list[str] = [] if problems is None else problems
        self.imported = imported
        self.details: list[ImportProblem] = [] if details is None else details
        self.summary = summary
        self.others: list[OpenedReport] = [] if others is None else others

    def each_report(self) -> list[tuple[int, OpenedReport]]:
        """This report and the others of its file, each with its number in the file (1, 2, …);
        0 for the report of a file that holds one."""
        return list(enumerate([self, *self.others], start=1)) if self.others else [(0, self)]


def open_any(path: Path, *, every_report: bool = False) -> OpenedReport:
    """The one way every command opens a file: `import_file` decides by parsing whether it is
    a project (io.project.read_project) and otherwise reads it by its content, so a workbook
    renamed to .govopen still opens and a project saved with sorted keys is a project.
    A project file is read before the importers are loaded: opening one at start-up loads none."""
    from govopen_desktop.io.project import read_project

    project = read_project(Path(path))
    if project is not None:
        return OpenedReport(project)
    from govopen_desktop.io.importers import import_file  # heavy readers load on demand

    result = import_file(Path(path))
    if result.project:
        return OpenedReport(result.report)
    opened = _opened(result)
    if every_report:  # `every_report`: a compilation's reports after the first too (the reviewing office)
        opened.others = [_opened(more) for more in result.following()]
    return opened


def _opened(result: ImportResult) -> OpenedReport:
    from govopen_desktop.io.importers.problems import describe_grouped

    problems = list(result.problems)
    return OpenedReport(result.report, describe_grouped(problems), imported=True, details=problems,
                        summary=result.summary().describe())


def open_pages(paths: list[Path]) -> OpenedReport:
    """The saved pages of a web article its site split into pages, as one imported report."""
    from govopen_desktop.io.importers.pages import import_pages
    from govopen_desktop.io.importers.problems import describe_grouped

    result = import_pages(paths)
    problems = list(result.problems)
    return OpenedReport(result.report, describe_grouped(problems), imported=True, details=problems,
                        summary=result.summary().describe())
