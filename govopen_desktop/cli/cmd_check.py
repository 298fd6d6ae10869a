"""`govopen check`: every finding of the official rules, as text or JSON — for one report, or
for many at once (the 政务公开办 reviewing its units' reports), with a summary table.

Many files are checked on every core (a process pool over the files); the results come back
and are printed in input order as they arrive, and only one summary line per file is kept for
the table at the end, so memory stays flat over ten thousand files.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from govopen_desktop.cli.check_problems import problems_count_text, problems_json, summary_cell
from govopen_desktop.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_UNUSABLE,
    add_command,
    print_problems,
    with_progress,
)
from govopen_desktop.domain.checks import check
from govopen_desktop.domain.errors import GovopenError
from govopen_desktop.domain.findings import Finding, Level, count_accepted, count_levels
from govopen_desktop.domain.review import ReviewedFile, part_name
from govopen_desktop.io.open_any import OpenedReport, open_any

if TYPE_CHECKING:
    from govopen_desktop.io.importers.problems import ImportProblem

def register(sub: Any) -> None:
    p = add_command(
        sub, "check", "按官方格式和规则检查年度报告（可一次检查多份）", run,
        epilog=(
            "示例：\n"
            "  govopen check 本单位2024年报.govopen --prior 本单位2023年报.govopen\n"
            "  govopen check 各单位年报/*.docx --summary      （汇总各单位的错误、警告数）"
        ),
    )
    p.add_argument("files", nargs="+", metavar="文件",
                   help="年度报告（.govopen 或任何可导入的文件），可以多个；给出文件夹时检查其中所有可读取的文件")
    p.add_argument("--prior", metavar="上年报告", help="上年报告，用于检查结转和现行有效件数（只检查一份报告时）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出检查结果")
    p.add_argument("--final", action="store_true", help="定稿检查：空白单元格按错误处理（发布前使用）")
    p.add_argument("--summary", action="store_true", help="只输出汇总表（每份报告一行）")
    p.add_argument("--xlsx", metavar="问题清单.xlsx",
                   help="另存检查结果工作簿（汇总、问题清单、无法读取三页），可筛选、排序后发回各单位")
    p.add_argument("-j", "--jobs", type=int, metavar="进程数",
                   help="同时检查的进程数（默认为本机的处理器核数；1 表示逐份检查）")


@dataclass(frozen=True)
class CheckOptions:
    """What `check_one` needs besides the file (sent to each worker process)."""

    final: bool = False
    prior: str | None = None


@dataclass
class FileResult:
    """One file's result, everything the printers need (no Report: it stays in the worker)."""

    path: Path
    agency: str = ""
    year: int | None = None
    format: str = ""  # the format id
    document: str = ""  # the format's document, as the heading names it
    findings: list[Finding] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # what the import could not read
    details: list[ImportProblem] = field(default_factory=list)  # the same, with cell keys
    unusable: str | None = None
    part: int = 0  # which of the file's reports (1, 2, …) when it holds several (a compilation)
    more: list[FileResult] = field(default_factory=list)  # the file's reports after this one

    def count(self, level: Level) -> int:
        return count_levels(self.findings)[level]

    @property
    def shown(self) -> str:
        """The file as the output names it: with the report's number in a file of several."""
        return part_name(str(self.path), self.part)


def check_one(path: Path, options: CheckOptions) -> FileResult:
    """Open and check one file; a file that cannot be used is a result, not an exception."""
    try:
        opened = open_any(path, every_report=True)
        if options.prior:
            opened.report.prior = open_any(Path(options.prior)).report
    except GovopenError as exc:
        return FileResult(path, unusable=str(exc))
    # a compilation: each of its reports is checked as a file of its own
    first, *more = [_checked(path, one, options, part) for part, one in opened.each_report()]
    first.more = more
    return first


def _checked(path: Path, opened: OpenedReport, options: CheckOptions, part: int = 0) -> FileResult:
    report = opened.report
    return FileResult(path, report.meta.agency, report.meta.year, report.meta.format, report.format.document,
                      check(report, final=options.final), opened.problems, opened.details, part=part)


def _each_report(results: Iterator[FileResult]) -> Iterator[FileResult]:
    """Every report of every file, a compilation's one after another."""
    for result in results:
        yield result
        yield from result.more


def _check_star(job: tuple[Path, CheckOptions]) -> FileResult:
    return check_one(*job)


