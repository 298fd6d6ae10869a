"""Real published reports nobody on the project wrote (../shared/real-reports): each imports to
exactly what its NAME.expected.json says, every cell (nulls included) and the meta."""

from __future__ import annotations

import json
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from govopen_desktop.cli.main import main
from govopen_desktop.io.importers import ImportResult, import_file
from tests.support.paths import SHARED

REAL = SHARED / "real-reports"
needs_real = pytest.mark.skipif(not REAL.is_dir(), reason="../shared/real-reports is not beside the clone")
pytestmark = needs_real

# file -> its expected file (the two .txt are the same PDF's text as a viewer copies it)
FILES = {
    "shuyang-fgj-2023.html": "shuyang-fgj-2023",
    "kewei-2024.md.txt": "kewei-2024.md",
    "huaian-2024.pdf": "huaian-2024",
    "huaian-2024.pdftotext-layout.txt": "huaian-2024",
    "govnianbao-template.docx": "govnianbao-template",
}


def _expected(stem: str) -> dict[str, Any]:
    return json.loads((REAL / f"{stem}.expected.json").read_text(encoding="utf-8"), parse_float=Decimal)


def differences(expected: dict[str, Any], result: ImportResult) -> list[str]:
    """Every expected cell that differs (a null must be null, a number that number)."""
    out = []
    for key, want in expected.items():
        got = result.report.cells.get(key)
        if want is None and got is None:
            continue
        if want is None or got is None or Decimal(str(got)) != Decimal(str(want)):
            out.append(f"{key}: got {got!r}, want {want!r}")
    return out


@pytest.mark.parametrize("name", list(FILES))
def test_real_report_imports_exactly(name: str) -> None:
    exp = _expected(FILES[name])
    result = import_file(REAL / name)
    assert differences(exp["cells"], result) == []
    assert result.found_meta() == exp["meta"]


@pytest.mark.parametrize("name", ["huaian-2024.pdftotext.txt"])
def test_every_cell_left_empty_is_named_in_a_problem(name: str) -> None:
    """(Cells printed blank, as in the template or the web page's 法人 columns, are null by
    right and need no problem.)"""
    result = import_file(REAL / name)
    named = {p.key for p in result.problems}
    empty = {k for k in result.report.format.keys if result.report.cells.get(k) is None}
    assert empty <= named


def test_pdf_text_in_reading_order_keeps_what_is_certain() -> None:
    """pdftotext without -layout scatters table 4's numbers among its headers: tables 2 and 3
    read exactly (numbers apart from their labels placed by row order), table 4 left empty with
    a problem per cell instead of numbers put in the wrong columns."""
    exp = _expected("huaian-2024")
    result = import_file(REAL / "huaian-2024.pdftotext.txt")
    t23 = {k: v for k, v in exp["cells"].items() if not k.startswith("t4.")}
    assert differences(t23, result) == []
    t4 = [k for k in result.report.format.keys if k.startswith("t4.")]
    assert all(result.report.cells[k] is None for k in t4)
    assert set(t4) <= {p.key for p in result.problems}
    assert result.found_meta() == exp["meta"]
    inferred = result.inferred
    assert len(inferred) >= 7 * 6 and result.summary().inferred == len(inferred)  # placed by row order
    from govopen_desktop.io.importers.official_rows import row_specs

    messages = "\n".join(p.message for p in result.problems)
    label_of = {k: spec.label for spec in row_specs(result.report.format.table("t3")) for k in spec.keys}
    for key in inferred:  # each row placed by order is named (by its label) in a problem
        assert f"“{label_of[key]}”" in messages


