"""A register of 20,000 applications (and 200 cases) read from .xlsx and counted into tables 3
and 4, with every application's time limit checked. Targets: under 2 s, and under 0.6 of the
time bare openpyxl (read-only) takes just to read the same workbook's values, measured in the
same run (the register's own .xlsx reader exists to beat it).

Run: .venv/bin/python benchmarks/bench_register.py   (exit status 1 above the target)
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from benchmarks.common import Row

TARGET_S = 2.0
TARGET_RATIO = 0.6
APPLICATIONS = 20_000
YEAR = 2025


def make_register(path: Path, n: int = APPLICATIONS) -> Path:
    """A filled template: applications spread over two years, every result and applicant type."""
    import openpyxl

    from govopen_desktop.domain.register import vocabulary

    vocab = vocabulary("2021")
    rng = random.Random(15)
    wb = openpyxl.Workbook(write_only=True)
    apps = wb.create_sheet("依申请公开台账")
    apps.append(["序号", "收到日期", "申请人", "申请人类型", "申请内容", "补正日期", "是否延期", "答复日期",
                 "办理结果", "备注"])
    start = dt.date(YEAR - 1, 6, 1)
    for i in range(1, n + 1):
        received = start + dt.timedelta(days=rng.randrange(560))
        answered = received + dt.timedelta(days=rng.randrange(45)) if rng.random() > 0.05 else None
        apps.append([i, received, f"申请人{i}", rng.choice(vocab.applicant_types).text, "某项政府信息", None,
                     "是" if rng.random() < 0.1 else "否", answered,
                     rng.choice(vocab.results).text if answered else None, None])
    cases = wb.create_sheet("复议诉讼台账")
    cases.append(["序号", "类型", "立案或收到日期", "结果", "结案日期", "备注"])
    for i in range(1, 201):
        received = start + dt.timedelta(days=rng.randrange(500))
        outcome = rng.choice(vocab.outcomes)
        closed = None if outcome.id == "pending" else received + dt.timedelta(days=rng.randrange(90))
        cases.append([i, rng.choice(vocab.kinds).text, received, outcome.text, closed, None])
    wb.save(path)
    return path


def count_file(path: Path) -> object:
    from govopen_desktop.domain.register import count_sheets
    from govopen_desktop.io.register import read_register_file

    return count_sheets(read_register_file(path).sheets, YEAR)


def openpyxl_values(path: Path) -> int:
    """The baseline: every value of every sheet through openpyxl's read-only mode."""
    import openpyxl

    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    n = sum(1 for ws in wb.worksheets for _row in ws.iter_rows(values_only=True))
    wb.close()
    return n


def rows() -> list[Row]:
    """The count in seconds (an absolute goal) and against bare openpyxl reading the values."""
    from benchmarks.common import Row, interleaved

    with tempfile.TemporaryDirectory() as folder:
        path = make_register(Path(folder) / "台账.xlsx")
        count_file(path)  # warm imports and the per-format caches
        ours, baseline = interleaved([lambda: count_file(path), lambda: openpyxl_values(path)], 5)
    return [
        Row(f"read and count a register of {APPLICATIONS} applications (.xlsx), seconds", ours, None, TARGET_S),
        Row("register count vs bare openpyxl reading the values", ours, baseline, TARGET_RATIO),
    ]


def main() -> int:
    from benchmarks.common import print_rows

    return print_rows(rows())


if __name__ == "__main__":
    sys.exit(main())
