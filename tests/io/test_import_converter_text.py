"""A report's page or PDF turned into markdown by a converter, in the shapes real converters
write (probed on a real 2019 report page run through pandoc, html2text and markdownify, and on
MinerU- and docling-style output): tables kept as HTML inside the markdown, merged cells
repeated in every position they cover, pipe rows without outer bars
whose empty last cell leaves a bar at the end, merged cells padded with empty cells in the
middle of a row, an empty header row above a table. Generated from the seed reports."""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

import pytest

from govopen_desktop.domain.formats import Table
from govopen_desktop.io.importers import import_file
from tests.support.import_builders import (
    Expected,
    Out,
    cell_differences,
    cn_date,
    expected_from,
    grid,
    texts_of,
    title_of,
)
from tests.support.paths import load_expected, needs_shared, seed_names

pytestmark = needs_shared


def table_rows(table: Table, exp: Expected) -> list[list[Out]]:
    """The official grid's cells row by row, as an HTML table holds them (covered cells absent)."""
    rows: list[list[Out]] = [[] for _ in range(table.n_rows)]
    for o in sorted(grid(table, exp, "official", "", True), key=lambda o: (o.row, o.col)):
        rows[o.row].append(o)
    return rows


def td(o: Out, inner: str = "{}") -> str:
    span = (f' rowspan="{o.rowspan}"' if o.rowspan > 1 else "") + (f' colspan="{o.colspan}"' if o.colspan > 1 else "")
    return f"<td{span}>{inner.format(html.escape(str(o.value)))}</td>"


def one_line_table(table: Table, exp: Expected) -> list[str]:
    """MinerU: each table one line of HTML."""
    body = "".join("<tr>" + "".join(td(o) for o in row) + "</tr>" for row in table_rows(table, exp))
    return [f"<table>{body}</table>"]


def pandoc_table(table: Table, exp: Expected) -> list[str]:
    """pandoc (gfm) for a table with merged cells: raw HTML over many lines, cells as <p>."""
    out = ["<table>", "<tbody>"]
    for row in table_rows(table, exp):
        out += ["<tr>", *(td(o, "<p>{}</p>") for o in row), "</tr>"]
    return [*out, "</tbody>", "</table>"]


def html2text_table(table: Table, exp: Expected) -> list[str]:
    """html2text: no outer bars, `cell| cell`, an empty cell a space, a hard break at the end;
    a separator under the first row."""
    out = []
    for n, row in enumerate(table_rows(table, exp)):
        out.append("| ".join(str(o.value) or " " for o in row) + "  ")
        if n == 0:
            out.append("|".join(["---"] * len(row)) + "  ")
    return out


def markdownify_table(table: Table, exp: Expected) -> list[str]:
    """markdownify: an empty header row, then every row with a merged cell's padding written as
    empty cells after it (cells covered from the row above are left out, so rows are ragged)."""
    width = max(sum(o.colspan for o in row) for row in table_rows(table, exp))
    out = ["| " + " | ".join([""] * width) + " |", "| " + " | ".join(["---"] * width) + " |"]
    for row in table_rows(table, exp):
        cells = [c for o in row for c in [str(o.value), *[""] * (o.colspan - 1)]]
        out.append("| " + " | ".join(cells) + " |")
    return out


def docling_table(table: Table, exp: Expected) -> list[str]:
    """docling: a pipe table in which a merged cell's text is repeated in every position it
    covers (across and down), with a separator under the first row."""
    width = max(o.col + o.colspan for row in table_rows(table, exp) for o in row)
    full = [[""] * width for _ in range(table.n_rows)]
    for row in table_rows(table, exp):
        for o in row:
            for r in range(o.row, o.row + o.rowspan):
                for c in range(o.col, o.col + o.colspan):
                    full[r][c] = str(o.value)
    out = ["| " + " | ".join(full[0]) + " |", "|" + "|".join(["---"] * width) + "|"]
    return out + ["| " + " | ".join(r) + " |" for r in full[1:]]


