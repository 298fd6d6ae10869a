"""The `govopen` command: the GUI's every action, headless, on the same domain."""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Sequence

from govopen_desktop import __version__
from govopen_desktop.cli import cmd_check, cmd_combine, cmd_export, cmd_gui, cmd_import, cmd_new, cmd_register
from govopen_desktop.cli.common import ChineseHelpFormatter, new_parser, run_guarded

COMMANDS = (cmd_new, cmd_check, cmd_import, cmd_export, cmd_combine, cmd_gui, cmd_register)


def build_parser() -> argparse.ArgumentParser:
    parser = new_parser(
        "govopen",
        description=(
            "政府信息公开工作年度报告编制工具。不带参数运行时打开图形界面；"
            "以下子命令可在命令行中完成同样的工作。"
        ),
        epilog="示例：govopen check 本单位2024年报.govopen --prior 本单位2023年报.govopen",
    )
    parser.add_argument("--version", action="version", version=f"govopen {__version__}",
                        help="显示版本号并退出")
    sub = parser.add_subparsers(dest="command", title="子命令", metavar="子命令",
                                parser_class=argparse.ArgumentParser)
    for module in COMMANDS:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    _utf8_stdio()
    if not args_list:
        args_list = ["gui"]
    parser = build_parser()
    args = parser.parse_args(args_list)
    return run_guarded(lambda: int(args.handler(args)))


def _utf8_stdio() -> None:
    """Chinese output on a Windows console or a pipe with another default encoding."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(encoding="utf-8", errors="replace")


__all__ = ["ChineseHelpFormatter", "build_parser", "main"]

if __name__ == "__main__":
    raise SystemExit(main())
