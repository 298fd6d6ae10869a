"""`govopen new` and the command's Chinese help and errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from govopen_desktop.cli.main import main
from govopen_desktop.io.project import load_report


def test_new_blank_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "2024.govopen"
    assert main(["new", "--agency", "某街道办事处", "--year", "2024", "-o", str(out)]) == 0
    report = load_report(out)
    assert (report.meta.agency, report.meta.year, report.meta.format) == ("某街道办事处", 2024, "2021")
    assert "30号" in capsys.readouterr().out


def test_new_from_last_year(tmp_path: Path, sample_path: Path) -> None:
    out = tmp_path / "2025.govopen"
    assert main(["new", "--from", str(sample_path), "-o", str(out)]) == 0
    report = load_report(out)
    prior = load_report(sample_path)
    assert report.meta.year == 2025 and report.prior is not None
    for col in ("natural", "commercial", "research", "social", "legal", "other_org", "total"):
        assert report.get(f"t3.carried_in.{col}") == prior.get(f"t3.carried_out.{col}")


def test_new_without_agency_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "--year", "2024", "-o", str(tmp_path / "x.govopen")]) == 2
    assert "--agency" in capsys.readouterr().err


def test_new_into_missing_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["new", "--agency", "甲", "--year", "2024", "-o", str(tmp_path / "no" / "x.govopen")])
    assert code == 2
    assert "无法保存" in capsys.readouterr().err


def test_year_before_the_formats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "--agency", "甲", "--year", "2015", "-o", str(tmp_path / "x.govopen")]) == 2
    assert "没有适用" in capsys.readouterr().err


def test_help_is_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert "用法" in out and "子命令" in out and "usage" not in out

