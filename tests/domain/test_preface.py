"""开头说明, the opening paragraph under the title (本报告根据《条例》编制……统计期限自…), as a text
of the report: described once in the format files (front_texts, its window page, its draft), a
text key of its own outside the six sections, read by R-YEAR, R-PLACEHOLDER and
R-LAST-YEAR-TEXT, optional, and moved out of source.preface where an older file kept it."""

from __future__ import annotations

import pytest

from govopen_desktop.domain.checks import check
from govopen_desktop.domain.drafts import draft_text
from govopen_desktop.domain.findings import part_heading
from govopen_desktop.domain.formats import load_format, navigation
from govopen_desktop.domain.report import TEXT_KEYS, Report
from tests.support.clean_reports import FORMATS, clean_pair, clean_report, of

OPENING = "preface"
NUMBERS = ("一", "二", "三", "四", "五", "六")


def _messages(report: Report) -> list[tuple[str, str | None, str]]:
    return sorted((f.rule, f.section, f.message) for f in check(report))


@pytest.mark.parametrize("fid", FORMATS)
def test_the_format_file_describes_it_once_outside_the_six(fid: str) -> None:
    fmt = load_format(fid)
    [front] = fmt.front_texts
    assert (front.id, front.text, front.number, front.heading) == (OPENING, OPENING, "", "开头说明")
    assert [s.number for s in fmt.sections] == list(NUMBERS)  # the six and their numbering unchanged
    assert OPENING not in {s.id for s in fmt.sections}
    assert fmt.section(OPENING) == front and fmt.text_keys[0] == OPENING
    assert [b.label for b in front.buttons] == ["插入标准开头段"] and front.hint


def test_it_is_a_text_key_and_a_page_before_the_overview() -> None:
    assert TEXT_KEYS[0] == OPENING
    assert TEXT_KEYS[1:] == ("overview", "note.t2", "note.t3", "note.t4", "problems", "other")  # notes by their tables
    ids = [page for page, _name in navigation()]
    assert ids[: ids.index("overview") + 1] == [OPENING, "overview"]
    report = Report.new("某市教育局", 2024)
    assert report.text[OPENING] is None and report.to_dict()["text"][OPENING] is None


@pytest.mark.parametrize("fid", FORMATS)
def test_the_draft_is_made_from_the_report(fid: str) -> None:
    report = clean_report(fid)
    year, fmt = report.meta.year, report.format
    text = draft_text(report, OPENING)
    assert text.startswith("本报告根据《中华人民共和国政府信息公开条例》")
    assert f"《{fmt.name}》（{fmt.document}）" in text
    assert f"由{report.meta.agency}编制。" in text
    assert "全文包括" + "、".join(s.title for s in fmt.sections) + "。" in text
    assert f"统计期限自{year}年1月1日起至{year}年12月31日止。" in text
    report.set_meta(agency="")
    assert "由本机关编制。" in draft_text(report, OPENING)


@pytest.mark.parametrize("fid", FORMATS)
def test_the_draft_adds_no_finding_and_its_absence_is_none(fid: str) -> None:
    report = clean_pair(fid)  # with last year's: R-DUPLICATE must not read the standard wording
    without = _messages(report)
    assert not [m for m in without if m[1] == OPENING or "开头说明" in m[2]]
    drafted = draft_text(report, OPENING)
    report.set_text(OPENING, drafted)
    assert report.prior is not None
    report.prior.set_text(OPENING, drafted.replace(str(report.meta.year), str(report.meta.year - 1)))
    assert _messages(report) == without


@pytest.mark.parametrize("fid", FORMATS)
def test_the_statistics_period_of_last_year_is_an_error_on_it(fid: str) -> None:
    report = clean_report(fid)
    year = report.meta.year
    drafted = draft_text(report, OPENING)
    report.set_text(OPENING, drafted.replace(f"自{year}年1月1日起至{year}年", f"自{year - 1}年1月1日起至{year - 1}年"))
    [f] = of(report, "R-YEAR")
    assert f.section == OPENING and f.level.value == "error"
    assert "标题下的“开头说明”中的统计期限" in f.message
    assert part_heading(report.format, f) == "开头说明"


@pytest.mark.parametrize("fid", FORMATS)
def test_placeholder_and_last_years_sentence_are_found_in_it(fid: str) -> None:
    report = clean_report(fid)
    year = report.meta.year
    report.set_text(OPENING, "本报告根据《条例》要求，由XX单位编制。")
    [f] = of(report, "R-PLACEHOLDER")
    assert f.section == OPENING and f.message.startswith("“开头说明”中还有模板的占位文字")
    report.set_text(OPENING, f"{year - 1}年，本机关根据《条例》编制本报告。")
    [f] = of(report, "R-LAST-YEAR-TEXT")
    assert f.section == OPENING and f.message.startswith("“开头说明”写")


@pytest.mark.parametrize("fid", FORMATS)
def test_an_older_project_file_with_source_preface_has_it_as_text(fid: str) -> None:
    report = clean_report(fid)
    data = report.to_dict()
    del data["text"][OPENING]  # written before the opening paragraph was a text
    kept = "本报告根据《条例》编制。统计期限自2024年1月1日起至2024年12月31日止。"
    data["source"] = {"file": "旧.docx", "kind": "docx", "preface": kept}
    loaded = Report.from_dict(data)
    assert loaded.text[OPENING] == kept
    assert loaded.extra["source"] == {"file": "旧.docx", "kind": "docx"}
    assert Report.from_dict(loaded.to_dict()).text == loaded.text
    # a file that already has the text keeps it; the old copy is dropped
    data["text"][OPENING] = "本机关编制。"
    assert Report.from_dict(data).text[OPENING] == "本机关编制。"
    assert "preface" not in Report.from_dict(data).extra["source"]
