"""Regenerate plain-table-page.pdf (run once by hand; needs Chromium, which the tests do not:
`apt-get install chromium`).

The sample report as a site's editor pastes it: the tables plain `<table>` elements with no
style at all (no border, the browser's 1-pixel padding), printed by Chromium with its default
header and footer. Each label column is as wide as its longest label, so in the PDF the
longest label and its first number stand a hair apart ("行政规范性文件564").

    python tests/data/import/make_plain_table_pdf.py
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE))

from make_browser_pdf import print_page  # noqa: E402

from govopen_desktop.io.exporters.html_export import build_html  # noqa: E402
from govopen_desktop.io.project import load_report  # noqa: E402
from tests.support.paths import SAMPLE  # noqa: E402

OUT = HERE / "plain-table-page.pdf"


def page_html() -> str:
    page = build_html(load_report(SAMPLE))
    page = re.sub(r"<style.*?</style>", "", page, flags=re.S)
    page = re.sub(r' style="[^"]*"', "", page)
    return re.sub(r"<table\b[^>]*>", "<table>", page)  # colspan and rowspan kept: the form's merged cells


if __name__ == "__main__":
    print_page(page_html(), OUT)
