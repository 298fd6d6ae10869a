"""`govopen check`: every finding of the official rules, as text or JSON."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from govopen_desktop.cli.common import EXIT_FINDINGS, EXIT_OK, add_command, print_problems
from govopen_desktop.domain.checks import check
from govopen_desktop.domain.findings import Level, count_levels
from govopen_desktop.io.open_any import open_any


def register(sub: Any) -> None:
    p = add_command(sub, "check", "按官方格式和规则检查年度报告", run)
    p.add_argument("file", metavar="文件", help="年度报告（.govopen 或任何可导入的文件）")
    p.add_argument("--prior", metavar="上年报告", help="上年报告，用于检查结转和现行有效件数")
    p.add_argument("--json", action="store_true", help="以 JSON 输出检查结果")
    p.add_argument("--final", action="store_true", help="定稿检查：空白单元格按错误处理（发布前使用）")


def run(args: argparse.Namespace) -> int:
    opened = open_any(Path(args.file))
    report = opened.report
    if args.prior:
        report.prior = open_any(Path(args.prior)).report
    findings = check(report, final=args.final)
    counts = count_levels(findings)
    if args.json:
        payload = {
            "findings": [f.to_json() for f in findings],
            "errors": counts[Level.ERROR],
            "warnings": counts[Level.WARNING],
        }
        print(json.dumps(payload, ensure_ascii=False, indent=1))
    else:
        print_problems(opened.problems, "导入时有以下问题：")
        title = f"{report.meta.agency}{report.meta.year}年度报告（{report.format.document}格式）"
        print(title)
        for level in Level:
            group = [f for f in findings if f.level == level]
            if group:
                print(f"\n{level.label}（{len(group)}）")
                for f in group:
                    print(f"  [{f.rule}] {f.message}")
        print(f"\n共 {counts[Level.ERROR]} 个错误，{counts[Level.WARNING]} 个警告，"
              f"{counts[Level.INFO]} 个提示。")
    return EXIT_FINDINGS if counts[Level.ERROR] else EXIT_OK
