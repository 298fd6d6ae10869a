"""`make bench` (or `python -m benchmarks`): every benchmark module, one table, exit 1 when a goal
is missed.

Each `bench_*.py` module that defines `rows() -> list[Row]` runs in its own process (so one module's imports
and Qt state do not change another's timings) and hands its rows back as JSON; any other module
runs as a plain script and passes when it exits 0.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import json
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.common import REPO, Row

HERE = Path(__file__).resolve().parent


def modules() -> list[str]:
    return sorted(p.stem for p in HERE.glob("bench_*.py"))


def run_module(name: str) -> list[Row]:
    """The rows of one module, measured in a child process."""
    source = (HERE / f"{name}.py").read_text(encoding="utf-8")
    if "def rows() -> list[Row]" not in source:  # no Row rows (or another shape of rows()): a plain script
        return run_script(name)
    done = subprocess.run([sys.executable, "-m", "benchmarks", "--rows-of", name], cwd=REPO,
                          capture_output=True, text=True)
    sys.stderr.write(done.stderr)
    if done.returncode != 0:
        return [Row(f"{name}: failed (exit {done.returncode})", 0.0, None, -1.0,
                    note=(done.stderr.strip().splitlines() or [""])[-1][:80])]
    measured = json.loads(done.stdout.strip().splitlines()[-1])
    if isinstance(measured, dict):
        return run_script(name)
    return [Row(**row) for row in measured]


def run_script(name: str) -> list[Row]:
    """A module without Row rows: run as a plain script, passing when it exits 0."""
    start = time.perf_counter()
    code = subprocess.call([sys.executable, str(HERE / f"{name}.py")], cwd=REPO, stdout=sys.stderr)
    return [Row(f"{name}.py (script)", time.perf_counter() - start, None, float("inf") if code == 0 else -1,
                note="exit 0" if code == 0 else f"exit {code}")]


def _seconds(value: float) -> str:
    return f"{value * 1000:.1f} ms" if value < 10 else f"{value:.1f} s"


def print_table(rows: list[Row]) -> None:
    header = ("what", "now", "baseline", "ratio", "goal", "")
    lines = [header]
    for row in rows:
        ratio = row.ratio
        goal = "-" if row.goal == float("inf") else (f"≤ {row.goal:g}×" if ratio is not None
                                                     else f"≤ {_seconds(row.goal)}" if row.goal >= 0 else "-")
        lines.append((row.what, _seconds(row.now), "-" if row.baseline is None else _seconds(row.baseline),
                      "-" if ratio is None else f"{ratio:.2f}×", goal, "pass" if row.passed else "FAIL"))
    widths = [max(_width(line[i]) for line in lines) for i in range(len(header))]
    for n, line in enumerate(lines):
        print("  ".join(cell + " " * (widths[i] - _width(cell)) for i, cell in enumerate(line)).rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))
    for row in rows:
        if row.note:
            print(f"  {row.what}: {row.note}")


def _width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("names", nargs="*", help="modules to run (default: every bench_*.py)")
    parser.add_argument("--rows-of", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.rows_of:  # the child: measure one module, print its rows as JSON on the last line
        module = importlib.import_module(f"benchmarks.{args.rows_of}")
        with contextlib.redirect_stdout(sys.stderr):  # the module's own prints stay off the JSON line
            measured = module.rows()
        if not all(isinstance(row, Row) for row in measured):  # a rows() of another shape: run it as a script
            print(json.dumps({"script": True}))
            return 0
        print(json.dumps([row.to_json() for row in measured]))
        return 0
    rows: list[Row] = []
    for name in args.names or modules():
        print(f"== {name}", file=sys.stderr, flush=True)
        rows.extend(run_module(name))
    print_table(rows)
    missed = [row for row in rows if not row.passed]
    print(f"\n{len(rows) - len(missed)} of {len(rows)} goals met" + (": FAILED" if missed else "."))
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
