"""Regenerate producer-watermark.pdf (run once by hand; needs reportlab, which the project
does not depend on: `python -m venv /tmp/rl && /tmp/rl/bin/pip install reportlab`).

The sample report drawn the way some printer drivers and report systems write a PDF: every
character its own text object, a running header and page number, a grey diagonal watermark
“内部资料 请勿外传” across each page, section 六's text with a space between every character,
the tables without ruling lines (label, then the numbers in columns; small type for long
labels). The font is the non-embedded STSong-Light (Adobe-GB1), so the file stays small.

    /tmp/rl/bin/python tests/data/import/make_producer_pdf.py
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
sys.path.insert(0, str(REPO))

from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.cidfonts import UnicodeCIDFont  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402

from govopen_desktop.io.project import load_report  # noqa: E402
from tests.support.import_builders import Expected, collapsed_rows, title_of  # noqa: E402

FONT = "STSong-Light"
W, H = A4
WATERMARK = "内部资料 请勿外传"


class Pages:
    def __init__(self, path: Path, agency: str) -> None:
        self.c = canvas.Canvas(str(path), pagesize=A4)
        self.agency = agency
        self.page = 0
        self.y = 0.0
        self.new_page()

    def new_page(self) -> None:
        if self.page:
            self.c.showPage()
        self.page += 1
        self.y = H - 80
        self.chars(60, H - 40, f"{self.agency}政府信息公开", 9)
        self.chars(W / 2 - 10, 30, f"- {self.page} -", 9)
        c = self.c
        c.saveState()
        c.setFillGray(0.85)
        c.setFont(FONT, 48)
        c.translate(W / 2, H / 2)
        c.rotate(45)
        c.drawCentredString(0, 0, WATERMARK)
        c.restoreState()

    def chars(self, x: float, y: float, text: str, size: float) -> None:
        for ch in text:  # one text object a character
            t = self.c.beginText(x, y)
            t.setFont(FONT, size)
            t.textOut(ch)
            self.c.drawText(t)
            x += pdfmetrics.stringWidth(ch, FONT, size)

    def paragraph(self, text: str, size: float = 11, indent: bool = True) -> None:
        first = True
        while text:
            n = 30 - (2 if first and indent else 0)
            piece, text = text[:n], text[n:]
            if self.y < 70:
                self.new_page()
            self.chars(60 + (2 * size if first and indent else 0), self.y, piece, size)
            self.y -= size * 1.8
            first = False

    def row(self, cells: list[str]) -> None:
        if self.y < 70:
            self.new_page()
        if len(cells) > 8:  # table 4: 15 columns across the page
            xs = [60 + 32.0 * k for k in range(len(cells))]
        else:
            xs = [60] + [330 + 32.0 * k for k in range(len(cells) - 1)]
        for k, (x, text) in enumerate(zip(xs, cells, strict=True)):
            size = 9.0 if k or len(cells) > 8 else min(9.0, 260 / max(1, len(text)))
            self.chars(x, self.y, text, size)
        self.y -= 18


def write(exp: Expected, path: Path) -> None:
    pages = Pages(path, exp.meta["agency"])
    pages.paragraph(title_of(exp), 16, indent=False)
    for s in exp.fmt.sections:
        pages.paragraph(s.heading, 12, indent=False)
        if s.text:
            for line in (exp.text.get(s.text) or "").split("\n"):
                pages.paragraph(" ".join(line) if s.text == "other" else line)
            continue
        for r in collapsed_rows(exp.fmt.table(s.table or ""), exp, "—"):
            pages.row([str(v) for v in r])
    pages.paragraph(exp.meta["agency"], indent=False)
    pages.c.save()


def sample() -> Expected:
    report = load_report(REPO / "resources" / "sample" / "sample-2024.govopen")
    meta: dict[str, Any] = report.meta.to_dict()
    return Expected(meta, dict(report.cells), dict(report.text))


if __name__ == "__main__":
    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    write(sample(), HERE / "producer-watermark.pdf")
