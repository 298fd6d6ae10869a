"""Builders for the import tests: the expected reports written as .xlsx, .docx and .html in
layouts and label spellings that differ from the program's own exports. Everything is
generated from the expected JSON and the format description, never typed in by hand."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from govopen_desktop.domain.formats import ReportFormat, Table, load_format
from govopen_desktop.domain.values import format_value, same_value

NULL_MARKS = ("", "-", "—", "无", "/")


@dataclass
class Expected:
    meta: dict[str, Any]
    cells: dict[str, Any]
    text: dict[str, Any]

    @property
    def fmt(self) -> ReportFormat:
        return load_format(self.meta["format"])


def expected_from(data: dict[str, Any]) -> Expected:
    return Expected(data["meta"], data["cells"], data["text"])


def expected_of(report: Any) -> Expected:
    """A report (the built-in sample, say) as the builders take it."""
    meta = {"agency": report.meta.agency, "year": report.meta.year, "format": report.meta.format,
            "date": report.meta.date}
    return Expected(meta, dict(report.cells), dict(report.text))


# ---- spellings ----------------------------------------------------------------------------


def spell(text: str, variant: str) -> str:
    """The same label as other documents write it."""
    if variant == "official":
        return text
    out = text.replace("（", "(").replace("）", ")")
    out = out.replace("、行政机关不再处理", "，行政机关不再处理")
    out = re.sub(r"^(\d)\.", r"\1、", out)
    if variant == "spaced":
        # labels broken by spaces, as when a PDF table is copied
        out = " ".join(out) if len(out) <= 6 else out[:4] + " " + out[4:]
    if out == "行政规范性文件":
        out = "规范性文件"
    elif out == "规范性文件":
        out = "行政规范性文件"
    return out


def render(value: Any, unit: str | None, null_mark: str, as_text: bool) -> Any:
    """A cell as a spreadsheet or document holds it."""
    if value is None:
        return null_mark
    if unit:
        return f"{format_value(value)}{unit}"
    if as_text:
        return format_value(value)
    return float(value) if isinstance(value, Decimal) else value


# ---- the official grid of a table, with values -----------------------------------------


@dataclass
class Out:
    row: int
    col: int
    rowspan: int
    colspan: int
    value: Any


def grid(table: Table, exp: Expected, variant: str, null_mark: str, as_text: bool) -> list[Out]:
    out: list[Out] = []
    fields = exp.fmt.fields
    for c in table.cells:
        if c.key is not None:
            unit_key = fields[c.key].unit_key
            unit = exp.cells.get(unit_key) if unit_key else None
            v = render(exp.cells.get(c.key), unit, null_mark, as_text)
        else:
            v = spell(c.text or "", variant)
        out.append(Out(c.row, c.col, c.rowspan, c.colspan, v))
    return out


def collapsed_rows(table: Table, exp: Expected, null_mark: str) -> list[list[Any]]:
    """Another layout: one label column holding the whole label chain, no merges, no group
    rows; table 4 with a single header row."""
    fields = exp.fmt.fields
    rows: list[list[Any]] = []
    if table.id == "t4":
        rows.append([fields[k].label.replace(" · ", "") for k in table.keys])
    elif table.id == "t3":
        rows.append(["项目", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"])
    for r in range(table.header_rows, table.n_rows):
        in_row = sorted((c for c in table.cells if c.row == r), key=lambda c: c.col)
        keys = [c.key for c in in_row if c.key]
        if not keys:
            continue
        labels = [c.text for c in in_row if c.role == "label" and c.text]
        row: list[Any] = []
        if table.id == "t3":
            chain = sorted(
                (c for c in table.cells
                 if c.role == "label" and c.text and c.row <= r < c.row + c.rowspan
                 and not (c.col == 0 and c.rowspan > 1)),
                key=lambda c: c.col,
            )
            row.append(spell(" ".join(c.text or "" for c in chain), "half"))
        elif labels:
            row.append(spell(labels[-1], "half"))
        for k in keys:
            unit_key = fields[k].unit_key
            row.append(render(exp.cells.get(k), exp.cells.get(unit_key) if unit_key else None, null_mark, True))
        rows.append(row)
    return rows


def title_of(exp: Expected) -> str:
    return f"{exp.meta['agency']}{exp.meta['year']}年政府信息公开工作年度报告"


def section_heading(fmt: ReportFormat, sid: str) -> str:
    return next(s.heading for s in fmt.sections if s.id == sid)


def cn_date(iso: str) -> str:
    y, m, d = iso.split("-")
    return f"{int(y)}年{int(m)}月{int(d)}日"


# ---- xlsx ---------------------------------------------------------------------------------


def _put_grid(ws: Any, outs: list[Out], top: int, left: int) -> None:
    for o in outs:
        ws.cell(top + o.row, left + o.col, o.value)
        if o.rowspan > 1 or o.colspan > 1:
            ws.merge_cells(start_row=top + o.row, start_column=left + o.col,
                           end_row=top + o.row + o.rowspan - 1, end_column=left + o.col + o.colspan - 1)


def write_xlsx_three_sheets(exp: Expected, path: Path) -> None:
    """Each table on its own sheet, official grid and merges, numbers as numbers, blanks."""
    import openpyxl

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for n, table in enumerate(exp.fmt.tables):
        ws = wb.create_sheet(f"表{table.number}")
        top = 1
        if n == 0:
            ws.cell(1, 1, title_of(exp))
            ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=table.n_cols)
            top = 3
        ws.cell(top, 1, table.heading)
        _put_grid(ws, grid(table, exp, "official", "", False), top + 1, 1)
    wb.save(path)


def write_xlsx_stacked(exp: Expected, path: Path) -> None:
    """One sheet: a title and 填报单位 row above, the three tables one under another starting
    in column B, numbers stored as text, empty cells written "-", half-width labels."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "年报"
    ws.cell(1, 2, f"{exp.meta['year']}年度政府信息公开工作年度报告统计表")
    ws.merge_cells("B1:P1")
    ws.cell(2, 2, f"填报单位：{exp.meta['agency']}")
    top = 4
    for table in exp.fmt.tables:
        ws.cell(top, 2, spell(table.heading, "half"))
        _put_grid(ws, grid(table, exp, "half", "-", True), top + 1, 2)
        top += table.n_rows + 3
    wb.save(path)


