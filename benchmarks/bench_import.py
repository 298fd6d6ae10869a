"""Importing a report vs. the bare library load of the same file.

Times `import_file` on an .xlsx (the official tables only, read by their labels) and on a
.docx report, against `openpyxl.load_workbook` and `docx.Document` of the same files.
Target: the import costs less than 1.3 times the bare load.

Run: .venv/bin/python benchmarks/bench_import.py   (exit status 1 above the target)
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

TARGET_RATIO = 1.3
RUNS = 30


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def compare(bare: Callable[[], object], full: Callable[[], object], runs: int = RUNS) -> tuple[float, ...]:
    """Interleaved runs (other work on the machine hits both alike); the best and the median
    time of each. The verdict uses the best times, as timeit advises for noisy machines."""
    bare(), full()  # warm-up: imports, caches
    bare_ms, full_ms = [], []
    for _ in range(runs):
        bare_ms.append(timed(bare))
        full_ms.append(timed(full))
    return min(bare_ms), min(full_ms), statistics.median(bare_ms), statistics.median(full_ms)


def make_files(folder: Path) -> tuple[Path, Path]:
    import openpyxl

    from govopen_desktop.io.exporters.docx_export import export_docx
    from govopen_desktop.io.exporters.xlsx_export import export_xlsx
    from govopen_desktop.io.project import load_report

    report = load_report(REPO / "resources" / "sample" / "sample-2024.govopen")
    xlsx, docx_path = folder / "report.xlsx", folder / "report.docx"
    export_xlsx(report, xlsx)
    wb = openpyxl.load_workbook(xlsx)
    del wb["govopen-data"]  # the visible tables: the label-driven path, not the data sheet
    wb.save(xlsx)
    export_docx(report, docx_path)
    return xlsx, docx_path


def main() -> int:
    import docx
    import openpyxl

    from govopen_desktop.io.importers import import_file

    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        xlsx, docx_path = make_files(Path(tmp))
        cases = [
            (".xlsx", xlsx, lambda: openpyxl.load_workbook(xlsx)),
            (".docx", docx_path, lambda: docx.Document(str(docx_path))),
        ]
        for label, path, bare in cases:
            assert not import_file(path).problems
            best_bare, best_import, med_bare, med_import = compare(bare, lambda p=path: import_file(p))
            ratio = best_import / best_bare
            ok = ratio < TARGET_RATIO
            failed = failed or not ok
            print(f"{label}: import {best_import:.1f} ms, bare load {best_bare:.1f} ms (best of {RUNS}), "
                  f"ratio {ratio:.2f} (target < {TARGET_RATIO}) {'ok' if ok else 'TOO SLOW'}; "
                  f"medians {med_import:.1f} / {med_bare:.1f} ms = {med_import / med_bare:.2f}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
