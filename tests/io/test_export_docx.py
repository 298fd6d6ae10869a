"""The Word export, read back with python-docx: page, styles, tables against the format grid,
footers, signature."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.table import Table as DocxTable

from govopen_desktop.domain.formats import GridCell, Table, load_format
from govopen_desktop.domain.report import Report
from govopen_desktop.domain.values import format_value
from govopen_desktop.io.exporters import docx_styles as S
from govopen_desktop.io.exporters.docx_export import build_docx_bytes, export_docx
from govopen_desktop.io.exporters.text import title_lines, units
from govopen_desktop.io.project import load_report
from tests.support.reports import filled_report

EMU_PER_MM = 36000
PARTIAL = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"


def full_report(format_id: str) -> Report:
    """Every input cell filled with a distinct value, totals computed, texts with （一） parts."""
    report = filled_report(format_id)
    report.set_text("overview", "本年度总体情况如下。\n（一）主动公开\n主动公开信息1587条。\n"
                    "（二）依申请公开。全年新收申请54件，均按期答复。")
    report.set_text("problems", "一是解读形式单一。\n改进措施：推出图解。")
    report.set_text("other", "本年度未收取信息处理费。")
    return report


def read(report: Report) -> DocxDocument:
    return docx.Document(io.BytesIO(build_docx_bytes(report)))


def grid_of(table: DocxTable) -> dict[tuple[int, int], tuple[int, int, str]]:
    """(row, col) of each cell's top-left → (rowspan, colspan, text), merged cells counted once
    (python-docx repeats the same `_tc` for every grid position a merged cell covers)."""
    n_cols = len(table.columns)
    boxes: dict[int, list[int]] = {}
    texts: dict[int, str] = {}
    for i, cell in enumerate(table._cells):
        r, c = divmod(i, n_cols)
        key = id(cell._tc)
        if key not in boxes:
            boxes[key] = [r, c, r, c]
            texts[key] = cell.text
        box = boxes[key]
        box[2], box[3] = max(box[2], r), max(box[3], c)
    return {(b[0], b[1]): (b[2] - b[0] + 1, b[3] - b[1] + 1, texts[k]) for k, b in boxes.items()}


def expected_text(cell: GridCell, report: Report) -> str:
    if cell.key is None:
        return cell.text or ""
    text = format_value(report.cells.get(cell.key))
    unit_key = report.format.fields[cell.key].unit_key
    return text + format_value(report.cells.get(unit_key)) if text and unit_key else text


def assert_table_matches(table: DocxTable, spec: Table, report: Report) -> None:
    got = grid_of(table)
    assert len(table.rows) == spec.n_rows and len(table.columns) == spec.n_cols
    want = {(c.row, c.col): (c.rowspan, c.colspan, expected_text(c, report)) for c in spec.cells}
    assert set(got) == set(want), f"{spec.id}: cells at different positions"
    for pos, (rowspan, colspan, text) in want.items():
        g_rowspan, g_colspan, g_text = got[pos]
        assert (g_rowspan, g_colspan) == (rowspan, colspan), f"{spec.id} {pos}: spans"
        assert g_text.replace("\n", "") == text, f"{spec.id} {pos}: text"


@pytest.mark.parametrize("format_id", ["2019", "2021"])
def test_tables_follow_the_format_grid(format_id: str) -> None:
    report = full_report(format_id)
    document = read(report)
    specs = report.format.tables
    assert len(document.tables) == len(specs)
    for table, spec in zip(document.tables, specs, strict=True):
        assert_table_matches(table, spec, report)


@pytest.mark.parametrize("format_id", ["2019", "2021"])
def test_every_row_keeps_together_and_header_rows_repeat(format_id: str) -> None:
    report = full_report(format_id)
    document = read(report)
    for table, spec in zip(document.tables, report.format.tables, strict=True):
        for r, row in enumerate(table.rows):
            tr_pr = row._tr.trPr
            assert tr_pr is not None and tr_pr.find(qn("w:cantSplit")) is not None
            assert (tr_pr.find(qn("w:tblHeader")) is not None) == (r < spec.header_rows)
        borders = table._tbl.tblPr.find(qn("w:tblBorders"))
        sides = {child.tag.split("}")[1]: child.get(qn("w:val")) for child in borders}
        assert sides == dict.fromkeys(("top", "left", "bottom", "right", "insideH", "insideV"), "single")


@pytest.mark.parametrize("format_id", ["2019", "2021"])
def test_every_row_keeps_with_the_next_so_the_table_stays_whole(format_id: str) -> None:
    report = full_report(format_id)
    for table, spec in zip(read(report).tables, report.format.tables, strict=True):
        for r, row in enumerate(table.rows):
            keeps = {p.paragraph_format.keep_with_next for cell in row.cells for p in cell.paragraphs}
            assert keeps == ({None} if r == spec.n_rows - 1 else {True}), f"{spec.id} row {r}"


@pytest.mark.parametrize("format_id", ["2019", "2021"])
def test_widths_as_in_the_official_template_and_no_label_ends_on_a_lone_character(format_id: str) -> None:
    from govopen_desktop.io.exporters.docx_tables import CELL_MARGIN
    from govopen_desktop.io.exporters.table_layout import FIT_SLACK, lone_tail

    report = full_report(format_id)
    document = read(report)
    section = document.sections[0]
    text_width = round((section.page_width - section.left_margin - section.right_margin) / 635)
    char = document.styles[S.TABLE_TEXT].font.size.pt * 20
    assert 0.9 <= CELL_MARGIN / 1440 * 25.4 <= 1.1  # cell margins about 1 mm
    for table, spec in zip(document.tables, report.format.tables, strict=True):
        widths = [int(col.get(qn("w:w"))) for col in table._tbl.tblGrid.findall(qn("w:gridCol"))]
        assert sum(widths) == text_width
        assert table._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
        margins = table._tbl.tblPr.find(qn("w:tblCellMar"))
        assert {int(m.get(qn("w:w"))) for m in margins if m.tag.endswith(("left", "right"))} == {CELL_MARGIN}
        if spec.label_columns > 1:  # the matrix table: label columns about half, value columns equal
            assert 0.48 <= sum(widths[: spec.label_columns]) / text_width <= 0.56
            _value_columns_equal_unless_a_number_needs_more(spec, report, widths, char)
        for c in spec.cells:
            if c.key is None and c.col < spec.label_columns:
                per_line = (sum(widths[c.col:c.col + c.colspan]) - 2 * CELL_MARGIN) / char - FIT_SLACK
                assert not lone_tail(c.text or "", per_line), f"{spec.id}: {c.text}"


def _value_columns_equal_unless_a_number_needs_more(spec: Table, report: Report, widths: list[int],
                                                    char: float) -> None:
    """The form's equal value columns; one grows only as far as its longest number needs."""
    from govopen_desktop.io.exporters.docx_tables import TIGHT_MARGIN
    from govopen_desktop.io.exporters.table_layout import value_units

    base = min(widths[spec.label_columns:])
    for col in range(spec.label_columns, spec.n_cols):
        texts = [expected_text(c, report) for c in spec.cells if c.key is not None and c.col == col]
        need = max(value_units(t) * char + 2 * TIGHT_MARGIN for t in texts)
        if need <= base + 1:
            assert widths[col] - base <= 1, f"{spec.id} column {col} widened for nothing"
        else:
            assert need - 1 <= widths[col] <= need + 2, f"{spec.id} column {col}: {widths[col]} for {need:.0f}"