def test_real_web_page_reads_its_sections_and_leaves_the_site_out() -> None:
    report = import_file(REAL / "shuyang-fgj-2023.html").report
    problems = report.text["problems"] or ""
    assert problems.startswith("（一）存在的主要问题。")  # 五、存在的主要问题及整改措施
    assert "整改措施" in problems
    assert (report.text["other"] or "").startswith("2023年度，县发展和改革局政府信息公开未发生收费情况")
    everything = "\n".join(t for t in report.text.values() if t)
    for chrome in ("索引号", "发布机构", "分享", "打印", "版权所有", "名称沭阳"):
        assert chrome not in everything
    assert "2023年，县发展和改革局认真贯彻执行" in (report.text["overview"] or "")


def test_a_problems_part_without_its_heading_is_read_after_table_4() -> None:
    # kewei-2024: 表四, then （一）主要问题 …（二）改进情况, then 五、其他需要报告的事项
    result = import_file(REAL / "kewei-2024.md.txt")
    problems = result.report.text["problems"] or ""
    assert problems.startswith("（一）主要问题\n") and "（二）改进情况" in problems
    assert "正在有序进行中。" in problems and "收费" not in problems
    assert (result.report.text["other"] or "").startswith("本年度信息公开处理费收费情况")
    [said] = [p for p in result.problems if "存在的主要问题及改进情况" in p.message]
    assert "没有找到" in said.message and "（一）主要问题" in said.message


@pytest.mark.parametrize("name", ["huaian-2024.pdf", "huaian-2024.pdftotext.txt", "shuyang-fgj-2023.html"])
def test_the_words_above_the_first_part_are_the_opening_text(name: str) -> None:
    # 本报告由…编制。报告所列统计期限自…: the report's opening text (开头说明), not put in 总体情况
    report = import_file(REAL / name).report
    preface = "".join((report.text["preface"] or "").split())
    assert "preface" not in report.extra["source"]  # no second copy in the import's notes
    assert preface.startswith(("本报告由淮安市人民政府办公室根据", "根据《中华人民共和国政府信息公开条例》"))
    assert "统计期限自2024年1月1日" in preface or "统计时限为2023年1月1日" in preface
    assert "来源：" not in preface and "采集时间" not in preface and "星期" not in preface
    assert not "".join((report.text["overview"] or "").split()).startswith(preface[:20])


def test_real_pdf_text_sections_have_no_page_numbers() -> None:
    report = import_file(REAL / "huaian-2024.pdf").report
    overview = report.text["overview"] or ""
    assert overview.startswith("2024年，我市坚持") or overview.startswith("2024 年，我市坚持")
    assert "-1-" not in overview and "-2-" not in overview and "-3-" not in overview
    assert "信息处理费3940元" in "".join((report.text["other"] or "").split())
    assert "-6-" not in (report.text["other"] or "")


def test_blank_template_placeholders_are_not_text() -> None:
    result = import_file(REAL / "govnianbao-template.docx")
    assert result.report.text == {"preface": None, "overview": None, "note.t2": None, "note.t3": None,
                                  "note.t4": None, "problems": None, "other": None}
    assert result.summary().read == 0 and result.summary().empty == len(result.report.format.keys)


def test_cli_import_json_on_the_real_pdf(capsys: pytest.CaptureFixture[str]) -> None:
    start = time.perf_counter()
    code = main(["import", str(REAL / "huaian-2024.pdf"), "--json"])
    elapsed = time.perf_counter() - start
    out = json.loads(capsys.readouterr().out, parse_float=Decimal)
    exp = _expected("huaian-2024")
    assert code in (0, 1)
    assert out["meta"] == exp["meta"]
    assert {k: out["cells"][k] for k in exp["cells"]} == exp["cells"]
    assert out["summary"] == {"read": 200, "inferred": 0, "empty": 0}
    assert elapsed < 5


def test_cli_check_and_new_from_a_pdf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["check", str(REAL / "huaian-2024.pdf")])
    out = capsys.readouterr().out
    assert code in (0, 1) and "淮安市人民政府2024年度报告" in out
    target = tmp_path / "next.govopen"
    code = main(["new", "--from", str(REAL / "huaian-2024.pdf"), "-o", str(target)])
    assert code == 0 and target.is_file()


