"""`govopen gui [FILE] [--screenshot OUT.png]`: the desktop window. Qt is imported only here,
inside run(), so the other subcommands start without it."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from govopen_desktop.cli.common import add_command
from govopen_desktop.domain.errors import GovopenError
from govopen_desktop.domain.formats import navigation

COVER_PAGE = "cover"


def register(sub: Any) -> None:
    p = add_command(sub, "gui", "打开图形界面（不带子命令运行 govopen 时的默认操作）", run)
    p.add_argument("file", nargs="?", metavar="文件", help="要打开的年度报告（.govopen 或任何可导入的文件）")
    p.add_argument("--screenshot", metavar="图片.png", help="打开文件后把主窗口保存为图片并退出（用于文档和检查）")
    sections = (COVER_PAGE, *(page for page, _name in navigation()))  # the pages, as the format files list them
    p.add_argument("--section", choices=sections, metavar="部分", help="先显示的部分：" + "、".join(sections))


def run(args: argparse.Namespace) -> int:
    if args.screenshot is None and not display_available():
        raise GovopenError(
            "没有可用的图形界面（未设置 DISPLAY），无法打开窗口。在服务器或远程终端上请使用子命令，"
            "例如 govopen check、govopen export；运行 govopen --help 查看全部。"
        )
    from govopen_desktop.qt.app import run_gui

    return run_gui(
        Path(args.file) if args.file else None,
        Path(args.screenshot) if args.screenshot else None,
        args.section,
    )


def display_available() -> bool:
    """Qt aborts the process when it finds no screen; Windows and macOS always have one."""
    if not sys.platform.startswith("linux"):
        return True
    return any(os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))
