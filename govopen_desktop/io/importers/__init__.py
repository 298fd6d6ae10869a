"""Importing last year's report from any file a clerk has: Excel, Word, a saved web page,
text, the program's own files. Every reader produces the same neutral rows; one
label-driven extractor reads them (see docs/import.md)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from govopen_desktop.domain.report import Report
from govopen_desktop.io.importers.problems import ImportFailed, ImportProblem

if TYPE_CHECKING:
    from govopen_desktop.io.importers.neutral import Doc

MAX_REPORTS_IN_FILE = 300  # a county's compilation has a report for each of its bodies


@dataclass(frozen=True)
class ImportSummary:
    """How much of the tables a file gave: read as printed, inferred (digits run together split
    by the form's arithmetic, numbers apart from their labels placed by row order), left empty."""

    read: int
    inferred: int
    empty: int

    def describe(self) -> str:
        total = self.read + self.inferred + self.empty
        inferred = f"，推断 {self.inferred} 个（请核对）" if self.inferred else ""
        return f"共 {total} 个数值：读到 {self.read} 个{inferred}，留空 {self.empty} 个。"

    def to_json(self) -> dict[str, int]:
        return {"read": self.read, "inferred": self.inferred, "empty": self.empty}


@dataclass
class ImportResult:
    report: Report
    problems: list[ImportProblem]
    project: bool = False  # read from a project file (.govopen) as saved, not imported
    # the rows of the reports after this one in the same file (a compilation): see following()
    rest: Doc | None = field(default=None, repr=False, compare=False)

    def following(self) -> list[ImportResult]:
        """The reports after this one in its file, each read as this one was; a part that
        makes no report ends them (the report before it names where it begins)."""
        from govopen_desktop.io.importers.extract.build import build_first

        out: list[ImportResult] = []
        rest = self.rest
        while rest is not None and len(out) < MAX_REPORTS_IN_FILE:
            try:
                report, problems, rest = build_first(rest)
            except ImportFailed:
                break
            out.append(ImportResult(report, problems))
        return out

    @property
    def inferred(self) -> set[str]:
        source = self.report.extra.get("source")
        keys = source.get("inferred", []) if isinstance(source, dict) else []
        return set(keys) if isinstance(keys, list) else set()

    def summary(self) -> ImportSummary:
        keys = self.report.format.keys
        inferred = self.inferred
        empty = sum(1 for k in keys if self.report.cells.get(k) is None)
        n_inferred = sum(1 for k in keys if k in inferred and self.report.cells.get(k) is not None)
        return ImportSummary(len(keys) - empty - n_inferred, n_inferred, empty)

    def found_meta(self) -> dict[str, Any]:
        """The report's meta as the file states it: None where the file does not say (the
        report itself carries a working value, e.g. a year to edit)."""
        meta = self.report.meta
        source = self.report.extra.get("source")
        year_found = not isinstance(source, dict) or source.get("year_found", True)
        return {"agency": meta.agency or None, "year": meta.year if year_found else None,
                "format": meta.format, "date": meta.date}


def import_text(text: str, name: str = "粘贴的文本") -> ImportResult:
    from govopen_desktop.io.importers.extract.build import build_report
    from govopen_desktop.io.importers.readers.limits import check_doc, check_text
    from govopen_desktop.io.importers.readers.markdown import read_text_or_markdown

    if not text.strip():
        raise ImportFailed(f"“{name}”是空的，没有可导入的内容。")
    check_text(text, name)
    doc = read_text_or_markdown(text, name, "text")
    doc.fold_characters()
    check_doc(doc)
    report, problems = build_report(doc)
    return ImportResult(report, problems)


def import_file(path: Path) -> ImportResult:
    from govopen_desktop.io.importers.dispatch import import_path

    return import_path(Path(path))


__all__ = ["ImportFailed", "ImportProblem", "ImportResult", "ImportSummary", "import_file", "import_text"]
