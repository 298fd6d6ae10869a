"""A report's tables counted from a register keep where they came from: the register's file
name and digest, what was counted (so a later hand edit shows), and the rows of each cell.

Project file shape: "register": {"file": "台账.xlsx", "sha256": "…", "year": 2025,
"sheets": {"t3": "依申请公开台账"}, "counted": {"t3.new.natural": 3, …}, "rows": {"t3.new.natural":
[3, 7, 12], …}, "stats": {"answered": 10, "on_time": 9, …}}.
"""

from __future__ import annotations

from typing import Any

from govopen_desktop.domain.register.count import RegisterCount
from govopen_desktop.domain.report import Report
from govopen_desktop.domain.values import Value

REGISTER_KEY = "register"


def register_info(count: RegisterCount, file_name: str, sha256: str) -> dict[str, Any]:
    return {
        "file": file_name,
        "sha256": sha256,
        "year": count.year,
        "sheets": dict(count.sheets),
        "counted": dict(count.values),
        "rows": {k: list(v) for k, v in count.sources.items() if v},
        "stats": dict(count.stats),
    }


def register_values(report: Report, count: RegisterCount) -> dict[str, Value]:
    """The cells the count fills in this report (input cells its format has)."""
    fields = report.format.fields
    return {k: v for k, v in count.values.items() if k in fields and fields[k].is_input}


def apply_count(report: Report, count: RegisterCount, file_name: str, sha256: str) -> set[str]:
    """Fill tables 3 and 4 from the count and record the register (headless: CLI, tests)."""
    report.extra[REGISTER_KEY] = register_info(count, file_name, sha256)
    return report.set_values(register_values(report, count))


def register_rows_of(report: Report, key: str) -> tuple[str, tuple[int, ...]] | None:
    """(sheet, rows) a cell was counted from; a total gathers the rows of its parts."""
    info = report.extra.get(REGISTER_KEY)
    if not isinstance(info, dict) or not isinstance(info.get("rows"), dict):
        return None
    fmt = report.format
    field = fmt.fields.get(key)
    if field is None:
        return None
    rows_by_key: dict[str, Any] = info["rows"]
    keys = [key]
    seen: set[int] = set()
    result: list[int] = []
    while keys:
        k = keys.pop()
        f = fmt.fields.get(k)
        if f is not None and f.derived is not None:
            keys.extend(f.derived.terms)
            continue
        for row in rows_by_key.get(k, ()):
            if isinstance(row, int) and row not in seen:
                seen.add(row)
                result.append(row)
    if key not in info.get("counted", {}) and not result and not _derived_from_counted(report, key, info):
        return None
    sheets = info.get("sheets")
    sheets = sheets if isinstance(sheets, dict) else {}
    return str(sheets.get(field.table, "台账")), tuple(sorted(result))


def _derived_from_counted(report: Report, key: str, info: dict[str, Any]) -> bool:
    field = report.format.fields[key]
    counted = info.get("counted", {})
    return field.derived is not None and any(t in counted for t in field.derived.terms)


def register_note(report: Report, key: str) -> str | None:
    """The tooltip line of a counted cell: 来自台账“依申请公开台账”第 3、7、12 行."""
    from govopen_desktop.domain.register.model import row_list

    found = register_rows_of(report, key)
    if found is None:
        return None
    sheet, rows = found
    if not rows:
        return f"从台账“{sheet}”统计：没有计入这一项的行。"
    return f"来自台账“{sheet}”{row_list(rows, limit=40)}。"


def register_sentence(report: Report) -> str | None:
    """What the 依申请公开 paragraph can say from the register about the time limit, when the
    tables were counted from a register for this report's year."""
    info = report.extra.get(REGISTER_KEY)
    if not isinstance(info, dict) or info.get("year") != report.meta.year:
        return None
    stats = info.get("stats")
    if not isinstance(stats, dict) or not isinstance(stats.get("answered"), int) or not stats["answered"]:
        return None
    answered, on_time, late = stats["answered"], int(stats.get("on_time", 0)), int(stats.get("late", 0))
    if stats.get("unchecked"):
        return None  # some limits were not checkable: nothing to state for all of them
    if late == 0:
        return f"本年度答复的{answered}件申请均在法定期限内答复。"
    return f"本年度答复的{answered}件申请中，{on_time}件在法定期限内答复，{late}件超过法定期限。"
