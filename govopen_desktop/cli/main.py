"""The `govopen` command: the GUI's every action, headless, on the same domain.

Only the subcommand that runs is imported (its readers, the checker, Qt): `govopen --version`
and `govopen --help` load none of them. A new subcommand is a `cmd_x.py` module with
`register(sub)` and one line in COMMANDS.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

from govopen_desktop import __version__
from govopen_desktop.cli.common import ChineseArgumentParser, ChineseHelpFormatter, new_parser, run_guarded


class Command:
    """A subcommand: its name, its module in govopen_desktop.cli (whose register(sub) adds its
    parser), and its help line, shown by `govopen --help` without importing the module (a test
    keeps it equal to the module's own). A plain class: typing.NamedTuple costs 2 ms to import."""

    __slots__ = ("help", "module", "name")

    def __init__(self, name: str, module: str, help: str) -> None:
        self.name, self.module, self.help = name, module, help


COMMANDS = (
    Command("new", "cmd_new", "新建年度报告（空白，或从上年报告开始）"),
    Command("check", "cmd_check", "按官方格式和规则检查年度报告（可一次检查多份）"),
    Command("import", "cmd_import", "导入年度报告（Excel、Word、PDF、网页、文本或本程序的文件）"),
    Command("export", "cmd_export", "导出 Word（官方版式）、Excel、网页或 PDF，或生成空白 Excel 报表"),
    Command("combine", "cmd_combine", "汇总各单位的年度报告，得出本级政府的表二、表三、表四"),
    Command("gui", "cmd_gui", "打开图形界面（不带子命令运行 govopen 时的默认操作）"),
    Command("register", "cmd_register", "从台账统计表三、表四；或生成空白台账模板"),
)
DEFAULT = "gui"


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The whole parser; only `command`'s module is imported (all of them when None)."""
    parser = new_parser(
        "govopen",
        description=(
            "政府信息公开工作年度报告编制工具。不带参数运行时打开图形界面；"
            "以下子命令可在命令行中完成同样的工作。"
        ),
        epilog="示例：govopen check 本单位2024年报.govopen --prior 本单位2023年报.govopen\n"
               "      govopen 本单位2024年报.govopen      （打开图形界面编辑该报告）",
    )
    parser.add_argument("--version", action="version", version=f"govopen {__version__}",
                        help="显示版本号并退出")
    sub = parser.add_subparsers(dest="command", title="子命令", metavar="子命令",
                                parser_class=ChineseArgumentParser)
    for cmd in COMMANDS:
        if command is None or cmd.name == command:
            load(cmd).register(sub)
        else:  # listed in --help; never parsed, since argv names another command
            sub.add_parser(cmd.name, help=cmd.help, add_help=False)
    return parser


def load(cmd: Command) -> ModuleType:
    return importlib.import_module(f"govopen_desktop.cli.{cmd.module}")


def command_of(args: list[str]) -> str | None:
    """The subcommand argv names: its first word that is not an option."""
    return next((a for a in args if not a.startswith("-")), None)


def with_default_command(args: list[str]) -> list[str]:
    """`govopen` alone and `govopen FILE` open the window, as `govopen gui [FILE]`."""
    names = {cmd.name for cmd in COMMANDS}
    first = command_of(args)
    if first is None:
        return args if args else [DEFAULT]
    if first not in names and _looks_like_a_file(first):
        return [DEFAULT, *args]
    return args


def _looks_like_a_file(word: str) -> bool:
    path = Path(word)
    return path.exists() or bool(path.suffix) or len(path.parts) > 1


def main(argv: Sequence[str] | None = None) -> int:
    args_list = with_default_command(list(sys.argv[1:] if argv is None else argv))
    _utf8_stdio()
    command = command_of(args_list)
    known = {cmd.name for cmd in COMMANDS}
    parser = build_parser(command if command in known else "")
    args = parser.parse_args(args_list)
    return run_guarded(lambda: int(args.handler(args)))


def _utf8_stdio() -> None:
    """Chinese output on a Windows console or a pipe with another default encoding."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(encoding="utf-8", errors="replace")


__all__ = ["COMMANDS", "ChineseHelpFormatter", "Command", "build_parser", "main"]

if __name__ == "__main__":
    raise SystemExit(main())
