"""Running a `govopen` command in a fresh child process and measuring what it cost: the
seconds inside the command, and the process's peak resident memory (VmHWM, or
resource.getrusage where there is no /proc; both count what C libraries such as lxml
allocate, which tracemalloc would not see)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import REPO

TIME_LIMIT = 2.0  # seconds for any refusal (README "Reliability")
MEMORY_LIMIT_MB = 200

_CHILD = r"""
import contextlib, io, json, sys, time
try:
    import resource
except ImportError:
    resource = None
from govopen_desktop.cli.main import main
err = io.StringIO()
started = time.perf_counter()
with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
    code = main(json.loads(sys.argv[1]))
seconds = time.perf_counter() - started
peak = 0
try:  # the peak of this process image (ru_maxrss may carry the forking parent's peak)
    with open("/proc/self/status") as status:
        peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:")) // 1024
except (OSError, StopIteration):
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024 if resource else 0
print(json.dumps({"code": code, "stderr": err.getvalue(), "seconds": seconds, "peak_mb": peak}))
"""


@dataclass
class Run:
    code: int
    stderr: str
    seconds: float
    peak_mb: int


def run_child(args: list[str], data_dir: Path, timeout: float = 60) -> Run:
    env = {**os.environ, "GOVOPEN_DATA_DIR": str(data_dir), "PYTHONPATH": str(REPO)}
    out = subprocess.run([sys.executable, "-c", _CHILD, json.dumps(args)], capture_output=True,
                         text=True, timeout=timeout, env=env, cwd=REPO, check=False)
    assert out.returncode == 0, out.stderr[-2000:]
    result = json.loads(out.stdout.strip().splitlines()[-1])
    return Run(result["code"], result["stderr"], result["seconds"], result["peak_mb"])


def has_chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


ENGLISH_OS_TEXT = ("Read-only file system", "Too many levels", "No such file", "Permission denied",
                   "No space left", "Is a directory", "Errno", "Traceback")
RAW_LIBRARY_TEXT = ("XMLSyntaxError", "KeyError", "AssertionError", "BadZipFile", "zlib", "ValueError",
                    "TypeError", "IndexError", "AttributeError", "lxml", "openpyxl", "xlrd", "Exception")


def assert_plain_chinese(message: str, name: str) -> None:
    """A message a clerk can act on: Chinese, names the file, no English system or library text."""
    assert has_chinese(message), message
    assert name in message, message
    for raw in ENGLISH_OS_TEXT + RAW_LIBRARY_TEXT:
        assert raw not in message, message
    assert "内部错误" not in message, message
