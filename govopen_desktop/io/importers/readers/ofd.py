"""An OFD file (GB/T 33190, the national fixed-layout format: what an OA system's 电子公文, 数科,
福昕 or WPS 另存为 OFD give) to neutral rows.

An OFD is a zip of XML: OFD.xml names the document (DocRoot), whose Document.xml lists the
pages and their templates (running headers and footers); each page's Content.xml draws text
objects (each glyph's origin given by X, Y and the DeltaX/DeltaY steps, in millimetres, through
the object's CTM, from its Boundary's corner), paths (ruling lines, cell boxes) and pictures.
They are laid out as pdfplumber lays out a PDF page (`laid_out.py`) and read by the PDF
reader's code, so a table is read by its ruling lines and the rest as lines, as a PDF is.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata
import zipfile
from itertools import pairwise
from pathlib import Path
from typing import Any

from govopen_desktop.io.importers.neutral import Doc
from govopen_desktop.io.importers.problems import ImportFailed
from govopen_desktop.io.importers.readers import laid_out
from govopen_desktop.io.importers.readers.detect import open_zip

PT = 72 / 25.4  # OFD measures in millimetres; the layout code's tolerances are in points
A4 = (0.0, 0.0, 210.0, 297.0)
MAX_PAGES = 300
MAX_OBJECTS = 200_000  # drawing objects on one page: a dense report page has a few thousand
_OBJECT = re.compile(rb"<(?:\w+:)?(?:Text|Path|Image|Composite)Object\b")
_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def read_ofd(path: Path, name: str) -> Doc:
    from govopen_desktop.io.importers.readers.pdf import read_pages

    with open_zip(path) as zf:  # the zip's sizes and XML parts were checked when its kind was told
        package = _Package(zf, name)
        title, pages = package.pages()
    return read_pages(pages, name, "ofd", title)


def _damaged(name: str, what: str) -> ImportFailed:
    return ImportFailed(f"“{name}”不是完整的 OFD 版式文件（{what}），可能已损坏，或在下载、复制时被截断，无法读取。"
                        "请重新获取该文件，或用 OFD 阅读器另存为 PDF 后再导入。")


def _local(el: Any) -> str:
    tag = el.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _child(el: Any, name: str) -> Any | None:
    return next((c for c in el if _local(c) == name), None)


def _children(el: Any, name: str) -> list[Any]:
    return [c for c in el if _local(c) == name]


def _numbers(text: str | None) -> list[float]:
    return [float(n) for n in _NUMBER.findall(text or "")]


def _box(text: str | None) -> tuple[float, float, float, float] | None:
    values = _numbers(text)
    return (values[0], values[1], values[2], values[3]) if len(values) >= 4 else None


def _steps(text: str | None) -> list[float]:
    """DeltaX/DeltaY: numbers, where `g N D` stands for N steps of D."""
    out: list[float] = []
    tokens = (text or "").split()
    i = 0
    while i < len(tokens):
        if tokens[i] == "g" and i + 2 < len(tokens):
            try:
                count, step = int(float(tokens[i + 1])), float(tokens[i + 2])
            except ValueError:
                break
            out.extend([step] * min(max(count, 0), 10_000))
            i += 3
            continue
        try:
            out.append(float(tokens[i]))
        except ValueError:
            break
        i += 1
    return out


class _Package:
    def __init__(self, zf: zipfile.ZipFile, name: str) -> None:
        self.zf = zf
        self.name = name
        # a Windows tool may store `Doc_0\\Pages\\…` or change the case of a folder's name
        self.by_lower = {n.replace("\\", "/").lower(): n for n in zf.namelist()}

    def xml(self, part: str, page: int | None = None) -> Any:
        from lxml import etree

        found = self.by_lower.get(part.lstrip("/").lower())
        if found is None:
            raise _damaged(self.name, f"缺少部件“{part}”")
        try:
            data = self.zf.read(found)
        except (zipfile.BadZipFile, ValueError, OSError, EOFError) as exc:
            raise _damaged(self.name, f"部件“{found}”无法解压") from exc
        if page is not None and len(_OBJECT.findall(data)) > MAX_OBJECTS:  # before parsing it
            raise ImportFailed(f"“{self.name}”第{page}页有超过 {MAX_OBJECTS} 个图形对象，远超正常页面，已拒绝读取。")
        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)
        try:
            return etree.fromstring(data, parser)
        except (etree.XMLSyntaxError, ValueError) as exc:
            raise _damaged(self.name, f"部件“{found}”无法解析") from exc

    def pages(self) -> tuple[str | None, list[laid_out.LaidOutPage]]:
        root = self.xml("OFD.xml")
        body = _child(root, "DocBody")
        doc_root = _child(body, "DocRoot") if body is not None else None
        if doc_root is None or not (doc_root.text or "").strip():
            raise _damaged(self.name, "OFD.xml 没有指明文档")
        info = _child(body, "DocInfo") if body is not None else None
        title_el = _child(info, "Title") if info is not None else None
        title = (title_el.text or "").strip() or None if title_el is not None else None
        document_part = _resolve("", doc_root.text.strip())
        document = self.xml(document_part)
        folder = posixpath.dirname(document_part)
        common = _child(document, "CommonData")
        area = _child(common, "PageArea") if common is not None else None
        default_box = _page_box(area) or A4
        templates = {t.get("ID"): _resolve(folder, t.get("BaseLoc") or "")
                     for t in (_children(common, "TemplatePage") if common is not None else []) if t.get("BaseLoc")}
        listed = _child(document, "Pages")
        entries = [p for p in _children(listed, "Page") if p.get("BaseLoc")] if listed is not None else []
        if not entries:
            raise _damaged(self.name, "文档中没有页面")
        if len(entries) > MAX_PAGES:
            raise ImportFailed(f"“{self.name}”有 {len(entries)} 页，远超年度报告的正常篇幅，已拒绝读取。")
        pages = []
        for number, entry in enumerate(entries, 1):
            content = self.xml(_resolve(folder, entry.get("BaseLoc") or ""), number)
            box = _page_box(_child(content, "Area")) or default_box
            drawn = [self.xml(templates[t.get("TemplateID")], number) for t in _children(content, "Template")
                     if t.get("TemplateID") in templates]  # a template's header and footer print on the page
            pages.append(_lay_out(number, box, [*drawn, content], self.name))
        return title, pages


def _resolve(folder: str, location: str) -> str:
    """A BaseLoc: from the package's root when it starts with /, else from the citing part's folder."""
    location = location.strip().replace("\\", "/")
    if location.startswith("/"):
        return posixpath.normpath(location.lstrip("/"))
    return posixpath.normpath(posixpath.join(folder, location))


def _page_box(area: Any | None) -> tuple[float, float, float, float] | None:
    if area is None:
        return None
    physical = _child(area, "PhysicalBox")
    box = _box(physical.text) if physical is not None else None
    return box if box and box[2] > 0 and box[3] > 0 else None


def _lay_out(number: int, box: tuple[float, float, float, float], contents: list[Any],
             name: str) -> laid_out.LaidOutPage:
    width, height = box[2] * PT, box[3] * PT
    objects: dict[str, list[dict[str, Any]]] = {"char": [], "line": [], "rect": [], "image": []}
    drawer = _Drawer(number, height, box[0], box[1], objects)
    count = 0
    for content in contents:
        for el in content.iter():
            kind = _local(el)
            if kind not in ("TextObject", "PathObject", "ImageObject"):
                continue
            count += 1
            if count > MAX_OBJECTS:
                raise ImportFailed(f"“{name}”第{number}页有超过 {MAX_OBJECTS} 个图形对象，远超正常页面，已拒绝读取。")
            if el.get("Visible", "true").lower() == "false":
                continue
            if kind == "TextObject":
                drawer.text(el)
            elif kind == "PathObject":
                drawer.path(el)
            else:
                drawer.image(el)
    _close_open_ends(objects["char"], drawer.open_ends)
    return laid_out.LaidOutPage(number, width, height, objects)


def _close_open_ends(chars: list[dict[str, Any]], open_ends: list[dict[str, Any]]) -> None:
    """The last glyph of a text code has no step to tell its width: a symbol (＠, a Latin
    quote in a Chinese font) may be wider than half an em. When the next glyph on its line
    starts within an em of it, it ends there (no space between them). Letters and digits keep
    their half em: two numbers a gap apart stay apart."""
    if not open_ends:
        return
    by_line: dict[int, list[dict[str, Any]]] = {}
    for ch in chars:
        by_line.setdefault(round(ch["bottom"]), []).append(ch)
    for ch in open_ends:
        if ch["text"].isalnum():
            continue
        line = [c for k in (-1, 0, 1) for c in by_line.get(round(ch["bottom"]) + k, [])]
        nexts = [c["x0"] for c in line if ch["x0"] < c["x0"] <= ch["x0"] + 1.05 * ch["size"] and c is not ch]
        if nexts and min(nexts) > ch["x1"]:
            ch["x1"] = min(nexts)
            ch["width"] = ch["adv"] = ch["x1"] - ch["x0"]


def _apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = m
    return a * x + c * y + e, b * x + d * y + f


class _Drawer:
    """Turns OFD objects into pdfplumber's, in points from the page's top left."""

    def __init__(self, page: int, height: float, left: float, top: float, objects: dict[str, list[dict[str, Any]]]):
        self.page, self.height, self.left, self.top, self.objects = page, height, left, top, objects
        self.open_ends: list[dict[str, Any]] = []  # a text code's last glyph: its width a guess

    def _frame(self, el: Any) -> tuple[Matrix, float, float] | None:
        boundary = _box(el.get("Boundary"))
        if boundary is None:
            return None
        values = _numbers(el.get("CTM"))
        ctm: Matrix = (values[0], values[1], values[2], values[3], values[4], values[5]) \
            if len(values) >= 6 else IDENTITY
        return ctm, boundary[0] - self.left, boundary[1] - self.top

    def _point(self, frame: tuple[Matrix, float, float], x: float, y: float) -> tuple[float, float]:
        ctm, ox, oy = frame
        px, py = _apply(ctm, x, y)
        return (ox + px) * PT, (oy + py) * PT

    def text(self, el: Any) -> None:
        frame = self._frame(el)
        if frame is None:
            return
        ctm = frame[0]
        size = float((_numbers(el.get("Size")) or [3.5])[0])
        scale = abs(ctm[0] * ctm[3] - ctm[1] * ctm[2]) ** 0.5 or 1.0
        turned = abs(ctm[1]) > 1e-6 or abs(ctm[2]) > 1e-6 or el.get("CharDirection", "0") not in ("0", "")
        upright = not turned and ctm[0] * ctm[3] > 0
        matrix = (ctm[0] * size, -ctm[1] * size, -ctm[2] * size, ctm[3] * size, 0.0, 0.0)
        font = el.get("Font") or ""
        x = y = 0.0
        for code in _children(el, "TextCode"):
            text = code.text or ""
            if any(c in text for c in "\n\r\t"):
                text = text.strip()  # a pretty-printed part's indent around the code's glyphs
            if code.get("X") is not None:
                x = float((_numbers(code.get("X")) or [x])[0])
            if code.get("Y") is not None:
                y = float((_numbers(code.get("Y")) or [y])[0])
            dx, dy = _steps(code.get("DeltaX")), _steps(code.get("DeltaY"))
            for i, ch in enumerate(text):
                advance = _advance(ch, size, dx[i] if i < len(dx) else None)
                corners = [self._point(frame, px, py) for px, py in
                           ((x, y - 0.88 * size), (x + advance, y - 0.88 * size),
                            (x, y + 0.12 * size), (x + advance, y + 0.12 * size))]
                xs, ys = [p[0] for p in corners], [p[1] for p in corners]
                glyph = laid_out.char(ch, (min(xs), min(ys), max(xs), max(ys)), size * scale * PT, matrix, upright,
                                      font, self.page, self.height)
                self.objects["char"].append(glyph)
                if i == len(text) - 1 and upright:
                    self.open_ends.append(glyph)
                x += dx[i] if i < len(dx) else advance
                y += dy[i] if i < len(dy) else 0.0

    def path(self, el: Any) -> None:
        frame = self._frame(el)
        data = _child(el, "AbbreviatedData")
        if frame is None or data is None:
            return
        stroke = el.get("Stroke", "true").lower() != "false"
        fill = el.get("Fill", "false").lower() == "true"
        color = _color(_child(el, "FillColor"))
        width = float((_numbers(el.get("LineWidth")) or [0.353])[0]) * PT
        for points, closed in _subpaths(data.text or ""):
            placed = [self._point(frame, x, y) for x, y in points]
            box = _rectangle(placed, closed)
            if box is not None:
                self.objects["rect"].append(laid_out.rect(box, fill, stroke, color, self.page, self.height))
            elif stroke or fill:  # a filled outline's sides show as lines too (a browser's cell borders)
                self._lines(placed + ([placed[0]] if closed else []), width)

    def _lines(self, points: list[tuple[float, float]], width: float) -> None:
        lines = self.objects["line"]
        for (x0, y0), (x1, y1) in pairwise(points):
            if abs(y1 - y0) <= 0.1 and abs(x1 - x0) > 0.1:
                y = (y0 + y1) / 2
                lines.append(laid_out.line(min(x0, x1), y, max(x0, x1), y, width, self.page, self.height))
            elif abs(x1 - x0) <= 0.1 and abs(y1 - y0) > 0.1:
                x = (x0 + x1) / 2
                lines.append(laid_out.line(x, min(y0, y1), x, max(y0, y1), width, self.page, self.height))

    def image(self, el: Any) -> None:
        frame = self._frame(el)
        if frame is None:
            return
        # a picture fills its object's unit square
        corners = [self._point(frame, x, y) for x, y in ((0, 0), (1, 0), (0, 1), (1, 1))]
        xs, ys = [p[0] for p in corners], [p[1] for p in corners]
        self.objects["image"].append(laid_out.image((min(xs), min(ys), max(xs), max(ys)), self.page, self.height))


def _advance(ch: str, size: float, step: float | None) -> float:
    """A glyph's width: its step to the next glyph when that is at most an em (the step of a
    run set solid), else a Chinese font's width for it (an em; half an em for Latin letters
    and digits); a wider step is a gap (columns of a table in one text code)."""
    if step is not None and 0 < step <= size * 1.05:
        return step
    return size if unicodedata.east_asian_width(ch) in ("W", "F", "A") else size / 2


def _color(el: Any | None) -> tuple[float, ...] | None:
    if el is None:
        return (0.0, 0.0, 0.0)  # OFD's default fill: black
    values = _numbers(el.get("Value"))
    return tuple(v / 255 for v in values) if values else (0.0, 0.0, 0.0)


def _subpaths(data: str) -> list[tuple[list[tuple[float, float]], bool]]:
    """The straight subpaths of an AbbreviatedData (S/M start, L line, C close); a subpath with
    a curve (Q, B, A) is no ruling line and is left out."""
    out: list[tuple[list[tuple[float, float]], bool]] = []
    points: list[tuple[float, float]] = []
    curved = False
    tokens = data.split()
    args = {"S": 2, "M": 2, "L": 2, "Q": 4, "B": 6, "A": 7, "C": 0}

    def end(closed: bool) -> None:
        if len(points) >= 2 and not curved:
            out.append((list(points), closed))

    i = 0
    while i < len(tokens):
        op = tokens[i]
        n = args.get(op)
        if n is None:
            i += 1
            continue
        try:
            values = [float(t) for t in tokens[i + 1:i + 1 + n]]
        except ValueError:
            break
        if len(values) < n:
            break
        i += 1 + n
        if op in ("S", "M"):
            end(False)
            points, curved = [(values[0], values[1])], False
        elif op == "L":
            points.append((values[0], values[1]))
        elif op == "C":
            end(True)
            points, curved = ([points[0]] if points else []), False
        else:
            curved = True
            points.append((values[-2], values[-1]))
    end(False)
    return out


def _rectangle(points: list[tuple[float, float]], closed: bool) -> tuple[float, float, float, float] | None:
    """The box of a subpath that is an upright rectangle (four corners, closed), else None."""
    corners = points[:-1] if len(points) == 5 and points[0] == points[-1] else points
    if len(corners) != 4 or not (closed or len(points) == 5):
        return None
    xs, ys = sorted({round(x, 2) for x, _y in corners}), sorted({round(y, 2) for _x, y in corners})
    if len(xs) > 2 or len(ys) > 2:
        return None
    for (x0, y0), (x1, y1) in zip(corners, [*corners[1:], corners[0]], strict=True):
        if abs(x1 - x0) > 0.1 and abs(y1 - y0) > 0.1:
            return None
    return (xs[0], ys[0], xs[-1], ys[-1])
