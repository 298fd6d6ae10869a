"""The Word export as PDF, through LibreOffice when it is installed (many sites publish the PDF)."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from govopen_desktop.domain.errors import GovopenError
from govopen_desktop.domain.report import Report
from govopen_desktop.io.exporters.output import check_target, export_notes, write_export
from govopen_desktop.io.importers.readers.convert import find_soffice

TIMEOUT_SECONDS = 120
MISSING = ("导出 PDF 需要 LibreOffice，本机未找到。请安装 LibreOffice（Windows：从 libreoffice.org 下载安装；"
           "Debian/Ubuntu：sudo apt-get install libreoffice-writer），或先导出 Word，"
           "在 Word/WPS 中“另存为 PDF”。")


def pdf_available() -> bool:
    return find_soffice() is not None


def export_pdf(report: Report, path: Path) -> list[str]:
    """Write the report as PDF to `path`; GovopenError (Chinese) when LibreOffice is missing or fails."""
    from govopen_desktop.io.exporters.docx_export import build_docx_bytes

    path = Path(path)
    check_target(path)
    soffice = find_soffice()
    if soffice is None:
        raise GovopenError(MISSING)
    work = Path(tempfile.mkdtemp(prefix="govopen-pdf-"))
    try:
        source = work / "report.docx"  # a plain ASCII name: LibreOffice mangles some paths
        source.write_bytes(build_docx_bytes(report))
        profile = work / "profile"
        cmd = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
               "--convert-to", "pdf", "--outdir", str(work), str(source)]
        try:
            subprocess.run(cmd, capture_output=True, timeout=TIMEOUT_SECONDS, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise GovopenError(f"用 LibreOffice 生成 PDF 失败（{exc.__class__.__name__}）。"
                               "可先导出 Word，在 Word/WPS 中“另存为 PDF”。") from exc
        pdf = work / "report.pdf"
        if not pdf.is_file() or pdf.stat().st_size == 0:
            raise GovopenError("LibreOffice 未能生成 PDF。可先导出 Word，在 Word/WPS 中“另存为 PDF”。")
        write_export(path, pdf.read_bytes())
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return export_notes(report)
