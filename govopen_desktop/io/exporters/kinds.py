"""The export formats by name, for the CLI and the window: what each is called, its file
filter, and its exporter (loaded on first use). Each exporter writes atomically, raises
GovopenError with a Chinese message, and returns notes to show the clerk after the export
(e.g. the date is missing)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from govopen_desktop.domain.report import Report

Exporter = Callable[[Report, Path], list[str]]


@dataclass(frozen=True)
class ExportKind:
    kind: str
    label: str  # 导出 {label}…
    file_filter: str  # for a save dialog
    purpose: str


KINDS: dict[str, ExportKind] = {
    "docx": ExportKind("docx", "Word", "Word 文档 (*.docx)", "正式报送与打印（官方版式）"),
    "xlsx": ExportKind("xlsx", "Excel", "Excel 工作簿 (*.xlsx)", "汇总与核对数据（表二、表三、表四）"),
    "html": ExportKind("html", "网页", "网页 (*.html)", "发布到政府网站（粘贴进网站编辑器）"),
    "pdf": ExportKind("pdf", "PDF", "PDF 文件 (*.pdf)", "发布 PDF 版本（需要安装 LibreOffice）"),
}


def load_exporter(kind: str) -> Exporter:
    """The export function of `kind` (docx, xlsx, html, pdf); heavy libraries load here."""
    if kind == "docx":
        from govopen_desktop.io.exporters.docx_export import export_docx

        return export_docx
    if kind == "xlsx":
        from govopen_desktop.io.exporters.xlsx_export import export_xlsx

        return export_xlsx
    if kind == "html":
        from govopen_desktop.io.exporters.html_export import export_html

        return export_html
    if kind == "pdf":
        from govopen_desktop.io.exporters.pdf_export import export_pdf

        return export_pdf
    raise ValueError(f"unknown export kind {kind!r}")
