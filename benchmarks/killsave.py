"""Kill -9 during large saves: the target and its .bak must always be complete, and the next
save must leave no temporary file behind.

A child process saves a ~6 MB report over and over (each version numbered in its text); the
parent kills it with SIGKILL at a random moment, then checks that the target and the .bak
both load (the .bak one version behind, or the same when the kill fell between making the
.bak and the final rename), saves once more itself and checks that no `.tmp` is left.

    .venv/bin/python benchmarks/killsave.py [--rounds 200] [--seed 11]

Exit status 0 when every round held. POSIX only (SIGKILL).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from govopen_desktop.io.project import load_report, save_report  # noqa: E402

SAMPLE = REPO / "resources" / "sample" / "sample-2024.govopen"
FILLER = "政府信息公开工作年度报告正文，用来让保存的文件足够大。" * 70_000  # ~6 MB as UTF-8

_CHILD = r"""
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[3])
from govopen_desktop.io.project import load_report, save_report
from benchmarks.killsave import FILLER, SAMPLE
target, version = Path(sys.argv[1]), int(sys.argv[2])
report = load_report(SAMPLE)
print("ready", flush=True)
while True:
    version += 1
    report.set_text("overview", f"版本{version}。" + FILLER)
    save_report(report, target)
"""


def version_of(path: Path) -> int:
    text = load_report(path).text.get("overview") or ""
    m = re.match(r"版本(\d+)。", text)
    if not m:
        raise AssertionError(f"{path.name}: no version in its text")
    return int(m.group(1))


def temporaries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def run(rounds: int, seed: int, folder: Path) -> list[str]:
    """Each save writes the next version number; the .bak is always the version before the
    target's, or the target's own when the kill fell between making the .bak and the rename."""
    rnd = random.Random(seed)
    target = folder / "年报.govopen"
    bak = folder / "年报.govopen.bak"
    report = load_report(SAMPLE)
    version = 0
    for version in (1, 2):
        report.set_text("overview", f"版本{version}。" + FILLER)
        save_report(report, target)
    failures: list[str] = []
    left_behind = saves_by_child = 0
    for n in range(1, rounds + 1):
        child = subprocess.Popen([sys.executable, "-c", _CHILD, str(target), str(version), str(REPO)],
                                 stdout=subprocess.PIPE, text=True)
        assert child.stdout is not None
        child.stdout.readline()  # "ready": the save loop starts now
        time.sleep(rnd.uniform(0.0, 0.4))
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
        try:
            current = version_of(target)
            previous = version_of(bak)
        except Exception as exc:  # a truncated or missing file: exactly what must never happen
            failures.append(f"round {n}: {exc.__class__.__name__}: {exc}")
            break
        if previous not in (current - 1, current):
            failures.append(f"round {n}: .bak is version {previous}, target {current}")
        saves_by_child += current - version
        left_behind += len(temporaries(folder))
        version = current + 1
        report.set_text("overview", f"版本{version}。" + FILLER)
        save_report(report, target)  # the next save cleans up after the killed one
        if temporaries(folder):
            failures.append(f"round {n}: left after the next save: {temporaries(folder)}")
    size = target.stat().st_size // (1024 * 1024)
    if failures:
        print("\n".join(failures))
    else:
        print(f"{rounds} kill -9 during {size} MB saves ({saves_by_child} saves completed by the children): "
              f"target and .bak complete every time; {left_behind} temporaries left by kills, "
              "all removed by the next save")
    return failures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    if os.name != "posix":
        print("skipped: needs SIGKILL (POSIX)")
        return 0
    with tempfile.TemporaryDirectory(prefix="govopen-killsave-") as tmp:
        return 1 if run(args.rounds, args.seed, Path(tmp)) else 0


if __name__ == "__main__":
    raise SystemExit(main())
