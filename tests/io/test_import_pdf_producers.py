"""PDFs in the shapes other offices' producers make, and the text PDF viewers copy out of them:
a ruled table whose rows Word lets break across a page (its default), with and without header
rows repeated on each page; text copied out of Chrome/Edge (PDFium), each label wrapped in its
narrow cell over several lines before its row's numbers."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from govopen_desktop.io.importers import import_file, import_text
from govopen_desktop.io.importers.official_rows import row_specs
from tests.support.import_builders import Expected, cell_differences, expected_from, grid, title_of
from tests.support.office import needs_soffice, office_convert
from tests.support.paths import load_expected, needs_shared, seed_names

pytestmark = needs_shared


def _ruled_docx(exp: Expected, path: Path, *, repeat_header: bool = False, ruled: bool = True,
                spacing: float = 0) -> None:
    """A Word report as many offices set it: A4, 12 pt text, the tables in the official grid
    at 10 pt, with ruling lines or (not `ruled`) none; rows may break across pages (Word's default);
    `spacing`: the points of character spacing a label and a heading are set with."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn
    from docx.shared import Mm, Pt

    def run(paragraph: Any, text: str, size: float, spaced: bool = False) -> None:
        r = paragraph.add_run(text)
        r.font.size = Pt(size)
        if spaced and spacing:
            r._element.get_or_add_rPr().append(parse_xml(f'<w:spacing {nsdecls("w")} w:val="{int(spacing * 20)}"/>'))
        r.font.name = "宋体"
        r._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "宋体")

    d = docx.Document()
    d.sections[0].page_width, d.sections[0].page_height = Mm(210), Mm(297)
    run(d.add_paragraph(), title_of(exp), 18)
    year = exp.meta["year"]
    run(d.add_paragraph(), f"本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。", 12)
    lines = "".join(f'<w:{side} w:val="{"single" if ruled else "nil"}" w:sz="4" w:space="0" w:color="000000"/>'
                    for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    for s in exp.fmt.sections:
        if s.text and exp.text.get(s.text) is None:
            continue
        run(d.add_paragraph(), s.heading, 12, spaced=bool(s.table))
        if s.text:
            for line in (exp.text.get(s.text) or "").split("\n"):
                run(d.add_paragraph(), line, 12)
            continue
        table = exp.fmt.table(s.table or "")
        t = d.add_table(rows=table.n_rows, cols=table.n_cols)
        t._tbl.tblPr.append(parse_xml(f"<w:tblBorders {nsdecls('w')}>{lines}</w:tblBorders>"))
        rows = [list(r.cells) for r in t.rows]
        for o in grid(table, exp, "official", "", True):
            cell = rows[o.row][o.col]
            if o.rowspan > 1 or o.colspan > 1:
                cell = cell.merge(rows[o.row + o.rowspan - 1][o.col + o.colspan - 1])
            run(cell.paragraphs[0], str(o.value), 10, spaced=not str(o.value)[:1].isdigit())
        if repeat_header:
            for r in range(table.header_rows):
                t.rows[r]._tr.get_or_add_trPr().append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))
    d.save(str(path))


@needs_soffice
@pytest.mark.parametrize("repeat_header", [False, True])
def test_a_ruled_table_row_broken_across_a_page_is_one_row(repeat_header: bool, tmp_path: Path) -> None:
    """Seed 000's table 3 breaks inside the row “8.属于行政查询事项”: its numbers and “8.属于”
    at the foot of page 2, “行政查询事项” in the first row of page 3's table (after the header
    rows when Word repeats them). Before, the row's label was “8.属于” and its seven cells were
    left empty."""
    seed = seed_names()[0]
    exp = expected_from(load_expected(seed))
    docx_path = tmp_path / "report.docx"
    _ruled_docx(exp, docx_path, repeat_header=repeat_header)
    office_convert([docx_path], "pdf", tmp_path, timeout=180)
    result = import_file(tmp_path / "report.pdf")
    assert cell_differences(exp.cells, result.report.cells) == []


@needs_soffice
def test_a_table_without_ruling_lines_and_a_narrow_group_column(tmp_path: Path) -> None:
    """The same report with no ruling lines: the group label and the row's label share a line
    one cell padding apart (“（三）  1.属于” over “不予公  国家秘”, a gap of ~1.2 characters);
    they are two columns, and each label's pieces are joined in its own column. Before, the two
    read as one piece and each group's first row (21 cells) was left empty."""
    exp = expected_from(load_expected(seed_names()[0]))
    docx_path = tmp_path / "report.docx"
    _ruled_docx(exp, docx_path, ruled=False)
    office_convert([docx_path], "pdf", tmp_path, timeout=180)
    result = import_file(tmp_path / "report.pdf")
    assert cell_differences(exp.cells, result.report.cells) == []


