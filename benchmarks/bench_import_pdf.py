"""Importing a PDF report vs. pdfplumber's own table extraction of the same file.

The file is the 6-page real report ../shared/real-reports/huaian-2024.pdf (made by WPS); without
../shared, a PDF printed from our own Word export through LibreOffice. The baseline opens the
PDF and runs `page.extract_tables()` on every page; the import does that and also reads the
text, finds the tables' rows and builds the report.
Targets: import ≤ 1.2 × the baseline (medians of interleaved runs) and ≤ 1.5 s.

Run: .venv/bin/python benchmarks/bench_import_pdf.py   (exit status 1 on a miss)
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.common import Row, interleaved  # noqa: E402  (after the path is set)

TARGET_RATIO = 1.2
TARGET_SECONDS = 1.5
RUNS = 20  # the machine is shared: more runs make the best times steadier
REAL_PDF = REPO.parent / "shared" / "real-reports" / "huaian-2024.pdf"


def pdf_from_word_export(folder: Path) -> Path | None:
    from govopen_desktop.io.exporters.docx_export import export_docx
    from govopen_desktop.io.project import load_report

    soffice = shutil.which("soffice")
    if soffice is None:
        return None
    docx = folder / "report.docx"
    export_docx(load_report(REPO / "resources" / "sample" / "sample-2024.govopen"), docx)
    profile = folder / "profile"
    subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(folder), str(docx)], capture_output=True, timeout=180, check=False)
    out = folder / "report.pdf"
    return out if out.is_file() else None


def tables_only(path: Path) -> None:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_tables()


def rows() -> list[Row]:
    from govopen_desktop.io.importers import import_file

    with tempfile.TemporaryDirectory() as tmp:
        path = REAL_PDF if REAL_PDF.is_file() else pdf_from_word_export(Path(tmp))
        if path is None:
            print("skipped: neither ../shared/real-reports/huaian-2024.pdf nor LibreOffice to make a PDF")
            return []
        bare, ours = interleaved([lambda: tables_only(path), lambda: import_file(path)], RUNS)
    return [
        Row(f".pdf import vs pdfplumber's table extraction ({path.name})", ours, bare, TARGET_RATIO),
        Row(f".pdf import of {path.name}, seconds", ours, None, TARGET_SECONDS),
    ]


def main() -> int:
    from benchmarks.common import print_rows

    return print_rows(rows())


if __name__ == "__main__":
    raise SystemExit(main())
