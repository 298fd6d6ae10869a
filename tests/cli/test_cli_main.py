"""The `govopen` command line itself: subcommands load only when they run, `govopen FILE`
opens the window, argparse speaks Chinese."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from govopen_desktop.cli import cmd_gui
from govopen_desktop.cli.main import COMMANDS, build_parser, main, with_default_command
from tests.support.paths import REPO

HEAVY = ("govopen_desktop.cli.cmd_", "govopen_desktop.io", "govopen_desktop.domain.checks",
         "govopen_desktop.qt", "PySide6", "openpyxl", "docx", "xlrd", "typing")


def loaded_after(argv: list[str]) -> list[str]:
    """The modules a fresh interpreter has loaded after running `govopen ARGV`."""
    code = (
        "import sys, json\n"
        "from govopen_desktop.cli.main import main\n"
        "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
        "sys.stdout.flush()\n"
        "print('\\nMODULES', json.dumps(sorted(sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True, cwd=REPO,
                          check=True)
    line = done.stdout.rsplit("MODULES ", 1)[1]
    return list(json.loads(line))


@pytest.mark.parametrize("argv", [["--version"], ["--help"]])
def test_version_and_help_load_no_subcommand(argv: list[str]) -> None:
    heavy = [m for m in loaded_after(argv) if m.startswith(HEAVY)]
    assert heavy == []


def test_a_subcommand_loads_only_its_own_module(tmp_path: Path) -> None:
    out = tmp_path / "r.govopen"
    modules = loaded_after(["new", "--year", "2024", "--agency", "某局", "-o", str(out)])
    assert out.exists()
    commands = [m for m in modules if m.startswith("govopen_desktop.cli.cmd_")]
    assert commands == ["govopen_desktop.cli.cmd_new"]
    assert not [m for m in modules if m.startswith(("PySide6", "openpyxl", "docx", "xlrd"))]


def test_the_listed_help_is_each_modules_own() -> None:
    parser = build_parser()  # every module registered
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    registered = {a.dest: a.help for a in sub._choices_actions}
    assert registered == {cmd.name: cmd.help for cmd in COMMANDS}


def test_help_lists_every_command_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert out.startswith("用法：govopen")
    for cmd in COMMANDS:
        assert cmd.name in out and cmd.help in out


def test_a_file_alone_opens_it_in_the_window(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "本单位2024年报.govopen"
    path.write_text("{}", encoding="utf-8")
    seen: list[argparse.Namespace] = []
    monkeypatch.setattr(cmd_gui, "run", lambda args: seen.append(args) or 0)
    assert main([str(path)]) == 0
    assert seen[0].command == "gui" and seen[0].file == str(path)
    assert main([str(path), "--section", "t3"]) == 0
    assert seen[1].section == "t3"


def test_default_command() -> None:
    assert with_default_command([]) == ["gui"]
    assert with_default_command(["年报.docx"]) == ["gui", "年报.docx"]
    assert with_default_command(["check", "a.docx"]) == ["check", "a.docx"]
    assert with_default_command(["--version"]) == ["--version"]
    assert with_default_command(["chek"]) == ["chek"]  # a mistyped command stays an error, not a file


@pytest.mark.parametrize(("argv", "message"), [
    (["chek", "a"], "govopen：错误：参数 子命令：无效的选项 'chek'（可选：'new', 'check'"),
    (["check"], "govopen check：错误：缺少必需的参数：文件"),
    (["check", "a.govopen", "--bogus"], "govopen：错误：无法识别的参数：--bogus"),
    (["new", "--year", "abc", "-o", "x.govopen"], "govopen new：错误：参数 --year：'abc' 不是整数"),
    (["gui", "--section", "t9"], "govopen gui：错误：参数 --section：无效的选项 't9'（可选：'cover'"),
    (["check", "a.govopen", "--prior"], "govopen check：错误：参数 --prior：需要一个参数值"),
])
def test_argparse_messages_in_chinese(argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    err = capsys.readouterr().err
    assert exit_info.value.code == 2
    assert err.startswith("用法：govopen")
    assert message in err
    for english in ("usage:", "error:", "invalid choice", "required", "argument", "expected", "unrecognized"):
        assert english not in err


def test_a_library_warning_goes_to_the_log_not_the_terminal(tmp_path: Path) -> None:
    # a content stream whose zlib checksum is off: pdfminer reads it whole and warns in English
    data = (REPO / "tests" / "data" / "shapes" / "browser-printed-cms-health-2021.pdf").read_bytes()
    start = data.index(b"stream\n", data.index(b"/FlateDecode")) + len(b"stream\n")
    end = len(data[:data.index(b"endstream", start)].rstrip(b"\r\n"))
    damaged = tmp_path / "校验和有误.pdf"
    damaged.write_bytes(data[:end - 1] + bytes([data[end - 1] ^ 0xFF]) + data[end:])
    env = {**os.environ, "GOVOPEN_DATA_DIR": str(tmp_path / "data")}
    code = "import sys\nfrom govopen_desktop.cli.main import main\nsys.exit(main(sys.argv[1:]))"
    done = subprocess.run([sys.executable, "-c", code, "import", str(damaged)],
                          capture_output=True, text=True, env=env, cwd=REPO, timeout=120)
    assert done.returncode in (0, 1), done.stderr
    assert "已导入" in done.stdout + done.stderr
    assert "Data-loss" not in done.stderr and "Data-loss" not in done.stdout
    assert "Data-loss while decompressing" in (tmp_path / "data" / "govopen-cli.log").read_text(encoding="utf-8")