def test_open_any_reads_the_real_pdf_with_its_summary() -> None:
    """What the window's 打开/导入 use: the PDF opens as an imported report, with the summary
    line the problems dialog shows above the problems."""
    from govopen_desktop.io.open_any import open_any

    opened = open_any(REAL / "kewei-2024.md.txt")
    assert opened.imported and opened.summary == "共 200 个数值：读到 129 个，推断 70 个（请核对），留空 1 个。"
    pdf = open_any(REAL / "huaian-2024.pdf")
    assert pdf.imported and pdf.report.meta.agency == "淮安市人民政府" and pdf.problems == []


@pytest.mark.parametrize("printed", ["二〇二四年", "二○二四年度", "二零二四 年", "２０２４年"])
def test_a_title_with_its_year_in_words_or_full_width_keeps_agency_and_year(printed: str, tmp_path: Path) -> None:
    """Many titles print the year in words (二〇二四年) or in full-width digits."""
    text = (REAL / "huaian-2024.pdftotext-layout.txt").read_text(encoding="utf-8")
    assert "2024 年政府信息公开" in text
    path = tmp_path / "title.txt"
    path.write_text(text.replace("2024 年政府信息公开", f"{printed}政府信息公开", 1), encoding="utf-8")
    result = import_file(path)
    assert result.found_meta() == _expected("huaian-2024")["meta"]
    assert differences(_expected("huaian-2024")["cells"], result) == []


def test_a_web_page_with_blank_columns_gets_one_blank_finding_not_one_per_row() -> None:
    """shuyang-fgj-2023 prints the five 法人或其他组织 columns of table 3 blank in every row."""
    from govopen_desktop.domain.checks import check

    report = import_file(REAL / "shuyang-fgj-2023.html").report
    [blank] = [f for f in check(report) if f.rule == "T3-BLANK"]
    assert "5 列每一行都没有填" in blank.message and "商业企业" in blank.message
    assert len(blank.cells) == 5 * 25


def test_a_pdfs_running_title_copied_with_its_text_is_not_part_of_a_section(tmp_path: Path) -> None:
    """Text copied out of a PDF keeps the title each page repeats at its top, and the page numbers."""
    lines = (REAL / "huaian-2024.pdftotext-layout.txt").read_text(encoding="utf-8").split("\n")
    header = "淮安市人民政府2024年政府信息公开工作年度报告"
    paged: list[str] = []
    for at, line in enumerate(lines):
        if at and at % 40 == 0:
            paged += ["", f"— {at // 40} —", "\f" + header, ""]
        paged.append(line)
    path = tmp_path / "paged.txt"
    path.write_text("\n".join(paged), encoding="utf-8")
    result = import_file(path)
    assert differences(_expected("huaian-2024")["cells"], result) == []
    assert result.found_meta() == _expected("huaian-2024")["meta"]
    texts = [t for t in result.report.text.values() if t]
    assert texts and not any(header in "".join(t.split()) for t in texts)
    assert "信息处理费3940元" in "".join((result.report.text["other"] or "").split())


def test_pdf_text_copied_with_single_spaces_between_columns(tmp_path: Path) -> None:
    """Some viewers copy a table's columns one space apart; a label wrapped over three lines
    then has its row's numbers after the middle piece (正、行政机关不再处理其政府信 67 3 0 0 1 0 71)."""
    import re

    text = (REAL / "huaian-2024.pdftotext-layout.txt").read_text(encoding="utf-8")
    path = tmp_path / "single-spaced.txt"
    path.write_text(re.sub(r"[ \t]+", " ", text), encoding="utf-8")
    assert "正、行政机关不再处理其政府信 67 3 0 0 1 0 71" in path.read_text(encoding="utf-8")
    result = import_file(path)
    assert differences(_expected("huaian-2024")["cells"], result) == []
    assert result.problems == []
