"""A Word file a PDF-to-Word converter made of a published PDF (pdf2docx, the "PDF 转 Word" tools
built on it or like it), as clerks often get last year's report into Word: a number its narrow
column wrapped ("17" over "8") is given a row of its own, every other cell of that row the row
above merged down. Before, that row was read as a row: 17 was read for 178 and the "8" lost,
without a problem. Its lines now go back into the cells above them, kept as printed and named."""

from __future__ import annotations

import copy
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn

from govopen_desktop.domain.values import Published
from govopen_desktop.io.importers import import_file
from govopen_desktop.io.project import load_report
from tests.support.import_builders import Expected, write_docx
from tests.support.paths import SAMPLE

WRAPPED = {2: ("17", "8"), 4: ("35", "1")}  # column of table 4's value row -> its two printed lines


def _vmerge(tc: object, value: str | None) -> None:
    pr = tc.get_or_add_tcPr()  # type: ignore[attr-defined]
    merge = pr.makeelement(qn("w:vMerge"), {qn("w:val"): value} if value else {})
    pr.append(merge)


def _converted(tmp_path: Path) -> tuple[Path, dict[str, object]]:
    report = load_report(SAMPLE)
    plain = tmp_path / "plain.docx"
    write_docx(Expected(report.meta.to_dict(), dict(report.cells), dict(report.text)), plain)
    doc = Document(str(plain))
    table = doc.tables[-1]  # table 4: its last row holds the 15 numbers
    values = table.rows[-1]._tr
    wrap = copy.deepcopy(values)
    for k, (tc, tc2) in enumerate(zip(values.tc_lst, wrap.tc_lst, strict=True)):
        for p in tc2.findall(qn("w:p"))[1:]:
            tc2.remove(p)
        for t in tc2.iter(qn("w:t")):
            t.text = ""
        if k in WRAPPED:
            first, second = WRAPPED[k]
            next(tc.iter(qn("w:t"))).text = first
            next(tc2.iter(qn("w:t"))).text = second
        else:
            _vmerge(tc, "restart")
            _vmerge(tc2, None)
    values.addnext(wrap)
    out = tmp_path / "converted.docx"
    doc.save(str(out))
    return out, dict(report.cells)


def test_a_number_the_converter_wrapped_into_a_row_of_its_own_is_kept_as_printed(tmp_path: Path) -> None:
    path, cells = _converted(tmp_path)
    result = import_file(path)
    got = result.report.cells
    t4 = [k for k in result.report.format.keys if k.startswith("t4.")]
    for key, printed in (("t4.review.other", "17\n8"), ("t4.review.total", "35\n1")):
        value = got[key]
        assert isinstance(value, Published) and value.text == printed, (key, value)
    named = {p.key for p in result.problems}
    assert {"t4.review.other", "t4.review.total"} <= named
    others = [k for k in t4 if k not in ("t4.review.other", "t4.review.total")]
    assert {k: got[k] for k in others} == {k: cells[k] for k in others}  # the other 13 read


def test_a_table_whose_group_labels_run_down_the_rows_is_read_row_by_row(tmp_path: Path) -> None:
    """Table 3's group cells (三、本年度办理结果, （三）不予公开) merged down: its rows are its
    own, never a converter's second lines, though each shares merges with the row above."""
    report = load_report(SAMPLE)
    plain = tmp_path / "plain.docx"
    write_docx(Expected(report.meta.to_dict(), dict(report.cells), dict(report.text)), plain)
    got = import_file(plain).report.cells
    assert {k: v for k, v in got.items() if k.startswith("t3.")} == {
        k: v for k, v in report.cells.items() if k.startswith("t3.")}


def _word_tables(tmp_path: Path) -> list[object]:
    """Every table of the Word files at hand: the converter's rows, the merged and collapsed
    layouts of the sample, the real blank template and a pasted-rows report."""
    from lxml import etree

    from govopen_desktop.io.importers.readers.docx_wrapped import W
    from tests.support.import_builders import WRITERS
    from tests.support.paths import SHARED, TEST_DATA

    report = load_report(SAMPLE)
    expected = Expected(report.meta.to_dict(), dict(report.cells), dict(report.text))
    files = [_converted(tmp_path)[0], *TEST_DATA.glob("shapes/*.docx"), *SHARED.glob("real-reports/*.docx")]
    for layout, write in WRITERS.items():
        if layout.endswith(".docx"):
            files.append(tmp_path / layout)
            write(expected, files[-1])
    tables: list[object] = []
    for path in files:
        import zipfile

        with zipfile.ZipFile(path) as zf:
            root = etree.fromstring(zf.read("word/document.xml"))
        tables += root.iter(f"{W}tbl")
    return tables


def test_a_tables_merges_read_at_once_are_each_cells_own(tmp_path: Path) -> None:
    """The gridSpan and vMerge of a table's cells, looked up in one pass over the table, are what
    each cell's own properties say (the cell-by-cell reading they replaced)."""
    from govopen_desktop.io.importers.readers.docx_wrapped import W, _cell_marks, _slots, _table_marks

    tables = _word_tables(tmp_path)
    merged = 0
    for tbl in tables:
        rows = [list(tr.iter(f"{W}tc")) for tr in tbl.iter(f"{W}tr")]  # type: ignore[attr-defined]
        marks = _table_marks(tbl)
        merged += sum(1 for cells in rows for tc in cells if _cell_marks(tc).merge)
        for cells in rows:
            assert [s[:3] for s in _slots(cells, marks)] == [s[:3] for s in _slots(cells)]
    assert len(tables) >= 6 and merged > 0  # merges were there to be read


def test_a_label_line_the_converter_moved_into_the_row_above_does_not_take_that_rows_numbers() -> None:
    """pdf2docx made of an unruled PDF table a cell holding （六）'s first label whole and the
    first line of its second label ("…公开申请⏎2.申请人逾期未按收费通知要求缴纳费"), the first
    row's numbers beside it; the second label's next line comes in a row below with its own
    numbers. Before, the second row took the first row's numbers (1 … 1 for 0 … 0) without a
    word and the first was not found. Now each row reads its own, and every cell is either what
    the PDF itself gives or named."""
    from govopen_desktop.domain.values import same_value
    from tests.support.paths import TEST_DATA

    converted = import_file(TEST_DATA / "import" / "plain-table-page.pdf2docx.docx")
    printed = import_file(TEST_DATA / "import" / "plain-table-page.pdf")
    got, want = converted.report.cells, printed.report.cells
    named = {p.key for p in converted.problems}
    six = [k for k in converted.report.format.keys if k.startswith(("t3.other_no_fee.", "t3.other_no_correction."))]
    assert len(six) == 14 and all(got[k] == want[k] for k in six), {k: (got[k], want[k]) for k in six}
    silent = [k for k in want if k not in named and not (
        (got.get(k) is None) == (want[k] is None) and same_value(got.get(k), want[k]))]
    assert silent == []