# ---- docx ---------------------------------------------------------------------------------


def _docx_paragraphs(d: Any, text: str | None) -> None:
    for line in (text or "").split("\n"):
        d.add_paragraph(line)


def write_docx(exp: Expected, path: Path, layout: str = "merged", numbered: bool = True) -> None:
    """A Word report: title, 一、…六、 headings, text, the tables, signature. `merged` uses the
    official grid with horizontal and vertical merges; `collapsed` another layout. Without
    `numbered` the headings carry no 一、 (Word's list numbering would print it)."""
    import docx

    d = docx.Document()
    fmt = exp.fmt
    d.add_paragraph(title_of(exp))
    d.add_paragraph(f"本报告中所列数据的统计期限自{exp.meta['year']}年1月1日起至{exp.meta['year']}年12月31日止。")
    for s in fmt.sections:
        if s.text and exp.text.get(s.text) is None:
            continue
        heading = s.heading if layout == "merged" else spell(s.heading, "half")
        d.add_paragraph(heading if numbered else s.title)
        if s.text:
            _docx_paragraphs(d, exp.text.get(s.text))
            continue
        table = fmt.table(s.table or "")
        if layout == "merged":
            outs = grid(table, exp, "official", "", True)
            t = d.add_table(rows=table.n_rows, cols=table.n_cols)
            rows = [list(r.cells) for r in t.rows]  # fetched once: Table.cell() is quadratic
            for o in outs:
                cell = rows[o.row][o.col]
                if o.rowspan > 1 or o.colspan > 1:
                    cell = cell.merge(rows[o.row + o.rowspan - 1][o.col + o.colspan - 1])
                cell.text = str(o.value)
        else:
            body = collapsed_rows(table, exp, "—")
            width = max(len(r) for r in body)
            t = d.add_table(rows=len(body), cols=width)
            for r, values in enumerate(body):
                cells = t.rows[r].cells
                for c, v in enumerate(values):
                    cells[c].text = str(v)
    if exp.meta.get("date"):
        d.add_paragraph(exp.meta["agency"])
        d.add_paragraph(cn_date(exp.meta["date"]))
    d.save(str(path))


# ---- html ---------------------------------------------------------------------------------


def write_html(exp: Expected, path: Path, encoding: str = "utf-8") -> None:
    """A saved report page: navigation, <h1> title, <p> text, tables with rowspan/colspan and
    &nbsp; in labels and values, a footer."""
    fmt = exp.fmt
    parts = [f'<!DOCTYPE html><html><head><meta charset="{encoding}"><title>{title_of(exp)}</title>'
             "<style>td{border:1px solid}</style></head><body>",
             "<nav><a href='/'>首页</a> &gt; 政府信息公开 &gt; 年度报告</nav>",
             f"<h1>{html.escape(title_of(exp))}</h1>"]
    for s in fmt.sections:
        if s.text and exp.text.get(s.text) is None:
            continue
        parts.append(f"<p><strong>{html.escape(s.heading)}</strong></p>")
        if s.text:
            parts.extend(f"<p>&nbsp;&nbsp;{html.escape(line)}</p>" for line in (exp.text.get(s.text) or "").split("\n"))
            continue
        table = fmt.table(s.table or "")
        parts.append("<table>")
        for r in range(table.n_rows):
            parts.append("<tr>")
            for o in sorted((o for o in grid(table, exp, "half", "", True) if o.row == r), key=lambda o: o.col):
                span = (f' rowspan="{o.rowspan}"' if o.rowspan > 1 else "") + (
                    f' colspan="{o.colspan}"' if o.colspan > 1 else "")
                text = html.escape(str(o.value)).replace(" ", "&nbsp;") or "&nbsp;"
                parts.append(f"<td{span}><p>{text}</p></td>")
            parts.append("</tr>")
        parts.append("</table>")
    if exp.meta.get("date"):
        parts.append(f"<p style='text-align:right'>{html.escape(exp.meta['agency'])}</p>")
        parts.append(f"<p style='text-align:right'>{cn_date(exp.meta['date'])}</p>")
    parts.append("<div class='footer'><p>主办单位：某某人民政府办公室 版权所有</p><p>网站标识码 1234</p></div>")
    parts.append("</body></html>")
    path.write_bytes("\n".join(parts).encode(encoding))


