"""Qt-free helpers of the window: which cells 填充空白为 0 writes; where a quoted sentence is."""

from __future__ import annotations

from govopen_desktop.domain.fill import blank_inputs
from govopen_desktop.domain.quotes import locate_quote, locate_sentence, sentence_around
from govopen_desktop.domain.report import Report


def test_blank_inputs_are_the_empty_input_cells_of_the_tables_asked() -> None:
    report = Report.new("某局", 2024)
    report.set_values({"t3.new.natural": 5})
    t3 = blank_inputs(report, ["t3"])
    assert "t3.new.natural" not in t3 and "t3.new.commercial" in t3
    assert all(k.startswith("t3.") for k in t3)
    assert not any(report.format.fields[k].derived for k in t3)  # totals are computed
    both = blank_inputs(report, ["t2", "t3", "t4"])
    assert set(t3) < set(both) and any(k.startswith("t4.") for k in both)


def test_blank_inputs_leave_out_the_written_unit() -> None:
    report = Report.new("某局", 2020)  # 2019 format: 采购总金额 with its unit
    keys = blank_inputs(report, ["t2"])
    assert keys and all(report.format.fields[k].kind != "unit" for k in keys)


def test_a_quote_is_found_despite_spaces_and_full_width_digits() -> None:
    text = "一、总体情况\n全年共收到政府信息公开申请 ９９ 件，均已办结。本年度未发生行政复议。"
    start, end = locate_quote(text, "收到政府信息公开申请99件")
    assert text[start:end] == "收到政府信息公开申请 ９９ 件"
    assert text[slice(*sentence_around(text, start, end))] == "全年共收到政府信息公开申请 ９９ 件，均已办结。"


def test_the_sentence_is_looked_for_in_the_findings_section_first() -> None:
    texts = {"overview": "未发生行政复议案件。", "other": "另：未发生行政复议案件。"}
    assert locate_sentence(texts, "文字中写“未发生行政复议案件”，但……", "other") == ("other", 0, 12)
    assert locate_sentence(texts, "文字中写“没有这句话”", "overview") is None
