"""Checking a report about to be published: rules with a `final_level` take it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from govopen_desktop.cli.main import main
from govopen_desktop.domain.checks import check
from govopen_desktop.domain.findings import Level
from govopen_desktop.domain.formats import load_format
from govopen_desktop.io.project import save_report
from tests.test_checks_rules import clean_report


@pytest.mark.parametrize("fid", ["2019", "2021"])
def test_an_empty_cell_is_a_warning_while_drafting_and_an_error_when_final(fid: str) -> None:
    report = clean_report(fid)
    report.set_values({"t3.denied_law.research": None, "t4.suit_direct.other": None})
    drafting = {f.rule: f.level for f in check(report)}
    final = {f.rule: f.level for f in check(report, final=True)}
    assert drafting == {"T3-BLANK": Level.WARNING, "T4-BLANK": Level.WARNING}
    assert final == {"T3-BLANK": Level.ERROR, "T4-BLANK": Level.ERROR}


def test_final_changes_only_the_rules_that_say_so() -> None:
    fmt = load_format("2021")
    with_final = {r.id for r in fmt.rules if r.params.get("final_level")}
    assert with_final == {"T2-BLANK", "T3-BLANK", "T4-BLANK", "R-DATE-MISSING", "R-PLACEHOLDER"}
    report = clean_report("2021")
    report.set_values({"t2.coercion.decisions": None}, force=True)
    report.set_meta(date="2025-03-20")  # a late date stays a warning either way
    final = {f.rule: f.level for f in check(report, final=True)}
    assert final["T2-BLANK"] == Level.ERROR
    assert final["R-DEADLINE"] == Level.WARNING


def test_check_final_on_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = clean_report("2021")
    report.set_values({"t3.new.legal": None})
    path = tmp_path / "r.govopen"
    save_report(report, path)
    assert main(["check", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["warnings"] >= 1
    assert main(["check", str(path), "--json", "--final"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert out["errors"] >= 1 and {f["rule"] for f in out["findings"] if f["level"] == "error"} == {"T3-BLANK"}
