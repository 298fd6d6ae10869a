"""`govopen check`: every finding of the official rules, as text or JSON — for one report, or
for many at once (the 政务公开办 reviewing its units' reports), with a summary table."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from govopen_desktop.cli.check_problems import problems_count_text, problems_json, summary_cell
from govopen_desktop.cli.common import EXIT_FINDINGS, EXIT_OK, EXIT_UNUSABLE, add_command, print_problems
from govopen_desktop.domain.checks import check
from govopen_desktop.domain.errors import GovopenError
from govopen_desktop.domain.findings import Finding, Level, count_accepted, count_levels
from govopen_desktop.domain.report import Report
from govopen_desktop.domain.review import ReviewedFile
from govopen_desktop.io.open_any import open_any

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


@dataclass
class Checked:
    """One file's result: the report and its findings, or why the file could not be used."""

    path: Path
    report: Report | None = None
    findings: list[Finding] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # what the import could not read
    details: list[ImportProblem] = field(default_factory=list)  # the same, with cell keys
    unusable: str | None = None

    def count(self, level: Level) -> int:
        return count_levels(self.findings)[level]


def run(args: argparse.Namespace) -> int:
    from govopen_desktop.io.review_inputs import expand_inputs

    paths = expand_inputs(args.files)
    if not paths:
        raise GovopenError("没有找到可检查的报告文件：" + "、".join(args.files))
    if args.prior and len(paths) > 1:
        raise GovopenError("--prior 只能在检查一份报告时使用。")
    if len(paths) == 1:
        result = _check_file(paths[0], args.prior, args.final, raise_unusable=True)
        _print_one(result, args.json)
        _write_workbook(args, [result])
        return EXIT_FINDINGS if result.count(Level.ERROR) else EXIT_OK
    results = [_check_file(p, None, args.final) for p in paths]
    if args.json:
        _print_batch_json(results)
    else:
        if not args.summary:
            for result in results:
                print(f"==== {result.path}")
                if result.unusable:
                    print(f"错误：{result.unusable}\n")
                else:
                    _print_text(result)
                    print()
        _print_summary(results)
    _write_workbook(args, results)
    if any(r.unusable for r in results):
        return EXIT_UNUSABLE
    return EXIT_FINDINGS if any(r.count(Level.ERROR) for r in results) else EXIT_OK


def _check_file(path: Path, prior: str | None, final: bool, *, raise_unusable: bool = False) -> Checked:
    try:
        opened = open_any(path)
        if prior:
            opened.report.prior = open_any(Path(prior)).report
    except GovopenError as exc:
        if raise_unusable:
            raise
        return Checked(path, unusable=str(exc))
    return Checked(path, opened.report, check(opened.report, final=final), opened.problems, opened.details)


def _print_one(result: Checked, as_json: bool) -> None:
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


def _print_text(result: Checked) -> None:
    report = result.report
    assert report is not None
    print_problems(result.problems, "导入时有以下问题：")
    print(f"{report.meta.agency}{report.meta.year}年度报告（{report.format.document}格式）")
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


def _print_summary(results: list[Checked]) -> None:
    print(f"汇总（{len(results)} 份报告）")
    print("错误\t警告\t提示\t导入问题\t年度\t机关\t文件")
    for r in results:
        if r.unusable or r.report is None:
            print(f"-\t-\t-\t-\t-\t（无法读取）\t{r.path}")
            continue
        counts = count_levels(r.findings)
        print(f"{counts[Level.ERROR]}\t{counts[Level.WARNING]}\t{counts[Level.INFO]}\t{summary_cell(r.details)}\t"
              f"{r.report.meta.year}\t{r.report.meta.agency or '（未找到机关名称）'}\t{r.path}")
    with_errors = sum(1 for r in results if r.count(Level.ERROR))
    unusable = sum(1 for r in results if r.unusable)
    print(f"\n{len(results)} 份报告：{with_errors} 份有错误，{unusable} 份无法读取。")


def _print_batch_json(results: list[Checked]) -> None:
    reports: list[dict[str, Any]] = []
    for r in results:
        if r.unusable or r.report is None:
            reports.append({"file": str(r.path), "unusable": r.unusable})
            continue
        meta = r.report.meta
        reports.append({
            "file": str(r.path), "agency": meta.agency, "year": meta.year, "format": meta.format,
            "findings": [f.to_json() for f in r.findings],
            "errors": r.count(Level.ERROR), "warnings": r.count(Level.WARNING),
            "accepted": count_accepted(r.findings),
            **problems_json(r.details),
        })
    payload = {
        "reports": reports,
        "errors": sum(r.count(Level.ERROR) for r in results),
        "warnings": sum(r.count(Level.WARNING) for r in results),
        "unusable": sum(1 for r in results if r.unusable),
        "import_problem_count": sum(len(r.details) for r in results),
    }
    print(json.dumps(payload, ensure_ascii=False, indent=1))


def _write_workbook(args: argparse.Namespace, results: list[Checked]) -> None:
    if not getattr(args, "xlsx", None):
        return
    from govopen_desktop.io.review_workbook import write_review_workbook

    write_review_workbook([reviewed(r) for r in results], Path(args.xlsx))
    print(f"检查结果工作簿已保存：{args.xlsx}", file=sys.stderr)


def reviewed(result: Checked) -> ReviewedFile:
    """One file's result in the reviewing office's terms (for the findings workbook)."""
    if result.unusable is not None or result.report is None:
        return ReviewedFile(str(result.path), unusable=result.unusable or "无法读取")
    meta = result.report.meta
    return ReviewedFile(str(result.path), meta.agency, meta.year, meta.format, list(result.findings),
                        list(result.problems))