@pytest.mark.parametrize("format_id", ["2019", "2021"])
def test_no_hard_line_break_in_any_table_cell(format_id: str) -> None:
    document = read(full_report(format_id))
    for table in document.tables:
        assert table._tbl.findall(".//" + qn("w:br")) == []
        assert table._tbl.findall(".//" + qn("w:cr")) == []


def test_t3_note_sits_in_the_header_cell_and_groups_span_their_rows() -> None:
    report = full_report("2021")
    t3 = read(report).tables[1]
    grid = grid_of(t3)
    rowspan, colspan, text = grid[(0, 0)]
    assert (rowspan, colspan) == (3, 3) and "勾稽关系" in text
    spans = {v[2].replace("\n", ""): v[:2] for v in grid.values()}
    assert spans["三、本年度办理结果"] == (22, 1)
    assert spans["（三）不予公开"] == (8, 1)


def test_values_as_entered_empty_stays_empty_amounts_keep_decimals() -> None:
    report = full_report("2021")
    report.set_values({"t2.fees.amount": "0.1200", "t3.new.natural": None})  # type: ignore[dict-item]
    grid = grid_of(read(report).tables[0])
    texts = [v[2] for v in grid.values()]
    assert "0.1200" in texts
    t3 = grid_of(read(report).tables[1])
    new_row = report.format.table("t3").row_ids.index("new") + 3
    assert t3[(new_row, 3)][2] == ""


