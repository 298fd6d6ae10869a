"""GUI benchmarks (plain script): `QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_gui.py`.

1. Start-up: a process that shows the main window on the sample report, as a ratio to a
   process that shows a bare QMainWindow the same way (median of several runs; target < 2×).
2. Cell edit: from typing a value into a table-3 cell (the model's setData, as the delegate
   calls it) to updated totals, findings, findings panel and status counts (target < 5 ms).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "resources" / "sample" / "sample-2024.govopen"
RUNS = 7

BARE = """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow()
w.resize(1340, 720)
w.show()
app.processEvents()
"""

APP = """
import sys
from pathlib import Path
from govopen_desktop.qt.app import make_app
app = make_app()
from govopen_desktop.qt.main_window import MainWindow
w = MainWindow()
w.files.load(Path(sys.argv[1]))
w.show()
app.processEvents()
assert "openpyxl" not in sys.modules and "docx" not in sys.modules, "heavy readers loaded at start-up"
"""


def _time_process(code: str, env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, str(SAMPLE)], check=True, env=env, cwd=REPO,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def bench_startup() -> tuple[float, float, float]:
    # as on an installed copy, whose modules are byte-compiled: this machine sets
    # PYTHONDONTWRITEBYTECODE, so the children keep their .pyc files in a private folder
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update({"QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
                "GOVOPEN_DATA_DIR": tempfile.mkdtemp(prefix="govopen-bench-"), "PYTHONPATH": str(REPO),
                "PYTHONPYCACHEPREFIX": tempfile.mkdtemp(prefix="govopen-pyc-")})
    _time_process(BARE, env)  # warm the file cache once for both
    _time_process(APP, env)
    bare, app = [], []
    for _ in range(RUNS):  # interleaved, so a busy moment hits both alike
        bare.append(_time_process(BARE, env))
        app.append(_time_process(APP, env))
    b, a = statistics.median(bare), statistics.median(app)
    return b, a, a / b


def bench_edit() -> tuple[float, float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["GOVOPEN_DATA_DIR"] = tempfile.mkdtemp(prefix="govopen-bench-")
    from govopen_desktop.io.project import load_report
    from govopen_desktop.qt.app import make_app
    from govopen_desktop.qt.main_window import MainWindow
    from govopen_desktop.qt.settings import Settings

    app = make_app()
    data = Path(os.environ["GOVOPEN_DATA_DIR"])
    window = MainWindow(load_report(SAMPLE), SAMPLE, settings=Settings(data / "settings.ini"),
                        recovery_file=data / "recovery")
    window.show()
    page = window.show_section("t3")
    model = page.model
    index = model.index_of("t3.granted.natural")
    app.processEvents()
    update, repaint = [], []
    base = window.document.report.get("t3.granted.natural")
    for i in range(300):
        start = time.perf_counter()
        model.setData(index, str(base + (i % 2) * 5))  # alternately breaks and restores the balance
        updated = time.perf_counter()
        app.processEvents()  # the repaint of the changed cells, the findings list and the counts
        update.append(updated - start)
        repaint.append(time.perf_counter() - start)
        assert window.document.report.get("t3.results_total.natural") is not None
    window.document.undo_stack.setClean()
    window.close()
    return statistics.median(update) * 1000, statistics.median(repaint) * 1000


def main() -> int:
    if not SAMPLE.exists():
        print(f"缺少示例报告：{SAMPLE}")
        return 1
    bare, app, ratio = bench_startup()
    print(f"start-up: bare QMainWindow {bare * 1000:.0f} ms, main window on the sample {app * 1000:.0f} ms, "
          f"ratio {ratio:.2f}× (target < 2×) {'OK' if ratio < 2 else 'OVER'}")
    update, repaint = bench_edit()
    print(f"cell edit -> totals, findings, panel and counts updated: median {update:.2f} ms (target < 5 ms) "
          f"{'OK' if update < 5 else 'OVER'}; including the repaint: {repaint:.2f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