def write_mht(exp: Expected, path: Path) -> None:
    """The page saved by IE/360 as one file: MIME multipart/related, GBK, quoted-printable."""
    import quopri

    page = path.with_suffix(".tmp.htm")
    write_html(exp, page, "gbk")
    body = quopri.encodestring(page.read_bytes())
    page.unlink()
    head = (b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="----=_NextPart_01";'
            b' type="text/html"\r\n\r\nThis is a multi-part message in MIME format.\r\n\r\n'
            b"------=_NextPart_01\r\nContent-Type: text/html; charset=\"gbk\"\r\n"
            b"Content-Transfer-Encoding: quoted-printable\r\nContent-Location: http://www.example.gov.cn/nb.html"
            b"\r\n\r\n")
    path.write_bytes(head + body + b"\r\n------=_NextPart_01--\r\n")


# ---- text copied out of a PDF: every cell on its own line ---------------------------------


def write_one_per_line(exp: Expected, path: Path) -> None:
    """What copying a report out of a PDF gives: every non-empty cell on its own line, no
    tabs, no row ends; an empty cell written "—" (a blank would simply vanish)."""
    fmt = exp.fmt
    lines = [title_of(exp)]
    for s in fmt.sections:
        if s.text and exp.text.get(s.text) is None:
            continue
        lines.append(spell(s.heading, "half"))
        if s.text:
            lines.extend((exp.text.get(s.text) or "").split("\n"))
            continue
        table = fmt.table(s.table or "")
        for r in range(table.n_rows):
            for o in sorted((o for o in grid(table, exp, "spaced", "—", True) if o.row == r), key=lambda o: o.col):
                if str(o.value).strip():
                    lines.append(str(o.value))
    if exp.meta.get("date"):
        lines += [exp.meta["agency"], cn_date(exp.meta["date"])]
    path.write_text("\n".join(lines), encoding="utf-8")


def write_compilation(path: Path, reports: list[Any]) -> Path:
    """Reports one after the other in one text file, as a county's compilation (汇编) of its
    bodies' reports prints them, each as text copied out of a PDF."""
    parts = []
    for k, report in enumerate(reports):
        one = path.with_name(f"{path.stem}-{k}.txt")
        write_one_per_line(expected_of(report), one)
        parts.append(one.read_text(encoding="utf-8"))
        one.unlink()
    path.write_text("\n".join(parts), encoding="utf-8")
    return path


WRITERS: dict[str, Callable[[Expected, Path], None]] = {
    "pdf-copy.txt": write_one_per_line,
    "three-sheets.xlsx": write_xlsx_three_sheets,
    "stacked.xlsx": write_xlsx_stacked,
    "merged.docx": lambda e, p: write_docx(e, p, "merged"),
    "collapsed.docx": lambda e, p: write_docx(e, p, "collapsed"),
    "list-numbered-headings.docx": lambda e, p: write_docx(e, p, "collapsed", numbered=False),
    "page.html": write_html,
    "page-gbk.htm": lambda e, p: write_html(e, p, "gbk"),
    "saved-page.mht": write_mht,
}


# ---- comparing ----------------------------------------------------------------------------


def cell_differences(exp_cells: dict[str, Any], got: dict[str, Any]) -> list[str]:
    diffs = []
    for key, want in exp_cells.items():
        have = got.get(key)
        if (want is None) != (have is None) or not same_value(have, want):
            diffs.append(f"{key}: got {have!r}, want {want!r}")
    return diffs


def texts_of(got: dict[str, Any], exp_text: dict[str, Any]) -> dict[str, Any]:
    """The imported texts of the keys the expected result gives: the fixtures in ../shared list
    the six sections' texts only (the opening paragraph under the title is a text of its own
    now, and the fixtures leave it out of 一、总体情况)."""
    return {key: got.get(key) for key in exp_text}


def assert_imports_alike(expected: Path, got: Path) -> None:
    """Two files of one report in different shapes import to the same meta, cells and texts,
    with problems about the same cells (their places differ: 第3行 against 第3段)."""
    from govopen_desktop.io.importers import import_file

    want, have = import_file(expected), import_file(got)
    assert have.report.meta == want.report.meta
    assert have.report.cells == want.report.cells
    assert have.report.text == want.report.text
    assert [p.key for p in have.problems] == [p.key for p in want.problems]
