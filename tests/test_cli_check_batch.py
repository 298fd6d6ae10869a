"""`govopen check` over many reports at once: per-report results, a summary, one exit status."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from govopen_desktop.cli.main import main
from govopen_desktop.io.project import save_report
from tests.test_checks_rules import clean_report


@pytest.fixture
def reports(tmp_path: Path) -> dict[str, Path]:
    clean = clean_report("2021", agency="某市教育局")
    broken = clean_report("2021", agency="某市民政局")
    broken.set_values({"t3.results_total.natural": 0}, force=True)
    paths = {"clean": tmp_path / "教育局.govopen", "broken": tmp_path / "民政局.govopen",
             "unusable": tmp_path / "坏文件.docx"}
    save_report(clean, paths["clean"])
    save_report(broken, paths["broken"])
    paths["unusable"].write_bytes(b"not a document")
    return paths


def test_summary_has_one_line_per_report(reports: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["check", str(reports["clean"]), str(reports["broken"]), "--summary"])
    out = capsys.readouterr().out
    assert code == 1
    lines = [line.split("\t") for line in out.splitlines() if "\t" in line]
    assert lines[0] == ["错误", "警告", "提示", "导入问题", "年度", "机关", "文件"]
    by_agency = {row[5]: row for row in lines[1:]}
    assert by_agency["某市教育局"][3] == "0"  # a project file: nothing the import could not read
    assert by_agency["某市教育局"][0] == "0"
    assert int(by_agency["某市民政局"][0]) >= 1
    assert "2 份报告：1 份有错误，0 份无法读取。" in out
    assert "[T3-RESULTS]" not in out  # --summary leaves the details out


def test_details_for_each_report_then_the_summary(reports: dict[str, Path],
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", str(reports["clean"]), str(reports["broken"])])
    out = capsys.readouterr().out
    assert out.count("==== ") == 2 and "[T3-RESULTS]" in out and "汇总（2 份报告）" in out


def test_an_unusable_file_is_reported_and_the_others_still_checked(
        reports: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["check", str(reports["unusable"]), str(reports["broken"]), "--json"])
    payload = json.loads(capsys.readouterr().out)
    assert code == 2
    unusable, broken = payload["reports"]
    assert unusable["file"].endswith("坏文件.docx") and "坏文件.docx" in unusable["unusable"]
    assert broken["agency"] == "某市民政局" and broken["errors"] >= 1
    assert {f["rule"] for f in broken["findings"]} >= {"T3-RESULTS"}
    assert payload["errors"] == broken["errors"] and payload["unusable"] == 1


def test_all_clean_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths = []
    for i, agency in enumerate(("甲局", "乙局")):
        path = tmp_path / f"{i}.govopen"
        save_report(clean_report("2021", agency=agency), path)
        paths.append(str(path))
    assert main(["check", *paths, "--summary"]) == 0


def test_prior_goes_with_one_report_only(reports: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["check", str(reports["clean"]), str(reports["broken"]), "--prior", str(reports["clean"])])
    assert code == 2 and "--prior" in capsys.readouterr().err