def _pdfium_copy(exp: Expected, broken: str, one_a_line: bool = False) -> str:
    """Table 3 as Chrome or Edge copies it out of a ruled PDF: every label cell's lines (three
    characters a line, a narrow column) on lines of their own, then the row's numbers on one
    line (a blank cell written “—”); the group labels' lines before their first row; the row `broken` by a page: its
    first line with the numbers, the rest of its label after them. `one_a_line`: as PDFium
    gives it where a cell's font changes, a label's numbering on a line of its own (“6.”) and
    each number on its own line (no row broken)."""
    fmt = exp.fmt
    lines = [title_of(exp), "一、总体情况", exp.text.get("overview") or "", "三、收到和处理政府信息公开申请情况",
             "申请人情况", "自然人 法人或其他组织 总计"]
    groups: set[str] = set()
    for spec in row_specs(fmt.table("t3")):
        numbers = " ".join("—" if exp.cells[k] is None else str(exp.cells[k]) for k in spec.keys)
        group = next((c.text for c in fmt.table("t3").cells if c.role == "label" and c.text and c.col == 1
                      and c.rowspan > 1 and c.row <= spec.row < c.row + c.rowspan), None)
        if group and group not in groups:
            groups.add(group)
            lines += [group[i:i + 3] for i in range(0, len(group), 3)]
        label = spec.label or ""
        pieces = [label[i:i + 3] for i in range(0, len(label), 3)]
        numbering = re.match(r"^(?:[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、|\d+\.)", label)
        if one_a_line and numbering:
            rest = label[numbering.end():]
            pieces = [numbering.group(), *(rest[i:i + 3] for i in range(0, len(rest), 3))]
        if one_a_line:
            lines += [*pieces, *numbers.split()]
        elif label == broken:
            lines += [f"{pieces[0]} {numbers}", *pieces[1:]]
        else:
            lines += [*pieces, numbers]
    lines += ["五、政府信息公开工作存在的主要问题及改进情况", exp.text.get("problems") or ""]
    return "\n".join(lines)


