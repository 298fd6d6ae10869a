"""The extractor's parts on small inputs: label spellings, layouts of pasted text, values
that cannot be read, dates, titles, 填报单位, the .govopen file, open_any."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from govopen_desktop.domain.formats import load_format
from govopen_desktop.domain.report import Report
from govopen_desktop.domain.values import Published
from govopen_desktop.io.importers import ImportFailed, ImportProblem, import_file, import_text
from govopen_desktop.io.importers.extract.meta import parse_date
from govopen_desktop.io.importers.labels import aliases, cell_matches, norm
from govopen_desktop.io.open_any import open_any
from govopen_desktop.io.project import save_report

T3_2021 = load_format("2021").table("t3")


def _t3_rows(fmt_id: str, sep: str, values: dict[str, str]) -> list[str]:
    """Table 3 as pasted text: the leaf label of each row, then its seven values."""
    table = load_format(fmt_id).table("t3")
    lines = []
    for r in range(table.header_rows, table.n_rows):
        cells = [c for c in table.cells if c.row == r]
        label = [c.text for c in cells if c.role == "label"][-1]
        keys = sorted((c for c in cells if c.key), key=lambda c: c.col)
        lines.append(sep.join([label or "", *(values.get(c.key or "", "0") for c in keys)]))
    return lines


def _report_text(fmt_id: str, year: int, sep: str = "\t", values: dict[str, str] | None = None,
                 title: str | None = None) -> str:
    head = [title or f"某某县某某局{year}年政府信息公开工作年度报告", "一、总体情况", "本年度工作概述。",
            "三、收到和处理政府信息公开申请情况"]
    return "\n".join(head + _t3_rows(fmt_id, sep, values or {}))


def test_norm_folds_brackets_spaces_and_punctuation() -> None:
    assert norm("（二）部分公开（区分处理的，只计这一情形，不计其他情形）") == norm(
        "(二) 部分公开(区分处 理的,只计这一情形,不 计其他情形)")
    assert norm("1.属于国家秘密") == norm("1、 属于国家秘密") == norm("１．属于国家秘密")


def test_label_aliases_accept_both_spellings_of_normative_documents() -> None:
    assert cell_matches(norm("规范性文件"), aliases("行政规范性文件"))
    assert cell_matches(norm("行政规范性文件"), aliases("规范性文件"))
    assert not cell_matches(norm("规章"), aliases("行政规范性文件"))


def test_sub_rows_written_with_comma_or_enumeration_mark() -> None:
    label = "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"
    assert cell_matches(norm(label.replace("、", "，")), aliases(label))
    assert cell_matches(norm("（六）其他处理 3.其他"), aliases("3.其他"))
    assert not cell_matches(norm("其他"), aliases("3.其他"))  # the 其他 column header


@pytest.mark.parametrize("sep", ["\t", " | "])
def test_pasted_rows_tab_or_bar_separated(sep: str) -> None:
    text = _report_text("2021", 2023, sep, {"t3.new.natural": "5", "t3.new.total": "5"})
    result = import_text(text)
    assert result.report.meta.year == 2023 and result.report.meta.format == "2021"
    assert result.report.cells["t3.new.natural"] == 5
    assert result.report.cells["t3.other_misc.total"] == 0
    assert result.report.meta.agency == "某某县某某局"


def test_empty_marks_stay_null_and_odd_values_are_kept_as_published_with_a_problem() -> None:
    text = _report_text("2021", 2023, values={
        "t3.new.natural": "—", "t3.new.commercial": "无", "t3.new.research": "/", "t3.new.social": "",
        "t3.granted.natural": "若干", "t3.partial.natural": "1.5"})
    result = import_text(text)
    cells = result.report.cells
    assert [cells[f"t3.new.{c}"] for c in ("natural", "commercial", "research", "social")] == [None] * 4
    bad = {p.key: p for p in result.problems}
    assert cells["t3.granted.natural"] == Published("若干", "不是数字") and "若干" in bad["t3.granted.natural"].message
    assert isinstance(cells["t3.partial.natural"], Published) and cells["t3.partial.natural"].text == "1.5"
    assert "t3.partial.natural" in bad
    assert bad["t3.granted.natural"].place and "行" in bad["t3.granted.natural"].place


def test_inconsistent_total_is_kept_as_published() -> None:
    result = import_text(_report_text("2021", 2023, values={"t3.new.natural": "2", "t3.new.total": "7"}))
    assert result.report.cells["t3.new.total"] == 7


def test_missing_tables_are_problems_per_row_with_keys() -> None:
    result = import_text(_report_text("2021", 2023))
    keys = [p.key for p in result.problems]
    fmt = load_format("2021")
    assert keys == [*fmt.table("t2").keys, *fmt.table("t4").keys]  # every cell, once
    assert result.report.cells["t2.regulations.issued"] is None


def test_2019_report_recognised_by_its_labels() -> None:
    result = import_text(_report_text("2019", 2020))
    assert result.report.meta.format == "2019"
    assert result.report.cells["t3.other.natural"] == 0


def test_year_from_the_statistics_period_when_the_title_has_none() -> None:
    text = _report_text("2021", 2023, title="某某局政府信息公开工作年度报告").replace(
        "本年度工作概述。", "本报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。")
    assert import_text(text).report.meta.year == 2022


@pytest.mark.parametrize(("text", "iso"), [
    ("2021年1月26日", "2021-01-26"), ("2025 年 1 月 20 日", "2025-01-20"),
    ("二〇二一年一月二十六日", "2021-01-26"), ("2021年13月1日", None), ("一月", None),
])
def test_signature_dates(text: str, iso: str | None) -> None:
    assert parse_date(text) == iso


def test_signature_agency_and_date_are_not_part_of_the_text() -> None:
    text = _report_text("2021", 2023) + "\n六、其他需要报告的事项\n无。\n某某县某某局\n2024年1月15日\n"
    report = import_text(text).report
    assert report.text["other"] == "无。"
    assert report.meta.date == "2024-01-15"


def test_problem_describe_is_one_line() -> None:
    p = ImportProblem("“x”不是有效的数值，已留空。", "t3.new.natural", "第5行")
    assert p.describe() == "［第5行］“x”不是有效的数值，已留空。（t3.new.natural）"
    assert "\n" not in p.describe()


def test_project_file_through_import_file_and_open_any(tmp_path: Path) -> None:
    report = Report.new("某某局", 2024)
    report.set_values({"t2.fees.amount": "0.1200", "t3.new.natural": "3"})
    path = tmp_path / "r.govopen"
    save_report(report, path)
    imported = import_file(path)
    assert imported.report.cells == report.cells and imported.problems == []
    renamed = tmp_path / "r.txt"  # a project file under another name is still a project file
    path.rename(renamed)
    assert import_file(renamed).report.cells["t2.fees.amount"] == Decimal("0.1200")
    assert open_any(renamed).report.cells == report.cells


def test_open_any_reports_import_problems(tmp_path: Path) -> None:
    path = tmp_path / "pasted.txt"
    path.write_text(_report_text("2021", 2023), encoding="utf-8")
    opened = open_any(path)
    assert opened.imported and opened.problems and all(isinstance(p, str) for p in opened.problems)


def test_import_failed_is_a_govopen_error() -> None:
    from govopen_desktop.domain.errors import GovopenError

    assert issubclass(ImportFailed, GovopenError)


def test_counts_with_a_measure_word_are_kept_as_printed_and_amounts_read_with_their_unit() -> None:
    # "3件" is not the whole number the form asks for: kept as printed and reported on its cell
    # (README T3-INT), the row still read by its label; an amount's 万元 is the cell's unit
    text = _report_text("2021", 2023, values={"t3.new.natural": "3件", "t3.new.total": "3 件"})
    text = text.replace("一、总体情况", "二、主动公开政府信息情况\n行政事业性收费\t0.5万元\n一、总体情况")
    result = import_text(text)
    cells, bad = result.report.cells, {p.key: p for p in result.problems}
    assert cells["t3.new.natural"] == Published("3件", "不是数字")
    assert cells["t3.new.total"] == Published("3 件", "不是数字")
    assert "“3件”" in bad["t3.new.natural"].message and "行" in bad["t3.new.natural"].place
    assert "t3.new.total" in bad
    assert cells["t3.new.commercial"] == 0  # the rest of the row as printed
    assert cells["t2.fees.amount"] == Decimal("0.5")


def test_amount_in_yuan_where_the_form_asks_for_wan_yuan_is_a_problem() -> None:
    text = _report_text("2021", 2023).replace(
        "一、总体情况", "二、主动公开政府信息情况\n行政事业性收费\t5000元\n一、总体情况")
    result = import_text(text)
    assert result.report.cells["t2.fees.amount"] is None
    assert any(p.key == "t2.fees.amount" and "万元" in p.message for p in result.problems)


@pytest.mark.parametrize(("title", "agency", "year"), [
    ("某某县某某局2023年政府信息公开工作年度报告", "某某县某某局", 2023),
    ("2023年某某县某某局政府信息公开工作年度报告", "某某县某某局", 2023),
    ("某某县某某局 2023 年度政府信息公开工作报告", "某某县某某局", 2023),
    ("某某县某某局政府信息公开工作年度报告（2023年度）", "某某县某某局", 2023),
    ("某某县某某局\n2023年政府信息公开工作年度报告", "某某县某某局", 2023),
])
def test_title_spellings(title: str, agency: str, year: int) -> None:
    text = _report_text("2021", 1999, title=title)
    meta = import_text(text).report.meta
    assert (meta.agency, meta.year) == (agency, year)


def test_report_older_than_the_unified_format_is_refused() -> None:
    with pytest.raises(ImportFailed, match="2018年度"):
        import_text(_report_text("2019", 2018))


def test_a_sheet_with_one_matching_label_is_no_report() -> None:
    with pytest.raises(ImportFailed, match="不是政府信息公开工作年度报告"):
        import_text("规章\t1\t2\t3\n价格\t4\t5\n")


def test_one_cell_per_line_note_after_a_number_is_not_glued_to_it() -> None:
    lines = ["某某县某某局2023年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况"]
    for row in _t3_rows("2021", "\t", {}):
        lines += ["\t" + cell for cell in row.split("\t")] + [""]
    lines.insert(len(lines) - 1, "注：本表按申请人类型统计。")
    report = import_text("\n".join(lines)).report
    assert report.cells["t3.carried_out.total"] == 0


def test_text_run_on_after_a_heading() -> None:
    text = _report_text("2021", 2023) + (
        "\n五、存在的主要问题及改进情况。一是公开不够及时，二是解读不够深入。\n下一步将加强培训。"
        "\n六、其他需要报告的事项：本年度未收取信息处理费。")
    report = import_text(text).report
    assert report.text["problems"] == "一是公开不够及时，二是解读不够深入。\n下一步将加强培训。"
    assert report.text["other"] == "本年度未收取信息处理费。"
    assert report.extra["source"]["headings"][-2:] == ["五、存在的主要问题及改进情况", "六、其他需要报告的事项"]


def test_a_word_table_cell_printed_with_its_measure_word_is_kept_and_reported(tmp_path: Path) -> None:
    """A Word report whose table prints "12件" in a count cell: the value is kept as printed, its
    cell named in one problem, and every other cell is read as before."""
    from govopen_desktop.io.project import load_report
    from tests.support.import_builders import Expected, cell_differences, write_docx
    from tests.support.paths import SAMPLE

    sample = load_report(SAMPLE)
    key = "t3.granted.natural"
    cells = dict(sample.cells) | {key: "12件"}
    path = tmp_path / "report.docx"
    write_docx(Expected(sample.meta.to_dict(), cells, dict(sample.text)), path)
    result = import_file(path)
    assert result.report.cells[key] == Published("12件", "不是数字")
    assert [p.key for p in result.problems] == [key]
    assert "“12件”" in result.problems[0].message and "表三" in result.problems[0].place
    others = {k: v for k, v in sample.cells.items() if k != key and not sample.format.fields[k].derived}
    assert cell_differences(others, {k: result.report.cells[k] for k in others}) == []
