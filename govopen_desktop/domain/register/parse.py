"""From a register's sheets to applications and cases: the header row found by meaning,
dates and categories read from what the clerk wrote, nothing guessed."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable, Mapping, Sequence

from govopen_desktop.domain.register.columns import (
    Header,
    SheetKind,
    columns_for,
    find_header,
    role_name,
)
from govopen_desktop.domain.register.dates import DateError, parse_date
from govopen_desktop.domain.register.model import Application, Case, Issue, RawSheet, Register
from govopen_desktop.domain.register.vocabulary import Match, Vocabulary

_YES = {"是", "y", "yes", "√", "✓", "✔", "延期", "已延期", "延长", "已延长", "true", "1", "有"}
_NO = {"否", "n", "no", "×", "✗", "无", "不", "未延期", "不延期", "未延长", "false", "0", "", "-", "—", "/"}
_TOTAL_WORDS = ("合计", "总计", "小计")
_KIND_WORDS: dict[SheetKind, tuple[str, ...]] = {"applications": ("申请",), "cases": ("复议", "诉讼")}


def read_register(sheets: Sequence[RawSheet], vocab: Vocabulary) -> Register:
    """The applications sheet and the cases sheet of a register, each the sheet whose header
    names most of its columns (a sheet's name saying 复议/诉讼 or 申请 breaks a tie)."""
    register = Register()
    found: dict[SheetKind, list[tuple[int, RawSheet, Header]]] = {"applications": [], "cases": []}
    for sheet in sheets:
        cells = [cells for _n, cells in sheet.rows[:20]]
        headers = [h for h in (find_header(cells, "applications"), find_header(cells, "cases")) if h is not None]
        if not headers:
            continue
        best = max(headers, key=lambda h: (h.score + _name_hint(sheet.name, h.kind), h.kind == "applications"))
        if not best.missing() or best.score >= 5:
            found[best.kind].append((best.score + _name_hint(sheet.name, best.kind), sheet, best))
    for kind, candidates in found.items():
        if not candidates:
            continue
        candidates.sort(key=lambda c: -c[0])
        _score, sheet, header = candidates[0]
        for _s, other, _h in candidates[1:]:
            register.sheet_issues.append(Issue(
                "REG-SHEET", "warning", other.name,
                f"工作表“{other.name}”也像{_kind_name(kind)}，只统计了“{sheet.name}”，请把各表合并到一张工作表", (),
            ))
        missing = header.missing()
        if missing:
            names = "、".join(f"“{role_name(kind, r)}”" for r in missing)
            register.sheet_issues.append(Issue(
                "REG-COLUMNS", "error", sheet.name,
                f"工作表“{sheet.name}”缺少{names}列（表头在第 {sheet.rows[header.index][0]} 行），"
                f"{_kind_name(kind)}未统计", (),
            ))
            continue
        if kind == "applications":
            register.application_sheet = sheet.name
            register.applications = _applications(sheet, header, vocab)
        else:
            register.case_sheet = sheet.name
            register.cases = _cases(sheet, header, vocab)
    if register.application_sheet is None and not any(i.code == "REG-COLUMNS" for i in register.sheet_issues):
        wanted = "、".join(f"“{n[0]}”" for n in columns_for("applications").values())
        register.sheet_issues.append(Issue(
            "REG-NO-SHEET", "error", "",
            f"没有找到依申请公开台账：没有一张工作表的表头写有{wanted}等列名", (),
        ))
    return register


def _name_hint(name: str, kind: SheetKind) -> int:
    return 3 if any(w in name for w in _KIND_WORDS[kind]) else 0


def _kind_name(kind: SheetKind) -> str:
    return "依申请公开台账" if kind == "applications" else "复议诉讼台账"


def _data_rows(sheet: RawSheet, header: Header) -> list[tuple[int, dict[str, object]]]:
    """Rows below the header as role -> cell, without empty rows, total rows and rows that
    hold nothing but a number or a remark."""
    result: list[tuple[int, dict[str, object]]] = []
    columns = list(header.columns.items())
    for number, cells in sheet.rows[header.index + 1 :]:
        width = len(cells)
        values: dict[str, object] = {}  # only the roles with a value
        for role, col in columns:
            value = cells[col] if col < width else None
            if value.__class__ is str:
                value = value.strip()
            if value is not None and value != "":
                values[role] = value
        if all(r in ("seq", "note") for r in values):
            continue
        if "received" not in values and any(
            isinstance(v, str) and v.replace(" ", "").startswith(_TOTAL_WORDS) for v in values.values()
        ):
            continue
        result.append((number, values))
    return result


def _date(values: Mapping[str, object], role: str, unreadable: dict[str, str]) -> dt.date | None:
    raw = values.get(role)
    try:
        return parse_date(raw)
    except DateError:
        unreadable[role] = f"“{raw}”不是日期"
        return None


def _category(
    values: Mapping[str, object], role: str, match_text: Callable[[str], Match], unreadable: dict[str, str]
) -> str | None:
    """The official category the row's `role` column names; None (and why, in `unreadable`)
    where it names none or could be several."""
    raw = values.get(role)
    if raw is None:
        return None
    match = match_text(str(raw))
    if match.category is not None:
        return match.category.id
    if match.candidates:
        options = "、".join(f"“{c.text}”" for c in match.candidates[:4])
        unreadable[role] = f"“{raw}”可能是{options}{'等' if len(match.candidates) > 4 else ''}，请写明是哪一项"
    else:
        unreadable[role] = f"“{raw}”不是官方格式中的类别"
    return None


def _flag(raw: object) -> bool | None:
    if raw is None:
        return False
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, dt.date):
        return True  # the date the extension was notified
    text = unicodedata.normalize("NFKC", str(raw)).strip().lower()
    if text in _YES or text.startswith(("是", "已延")):
        return True
    if text in _NO or text.startswith(("否", "未", "不")):
        return False
    return None


def _applications(sheet: RawSheet, header: Header, vocab: Vocabulary) -> list[Application]:
    apps: list[Application] = []
    for number, values in _data_rows(sheet, header):
        app = Application(row=number)
        _read(app, values, ("received", "answered", "corrected"),
              {"applicant_type": ("applicant_type", vocab.match_applicant), "result": ("result", vocab.match_result)})
        flag = _flag(values.get("extended"))
        if flag is None:
            app.unreadable["extended"] = f"“{values.get('extended')}”应写“是”或“否”"
        app.extended = bool(flag)
        apps.append(app)
    return apps


def _cases(sheet: RawSheet, header: Header, vocab: Vocabulary) -> list[Case]:
    cases: list[Case] = []
    for number, values in _data_rows(sheet, header):
        case = Case(row=number)
        _read(case, values, ("received", "closed"),
              {"kind": ("kind", vocab.match_kind), "outcome": ("result", vocab.match_outcome)})
        cases.append(case)
    return cases


def _read(
    record: Application | Case,
    values: Mapping[str, object],
    dates: tuple[str, ...],
    categories: Mapping[str, tuple[str, Callable[[str], Match]]],
) -> None:
    """A row's dates (each attribute read from the column of the same role) and categories
    (attribute -> its column's role and how the text is matched); what cannot be used, and
    why, goes to `record.unreadable` in that order."""
    for role in dates:
        setattr(record, role, _date(values, role, record.unreadable))
    for attribute, (role, match_text) in categories.items():
        setattr(record, attribute, _category(values, role, match_text, record.unreadable))
