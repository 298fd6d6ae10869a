"""`govopen check` over many reports at once: per-report results, a summary, one exit status."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from govopen_desktop.cli.main import main
from govopen_desktop.io.project import save_report
from tests.support.clean_reports import clean_report
from tests.support.import_builders import write_compilation
from tests.support.paths import REPO


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


def _many(tmp_path: Path, n: int) -> list[str]:
    """n project files, every third with an error, one unreadable file in the middle."""
    paths = []
    for i in range(n):
        report = clean_report("2021", agency=f"第{i}局")
        if i % 3 == 0:
            report.set_values({"t3.results_total.natural": 0}, force=True)
        path = tmp_path / f"{i:03d}.govopen"
        save_report(report, path)
        paths.append(str(path))
    bad = tmp_path / "坏文件.docx"
    bad.write_bytes(b"not a document")
    paths.insert(n // 2, str(bad))
    return paths


def _govopen(args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "govopen_desktop.cli.main", *args], capture_output=True,
                          text=True, cwd=REPO, env={**os.environ, "PYTHONIOENCODING": "utf-8"})


@pytest.mark.parametrize("mode", [["--summary"], [], ["--json"]])
def test_a_process_pool_prints_what_one_process_prints(tmp_path: Path, mode: list[str]) -> None:
    paths = _many(tmp_path, 24)
    one = _govopen(["check", *mode, "--jobs", "1", *paths])
    pool = _govopen(["check", *mode, "--jobs", "3", *paths])
    assert pool.returncode == one.returncode == 2
    assert pool.stdout == one.stdout and pool.stderr == one.stderr
    if mode == ["--json"]:  # written one report at a time, the same text as one json.dumps
        payload = json.loads(pool.stdout)
        assert pool.stdout == json.dumps(payload, ensure_ascii=False, indent=1) + "\n"
        assert [r["file"] for r in payload["reports"]] == paths  # input order
        assert payload["unusable"] == 1 and payload["errors"] >= 8
    if mode == ["--summary"]:
        rows = [line.split("\t") for line in pool.stdout.splitlines() if "\t" in line][1:]
        assert [r[-1] for r in rows] == paths  # the file is the last column
        assert "25 份报告：8 份有错误，1 份无法读取。" in pool.stdout


def test_results_stream_in_order_without_keeping_reports(tmp_path: Path) -> None:
    from govopen_desktop.cli.cmd_check import CheckOptions, FileResult, check_all

    paths = [Path(p) for p in _many(tmp_path, 12)]
    results = check_all(paths, CheckOptions(), jobs=2)
    first = next(results)  # the first result arrives before the others are asked for
    assert isinstance(first, FileResult) and first.path == paths[0] and first.format == "2021"
    assert not hasattr(first, "report")
    assert [r.path for r in results] == paths[1:]


def test_progress_line_only_on_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    from govopen_desktop.cli import cmd_check

    paths = _many(tmp_path, 3)
    main(["check", "--summary", *paths])
    assert "已检查" not in capsys.readouterr().err
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    results = list(cmd_check._progress(iter(range(3)), 3))  # type: ignore[arg-type]
    err = capsys.readouterr().err
    assert results == [0, 1, 2]
    assert "已检查 3/3 份" in err and err.endswith("\r")  # erased at the end: nothing left on the line


def test_jobs_must_be_positive(reports: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(reports["clean"]), str(reports["broken"]), "--jobs", "0"]) == 2
    assert "--jobs" in capsys.readouterr().err


def test_a_file_that_kills_its_worker_is_reported_and_the_rest_still_checked(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from govopen_desktop.cli import cmd_check

    paths = [Path(p) for p in _many(tmp_path, 12)]
    killer = paths[5]
    real = cmd_check.check_one

    def dies_on_one(path: Path, options: cmd_check.CheckOptions) -> cmd_check.FileResult:
        if path == killer:
            os._exit(3)  # as a worker killed for memory, or a crash inside a library
        return real(path, options)

    monkeypatch.setattr(cmd_check, "check_one", dies_on_one)  # the forked workers inherit it
    results = list(cmd_check.check_all(paths, cmd_check.CheckOptions(), jobs=2))
    assert [r.path for r in results] == paths  # every file, in order
    assert results[5].unusable is not None and killer.name in results[5].unusable
    assert "意外终止" in results[5].unusable
    others = [r for r in results if r.path != killer]
    assert all(r.unusable is None for r in others if r.path.suffix == ".govopen")


def _compilation(tmp_path: Path) -> Path:
    """Two bodies' reports one after the other in one text file, as a county's 汇编 prints them."""
    second = clean_report("2021", agency="某县民政局")
    second.set_values({"t3.results_total.natural": 0}, force=True)
    return write_compilation(tmp_path / "各部门年报汇编.txt", [clean_report("2021", agency="某县教育局"), second])


def test_every_report_of_a_compilation_is_checked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _compilation(tmp_path)
    code = main(["check", str(path), "--summary"])
    out = capsys.readouterr().out
    rows = [line.split("\t") for line in out.splitlines() if "\t" in line][1:]
    assert [(r[5], r[6]) for r in rows] == [("某县教育局", f"{path}（第1份）"), ("某县民政局", f"{path}（第2份）")]
    assert rows[0][0] == "0" and rows[1][0] != "0"  # the second's own error, not the first's
    assert code == 1 and "2 份报告：1 份有错误" in out


def test_a_compilation_in_json_and_the_findings_workbook(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import openpyxl

    path = _compilation(tmp_path)
    book = tmp_path / "结果.xlsx"
    main(["check", str(path), "--json", "--xlsx", str(book)])
    data = json.loads(capsys.readouterr().out)
    assert [(r["agency"], r["part"]) for r in data["reports"]] == [("某县教育局", 1), ("某县民政局", 2)]
    texts = {str(c.value) for ws in openpyxl.load_workbook(book).worksheets for row in ws.iter_rows() for c in row}
    assert f"{path}（第2份）" in texts or any(t.endswith("各部门年报汇编.txt（第2份）") for t in texts)


def test_a_compilation_of_ten_is_checked_whole_and_a_far_longer_one_refused_with_the_way_out(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ten = write_compilation(tmp_path / "十份.txt", [clean_report("2021", agency=f"某县第{i}局") for i in range(10)])
    main(["check", str(ten), "--summary"])
    rows = [line for line in capsys.readouterr().out.splitlines() if "\t" in line][1:]
    assert [r.split("\t")[5] for r in rows] == [f"某县第{i}局" for i in range(10)]
    forty = write_compilation(tmp_path / "四十份.txt", [clean_report("2021", agency=f"某县第{i}局") for i in range(40)])
    assert main(["check", str(forty)]) != 0
    said = capsys.readouterr()
    assert "汇编或合订" in said.err + said.out and "十份报告以内" in said.err + said.out
