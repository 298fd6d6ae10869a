"""Tables 3 and 4 counted from a register for report year Y, by the format's vocabulary.

An application received in Y is 本年新收; one received before Y and not answered before Y is
上年结转; one answered in Y counts in its result row; one received by 31 December Y and not
answered by then is 结转下年度. So 新收 + 结转 = 结果 + 结转下年度 holds by construction for
every row counted; a row that cannot be counted (no receipt date, no result, dates out of
order, a category that is not the format's) is named, never guessed.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from govopen_desktop.domain.register.columns import SheetKind, role_name
from govopen_desktop.domain.register.dates import shown_date
from govopen_desktop.domain.register.model import Application, Case, Issue, IssueLevel, Register, RowNote
from govopen_desktop.domain.register.vocabulary import Vocabulary
from govopen_desktop.domain.register.workdays import CalendarYearMissing, add_working_days, calendar_years

# code -> (level, what the rows have in common); a row of an `error` code was not counted.
CODES: dict[str, tuple[IssueLevel, str]] = {
    "REG-NO-RECEIVED": ("error", "没有收到日期，无法判断属于哪一年，未统计"),
    "REG-BAD-DATE": ("error", "日期无法识别，未统计"),
    "REG-TYPE": ("error", "申请人类型空白或不是官方类别，未统计"),
    "REG-RESULT": ("error", "已答复，但办理结果空白或不是官方类别，未统计"),
    "REG-ORDER": ("error", "答复日期早于收到日期，未统计"),
    "REG-RESULT-NO-DATE": ("warning", "有办理结果但没有答复日期，按未办结计入“结转下年度继续办理”"),
    "REG-LATE": ("warning", "答复晚于法定期限（条例第三十三条）"),
    "REG-OVERDUE": ("warning", "至年底仍未答复，且已超过法定期限"),
    "REG-CORRECTED": ("warning", "补正日期早于收到日期或晚于答复日期"),
    "REG-EXTENDED": ("warning", "“是否延期”无法识别，按未延期核对期限"),
    "REG-LOOSE": ("warning", "办理结果写法无法识别（尚未答复，不影响本年统计）"),
    "REG-CALENDAR": ("info", "节假日数据不含该年份，未核对答复期限"),
    "REG-CASE-NO-RECEIVED": ("error", "没有立案或收到日期，未统计"),
    "REG-CASE-BAD-DATE": ("error", "日期无法识别，未统计"),
    "REG-CASE-KIND": ("error", "类型空白或不是“行政复议/未经复议直接起诉/复议后起诉”，未统计"),
    "REG-CASE-OUTCOME": ("error", "已结案，但结果空白或无法识别，未统计"),
    "REG-CASE-ORDER": ("error", "结案日期早于立案或收到日期，未统计"),
    "REG-CASE-NO-CLOSED": ("error", "有结果但没有结案日期，无法判断在哪一年审结，未统计"),
    "REG-CASE-PENDING-CLOSED": ("error", "结果为尚未审结，却有本年或更早的结案日期，未统计"),
}


@dataclass
class RegisterCount:
    """The counted cells (input cells of tables 3 and 4 by canonical key), the register rows
    each counts, what was noticed, and the numbers the text may quote."""

    year: int
    format_id: str
    values: dict[str, int] = field(default_factory=dict)
    sources: dict[str, tuple[int, ...]] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)
    sheets: dict[str, str] = field(default_factory=dict)  # table id -> the sheet it was counted from
    stats: dict[str, int] = field(default_factory=dict)
    result_rows: tuple[str, ...] = ()  # the table-3 rows a result counts in

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.level == "error"]


class _Notes:
    def __init__(self) -> None:
        self.items: list[RowNote] = []

    def add(self, code: str, sheet: str, row: int, text: str) -> None:
        self.items.append(RowNote(code, CODES[code][0], sheet, row, text))


def count_register(register: Register, year: int, vocab: Vocabulary) -> RegisterCount:
    result = RegisterCount(year=year, format_id=vocab.format_id, result_rows=tuple(c.id for c in vocab.results))
    notes = _Notes()
    rows: dict[str, list[int]] = defaultdict(list)
    if register.application_sheet is not None:
        result.sheets[vocab.applications.table] = register.application_sheet
        result.stats = _count_applications(register.applications, register.application_sheet, year, vocab,
                                           rows, notes)
        t3 = vocab.applications
        for row in (t3.new_row, t3.carried_in_row, *(c.id for c in vocab.results), t3.carried_out_row):
            for col in vocab.applicant_types:
                rows.setdefault(vocab.t3_key(row, col.id), [])
    if register.case_sheet is not None:
        result.sheets[vocab.cases.table] = register.case_sheet
        _count_cases(register.cases, register.case_sheet, year, vocab, rows, notes)
        for kind in vocab.kinds:
            for outcome in vocab.outcomes:
                rows.setdefault(vocab.t4_key(kind.id, outcome.id), [])
    result.values = {k: len(v) for k, v in rows.items()}
    result.sources = {k: tuple(v) for k, v in rows.items()}
    result.issues = [*register.sheet_issues, *summarize(notes.items)]
    return result


def _count_applications(
    apps: Iterable[Application], sheet: str, year: int, vocab: Vocabulary,
    rows: dict[str, list[int]], notes: _Notes,
) -> dict[str, int]:
    t3 = vocab.applications
    stats = {"new": 0, "answered": 0, "on_time": 0, "late": 0, "unchecked": 0, "carried_out": 0}
    year_end = dt.date(year, 12, 31)
    for app in apps:
        received, answered = app.received, app.answered
        if not _of_the_year(app, answered, _APPLICATION_DATES, year, sheet, notes) or received is None:
            continue
        if answered is not None and answered < received:
            notes.add("REG-ORDER", sheet, app.row,
                      f"第 {app.row} 行 {shown_date(received)}收到，答复日期却是 {shown_date(answered)}")
            continue
        if app.applicant_type is None:
            why = app.unreadable.get("applicant_type", "空白")
            notes.add("REG-TYPE", sheet, app.row, f"第 {app.row} 行申请人类型{why}")
            continue
        answered_now = answered is not None and answered.year == year
        if answered_now and app.result is None:
            why = app.unreadable.get("result", "空白")
            notes.add("REG-RESULT", sheet, app.row, f"第 {app.row} 行办理结果{why}")
            continue
        if not answered_now and "result" in app.unreadable:
            notes.add("REG-LOOSE", sheet, app.row, f"第 {app.row} 行办理结果{app.unreadable['result']}")
        if answered is None and app.result is not None:
            notes.add("REG-RESULT-NO-DATE", sheet, app.row, f"第 {app.row} 行有办理结果，没有答复日期")
        if "extended" in app.unreadable:
            notes.add("REG-EXTENDED", sheet, app.row, f"第 {app.row} 行“是否延期”{app.unreadable['extended']}")
        column = app.applicant_type
        arrived = t3.new_row if received.year == year else t3.carried_in_row
        rows[vocab.t3_key(arrived, column)].append(app.row)
        stats["new"] += arrived == t3.new_row
        if answered_now and app.result is not None:
            rows[vocab.t3_key(app.result, column)].append(app.row)
            stats["answered"] += 1
        else:
            rows[vocab.t3_key(t3.carried_out_row, column)].append(app.row)
            stats["carried_out"] += 1
        _check_corrected(app, sheet, notes)
        timely = _check_deadline(app, sheet, year_end if not answered_now else None, vocab, notes)
        if answered_now:
            stats["on_time" if timely is True else "late" if timely is False else "unchecked"] += 1
    return stats


@dataclass(frozen=True)
class _DateRoles:
    """The dates that place a register row in a year, and the codes of what is wrong with them."""

    ended: str  # the role of the date that ends its business (answered, closed)
    no_received: str  # code, and the row's words, when it has no received date
    no_received_text: str
    bad_date: str


_APPLICATION_DATES = _DateRoles("answered", "REG-NO-RECEIVED", "没有收到日期", "REG-BAD-DATE")
_CASE_DATES = _DateRoles("closed", "REG-CASE-NO-RECEIVED", "没有立案或收到日期", "REG-CASE-BAD-DATE")


def _of_the_year(
    item: Application | Case, ended: dt.date | None, roles: _DateRoles, year: int, sheet: str, notes: _Notes
) -> bool:
    """A row of `year`'s business with readable dates; a row without a received date that did
    not end before the year, or with a date that cannot be read, is noted."""
    received = item.received
    if received is None and "received" not in item.unreadable:
        if ended is None or ended.year >= year:
            notes.add(roles.no_received, sheet, item.row, f"第 {item.row} 行{roles.no_received_text}")
        return False
    if (received is not None and received.year > year) or (ended is not None and ended.year < year):
        return False  # another year's business
    return not _unreadable_dates(item, ("received", roles.ended), roles.bad_date, sheet, notes)


def _unreadable_dates(item: Application | Case, roles: tuple[str, ...], code: str, sheet: str,
                      notes: _Notes) -> bool:
    bad = [r for r in roles if r in item.unreadable]
    for role in bad:
        kind: SheetKind = "applications" if isinstance(item, Application) else "cases"
        notes.add(code, sheet, item.row, f"第 {item.row} 行{role_name(kind, role)}{item.unreadable[role]}")
    return bool(bad)


def _check_corrected(app: Application, sheet: str, notes: _Notes) -> None:
    if "corrected" in app.unreadable:
        notes.add("REG-CORRECTED", sheet, app.row, f"第 {app.row} 行补正日期{app.unreadable['corrected']}")
    elif app.corrected is not None and app.received is not None and (
        app.corrected < app.received or (app.answered is not None and app.corrected > app.answered)
    ):
        notes.add("REG-CORRECTED", sheet, app.row, f"第 {app.row} 行补正日期为 {shown_date(app.corrected)}")


def _check_deadline(app: Application, sheet: str, open_at: dt.date | None, vocab: Vocabulary,
                    notes: _Notes) -> bool | None:
    """Whether the answer came within the statutory limit: 20 working days from receipt, or
    from the 补正 date; 20 more when extended. `open_at`: not answered yet on that day."""
    start = app.received
    if app.corrected is not None and start is not None and app.corrected >= start:
        start = app.corrected
    if start is None:
        return None
    time_limit = vocab.applications.time_limit
    days = time_limit.working_days + (time_limit.extension_working_days if app.extended else 0)
    try:
        deadline = add_working_days(start, days)
    except CalendarYearMissing as exc:
        first, last = calendar_years()
        notes.add("REG-CALENDAR", sheet, app.row,
                  f"第 {app.row} 行：节假日数据只有 {first}–{last} 年，没有 {exc.year} 年")
        return None
    basis = "补正后" if start != app.received else "收到后"
    limit = f"{basis} {days} 个工作日内，即 {shown_date(deadline)}前"
    if app.answered is not None and app.answered > deadline:
        notes.add("REG-LATE", sheet, app.row,
                  f"第 {app.row} 行 {shown_date(app.answered)}答复，应在{limit}")
        return False
    if app.answered is None and open_at is not None and open_at > deadline:
        notes.add("REG-OVERDUE", sheet, app.row, f"第 {app.row} 行应在{limit}答复")
        return False
    return True


def _count_cases(
    cases: Iterable[Case], sheet: str, year: int, vocab: Vocabulary,
    rows: dict[str, list[int]], notes: _Notes,
) -> None:
    for case in cases:
        received, closed = case.received, case.closed
        if not _of_the_year(case, closed, _CASE_DATES, year, sheet, notes) or received is None:
            continue
        if case.kind is None:
            why = case.unreadable.get("kind", "空白")
            notes.add("REG-CASE-KIND", sheet, case.row, f"第 {case.row} 行类型{why}")
            continue
        if closed is not None and closed < received:
            notes.add("REG-CASE-ORDER", sheet, case.row,
                      f"第 {case.row} 行 {shown_date(received)}立案或收到，结案日期却是 {shown_date(closed)}")
            continue
        closed_now = closed is not None and closed.year == year
        if closed_now:
            if case.outcome is None:
                why = case.unreadable.get("result", "空白")
                notes.add("REG-CASE-OUTCOME", sheet, case.row, f"第 {case.row} 行结果{why}")
                continue
            if case.outcome == vocab.cases.pending:
                notes.add("REG-CASE-PENDING-CLOSED", sheet, case.row,
                          f"第 {case.row} 行结果为尚未审结，结案日期为 {shown_date(closed)}")  # type: ignore[arg-type]
                continue
            outcome = case.outcome
        else:
            if closed is None and case.outcome not in (None, vocab.cases.pending):
                notes.add("REG-CASE-NO-CLOSED", sheet, case.row, f"第 {case.row} 行有结果，没有结案日期")
                continue
            outcome = vocab.cases.pending
        rows[vocab.t4_key(case.kind, outcome)].append(case.row)


def summarize(notes: Iterable[RowNote]) -> list[Issue]:
    """One issue per kind of note and sheet, errors first, rows in register order."""
    grouped: dict[tuple[str, str], list[RowNote]] = {}
    for note in notes:
        grouped.setdefault((note.code, note.sheet), []).append(note)
    order = {"error": 0, "warning": 1, "info": 2}
    issues = []
    for (code, sheet), items in grouped.items():
        level, what = CODES[code]
        items.sort(key=lambda n: n.row)
        issues.append(Issue(code, level, sheet, f"“{sheet}”中 {len(items)} 行{what}",
                            tuple(n.row for n in items), tuple(n.text for n in items)))
    issues.sort(key=lambda i: (order[i.level], i.rows[0] if i.rows else 0))
    return issues
