"""R-FORMAT-CITED: a report that says it was written after the other format's document (two
published 2022 town reports: “根据《条例》及《…关于政府信息公开工作年度报告有关事项的通知》
（国办公开办函〔2019〕60号）的要求，编制…2022年度…报告”, their tables the 2021 ones)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.clean_reports import clean_report, of

OLD = "根据《条例》及《关于政府信息公开工作年度报告有关事项的通知》（国办公开办函〔2019〕60号）的要求，编制本报告。"
NEW = "根据《条例》和《关于印发〈年度报告格式〉的通知》（国办公开办函〔2021〕30号）要求编制。"


@pytest.mark.parametrize("where", ["overview", "preface"])
def test_the_old_format_cited_for_a_report_in_the_new_one(where: str) -> None:
    report = clean_report("2021")
    assert not of(report, "R-FORMAT-CITED")
    if where == "preface":
        report.extra["source"] = {"preface": OLD}
    else:
        report.text["overview"] = OLD + "\n" + (report.text["overview"] or "")
    [f] = of(report, "R-FORMAT-CITED")
    assert f.level == "warning" and "国办公开办函〔2019〕60号" in f.message and "〔2021〕30号" in f.message
    assert f.section == ("meta" if where == "preface" else "overview")


def test_the_old_format_cited_in_an_imported_opening_paragraph(tmp_path: Path) -> None:
    """The opening paragraph an import reads into 开头说明 is where the 编制依据 stands."""
    from govopen_desktop.io.importers import import_file
    from govopen_desktop.io.project import load_report
    from tests.support.import_builders import expected_of, write_one_per_line
    from tests.support.paths import SAMPLE

    page = tmp_path / "年报.txt"
    write_one_per_line(expected_of(load_report(SAMPLE)), page)
    title, rest = page.read_text(encoding="utf-8").split("\n", 1)
    page.write_text(f"{title}\n{OLD}\n{rest}", encoding="utf-8")
    imported = import_file(page).report
    assert imported.text["preface"] == OLD
    [f] = of(imported, "R-FORMAT-CITED")
    assert f.section == "preface" and "“开头说明”" in f.message


def test_its_own_format_cited_too_is_no_finding() -> None:
    report = clean_report("2021")
    report.text["overview"] = OLD.replace("的要求，编制本报告。", "和") + NEW + "\n" + (report.text["overview"] or "")
    assert not of(report, "R-FORMAT-CITED")


def test_spaces_and_brackets_as_printed() -> None:
    report = clean_report("2021")
    report.text["overview"] = "按照国办公开办函 [2019] 60号 要求编制。"
    [f] = of(report, "R-FORMAT-CITED")
    assert "国办公开办函〔2019〕60号" in f.message


def test_a_2020_report_citing_the_2019_format_is_right() -> None:
    report = clean_report("2019")
    report.text["overview"] = OLD + "\n" + (report.text["overview"] or "")
    assert not of(report, "R-FORMAT-CITED")


def test_the_old_notice_cited_by_its_title_alone() -> None:
    """编制依据 as 底张街道 2023 wrote it: the 2019 notice's title without its number."""
    report = clean_report("2021")
    old = "根据《条例》及《关于政府信息公开工作年度报告有关事项的通知》的要求，编制本年度报告。"
    report.extra["source"] = {"preface": old}
    [f] = of(report, "R-FORMAT-CITED")
    assert "国办公开办函〔2019〕60号" in f.message
    new = "根据《条例》和《关于印发<中华人民共和国政府信息公开工作年度报告格式>的通知》要求编制。"
    report.extra["source"] = {"preface": new}
    assert not of(report, "R-FORMAT-CITED")
