"""LibreOffice for the tests that need a file only it makes (PDF, .doc, .xls from our own)."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from govopen_desktop.io.importers.readers.convert import find_soffice


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
