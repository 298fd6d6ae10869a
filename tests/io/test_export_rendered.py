"""The Word export as LibreOffice lays it out (the PDF export): tables 2 and 3 each stand whole
on one page, heading included, for the sample, real reports of both formats, and the same
reports with longer text (which moves the tables to other places on the page).

Runs where LibreOffice and pdftotext are installed; skips with the reason otherwise."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from govopen_desktop.domain.formats import Table
from govopen_desktop.domain.report import Report
from govopen_desktop.io.importers.readers.convert import find_soffice
from tests.support.paths import REPO, SHARED, load_expected, shared_available

pytestmark = pytest.mark.skipif(
    find_soffice() is None or shutil.which("pdftotext") is None,
    reason="LibreOffice (soffice) or pdftotext (poppler-utils) is not installed",
)
FONTS = SHARED / "tools" / "fonts.conf"  # the official font names mapped to free look-alikes
REAL = SHARED / "real-reports"


def _sources() -> list[str]:
    names = ["sample"]
    if shared_available():
        names += ["seed:000_a987f75485506722", "seed:003_0a922b1f360f4485"]  # 2019 and 2021 formats
        names += [f"real:{n}" for n in ("shuyang-fgj-2023.html", "huaian-2024.pdftotext.txt") if (REAL / n).exists()]
    return names


def load(source: str) -> Report:
    from govopen_desktop.io.importers import import_file
    from govopen_desktop.io.project import load_report

    kind, _, name = source.partition(":")
    if kind == "sample":
        return load_report(REPO / "resources" / "sample" / "sample-2024.govopen")
    if kind == "seed":
        data = load_expected(name)
        return Report.from_dict({k: data[k] for k in ("meta", "cells", "text")})
    return import_file(REAL / name).report


def pdf_pages(report: Report, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    from govopen_desktop.io.exporters.pdf_export import export_pdf

    if FONTS.exists():
        monkeypatch.setenv("FONTCONFIG_FILE", str(FONTS))
    out = tmp_path / "r.pdf"
    export_pdf(report, out)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True,
                          env=os.environ.copy()).stdout
    return ["".join(page.split()) for page in text.split("\f")]


def first_and_last_labels(table: Table) -> tuple[str, str]:
    rows = [c for c in table.cells if c.col == 0 and c.key is None and c.row >= table.header_rows]
    rows.sort(key=lambda c: c.row)
    return rows[0].text or "", rows[-1].text or ""


@pytest.mark.parametrize("longer", [1, 3], ids=["real-length", "3x-text"])
@pytest.mark.parametrize("source", _sources())
def test_tables_2_and_3_each_on_one_page(source: str, longer: int, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    report = load(source)
    for key, text in list(report.text.items()):
        if text:
            report.set_text(key, "\n".join([text] * longer))
    pages = pdf_pages(report, tmp_path, monkeypatch)
    sections = {s.table: s.heading for s in report.format.sections if s.table}
    for table in report.format.tables[:2]:
        first, last = first_and_last_labels(table)
        on = [i for i, page in enumerate(pages) if first in page]
        assert on, f"{table.id}: {first} not found"
        page = pages[on[0]]
        assert last in page, f"{source}: {table.id} runs past page {on[0] + 1} ({last} not on it)"
        assert sections[table.id] in page, f"{source}: {table.id}'s heading is not on the table's page"
