"""Issue 11, inputs: one bounded project loader for every command, regular files only.

Each crafted file of the issue goes through import, check, export and new in a fresh child
process: a Chinese message naming the file (or a result), never an internal error, within
2 s and 200 MB."""

from __future__ import annotations

import json
import os
import sys
import threading
from decimal import Decimal
from pathlib import Path

import pytest

from govopen_desktop.cli.main import main
from govopen_desktop.io.importers import ImportFailed, import_file
from govopen_desktop.io.open_any import open_any
from govopen_desktop.io.project import (
    MAX_DEPTH,
    ProjectFileError,
    load_report,
    loads_bounded,
    nesting_ok,
    read_project,
    save_report,
)
from tests.conftest import REPO
from tests.reliability_tools import MEMORY_LIMIT_MB, TIME_LIMIT, assert_plain_chinese, run_child

SAMPLE = REPO / "resources" / "sample" / "sample-2024.govopen"


def _sample() -> dict[str, object]:
    data: dict[str, object] = json.loads(SAMPLE.read_text(encoding="utf-8"))
    return data


def _with_cell(key: str, literal: str) -> str:
    text = SAMPLE.read_text(encoding="utf-8")
    start = text.index(f'"{key}": ') + len(f'"{key}": ')
    end = text.index(",", start)
    return text[:start] + literal + text[end:]


def _deep_prior(depth: int) -> str:
    """A report whose prior has a prior … `depth` times (each a small valid report)."""
    level = '{"schema": "govopen-report/1", "meta": {"agency": "某局", "year": 2024}'
    return (level + ', "prior": ') * depth + level + "}" + "}" * depth


CRAFTED: dict[str, object] = {
    "huge-exponent.govopen": lambda: _with_cell("t2.fees.amount", "1e-400000000"),
    "huge-exponent-up.govopen": lambda: _with_cell("t2.fees.amount", "1E+999999999"),
    "5000-digits.govopen": lambda: _with_cell("t3.new.natural", "9" * 5000),
    "20000-digits.govopen": lambda: _with_cell("t3.new.natural", "9" * 20_000),
    "5000-digit-year.govopen": lambda: SAMPLE.read_text(encoding="utf-8").replace(
        '"year": 2024', '"year": ' + "2" * 5000, 1),
    "nan.govopen": lambda: _with_cell("t3.new.natural", "NaN"),
    "deep-prior.govopen": lambda: _deep_prior(3000),
    "deep-list.govopen": lambda: '{"schema": "govopen-report/1", "x": ' + "[" * 100_000 + "]" * 100_000 + "}",
    "unclosed-list.govopen": lambda: '{"schema": "govopen-report/1", "x": ' + "[" * 100_000,
    "deep-list.json": lambda: '{"schema": "govopen-report/1", "x": ' + "[" * 100_000 + "]" * 100_000 + "}",
}


@pytest.fixture(scope="module")
def crafted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("crafted-projects")
    for name, make in CRAFTED.items():
        (folder / name).write_text(make(), encoding="utf-8")  # type: ignore[operator]
    return folder


@pytest.mark.parametrize("name", list(CRAFTED))
def test_crafted_project_in_process_is_refused_or_read_with_a_message(name: str, crafted: Path) -> None:
    try:
        opened = open_any(crafted / name)
    except (ProjectFileError, ImportFailed) as exc:
        assert_plain_chinese(str(exc), name)
        return
    # a loader that keeps an absurd number as published text lets the checker report it
    from govopen_desktop.domain.checks import check

    assert check(opened.report) is not None


@pytest.mark.skipif(sys.platform == "win32", reason="resource.getrusage is POSIX only")
@pytest.mark.parametrize("command", ["import", "check", "export", "new"])
@pytest.mark.parametrize("name", ["huge-exponent.govopen", "5000-digits.govopen", "20000-digits.govopen",
                                  "deep-prior.govopen", "deep-list.govopen"])
