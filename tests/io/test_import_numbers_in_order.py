"""Text copied out of a PDF whose table labels moved away from their numbers (pdftotext's reading
order on a table whose group labels are merged over several rows: a row's label after its
numbers, several rows' labels in a block after the last numbers) while the numbers keep the
form's order: read in that order when it is certain, marked for checking and said. Before, the
rows whose label did not stand right before their numbers were left empty. Labels printed
in pieces among them (a number beside a piece, a group label beside a row label) count too."""

from __future__ import annotations

from pathlib import Path

import pytest

from govopen_desktop.io.importers import import_file, import_text
from govopen_desktop.io.importers.official_rows import row_specs
from govopen_desktop.io.project import load_report
from tests.support.import_builders import Expected, cell_differences, expected_from, expected_of, title_of
from tests.support.office import needs_soffice, office_convert
from tests.support.paths import SAMPLE, load_expected, seed_names, shared_available

SEEDS = ["000", "001", "003", "004"]  # seed 002 prints blank cells: its copy has fewer numbers than cells


def _expected(name: str) -> Expected:
    if name == "sample":
        return expected_of(load_report(SAMPLE))
    if not shared_available():
        pytest.skip("../shared/fixtures/seeds-expected is not here")
    return expected_from(load_expected(next(s for s in seed_names() if s.startswith(name))))


def _number(value: object) -> str:
    return "—" if value is None else str(value)


