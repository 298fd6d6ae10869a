"""`govopen import FILE [FILE …] [--json] [-o FILE.govopen]`: read last year's report from any file
(several files: the saved pages of one web article its CMS split into pages)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from govopen_desktop.cli.common import EXIT_FINDINGS, EXIT_OK, add_command
from govopen_desktop.domain.report import TEXT_KEYS
from govopen_desktop.io.project import dumps_exact


def register(sub: Any) -> None:
    p = add_command(
        sub, "import", "导入年度报告（Excel、Word、PDF、网页、文本或本程序的文件）", run,
        description=(
            "从 .xlsx/.xlsm、.xls、.docx、.pdf、.html/.htm/.mht、.txt/.md 或 .govopen 文件读取年度报告，"
            "按官方表格的标签逐格读取数值。已安装 LibreOffice 时也可读取 .doc/.wps/.et。\n"
            "网站把一篇报告分成几页发布时，把各页分别另存，按页码顺序一起给出，即作为一篇报告导入。\n"
            "退出码：0 完整导入；1 已导入但有无法读取的内容；2 文件无法使用。"
        ),
    )
    p.add_argument("files", nargs="+", metavar="文件", help="要导入的文件（分页发布的网页：各页按顺序）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出导入结果（meta、cells、text、problems）")
    p.add_argument("-o", "--output", metavar="文件.govopen", help="另存为本程序的项目文件")


def run(args: argparse.Namespace) -> int:
    from govopen_desktop.io.importers.pages import import_pages
    from govopen_desktop.io.importers.problems import describe_grouped

    result = import_pages([Path(f) for f in args.files])
    report, problems = result.report, result.problems
    if args.output:
        from govopen_desktop.io.project import save_report

        save_report(report, Path(args.output))
    if args.json:
        payload = {
            "meta": result.found_meta(),
            "summary": result.summary().to_json(),
            "cells": {k: report.cells.get(k) for k in report.format.keys},
            "text": {k: report.text.get(k) for k in TEXT_KEYS},
            "problems": [p.to_json() for p in problems],
        }
        print(dumps_exact(payload), flush=True)
    else:
        print(f"已导入：{report.meta.agency or '（未找到机关名称）'}{report.meta.year}年度报告"
              f"（{report.format.document}格式）。{result.summary().describe()}")
        if problems:
            print(f"有 {len(problems)} 处需要核对（没有读到或读得不确定）：", file=sys.stderr)
            for line in describe_grouped(problems):
                print(f"  - {line}", file=sys.stderr)
        if args.output:
            print(f"已保存到 {args.output}")
    return EXIT_FINDINGS if problems else EXIT_OK
