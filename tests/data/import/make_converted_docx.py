"""Regenerate plain-table-page.pdf2docx.docx (run once by hand; needs pdf2docx, which the
project does not depend on: `python -m venv /tmp/p2d && /tmp/p2d/bin/pip install pdf2docx`).

plain-table-page.pdf (the sample report's page printed by Chromium) turned back into Word by
pdf2docx, as the "PDF 转 Word" tools clerks use do it. Its tables have no ruling lines, so the
converter draws the cells from the text: in table 3 it puts the first line of （六）'s second
label ("2.申请人逾期未按收费通知要求缴纳费") into the cell of the first label above it, whose
numbers stand beside that cell, and the label's next line with its own numbers in a row below.

    /tmp/p2d/bin/python tests/data/import/make_converted_docx.py
"""

from __future__ import annotations

from pathlib import Path

from pdf2docx import Converter

HERE = Path(__file__).resolve().parent

if __name__ == "__main__":
    converter = Converter(str(HERE / "plain-table-page.pdf"))
    converter.convert(str(HERE / "plain-table-page.pdf2docx.docx"))
    converter.close()
