"""LibreOffice for the tests that need a file only it makes (PDF, .doc, .xls from our own)."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

import pytest

from govopen_desktop.domain.report import Report
from govopen_desktop.io.importers.readers.convert import find_soffice

needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler's pdftotext is not installed")
needs_pdfunite = pytest.mark.skipif(shutil.which("pdfunite") is None, reason="poppler's pdfunite is not installed")


def office_convert(sources: Sequence[Path], to: str, outdir: Path, *, timeout: float = 300) -> None:
    """Each of `sources` converted to `to` (pdf, doc, xls) into `outdir`, same stem. A fresh
    profile each run, so tests running side by side never share one."""
    profile = Path(tempfile.mkdtemp(prefix="lo-"))
    try:
        subprocess.run([find_soffice() or "soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless",
                        "--convert-to", to, "--outdir", str(outdir), *map(str, sources)],
                       capture_output=True, timeout=timeout, check=True)
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def pdf_of(report: Report, folder: Path) -> Path:
    """The report's Word export printed to PDF by LibreOffice, as an office prints it."""
    from govopen_desktop.io.exporters.docx_export import export_docx

    docx = folder / "report.docx"
    export_docx(report, docx)
    office_convert([docx], "pdf", folder, timeout=180)
    return folder / "report.pdf"
