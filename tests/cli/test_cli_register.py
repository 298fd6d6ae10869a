"""`govopen register`: the template, a register counted into a new or an existing report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from govopen_desktop.cli.main import main
from govopen_desktop.io.project import load_report
from tests.support.registers import D, fill_template


def _register(tmp_path: Path) -> Path:
    return fill_template(tmp_path / "台账.xlsx", 2025, [
        (D(2025, 3, 4), "自然人", D(2025, 3, 10), "予以公开"),
        (D(2025, 3, 5), "自然人", D(2025, 3, 10), None),  # answered, no result: not counted
    ], cases=[("未经复议直接起诉", D(2025, 5, 1), "尚未审结", None)])


def test_template_command_writes_the_years_template(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "模板.xlsx"
    assert main(["register", "--template", str(out), "--year", "2025"]) == 0
    assert out.is_file() and "模板.xlsx" in capsys.readouterr().out


def test_json_output_lists_cells_problems_and_findings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["register", str(_register(tmp_path)), "--year", "2025", "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["cells"]["t3.new.natural"] == 1 and data["cells"]["t3.granted.total"] == 1
    assert data["cells"]["t4.suit_direct.pending"] == 1 and data["cells"]["t4.suit_direct.total"] == 1
    assert [p["rows"] for p in data["problems"]] == [[3]] and data["problems"][0]["code"] == "REG-RESULT"
    assert data["register"]["file"] == "台账.xlsx" and len(data["register"]["sha256"]) == 64


def test_into_an_existing_report_and_saved(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = tmp_path / "报告.govopen"
    assert main(["new", "--agency", "测试局", "--year", "2025", "-o", str(base)]) == 0
    out = tmp_path / "填好.govopen"
    assert main(["register", str(_register(tmp_path)), "--into", str(base), "-o", str(out)]) == 1
    printed = capsys.readouterr()
    assert "一、本年新收政府信息公开申请数量\t1\t0" in printed.out and "第 3 行" in printed.err
    report = load_report(out)
    assert report.meta.agency == "测试局" and report.get("t3.new.natural") == 1
    assert report.extra["register"]["counted"]["t3.new.natural"] == 1
    assert main(["register", str(_register(tmp_path)), "--into", str(base), "--year", "2024"]) == 2


def test_unusable_input_exits_2_with_a_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["register", str(tmp_path / "没有.xlsx"), "--year", "2025"]) == 2
    assert "没有.xlsx" in capsys.readouterr().err
    assert main(["register", str(_register(tmp_path))]) == 2