def test_every_command_answers_within_2s_and_200mb(command: str, name: str, crafted: Path, tmp_path: Path) -> None:
    path = str(crafted / name)
    args = {
        "import": ["import", path, "--json"],
        "check": ["check", path],
        "export": ["export", path, "--docx", str(tmp_path / "out.docx")],
        "new": ["new", "--from", path, "-o", str(tmp_path / "next.govopen")],
    }[command]
    run = run_child(args, tmp_path / "data")
    assert run.seconds < TIME_LIMIT, run
    assert run.peak_mb < MEMORY_LIMIT_MB, run
    assert "内部错误" not in run.stderr
    if run.code == 2:
        assert run.stderr.startswith("错误：")
        assert_plain_chinese(run.stderr, name)


def test_limits_are_said_in_the_message(crafted: Path) -> None:
    with pytest.raises(ProjectFileError, match="20000 位的数字") as info:
        load_report(crafted / "20000-digits.govopen")
    assert info.value.path == crafted / "20000-digits.govopen"
    with pytest.raises(ProjectFileError, match=f"嵌套超过 {MAX_DEPTH} 层"):
        load_report(crafted / "deep-prior.govopen")
    with pytest.raises(ProjectFileError, match="嵌套"):
        load_report(crafted / "deep-list.govopen")
    with pytest.raises(ProjectFileError, match=r"嵌套|不完整"):
        load_report(crafted / "unclosed-list.govopen")
    with pytest.raises(ProjectFileError, match="年度") as info:
        load_report(crafted / "5000-digit-year.govopen")
    assert "共 5000 位" in str(info.value) and len(str(info.value)) < 300


def test_a_deep_json_that_names_the_schema_is_a_project_with_a_message(crafted: Path) -> None:
    """Not a .govopen by name, but it says it is one: the project loader explains."""
    with pytest.raises(ProjectFileError, match="嵌套"):
        import_file(crafted / "deep-list.json")


def test_absurd_exponent_is_not_expanded() -> None:
    """The literal is kept as written (for the cell reader to judge), never a Decimal whose
    plain notation has 400 million digits."""
    payload = loads_bounded('{"a": 1e-400000000, "b": 0.1200, "c": 12, "d": Infinity, "e": ' + "9" * 5000 + "}")
    assert payload["a"] == "1e-400000000"
    assert str(payload["b"]) == "0.1200"
    assert payload["c"] == 12
    assert payload["d"] == "Infinity"
    assert payload["e"] == Decimal("9" * 5000)  # no int(): the cell reader says it is too large


def test_nesting_check_is_exact_enough() -> None:
    assert nesting_ok("[" * 60 + "]" * 60)
    assert not nesting_ok("[" * 200 + "]" * 200)
    assert not nesting_ok("[" * 100_000)
    assert nesting_ok('{"a": "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["}')  # in a string
    assert nesting_ok('{"a": "\\"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["}')
    assert nesting_ok('{"a": [1, {"b": [2]}], "c": {"d": []}}')


def test_project_saved_with_sorted_keys_is_a_project_for_every_command(tmp_path: Path) -> None:
    """`schema` far from the start (keys sorted, a long agency name first): import accepts it
    too, whatever the file is called."""
    data = _sample()
    data["meta"]["agency"] = "青山市" + "很长的机关名称" * 200  # type: ignore[index]
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2)
    assert text.index('"schema"') > 400
    for name in ("sorted.govopen", "sorted.json", "sorted.txt"):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        result = import_file(path)
        assert result.project and result.problems == []
        assert result.report.cells == load_report(SAMPLE).cells
        assert main(["import", str(path), "--json"]) == 0
        assert main(["check", str(path)]) == 0
        assert open_any(path).imported is False


def test_json_that_is_no_project_goes_to_the_importer(tmp_path: Path) -> None:
    path = tmp_path / "别的数据.json"
    path.write_text('{"name": "会议", "items": [1, 2]}', encoding="utf-8")
    assert read_project(path) is None
    with pytest.raises(ImportFailed, match=r"别的数据\.json"):
        import_file(path)


def test_truncated_project_offers_the_backup(tmp_path: Path) -> None:
    path = tmp_path / "报告.govopen"
    save_report(load_report(SAMPLE), path)
    save_report(load_report(SAMPLE), path)
    path.write_bytes(path.read_bytes()[:500])
    with pytest.raises(ProjectFileError, match="已损坏或不完整") as info:
        import_file(path)
    assert info.value.backup == tmp_path / "报告.govopen.bak"


