"""A report's web page printed by a browser (Chromium's 打印 → 另存为 PDF with its default header
and footer), as a clerk keeps last year's report: the fixture is the sample's page on a
government-style site, printed by Chromium (tests/data/import/make_browser_pdf.py).

Before, such a PDF lost what the page itself gives: the title in a large type with its year in
a Latin font read as two lines (the digits' font stands a few points lower), so the title was
not found and the site's menu, the metadata and the print header went into 开头说明; each page's
footer (the page's address and "2/4") went into the sections' text; a row of table 3 at the top
of a page, where the browser draws no border, was loose text (its blank cells lost, the row left
empty); and the CJK font's radical code points (⻘ for 青, ⺠ for 民) stayed in every text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from govopen_desktop.domain.fold import plain_characters
from govopen_desktop.domain.values import same_value
from govopen_desktop.io.importers import import_file, import_text
from govopen_desktop.io.importers.readers.pdf import is_page_number
from govopen_desktop.io.project import load_report
from tests.support.browser_page import browser_page_report
from tests.support.paths import SAMPLE

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "import" / "browser-printed-page.pdf"
PREFACE = ("根据《中华人民共和国政府信息公开条例》要求，现向社会公布青山市自然资源和规划局2024年度政府信息公开"
           "工作年度报告。本报告所列数据的统计期限自2024年1月1日起至2024年12月31日止。")


@pytest.fixture(scope="module")
def printed() -> object:
    return import_file(FIXTURE)


def test_every_cell_reads_as_on_the_page_also_a_row_where_a_page_cuts_the_table(printed: object) -> None:
    page = browser_page_report()
    report = printed.report  # type: ignore[attr-defined]
    assert {k: report.get(k) for k in page.format.keys} == {k: page.get(k) for k in page.format.keys}
    assert page.get("t3.denied_secret.commercial") is None  # the page's blank columns stay blank
    assert not printed.problems  # type: ignore[attr-defined]


def test_the_title_and_the_words_under_it_not_the_site_or_the_print_header(printed: object) -> None:
    report = printed.report  # type: ignore[attr-defined]
    page = browser_page_report()
    assert (report.meta.agency, report.meta.year, report.meta.date) == (page.meta.agency, page.meta.year, "2025-01-20")
    assert report.extra["source"]["title"] == f"{page.meta.agency}{page.meta.year}年政府信息公开工作年度报告"
    assert (report.text["preface"] or "").replace("\n", "") == PREFACE


def test_no_page_header_or_footer_in_the_text_and_no_radical_code_points(printed: object) -> None:
    report = printed.report  # type: ignore[attr-defined]
    page = browser_page_report()
    for key, text in page.text.items():
        if text:
            assert (report.text[key] or "").replace("\n", "") == text.replace("\n", ""), key
    every = "\n".join(t for t in report.text.values() if t)
    assert "127.0.0.1" not in every and not re.search(r"\d/4\b|[AP]M", every)
    assert not re.search("[\u2e80-\u2fdf]", every + report.meta.agency)


def test_radical_forms_and_latin_ligatures_read_as_the_characters_drawn() -> None:
    assert plain_characters("⻘山市人⺠政府⻔⼾网站 ﬁle") == "青山市人民政府门户网站 file"
    assert plain_characters("⼀、总体情况") == "一、总体情况"
    assert plain_characters("印发\u2329办法\u232a的通知") == "印发〈办法〉的通知"


def test_a_page_number_written_total_first_is_a_page_number() -> None:
    assert is_page_number("共6页 第2页") and is_page_number("共 6 页，第 2 页")
    assert not is_page_number("共6件")


def test_a_metadata_label_right_after_a_value_of_digits_is_read() -> None:
    """Printed to PDF, the space between 索引号's value and the next label can be gone."""
    text = ("索引号：11330100002493XXXX/2026-00012发布机构：青禾县水务局\n成文日期：2026-01-20\n"
            "2025年政府信息公开工作年度报告\n一、总体情况\n2025年，本局扎实推进政务公开。\n"
            "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容 本年制发件数 本年废止件数 现行有效件数\n"
            "规章 0 0 0\n")
    report = import_text(text).report
    assert report.meta.agency == "青禾县水务局"