def document(exp: Expected, table_lines: Callable[[Table, Expected], list[str]], heading: str = "",
             wrapper: bool = False) -> str:
    fmt = exp.fmt
    lines = ['<div class="article">', ""] if wrapper else []
    lines += [heading + title_of(exp), ""]
    for s in fmt.sections:
        lines += [heading + s.heading, ""]
        if s.text:
            for para in (exp.text.get(s.text) or "").split("\n"):
                lines += [para, ""]
            continue
        lines += [*table_lines(fmt.table(s.table or ""), exp), ""]
    if exp.meta.get("date"):
        lines += [exp.meta["agency"], "", cn_date(exp.meta["date"]), ""]
    if wrapper:
        lines.append("</div>")
    return "\n".join(lines)


SHAPES: dict[str, tuple[Callable[[Table, Expected], list[str]], str, bool]] = {
    "mineru": (one_line_table, "# ", False),
    "pandoc-gfm": (pandoc_table, "", True),
    "html2text": (html2text_table, "", False),
    "markdownify": (markdownify_table, "", False),
    "docling": (docling_table, "## ", False),
}


@pytest.mark.parametrize("shape", list(SHAPES))
@pytest.mark.parametrize("seed", seed_names())
def test_converter_markdown_imports_cell_exact(seed: str, shape: str, tmp_path: Path) -> None:
    exp = expected_from(load_expected(seed))
    build, heading, wrapper = SHAPES[shape]
    path = tmp_path / f"{seed}.md"
    path.write_text(document(exp, build, heading, wrapper), encoding="utf-8")
    result = import_file(path)
    report = result.report
    assert report.extra["source"]["kind"] == "txt"
    assert cell_differences(exp.cells, report.cells) == []
    assert (report.meta.agency, report.meta.year, report.meta.format) == (
        exp.meta["agency"], exp.meta["year"], exp.meta["format"])
    assert texts_of(report.text, exp.text) == exp.text
    assert [p for p in result.problems if p.key and not p.key.startswith("meta.")] == []


def test_blank_last_column_in_rows_without_outer_bars() -> None:
    """html2text writes `258| 12|  |  | 1| 1|` for a row whose 总计 was printed blank: the bar at
    the end parts off that empty cell; rows printed with outer bars keep theirs as outer."""
    from govopen_desktop.io.importers.readers.text import read_text

    rows = "（一）予以公开| 258| 12|    \n（七）总计| 767| 35| 805  \n"
    bare = read_text("标题\n自然人| 总计  \n---|---  \n" + rows, "a.md")
    assert [r.texts for r in bare.rows if r.is_table][1] == ["（一）予以公开", " 258", " 12", ""]
    outer = read_text("规章 | 0 | 0 | 6 |\n行政规范性文件 | 1 | 2 | 3 |\n", "b.md")
    assert [r.texts for r in outer.rows] == [["规章 ", " 0 ", " 0 ", " 6 "], ["行政规范性文件 ", " 1 ", " 2 ", " 3 "]]


def test_a_row_with_more_cells_than_columns_is_not_cut() -> None:
    """Padding inside a row (as many empty cells as cells too many) is dropped; a row whose extra
    cells hold numbers is not cut to size: its cells are named, nothing placed by position."""
    from govopen_desktop.io.importers import import_text

    head = "# 某县审计局2024年政府信息公开工作年度报告\n\n一、总体情况\n\n本局依法公开政府信息。\n\n"
    head += "二、主动公开政府信息情况\n\n"
    head += "| 信息内容 | 本年制发件数 | 本年废止件数 | | 现行有效件数 |\n| --- | --- | --- | --- | --- |\n"
    padded = import_text(head + "| 规章 | 4 | | 1 | 9 |\n| 行政规范性文件 | 2 | 1 | 5 | 7 |\n")
    assert [padded.report.cells[f"t2.regulations.{c}"] for c in ("issued", "repealed", "in_force")] == [4, 1, 9]
    keys = [f"t2.normative_docs.{c}" for c in ("issued", "repealed", "in_force")]
    assert [padded.report.cells[k] for k in keys] == [None, None, None]
    named = {p.key: p.message for p in padded.problems}
    assert all(k in named and "2 1 5 7" in named[k] and "多于表格的 3 列" in named[k] for k in keys)
    # two blanks side by side, one of them padding: whichever it is, the row reads the same
    blanks = import_text(head + "| 规章 | 4 | | | 9 |\n")
    assert [blanks.report.cells[f"t2.regulations.{c}"] for c in ("issued", "repealed", "in_force")] == [4, None, 9]
    ragged = import_text(head + "| 规章 | 4 | | 5 | 9 | 1 |\n")  # a number too many: no column is certain
    assert [ragged.report.cells[f"t2.regulations.{c}"] for c in ("issued", "repealed", "in_force")] == [
        None, None, None]
    assert "4 （空） 5 9 1" in {p.key: p.message for p in ragged.problems}["t2.regulations.in_force"]
    # docling repeats a merged cell's value in each column it covers: one way to drop the repeats
    repeated = import_text(head + "| 规章 | 4 | 4 | 4 | 9 |\n| 行政规范性文件 | 2 | 2 | 3 | 3 |\n")
    assert [repeated.report.cells[f"t2.regulations.{c}"] for c in ("issued", "repealed", "in_force")] == [4, 4, 9]
    assert [repeated.report.cells[k] for k in keys] == [None, None, None]  # 2 2 3 3: two ways


