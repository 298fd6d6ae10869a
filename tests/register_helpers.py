"""Registers built for the tests: the program's template filled by openpyxl, and the layouts
offices keep (other column names and orders, a title row, loose categories, serial dates)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

import openpyxl

from govopen_desktop.io.register import write_template

D = dt.date


def fill_template(path: Path, year: int, applications: Sequence[Sequence[object]],
                  cases: Sequence[Sequence[object]] = ()) -> Path:
    """The template for `year`, with rows written into its sheets as a clerk would (row 2 on):
    applications as (收到日期, 申请人类型, 答复日期, 办理结果[, 补正日期, 是否延期]), cases as
    (类型, 立案或收到日期, 结果, 结案日期)."""
    write_template(path, year)
    wb = openpyxl.load_workbook(path)
    ws = wb["依申请公开台账"]
    header = [c.value for c in ws[1]]
    for r, app in enumerate(applications, start=2):
        received, kind, answered, result, *rest = app
        values = {"序号": r - 1, "收到日期": received, "申请人": f"申请人{r - 1}", "申请人类型": kind,
                  "申请内容": "某项政府信息", "答复日期": answered, "办理结果": result}
        if rest:
            values["补正日期"] = rest[0]
        if len(rest) > 1:
            values["是否延期"] = rest[1]
        for name, value in values.items():
            ws.cell(r, header.index(name) + 1, value)
    ws = wb["复议诉讼台账"]
    header = [c.value for c in ws[1]]
    for r, (kind, received, outcome, closed) in enumerate(cases, start=2):
        for name, value in {"序号": r - 1, "类型": kind, "立案或收到日期": received, "结果": outcome,
                            "结案日期": closed}.items():
            ws.cell(r, header.index(name) + 1, value)
    wb.save(path)
    return path


def office_workbook(path: Path, title: str, header: Sequence[str], rows: Sequence[Sequence[object]],
                    sheet: str = "Sheet1") -> Path:
    """A register as an office keeps it: a title row, its own column names, its own order."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    ws.append([title])
    ws.append(list(header))
    for row in rows:
        ws.append(list(row))
    wb.save(path)
    return path


def excel_serial(day: dt.date) -> int:
    return (day - dt.date(1899, 12, 30)).days
