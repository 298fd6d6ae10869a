"""Regenerate pictured-page.pdf (run once by hand; needs PyMuPDF, which the project does not
depend on: `python -m venv /tmp/mu && /tmp/mu/bin/pip install pymupdf`).

producer-watermark.pdf with its second page replaced by a picture of itself, as an office that
pastes its tables into the report as screenshots, or scans a signed page, publishes it: a page
with no text layer in a PDF that has text elsewhere.

    /tmp/mu/bin/python tests/data/import/make_pictured_pdf.py
"""

from __future__ import annotations

from pathlib import Path

import pymupdf

HERE = Path(__file__).resolve().parent
PICTURED = 1  # 0-based: the second page

if __name__ == "__main__":
    src = pymupdf.open(HERE / "producer-watermark.pdf")
    out = pymupdf.open()
    for i, page in enumerate(src):
        if i == PICTURED:
            picture = out.new_page(width=page.rect.width, height=page.rect.height)
            picture.insert_image(picture.rect, pixmap=page.get_pixmap(dpi=60))
        else:
            out.insert_pdf(src, from_page=i, to_page=i)
    out.save(HERE / "pictured-page.pdf", garbage=3, deflate=True)
