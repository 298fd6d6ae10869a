"""`govopen export` (placeholder until its issue lands)."""

from __future__ import annotations

import argparse
from typing import Any

from govopen_desktop.cli.common import add_command
from govopen_desktop.domain.errors import GovopenError


def register(sub: Any) -> None:
    add_command(sub, "export", "（尚未实现）", run)


def run(args: argparse.Namespace) -> int:
    raise GovopenError("此功能尚未实现。")
