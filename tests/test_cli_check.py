"""`govopen check`: the JSON shape, the text grouped by level, and the exit codes 0 / 1 / 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from govopen_desktop.cli.main import main
from govopen_desktop.domain.report import Report
from govopen_desktop.io.project import save_report
from tests.test_checks_rules import clean_prior, clean_report

FINDING_KEYS = {"rule", "level", "cells", "section", "message", "suggested", "accepted"}


def _save(report: Report, path: Path) -> Path:
    save_report(report, path)
    return path


def _run_json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict]:
    code = main(["check", *args, "--json"])
    return code, json.loads(capsys.readouterr().out)


def test_clean_report_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _save(clean_report("2021"), tmp_path / "clean.govopen")
    code, payload = _run_json(capsys, str(path))
    assert code == 0
    assert payload == {"findings": [], "errors": 0, "warnings": 0, "accepted": 0,
                       "import_problems": [], "import_problem_count": 0}


def test_errors_exit_1_with_the_documented_shape(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = clean_report("2019")
    report.set_values({"t3.results_total.natural": 0}, force=True)
    report.set_values({"t2.procurement.amount_unit": None})
    code, payload = _run_json(capsys, str(_save(report, tmp_path / "bad.govopen")))
    assert code == 1
    assert set(payload) == {"findings", "errors", "warnings", "accepted", "import_problems", "import_problem_count"}
    assert payload["errors"] == sum(f["level"] == "error" for f in payload["findings"]) >= 2
    for f in payload["findings"]:
        assert set(f) == FINDING_KEYS
        assert f["level"] in {"error", "warning", "info"}
        assert isinstance(f["cells"], list) and isinstance(f["message"], str)
    results = next(f for f in payload["findings"] if f["rule"] == "T3-RESULTS")
    assert results["suggested"] == {"t3.results_total.natural": 2}
    assert results["section"] == "t3"
    levels = [f["level"] for f in payload["findings"]]
    assert levels == sorted(levels, key=["error", "warning", "info"].index)


def test_warnings_alone_exit_0_and_prior_is_used(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = clean_report("2021")
    prior = clean_prior(report)
    prior.set_values({"t3.new.other_org": 4, "t3.carried_out.other_org": 4})
    this = _save(report, tmp_path / "2024.govopen")
    last = _save(prior, tmp_path / "2023.govopen")
    code, payload = _run_json(capsys, str(this), "--prior", str(last))
    assert code == 0 and payload["errors"] == 0 and payload["warnings"] == 1
    [carry] = payload["findings"]
    assert carry["rule"] == "T3-CARRY" and carry["suggested"]["t3.carried_in.other_org"] == 4


def test_text_output_groups_by_level(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = clean_report("2021")
    report.set_values({"t3.results_total.natural": 0}, force=True)
    report.text["other"] = "无。"
    assert main(["check", str(_save(report, tmp_path / "r.govopen"))]) == 1
    out = capsys.readouterr().out
    assert out.index("错误（") < out.index("警告（")
    assert "[T3-RESULTS]" in out and "[R-FEE-STATEMENT]" in out


def test_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(tmp_path / "nowhere.govopen"), "--json"]) == 2
    captured = capsys.readouterr()
    assert "nowhere.govopen" in captured.err and captured.out == ""


def test_corrupt_json_exits_2_without_traceback(tmp_path: Path) -> None:
    path = tmp_path / "broken.govopen"
    path.write_text('{"schema": "govopen-report/1", "meta": {"agency": "某局", "year": 2024},\n  "cells": {', "utf-8")
    done = subprocess.run([sys.executable, "-m", "govopen_desktop.cli.main", "check", str(path), "--json"],
                          capture_output=True, text=True, encoding="utf-8", timeout=60)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and "broken.govopen" in done.stderr
    assert done.stdout == ""


def test_unusable_prior_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    this = _save(clean_report("2021"), tmp_path / "2024.govopen")
    assert main(["check", str(this), "--prior", str(tmp_path / "missing.govopen")]) == 2
    assert "missing.govopen" in capsys.readouterr().err
