"""`govopen new`: an empty report for a year, or the next year's report from last year's."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from govopen_desktop.cli.common import EXIT_OK, add_command, print_problems
from govopen_desktop.domain.carry import start_next_year
from govopen_desktop.domain.errors import GovopenError
from govopen_desktop.domain.report import Report
from govopen_desktop.domain.title import annual_report_title
from govopen_desktop.io.project import save_report


def register(sub: Any) -> None:
    p = add_command(sub, "new", "新建年度报告（空白，或从上年报告开始）", run)
    p.add_argument("--agency", metavar="机关名称", help="报告机关名称，如“卫东区蒲城街道办事处”")
    p.add_argument("--year", type=int, metavar="年度", help="报告年度，如 2024")
    p.add_argument("--from", dest="source", metavar="上年报告",
                   help="从上年报告开始：带入上年结转、保留上年数据供对照（可为任何可导入的文件）")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="成文日期（落款日期）")
    p.add_argument("-o", "--output", required=True, metavar="文件.govopen", help="保存到的文件")


def run(args: argparse.Namespace) -> int:
    output = Path(args.output)
    if args.source:
        from govopen_desktop.io.open_any import open_any

        opened = open_any(Path(args.source))
        print_problems(opened.problems, f"读取上年报告“{args.source}”时有以下问题：")
        report = start_next_year(opened.report, year=args.year, agency=args.agency)
    else:
        if not args.agency or not args.year:
            raise GovopenError("新建空白报告需要 --agency（机关名称）和 --year（年度）。")
        report = Report.new(args.agency, args.year)
    if args.date:
        report.set_meta(date=args.date)
    save_report(report, output)
    fmt = report.format
    print(f"已新建 {annual_report_title(report.meta.agency, report.meta.year)}"
          f"（{fmt.document}格式）：{output}")
    if report.prior is not None and any(report.prior.text.values()):
        print(f"正文从空白开始；{report.prior.meta.year}年度报告的文字保留在文件中，"
              "可在窗口中对照上年文字逐段复制（年份会改为本年）。")
    return EXIT_OK