# ---- a web page printed to PDF, its text laid out by pdftotext -layout ---------------------


def printed_page_layout(exp: Expected, gap: str = "   ") -> str:
    """The shapes of a report page printed to PDF and copied with its layout (probed on real
    pages): a label and its first number one space apart while the other columns are runs of
    spaces apart; a label wrapped over three lines with the numbers after the middle piece;
    pieces of the group label in the column to its left ("他处   费通知要求缴纳费")."""
    fmt = exp.fmt

    def numbers(keys: tuple[str, ...]) -> list[str]:
        return [str(exp.cells[k]) for k in keys]

    from govopen_desktop.io.importers.official_rows import row_specs

    lines = [title_of(exp), "", "一、总体情况", exp.text["overview"] or "", "", "二、主动公开政府信息情况",
             "信息内容       本年制发件数 本年废止件数 现行有效件数"]
    for spec in row_specs(fmt.table("t2")):
        first, *rest = numbers(spec.keys)
        lines += [f"{spec.label} {first}           " + "     ".join(rest), ""]
    lines += ["三、收到和处理政府信息公开申请情况", "                     申请人情况"]
    for spec in row_specs(fmt.table("t3")):
        label = spec.label or ""
        first, *rest = numbers(spec.keys)
        tail = "       ".join(rest)
        if spec.keys[0] == "t3.partial.natural":
            lines += [f"果    {label[:12]}", f"     {label[12:26]} {first}       {tail}", f"     {label[26:]}", ""]
        elif spec.keys[0] == "t3.other_no_fee.natural":
            lines += ["           （六", f"           ）其{gap}{label[:10]}", f"           他处{gap}{label[10:18]}",
                      f"           理{gap}{label[18:27]}              {first}        {tail}",
                      f"                {label[27:]}", ""]
        else:
            lines += [f"          {label}     {first}       {tail}", ""]
    lines += ["四、政府信息公开行政复议、行政诉讼情况", "行政复议                         行政诉讼",
              "结果 结果 其他 尚未", "维持 纠正 结果 审结", "   ".join(numbers(tuple(fmt.table("t4").keys))), ""]
    lines += ["五、存在的主要问题及改进情况", exp.text["problems"] or "",
              "六、其他需要报告的事项", exp.text["other"] or ""]
    return "\n".join(lines)


@pytest.mark.parametrize("gap", ["   ", " "])  # the group label's column: runs apart, or one space (a PDF)
def test_printed_page_layout_text_reads_wrapped_and_glued_labels(gap: str) -> None:
    from govopen_desktop.io.importers import import_text

    seed = next(s for s in seed_names() if load_expected(s)["meta"]["format"] == "2021")
    exp = expected_from(load_expected(seed))
    result = import_text(printed_page_layout(exp, gap))
    assert cell_differences(exp.cells, result.report.cells) == []
    assert result.summary().inferred == 0