def test_2019_procurement_amount_prints_with_its_unit() -> None:
    report = full_report("2019")
    report.set_values({"t2.procurement.amount": "4359957", "t2.procurement.amount_unit": "元"})
    texts = [v[2] for v in grid_of(read(report).tables[0]).values()]
    assert "4359957元" in texts


def test_page_setup_is_gbt9704_a4() -> None:
    section = read(full_report("2021")).sections[0]
    mm = {name: getattr(section, name) / EMU_PER_MM for name in
          ("page_width", "page_height", "top_margin", "bottom_margin", "left_margin", "right_margin")}
    assert mm["page_width"] == pytest.approx(210, abs=0.1) and mm["page_height"] == pytest.approx(297, abs=0.1)
    assert mm["top_margin"] == pytest.approx(37, abs=0.1)
    assert mm["bottom_margin"] == pytest.approx(35, abs=0.1)
    assert mm["left_margin"] == pytest.approx(28, abs=0.1)
    assert mm["right_margin"] == pytest.approx(26, abs=0.1)


def _east_asia(document: DocxDocument, name: str) -> tuple[str | None, str | None]:
    rpr = document.styles[name].element.rPr
    fonts = rpr.find(qn("w:rFonts"))
    return fonts.get(qn("w:eastAsia")), fonts.get(qn("w:ascii"))


@pytest.mark.parametrize(
    ("style", "east_asia", "size"),
    [
        (S.BODY, "仿宋_GB2312", 16),
        (S.TITLE, "方正小标宋简体", 22),
        (S.HEADING_1, "黑体", 16),
        (S.HEADING_2, "楷体_GB2312", 16),
        (S.HEADING_3, "仿宋_GB2312", 16),
        (S.SIGNATURE, "仿宋_GB2312", 16),
        (S.PAGE_NUMBER, "宋体", 14),
    ],
)
def test_fonts_live_in_the_styles(style: str, east_asia: str, size: float) -> None:
    document = read(full_report("2021"))
    got_east_asia, latin = _east_asia(document, style)
    assert got_east_asia == east_asia
    assert latin  # a Latin font for digits and letters
    assert document.styles[style].font.size.pt == size
    fonts = document.styles[style].element.rPr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsiaTheme")) is None  # a theme font would override the name


def test_body_grid_22_lines_of_28_characters() -> None:
    document = read(full_report("2021"))
    section = document.sections[0]
    body = document.styles[S.BODY]
    fmt = body.paragraph_format
    assert fmt.line_spacing_rule == WD_LINE_SPACING.EXACTLY
    pitch = fmt.line_spacing.pt
    height = (section.page_height - section.top_margin - section.bottom_margin) / 12700
    assert int(height / pitch) == 22
    spacing = body.element.rPr.find(qn("w:spacing"))
    advance = 16 + int(spacing.get(qn("w:val"))) / 20
    width = (section.page_width - section.left_margin - section.right_margin) / 12700
    assert int(width / advance) == 28
    ind = body.element.pPr.find(qn("w:ind"))
    assert ind.get(qn("w:firstLineChars")) == "200"
    for name in (S.HEADING_1, S.HEADING_2, S.HEADING_3, S.TITLE):
        assert document.styles[name].paragraph_format.keep_with_next


def test_title_sections_and_overview_parts_in_order() -> None:
    report = full_report("2021")
    document = read(report)
    paragraphs = document.paragraphs
    title = paragraphs[0]
    assert title.style.name == S.TITLE
    assert title.text.replace("\n", "") == "青山市自然资源和规划局2024年政府信息公开工作年度报告"
    headings = [p.text for p in paragraphs if p.style.name == S.HEADING_1]
    assert headings == [s.heading for s in report.format.sections]
    level2 = [p.text for p in paragraphs if p.style.name == S.HEADING_2]
    assert level2 == ["（一）主动公开"]
    inline = next(p for p in paragraphs if p.text.startswith("（二）依申请公开。"))
    assert inline.runs[0].text == "（二）依申请公开。" and inline.runs[0].style.name == S.INLINE_HEADING


def test_page_numbers_odd_right_even_left_with_page_field() -> None:
    document = read(full_report("2021"))
    assert document.settings.odd_and_even_pages_header_footer
    section = document.sections[0]
    odd_even = ((section.footer, WD_ALIGN_PARAGRAPH.RIGHT), (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT))
    for footer, side in odd_even:
        paragraph = footer.paragraphs[0]
        assert paragraph.style.name == S.PAGE_NUMBER
        assert paragraph.alignment == side
        instr = "".join(t.text for t in paragraph._p.iter(qn("w:instrText")))
        assert instr.strip() == "PAGE"
        assert paragraph.text == "— 1 —"


