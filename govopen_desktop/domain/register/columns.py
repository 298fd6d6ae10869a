"""The columns of a register, found by their meaning: each role has the names offices give
it (the template's name first); a header row is the row naming the most roles."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

SheetKind = Literal["applications", "cases"]

# role -> names, the template's own first. Matched whole first, then as the longest name a
# header contains ("收到日期（年/月/日）", "申请人类别（自然人/法人）").
APPLICATION_COLUMNS: dict[str, tuple[str, ...]] = {
    "seq": ("序号", "编号", "登记号", "登记编号", "受理编号", "申请编号", "流水号"),
    "received": ("收到日期", "收到时间", "收件日期", "收件时间", "受理日期", "受理时间", "接收日期", "接收时间",
                 "申请日期", "申请时间", "登记日期", "登记时间", "来件日期", "收到申请日期", "收到申请时间"),
    "applicant": ("申请人", "申请人姓名", "申请人名称", "申请人姓名或名称", "姓名/名称", "姓名"),
    "applicant_type": ("申请人类型", "申请人类别", "申请人性质", "申请主体类型", "申请人身份", "申请主体",
                       "申请人分类"),
    "content": ("申请内容", "申请事项", "申请公开内容", "申请公开的内容", "申请公开事项", "所需信息", "申请信息内容",
                "申请公开信息"),
    "corrected": ("补正日期", "补正时间", "收到补正日期", "收到补正时间", "补正材料收到日期"),
    "extended": ("是否延期", "延期", "是否延长", "延长答复", "延期答复", "是否延期答复", "延长期限"),
    "answered": ("答复日期", "答复时间", "办结日期", "办结时间", "告知日期", "回复日期", "回复时间", "出具答复日期",
                 "答复告知日期", "送达日期"),
    "result": ("办理结果", "答复结果", "处理情况", "处理结果", "办理情况", "答复情况", "答复类型", "答复意见",
               "办理结果分类", "答复结果类型"),
    "note": ("备注", "说明"),
}
CASE_COLUMNS: dict[str, tuple[str, ...]] = {
    "seq": ("序号", "编号", "案号", "案件编号"),
    "kind": ("类型", "案件类型", "类别", "案件类别", "案件性质", "复议或诉讼"),
    "received": ("立案或收到日期", "立案日期", "收到日期", "受理日期", "立案时间", "收到时间", "受理时间", "收案日期"),
    "result": ("结果", "审理结果", "复议结果", "判决结果", "裁判结果", "处理结果", "结案结果", "办理结果"),
    "closed": ("结案日期", "审结日期", "结案时间", "审结时间", "决定日期", "判决日期", "裁决日期"),
    "note": ("备注", "说明"),
}
# What a sheet needs before it can be counted, and what tells the two kinds apart.
REQUIRED: dict[SheetKind, tuple[str, ...]] = {
    "applications": ("received", "applicant_type", "answered", "result"),
    "cases": ("kind", "received", "result"),
}
DISTINCTIVE: dict[SheetKind, tuple[str, ...]] = {
    "applications": ("applicant_type", "applicant", "answered", "content", "corrected", "extended"),
    "cases": ("kind", "closed"),
}
ROLE_NAMES: dict[str, str] = {
    "seq": "序号", "received": "收到日期", "applicant": "申请人", "applicant_type": "申请人类型",
    "content": "申请内容", "corrected": "补正日期", "extended": "是否延期", "answered": "答复日期",
    "result": "办理结果", "note": "备注", "kind": "类型", "closed": "结案日期",
}
CASE_ROLE_NAMES: dict[str, str] = {"received": "立案或收到日期", "result": "结果"}

HEADER_SCAN_ROWS = 15
_BRACKETED = re.compile(r"[(\[【][^)\]】]*[)\]】]")
_GROUP_WORDS = re.compile(r"(?:基本)?(?:信息|情况)$")
_SPACES = re.compile(r"[\s\u3000*＊:：]+")


def columns_for(kind: SheetKind) -> dict[str, tuple[str, ...]]:
    return APPLICATION_COLUMNS if kind == "applications" else CASE_COLUMNS


def role_name(kind: SheetKind, role: str) -> str:
    if kind == "cases" and role in CASE_ROLE_NAMES:
        return CASE_ROLE_NAMES[role]
    return ROLE_NAMES[role]


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    return _SPACES.sub("", _BRACKETED.sub("", text))


def role_of(header: str, kind: SheetKind) -> str | None:
    """The role a header names, or None."""
    cleaned = _clean(header)
    if not cleaned:
        return None
    columns = columns_for(kind)
    for role, names in columns.items():
        if cleaned in names:
            return role
    best: tuple[int, str] | None = None
    for role, names in columns.items():
        for name in names:
            if len(name) >= 2 and name in cleaned and (best is None or len(name) > best[0]):
                best = (len(name), role)
    return best[1] if best else None


@dataclass(frozen=True)
class Header:
    """Where the header row is (index into the sheet's rows) and the column of each role."""

    kind: SheetKind
    index: int
    columns: dict[str, int]
    score: int

    def missing(self) -> tuple[str, ...]:
        return tuple(r for r in REQUIRED[self.kind] if r not in self.columns)


def find_header(rows: Sequence[Sequence[object]], kind: SheetKind) -> Header | None:
    """The row among the first ones that names the most roles of `kind` (at least two). A
    header of two rows (申请人信息 merged over 姓名 | 类别) is read as one: a column takes its
    name from the lower row where that names a role, else from the upper one."""
    best: Header | None = None
    scanned = rows[:HEADER_SCAN_ROWS]
    for index, row in enumerate(scanned):
        candidates = [(index, _roles([row], kind))]
        if index + 1 < len(scanned):
            candidates.append((index + 1, _roles([row, scanned[index + 1]], kind)))
        for last, columns in candidates:
            score = len(columns) + sum(2 for r in DISTINCTIVE[kind] if r in columns)
            if len(columns) >= 2 and (best is None or score > best.score):
                best = Header(kind, last, columns, score)
    return best


def _roles(header_rows: Sequence[Sequence[object]], kind: SheetKind) -> dict[str, int]:
    columns: dict[str, int] = {}
    width = max(len(r) for r in header_rows)
    group = ""  # the upper row's text over this column (a merged cell holds it at its left)
    for col in range(width):
        role = None
        if len(header_rows) == 2:
            upper = header_rows[0][col] if col < len(header_rows[0]) else None
            lower = header_rows[1][col] if col < len(header_rows[1]) else None
            if isinstance(upper, str) and upper.strip():
                group = _GROUP_WORDS.sub("", _clean(upper))
            elif lower is None:
                group = ""
            if isinstance(lower, str):
                # 类别 under 申请人信息 is 申请人类别
                role = role_of(lower, kind) or (role_of(group + lower, kind) if group else None)
            if role is None and isinstance(upper, str):
                role = role_of(upper, kind)
        elif isinstance(header_rows[0][col], str):
            role = role_of(header_rows[0][col], kind)  # type: ignore[arg-type]
        if role is not None and role not in columns:
            columns[role] = col
    return columns
