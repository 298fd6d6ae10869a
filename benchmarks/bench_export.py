"""Exports against the bare libraries doing the same writing, measured in the same run.

- Word: `build_docx_bytes` vs python-docx writing the same paragraphs and tables (its default
  document, `add_paragraph`, `add_table` and cell text), at the sample's text and at 100× the
  text: ratio ≤ 1.3 at both, and each added paragraph ≤ 0.15 ms (linear).
- Excel: `build_xlsx_bytes` vs openpyxl writing the same grids (values, labels, merged ranges,
  the hidden data sheet's rows): ratio ≤ 1.5.
- The sample's Word export under 0.5 s.

Medians of interleaved runs (ours, baseline, ours, …), not the best run. Run alone:
`.venv/bin/python benchmarks/bench_export.py` (exit status 1 when a goal is missed);
`results()` gives the rows for a combined table.
"""

from __future__ import annotations

import io
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from govopen_desktop.domain.report import Report

if TYPE_CHECKING:
    from benchmarks.common import Row

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "sample" / "sample-2024.govopen"
WORD_RATIO, WORD_PER_PARAGRAPH_MS, EXCEL_RATIO, SAMPLE_WORD_S = 1.3, 0.15, 1.5, 0.5
LONG_FACTOR = 100
RUNS = 7


def sample_report() -> Report:
    from govopen_desktop.io.project import load_report

    return load_report(SAMPLE)


def longer(report: Report, factor: int) -> Report:
    """The same report with every text `factor` times as long (as many more paragraphs)."""
    long = Report.from_dict(report.to_dict())
    for key, text in report.text.items():
        if text:
            long.set_text(key, "\n".join([text] * factor))
    return long


def interleaved(ours: Callable[[], object], base: Callable[[], object], runs: int = RUNS) -> tuple[float, float]:
    """Median seconds of ours and of the baseline, run alternately after one warm-up each."""
    ours(), base()
    a: list[float] = []
    b: list[float] = []
    for _ in range(runs):
        for fn, times in ((ours, a), (base, b)):
            start = time.perf_counter()
            fn()
            times.append(time.perf_counter() - start)
    return statistics.median(a), statistics.median(b)


def _paragraphs(report: Report) -> list[str]:
    from govopen_desktop.io.exporters.text import report_title, text_paragraphs

    out = [report_title(report)]
    for section in report.format.sections:
        out.append(section.heading)
        if section.text:
            out += [p for p, _ in text_paragraphs(report.text.get(section.text) or "")]
    return [*out, report.meta.agency, report.meta.date or ""]


def _grids(report: Report) -> list[tuple[int, int, list[tuple[int, int, int, int, str]]]]:
    from govopen_desktop.io.exporters.docx_tables import cell_text

    return [(t.n_rows, t.n_cols, [(c.row, c.col, c.rowspan, c.colspan, cell_text(c, report)) for c in t.cells])
            for t in report.format.tables]


def python_docx_baseline(report: Report) -> Callable[[], bytes]:
    """python-docx writing the same paragraphs and tables, the plain way."""
    import docx

    paragraphs, grids = _paragraphs(report), _grids(report)

    def write() -> bytes:
        document = docx.Document()
        for text in paragraphs:
            document.add_paragraph(text)
        for n_rows, n_cols, cells in grids:
            table = document.add_table(rows=n_rows, cols=n_cols)
            rows = [row.cells for row in table.rows]  # once per row: Table.cell() is quadratic
            for r, c, _rs, _cs, text in cells:
                rows[r][c].text = text
        buffer = io.BytesIO()
        document.save(buffer)
        return buffer.getvalue()

    return write


def openpyxl_baseline(report: Report) -> Callable[[], bytes]:
    """openpyxl writing the same grids (values, labels, merged ranges) and data rows."""
    from openpyxl import Workbook

    from govopen_desktop.io.exporters.xlsx_export import data_rows

    grids = _grids(report)
    data = data_rows(report)

    def write() -> bytes:
        wb = Workbook()
        wb.remove(wb.active)
        for i, (_n_rows, _n_cols, cells) in enumerate(grids):
            ws = wb.create_sheet(f"表{i}")
            for r, c, rs, cs, text in cells:
                ws.cell(3 + r, 1 + c, int(text) if text.isdigit() else text)
                if rs > 1 or cs > 1:
                    ws.merge_cells(start_row=3 + r, start_column=1 + c, end_row=2 + r + rs, end_column=c + cs)
        ws = wb.create_sheet("data")
        for row in data:
            ws.append(list(row))
        buffer = io.BytesIO()
        wb.save(buffer)
        return buffer.getvalue()

    return write


def rows() -> list[Row]:
    """Word and Excel export against python-docx/openpyxl writing the same, as `make bench` rows."""
    from benchmarks.common import Row
    from govopen_desktop.io.exporters.docx_export import build_docx_bytes
    from govopen_desktop.io.exporters.xlsx_export import build_xlsx_bytes

    report = sample_report()
    long = longer(report, LONG_FACTOR)
    word_1, base_1 = interleaved(lambda: build_docx_bytes(report), python_docx_baseline(report))
    word_n, base_n = interleaved(lambda: build_docx_bytes(long), python_docx_baseline(long), runs=5)
    added = len(_paragraphs(long)) - len(_paragraphs(report))
    excel, excel_base = interleaved(lambda: build_xlsx_bytes(report), openpyxl_baseline(report))
    return [
        Row("Word export vs python-docx writing the same, sample text", word_1, base_1, WORD_RATIO),
        Row(f"Word export vs python-docx, {LONG_FACTOR}× the text", word_n, base_n, WORD_RATIO),
        Row(f"Word export, each added paragraph ({added})", max(word_n - word_1, 0.0) / added, None,
            WORD_PER_PARAGRAPH_MS / 1000),
        Row("Excel export vs openpyxl writing the same grids", excel, excel_base, EXCEL_RATIO),
        Row("Word export of the sample", word_1, None, SAMPLE_WORD_S),
    ]


def main() -> int:
    from benchmarks.common import print_rows

    return print_rows(rows())


if __name__ == "__main__":
    raise SystemExit(main())
