"""Table rows printed in other words than the form's ((七)合计, 四、结转下年度办理): known by
their own number where they stand, read, marked for checking and said. Before, each of their
cells was reported missing and their numbers left out. Written from the built-in sample."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from govopen_desktop.io.importers import ImportResult, import_file
from govopen_desktop.io.importers.labels import norm
from govopen_desktop.io.project import load_report
from tests.support.import_builders import WRITERS, expected_of
from tests.support.paths import SAMPLE

VARIANTS = [
    ("（七）总计", "（七）合计"),
    ("四、结转下年度继续办理", "四、结转下年度办理"),
    ("1.本机关不掌握相关政府信息", "1.本机关不掌握相关信息"),
    ("3.危及“三安全一稳定”", "3.危及国家安全、公共安全、经济安全和社会稳定"),
    ("5.要求行政机关确认或重新出具已获取信息", "5.要求确认或重新出具已获取的信息"),
]
KINDS = ["pdf-copy.txt", "page.html", "merged.docx", "three-sheets.xlsx"]


def _reworded(kind: str, src: Path, out: Path, wording: dict[str, str]) -> int:
    """The file with each label whose words are a key of `wording` printed as its value; how
    many labels were changed."""
    wanted = {norm(k): v for k, v in wording.items()}
    changed = 0

    def swap(text: str) -> str:
        nonlocal changed
        new = wanted.get(norm(text))
        if new is None:
            return text
        changed += 1
        return new

    if kind.endswith(".docx"):
        import docx

        document = docx.Document(str(src))
        for table in document.tables:
            for cell in {id(c): c for row in table.rows for c in row.cells}.values():
                new = swap(cell.text)
                if new != cell.text:
                    cell.paragraphs[0].text = new
        document.save(str(out))
    elif kind.endswith(".xlsx"):
        import openpyxl

        book = openpyxl.load_workbook(src)
        for sheet in book.worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    if isinstance(cell.value, str):
                        cell.value = swap(cell.value)
        book.save(out)
    elif kind.endswith(".html"):
        text = src.read_text(encoding="utf-8")
        out.write_text(re.sub(r"(?<=>)([^<>]+)(?=<)", lambda m: swap(m.group(1)), text), encoding="utf-8")
    else:
        lines = src.read_text(encoding="utf-8").split("\n")
        out.write_text("\n".join(map(swap, lines)), encoding="utf-8")
    return changed


def _both(tmp_path: Path, kind: str, wording: dict[str, str]) -> tuple[ImportResult, ImportResult]:
    exp = expected_of(load_report(SAMPLE))
    plain, worded = tmp_path / f"plain-{kind}", tmp_path / f"worded-{kind}"
    WRITERS[kind](exp, plain)
    assert _reworded(kind, plain, worded, wording) == len(wording)
    return import_file(plain), import_file(worded)


@pytest.mark.parametrize(("official", "printed"), VARIANTS)
@pytest.mark.parametrize("kind", KINDS)
def test_a_row_in_other_words_is_read_by_its_number(tmp_path: Path, kind: str, official: str, printed: str) -> None:
    expected, got = _both(tmp_path, kind, {official: printed})
    assert got.report.cells == expected.report.cells
    said = [p for p in got.problems if p not in expected.problems]
    assert len(said) == 1, [p.message for p in said]
    assert f"“{printed}”" in said[0].message and f"“{official}”" in said[0].message
    assert said[0].place.startswith("表三")
    row_keys = {k for k in got.report.cells if k.startswith(said[0].key.rsplit(".", 1)[0] + ".")}
    assert row_keys and row_keys <= got.inferred  # the clerk is asked to confirm them


def test_rows_that_share_a_number_where_they_stand_are_not_read(tmp_path: Path) -> None:
    """（四）1–3 and （五）1 all worded otherwise: 2. and 3. are read by number; the two rows
    numbered 1. cannot be told apart, so they stay empty and are named, numbers and all."""
    wording = {"1.本机关不掌握相关政府信息": "1.本机关不掌握该信息", "2.没有现成信息需要另行制作": "2.需要另行制作",
               "3.补正后申请内容仍不明确": "3.补正后仍不明确", "1.信访举报投诉类申请": "1.属于信访举报投诉"}
    expected, got = _both(tmp_path, "merged.docx", wording)
    fields = got.report.format.fields
    for key, value in expected.report.cells.items():
        label = fields[key].label
        if "（四）无法提供 · 1." in label or "（五）不予处理 · 1." in label:
            assert got.report.cells[key] is None and any(p.key == key for p in got.problems)
        else:
            assert got.report.cells[key] == value, key
    worded = [p for p in got.problems if "措辞不同" in p.message]
    assert len(worded) == 2
    assert any("1.属于信访举报投诉" in p.message and "未导入" in p.message for p in got.problems)


@pytest.mark.parametrize("unnumbered", [True, False])
def test_a_row_without_its_number_or_out_of_its_place_is_not_read(tmp_path: Path, unnumbered: bool) -> None:
    """本机关不掌握相关信息 with no number, or 3.… printed where the form's row 3. is not: not
    read by number; its cells are named and its printed numbers quoted, as before."""
    printed = "本机关不掌握相关信息" if unnumbered else "3.本机关不掌握相关信息"
    expected, got = _both(tmp_path, "merged.docx", {"1.本机关不掌握相关政府信息": printed})
    fields = got.report.format.fields
    missing = [k for k, v in expected.report.cells.items() if got.report.cells[k] != v]
    assert missing and all("（四）无法提供 · 1." in fields[k].label for k in missing)
    assert all(any(p.key == k for p in got.problems) for k in missing)
    assert not [p for p in got.problems if "措辞不同" in p.message]
    assert any("本机关不掌握相关信息" in p.message and "未导入" in p.message for p in got.problems)


@pytest.mark.parametrize("printed", ["1.本机", "1.本机关不掌握0相关政府信息0"])
def test_a_piece_of_the_label_or_numbers_run_into_it_are_no_other_wording(tmp_path: Path, printed: str) -> None:
    """The first piece of the row's own label (a narrow column broke it, the rest lost) and a
    label with numbers a PDF reader ran into it (a workbook printed to PDF: the wrapped label's
    middle line shares the numbers' baseline) are not read as a row in other words: the row is
    named as not found, as before."""
    expected, got = _both(tmp_path, "merged.docx", {"1.本机关不掌握相关政府信息": printed})
    assert not [p for p in got.problems if "措辞不同" in p.message]
    keys = [k for k in expected.report.cells if k.startswith("t3.unable_not_held.")]
    assert all(got.report.cells[k] is None and any(p.key == k for p in got.problems) for k in keys)


def test_the_checker_asks_to_compare_a_row_read_by_its_number(tmp_path: Path) -> None:
    from govopen_desktop.domain.checks import check

    _expected, got = _both(tmp_path, "merged.docx", {"（七）总计": "（七）合计"})
    [finding] = [f for f in check(got.report) if f.rule == "R-INFERRED"]
    assert "“（七）总计”" in finding.message and "措辞不同" in finding.message
    assert {k for k in finding.cells} == {k for k in got.report.cells if k.startswith("t3.results_total.")}


@pytest.mark.parametrize("kind", KINDS)
def test_a_row_printed_without_the_forms_note_is_its_row(tmp_path: Path, kind: str) -> None:
    """（二）部分公开 with the form's note （区分处理的，只计这一情形，不计其他情形） left out, as many
    reports print it, is that row by its own words (no number needed, nothing inferred). Before,
    its seven cells were named missing and its numbers quoted as another row's."""
    official = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
    expected, got = _both(tmp_path, kind, {official: "（二）部分公开"})
    assert got.report.cells == expected.report.cells
    assert [p for p in got.problems if p not in expected.problems] == []
    assert not {k for k in got.inferred if k.startswith("t3.partial.")}


def test_blank_cells_of_a_short_row_are_shown_as_blank(tmp_path: Path) -> None:
    """A workbook row with three numbers and two blank cells of seven: the problem quotes the
    blanks as （空） and counts the numbers (it said “5 个数（“12 3 15 None None”）”)."""
    from tests.support.paths import TEST_DATA

    result = import_file(TEST_DATA / "import" / "odd-cells.xlsx")
    said = [p.message for p in result.problems if p.key == "t3.new.natural"]
    assert said and "只印有 3 个数（“12 3 15 （空） （空）”）" in said[0] and "None" not in said[0]


@pytest.mark.parametrize(("official", "printed", "group"), [
    ("行政许可", "行政许可事项", "第二十条第（五）项"), ("行政事业性收费", "行政事业性收费情况", "第二十条第（八）项")])
@pytest.mark.parametrize("kind", KINDS)
def test_the_only_row_of_its_group_in_other_words_is_known_by_its_group(
        tmp_path: Path, kind: str, official: str, printed: str, group: str) -> None:
    """Table 2's rows have no number, but 行政许可 is the only row under 第二十条第（五）项 (and
    行政事业性收费 under （八）): printed in other words there, it is that row, marked for
    checking and said. Before, its cell was named missing and its number quoted."""
    expected, got = _both(tmp_path, kind, {official: printed})
    assert got.report.cells == expected.report.cells
    said = [p for p in got.problems if p not in expected.problems]
    assert len(said) == 1 and f"“{printed}”" in said[0].message and f"“{official}”" in said[0].message
    assert norm(group) in norm(said[0].message) and said[0].key in got.inferred


def test_a_row_of_a_group_of_two_in_other_words_is_not_read(tmp_path: Path) -> None:
    """规章 shares 第二十条第（一）项 with 行政规范性文件: 政府规章 printed there is not known by the
    group; its cells are named and its numbers quoted, as before."""
    expected, got = _both(tmp_path, "merged.docx", {"规章": "政府规章"})
    keys = [k for k in expected.report.cells if k.startswith("t2.regulations.")]
    assert all(got.report.cells[k] is None and any(p.key == k for p in got.problems) for k in keys)
    assert not [p for p in got.problems if "措辞不同" in p.message]
    assert any("政府规章" in p.message and "未导入" in p.message for p in got.problems)


def test_rows_found_without_their_numbers_are_not_said_to_be_missing() -> None:
    """A web page printed to PDF and copied with pdftotext: 行政规范性文件 is found, its numbers
    (3 1 27) stand where its row does but cannot be told to it. The problem quoting them says its
    numbers were not read (没有读到…的数值); it said 行政规范性文件 was not found."""
    from tests.support.paths import TEST_DATA

    result = import_file(TEST_DATA / "import" / "plain-table-page.pdftotext.txt")
    [quoted] = [p.message for p in result.problems if "的位置印有" in p.message]
    assert quoted.startswith("没有读到“行政规范性文件”的数值；") and "3；1；27" in quoted
