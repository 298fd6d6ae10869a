"""Text a clerk copies out of a PDF viewer (select all, copy, paste), in the shapes each viewer
gives a ruled table: Chrome/Edge (PDFium), Firefox (pdf.js), poppler's pdftotext (plain and
-layout). Every report here is made up; only the shapes are those the viewers produce."""

from __future__ import annotations

from collections.abc import Callable

from govopen_desktop.domain.formats import load_format
from govopen_desktop.io.importers import ImportResult, import_text
from govopen_desktop.io.importers.official_rows import row_specs

T3 = [s for s in row_specs(load_format("2021").table("t3")) if s.label]


def _numbers(k: int) -> list[int]:
    """Row k's seven numbers (made up): six columns and their total."""
    six = [k + 2, k % 3, 0, 1 if k % 4 == 0 else 0, k % 2, 0]
    return [*six, sum(six)]


Shape = Callable[[str, list[str]], list[str]]


def _plain(label: str, numbers: list[str]) -> list[str]:
    return [label, " ".join(numbers)]


def _copy(shapes: dict[str, Shape] | None = None, t4: list[str] | None = None, digits: str = "") -> str:
    """A 2021 report's text as a viewer copies it: each table-3 row in the shape `shapes` gives
    for its label (else its label on a line, its numbers on the next), table 4's header, then
    `t4` (else its fifteen numbers on one line). `digits`: "full" prints every number in
    full-width digits, as some offices type them."""
    def show(n: int) -> str:
        return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９")) if digits == "full" else str(n)

    lines = ["青禾县水务局2024年政府信息公开工作年度报告", "一、总体情况", "本局全年主动公开信息312条。",
             "二、主动公开政府信息情况", "信息内容 本年制发件数 本年废止件数 现行有效件数", "规章 0 0 0",
             "行政规范性文件 2 1 9", "行政许可 57", "行政处罚 14", "行政强制 3", "行政事业性收费 0",
             "三、收到和处理政府信息公开申请情况", "申请人情况", "自然人 法人或其他组织 总计"]
    for k, spec in enumerate(T3):
        label = spec.label or ""
        lines += (shapes or {}).get(label, _plain)(label, [show(n) for n in _numbers(k)])
    lines += ["四、政府信息公开行政复议、行政诉讼情况", "行政复议 行政诉讼",
              *"结果维持结果纠正其他结果尚未审结总计", "未经复议直接起诉 复议后起诉",
              *("结果维持结果纠正其他结果尚未审结总计" * 2)]
    lines += t4 if t4 is not None else ["4 1 6 0 11 2 0 1 0 3 1 0 0 1 2"]
    lines += ["五、政府信息公开工作存在的主要问题及改进情况", "解读形式还不够丰富。",
              "六、其他需要报告的事项", "本年度未收取信息处理费。"]
    return "\r\n".join(lines)  # PDFium ends its lines so


def _row(result: ImportResult, label: str) -> list[object]:
    spec = next(s for s in T3 if s.label == label)
    return [result.report.cells[k] for k in spec.keys]


def _expected(label: str) -> list[int]:
    return _numbers(next(k for k, s in enumerate(T3) if s.label == label))


def test_the_plain_copy_reads_every_row() -> None:
    result = import_text(_copy())
    assert all(_row(result, s.label or "") == _expected(s.label or "") for s in T3)
    assert result.report.cells["t4.review.total"] == 11


def _wrapped(label: str, width: int = 3) -> list[str]:
    return [label[i:i + width] for i in range(0, len(label), width)]


def test_pdfium_puts_two_cells_that_share_a_baseline_on_one_line() -> None:
    """Chrome/Edge: the numbers one a line, the last two on one line (“0” … “1 9”). Before, the
    run stopped at the line of two numbers: 5 of 7 read, the row left empty and named."""
    def shape(label: str, numbers: list[str]) -> list[str]:
        return [*_wrapped(label), *numbers[:5], " ".join(numbers[5:])]

    labels = ["2.其他法律行政法规禁止公开", "6.属于四类过程性信息"]
    result = import_text(_copy(dict.fromkeys(labels, shape)))
    for label in labels:
        assert _row(result, label) == _expected(label)


