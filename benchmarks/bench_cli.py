"""Start-up of the command line: `govopen --version` against `python -c pass`, each a fresh
process (the subcommands' modules load only when one runs)."""

from __future__ import annotations

import sys
from pathlib import Path

from benchmarks.common import Row, child_env, interleaved, process_seconds

GOAL = 1.5
RUNS = 21


def rows() -> list[Row]:
    env = child_env()
    script = Path(sys.executable).with_name("govopen")  # the installed command, as a clerk runs it
    version = [str(script), "--version"] if script.exists() else [sys.executable, "-m", "govopen_desktop.cli.main",
                                                                   "--version"]
    bare = [sys.executable, "-c", "pass"]
    now, base = interleaved([lambda: process_seconds(version, env), lambda: process_seconds(bare, env)], RUNS)
    return [Row("govopen --version vs python -c pass", now, base, GOAL, note=f"medians of {RUNS}")]