def test_the_words_above_the_overview_are_no_note_of_a_table_that_was_not_found() -> None:
    """A copy cut before its tables: 表三 and 表四 are looked for from the top, and the
    paragraph under the title was taken as the note printed under each."""
    text = ("青禾县水务局2025年政府信息公开工作年度报告\n"
            "根据《中华人民共和国政府信息公开条例》规定编制本报告，统计期限为2025年1月1日至12月31日。\n"
            "一、总体情况\n2025年，本局扎实推进政务公开工作。\n"
            "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容 本年制发件数 本年废止件数 现行有效件数\n"
            "规章 0 0 0\n行政规范性文件 2 0 9\n")
    report = import_text(text).report
    assert report.text["preface"] and "统计期限" in report.text["preface"]
    assert not report.text["note.t3"] and not report.text["note.t4"]


LAYOUT_COPY = """青禾县水务局2025年政府信息公开工作年度报告
一、总体情况
2025年，本局扎实推进政务公开工作。
三、收到和处理政府信息公开申请情况
                                                   申请人情况
    （本列数据的勾稽关系为：第一项加第二项之和，等              法人或其他组织
          于第三项加第四项之和）
                                    自然                              总
                                     人                              计
                                           商业   科研   社会公   法律服 其
                                           企业   机构   益组织   务机构 他
   一、本年新收政府信息公开申请数量          40    6      0     0    1    0   47
   二、上年结转政府信息公开申请数量           2    0      0     0    0    0    2
                    1.本机关不掌握相关政府信息      25    3                1
"""


def test_three_numbers_of_a_row_with_blank_cells_are_not_taken_for_an_undivided_group() -> None:
    """`pdftotext -layout` of the printed page: the sub-headers wrapped over two lines (商业 /
    企业), so the header reads as 法人或其他组织 undivided, and a row whose blank cells print
    nothing shows three numbers (25, 3 and 1 of 自然人, 商业企业 and 法律服务机构). Read as
    自然人, the group and 总计, it gave 总计 1, silently. A 总计 that is not the sum of the two is
    no such row: its cells are left empty and named."""
    result = import_text(LAYOUT_COPY)
    keys = [k for k in result.report.format.keys if k.startswith("t3.unable_not_held.")]
    named = {p.key for p in result.problems}
    assert result.report.get("t3.unable_not_held.total") is None
    assert all(result.report.get(k) is None and k in named for k in keys)
    assert result.report.get("t3.new.total") == 47  # full rows under the same header still read


PDFIUM_COPY = """青禾县水务局2025年政府信息公开工作年度报告
一、总体情况
2025年，本局扎实推进政务公开工作。
三、收到和处理政府信息公开申请情况
申请人情况
自然人
法人或其他组织
总计
商业企业
科研机构
社会公益组织
法律服务机构
其他
一、本年新收政府信息公开申请数量 40 6 0 0 1 0 47
二、上年结转政府信息公开申请数量 2 0 0 0 0 0 2
三、本年度办理结果
（四）无法
提供
1.本机关不掌握相关政府
信息 25 3 1
"""


def test_a_short_row_after_the_last_piece_of_its_wrapped_label_is_not_placed_by_position() -> None:
    """Chrome's copy of the printed page: a label wrapped in its cell, its row's numbers after
    the last piece on one line (`信息 25 3 1`), the blank cells printing nothing. Those numbers
    were taken for 自然人, 商业企业 and 科研机构 (科研机构 1 for 法律服务机构's), silently."""
    result = import_text(PDFIUM_COPY)
    keys = [k for k in result.report.format.keys if k.startswith("t3.unable_not_held.")]
    named = {p.key for p in result.problems}
    assert all(result.report.get(k) is None and k in named for k in keys), \
        {k: result.report.get(k) for k in keys}
    assert result.report.get("t3.new.legal") == 1  # whole rows still read


CENTRED_COPY = PDFIUM_COPY.split("三、本年度办理结果")[0] + """三、本年度办理结果
（六）其他处理
1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 1 0 0 0 0 0 1
2.申请人逾期未按收费通知要求缴纳费
用、行政机关不再处理其政府信息公开 5
申请
2
3
4
6
7
27
3.其他 0 0 0 0 0 0 0
"""