def test_pdfium_starts_a_row_with_two_numbers_on_a_line() -> None:
    """“746 12” “0” “0 10” “1 769”: lines of one or two numbers, seven in all."""
    def shape(label: str, numbers: list[str]) -> list[str]:
        return [*_wrapped(label), " ".join(numbers[:2]), numbers[2], " ".join(numbers[3:5]), " ".join(numbers[5:])]

    label = "1.本机关不掌握相关政府信息"
    result = import_text(_copy({label: shape}))
    assert _row(result, label) == _expected(label)


def test_pdfium_prints_the_numbers_in_the_middle_of_a_label_wrapped_in_its_cell() -> None:
    """The numbers centred in a tall cell: the label's first lines above them, the rest below
    (“3.补正” “后申请” 1 … 1 “内容仍” “不明确”). Before, the row was not found by its label: its
    numbers were placed by the order of the rows around it, marked to check."""
    def shape(label: str, numbers: list[str]) -> list[str]:
        pieces = _wrapped(label)
        return [*pieces[:2], *numbers, *pieces[2:]]

    def one_a_line(label: str, numbers: list[str]) -> list[str]:
        return [*_wrapped(label), *numbers]

    labels = ["3.补正后申请内容仍不明确", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"]
    shapes: dict[str, Shape] = {s.label or "": one_a_line for s in T3 if "、" not in (s.label or "")[:3]}
    shapes.update(dict.fromkeys(labels, shape))
    result = import_text(_copy(shapes))
    for label in labels:
        assert _row(result, label) == _expected(label)
        # read by its label, not placed by the rows' order between its neighbours (as before)
        assert not result.inferred & set(next(s for s in T3 if s.label == label).keys)


def test_pdfium_parts_a_full_width_numbering_where_the_font_changes() -> None:
    """Full-width digits: PDFium gives a label's numbering “８” on a line, “.” on the next, then
    the words; the end of a row broken by its numbers shares a line with the next numbering
    (“卷８”); a piece “无” reads as a blank mark. Before, each such row was left empty."""
    def parted(label: str, numbers: list[str]) -> list[str]:
        digit, rest = label[0].translate(str.maketrans("0123456789", "０１２３４５６７８９")), label[2:]
        return [digit, ".", rest[0], *_wrapped(rest[1:]), *numbers]

    def broken(label: str, numbers: list[str]) -> list[str]:
        return [label[:4], label[4:6], *numbers, label[6:]]  # "7.属于" "行政" … "执法案卷"

    shapes: dict[str, Shape] = dict.fromkeys(
        ["8.属于行政查询事项", "4.无正当理由大量反复申请", "2.没有现成信息需要另行制作"], parted)
    shapes["7.属于行政执法案卷"] = broken
    text = _copy(shapes, digits="full")
    # the end of 7's label and 8's numbering on one line, as PDFium joins them
    text = text.replace("\r\n执法案卷\r\n８\r\n.", "\r\n执法案卷８\r\n.")
    result = import_text(text)
    for label in shapes:
        assert _row(result, label) == _expected(label), label


def test_table_4_numbers_one_a_line_more_than_its_columns_are_named_not_cut_to_fifteen() -> None:
    """Full-width digits in table 4's narrow columns: each digit on its own line in PDFium's copy
    (“３” “５” for 35). Before, the first fifteen lines were read as the row, silently wrong."""
    digits = [d for n in ["4", "1", "16", "0", "21", "2", "0", "1", "0", "3", "1", "0", "0", "1", "2"] for d in n]
    result = import_text(_copy(t4=[d.translate(str.maketrans("0123456789", "０１２３４５６７８９")) for d in digits]))
    t4 = [k for k in result.report.cells if k.startswith("t4.")]
    assert all(result.report.cells[k] is None for k in t4)
    assert set(t4) <= {p.key for p in result.problems}


def test_table_4_with_a_wrapped_number_copied_by_pdfjs_is_named_not_misread() -> None:
    """Firefox: a number its narrow column wrapped (“17” over “8”) breaks the line of table 4's
    numbers; the header's last lines “总” “计” are no row label for the numbers after them."""
    result = import_text(_copy(t4=["72 64 17", "8", "37 35", "1", "13 4 8 1 26 12 1 1 6 20"]))
    t4 = [k for k in result.report.cells if k.startswith("t4.")]
    assert all(result.report.cells[k] is None for k in t4)
    assert set(t4) <= {p.key for p in result.problems}
    assert result.report.cells["t3.results_total.total"] == _expected("（七）总计")[-1]


def test_pdftotext_layout_a_number_wrapped_under_its_row_is_named_not_dropped() -> None:
    """pdftotext -layout of full-width digits in narrow cells: “３００” over “１” (3001), the wrap
    on the line of the label's second piece (“开申请数量   １   ９”). Before: read as 300 and 311,
    the “１ ９” dropped, silently wrong."""
    def laid_out(label: str, numbers: list[str]) -> list[str]:
        return [f"{label[:11]}      {'      '.join(numbers)}", label[11:], ""]

    def shape(label: str, numbers: list[str]) -> list[str]:
        wide = "      ".join(["５００", *numbers[1:6], "５１１"])
        return [f"{label[:11]}      {wide}", f"{label[11:]}            ２                                      ３", ""]

    label = "一、本年新收政府信息公开申请数量"
    shapes: dict[str, Shape] = {s.label or "": laid_out for s in T3}
    shapes[label] = shape
    result = import_text(_copy(shapes, digits="full"))
    assert _row(result, label) == [None] * 7
    spec = next(s for s in T3 if s.label == label)
    assert set(spec.keys) <= {p.key for p in result.problems}
    assert any("２ ３" in p.message for p in result.problems if p.key == spec.keys[0])
    assert _row(result, "二、上年结转政府信息公开申请数量") == _expected("二、上年结转政府信息公开申请数量")


def test_one_run_a_line_a_wrapped_number_after_the_label_piece_is_named() -> None:
    """Each text run on its line (the shape Adobe Reader and WPS give a table): the row's seven
    numbers, a piece of the group label beside it, then the wrapped digits “８” “２” (1288 over
    two lines). Before:
    read as 128 … 136, silently wrong."""
    def shape(label: str, numbers: list[str]) -> list[str]:
        # the group label's pieces (三、本 / 年度办 / 理结果) run beside it, one a line too
        return ["三、本", label, "１２８", *numbers[1:6], "１３６", "年度办", "８", "２", "理结果"]

    label = "（一）予以公开"
    result = import_text(_copy({label: shape}, digits="full"))
    assert _row(result, label) == [None] * 7
    spec = next(s for s in T3 if s.label == label)
    assert set(spec.keys) <= {p.key for p in result.problems}


def test_a_numbering_on_its_line_and_a_piece_that_reads_as_a_blank_mark() -> None:
    """PDFium: “4.” on a line, then “无” “正” “当理由 大量反 复申请”: “无” is the label's first
    word, not a blank cell. Before: the row was not found by its label."""
    def shape(label: str, numbers: list[str]) -> list[str]:
        return ["4.", "无", "正", "当理由 大量反 复申请", *numbers]

    def one_a_line(label: str, numbers: list[str]) -> list[str]:
        return [*_wrapped(label), *numbers]

    label = "4.无正当理由大量反复申请"
    shapes: dict[str, Shape] = {s.label or "": one_a_line for s in T3 if "、" not in (s.label or "")[:3]}
    shapes[label] = shape
    result = import_text(_copy(shapes))
    assert _row(result, label) == _expected(label)
    assert not result.inferred & set(next(s for s in T3 if s.label == label).keys)


def _layout_copy(t3_rows: list[str], t4_rows: list[str]) -> str:
    return "\n".join([
        "青禾县水务局2024年政府信息公开工作年度报告", "一、总体情况", "本局全年主动公开信息312条。",
        "二、主动公开政府信息情况", "信息内容      本年制发件数   本年废止件数   现行有效件数",
        "规章            0       0      0", "行政规范性文件  2       1      9", "行政许可    57", "行政处罚    14",
        "行政强制    3", "行政事业性收费   0", "三、收到和处理政府信息公开申请情况", *t3_rows,
        "四、政府信息公开行政复议、行政诉讼情况", "行政复议                      行政诉讼",
        "结    结     其    尚    总      未经复议直接起诉                   复议后起诉",
        "果    果     他    未    计", *t4_rows,
        "五、政府信息公开工作存在的主要问题及改进情况", "解读形式还不够丰富。"])


def test_pdftotext_layout_a_label_wrapped_in_its_column_under_its_row() -> None:
    """pdftotext -layout: the label's first piece on the row's line, the rest in the same column
    on the lines below, a piece of the group label to its left (“（三）   1.属于   4 …” “不予公
    国家秘” “开     密”). Before: the rows were not found (1.属于 is no label)."""
    rows = ["（三）   1.属于   4     0    0   0   0    0   4", "不予公   国家秘", "开     密", "",
            "      2.其他   13    1    0   0   0    0   14", "      法律行", "      政法规", "      禁止公",
            "      开", "",
            "三、本    （一）予以公开   128    2     0     0     5         3    138",
            "理结果    （二）部分公开   47     7     0     0     0         0    54",
            "       （区分处理的，", "       只计这一情形，", "不计其他情形）"]
    result = import_text(_layout_copy(rows, ["4   1    6   0   11     2   0   1   0   3   1   0   0   1   2"]))
    cells = result.report.cells
    assert [cells[f"t3.denied_secret.{c}"] for c in ("natural", "total")] == [4, 4]
    assert [cells[f"t3.denied_law.{c}"] for c in ("natural", "commercial", "total")] == [13, 1, 14]
    assert [cells[f"t3.partial.{c}"] for c in ("natural", "commercial", "total")] == [47, 7, 54]
    assert cells["t3.granted.total"] == 138


def test_pdftotext_layout_a_number_wrapped_in_table_4_is_kept_as_printed() -> None:
    """“17” over “8” in table 4's narrow column: the line under the row holds the wrap, each
    number where a number of the row starts. Before: 17 numbers for 15 columns, all left empty."""
    t4 = ["72   64    17   37   35     13   4    8       1   26   12        1   1   6     20",
          "           8         1"]
    result = import_text(_layout_copy([], t4))
    cells = result.report.cells
    assert str(cells["t4.review.other"]) == "17\n8" and str(cells["t4.review.total"]) == "35\n1"
    assert cells["t4.review.upheld"] == 72 and cells["t4.suit_after_review.total"] == 20
    assert {"t4.review.other", "t4.review.total"} <= {p.key for p in result.problems}


def test_a_label_spaced_out_by_the_viewer_wrapped_around_its_numbers() -> None:
    """Character-spaced labels copied one run a line: “一 、 本 年 新 收 政 府”, the numbers one a
    line, then “信 息 公 开 申 请 数 量”. Before: “一 、” with its space was no label's numbering,
    the row was read with one number and named."""
    def shape(label: str, numbers: list[str]) -> list[str]:
        return [" ".join(label[:8]), *numbers, " ".join(label[8:])]

    labels = ["一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量"]
    result = import_text(_copy(dict.fromkeys(labels, shape)))
    for label in labels:
        assert _row(result, label) == _expected(label)
        assert not result.inferred & set(next(s for s in T3 if s.label == label).keys)


def test_a_row_broken_by_a_page_with_the_running_header_between_its_numbers_and_its_label() -> None:
    """Firefox and Chrome copy a row Word broke across a page as printed: the label's start with
    the numbers, the next page's running header (or the table's header rows repeated there),
    then the label's end (“8.属于 0 0 …” “青禾县水务局 主办” … “行政查” “询事项”). Before: the
    header lines stopped the label's pieces; the row was not found and named."""
    running = ["青禾县水务局 主办", "青禾县水务局政府信息公开专栏"]

    def broken(label: str, numbers: list[str]) -> list[str]:
        return [f"{label[:4]} {' '.join(numbers)}", *running, *_wrapped(label[4:])]

    label = "8.属于行政查询事项"
    text = _copy({label: broken}).replace("一、总体情况", "\r\n".join([*running, "一、总体情况"]))
    result = import_text(text)
    assert _row(result, label) == _expected(label)


def test_the_2019_procurement_numbers_on_the_line_after_their_label_keep_their_unit() -> None:
    """Chrome's copy of an unruled 2019 table 2: “政府集中采购” on a line, “2 4800元” on the next.
    Before: the amount was read, its written unit 元 lost and not named."""
    text = "\r\n".join([
        "青禾县水务局2020年政府信息公开工作年度报告", "一、总体情况", "本局全年主动公开信息312条。",
        "二、主动公开政府信息情况", "信息内容 本年新制作数量 本年新公开数量 对外公开总数量", "规章 0 0 0",
        "规范性文件 2 2 9", "信息内容 采购项目数量 采购总金额", "政府集中采购", "2 4800元",
        "三、收到和处理政府信息公开申请情况", "一、本年新收政府信息公开申请数量 1 0 0 0 0 0 1"])
    cells = import_text(text).report.cells
    assert cells["t2.procurement.projects"] == 2
    assert cells["t2.procurement.amount"] == 4800 and cells["t2.procurement.amount_unit"] == "元"
