"""Writes the synthetic inputs of tests/data/shapes/ and their expected JSON.

Each input copies the *shape* of a kind of real published 政府信息公开工作年度报告 (how a CMS,
a PDF viewer or a flip-book site flattens the tables, how the metadata block, headings,
title and signature are written) with invented agencies and numbers, so the expected cells
are known. No real report text is copied. Run from the repository root:

    python tests/data/shapes/make_shapes.py

CASES.md beside this file says which real shape each case stands for.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

HERE = Path(__file__).resolve().parent

APPLICANT_COLUMNS = ["natural", "commercial", "research", "social", "legal", "other_org"]

# Table 3 rows: (row key, group label or None, sub-group label or None, own label)
T3_ROWS_2021: list[tuple[str, str | None, str | None, str]] = [
    ("new", None, None, "一、本年新收政府信息公开申请数量"),
    ("carried_in", None, None, "二、上年结转政府信息公开申请数量"),
    ("granted", "三、本年度办理结果", None, "（一）予以公开"),
    ("partial", None, None, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    ("denied_secret", None, "（三）不予公开", "1.属于国家秘密"),
    ("denied_law", None, None, "2.其他法律行政法规禁止公开"),
    ("denied_safety", None, None, "3.危及“三安全一稳定”"),
    ("denied_third_party", None, None, "4.保护第三方合法权益"),
    ("denied_internal", None, None, "5.属于三类内部事务信息"),
    ("denied_process", None, None, "6.属于四类过程性信息"),
    ("denied_enforcement", None, None, "7.属于行政执法案卷"),
    ("denied_query", None, None, "8.属于行政查询事项"),
    ("unable_not_held", None, "（四）无法提供", "1.本机关不掌握相关政府信息"),
    ("unable_needs_making", None, None, "2.没有现成信息需要另行制作"),
    ("unable_unclear", None, None, "3.补正后申请内容仍不明确"),
    ("rejected_petition", None, "（五）不予处理", "1.信访举报投诉类申请"),
    ("rejected_repeat", None, None, "2.重复申请"),
    ("rejected_publication", None, None, "3.要求提供公开出版物"),
    ("rejected_mass", None, None, "4.无正当理由大量反复申请"),
    ("rejected_confirm", None, None, "5.要求行政机关确认或重新出具已获取信息"),
    ("other_no_correction", None, "（六）其他处理",
     "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    ("other_no_fee", None, None,
     "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    ("other_misc", None, None, "3.其他"),
    ("results_total", None, None, "（七）总计"),
    ("carried_out", None, None, "四、结转下年度继续办理"),
]
T3_ROWS_2019 = [r for r in T3_ROWS_2021 if not r[0].startswith("other_")]
T3_ROWS_2019.insert(
    [r[0] for r in T3_ROWS_2019].index("results_total"), ("other", None, None, "（六）其他处理")
)
RESULT_ROWS_2021 = [r[0] for r in T3_ROWS_2021[2:23]]
RESULT_ROWS_2019 = [r[0] for r in T3_ROWS_2019[2:21]]
T4_GROUPS = ["review", "suit_direct", "suit_after_review"]
T4_COLUMNS = ["upheld", "corrected", "other", "pending", "total"]

T2_KEYS_2021 = [
    "t2.regulations.issued", "t2.regulations.repealed", "t2.regulations.in_force",
    "t2.normative_docs.issued", "t2.normative_docs.repealed", "t2.normative_docs.in_force",
    "t2.licensing.decisions", "t2.punishment.decisions", "t2.coercion.decisions",
    "t2.fees.amount",
]
T2_KEYS_2019 = [
    "t2.regulations.made", "t2.regulations.published", "t2.regulations.total_published",
    "t2.normative_docs.made", "t2.normative_docs.published", "t2.normative_docs.total_published",
    "t2.licensing.prior", "t2.licensing.change", "t2.licensing.decisions",
    "t2.other_services.prior", "t2.other_services.change", "t2.other_services.decisions",
    "t2.punishment.prior", "t2.punishment.change", "t2.punishment.decisions",
    "t2.coercion.prior", "t2.coercion.change", "t2.coercion.decisions",
    "t2.fees.prior", "t2.fees.change", "t2.procurement.projects", "t2.procurement.amount",
]

Cell = int | float | str | None


@dataclass
class Case:
    """One synthetic report: its data (consistent) and how it is printed."""

    name: str
    ext: str
    shape: str  # one line: the real shape it copies
    agency: str
    year: int
    fmt: str
    date: str | None
    t2: dict[str, Cell]
    t3: dict[str, list[int | None]]  # row -> 6 applicant values (totals computed)
    t4: dict[str, list[int | None]]  # group -> 4 values (total computed)
    overview: str
    problems: str
    other: str
    render: Callable[[Case], str] = field(repr=False, default=lambda c: "")
    # Cells that the printed document does not make certain (left out of the expected file).
    uncertain: set[str] = field(default_factory=set)
    # Cells printed blank although the data has a value (e.g. a table left out): None in expected.
    blank: set[str] = field(default_factory=set)
    expected_meta: dict[str, object] | None = None
    notes: list[str] = field(default_factory=list)
    unit: str | None = None  # 2019 procurement amount unit as printed in the header
    checks: dict[str, object] = field(default_factory=dict)
    fee_stated: bool = True  # 六 says whether 信息处理费 was charged
    expected_t2_override: dict[str, Cell] = field(default_factory=dict)  # printed "58000元" -> 58000

    # ---- data ------------------------------------------------------------------------
    def t3_rows(self) -> list[tuple[str, str | None, str | None, str]]:
        return T3_ROWS_2021 if self.fmt == "2021" else T3_ROWS_2019

    def result_rows(self) -> list[str]:
        return RESULT_ROWS_2021 if self.fmt == "2021" else RESULT_ROWS_2019

    def t3_value(self, row: str, col: str) -> int | None:
        if row == "results_total":
            vals = [self.t3_value(r, col) for r in self.result_rows()]
            return None if any(v is None for v in vals) else sum(v for v in vals if v is not None)
        if row == "new":
            # new = results + carried_out - carried_in (the balance holds by construction)
            if "new" in self.t3:
                src = self.t3["new"]
            else:
                out = []
                for i, c in enumerate(APPLICANT_COLUMNS):
                    res = self.t3_value("results_total", c)
                    co = self.t3.get("carried_out", [0] * 6)[i]
                    ci = self.t3.get("carried_in", [0] * 6)[i]
                    out.append(None if None in (res, co, ci) else res + co - ci)  # type: ignore[operator]
                src = out
        else:
            src = self.t3.get(row, [0] * 6)
        if col == "total":
            return None if any(v is None for v in src) else sum(v for v in src if v is not None)
        return src[APPLICANT_COLUMNS.index(col)]

    def t4_value(self, group: str, col: str) -> int | None:
        src = self.t4.get(group, [0, 0, 0, 0])
        if col == "total":
            return None if any(v is None for v in src) else sum(v for v in src if v is not None)
        return src[T4_COLUMNS.index(col)]

    def t3_line(self, row: str) -> list[Cell]:
        return [self.t3_value(row, c) for c in [*APPLICANT_COLUMNS, "total"]]

    def t4_line(self) -> list[Cell]:
        return [self.t4_value(g, c) for g in T4_GROUPS for c in T4_COLUMNS]

    def cells(self) -> dict[str, Cell]:
        out: dict[str, Cell] = {}
        for k in T2_KEYS_2021 if self.fmt == "2021" else T2_KEYS_2019:
            out[k] = self.t2.get(k)
        if self.fmt == "2019" and self.unit is not None:
            out["t2.procurement.amount_unit"] = self.unit
        for row, *_ in self.t3_rows():
            for c in [*APPLICANT_COLUMNS, "total"]:
                out[f"t3.{row}.{c}"] = self.t3_value(row, c)
        for g in T4_GROUPS:
            for c in T4_COLUMNS:
                out[f"t4.{g}.{c}"] = self.t4_value(g, c)
        out.update(self.expected_t2_override)
        for k in self.blank:
            out[k] = None
        for k in self.uncertain:
            out.pop(k, None)
        return out


# ---- printing helpers ------------------------------------------------------------------

def fmt_value(v: Cell) -> str:
    if v is None:
        return ""
    return str(v)


def t2_grid(case: Case, half: bool = False, year_in_header: bool = False,
            old_label: bool = False) -> list[list[str]]:
    """Table 2 as printed rows of cell texts (group rows are one cell)."""
    def p(s: str) -> str:
        return s.replace("（", "(").replace("）", ")").replace("：", ":") if half else s
    v = {k: fmt_value(case.t2.get(k)) for k in (T2_KEYS_2021 + T2_KEYS_2019)}
    if case.fmt == "2021":
        yr = f"（{case.year}）" if year_in_header else ""
        return [
            [p("第二十条第（一）项")],
            ["信息内容", f"本年{p(yr)}制发件数", f"本年{p(yr)}废止件数", "现行有效件数"],
            ["规章", v["t2.regulations.issued"], v["t2.regulations.repealed"],
             v["t2.regulations.in_force"]],
            ["规范性文件" if old_label else "行政规范性文件", v["t2.normative_docs.issued"],
             v["t2.normative_docs.repealed"], v["t2.normative_docs.in_force"]],
            [p("第二十条第（五）项")],
            ["信息内容", f"本年{p(yr)}处理决定数量"],
            ["行政许可", v["t2.licensing.decisions"]],
            [p("第二十条第（六）项")],
            ["信息内容", f"本年{p(yr)}处理决定数量"],
            ["行政处罚", v["t2.punishment.decisions"]],
            ["行政强制", v["t2.coercion.decisions"]],
            [p("第二十条第（八）项")],
            ["信息内容", p("本年收费金额（单位：万元）")],
            ["行政事业性收费", v["t2.fees.amount"]],
        ]
    unit = p(f"（{case.unit}）") if case.unit else ""
    return [
        [p("第二十条第（一）项")],
        ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"],
        ["规章", v["t2.regulations.made"], v["t2.regulations.published"],
         v["t2.regulations.total_published"]],
        ["规范性文件", v["t2.normative_docs.made"], v["t2.normative_docs.published"],
         v["t2.normative_docs.total_published"]],
        [p("第二十条第（五）项")],
        ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
        ["行政许可", v["t2.licensing.prior"], v["t2.licensing.change"], v["t2.licensing.decisions"]],
        ["其他对外管理服务事项", v["t2.other_services.prior"], v["t2.other_services.change"],
         v["t2.other_services.decisions"]],
        [p("第二十条第（六）项")],
        ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
        ["行政处罚", v["t2.punishment.prior"], v["t2.punishment.change"],
         v["t2.punishment.decisions"]],
        ["行政强制", v["t2.coercion.prior"], v["t2.coercion.change"], v["t2.coercion.decisions"]],
        [p("第二十条第（八）项")],
        ["信息内容", "上一年项目数量", "本年增/减"],
        ["行政事业性收费", v["t2.fees.prior"], v["t2.fees.change"]],
        [p("第二十条第（九）项")],
        ["信息内容", "采购项目数量", f"采购总金额{unit}"],
        ["政府集中采购", v["t2.procurement.projects"], v["t2.procurement.amount"]],
    ]


def t3_grid(case: Case, half: bool = False, split_header: str = "") -> list[list[str]]:
    """Table 3 rows as a CMS flattens an HTML table: group labels in the first row they span."""
    def p(s: str) -> str:
        return s.replace("（", "(").replace("）", ")").replace("：", ":") if half else s
    commercial = "商业" + split_header + "企业"
    research = "科研" + split_header + "机构"
    rows: list[list[str]] = [
        [p("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"), "申请人情况"],
        ["自然人", "法人或其他组织", "总计"],
        [commercial, research, "社会公益组织", "法律服务机构", "其他"],
    ]
    for row, group, sub, label in case.t3_rows():
        line = [fmt_value(x) for x in case.t3_line(row)]
        cells = [p(x) for x in (group, sub) if x] + [p(label)] + line
        rows.append(cells)
    return rows


def t4_grid(case: Case) -> list[list[str]]:
    heads = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    return [
        ["行政复议", "行政诉讼"],
        [*heads, "未经复议直接起诉", "复议后起诉"],
        heads * 2,
        [fmt_value(x) for x in case.t4_line()],
    ]


def texts_block(case: Case, h: Callable[[str, str], str]) -> dict[str, str]:
    """The six section headings (through h(number, title)) with their texts."""
    return {
        "overview": h("一", "总体情况") + "\n" + case.overview,
        "t2": h("二", "主动公开政府信息情况"),
        "t3": h("三", "收到和处理政府信息公开申请情况"),
        "t4": h("四", "政府信息公开行政复议、行政诉讼情况"),
        "problems": h("五", "存在的主要问题及改进情况") + "\n" + case.problems,
        "other": h("六", "其他需要报告的事项") + "\n" + case.other,
    }


def std_heading(n: str, t: str) -> str:
    return f"{n}、{t}"


def signature(case: Case, sep: str = "\n") -> str:
    if case.date is None:
        return case.agency
    y, m, d = case.date.split("-")
    return f"{case.agency}{sep}{int(y)}年{int(m)}月{int(d)}日"


# ---- renderers: each prints the whole report in one real shape --------------------------

def join_pipe_rows(grid: list[list[str]], trailing_fill: bool = True, extra: str = "") -> str:
    """`a | b | c |` per row (a CMS page's table copied as text; group rows `x | |||`);
    `extra` is appended to rows with values (empty cells of a wider layout grid: ` ||`)."""
    out = []
    for row in grid:
        if len(row) == 1 and trailing_fill:
            out.append(f"{row[0]} | |||")
        else:
            tail = extra if any(c.isdigit() for c in row[-1]) else ""
            out.append(" | ".join(row) + " |" + tail)
    return "\n".join(out)


def render_pipe_rows(case: Case) -> str:
    s = texts_block(case, std_heading)
    half = case.checks.get("half", True)
    return "\n".join([
        *([str(case.checks["meta_rows"])] if "meta_rows" in case.checks else []),
        f"{case.agency}{case.year}年政府信息公开工作年度报告",
        case.checks.get("intro", "本报告根据《中华人民共和国政府信息公开条例》要求编制。"),
        s["overview"], s["t2"],
        join_pipe_rows(t2_grid(case, half=bool(half),
                               year_in_header=bool(case.checks.get("year_in_header")),
                               old_label=bool(case.checks.get("old_label")))),
        s["t3"], join_pipe_rows(t3_grid(case, half=bool(half), split_header=" "),
                                extra=str(case.checks.get("extra_pipes", ""))),
        s["t4"], join_pipe_rows(t4_grid(case)),
        s["problems"], s["other"], signature(case), "",
    ])


def join_cell_lines(grid: list[list[str]], blank_line: bool, bar: str = "",
                    drop_empty: bool = False, lead_bar: bool = False) -> str:
    """One cell per line (a CMS page whose table cells are <p>), optional `|` marks."""
    out: list[str] = []
    for row in grid:
        if lead_bar:
            out.append("|")
        for cell in row:
            if drop_empty and cell == "":
                continue
            if bar == "after":
                out.append(f"{cell} |")
            elif bar == "own_line":
                out.append(cell)
                out.append("|")
            else:
                out.append(cell if cell != "" else "\u00a0")
        if bar == "after" and len(row) == 1 and not lead_bar:
            out.append("|||")
    sep = "\n\n" if blank_line else "\n"
    return sep.join(out)


def render_cell_lines(case: Case) -> str:
    s = texts_block(case, std_heading)
    opts = case.checks
    half = bool(opts.get("half", True))
    kw = dict(blank_line=bool(opts.get("blank_line")), bar=str(opts.get("bar", "")),
              drop_empty=bool(opts.get("drop_empty")), lead_bar=bool(opts.get("lead_bar")))
    sh = "\n\n" if opts.get("blank_line") else "\n"
    t3 = t3_grid(case, half=half, split_header=sh if opts.get("split_header") else "")
    if opts.get("split_group"):
        for row in t3:
            for i, cell in enumerate(row):
                if cell in ("（三）不予公开", "(三)不予公开"):
                    row[i] = cell.replace("不予公开", sh + "不予公开")
    pre = opts.get("pre", "")
    title = opts.get("title", f"{case.agency}{case.year}年政府信息公开工作年度报告")
    parts = [
        pre, title, opts.get("intro", "本报告根据《中华人民共和国政府信息公开条例》要求编制。"),
        s["overview"], s["t2"], opts.get("table_intro", ""),
        join_cell_lines(t2_grid(case, half=half), **kw),  # type: ignore[arg-type]
        s["t3"], opts.get("table_intro", ""),
        join_cell_lines(t3, **kw),  # type: ignore[arg-type]
        s["t4"], opts.get("table_intro", ""),
        join_cell_lines(t4_grid(case), **kw),  # type: ignore[arg-type]
        s["problems"], s["other"], signature(case), opts.get("post", ""),
    ]
    sep = "\n\n" if opts.get("blank_line") else "\n"
    return sep.join(p for p in parts if p) + "\n"


def render_pipe_cell_newlines(case: Case) -> str:
    """`| \\n 规章  | \\n 0  | ...` — a CMS that keeps the cell's own line breaks and padding."""
    def rows(grid: list[list[str]]) -> str:
        out = []
        for row in grid:
            cells = "".join(f"| \n {c}  " for c in row)
            fill = " | |||" if len(row) == 1 else " | "
            out.append(cells + fill.rstrip() + ("" if len(row) == 1 else "|"))
        return "\n".join(out)
    s = texts_block(case, std_heading)
    return "\n".join([
        case.checks.get("intro", "根据《中华人民共和国政府信息公开条例》要求，结合工作实际，编制本报告。"),
        s["overview"], s["t2"], rows(t2_grid(case, half=True)),
        s["t3"], rows(t3_grid(case, half=True, split_header=" ")),
        s["t4"], rows(t4_grid(case)),
        s["problems"], s["other"], signature(case), "",
    ])


def render_flipbook(case: Case) -> str:
    """A PDF flip-book site's text layer: `Page N - 名称\\nP. N` per page, rows as runs of
    single spaces, table 4's narrow header printed one character per line, values on one line."""
    pages: list[list[str]] = [[]]
    title = case.checks.get("book", f"{case.year}年报_{case.agency}")

    def line(x: str) -> None:
        pages[-1].append(x)

    def newpage() -> None:
        pages.append([])

    s = texts_block(case, case.checks.get("heading", std_heading))  # type: ignore[arg-type]
    line(f"{case.agency}")
    line(f"{case.year}年政府信息公开工作年度报告")
    for ln in s["overview"].split("\n"):
        line(ln)
    newpage()
    line(s["t2"])
    for row in t2_grid(case):
        line(" ".join(c for c in row if c != "") if case.checks.get("squeeze") else " ".join(row))
    line(s["t3"])
    g = t3_grid(case)
    line("（本列数据的勾稽关系为：第一项加第二项之和，")
    line("申请人情况")
    line("等于第三项加第四项之和）")
    line("法人或其他组织")
    line("商业 科研 社会公益 法律服务")
    line("自然人 其他 总计")
    line("企业 机构 组织 机构")
    mid = bool(case.checks.get("mid_labels"))
    groups = {"三、本年度办理结果", "（三）不予公开", "（四）无法提供", "（五）不予处理", "（六）其他处理"}
    held: dict[int, str] = {}
    if mid:  # a text layer gives a tall merged label where its middle is, on a line of its own
        rows3 = [list(r) for r in g[3:]]
        spans = {"三、本年度办理结果": 10, "（三）不予公开": 3, "（四）无法提供": 1,
                 "（五）不予处理": 2, "（六）其他处理": 1}
        for i, row in enumerate(rows3):
            for cell in list(row):
                if cell in groups:
                    row.remove(cell)
                    held[i + spans[cell]] = held.get(i + spans[cell], "") + cell
        g = g[:3] + rows3
    for i, row in enumerate(g[3:]):
        if i == 12:
            newpage()
        if i in held:
            line(held[i])
        line(" ".join(row))
    newpage()
    line(s["t4"])
    for ln in case.checks.get("t4_narrative", "").split("\n"):
        if ln:
            line(ln)
    line("行政复议 行政诉讼")
    line("未经复议直接起诉 复议后起诉")
    line("结 结 其 尚")
    line("结 结 其 尚 结 结 其 尚")
    line("果 果 他 未")
    line("总计 果 果 他 未 总 果 果 他 未 总")
    line("维 纠 结 审")
    line("维 纠 结 审 计 维 纠 结 审 计")
    line("持 正 果 结")
    line("持 正 果 结 持 正 果 结")
    line(" ".join(fmt_value(x) for x in case.t4_line()))
    for ln in (s["problems"] + "\n" + s["other"]).split("\n"):
        line(ln)
    line(case.agency)
    if case.date:
        y, m, d = case.date.split("-")
        line(f"{int(y)}年{int(m)}月{int(d)}日")
    out = []
    for i, pg in enumerate(pages, start=3):
        out.append(f"Page {i} - {title}")
        out.append(f"P. {i}")
        out.extend(pg)
    return "\n".join(out) + "\n"


def render_flipbook_html(case: Case) -> str:
    """The flip-book site's basic-html text version: each printed line one <p>."""
    lines = render_flipbook(case).rstrip("\n").split("\n")
    body = "\n".join(f"<p>{ln}</p>" for ln in lines)
    return (f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>{lines[0]}</title></head>\n'
            f'<body><div id="content">\n{body}\n</div></body></html>\n')


HTML_HEAD = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{title}</title></head><body>
<div class="top"><ul><li>设为首页</li><li>加入收藏</li><li>无障碍阅读</li><li>长者版</li></ul></div>
<div class="crumb">当前位置：<a href="/">首页</a>&gt;<a href="#">政府信息公开</a>&gt;\
<a href="#">政府信息公开年报</a>&gt;{year}</div>
"""

HTML_FOOT = """<div class="tools">【字体：<a>大</a> <a>中</a> <a>小</a>】 <a>打印</a> <a>关闭</a></div>
<div class="foot">主办：{host}　网站标识码：0000000000　备案号：X ICP备00000000号</div>
</body></html>
"""


def html_table(grid: list[list[str]], spans: dict[tuple[int, int], tuple[int, int]]) -> str:
    out = ['<table border="1" cellspacing="0">']
    for r, row in enumerate(grid):
        out.append("<tr>")
        for c, cell in enumerate(row):
            rs, cs = spans.get((r, c), (1, 1))
            attrs = (f' rowspan="{rs}"' if rs > 1 else "") + (f' colspan="{cs}"' if cs > 1 else "")
            text = cell if cell != "" else "&nbsp;"
            out.append(f'<td{attrs}><p><span>{text}</span></p></td>')
        out.append("</tr>")
    out.append("</table>")
    return "\n".join(out)


def t2_spans(grid: list[list[str]]) -> dict[tuple[int, int], tuple[int, int]]:
    spans = {}
    for r, row in enumerate(grid):
        if len(row) == 1:
            spans[(r, 0)] = (1, 4)
        elif len(row) == 2:
            spans[(r, 1)] = (1, 3)
    return spans


def t3_spans(case: Case) -> dict[tuple[int, int], tuple[int, int]]:
    spans = {(0, 0): (3, 3), (0, 1): (1, 7), (1, 0): (2, 1), (1, 1): (1, 5), (1, 2): (2, 1)}
    rows = case.t3_rows()
    n_results = len(case.result_rows()) + 1
    subs = {"（三）不予公开": 8, "（四）无法提供": 3, "（五）不予处理": 5, "（六）其他处理": 3}
    for i, (row, _group, sub, _label) in enumerate(rows):
        r = i + 3
        if row in ("new", "carried_in", "carried_out"):
            spans[(r, 0)] = (1, 3)
        elif row == "granted":
            spans[(r, 0)] = (n_results, 1)
            spans[(r, 1)] = (1, 2)
        elif sub:
            spans[(r, 0)] = (subs[sub], 1)
        elif row in ("partial", "results_total", "other"):
            spans[(r, 0)] = (1, 2)
    return spans


def render_cms_html(case: Case) -> str:
    """A government CMS page: chrome, breadcrumb, a 名 称/索 引 号 block written as label:value
    runs (several on one line), the article with real tables, the signature at the end."""
    s = texts_block(case, std_heading)
    title = f"{case.agency}{case.year}年政府信息公开工作年度报告"
    meta = case.checks.get("meta_block", "")
    body = [HTML_HEAD.format(title=case.checks.get("html_title", title), year=case.year), meta,
            '<div class="article">', f"<h1>{title}</h1>"]

    def paras(text: str) -> None:
        if case.checks.get("br"):  # a heading and its text in one <p>, lines a <br> apart
            body.append("<p>" + "<br>".join(text.split("\n")) + "</p>")
            return
        for ln in text.split("\n"):
            body.append(f"<p>{ln}</p>")

    paras(case.checks.get("intro", "本报告根据《中华人民共和国政府信息公开条例》要求编制。"))
    paras(s["overview"])
    paras(s["t2"])
    g2 = t2_grid(case)
    body.append(html_table(g2, t2_spans(g2)))
    paras(s["t3"])
    body.append(html_table(t3_grid(case), t3_spans(case)))
    paras(s["t4"])
    g4 = t4_grid(case)
    spans4 = {(0, 0): (1, 5), (0, 1): (1, 10), (1, 0): (2, 1), (1, 1): (2, 1), (1, 2): (2, 1),
              (1, 3): (2, 1), (1, 4): (2, 1), (1, 5): (1, 5), (1, 6): (1, 5)}
    body.append(html_table(g4, spans4))
    paras(s["problems"])
    paras(s["other"])
    sig = signature(case).split("\n")
    if case.checks.get("br"):
        body.append('<p style="text-align:right">' + "<br>".join(sig) + "</p>")
    for ln in sig if not case.checks.get("br") else []:
        body.append(f'<p style="text-align:right">{ln}</p>')
    body.append("</div>")
    body.append(HTML_FOOT.format(host=case.checks.get("host", "某县人民政府办公室")))
    return "\n".join(body)


def render_one_line(case: Case) -> str:
    """A CMS that dropped every line break: each section one long line, tables flattened
    to `label v v v` runs inside it."""
    s = texts_block(case, std_heading)

    def flat(grid: list[list[str]]) -> str:
        return " ".join(" ".join(row) for row in grid)
    return " ".join([
        f"根据《中华人民共和国政府信息公开条例》要求，现发布《{case.agency}{case.year}年政府信息公开工作年度报告》。",
        s["overview"].replace("\n", " "), s["t2"], flat(t2_grid(case, half=True)),
        s["t3"], flat(t3_grid(case, half=True)), s["t4"], flat(t4_grid(case)),
        s["problems"].replace("\n", " "), s["other"].replace("\n", " "),
        signature(case, sep=" "),
    ]) + "\n"


TRAD = str.maketrans(
    "规范发废现许处罚强费额单项数内条万业计组织务关为会请结转开这国护权过执询无补确访举报诉复类当认获缴纳经维纠审总况动办统问"
    "题进机构财两与门县区卫应对级实时体论决讼议严仅写说从来绩针质专证据险态产设标准编录网号盖签称诚预见稳长历极监责讯传节众领"
    "导职员层调库档种响样还们个乡镇讲属于后没户系继续盘东广书",
    "規範發廢現許處罰強費額單項數內條萬業計組織務關為會請結轉開這國護權過執詢無補確訪舉報訴複類當認獲繳納經維糾審總況動辦統問"
    "題進機構財兩與門縣區衛應對級實時體論決訟議嚴僅寫說從來績針質專證據險態產設標準編錄網號蓋簽稱誠預見穩長歷極監責訊傳節眾領"
    "導職員層調庫檔種響樣還們個鄉鎮講屬於後沒戶係繼續盤東廣書",
)


def render_traditional(case: Case) -> str:
    """A site's 繁体 version of the page (a button converts the whole page), cells one per
    line ending in ` |`."""
    base = render_cell_lines(case)
    return base.translate(TRAD)


# ---- the cases -------------------------------------------------------------------------

ZERO6 = [0, 0, 0, 0, 0, 0]


def overview5(agency_short: str, new_total: int, extra: str = "") -> str:
    return "\n".join([
        f"（一）主动公开。全年通过政府网站主动公开政府信息86条。{extra}",
        "（二）依申请公开。全年共收到政府信息公开申请{NEW}件，均在法定期限内答复。"
        if new_total else "（二）依申请公开。全年未收到政府信息公开申请。",
        f"（三）政府信息管理。{agency_short}严格落实信息发布审核制度。",
        "（四）政府信息公开平台建设。安排专人维护政府网站信息公开专栏。",
        "（五）监督保障。将政务公开工作纳入年度工作要点，全年未发生责任追究情况。",
    ])


PROBLEMS = ("政务公开工作人员多为兼职，业务能力有待提高。下一步将加强业务培训，"
            "进一步规范信息发布流程。")


def cases() -> list[Case]:
    out: list[Case] = []

    # 1. CMS page copied as text, rows `label | v | v |` (官洲街道 2023, 龙岗区部门 2024 style).
    t3 = {"carried_in": [1, 0, 0, 0, 0, 0], "granted": [3, 1, 0, 0, 0, 0],
          "partial": [2, 0, 0, 0, 0, 0], "denied_internal": [1, 0, 0, 0, 0, 0],
          "unable_not_held": [4, 1, 0, 0, 0, 0], "rejected_repeat": [1, 0, 0, 0, 0, 0],
          "other_misc": [1, 0, 0, 0, 1, 0], "carried_out": [1, 0, 0, 0, 0, 0]}
    out.append(Case(
        name="pipe-rows-street-2023", ext="txt",
        shape="CMS table copied as text: one row a line, cells ` | `-separated with a trailing |, "
              "group rows `x | |||`, 商业 企业 split by a space, half-width brackets",
        agency="青田区河湾街道办事处", year=2023, fmt="2021", date="2024-01-22",
        t2={"t2.regulations.issued": 0, "t2.regulations.repealed": 0, "t2.regulations.in_force": 0,
            "t2.normative_docs.issued": 0, "t2.normative_docs.repealed": 0,
            "t2.normative_docs.in_force": 0, "t2.licensing.decisions": 0,
            "t2.punishment.decisions": 1472, "t2.coercion.decisions": 0, "t2.fees.amount": 0},
        t3=t3, t4={"review": [1, 0, 0, 0]},
        overview=overview5("河湾街道", 13), problems=PROBLEMS,
        other="本年度未收取信息处理费。", render=render_pipe_rows))

    # 2. One cell per <p>, blank lines between (太平镇 2022, 桦川县卫健局 2021).
    out.append(Case(
        name="cell-lines-blank-town-2022", ext="txt",
        shape="one cell a line with blank lines between (a CMS that gives each cell its own <p>); "
              "商业/企业 and (三)/不予公开 split over lines; the intro cites 〔2019〕60号 in a 2022 "
              "report; the last table-2 cell printed blank",
        agency="北山县太和镇人民政府", year=2022, fmt="2021", date="2023-01-16",
        t2={"t2.regulations.issued": 0, "t2.regulations.repealed": 0, "t2.regulations.in_force": 0,
            "t2.normative_docs.issued": 0, "t2.normative_docs.repealed": 0,
            "t2.normative_docs.in_force": 4, "t2.licensing.decisions": 16,
            "t2.punishment.decisions": 0, "t2.coercion.decisions": 0, "t2.fees.amount": None},
        t3={"granted": [1, 0, 0, 0, 0, 0]}, t4={},
        overview=overview5("太和镇", 1), problems=PROBLEMS,
        other="本机关2022年度未产生政府信息公开信息处理费。",
        render=render_cell_lines,
        checks={"blank_line": True, "split_header": True, "split_group": True,
                "intro": "根据《中华人民共和国政府信息公开条例》及《国务院办公厅政府信息与政务公开办公室"
                         "关于政府信息公开工作年度报告有关事项的通知》（国办公开办函〔2019〕60号）的要求，"
                         "编制本报告。报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。"}))

    # 3. Each cell on its own line ending in ` |`, `|||` after group rows (某信访局 2021).
    out.append(Case(
        name="pipe-per-line-bureau-2021", ext="txt",
        shape="each cell on its own line ending in ` |`; `|||` filler lines after group rows; "
              "行政强制 printed blank",
        agency="东平区信访局", year=2021, fmt="2021", date="2022-01-20",
        t2={"t2.regulations.issued": 0, "t2.regulations.repealed": 0, "t2.regulations.in_force": 0,
            "t2.normative_docs.issued": 0, "t2.normative_docs.repealed": 0,
            "t2.normative_docs.in_force": 0, "t2.licensing.decisions": 0,
            "t2.punishment.decisions": 0, "t2.coercion.decisions": None, "t2.fees.amount": 0},
        t3={}, t4={},
        overview=overview5("我局", 0), problems=PROBLEMS,
        other="2021年未发生信息公开收费情况。", render=render_cell_lines,
        checks={"bar": "after"}))

    # 4. Cells and `|` on alternate lines, "该部分以表格形式报告。表格如下:" (某镇 2023).
    out.append(Case(
        name="bar-lines-town-2023", ext="txt",
        shape="cell, then `|` alone on the next line; a sentence 该部分以表格形式报告。表格如下： "
              "before every table; a 镇 that reports 规章 in force",
        agency="南湖县清溪镇人民政府", year=2023, fmt="2021", date="2024-01-10",
        t2={"t2.regulations.issued": 0, "t2.regulations.repealed": 0, "t2.regulations.in_force": 6,
            "t2.normative_docs.issued": 0, "t2.normative_docs.repealed": 0,
            "t2.normative_docs.in_force": 0, "t2.licensing.decisions": 0,
            "t2.punishment.decisions": 0, "t2.coercion.decisions": 0, "t2.fees.amount": 0},
        t3={}, t4={},
        overview=overview5("清溪镇", 0), problems=PROBLEMS,
        other="无收取信息处理费情况。", render=render_cell_lines,
        checks={"bar": "own_line", "table_intro": "该部分以表格形式报告。表格如下：",
                "intro": "本报告是根据《中华人民共和国政府信息公开条例》要求，结合我镇实际，汇报我镇"
                         "2023年政府信息公开工作。"}))

    # 5. A `|` line before each row, then each cell ` |` (某区卫健委 2025).
    out.append(Case(
        name="lead-bar-commission-2025", ext="txt",
        shape="a lone `|` line opens each row, then one cell a line ending in ` |`",
        agency="西岭区卫生健康委员会", year=2025, fmt="2021", date="2026-01-14",
        t2={"t2.regulations.issued": 0, "t2.regulations.repealed": 0, "t2.regulations.in_force": 0,
            "t2.normative_docs.issued": 0, "t2.normative_docs.repealed": 0,
            "t2.normative_docs.in_force": 27, "t2.licensing.decisions": 491,
            "t2.punishment.decisions": 16, "t2.coercion.decisions": 0, "t2.fees.amount": 0},
        t3={"carried_in": [2, 0, 0, 0, 0, 0], "granted": [5, 0, 0, 0, 0, 0],
            "unable_not_held": [3, 1, 0, 0, 0, 0], "other_misc": [1, 0, 0, 0, 0, 0]},
        t4={},
        overview=overview5("我委", 8), problems=PROBLEMS,
        other="2025年度本机关未收取信息公开处理费。", render=render_cell_lines,
        checks={"bar": "after", "lead_bar": True,
                "intro": "依据《中华人民共和国政府信息公开条例》第五十条规定，编制本报告。"}))

    # 6. `| \n 规章  | \n 0  |` cells keeping their own line break (某镇 2022, a CQ CMS).
    out.append(Case(
        name="pipe-cell-newlines-town-2022", ext="txt",
        shape="each cell `| \\n text  ` — the cell's own line break and padding kept inside pipes",
        agency="江口县石门镇人民政府", year=2022, fmt="2021", date="2023-01-18",
        t2={"t2.regulations.issued": 0, "t2.regulations.repealed": 0, "t2.regulations.in_force": 0,
            "t2.normative_docs.issued": 0, "t2.normative_docs.repealed": 0,
            "t2.normative_docs.in_force": 0, "t2.licensing.decisions": 0,
            "t2.punishment.decisions": 3, "t2.coercion.decisions": 0, "t2.fees.amount": 0},
        t3={}, t4={},
        overview=overview5("我镇", 0), problems=PROBLEMS,
        other="本单位不存在收取信息处理费的情况。", render=render_pipe_cell_newlines))

    # 7. Flip-book text layer of a 2020 report in the trial format (某区审计局 2020).
    out.append(Case(
        name="flipbook-audit-2020", ext="txt",
        shape="PDF flip-book text: `Page N - 书名` / `P. N` lines, rows as single-space runs, "
              "table 3 broken over a page, table 4 header one character a line, 15 numbers on one "
              "line; trial format (2019) with one （六）其他处理 row",
        agency="临川区审计局", year=2020, fmt="2019", date="2021-01-25",
        t2={k: 0 for k in T2_KEYS_2019}, t3={}, t4={},
        overview=overview5("我局", 0), problems=PROBLEMS,
        other="无其他需要报告的事项。", render=render_flipbook,
        checks={"book": "2020年报_审计局",
                "t4_narrative": "2020年，我单位未出现申请行政复议、提起行政诉讼的情况。"}))

    # 8. Flip-book text of a 2022 report with reworded headings (某区信访局 2022).
    def heading_petition(n: str, t: str) -> str:
        return {"四": "四、因政府信息公开工作被申请行政复议提起行政诉讼情况",
                "五": "五、政府信息公开工作存在的主要问题及改进情况"}.get(n, f"{n}、{t}")
    out.append(Case(
        name="flipbook-petition-2022", ext="txt",
        shape="flip-book text as above, 2021 format, 四 and 五 headed as 因政府信息公开工作被申请"
              "行政复议提起行政诉讼情况 / 政府信息公开工作存在的主要问题及改进情况",
        agency="文川区信访局", year=2022, fmt="2021", date="2023-01-12",
        t2={k: 0 for k in T2_KEYS_2021},
        t3={"granted": [2, 0, 0, 0, 0, 0], "rejected_petition": [1, 0, 0, 0, 0, 0]},
        t4={"review": [1, 0, 0, 0], "suit_direct": [0, 0, 0, 1]},
        overview=overview5("我局", 3), problems=PROBLEMS,
        other="本年度未收取任何信息处理费。", render=render_flipbook,
        checks={"book": "文川区信访局2022年政府信息公开工作年度报告", "heading": heading_petition}))

    # 9. CMS page with a spaced-label metadata block (下陆区卫健局 2021 style).
    meta9 = ('<div class="xxgk-meta"><p>名 称：南桥区卫生健康局2021年政府信息公开工作年度报告</p>'
             '<p>索 引 号：000014349/2022-00123 发布日期：2022-01-19 发布机构：南桥区卫生健康局</p>'
             '<p>文 号： 文件分类：综合政务 所属机构：</p></div>')
    out.append(Case(
        name="cms-spaced-meta-health-2021", ext="html",
        shape="CMS page: 设为首页/加入收藏/长者版 chrome, breadcrumb, a metadata block of "
              "名 称：/索 引 号：/发布日期：/发布机构： runs (several on one line, spaces inside the "
              "labels), real tables with rowspan/colspan, &nbsp; in blank cells",
        agency="南桥区卫生健康局", year=2021, fmt="2021", date="2022-01-19",
        t2={"t2.regulations.issued": 0, "t2.regulations.repealed": 0, "t2.regulations.in_force": 0,
            "t2.normative_docs.issued": 1, "t2.normative_docs.repealed": 0,
            "t2.normative_docs.in_force": 5, "t2.licensing.decisions": 324,
            "t2.punishment.decisions": 31, "t2.coercion.decisions": 0, "t2.fees.amount": 0},
        t3={"granted": [4, 0, 0, 0, 0, 0], "unable_not_held": [2, 0, 0, 0, 0, 0]}, t4={},
        overview=overview5("区卫生健康局", 6), problems=PROBLEMS,
        other="按照《政府信息公开信息处理费管理办法》，本年度未向申请人收取信息处理费。",
        render=render_cms_html, checks={"meta_block": meta9, "host": "南桥区人民政府办公室"}))

    # 10. Traditional-character version of a CMS page (a site's 繁体 button).
    out.append(Case(
        name="traditional-bureau-2021", ext="txt",
        shape="the site's 繁体 page: every character converted (規章, 行政規範性文件, 本年制發件數, "
              "總計 …), cells one a line ending in ` |`",
        agency="盘溪区商务局", year=2021, fmt="2021", date="2022-01-13",
        t2={"t2.regulations.issued": 0, "t2.regulations.repealed": 0, "t2.regulations.in_force": 0,
            "t2.normative_docs.issued": 0, "t2.normative_docs.repealed": 0,
            "t2.normative_docs.in_force": 2, "t2.licensing.decisions": 45,
            "t2.punishment.decisions": 0, "t2.coercion.decisions": 0, "t2.fees.amount": 0},
        t3={"granted": [1, 1, 0, 0, 0, 0]}, t4={},
        overview=overview5("我局", 2), problems=PROBLEMS,
        other="本年度未收取信息处理费。", render=render_traditional,
        expected_meta={"agency": "盘溪区商务局".translate(TRAD)},
        checks={"bar": "after"}))

    # 11. A 2023 report printed on the trial-format (2019) tables (底张街道 2023 style).
    out.append(Case(
        name="old-tables-street-2023", ext="txt",
        shape="a 2023 report that prints the trial-format tables (本年新制作数量…, 政府集中采购, one "
              "（六）其他处理 row): rows `label | v |`; the printed form decides the format",
        agency="北塬新区柳庄街道办事处", year=2023, fmt="2019", date="2024-01-15",
        t2={**{k: 0 for k in T2_KEYS_2019}, "t2.punishment.decisions": 12,
            "t2.procurement.projects": 2, "t2.procurement.amount": 18.6},
        t3={}, t4={}, unit="万元",
        overview=overview5("柳庄街道", 0), problems=PROBLEMS, other="无。",
        render=render_pipe_rows,
        notes=["R-FORMAT is a true error here: a 2023 report on the 2019 form"],
        checks={"expect_rule": "R-FORMAT"}))

    # 12. Sparse one-cell-a-line page where blank cells vanish (某乡 2019).
    sparse_keys = {"t2.regulations.made", "t2.regulations.published", "t2.regulations.total_published"}
    c12 = Case(
        name="sparse-vanished-blanks-2019", ext="txt",
        shape="one cell a line, blank cells not printed at all: table 2 shows a lone 0 under 规章 "
              "(which column is unknown) and nothing else; tables 3 and 4 print labels only",
        agency="雄北县东庄乡人民政府", year=2019, fmt="2019", date="2020-01-20",
        t2={"t2.regulations.made": 0}, t3={r[0]: [None] * 6 for r in T3_ROWS_2019 if r[0] != "new"}
        | {"new": [None] * 6},
        t4={g: [None] * 4 for g in T4_GROUPS},
        overview="2019年，我乡明确专人负责政务公开工作，较好地完成了政府网站信息公开工作。",
        problems=PROBLEMS, other="无。", render=render_cell_lines,
        uncertain=sparse_keys, checks={"drop_empty": True})
    out.append(c12)

    # 13. Tables left out (images on the page): headings with nothing under them (民意乡 2021).
    c13 = Case(
        name="tables-missing-township-2021", ext="txt",
        shape="headings 二、三、四 with no table under them (the tables were images); 零报告 text",
        agency="五河市民乐乡人民政府", year=2021, fmt="2021", date=None,
        t2={}, t3={}, t4={},
        overview=overview5("民乐乡", 0).replace("全年未收到政府信息公开申请。",
                                               "2021年度，民乐乡未收到和处理政府信息公开申请，零报告。"),
        problems=PROBLEMS, other="无。", render=lambda c: "")
    c13.blank = set(c13.cells())

    def render_missing(case: Case) -> str:
        s = texts_block(case, std_heading)
        return "\n".join([f"{case.agency.replace('人民政府', '')}", f"{case.year}年政府信息公开工作年度报告",
                          "依据《中华人民共和国政府信息公开条例》编制此报告。",
                          s["overview"], s["t2"].replace("情况", "的情况"), s["t3"], s["t4"],
                          s["problems"], s["other"], ""])
    c13.render = render_missing
    c13.fee_stated = False
    c13.expected_meta = {"agency": "五河市民乐乡"}
    out.append(c13)

    # 14. Heading variants: agency line then title, 1、 numbering, reworded 五/六 (正阳街道 2023).
    def render_headings(case: Case) -> str:
        h = {"一": "1、 总体情况", "五": "五、存在的主要问题和改进措施", "六": "六、其他需要汇报事项"}
        s = texts_block(case, lambda n, t: h.get(n, f"{n}、{t}"))
        ov = case.overview.replace("（一）", "1、 ").replace("（二）", "2、 ").replace(
            "（三）", "3、 ").replace("（四）", "4、 ").replace("（五）", "5、 ")
        s["overview"] = h["一"] + "\n\n" + ov.replace("\n", "\n\n")
        return "\n\n".join([
            "正安街道", f"{case.agency}{case.year}年政府信息公开工作年度报告",
            case.agency, f"{case.year}年政府信息公开工作年度报告",
            "本年度报告根据《中华人民共和国政府信息公开条例》要求编制。",
            s["overview"], s["t2"], join_pipe_rows(t2_grid(case, half=True)),
            s["t3"], join_pipe_rows(t3_grid(case, half=True, split_header=" ")),
            s["t4"], join_pipe_rows(t4_grid(case)),
            s["problems"], s["other"], case.agency, "二〇二四年一月十九日", ""])
    out.append(Case(
        name="heading-variants-street-2023", ext="txt",
        shape="a column name alone on a line, the title printed twice (once split after the agency), "
              "一 numbered 1、 with its parts also 1、 2、, 五 worded 存在的主要问题和改进措施, 六 "
              "worded 其他需要汇报事项, the date in Chinese numerals (二〇二四年一月十九日)",
        agency="正安街道办事处", year=2023, fmt="2021", date="2024-01-19",
        t2={k: 0 for k in T2_KEYS_2021}, t3={}, t4={},
        overview=overview5("正安街道", 0), problems=PROBLEMS,
        other="本年度没有收取政府信息公开信息处理费。", render=render_headings))

    # 15. Title glued to the first sentence, heading glued to the previous one (安镇/东风路 2024).
    def render_glued(case: Case) -> str:
        s = texts_block(case, std_heading)
        return "\n".join([
            "长者版 无障碍阅读",
            "当前位置：首页 > 政府信息公开 > 政府信息公开年度报告 > 2024 > 乡镇（街道）",
            f"{case.agency}{case.year}年政府信息公开工作年度报告",
            "发表日期：2025-01-16    文章来源：东峰路街道",
            f"{case.agency}{case.year}年政府信息公开工作年度报告根据《中华人民共和国政府信息公开条例》"
            f"编制。报告中所涉数据的统计期自{case.year}年1月1日至{case.year}年12月31日止。如对本报告有"
            "疑问，请与街道党政综合办公室联系（电话：0000-8766001）。" + s["overview"],
            s["t2"], join_pipe_rows(t2_grid(case)),
            s["t3"], join_pipe_rows(t3_grid(case, split_header=" ")),
            s["t4"], join_pipe_rows(t4_grid(case)),
            s["problems"], s["other"], signature(case),
            "扫一扫在手机打开当前页", ""])
    out.append(Case(
        name="glued-title-street-2024", ext="txt",
        shape="page text with 长者版/无障碍阅读, breadcrumb, 发表日期/文章来源 line; the title run "
              "into the opening sentence; 一、总体情况 glued after a sentence's 。; the text says 一件",
        agency="东峰路街道办事处", year=2024, fmt="2021", date="2025-01-16",
        t2={k: 0 for k in T2_KEYS_2021},
        t3={"granted": [1, 0, 0, 0, 0, 0]}, t4={},
        overview=overview5("东峰路街道", 1).replace("全年共收到政府信息公开申请{NEW}件",
                                                     "全年收到群众依申请公开一件"),
        problems=PROBLEMS,
        other="我街道依申请公开政府信息未收取任何费用。", render=render_glued))

    # 16. Year first, agency then title over two lines (永吉街道 2024).
    def render_year_first(case: Case) -> str:
        base = render_pipe_rows(case)
        _first, rest = base.split("\n", 1)
        return f"{case.year}年{case.agency}\n政府信息公开工作年度报告\n" + rest
    out.append(Case(
        name="year-first-title-street-2024", ext="txt",
        shape="title `2024年某街道办事处` / `政府信息公开工作年度报告` over two lines, year first; "
              "table-3 rows ending in extra empty cells ` ||`",
        agency="南城区永安街道办事处", year=2024, fmt="2021", date="2025-01-17",
        t2={k: 0 for k in T2_KEYS_2021}, t3={}, t4={},
        overview=overview5("永安街道", 0), problems=PROBLEMS,
        other="2024年度无收取信息处理费情况。", render=render_year_first,
        checks={"extra_pipes": " ||"}))

    # 17. Title `某委员会 2021政府信息公开工作年度报告` (no 年), heading `一、 总体情况`.
    def render_no_nian(case: Case) -> str:
        s = texts_block(case, lambda n, t: f"{n}、 {t}")
        return "\n".join([
            f"{case.agency} {case.year}政府信息公开工作年度报告",
            case.agency, f"{case.year}政府信息公开工作年度报告",
            "按照《中华人民共和国政府信息公开条例》要求，结合我委实际，现将政府信息公开年度报告如下：",
            s["overview"], s["t2"], join_pipe_rows(t2_grid(case, half=True)),
            s["t3"], join_pipe_rows(t3_grid(case, half=True, split_header=" ")),
            s["t4"], join_pipe_rows(t4_grid(case)),
            s["problems"], s["other"], signature(case), ""])
    out.append(Case(
        name="no-nian-title-commission-2021", ext="txt",
        shape="title `机关 2021政府信息公开工作年度报告` (no 年 after the year), headings "
              "`一、 总体情况` with a space after 、",
        agency="东岸区卫生健康委员会", year=2021, fmt="2021", date="2022-01-21",
        t2={"t2.regulations.issued": 0, "t2.regulations.repealed": 0, "t2.regulations.in_force": 0,
            "t2.normative_docs.issued": 0, "t2.normative_docs.repealed": 0,
            "t2.normative_docs.in_force": 0, "t2.licensing.decisions": 324,
            "t2.punishment.decisions": 31, "t2.coercion.decisions": 0, "t2.fees.amount": 0},
        t3={}, t4={}, overview=overview5("我委", 0), problems=PROBLEMS,
        other="本年度未收取信息处理费。", render=render_no_nian))

    # 18. Year in the column headers, a title row inside table 2, 规范性文件 (东湖街道 2023).
    out.append(Case(
        name="year-in-header-street-2023", ext="txt",
        shape="column headers 本年（2023）制发件数, a 2021 table printing 规范性文件 (the 2019 label)",
        agency="越东区东湖街道办事处", year=2023, fmt="2021", date="2024-01-22",
        t2={"t2.regulations.issued": 0, "t2.regulations.repealed": 0, "t2.regulations.in_force": 0,
            "t2.normative_docs.issued": 0, "t2.normative_docs.repealed": 1,
            "t2.normative_docs.in_force": 0, "t2.licensing.decisions": 0,
            "t2.punishment.decisions": 0, "t2.coercion.decisions": 0, "t2.fees.amount": 0},
        t3={"granted": [2, 0, 0, 0, 0, 0], "partial": [1, 0, 0, 0, 0, 0],
            "carried_out": [2, 0, 0, 0, 0, 0]},
        t4={"review": [20, 3, 6, 2]},
        overview=overview5("东湖街道", 5), problems=PROBLEMS,
        other="本年度未收取信息处理费。", render=render_pipe_rows,
        checks={"year_in_header": True, "old_label": True}))

    # 19. All on one line (a CMS that dropped line breaks; 新添镇 2022).
    out.append(Case(
        name="one-line-town-2022", ext="txt",
        shape="the whole report on one line: headings, texts and table cells separated by spaces",
        agency="临西县新民镇人民政府", year=2022, fmt="2021", date="2023-01-31",
        t2={"t2.regulations.issued": 0, "t2.regulations.repealed": 0, "t2.regulations.in_force": 0,
            "t2.normative_docs.issued": 0, "t2.normative_docs.repealed": 0,
            "t2.normative_docs.in_force": 0, "t2.licensing.decisions": 0,
            "t2.punishment.decisions": 2, "t2.coercion.decisions": 0, "t2.fees.amount": 0},
        t3={}, t4={}, overview=overview5("我镇", 0), problems=PROBLEMS,
        other="本年度未收取信息处理费。", render=render_one_line))

    # 20. 2021 report printing one （六）其他处理 row, with a non-zero value.
    def render_single_six(case: Case) -> str:
        base = render_pipe_rows(case)
        lines = base.split("\n")
        out_l: list[str] = []
        other = [case.t3_value(r, c) for c in [*APPLICANT_COLUMNS, "total"]
                 for r in ["other_misc"]]
        for ln in lines:
            if ln.startswith("(六)其他处理 | 1."):
                out_l.append("(六)其他处理 | " + " | ".join(str(x) for x in other) + " |")
            elif ln.startswith("2.申请人逾期未按收费通知") or ln.startswith("3.其他 |"):
                continue
            else:
                out_l.append(ln)
        return "\n".join(out_l)
    c20 = Case(
        name="single-six-row-bureau-2022", ext="txt",
        shape="a 2021-format report printing one （六）其他处理 row (the 2019 layout) with a "
              "non-zero count: its three official sub-rows cannot be known",
        agency="西江区自然资源局", year=2022, fmt="2021", date="2023-01-28",
        t2={k: 0 for k in T2_KEYS_2021} | {"t2.licensing.decisions": 58},
        t3={"granted": [4, 1, 0, 0, 0, 0], "other_misc": [2, 0, 0, 0, 0, 0]}, t4={},
        overview=overview5("我局", 7), problems=PROBLEMS,
        other="本年度未收取信息处理费。", render=render_single_six)
    c20.uncertain = {f"t3.{r}.{c}" for r in ("other_no_correction", "other_no_fee", "other_misc")
                     for c in [*APPLICANT_COLUMNS, "total"]}
    out.append(c20)

    # 21. Flip-book 2020 trial format with numbers, space-laid, values for every row.
    out.append(Case(
        name="flipbook-numbers-district-2020", ext="txt",
        shape="flip-book text, trial format, many non-zero cells (rows as single-space runs), a "
              "negative 本年增/减, procurement in 万元",
        agency="滨海市东港区人民政府办公室", year=2020, fmt="2019", date="2021-01-29",
        t2={**{k: 0 for k in T2_KEYS_2019}, "t2.normative_docs.made": 3,
            "t2.normative_docs.published": 3, "t2.normative_docs.total_published": 41,
            "t2.licensing.prior": 12, "t2.licensing.change": -2, "t2.licensing.decisions": 530,
            "t2.punishment.prior": 4, "t2.punishment.change": 0, "t2.punishment.decisions": 66,
            "t2.procurement.projects": 9, "t2.procurement.amount": 362.5},
        t3={"carried_in": [3, 0, 0, 0, 0, 0], "granted": [21, 4, 0, 0, 1, 0],
            "partial": [6, 0, 0, 0, 0, 0], "denied_third_party": [2, 0, 0, 0, 0, 0],
            "unable_not_held": [17, 2, 0, 0, 0, 1], "unable_unclear": [1, 0, 0, 0, 0, 0],
            "rejected_petition": [3, 0, 0, 0, 0, 0], "rejected_repeat": [2, 0, 0, 0, 0, 0],
            "other": [5, 1, 0, 0, 0, 0], "carried_out": [4, 1, 0, 0, 0, 0]},
        t4={"review": [3, 1, 0, 1], "suit_direct": [2, 0, 1, 1], "suit_after_review": [1, 0, 0, 0]},
        unit="万元",
        overview=overview5("区政府办公室", 67), problems=PROBLEMS,
        other="2020年本机关未收取政府信息公开处理费。", render=render_flipbook,
        checks={"book": "2020年报_区政府办"}))
    # 22. Flip-book text where each tall merged label sits in the middle of its rows.
    out.append(Case(
        name="flipbook-midlabels-bureau-2023", ext="txt",
        shape="flip-book / PDF text layer: the merged labels 三、本年度办理结果, （三）不予公开 … "
              "on lines of their own in the middle of the rows they span; rows as single-space runs",
        agency="青州市市场监督管理局", year=2023, fmt="2021", date="2024-01-26",
        t2={**{k: 0 for k in T2_KEYS_2021}, "t2.normative_docs.issued": 2,
            "t2.normative_docs.in_force": 14, "t2.licensing.decisions": 2210,
            "t2.punishment.decisions": 388, "t2.coercion.decisions": 7, "t2.fees.amount": 12.35},
        t3={"carried_in": [1, 0, 0, 0, 0, 0], "granted": [9, 2, 0, 0, 0, 0],
            "partial": [3, 0, 0, 0, 0, 0], "denied_third_party": [1, 0, 0, 0, 0, 0],
            "unable_not_held": [6, 1, 0, 0, 1, 0], "rejected_repeat": [2, 0, 0, 0, 0, 0],
            "other_no_correction": [1, 0, 0, 0, 0, 0], "other_misc": [2, 0, 0, 0, 0, 0],
            "carried_out": [2, 0, 0, 0, 0, 0]},
        t4={"review": [2, 0, 0, 1], "suit_direct": [1, 0, 0, 0]},
        overview=overview5("市市场监管局", 1), problems=PROBLEMS,
        other="本年度未收取政府信息公开信息处理费。", render=render_flipbook,
        checks={"book": "2023年政府信息公开年报_市场监管局", "mid_labels": True}))

    # 23. 繁体 page with rows `label | v |` (the pipe shape).
    def render_trad_rows(case: Case) -> str:
        return render_pipe_rows(case).translate(TRAD)
    out.append(Case(
        name="traditional-rows-district-2022", ext="txt",
        shape="繁体 page copied as `label | v |` rows (區, 縣, 規範性文件, 處理決定數量)",
        agency="東港區人民政府辦公室", year=2022, fmt="2021", date="2023-01-30",
        t2={**{k: 0 for k in T2_KEYS_2021}, "t2.normative_docs.issued": 4,
            "t2.normative_docs.repealed": 1, "t2.normative_docs.in_force": 37},
        t3={"granted": [5, 1, 0, 0, 0, 0], "unable_not_held": [2, 0, 0, 0, 0, 0]},
        t4={"review": [1, 0, 0, 0]},
        overview=overview5("區政府辦公室", 8), problems=PROBLEMS,
        other="本年度未收取信息處理費。", render=render_trad_rows))

    # 24. A 2020 report (trial format) as CMS rows, header 本年新 制作数量 split by a space.
    def render_2019_rows(case: Case) -> str:
        return render_pipe_rows(case).replace("本年新制作数量", "本年新 制作数量").replace(
            "本年新公开数量", "本年新 公开数量")
    out.append(Case(
        name="pipe-rows-trial-street-2020", ext="txt",
        shape="2020 report in the trial format copied as `label | v |` rows; headers 本年新 制作数量 "
              "split by a space; one （六）其他处理 row; procurement amount in 元 in its cell",
        agency="和平区南市街道办事处", year=2020, fmt="2019", date="2021-01-18",
        t2={**{k: 0 for k in T2_KEYS_2019}, "t2.licensing.prior": 3, "t2.licensing.change": 1,
            "t2.licensing.decisions": 14, "t2.procurement.projects": 1,
            "t2.procurement.amount": "58000元"},
        t3={"granted": [2, 0, 0, 0, 0, 0], "other": [1, 0, 0, 0, 0, 0]}, t4={},
        overview="（一）主动公开。全年主动公开政府信息52条。\n（二）依申请公开。全年共收到政府信息公开申请{NEW}件。",
        problems=PROBLEMS, other="无。", render=render_2019_rows))
    c24 = out[-1]
    c24.expected_t2_override = {"t2.procurement.amount": 58000, "t2.procurement.amount_unit": "元"}

    # 25. A CMS metadata table copied as `索 引 号 | … | 分 类 | … |` rows above the report.
    out.append(Case(
        name="meta-table-rows-city-2022", ext="txt",
        shape="the CMS metadata table copied as rows: `索 引 号 | … | 分 类 | … |`, `发布机构 | … | "
              "发文日期 | … |`, `文 号 | | 有 效 性 | |` above the title",
        agency="泰安市人民政府办公室", year=2022, fmt="2021", date="2023-01-29",
        t2={**{k: 0 for k in T2_KEYS_2021}, "t2.normative_docs.issued": 11,
            "t2.normative_docs.repealed": 3, "t2.normative_docs.in_force": 96},
        t3={"carried_in": [4, 1, 0, 0, 0, 0], "granted": [30, 6, 1, 0, 2, 0],
            "partial": [8, 1, 0, 0, 0, 0], "unable_not_held": [19, 3, 0, 0, 0, 1],
            "rejected_petition": [5, 0, 0, 0, 0, 0], "other_misc": [7, 1, 0, 0, 0, 0],
            "carried_out": [6, 0, 0, 0, 0, 0]},
        t4={"review": [4, 1, 0, 1], "suit_direct": [2, 0, 1, 0], "suit_after_review": [1, 0, 0, 0]},
        overview=overview5("市政府办公室", 1), problems=PROBLEMS,
        other="本年度未收取信息处理费。", render=render_pipe_rows,
        checks={"meta_rows": "索 引 号 | 014416330/2023-00736 | 分 类 | 政府信息公开年报 综合政务 |\n"
                             "发布机构 | 市政府办 | 发文日期 | 2023-01-29 |\n文 号 | | 有 效 性 | |"}))
    # 26. Text stating sub-counts before their totals (网上申请…快递…合计…), reviews decided.
    out.append(Case(
        name="text-subcounts-district-2024", ext="txt",
        shape="总体情况 stating counts as real district reports do: channels first then 合计, 上年结转, "
              "已回复, 正在办理中; 行政复议 with how many were decided; 结转到2025年办理",
        agency="秦川区人民政府", year=2024, fmt="2021", date="2025-02-06",
        t2={**{k: 0 for k in T2_KEYS_2021}, "t2.normative_docs.issued": 6,
            "t2.normative_docs.in_force": 52, "t2.licensing.decisions": 1840,
            "t2.punishment.decisions": 75, "t2.coercion.decisions": 2, "t2.fees.amount": 0},
        t3={"new": [110, 9, 0, 1, 2, 0], "carried_in": [10, 1, 0, 0, 0, 0],
            "granted": [40, 4, 0, 0, 1, 0], "partial": [12, 1, 0, 0, 0, 0],
            "denied_third_party": [3, 0, 0, 0, 0, 0], "unable_not_held": [38, 3, 0, 1, 1, 0],
            "rejected_petition": [9, 0, 0, 0, 0, 0], "other_misc": [12, 1, 0, 0, 0, 0],
            "carried_out": [6, 1, 0, 0, 0, 0]},
        t4={"review": [100, 12, 8, 24], "suit_direct": [20, 3, 4, 35], "suit_after_review": [0, 0, 0, 35]},
        overview="\n".join([
            "（一）主动公开政府信息情况。全年政府门户网站发布各类信息3659条，其中主动公开政策文件352条。",
            "（二）依申请公开情况。全年依申请公开共收到群众网上申请105件，快递17件，合计122件，上年结转11件，"
            "截至12月底已回复126件，7件正在办理中。行政复议144件，120件已作出复议决定，行政诉讼97件。",
            "（三）政府信息管理情况。及时更新、公布政府信息。",
            "（四）平台建设情况。持续推进政府网站集约化管理。",
            "（五）监督保障情况。将政务公开纳入绩效考核，开展社会评议，全年未发生责任追究情况。"]),
        problems=PROBLEMS, other="本年度未收取信息处理费。", render=render_pipe_rows))
    # 27. The flip-book site's basic-html page (one <p> per printed line), trial format.
    out.append(Case(
        name="flipbook-html-bureau-2020", ext="html",
        shape="a flip-book site's basic-html text version: one <p> a printed line, `Page N - 书名` "
              "/ `P. N` lines, rows as single-space runs, table 4's header one character a line",
        agency="北关区市场监督管理局", year=2020, fmt="2019", date="2021-01-27",
        t2={**{k: 0 for k in T2_KEYS_2019}, "t2.licensing.prior": 86, "t2.licensing.change": 4,
            "t2.licensing.decisions": 1322, "t2.punishment.prior": 40, "t2.punishment.change": -3,
            "t2.punishment.decisions": 245, "t2.coercion.prior": 6, "t2.coercion.change": 0,
            "t2.coercion.decisions": 11},
        t3={"granted": [3, 1, 0, 0, 0, 0], "unable_not_held": [2, 0, 0, 0, 0, 0],
            "other": [1, 0, 0, 0, 0, 0]},
        t4={"review": [1, 0, 0, 0]},
        overview=overview5("区市场监管局", 1), problems=PROBLEMS,
        other="无其他需要报告的事项。", render=render_flipbook_html,
        checks={"book": "2020年报_市场监管局"}))
    # 28. A CMS page whose paragraphs hold a heading and its text a <br> apart.
    out.append(Case(
        name="cms-br-paragraphs-town-2022", ext="html",
        shape="CMS page where a heading and the text under it are one <p> with <br> between "
              "(Word pasted into the editor); the signature agency<br>date in one <p>",
        agency="北山县太和镇人民政府", year=2022, fmt="2021", date="2023-01-16",
        t2={**{k: 0 for k in T2_KEYS_2021}, "t2.punishment.decisions": 9},
        t3={"granted": [1, 0, 0, 0, 0, 0]}, t4={},
        overview=overview5("太和镇", 1), problems=PROBLEMS,
        other="本机关2022年度未产生政府信息公开信息处理费。", render=render_cms_html,
        checks={"br": True, "host": "北山县人民政府办公室"}))
    return out


# Every way of printing the tables, to print any case's data in any shape (tests/test_import_shapes.py)
RENDERERS: dict[str, tuple[Callable[[Case], str], dict[str, object], str]] = {
    "pipe-rows": (render_pipe_rows, {}, "txt"),
    "cell-lines": (render_cell_lines, {}, "txt"),
    "cell-lines-blank": (render_cell_lines, {"blank_line": True, "split_header": True, "split_group": True}, "txt"),
    "pipe-per-line": (render_cell_lines, {"bar": "after"}, "txt"),
    "bar-lines": (render_cell_lines, {"bar": "own_line"}, "txt"),
    "lead-bar": (render_cell_lines, {"bar": "after", "lead_bar": True}, "txt"),
    "pipe-cell-newlines": (render_pipe_cell_newlines, {}, "txt"),
    "flipbook": (render_flipbook, {}, "txt"),
    "flipbook-midlabels": (render_flipbook, {"mid_labels": True}, "txt"),
    "flipbook-html": (render_flipbook_html, {}, "html"),
    "cms-html": (render_cms_html, {}, "html"),
    "cms-br": (render_cms_html, {"br": True}, "html"),
    "one-line": (render_one_line, {}, "txt"),
}


def reprinted(case: Case, shape: str) -> tuple[Case, str]:
    """The case's data printed in another shape (its own quirks dropped), and the file suffix."""
    render, options, ext = RENDERERS[shape]
    kept = {k: v for k, v in case.checks.items() if k in ("expect_rule", "book", "intro")}
    return replace(case, render=render, checks=kept | options), ext


def written(case: Case) -> tuple[str, dict[str, object]]:
    """The input file's text and its expected JSON for one case."""
    case.overview = case.overview.replace("{NEW}", str(case.t3_value("new", "total")))
    meta = {"agency": case.agency, "year": case.year, "format": case.fmt, "date": case.date}
    meta.update(case.expected_meta or {})
    expected = {
        "source": "synthetic, in the shape of real published reports (see CASES.md)",
        "shape": case.shape,
        "meta": meta,
        "cells": case.cells(),
        "notes": case.notes,
        # What `govopen check` must say on the import: these error rules and no other,
        # and an R-FEE-STATEMENT warning only where 六 does not state the fee.
        "check": {
            "errors": [case.checks["expect_rule"]] if "expect_rule" in case.checks else [],
            # every text states its numbers in agreement with the tables
            "warnings_absent": ["T3-TEXT", "T4-TEXT", "R-FACTS"],
            "fee_warning": case.fmt == "2021" and not case.fee_stated,
        },
    }
    return case.render(case), expected


def main() -> None:
    for case in cases():
        text, expected = written(case)
        (HERE / f"{case.name}.{case.ext}").write_text(text, encoding="utf-8")
        (HERE / f"{case.name}.expected.json").write_text(
            json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"{case.name}.{case.ext}")


if __name__ == "__main__":
    main()