def run(args: argparse.Namespace) -> int:
    from govopen_desktop.io.review_inputs import expand_inputs

    paths = expand_inputs(args.files)
    if not paths:
        raise GovopenError("没有找到可检查的报告文件：" + "、".join(args.files))
    if args.prior and len(paths) > 1:
        raise GovopenError("--prior 只能在检查一份报告时使用。")
    if args.jobs is not None and args.jobs < 1:
        raise GovopenError("--jobs 至少为 1。")
    options = CheckOptions(final=args.final, prior=args.prior)
    single = check_one(paths[0], options) if len(paths) == 1 else None
    if single is not None and not single.more:
        if single.unusable:
            raise GovopenError(single.unusable)
        _print_one(single, args.json)
        _write_workbook(args, [reviewed(single)])
        return EXIT_FINDINGS if single.count(Level.ERROR) else EXIT_OK
    checked = iter([single]) if single is not None else _progress(check_all(paths, options, args.jobs), len(paths))
    results = _each_report(checked)
    kept: list[ReviewedFile] = []  # only for the workbook, which lists every finding
    if args.xlsx:
        results = _keeping(results, kept)
    summary = _print_batch_json(results) if args.json else _print_batch_text(results, args.summary)
    _write_workbook(args, kept)
    if summary.unusable:
        return EXIT_UNUSABLE
    return EXIT_FINDINGS if summary.with_errors else EXIT_OK


def check_all(paths: list[Path], options: CheckOptions, jobs: int | None = None) -> Iterator[FileResult]:
    """Each file's result in input order, as soon as it and those before it are done, on every
    core; a file is reported unusable only if it alone kills its worker process."""
    from govopen_desktop.io.batch import map_in_order

    def crashed(job: tuple[Path, CheckOptions]) -> FileResult:
        path = job[0]
        return FileResult(path, unusable=f"检查“{path.name}”时处理进程意外终止（文件可能已损坏或过大），未能检查。")

    jobs_list = [(p, options) for p in paths]
    yield from map_in_order(_check_star, jobs_list, workers=jobs, preload=_preload, on_crash=crashed)


def _preload() -> None:
    """The readers and the rules, imported before the workers fork."""
    import importlib

    for name in ("govopen_desktop.io.importers.dispatch", "govopen_desktop.io.importers.readers.docx",
                 "govopen_desktop.io.importers.readers.html", "govopen_desktop.io.importers.readers.sheet",
                 "govopen_desktop.io.importers.readers.text", "govopen_desktop.io.importers.readers.xlsx_cells",
                 "govopen_desktop.io.importers.readers.markdown", "govopen_desktop.io.importers.extract.build",
                 "govopen_desktop.io.importers.data_sheet", "email.parser", "email.policy",
                 "lxml.etree", "python_calamine", "xlrd"):
        with contextlib.suppress(ImportError):  # a missing reader says so when its file comes
            importlib.import_module(name)


def _progress(results: Iterator[FileResult], total: int) -> Iterator[FileResult]:
    return with_progress(results, total, "已检查")


def _print_one(result: FileResult, as_json: bool) -> None:
    if as_json:
        payload = {
            "findings": [f.to_json() for f in result.findings],
            "errors": result.count(Level.ERROR),
            "warnings": result.count(Level.WARNING),
            "accepted": count_accepted(result.findings),
            **problems_json(result.details),
        }
        print(json.dumps(payload, ensure_ascii=False, indent=1))
    else:
        _print_text(result)


def _print_text(result: FileResult) -> None:
    print_problems(result.problems, "导入时有以下问题：")
    print(f"{result.agency}{result.year}年度报告（{result.document}格式）")
    for level in Level:
        group = [f for f in result.findings if f.level == level and f.accepted is None]
        if group:
            print(f"\n{level.label}（{len(group)}）")
            for f in group:
                print(f"  [{f.rule}] {f.message}")
    _print_accepted(result.findings)
    accepted = count_accepted(result.findings)
    print(f"\n共 {result.count(Level.ERROR)} 个错误，{result.count(Level.WARNING)} 个警告，"
          f"{result.count(Level.INFO)} 个提示" + (f"，另有 {accepted} 个已说明。" if accepted else "。")
          + problems_count_text(result.details))