@pytest.mark.parametrize("seed", seed_names())
def test_text_copied_from_chrome_with_labels_wrapped_over_lines(seed: str) -> None:
    """Before, each wrapped label's lines were paragraphs and its numbers a row without label:
    most of table 3 was left empty."""
    exp = expected_from(load_expected(seed))
    t3 = [s for s in row_specs(exp.fmt.table("t3")) if s.label]
    result = import_text(_pdfium_copy(exp, t3[len(t3) // 2].label or ""))
    keys = [k for k in exp.cells if k.startswith("t3.")]
    assert cell_differences({k: exp.cells[k] for k in keys}, result.report.cells) == []


@pytest.mark.parametrize("seed", seed_names())
def test_text_copied_from_chrome_with_numbering_and_numbers_one_a_line(seed: str) -> None:
    """Before, a line “6.” stopped the label's pieces (it reads as a number) and the numbers
    one a line were no row: every such row was left empty."""
    exp = expected_from(load_expected(seed))
    result = import_text(_pdfium_copy(exp, "", one_a_line=True))
    keys = [k for k in exp.cells if k.startswith("t3.")]
    assert cell_differences({k: exp.cells[k] for k in keys}, result.report.cells) == []


def test_a_whole_label_line_is_not_taken_as_a_piece_of_the_next_row() -> None:
    """A section heading or a full label above a row's first line of numbers stays what it is:
    the lines joined into a label start at a numbered label (“一、”, “（二）”, “1.”)."""
    text = "\n".join(["青山市民政局2024年政府信息公开工作年度报告", "一、总体情况", "本年度公开工作有序开展。",
                      "二、主动公开政府信息情况", "规章 0 0 3", "三、收到和处理政府信息公开申请情况",
                      "一、本年新收政", "府信息公开申", "请数量", "5 0 0 0 0 0 5",
                      "二、上年结转政府信息公开申请数量", "0 0 0 0 0 0 0",
                      "五、政府信息公开工作存在的主要问题及改进情况", "宣传有待加强。"])
    result = import_text(text)
    assert result.report.cells["t3.new.natural"] == 5
    assert result.report.cells["t3.new.total"] == 5
    assert result.report.cells["t3.carried_in.total"] == 0


def test_a_driver_made_pdf_with_a_diagonal_watermark_on_each_page() -> None:
    """tests/data/import/producer-watermark.pdf (made by make_producer_pdf.py from the sample
    report): every character its own text object, a running header and page number, a grey
    “内部资料 请勿外传” at 45° across each page, section 六 with a space between every character,
    tables without ruling lines. Before, the watermark's characters were read into the lines
    they cross: 28 cells empty, every section's text broken."""
    from govopen_desktop.io.project import load_report
    from tests.support.paths import SAMPLE, TEST_DATA

    sample = load_report(SAMPLE)
    result = import_file(TEST_DATA / "import" / "producer-watermark.pdf")
    assert cell_differences(dict(sample.cells), result.report.cells) == []
    assert result.report.meta.agency == sample.meta.agency
    assert result.report.text == sample.text  # 六 without its spaces: （国办函〔2020〕109号）
    assert not any("内部" in p.message or "外传" in p.message for p in result.problems)


def test_a_line_spaced_character_by_character_loses_its_spaces() -> None:
    from govopen_desktop.io.importers.extract.paragraphs import despaced

    assert despaced("主 动 公 开 政 府 信 息 1 2 条 。") == "主动公开政府信息12条。"
    assert despaced("共 12 件") == "共 12 件"  # published so too: kept
    assert despaced("依据 GB/T 7714 标准，今年 共受理") == "依据 GB/T 7714 标准，今年 共受理"


def test_a_numbered_item_at_the_margin_after_a_lead_in_goes_on_its_paragraph() -> None:
    """Where the page indents its paragraphs, “（一）” at the margin after a full line ending in a
    lead-in (“…主要问题：”) is the paragraph going on; after a sentence it starts a paragraph."""
    from govopen_desktop.io.importers.extract.paragraphs import join_wrapped

    first = "本年度我局认真落实条例要求，政务公开工作取得了新的成效，但"
    full = "在工作中也发现了本年度政府信息公开工作存在一些不足，主要问题："
    items = "（一）宣传不够深入；（二）解读形式单一。"
    lines: list[tuple[str, float | None]] = [
        (first, 92.0), (full, 60.0), (items, 60.0),
        ("下一步，我局将加强培训，进一步提升公开质量，推动各项工作。", 92.0),
        ("（一）加强宣传。", 92.0)]
    assert join_wrapped(lines) == [
        first + full + items,
        "下一步，我局将加强培训，进一步提升公开质量，推动各项工作。", "（一）加强宣传。"]


def test_a_unit_a_viewer_set_apart_from_its_amount() -> None:
    """Chrome/Edge put a space where the font changes: “政府集中采购 2 35.6 万元”. Before, the
    row read as a sentence and both cells were left empty."""
    text = "\n".join(["青山市民政局2024年政府信息公开工作年度报告", "一、总体情况", "本年度公开工作有序开展。",
                      "二、主动公开政府信息情况", "规章 0 0 3", "政府集中采购 2 35.6 万元",
                      "三、收到和处理政府信息公开申请情况", "二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0",
                      "五、政府信息公开工作存在的主要问题及改进情况", "宣传有待加强。"])
    cells = import_text(text).report.cells
    assert (cells["t2.procurement.projects"], cells["t2.procurement.amount"]) == (2, Decimal("35.6"))
    assert cells["t2.procurement.amount_unit"] == "万元"


@needs_soffice
def test_a_row_broken_across_a_page_inside_a_merged_group_label(tmp_path: Path) -> None:
    """淮安's numbers set with character spacing (2 pt) in ruled tables: table 3 breaks inside
    “（二）部分公开…”, and the next page's first row holds the rest of that label and the rest of
    the group label “三、本年度办理结果” merged down the rows above (its cell starts rows higher).
    Before, the pieces under no cell of the last row kept the row apart: 7 cells left empty."""
    import json

    from tests.support.paths import SHARED

    data = json.loads((SHARED / "real-reports" / "huaian-2024.expected.json").read_text(encoding="utf-8"),
                      parse_float=Decimal)
    exp = Expected(data["meta"], data["cells"], {})
    docx_path = tmp_path / "report.docx"
    _ruled_docx(exp, docx_path, spacing=2)
    office_convert([docx_path], "pdf", tmp_path, timeout=180)
    result = import_file(tmp_path / "report.pdf")
    keys = [k for k in exp.cells if k.startswith("t3.")]
    assert cell_differences({k: exp.cells[k] for k in keys}, result.report.cells) == []


def test_a_number_wrapped_in_a_narrow_column_of_an_unruled_table_is_kept_as_printed() -> None:
    # a PDF table without ruling lines, table 4's 15 narrow columns: "27" over "6" is what the
    # cell printed (as a ruled table's cell "27\n6"), not 27 with the line under it dropped
    from govopen_desktop.io.importers.extract.build import build_report
    from govopen_desktop.io.importers.neutral import Cell, Doc, Row

    doc = Doc("报告.pdf", "pdf")
    for text in ("某县某局2024年政府信息公开工作年度报告", "一、总体情况", "2024年，本局认真落实条例。",
                 "四、政府信息公开行政复议、行政诉讼情况", "行政复议  行政诉讼"):
        doc.add_paragraph(text, "第4页")
    xs = [90 + 28 * k for k in range(15)]

    def spaced(texts: list[str], at: list[float]) -> Row:
        return Row([Cell(t, "第4页", x=x) for t, x in zip(texts, at, strict=True)], "第4页", is_table=True,
                   spaced=True)

    doc.add(spaced(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉"],
                   [*xs[:5], xs[5], xs[10]]))
    doc.add(spaced(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2, xs[5:]))
    numbers = ["5", "2", "27", "1", "35", "3", "0", "1", "0", "4", "2", "0", "0", "1", "3"]
    doc.add(spaced(numbers, [float(x) for x in xs]))
    doc.add(spaced(["6", "6"], [xs[2] + 2.5, xs[4] + 2.5]))  # the wrapped second lines, centred
    doc.add_paragraph("五、存在的主要问题及改进情况", "第5页")
    report, problems = build_report(doc)
    assert str(report.cells["t4.review.other"]) == "27\n6" and str(report.cells["t4.review.total"]) == "35\n6"
    assert report.cells["t4.review.upheld"] == 5 and report.cells["t4.suit_after_review.total"] == 3
    named = {p.key for p in problems}
    assert {"t4.review.other", "t4.review.total"} <= named


@needs_soffice
def test_a_row_printed_blank_under_an_unknown_label_keeps_no_numbers_of_it(tmp_path: Path) -> None:
    """No ruling lines, seed 001's 其他对外管理服务事项 worded otherwise (其他管理服务事项 2 2 0),
    the next rows' labels (第二十条第（六）项, 信息内容, 行政处罚 printed blank) in the same
    column below it: those lines are not pieces of its label, though together they end with
    行政处罚. Before, they were joined into one label and 行政处罚 took 2 2 0, unsaid."""
    import docx

    exp = expected_from(load_expected(seed_names()[1]))
    docx_path = tmp_path / "report.docx"
    _ruled_docx(exp, docx_path, ruled=False)
    document = docx.Document(str(docx_path))
    paragraph = next(p for t in document.tables for c in t._cells for p in c.paragraphs
                     if p.text == "其他对外管理服务事项")
    for r in paragraph.runs[1:]:
        r.text = ""
    paragraph.runs[0].text = "其他管理服务事项"
    document.save(str(docx_path))
    office_convert([docx_path], "pdf", tmp_path, timeout=180)
    result = import_file(tmp_path / "report.pdf")
    punishment = [k for k in exp.cells if k.startswith("t2.punishment.")]
    assert all(exp.cells[k] is None and result.report.cells[k] is None for k in punishment)
    assert any("其他管理服务事项 2 2 0" in p.message for p in result.problems)
    rest = {k: v for k, v in exp.cells.items() if k.startswith("t2.") and not k.startswith("t2.other_services.")}
    assert cell_differences(rest, result.report.cells) == []


@needs_soffice
def test_a_row_with_blank_cells_in_a_table_without_ruling_lines(tmp_path: Path) -> None:
    """Seed 001's 四、结转下年度继续办理 prints four numbers and three blank cells; without
    ruling lines the blanks leave no trace in the text, but each number stands under its column
    of the rows printed in full. Before, all seven cells were left empty."""
    exp = expected_from(load_expected(seed_names()[1]))
    assert [exp.cells[k] for k in exp.cells if k.startswith("t3.carried_out.")].count(None) == 3
    docx_path = tmp_path / "report.docx"
    _ruled_docx(exp, docx_path, ruled=False)
    office_convert([docx_path], "pdf", tmp_path, timeout=180)
    result = import_file(tmp_path / "report.pdf")
    assert cell_differences(exp.cells, result.report.cells) == []
    blank = [p for p in result.problems if "在原件中是空白" in p.message]
    assert {p.key for p in blank} == {k for k, v in exp.cells.items() if k.startswith("t3.carried_out.") and v is None}


def test_numbers_standing_between_columns_are_not_placed() -> None:
    """A short row's number between two columns (or two in one column) goes to none of them."""
    from govopen_desktop.io.importers.extract.printed_columns import by_position, column_positions
    from govopen_desktop.io.importers.neutral import Cell, Row

    def row(label: str, xs: list[float]) -> Row:
        return Row([Cell(label, "", x=20.0)] + [Cell("7", "", x=x) for x in xs], "", is_table=True, spaced=True)

    full = [row("一、本年新收政府信息公开申请数量", [100, 140, 180, 220]),
            row("二、上年结转政府信息公开申请数量", [101, 141.5, 179, 221])]
    found = column_positions(full, 4)
    assert found is not None
    columns, slack = found
    assert by_position([Cell("3", "", x=100.5), Cell("1", "", x=181)], columns, slack) == [0, 2]
    assert by_position([Cell("3", "", x=120)], columns, slack) is None  # between two columns
    assert by_position([Cell("3", "", x=140), Cell("1", "", x=141)], columns, slack) is None  # two in one
    assert column_positions(full[:1], 4) is None  # one row printed in full says too little
