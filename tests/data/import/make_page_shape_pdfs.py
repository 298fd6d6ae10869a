"""Regenerate sideways-page.pdf and pictured-page.pdf (run once by hand; needs PyMuPDF, which
the project does not depend on: `python -m venv /tmp/mu && /tmp/mu/bin/pip install pymupdf`).

Both are producer-watermark.pdf with its second page changed:
- sideways-page.pdf: the page's content turned a quarter on the portrait page, as some
  producers put a landscape table on a page without turning the page itself (/Rotate): in a
  viewer that page reads sideways;
- pictured-page.pdf: the page replaced by a picture of itself, as an office that pastes its
  tables as screenshots, or scans a signed page, publishes it: no text layer on that page.

    /tmp/mu/bin/python tests/data/import/make_page_shape_pdfs.py
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pymupdf

HERE = Path(__file__).resolve().parent
CHANGED = 1  # 0-based: the second page


def _turned(out: Any, src: Any, page: Any, i: int) -> None:
    new = out.new_page(width=page.rect.width, height=page.rect.height)
    new.show_pdf_page(new.rect, src, i, rotate=90)


def _pictured(out: Any, src: Any, page: Any, i: int) -> None:
    new = out.new_page(width=page.rect.width, height=page.rect.height)
    new.insert_image(new.rect, pixmap=page.get_pixmap(dpi=60))


def write(name: str, change: Callable[[Any, Any, Any, int], None]) -> None:
    src = pymupdf.open(HERE / "producer-watermark.pdf")
    out = pymupdf.open()
    for i, page in enumerate(src):
        if i == CHANGED:
            change(out, src, page, i)
        else:
            out.insert_pdf(src, from_page=i, to_page=i)
    out.save(HERE / name, garbage=3, deflate=True)


if __name__ == "__main__":
    write("sideways-page.pdf", _turned)
    write("pictured-page.pdf", _pictured)