def _copied(exp: Expected, *, wander: int = 3, first_after: bool = True,
            numbers: dict[str, str] | None = None) -> str:
    """Table 3 as pdftotext copied it from a LibreOffice PDF of our Word export: one line a
    cell; the first row's label after its numbers (`first_after`), the second row's label and
    every `wander`th row's in a block after the table's last numbers. `numbers` prints some
    cells otherwise."""
    fmt = exp.fmt
    table = fmt.table("t3")
    lines = [title_of(exp), "三、收到和处理政府信息公开申请情况", "申请人情况", "自然人", "法人或其他组织",
             "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    moved: list[str] = []
    for k, spec in enumerate(row_specs(table)):
        assert spec.label is not None
        row = [(numbers or {}).get(key, _number(exp.cells.get(key))) for key in spec.keys]
        if k == 0 and first_after:
            lines += [*row, spec.label]
        elif k == 1 or k % wander == wander - 1:
            lines += row
            moved.append(spec.label)
        else:
            lines += [spec.label, *row]
    lines += moved
    lines.append("四、政府信息公开行政复议、行政诉讼情况")
    return "\n".join(lines)


def _t3(exp: Expected) -> dict[str, object]:
    return {k: v for k, v in exp.cells.items() if k.startswith("t3.")}


@pytest.mark.parametrize("name", ["sample", *SEEDS])
def test_labels_away_from_their_numbers_are_read_in_the_forms_order(name: str) -> None:
    exp = _expected(name)
    result = import_text(_copied(exp), "复制的文字.txt")
    assert cell_differences(_t3(exp), result.report.cells) == []
    said = [p.message for p in result.problems if "次序错乱" in p.message]
    assert len(said) == 1 and "正好是这张表" in said[0], [p.message for p in result.problems]
    moved = [s for k, s in enumerate(row_specs(exp.fmt.table("t3"))) if k == 1 or k % 3 == 2]
    assert all(key in result.inferred for s in moved for key in s.keys)


def test_a_row_that_does_not_add_up_stops_the_reading() -> None:
    """Numbers read down the columns (pdfminer's order), or a misprint, break a row's own sum:
    nothing is read by order, the rows stay empty and are named."""
    exp = _expected("sample")
    spec = row_specs(exp.fmt.table("t3"))[2]  # a wandering row
    first, total = spec.keys[0], spec.keys[-1]
    wrong = {first: str(int(exp.cells[first] or 0) + 5)}
    result = import_text(_copied(exp, numbers=wrong), "复制的文字.txt")
    assert not any("次序错乱" in p.message for p in result.problems)
    assert result.report.cells.get(total) is None
    assert any(p.key in spec.keys for p in result.problems)


def test_a_number_not_printed_leaves_the_order_unread() -> None:
    """A blank cell copied as nothing: the numbers are one fewer than the cells, so which row
    each belongs to is not certain. Every cell is right or left empty and named."""
    exp = _expected("sample")
    specs = row_specs(exp.fmt.table("t3"))
    text = _copied(exp).split("\n")
    label = specs[-1].label  # 四、结转下年度继续办理, its numbers right after it
    at = text.index(label)
    del text[at + 1]
    result = import_text("\n".join(text), "复制的文字.txt")
    assert not any("次序错乱" in p.message for p in result.problems)
    for s in (s for k, s in enumerate(specs) if k == 1 or k % 3 == 2):
        assert all(result.report.cells.get(key) is None for key in s.keys)
    # nor does any label take the numbers above or below it: with some labels before their
    # numbers and some after, those may be the rows' beside it (they used to be taken)
    wrong = [d.split(":")[0] for d in cell_differences(_t3(exp), result.report.cells)]
    named = {p.key for p in result.problems}
    assert all(result.report.cells.get(k) is None and k in named for k in wrong)


def test_table_two_has_no_sums_to_confirm_an_order() -> None:
    """pdfminer copies 表二 down its columns (规章 1, 行政规范性文件 8, then 0 26 …): read in row
    order that would put 8 under 规章. Table 2's rows have no sums, so they are not read so."""
    path = Path(__file__).parents[1] / "data" / "import" / "huaian-printed-page.pdfminer.txt"
    result = import_file(path)
    cells = result.report.cells
    assert cells.get("t2.regulations.repealed") is None and cells.get("t2.normative_docs.issued") is None
    assert not any("次序错乱" in p.message for p in result.problems if p.key and p.key.startswith("t2."))


@needs_soffice
def test_our_word_export_printed_by_libreoffice_and_copied_in_reading_order(tmp_path: Path) -> None:
    """The shape as it came: our Word export printed to PDF by LibreOffice, its text copied by
    pdftotext in reading order. 127 of its 200 cells used to stay empty."""
    import shutil
    import subprocess

    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    from govopen_desktop.io.exporters.docx_export import export_docx

    report = load_report(SAMPLE)
    docx = tmp_path / "sample.docx"
    export_docx(report, docx)
    office_convert([docx], "pdf", tmp_path)
    pdf = tmp_path / "sample.pdf"
    text = tmp_path / "sample.txt"
    subprocess.run(["pdftotext", str(pdf), str(text)], check=True)
    result = import_file(text)
    t3 = {k: v for k, v in report.cells.items() if k.startswith("t3.")}
    assert cell_differences(t3, result.report.cells) == []
    wrong = [d.split(":")[0] for d in cell_differences(dict(report.cells), result.report.cells)]
    assert all(result.report.cells[k] is None and any(p.key == k for p in result.problems) for k in wrong)

PARTIAL = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
NOT_HELD = "1.本机关不掌握相关政府信息"


def _number_beside_middle_line(lines: list[str]) -> None:
    at = lines.index(PARTIAL)
    first = lines[at + 1]
    lines[at:at + 2] = ["（二）部分公开（区分处理的，", f"只计这一情形，不计其他情 {first}"]
    lines.insert(at + 2 + 6, "形）")  # the label's last piece under the row's last number


def _label_beside_group_in_pieces(lines: list[str]) -> None:
    at = lines.index(NOT_HELD)
    first = lines[at + 1]
    lines[at:at + 2] = [f"（四）无 1.本机关不掌握相 {first}", "法提供 关政府信息"]


def _pieces(exp: Expected, *shapes: str) -> str:
    lines = _copied(exp).split("\n")
    if "middle" in shapes:
        _number_beside_middle_line(lines)
    if "group" in shapes:
        _label_beside_group_in_pieces(lines)
    return "\n".join(lines)


@pytest.mark.parametrize("shapes", [("middle",), ("group",), ("middle", "group")])
@pytest.mark.parametrize("name", ["sample", *SEEDS])
def test_labels_in_pieces_among_wandered_labels_are_read_in_the_forms_order(
        name: str, shapes: tuple[str, ...]) -> None:
    """Some labels printed in pieces as well: a tall cell's first number beside the middle line
    of its label ("只计这一情形，不计其他情 6"), or a group label and a row label wrapped side by
    side with the row's first number on the first line ("（四）无 1.本机关不掌握相 8", "法提供
    关政府信息"). Those rows are printed too, so the table is read in order. It was left empty."""
    exp = _expected(name)
    text = _pieces(exp, *shapes)
    assert ("法提供 关政府信息" in text) == ("group" in shapes) and (PARTIAL in text) != ("middle" in shapes)
    result = import_text(text, "复制的文字.txt")
    assert cell_differences(_t3(exp), result.report.cells) == []
    assert sum("次序错乱" in p.message for p in result.problems) == 1
    moved = [s for k, s in enumerate(row_specs(exp.fmt.table("t3"))) if k == 1 or k % 3 == 2]
    assert all(key in result.inferred for s in moved for key in s.keys)
    assert not any(p.key and p.key.startswith("t3.") and "没有找到" in p.message for p in result.problems)


def test_a_piece_beside_a_number_that_breaks_a_row_leaves_the_table_unread() -> None:
    """The number beside the label's middle line is one more than printed: the row no longer
    adds up, nothing is read by order and no cell of the moved rows takes a number."""
    exp = _expected("sample")
    lines = _copied(exp).split("\n")
    at = lines.index(PARTIAL)
    wrong = str(int(lines[at + 1]) + 1)
    lines[at:at + 2] = ["（二）部分公开（区分处理的，", f"只计这一情形，不计其他情 {wrong}"]
    result = import_text("\n".join(lines), "复制的文字.txt")
    assert not any("次序错乱" in p.message for p in result.problems)
    moved = [s for k, s in enumerate(row_specs(exp.fmt.table("t3"))) if k == 1 or k % 3 == 2]
    assert all(result.report.cells.get(key) is None for s in moved for key in s.keys)