def _print_accepted(findings: list[Finding]) -> None:
    """Warnings the clerk accepted (说明), each with its note: shown, but no longer open."""
    accepted = [f for f in findings if f.accepted is not None]
    if accepted:
        print(f"\n已说明（{len(accepted)}）")
        for f in accepted:
            print(f"  [{f.rule}] {f.message}\n      说明：{f.accepted}")


@dataclass
class Totals:
    """What the end of a batch needs of the files before it."""

    files: int = 0
    with_errors: int = 0
    unusable: int = 0
    errors: int = 0
    warnings: int = 0
    import_problems: int = 0
    lines: list[str] = field(default_factory=list)  # the summary table, one short line per file

    def add(self, r: FileResult) -> None:
        self.files += 1
        self.unusable += r.unusable is not None
        counts = count_levels(r.findings)
        self.with_errors += counts[Level.ERROR] > 0
        self.errors += counts[Level.ERROR]
        self.warnings += counts[Level.WARNING]
        self.import_problems += len(r.details)


def _summary_line(r: FileResult) -> str:
    if r.unusable:
        return f"-\t-\t-\t-\t-\t（无法读取）\t{r.shown}"
    counts = count_levels(r.findings)
    return (f"{counts[Level.ERROR]}\t{counts[Level.WARNING]}\t{counts[Level.INFO]}\t{summary_cell(r.details)}\t"
            f"{r.year}\t{r.agency or '（未找到机关名称）'}\t{r.shown}")


def _print_batch_text(results: Iterator[FileResult], summary_only: bool) -> Totals:
    totals = Totals()
    for result in results:
        totals.add(result)
        totals.lines.append(_summary_line(result))
        if not summary_only:
            print(f"==== {result.shown}")
            if result.unusable:
                print(f"错误：{result.unusable}\n")
            else:
                _print_text(result)
                print()
    print(f"汇总（{totals.files} 份报告）")
    print("错误\t警告\t提示\t导入问题\t年度\t机关\t文件")
    for line in totals.lines:
        print(line)
    print(f"\n{totals.files} 份报告：{totals.with_errors} 份有错误，{totals.unusable} 份无法读取。")
    return totals


def _report_json(r: FileResult) -> dict[str, Any]:
    if r.unusable:
        return {"file": str(r.path), "unusable": r.unusable}
    return {
        "file": str(r.path), **({"part": r.part} if r.part else {}),
        "agency": r.agency, "year": r.year, "format": r.format,
        "findings": [f.to_json() for f in r.findings],
        "errors": r.count(Level.ERROR), "warnings": r.count(Level.WARNING),
        "accepted": count_accepted(r.findings),
        **problems_json(r.details),
    }


def _print_batch_json(results: Iterator[FileResult]) -> Totals:
    """The same document as json.dumps(payload, indent=1) of the whole batch, written one report
    at a time: each report is dumped alone and indented to its depth in the list."""
    totals = Totals()
    sys.stdout.write('{\n "reports": [')
    for result in results:
        totals.add(result)
        item = json.dumps(_report_json(result), ensure_ascii=False, indent=1).replace("\n", "\n  ")
        sys.stdout.write(("\n  " if totals.files == 1 else ",\n  ") + item)
    sys.stdout.write("\n ]," if totals.files else "],")
    print(f'\n "errors": {totals.errors},\n "warnings": {totals.warnings},\n "unusable": {totals.unusable},'
          f'\n "import_problem_count": {totals.import_problems}\n}}')
    return totals


def _keeping(results: Iterator[FileResult], kept: list[ReviewedFile]) -> Iterator[FileResult]:
    for result in results:
        kept.append(reviewed(result))
        yield result


def _write_workbook(args: argparse.Namespace, results: list[ReviewedFile]) -> None:
    if not getattr(args, "xlsx", None):
        return
    from govopen_desktop.io.review_workbook import write_review_workbook

    write_review_workbook(results, Path(args.xlsx))
    print(f"检查结果工作簿已保存：{args.xlsx}", file=sys.stderr)


def reviewed(result: FileResult) -> ReviewedFile:
    """One file's result in the reviewing office's terms (for the findings workbook)."""
    if result.unusable is not None:
        return ReviewedFile(str(result.path), unusable=result.unusable)
    return ReviewedFile(str(result.path), result.agency, result.year, result.format, list(result.findings),
                        list(result.problems), problem_places=len(result.details), part=result.part)
