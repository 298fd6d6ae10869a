"""The report behind tests/data/import/browser-printed-page.pdf (made by make_browser_pdf.py)."""

from __future__ import annotations

from govopen_desktop.domain.report import Report
from govopen_desktop.io.project import load_report
from tests.support.paths import SAMPLE

# table 3's organisation columns left blank where the sample has 0, as many offices publish
# them: a row at the top of a printed page then holds two numbers, not seven
BLANK_COLUMNS = (".commercial", ".research", ".social", ".legal", ".other_org")


def browser_page_report() -> Report:
    report = load_report(SAMPLE)
    for key, value in list(report.cells.items()):
        if key.startswith("t3.") and key.endswith(BLANK_COLUMNS) and value == 0:
            report.cells[key] = None
    return report