def test_table_4_without_its_column_headers_is_read_in_form_order_and_said() -> None:
    """A converter that kept only "行政复议行政诉讼" above table 4's bare row of numbers: the row is
    read in the form's column order, marked inferred, and a problem says the headers are missing."""
    from govopen_desktop.io.importers import import_text

    numbers = "| 12 | 3 | 4 | 1 | 20 | 2 | 0 | 1 | 1 | 4 | 5 | 1 | 0 | 2 | 8 |"
    text = ("某市2024年政府信息公开工作年度报告\n\n一、总体情况\n本市依法公开政府信息。\n\n"
            "四、政府信息公开行政复议、行政诉讼情况\n行政复议行政诉讼\n" + numbers + "\n\n"
            "五、存在的主要问题及改进情况\n一是公开质量有待提高。\n")
    result = import_text(text)
    t4 = [k for k in result.report.cells if k.startswith("t4.")]
    assert [result.report.cells[k] for k in t4] == [int(n) for n in numbers.strip("| ").split(" | ")]
    assert set(t4) <= result.inferred
    said = [p for p in result.problems if p.key == "t4.review.upheld"]
    assert said and "没有印出各列的表头" in said[0].message and "12 3 4 1 20" in said[0].message


def test_a_row_whose_label_was_misread_is_read_by_its_number_or_quoted() -> None:
    """OCR text: a label misread ("2.重复中请") between two rows found by their labels is known
    by its number, read and marked for checking, with both wordings said. Misread with its
    number lost too ("重复中请"), the row is not known: its numbers are not placed but quoted
    in a problem. A letter read for a digit ("O") is kept as printed and reported on its cell."""
    from govopen_desktop.io.importers import import_text

    seed = next(s for s in seed_names() if load_expected(s)["meta"]["format"] == "2021")
    exp = expected_from(load_expected(seed))
    text = printed_page_layout(exp)
    label = "2.重复申请"
    at = text.index(label)
    line = text[at:text.index("\n", at)]
    values = " ".join(line.replace(label, "").split())
    keys = [k for k in exp.cells if k.startswith("t3.rejected_repeat.")]

    by_number = import_text(text.replace(line, line.replace("申请", "中请")))
    assert {k: by_number.report.cells[k] for k in keys} == {k: exp.cells[k] for k in keys}
    assert set(keys) <= by_number.inferred
    said = [p.message for p in by_number.problems if "措辞不同" in p.message]
    assert said == ["“2.重复中请”这一行与官方格式的“2.重复申请”措辞不同，已按它的编号作为这一行导入，请核对。"]

    unnumbered = import_text(text.replace(line, line.replace(label, "重复中请")))
    assert all(unnumbered.report.cells[k] is None for k in keys)
    quoted = [p.message for p in unnumbered.problems if "重复中请 " + values in p.message]
    assert quoted and "未读入" in quoted[0]

    head, tail = line.split(label)
    letter = import_text(text.replace(line, head + label + tail.replace(values.split()[0], "O", 1), 1))
    assert letter.report.cells["t3.rejected_repeat.natural"].text == "O"  # type: ignore[union-attr]


def test_reading_order_text_with_two_numbers_on_the_first_line_of_a_row() -> None:
    """pdftotext in reading order: a row's label on its line, the first two numbers on the next
    line ("13612 252", the two narrow columns close together), the rest one a line."""
    from govopen_desktop.io.importers import import_text
    from govopen_desktop.io.importers.official_rows import row_specs

    seed = next(s for s in seed_names() if load_expected(s)["meta"]["format"] == "2021")
    exp = expected_from(load_expected(seed))
    fmt = exp.fmt
    lines = [title_of(exp), "", "一、总体情况", exp.text["overview"] or "", "",
             "三、收到和处理政府信息公开申请情况", ""]
    for spec in row_specs(fmt.table("t3")):
        values = [str(exp.cells[k]) for k in spec.keys]
        lines += [spec.label or "", "", f"{values[0]} {values[1]}", ""]
        lines += [x for v in values[2:] for x in (v, "")]
    lines += ["五、存在的主要问题及改进情况", exp.text["problems"] or ""]
    result = import_text("\n".join(lines))
    keys = [k for k in exp.cells if k.startswith("t3.")]
    assert cell_differences({k: exp.cells[k] for k in keys}, result.report.cells) == []
