"""What every benchmark module shares: the Row it reports and interleaved median timing.

A module plugs into `make bench` by defining `rows() -> list[Row]`. Each row compares a time
measured now with a baseline measured in the same run (medians of interleaved runs, so a busy
moment on the machine hits both alike); a row whose baseline is None has an absolute goal in
seconds instead of a ratio.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Collection, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@dataclass(frozen=True)
class Row:
    what: str  # what is measured, and against what
    now: float  # seconds: the median of what is measured
    baseline: float | None  # seconds: the median of the baseline; None for an absolute goal
    goal: float  # the highest ratio now/baseline allowed (or seconds, with no baseline)
    note: str = ""

    @property
    def ratio(self) -> float | None:
        return None if self.baseline is None else self.now / self.baseline

    @property
    def passed(self) -> bool:
        value = self.now if self.ratio is None else self.ratio
        return value <= self.goal

    def to_json(self) -> dict[str, object]:
        return asdict(self)


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def interleaved(actions: Sequence[Callable[[], object]], runs: int, warmup: int = 1) -> list[float]:
    """The median seconds of each action, the actions run in turn `runs` times."""
    for _ in range(warmup):
        for action in actions:
            action()
    times: list[list[float]] = [[] for _ in actions]
    for _ in range(runs):
        for i, action in enumerate(actions):
            times[i].append(timed(action))
    return [statistics.median(t) for t in times]


def child_env() -> dict[str, str]:
    """Environment for timed child processes, as on an installed copy whose modules are
    byte-compiled: this machine sets PYTHONDONTWRITEBYTECODE, so the children keep their .pyc
    files in a private folder."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update({"QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
                "GOVOPEN_DATA_DIR": tempfile.mkdtemp(prefix="govopen-bench-"), "PYTHONPATH": str(REPO),
                "PYTHONPYCACHEPREFIX": str(Path(tempfile.gettempdir()) / "govopen-bench-pyc")})
    return env


def process_seconds(argv: Sequence[str], env: dict[str, str], exit_ok: Collection[int] = (0,)) -> float:
    """Wall seconds of a child process, from launch to exit."""
    start = time.perf_counter()
    done = subprocess.run(list(argv), env=env, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if done.returncode not in exit_ok:
        raise RuntimeError(f"{argv[:4]} exited {done.returncode}: {done.stderr.decode(errors='replace')[-300:]}")
    return time.perf_counter() - start


def python() -> str:
    return sys.executable


def print_rows(rows: Sequence[Row]) -> int:
    """A module run alone (`python benchmarks/bench_x.py`): its rows, exit 1 when a goal is missed."""
    for row in rows:
        shown = f"ratio {row.ratio:.2f}" if row.ratio is not None else f"{row.now * 1000:.1f} ms"
        goal = f"≤ {row.goal}" if row.ratio is not None else f"≤ {row.goal * 1000:g} ms"
        print(f"{row.what}: {shown} (goal {goal}) {'ok' if row.passed else 'MISSED'}")
    return 0 if all(r.passed for r in rows) else 1
