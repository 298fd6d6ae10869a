"""表下说明: the words a report prints under a table (注：本年度无结转申请。, or under 四、 “2023年，
我单位未发生……行政复议、提起行政诉讼的情况。”) are a text of the report, declared next to each
table in the format files; blank by default, saved and reopened, moved out of the old
source.table_notes, and read by the checks that read the texts."""

from __future__ import annotations

import pytest

from govopen_desktop.domain.checks import check
from govopen_desktop.domain.formats import load_format
from govopen_desktop.domain.report import TEXT_KEYS, Report
from tests.support.reports import filled_report

FORMATS = ("2019", "2021")
NOTES = {"t2": "note.t2", "t3": "note.t3", "t4": "note.t4"}
TEXT_RULES = ("T3-TEXT", "T4-TEXT", "R-FACTS", "R-CLAIMS", "R-YEAR", "R-PLACEHOLDER", "R-LAST-YEAR-TEXT")


def clean(fid: str = "2021") -> Report:
    report = Report.new("东岭县市场监督管理局", 2024 if fid == "2021" else 2020)
    report.set_values({k: 0 for k in report.format.input_keys if report.format.fields[k].kind != "unit"})
    return report


@pytest.mark.parametrize("fid", FORMATS)
def test_each_table_has_a_note_declared_in_the_format_file(fid: str) -> None:
    fmt = load_format(fid)
    assert {s.table: s.note for s in fmt.sections if s.table} == NOTES
    assert all(s.note is None for s in fmt.sections if not s.table)
    assert {fmt.note_of(t) for t in NOTES} == set(NOTES.values())
    # a note is printed right after its table: the text keys in print order
    assert fmt.text_keys == ("preface", "overview", "note.t2", "note.t3", "note.t4", "problems", "other")
    assert fmt.section("note.t4") is fmt.section("t4")
    assert fmt.text_heading("note.t4") == "四、政府信息公开行政复议、行政诉讼情况（表下说明）"
    assert fmt.text_heading("overview") == "一、总体情况"
    assert all(s.note_hint for s in fmt.sections if s.table)  # the box's placeholder, from the file
    for rule in TEXT_RULES:  # every rule reading what the report says reads the notes
        spec = fmt.rule(rule)
        assert spec is not None and set(NOTES.values()) <= set(spec.params["sections"]), rule


def test_blank_by_default_and_a_blank_note_is_no_finding() -> None:
    report = clean()
    assert all(report.text[k] is None for k in NOTES.values())
    assert not [f for f in check(report) if f.section in NOTES.values()]
    report.set_text("note.t3", "")
    assert report.text["note.t3"] is None


def test_saved_and_reopened() -> None:
    report = filled_report("2021")
    report.set_text("note.t3", "注：本年度无上年结转的申请。\n另有1件申请已撤回。")
    again = Report.from_dict(report.to_dict())
    assert again.text == report.text and tuple(again.to_dict()["text"]) == TEXT_KEYS


def test_an_older_file_moves_source_table_notes_into_the_notes() -> None:
    data = clean().to_dict()
    data["text"] = {k: v for k, v in data["text"].items() if not k.startswith("note.")}  # saved before
    data["source"] = {"file": "旧.pdf", "table_notes": {"t4": "2024年，本机关未发生行政复议、行政诉讼案件。",
                                                         "t9": "一张本格式没有的表下的话。"}}
    data["prior"] = {**clean().to_dict(), "meta": {"agency": "东岭县市场监督管理局", "year": 2023, "format": "2021"},
                     "source": {"table_notes": {"t2": "注：本年度未制发规章。"}}}
    report = Report.from_dict(data)
    assert report.text["note.t4"] == "2024年，本机关未发生行政复议、行政诉讼案件。"
    # what no table of the format takes stays where it was (the checks still read it); the rest moved
    assert report.extra["source"] == {"file": "旧.pdf", "table_notes": {"t9": "一张本格式没有的表下的话。"}}
    assert report.prior is not None and report.prior.text["note.t2"] == "注：本年度未制发规章。"
    assert "source" not in report.prior.extra or "table_notes" not in report.prior.extra["source"]


def test_a_note_written_already_is_not_overwritten_by_the_old_copy() -> None:
    data = clean().to_dict()
    data["text"]["note.t4"] = "改过的说明。"
    data["source"] = {"table_notes": {"t4": "导入时的说明。"}}
    assert Report.from_dict(data).text["note.t4"] == "改过的说明。"


def test_table_4s_note_is_checked_against_table_4() -> None:
    report = clean()
    report.set_text("note.t4", "2024年，我单位未出现申请行政复议、提起行政诉讼的情况。")
    assert not [f for f in check(report) if f.rule == "T4-TEXT"]
    report.set_values({"t4.review.upheld": 2})
    [found] = [f for f in check(report) if f.rule == "T4-TEXT"]
    assert found.section == "note.t4"
    assert "“四、政府信息公开行政复议、行政诉讼情况”表下说明写" in found.message
    assert "未出现申请行政复议" in found.message


def test_table_3s_note_is_checked_against_table_3() -> None:
    report = clean()
    report.set_values({"t3.new.natural": 5, "t3.granted.natural": 5})
    report.set_text("note.t3", "注：本年度共收到政府信息公开申请7件。")
    [found] = [f for f in check(report) if f.rule == "T3-TEXT"]
    assert found.section == "note.t3" and "表下说明" in found.message


def test_the_sentence_is_read_once_where_an_old_copy_is_left_too() -> None:
    # the notes moved out of source on load: the same sentence is not also read from there
    data = clean().to_dict()
    data["source"] = {"table_notes": {"t4": "2024年，我单位未出现申请行政复议、提起行政诉讼的情况。"}}
    report = Report.from_dict(data)
    report.set_values({"t4.review.upheld": 2})
    assert [f.section for f in check(report) if f.rule == "T4-TEXT"] == ["note.t4"]


@pytest.mark.parametrize(("note", "rule"), [
    ("注：本表数据的统计期限自2023年1月1日起至2023年12月31日止。", "R-YEAR"),
    ("注：此处填写本表的说明。", "R-PLACEHOLDER"),
    ("2023年，本机关未收取信息处理费。", "R-LAST-YEAR-TEXT"),
])
def test_the_text_rules_point_at_the_note(note: str, rule: str) -> None:
    report = clean()
    report.set_text("note.t2", note)
    found = [f for f in check(report) if f.rule == rule]
    assert [f.section for f in found] == ["note.t2"]
    assert "二、主动公开政府信息情况" in found[0].message
