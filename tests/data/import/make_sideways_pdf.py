"""Regenerate sideways-page.pdf (run once by hand; needs PyMuPDF, which the project does not
depend on: `python -m venv /tmp/mu && /tmp/mu/bin/pip install pymupdf`).

producer-watermark.pdf with its second page's content turned a quarter on the portrait page,
as some producers put a landscape table on a page without turning the page itself (/Rotate):
in a viewer that page reads sideways.

    /tmp/mu/bin/python tests/data/import/make_sideways_pdf.py
"""

from __future__ import annotations

from pathlib import Path

import pymupdf

HERE = Path(__file__).resolve().parent
TURNED = 1  # 0-based: the second page

if __name__ == "__main__":
    src = pymupdf.open(HERE / "producer-watermark.pdf")
    out = pymupdf.open()
    for i, page in enumerate(src):
        if i == TURNED:
            turned = out.new_page(width=page.rect.width, height=page.rect.height)
            turned.show_pdf_page(turned.rect, src, i, rotate=90)
        else:
            out.insert_pdf(src, from_page=i, to_page=i)
    out.save(HERE / "sideways-page.pdf", garbage=3, deflate=True)
