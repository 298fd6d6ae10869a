"""`govopen gui [FILE] [--screenshot OUT.png]`: the desktop window. Qt is imported only here,
inside run(), so the other subcommands start without it."""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import shutil
import subprocess
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
    if args.screenshot is None:
        problem = xcb_problem()
        if problem:
            raise GovopenError(problem)
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


# What Qt's X11 plugin (libqxcb.so) needs beyond a bare system, and the Debian/Ubuntu package of
# each: a fresh desktop install often lacks the first few, and Qt then aborts with an English
# "could not load the Qt platform plugin "xcb"".
XCB_PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-glx.so.0": "libxcb-glx0",
    "libxcb.so.1": "libxcb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libSM.so.6": "libsm6",
    "libICE.so.6": "libice6",
}
_NOT_FOUND = re.compile(r"^\s*(\S+)\s*=>\s*not found", re.MULTILINE)


def xcb_plugin() -> Path | None:
    """PySide6's X11 platform plugin, found without importing Qt."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        plugin = Path(folder) / "Qt" / "plugins" / "platforms" / "libqxcb.so"
        if plugin.is_file():
            return plugin
    return None


def missing_libraries(ldd_output: str) -> list[str]:
    return sorted(set(_NOT_FOUND.findall(ldd_output)))


def package_for(library: str) -> str:
    """The Debian/Ubuntu package of a shared library: the known ones, else the usual naming."""
    if library in XCB_PACKAGES:
        return XCB_PACKAGES[library]
    stem, _, version = library.partition(".so.")
    name = stem.lower().replace("_", "-")
    return f"{name}-{version}" if name[-1:].isdigit() else f"{name}{version}"


def xcb_problem(plugin: Path | None = None) -> str | None:
    """On Linux with an X11 display: the Chinese explanation of why Qt's xcb plugin cannot load
    (the missing system libraries and the command that installs them), or None. Asks `ldd`,
    which takes a few milliseconds; says nothing when it cannot tell."""
    if not sys.platform.startswith("linux") or not os.environ.get("DISPLAY"):
        return None
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith("xcb"):
        return None
    plugin = plugin or xcb_plugin()
    ldd = shutil.which("ldd")
    if plugin is None or ldd is None:
        return None
    try:
        result = subprocess.run([ldd, str(plugin)], capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    missing = missing_libraries(result.stdout)
    if not missing:
        return None
    packages = sorted({package_for(lib) for lib in missing})
    return (
        "无法打开窗口：本机缺少图形界面（Qt 的 X11 插件）所需的系统库："
        + "、".join(missing)
        + "。\n请运行以下命令安装后重试：\n  sudo apt-get install -y "
        + " ".join(packages)
        + "\n（不打开窗口的子命令，如 govopen check、govopen export，不受影响。）"
    )
