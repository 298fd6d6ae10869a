"""A page of a fixed-layout format other than PDF (OFD), laid out as pdfplumber lays out a PDF
page: its characters, ruling lines, boxes and pictures as pdfplumber's objects, in points from
the page's top left. The PDF reader's code reads it unchanged: tables by their ruling lines
(pdfplumber's own table finder), the rest as lines."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pdfplumber.container import Container
from pdfplumber.table import Table, TableFinder, TableSettings

Obj = dict[str, Any]


class LaidOutPage(Container):
    def __init__(self, number: int, width: float, height: float, objects: dict[str, list[Obj]]) -> None:
        self.page_number = number
        self.width = width
        self.height = height
        self.bbox = (0.0, 0.0, width, height)
        self._laid_out = objects

    @property
    def objects(self) -> dict[str, list[Obj]]:
        return self._laid_out

    def filter(self, test: Callable[[Obj], bool]) -> LaidOutPage:
        kept = {kind: [obj for obj in objs if test(obj)] for kind, objs in self._laid_out.items()}
        return LaidOutPage(self.page_number, self.width, self.height, kept)

    def find_tables(self, table_settings: dict[str, Any] | None = None) -> list[Table]:
        return list(TableFinder(self, TableSettings.resolve(table_settings)).tables)  # type: ignore[arg-type]

    def turned(self, degrees: int) -> LaidOutPage:
        """The page as a viewer shows it turned clockwise by 90, 180 or 270 degrees."""
        w, h = self.width, self.height
        size = (h, w) if degrees in (90, 270) else (w, h)

        def move(x: float, y: float) -> tuple[float, float]:
            return (h - y, x) if degrees == 90 else (w - x, h - y) if degrees == 180 else (y, w - x)

        # the same turn in PDF's terms (y up), for a character's matrix: [x y] M R
        r = {90: (0.0, -1.0, 1.0, 0.0), 180: (-1.0, 0.0, 0.0, -1.0), 270: (0.0, 1.0, -1.0, 0.0)}[degrees]

        def box(obj: Obj) -> tuple[float, float, float, float]:
            (x0, y0), (x1, y1) = move(obj["x0"], obj["top"]), move(obj["x1"], obj["bottom"])
            return min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)

        out: dict[str, list[Obj]] = {"char": [], "line": [], "rect": [], "image": []}
        for ch in self.chars:
            a, b, c, d = (float(v) for v in ch["matrix"][:4])
            m = (a * r[0] + b * r[2], a * r[1] + b * r[3], c * r[0] + d * r[2], c * r[1] + d * r[3], 0.0, 0.0)
            upright = abs(m[1]) < 1e-6 and abs(m[2]) < 1e-6 and m[0] * m[3] > 0
            out["char"].append(char(ch["text"], box(ch), ch["size"], m, upright, ch["fontname"], self.page_number,
                                    size[1]))
        for ln in self.lines:
            x0, top, x1, bottom = box(ln)
            out["line"].append(line(x0, top, x1, bottom, ln.get("linewidth", 0.5), self.page_number, size[1]))
        for rc in self.rects:
            out["rect"].append(rect(box(rc), rc["fill"], rc["stroke"], rc["non_stroking_color"], self.page_number,
                                    size[1]))
        for im in self.images:
            out["image"].append(image(box(im), self.page_number, size[1]))
        return LaidOutPage(self.page_number, size[0], size[1], out)


def char(text: str, box: tuple[float, float, float, float], size: float, matrix: tuple[float, ...],
         upright: bool, font: str, page: int, height: float) -> Obj:
    x0, top, x1, bottom = box
    return {"object_type": "char", "text": text, "x0": x0, "x1": x1, "top": top, "bottom": bottom,
            "doctop": top, "y0": height - bottom, "y1": height - top, "width": x1 - x0, "height": bottom - top,
            "size": size, "adv": x1 - x0, "upright": upright, "matrix": matrix, "fontname": font,
            "page_number": page, "stroking_color": None, "non_stroking_color": None}


def line(x0: float, top: float, x1: float, bottom: float, width: float, page: int, height: float) -> Obj:
    """A straight ruling line (horizontal when `top == bottom`)."""
    return {"object_type": "line", "x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": top,
            "y0": height - bottom, "y1": height - top, "width": x1 - x0, "height": bottom - top,
            "linewidth": width, "page_number": page, "pts": [(x0, top), (x1, bottom)]}


def rect(box: tuple[float, float, float, float], fill: bool, stroke: bool, color: tuple[float, ...] | None,
         page: int, height: float) -> Obj:
    x0, top, x1, bottom = box
    return {"object_type": "rect", "x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": top,
            "y0": height - bottom, "y1": height - top, "width": x1 - x0, "height": bottom - top,
            "fill": fill, "stroke": stroke, "non_stroking_color": color, "page_number": page}


def image(box: tuple[float, float, float, float], page: int, height: float) -> Obj:
    x0, top, x1, bottom = box
    return {"object_type": "image", "x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": top,
            "y0": height - bottom, "y1": height - top, "width": x1 - x0, "height": bottom - top,
            "page_number": page}
