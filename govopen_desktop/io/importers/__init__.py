"""Importing last year's report from any file a clerk has: Excel, Word, a saved web page,
text, the program's own files. Every reader produces the same neutral rows; one
label-driven extractor reads them (see docs/import.md)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from govopen_desktop.domain.report import Report
from govopen_desktop.io.importers.problems import ImportFailed, ImportProblem


@dataclass
class ImportResult:
    report: Report
    problems: list[ImportProblem]
    project: bool = False  # read from a project file (.govopen) as saved, not imported


def import_text(text: str, name: str = "粘贴的文本") -> ImportResult:
    from govopen_desktop.io.importers.build import build_report
    from govopen_desktop.io.importers.limits import check_doc, check_text
    from govopen_desktop.io.importers.readers_text import read_text

    if not text.strip():
        raise ImportFailed(f"“{name}”是空的，没有可导入的内容。")
    check_text(text, name)
    doc = read_text(text, name, "text")
    check_doc(doc)
    report, problems = build_report(doc)
    return ImportResult(report, problems)


def import_file(path: Path) -> ImportResult:
    from govopen_desktop.io.importers.dispatch import import_path

    return import_path(Path(path))


__all__ = ["ImportFailed", "ImportProblem", "ImportResult", "import_file", "import_text"]