def _indents(p: docx.text.paragraph.Paragraph) -> tuple[int, int]:
    ind = p._p.pPr.find(qn("w:ind"))
    return int(ind.get(qn("w:left"))), int(ind.get(qn("w:right")))


def test_signature_block_name_then_date_right_aligned() -> None:
    document = read(full_report("2021"))
    name, date = document.paragraphs[-2:]
    assert (name.text, date.text) == ("青山市自然资源和规划局", "2025年1月20日")
    assert name.style.name == date.style.name == S.SIGNATURE
    assert document.styles[S.SIGNATURE].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    char = S.geometry(document).body_char
    width = S.geometry(document).text_width
    assert name.alignment is None and _indents(name)[1] == 2 * char  # 右空二字
    # the date starts two characters right of the name's first character
    name_start = width - 2 * char - round(units(name.text) * char)
    assert date.alignment == WD_ALIGN_PARAGRAPH.LEFT
    assert _indents(date)[0] == name_start + 2 * char
    assert document.paragraphs[-3].text == ""  # one blank line below the body


def test_short_agency_moves_left_of_a_longer_date() -> None:
    report = full_report("2021")
    report.set_meta(agency="某局")
    document = read(report)
    name, date = document.paragraphs[-2:]
    char = S.geometry(document).body_char
    width = S.geometry(document).text_width
    assert date.alignment is None and _indents(date)[1] == 2 * char  # the date keeps 右空二字
    name_start = width - _indents(name)[1] - 2 * char
    date_start = width - 2 * char - units("2025年1月20日") * char
    assert date_start - name_start == pytest.approx(2 * char, abs=char)  # gaps after digits vary by program


def test_draft_without_a_date_prints_a_blank_date_line_and_says_so(tmp_path: Path) -> None:
    from govopen_desktop.io.exporters.text import BLANK_DATE

    report = full_report("2021")
    report.set_meta(date=None)
    document = read(report)
    name, date = document.paragraphs[-2:]
    assert name.text == "青山市自然资源和规划局" and name.style.name == S.SIGNATURE
    assert date.text == BLANK_DATE and date.style.name == S.SIGNATURE
    assert [ch for ch in date.text if ch.strip()] == ["年", "月", "日"]
    notes = export_docx(report, tmp_path / "r.docx")
    assert len(notes) == 1 and "成文日期未填写" in notes[0]
    report.set_meta(date="2025-01-20")
    assert export_docx(report, tmp_path / "r.docx") == []


def test_long_titles_wrap_between_words() -> None:
    report = full_report("2021")
    for agency in ("某局", "青山市自然资源和规划局", "青山省青山市青山区人民政府办公室信息公开科"):
        report.meta.agency = agency
        lines = title_lines(report)
        assert "".join(lines) == f"{agency}2024年政府信息公开工作年度报告"
        assert all(units(line) <= 20 for line in lines)
        assert not any(line.endswith(("2024", "政府信息")) for line in lines)


def test_control_characters_from_pasted_text_do_not_break_the_file(tmp_path: Path) -> None:
    report = full_report("2021")
    report.set_text("other", "第一行\x0b第二行\x07。")
    export_docx(report, tmp_path / "r.docx")
    texts = [p.text for p in docx.Document(str(tmp_path / "r.docx")).paragraphs]
    assert "第一行" in texts and "第二行。" in texts


def test_sample_report_exports(sample_path: Path, tmp_path: Path) -> None:
    report = load_report(sample_path)
    out = tmp_path / "sample.docx"
    export_docx(report, out)
    document = docx.Document(str(out))
    for table, spec in zip(document.tables, load_format(report.meta.format).tables, strict=True):
        assert_table_matches(table, spec, report)


def test_missing_or_stripped_template_is_said_in_chinese(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from govopen_desktop.domain.errors import GovopenError

    monkeypatch.setattr(S, "template_path", lambda: tmp_path / "none.docx")
    with pytest.raises(GovopenError, match="找不到 Word 模板"):
        build_docx_bytes(full_report("2021"))
    plain = tmp_path / "plain.docx"
    docx.Document().save(str(plain))  # a template someone replaced with a bare document
    monkeypatch.setattr(S, "template_path", lambda: plain)
    with pytest.raises(GovopenError, match="缺少样式"):
        build_docx_bytes(full_report("2021"))
