"""说明 (explain-and-accept) below the window: the key, the project file, the checker, the
CLI and the 审核说明 Word document read back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from govopen_desktop.cli.main import main
from govopen_desktop.domain.checks import check
from govopen_desktop.domain.errors import GovopenError
from govopen_desktop.domain.findings import Level, count_levels, finding_key
from govopen_desktop.domain.report import Report
from govopen_desktop.io.project import load_report, report_from_json, report_to_json, save_report
from tests.support.acceptance import NOTE, report_with_warning
from tests.support.gui import sample_report


def blank_warning(report: Report):  # type: ignore[no-untyped-def]
    return next(f for f in check(report) if f.rule == "T3-BLANK" and f.level == Level.WARNING)


def test_finding_key_is_rule_and_cells_or_section() -> None:
    report = report_with_warning()
    warning = blank_warning(report)
    assert finding_key(warning) == "T3-BLANK|t3.new.research"
    section_finding = next(f for f in check(Report.new("某机关", 2024)) if not f.cells and f.section)
    assert finding_key(section_finding) == f"{section_finding.rule}|{section_finding.section}"


def test_an_accepted_warning_is_marked_and_no_longer_counts() -> None:
    report = report_with_warning()
    before = count_levels(check(report))[Level.WARNING]
    report.set_acceptance(finding_key(blank_warning(report)), NOTE)
    findings = check(report)
    accepted = [f for f in findings if f.accepted]
    assert [(f.rule, f.accepted) for f in accepted] == [("T3-BLANK", NOTE)]
    assert count_levels(findings)[Level.WARNING] == before - 1
    report.set_acceptance(finding_key(accepted[0]), None)
    assert not any(f.accepted for f in check(report)) and not report.acceptances


def test_an_error_stays_open_even_with_a_stored_note() -> None:
    report = sample_report()
    report.set_values({"t3.results_total.natural": 999}, force=True)
    error = next(f for f in check(report) if f.level == Level.ERROR)
    report.acceptances[finding_key(error)] = "想说明一个错误"
    again = next(f for f in check(report) if finding_key(f) == finding_key(error))
    assert again.accepted is None and again.level == Level.ERROR
    assert count_levels(check(report))[Level.ERROR] >= 1


def test_the_note_is_saved_as_accepted_and_reopened(tmp_path: Path) -> None:
    report = report_with_warning()
    report.set_acceptance("T3-BLANK|t3.new.research", NOTE)
    path = tmp_path / "年报.govopen"
    save_report(report, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["accepted"] == {"T3-BLANK|t3.new.research": NOTE}
    reopened = load_report(path)
    assert reopened.acceptances == {"T3-BLANK|t3.new.research": NOTE}
    assert "accepted" not in reopened.extra
    assert [f.accepted for f in check(reopened) if f.accepted] == [NOTE]
    assert "accepted" not in json.loads(report_to_json(sample_report()))  # no empty key in files


def test_a_malformed_accepted_entry_is_refused_in_chinese() -> None:
    data = json.loads(report_to_json(sample_report()))
    data["accepted"] = ["不是对象"]
    with pytest.raises(GovopenError, match="accepted"):
        report_from_json(json.dumps(data, ensure_ascii=False))


def test_govopen_check_prints_accepted_findings_with_their_note(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    report = report_with_warning()
    open_warnings = count_levels(check(report))[Level.WARNING]
    report.set_acceptance("T3-BLANK|t3.new.research", NOTE)
    path = tmp_path / "年报.govopen"
    save_report(report, path)

    assert main(["check", str(path)]) == 0
    out = capsys.readouterr().out
    assert "已说明（1）" in out and f"说明：{NOTE}" in out
    assert f"{open_warnings - 1} 个警告" in out and "另有 1 个已说明" in out
    warnings_block = out.split("已说明（1）")[0]
    assert "T3-BLANK" not in warnings_block  # listed once, as accepted, not as an open warning

    assert main(["check", str(path), "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["accepted"] == 1 and payload["warnings"] == open_warnings - 1
    accepted = [f for f in payload["findings"] if f["accepted"]]
    assert [(f["rule"], f["accepted"]) for f in accepted] == [("T3-BLANK", NOTE)]

    other = tmp_path / "另一份.govopen"
    save_report(report_with_warning(), other)
    main(["check", str(path), str(other), "--summary"])
    rows = [line.split("\t") for line in capsys.readouterr().out.splitlines() if line.endswith(".govopen")]
    warnings = {Path(r[-1]).name: int(r[1]) for r in rows}
    assert warnings == {"年报.govopen": open_warnings - 1, "另一份.govopen": open_warnings}


def test_review_notes_docx_lists_each_note(tmp_path: Path) -> None:
    import docx

    from govopen_desktop.io.exporters.review_notes_docx import export_review_notes

    report = report_with_warning()
    report.set_acceptance("T3-BLANK|t3.new.research", NOTE)
    accepted = [f for f in check(report) if f.accepted]
    target = tmp_path / "审核说明.docx"
    export_review_notes(report, accepted, target)
    document = docx.Document(str(target))
    paragraphs = [p.text for p in document.paragraphs]
    assert paragraphs[0] == f"{report.meta.agency}{report.meta.year}年政府信息公开工作年度报告审核说明"
    assert document.paragraphs[0].style.name == "Title"
    (table,) = document.tables
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows[0] == ["序号", "问题", "所在部分", "说明"]
    assert rows[1][0] == "1" and rows[1][1] == accepted[0].message and rows[1][3] == NOTE
    assert rows[1][2].startswith("三、")  # the heading of table 3's section
    assert len(rows) == 2
    assert report.meta.agency in paragraphs[-1]