# ---- regular files only --------------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
@pytest.mark.parametrize("command", ["check", "import", "export", "new"])
def test_fifo_is_refused_at_once(command: str, tmp_path: Path) -> None:
    fifo = tmp_path / "管道.govopen"
    os.mkfifo(fifo)
    args = {
        "check": ["check", str(fifo)],
        "import": ["import", str(fifo)],
        "export": ["export", str(fifo), "--docx", str(tmp_path / "x.docx")],
        "new": ["new", "--from", str(fifo), "-o", str(tmp_path / "n.govopen")],
    }[command]
    unblock = threading.Timer(8, _unblock, (fifo,))  # should the refusal ever open it
    unblock.start()
    try:
        run = run_child(args, tmp_path / "data", timeout=30)
    finally:
        unblock.cancel()
    assert run.code == 2 and run.seconds < TIME_LIMIT, run
    assert "管道" in run.stderr, run.stderr
    assert "管道.govopen" in run.stderr


def _unblock(fifo: Path) -> None:
    """Open the FIFO's other end, so a reader that wrongly waits on it gets going again."""
    try:
        fd = os.open(fifo, os.O_RDWR)
    except OSError:
        return
    os.close(fd)


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="no /dev/null")
def test_device_and_folder_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ImportFailed, match="设备"):
        import_file(Path("/dev/null"))
    folder = tmp_path / "文件夹.govopen"
    folder.mkdir()
    with pytest.raises(ProjectFileError, match="文件夹"):
        load_report(folder)
    with pytest.raises(ImportFailed, match="文件夹"):
        import_file(folder)


@pytest.mark.parametrize("fmt", ["x" * 100_000, "../../pyproject", "/etc/passwd", "2021/../2021"])
def test_format_id_from_a_file_is_never_a_path(fmt: str, tmp_path: Path) -> None:
    """meta.format names a format description; a long or path-like id is an unknown format
    (it was an OS error on a 100,000-character file name, found by the fuzz test)."""
    data = _sample()
    data["meta"]["format"] = fmt  # type: ignore[index]
    folder = tmp_path / ("很长的文件夹名" * 12)
    folder.mkdir()
    path = folder / "格式.govopen"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ProjectFileError, match="未知的报告格式") as info:
        load_report(path)
    assert len(str(info.value)) < 400 and f"“{path}”" in str(info.value)


def test_unwritable_characters_from_a_project_never_break_export_or_save(tmp_path: Path) -> None:
    """JSON can escape a lone surrogate (\\ud800) or a NUL into a text; no encoding can write
    the one and XML cannot hold the other: the loader replaces and drops them, so export and
    save work (a lone surrogate in the text was an internal error in export)."""
    data = _sample()
    data["text"]["overview"] = "前\u0000中\ud800后\x0b"  # type: ignore[index]
    data["meta"]["agency"] = "某\x01局"  # type: ignore[index]
    path = tmp_path / "控制字符.govopen"
    path.write_text(json.dumps(data, ensure_ascii=True), encoding="utf-8")
    report = load_report(path)
    assert report.text["overview"] == "前中\ufffd后" and report.meta.agency == "某局"
    assert main(["export", str(path), "--docx", str(tmp_path / "a.docx"), "--xlsx", str(tmp_path / "a.xlsx")]) == 0
    assert main(["new", "--from", str(path), "-o", str(tmp_path / "b.govopen")]) == 0
    save_report(report, tmp_path / "c.govopen")


def test_import_json_of_a_project_with_a_published_value(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A published (invalid) cell is written by `import --json` in the project file's shape
    (it was a TypeError, an internal error, found by the fuzz test after merging checker)."""
    path = tmp_path / "负数.govopen"
    path.write_text(_with_cell("t3.new.natural", '{"published": "-5"}'), encoding="utf-8")
    assert main(["import", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["cells"]["t3.new.natural"] == {"published": "-5"}