def test_a_row_whose_numbers_stand_beside_the_middle_of_its_wrapped_label_is_read_whole() -> None:
    """Chrome's copy of a row whose label wraps over three lines in a tall cell: the numbers are
    centred, so the first stands beside the label's middle line and the rest follow, one a line,
    after its last piece (`申请`). Before, only the first was found and the other six were named."""
    result = import_text(CENTRED_COPY)
    row = [result.report.get(f"t3.other_no_fee.{c}")
           for c in ("natural", "commercial", "research", "social", "legal", "other_org", "total")]
    assert row == [5, 2, 3, 4, 6, 7, 27], [(p.key, p.message) for p in result.problems]
    assert not [p for p in result.problems if p.key and p.key.startswith("t3.other_no_fee.")]
    assert result.report.get("t3.other_no_correction.total") == 1 and result.report.get("t3.other_misc.total") == 0


def test_a_plain_table_printed_by_a_browser_reads_a_label_and_its_first_number_with_no_gap() -> None:
    """A site's editor pasted the tables as plain `<table>` with no padding; printed by Chromium,
    each label column is as wide as its longest label, so 行政规范性文件 and its first number
    touch ("行政规范性文件3"). That row was not found and its three cells were left empty."""
    fixture = FIXTURE.with_name("plain-table-page.pdf")
    result = import_file(fixture)
    sample = load_report(SAMPLE)
    differ = {k: (result.report.get(k), sample.get(k)) for k in sample.format.keys
              if not same_value(result.report.get(k), sample.get(k))}
    assert differ == {}
    assert result.report.get("t2.normative_docs.in_force") == 27
    assert not result.problems, [(p.key, p.message) for p in result.problems]


@pytest.mark.parametrize("copy", ["pdftotext", "pdftotext-layout"])
def test_a_row_whose_numbers_stand_above_or_below_their_place_is_not_given_its_neighbours(copy: str) -> None:
    """The plain-table page's text as poppler copies it (`pdftotext -enc UTF-8 [-layout]
    plain-table-page.pdf`): where a group's label piece begins a line ("（四）无 1.本机关…"),
    the row's numbers come a line above its label, or two rows' numbers come together below
    their labels. Before, a label read the next numbers line, its neighbour's (1.本机关不掌握
    0 … 0 for 8 0 0 1 1 0 10; 3.补正后 0 … for 1 …), silently. Now every cell is what the
    PDF itself gives, or named."""
    from govopen_desktop.domain.values import same_value

    printed = import_file(FIXTURE.with_name("plain-table-page.pdf"))
    copied = import_file(FIXTURE.with_name(f"plain-table-page.{copy}.txt"))
    named = {p.key for p in copied.problems}
    want, got = printed.report.cells, copied.report.cells
    silent = [k for k in want if k not in named and not k.endswith("_unit") and not (
        (got.get(k) is None) == (want[k] is None) and same_value(got.get(k), want[k]))]
    assert silent == []
    assert got["t3.unable_not_held.total"] == 10 or "t3.unable_not_held.total" in named


@pytest.mark.parametrize("copy", ["pdftotext", "pdftotext-layout"])
def test_a_rows_first_number_beside_its_labels_first_line_is_read_with_the_rest(copy: str) -> None:
    """Poppler's copies (`pdftotext -enc UTF-8 [-layout]`) of the sample's page laid out by
    MuPDF's HTML engine: a number centred in a cell of two lines stands one space after the
    label's first line ("5、要求行政机关确认或重新出具已获取 0", "信息", then one number a line,
    or laid out, the row's other numbers after it; "(六)其 1、申请人无正当理由逾期不补正，行政 1"
    after a piece of the group label). Before, those rows were not found; now they read, and
    every other cell is right or named."""
    from govopen_desktop.domain.values import same_value
    from govopen_desktop.io.project import load_report
    from tests.support.paths import SAMPLE

    want = load_report(SAMPLE).cells
    copied = import_file(FIXTURE.with_name(f"mupdf-page.{copy}.txt"))
    got, named = copied.report.cells, {p.key for p in copied.problems}
    rows = [k for k in want if k.startswith(("t3.rejected_confirm.", "t3.other_no_correction.", "t3.other_no_fee."))]
    assert len(rows) == 21 and {k: got[k] for k in rows} == {k: want[k] for k in rows}
    silent = [k for k in want if k not in named and not k.endswith("_unit") and not (
        (got.get(k) is None) == (want[k] is None) and same_value(got.get(k), want[k]))]
    assert silent == []
