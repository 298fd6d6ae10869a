"""`govopen combine`: the region's tables as the sum of its units' reports (汇总)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from govopen_desktop.cli.common import EXIT_FINDINGS, EXIT_OK, EXIT_UNUSABLE, add_command, with_progress
from govopen_desktop.domain.combine import CombineResult, UnitReport, combine, summary_groups
from govopen_desktop.domain.errors import GovopenError


def register(sub: Any) -> None:
    p = add_command(
        sub, "combine", "汇总各单位的年度报告，得出本级政府的表二、表三、表四", run,
        epilog=(
            "示例：\n"
            "  govopen combine 各单位年报/ --agency 某某县人民政府 --year 2024 \\\n"
            "      --units 单位名单.txt -o 某某县2024汇总.govopen --xlsx 汇总明细.xlsx"
        ),
    )
    p.add_argument("files", nargs="+", metavar="文件或文件夹",
                   help="各单位的年度报告（任何可导入的文件），或存放它们的文件夹")
    p.add_argument("--agency", required=True, metavar="机关名称", help="汇总后报告的机关名称，如“某某县人民政府”")
    p.add_argument("--year", required=True, type=int, metavar="年度", help="报告年度，如 2024")
    p.add_argument("--units", metavar="单位名单",
                   help="应报送的单位名单（.txt 每行一个，或 .xlsx 第一列），列出未报送的单位")
    p.add_argument("-o", "--output", required=True, metavar="文件.govopen", help="汇总报告保存到的文件")
    p.add_argument("--xlsx", metavar="明细.xlsx", help="另存分单位明细表（每张表一页，每个单位一行，末行合计）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出汇总情况")


def run(args: argparse.Namespace) -> int:
    import datetime as dt

    from govopen_desktop.io.batch import map_in_order
    from govopen_desktop.io.project import save_report
    from govopen_desktop.io.review_inputs import expand_inputs, read_units_list
    from govopen_desktop.io.review_run import open_unit

    expected = read_units_list(Path(args.units)) if args.units else []
    paths = expand_inputs(args.files)
    if not paths:
        raise GovopenError("没有找到可读取的报告文件：" + "、".join(args.files))
    units: list[UnitReport] = []
    unusable: list[tuple[str, str]] = []
    opened_files = with_progress(map_in_order(open_unit, paths), len(paths), "已读取")
    for opened in (unit for file_units in opened_files for unit in file_units):  # a compilation: several
        if opened.report is None:
            unusable.append((opened.file, opened.unusable or "无法读取"))
        else:
            units.append(UnitReport(opened.file, opened.report, opened.digest))
    result = combine(units, agency=args.agency, year=args.year, expected_units=expected)
    result.report.extra["provenance"]["combined_at"] = dt.datetime.now().isoformat(timespec="seconds")
    result.report.extra["provenance"]["unusable"] = [{"file": f, "reason": r} for f, r in unusable]
    if not result.included:
        _print(result, unusable, args)
        raise GovopenError("没有一份报告可以计入汇总（见上面的原因），未保存汇总报告。")
    save_report(result.report, Path(args.output))
    if args.xlsx:
        from govopen_desktop.io.combine_workbook import write_breakdown_workbook

        write_breakdown_workbook(result, Path(args.xlsx))
    _print(result, unusable, args)
    if unusable:
        return EXIT_UNUSABLE
    attention = result.refused or result.duplicates or result.missing_units or result.incomplete
    return EXIT_FINDINGS if attention else EXIT_OK


def _print(result: CombineResult, unusable: list[tuple[str, str]], args: argparse.Namespace) -> None:
    fmt = result.report.format
    if args.json:
        payload = {
            "agency": result.report.meta.agency, "year": result.report.meta.year, "format": fmt.id,
            "included": [{"file": u.source, "agency": u.report.meta.agency} for u in result.included],
            "refused": [{"file": r.source, "agency": r.agency, "reason": r.reason} for r in result.refused],
            "duplicates": [{"file": r.source, "agency": r.agency, "reason": r.reason} for r in result.duplicates],
            "unusable": [{"file": f, "reason": r} for f, r in unusable],
            "missing_units": result.missing_units,
            "incomplete": result.incomplete,
            "cells": {k: _json_value(result.report.get(k)) for k in fmt.keys},
            "output": str(args.output) if result.included else None,
        }
        print(json.dumps(payload, ensure_ascii=False, indent=1))
        return
    print(f"汇总：{result.report.meta.agency}{result.report.meta.year}年度（{fmt.document}格式）")
    print(f"计入 {len(result.included)} 份报告。")
    groups = summary_groups(result, unusable)
    for title, lines in groups:
        if lines:
            print(f"\n{title}（{len(lines)}）")
            for line in lines:
                print(f"  {line}")
    if result.included:
        print(f"\n已保存汇总报告：{args.output}")
        if args.xlsx:
            print(f"分单位明细：{args.xlsx}")


def _json_value(value: object) -> object:
    from decimal import Decimal

    if isinstance(value, Decimal):
        return float(value) if value != value.to_integral_value() else int(value)
    if value is None or isinstance(value, int | str):
        return value
    return str(getattr(value, "text", value))
