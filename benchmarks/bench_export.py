"""Time of one Word export of a full report (200 cells, six sections, three tables), and of
one Excel export for comparison.

Run: .venv/bin/python benchmarks/bench_export.py   (exit status 1 above the 0.5 s target)
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from govopen_desktop.domain.report import Report

TARGET_S = 0.5
OVERVIEW = "\n".join(
    f"（{n}）{part}\n" + "本年度围绕该项工作持续推进，公开内容更加全面，群众获得感进一步增强。" * 6
    for n, part in zip("一二三四五", ("主动公开", "依申请公开", "政府信息管理", "政府信息公开平台建设", "监督保障"),
                       strict=True)
)


def full_report() -> Report:
    report = Report.new("某省某市某区人民政府办公室", 2024, date="2025-01-20")
    fmt = report.format
    report.set_values({k: i % 7 for i, k in enumerate(fmt.input_keys) if fmt.fields[k].kind == "count"})
    report.set_values({"t2.fees.amount": "0.1200"})
    report.set_text("overview", OVERVIEW)
    report.set_text("problems", "一是公开深度不够；二是解读形式单一。\n改进措施：加强培训，完善制度。" * 4)
    report.set_text("other", "依据国办函〔2020〕109号规定，本年度未收取信息处理费。")
    return report


def timed(action: object, repeat: int) -> tuple[float, float]:
    """(first call, median of the following calls) in seconds."""
    times = []
    for _ in range(repeat + 1):
        start = time.perf_counter()
        action()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return times[0], statistics.median(times[1:])


def main() -> int:
    from govopen_desktop.io.exporters.docx_export import build_docx_bytes
    from govopen_desktop.io.exporters.xlsx_export import build_xlsx_bytes

    report = full_report()
    size = len(build_docx_bytes(report))
    docx_first, docx_median = timed(lambda: build_docx_bytes(report), 15)
    xlsx_first, xlsx_median = timed(lambda: build_xlsx_bytes(report), 5)
    print(f"cells: {len(report.cells)}, .docx {size // 1024} KB")
    print(f"Word export:  median {docx_median * 1000:.0f} ms (first call {docx_first * 1000:.0f} ms), "
          f"target < {TARGET_S * 1000:.0f} ms")
    print(f"Excel export: median {xlsx_median * 1000:.0f} ms (first call {xlsx_first * 1000:.0f} ms)")
    return 0 if docx_median < TARGET_S else 1


if __name__ == "__main__":
    raise SystemExit(main())
