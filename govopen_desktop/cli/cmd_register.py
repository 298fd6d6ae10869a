"""`govopen register`: tables 3 and 4 counted from the year's case registers, and the blank
register template."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from govopen_desktop.cli.common import EXIT_FINDINGS, EXIT_OK, add_command
from govopen_desktop.domain.errors import GovopenError


def register(sub: Any) -> None:
    p = add_command(
        sub, "register", "从台账统计表三、表四；或生成空白台账模板", run,
        description=(
            "读取依申请公开台账和复议诉讼台账（.xlsx、.xls 或 .csv），按报告年度统计表三、表四，"
            "并逐件核对答复期限（条例第三十三条，按法定节假日和调休计算工作日）。\n"
            "示例：govopen register 台账2025.xlsx --year 2025 --into 本单位2025年报.govopen -o 本单位2025年报.govopen\n"
            "      govopen register --template 台账模板.xlsx --year 2025\n"
            "退出码：0 全部统计；1 有台账行无法统计（已列出行号）；2 文件无法使用。"
        ),
    )
    p.add_argument("file", nargs="?", metavar="台账", help="台账文件（.xlsx、.xls 或 .csv）")
    p.add_argument("--year", type=int, metavar="年度", help="报告年度（与 --into 同用时默认取报告的年度）")
    p.add_argument("--into", metavar="报告", help="把统计结果填入这份报告（任何可导入的文件）")
    p.add_argument("-o", "--output", metavar="文件.govopen", help="把填好表三、表四的报告保存到这个文件")
    p.add_argument("--json", action="store_true", help="以 JSON 输出（表三、表四各单元格、无法统计的行和逐件核对结果）")
    p.add_argument("--template", metavar="模板.xlsx", help="生成空白台账模板（下拉列表为该年度格式的官方类别）")


def run(args: argparse.Namespace) -> int:
    if args.template:
        from govopen_desktop.io.register import write_template

        write_template(Path(args.template), args.year)
        print(f"已生成空白台账模板：{args.template}")
        if not args.file:
            return EXIT_OK
    if not args.file:
        raise GovopenError("请指定台账文件，或用 --template 生成空白台账模板。")
    from govopen_desktop.domain.register import apply_count, count_sheets
    from govopen_desktop.domain.report import Report
    from govopen_desktop.io.register import read_register_file

    if args.into:
        from govopen_desktop.io.open_any import open_any

        opened = open_any(Path(args.into))
        report = opened.report
        year = args.year or report.meta.year
        if year != report.meta.year:
            raise GovopenError(f"“{args.into}”是 {report.meta.year} 年度的报告，台账按 {year} 年统计，两者不一致。")
    else:
        if not args.year:
            raise GovopenError("请用 --year 指定报告年度（或用 --into 指定要填入的报告）。")
        year = args.year
        report = Report.new("", year)
    source = read_register_file(Path(args.file))
    count = count_sheets(source.sheets, year)
    apply_count(report, count, source.name, source.sha256)
    if args.output:
        from govopen_desktop.io.project import save_report

        save_report(report, Path(args.output))
    if args.json:
        _print_json(report, count)
    else:
        _print_text(report, count, source.name)
        if args.output:
            print(f"已保存到 {args.output}")
    return EXIT_FINDINGS if count.errors else EXIT_OK


def _table_keys(report: Any, count: Any) -> list[str]:
    tables = set(count.sheets)
    return [k for k, f in report.format.fields.items() if f.table in tables]


def _print_json(report: Any, count: Any) -> None:
    from govopen_desktop.io.project import dumps_exact

    payload = {
        "meta": report.meta.to_dict(),
        "cells": {k: report.cells.get(k) for k in _table_keys(report, count)},
        "register": {k: v for k, v in report.extra["register"].items() if k != "rows"},
        "problems": [i.to_json() for i in count.issues if i.level == "error"],
        "findings": [i.to_json() for i in count.issues if i.level != "error"],
    }
    print(dumps_exact(payload), flush=True)


def _print_text(report: Any, count: Any, name: str) -> None:
    from govopen_desktop.domain.values import format_value

    fmt = report.format
    print(f"台账“{name}”按 {count.year} 年度统计（{fmt.document}格式）")
    for table_id, sheet in count.sheets.items():
        table = fmt.table(table_id)
        print(f"\n{table.heading}（来自工作表“{sheet}”）")
        if table.row_ids:
            print("\t".join(["", *(fmt.fields[f"{table_id}.{table.row_ids[0]}.{c}"].label.split(" · ")[-1]
                                   for c in table.col_ids)]))
            zero_rows = 0
            for row_id in table.row_ids:
                keys = [f"{table_id}.{row_id}.{c}" for c in table.col_ids]
                if row_id in count.result_rows and not any(report.cells.get(k) for k in keys):
                    zero_rows += 1  # the result rows nothing was counted in are said once, below
                    continue
                row_label = " · ".join(fmt.fields[keys[0]].label.split(" · ")[:-1])
                print("\t".join([row_label, *(format_value(report.cells.get(k)) for k in keys)]))
            if zero_rows:
                print(f"（未列出的 {zero_rows} 项办理结果均为 0）")
        else:
            for key in table.keys:
                print(f"{fmt.fields[key].label}\t{format_value(report.cells.get(key))}")
    stats = count.stats
    if stats:
        print(f"\n本年答复 {stats['answered']} 件，其中按期 {stats['on_time']} 件、超期 {stats['late']} 件"
              + (f"、未核对期限 {stats['unchecked']} 件" if stats["unchecked"] else "") + "。")
    levels = {"error": "无法统计", "warning": "请核对", "info": "提示"}
    for issue in count.issues:
        print(f"[{levels[issue.level]}] {issue.describe()}", file=sys.stderr)
        for detail in issue.details[:20]:
            print(f"    {detail}", file=sys.stderr)
        if len(issue.details) > 20:
            print(f"    ……另有 {len(issue.details) - 20} 行", file=sys.stderr)
