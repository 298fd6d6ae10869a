"""OFD files (GB/T 33190) drawn from a PDF's pages, as a PDF-to-OFD converter (数科, 福昕, an
OA system's 版式转换) writes them: each page's characters as text objects — a run of a line's
characters with its DeltaX steps (`g N D` where they repeat), or one object a character with
its CGTransform, as ofdrw's and WPS's files hold them — its ruling lines and boxes as paths,
its pictures as image objects, in millimetres from the page's top left, the namespace prefix
`ofd:`. Characters set at a slant or turned are drawn turned by their CTM. Options give the
shapes real files take: a running header drawn by a template page, positions through a CTM
(text drawn at size 1 and scaled)."""

from __future__ import annotations

import zipfile
from itertools import pairwise
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

MM = 25.4 / 72
NS = 'xmlns:ofd="http://www.ofdspec.org/2016"'


def _mm(value: float) -> str:
    return f"{value * MM:.3f}".rstrip("0").rstrip(".")


def _steps(deltas: list[float]) -> str:
    """DeltaX as converters write it: repeated steps as `g N D`."""
    out: list[str] = []
    i = 0
    while i < len(deltas):
        j = i
        while j < len(deltas) and abs(deltas[j] - deltas[i]) < 1e-3:
            j += 1
        step = _mm(deltas[i])
        out.append(f"g {j - i} {step}" if j - i > 2 else " ".join([step] * (j - i)))
        i = j
    return " ".join(out)


class _Ids:
    def __init__(self) -> None:
        self.n = 10

    def __call__(self) -> int:
        self.n += 1
        return self.n


def _runs(chars: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """A line's characters of one font and size, in order, as one text object each."""
    runs: list[list[dict[str, Any]]] = []
    for ch in sorted(chars, key=lambda c: (round(c["bottom"]), c["x0"])):
        last = runs[-1][-1] if runs else None
        if last is not None and abs(last["bottom"] - ch["bottom"]) < 0.5 and last["fontname"] == ch["fontname"] \
                and abs(last["size"] - ch["size"]) < 0.01 and 0 <= ch["x0"] - last["x1"] < ch["size"] * 0.6:
            runs[-1].append(ch)
        else:
            runs.append([ch])
    return runs


def _slanted(ch: dict[str, Any]) -> bool:
    """Set at a slant or turned (a watermark, a page's content drawn sideways)."""
    a, b, c, d = (float(v) for v in ch.get("matrix", (1.0, 0.0, 0.0, 1.0))[:4])
    return abs(b) > 0.01 * abs(a) or abs(c) > 0.01 * abs(d) or a < 0 or d < 0


def _turned_glyph(ch: dict[str, Any], ids: _Ids, height: float) -> str:
    """A character set at a slant or turned (a diagonal watermark, a page's content drawn
    sideways): its own object at its origin, turned by its CTM (PDF's y runs up, OFD's down)."""
    a, b, c, d, e, f = (float(v) for v in ch["matrix"][:6])
    scale = abs(a * d - b * c) ** 0.5 or 1.0
    ctm = f"{a / scale:.4f} {-b / scale:.4f} {-c / scale:.4f} {d / scale:.4f} 0 0"
    # pdfminer's size of a glyph turned a quarter is its height on the page, its advance
    size = max(float(ch["width"]), float(ch["height"])) if abs(a) < 0.01 * abs(b) else float(ch["size"])
    return (f'<ofd:TextObject ID="{ids()}" Boundary="{_mm(e)} {_mm(height - f)} 20 20"'
            f' Font="3" Size="{_mm(size)}" CTM="{ctm}"><ofd:TextCode X="0" Y="0">'
            f'{escape(str(ch["text"]))}</ofd:TextCode></ofd:TextObject>')


def _text_objects(chars: list[dict[str, Any]], ids: _Ids, per_glyph: bool, scaled: bool,
                  height: float) -> list[str]:
    out = [_turned_glyph(c, ids, height) for c in chars if _slanted(c)]
    chars = [c for c in chars if not _slanted(c)]
    for run in ([[c] for c in chars] if per_glyph else _runs(chars)):
        first = run[0]
        size = float(first["size"])
        baseline = float(first["bottom"]) - 0.12 * size
        left, top = float(first["x0"]), baseline - size
        width = float(run[-1]["x1"]) - left
        text = escape("".join(c["text"] for c in run))
        deltas = [float(b["x0"]) - float(a["x0"]) for a, b in pairwise(run)]
        ctm = ""
        x, y, steps, shown = 0.0, size, deltas, size
        if scaled:  # drawn at size 1 and scaled by the object's CTM, as some converters do
            ctm = f' CTM="{_mm(size)} 0 0 {_mm(size)} 0 0"'
            y, steps, shown = 1.0 / MM, [d / size / MM for d in deltas], 1.0 / MM
        delta = f' DeltaX="{_steps(steps)}"' if steps else ""
        glyphs = (f'<ofd:CGTransform CodePosition="0" CodeCount="{len(run)}" GlyphCount="{len(run)}">'
                  f'<ofd:Glyphs>{" ".join(str(40 + k) for k in range(len(run)))}</ofd:Glyphs></ofd:CGTransform>'
                  if per_glyph else "")
        bounds = f"{_mm(left)} {_mm(top)} {_mm(width + size)} {_mm(size * 1.3)}"
        out.append(f'<ofd:TextObject ID="{ids()}" Boundary="{bounds}"'
                   f' Font="3" Size="{_mm(shown)}"{ctm}><ofd:FillColor Value="0 0 0"/>{glyphs}'
                   f'<ofd:TextCode X="{_mm(x)}" Y="{_mm(y)}"{delta}>{text}</ofd:TextCode></ofd:TextObject>')
    return out


def _rgb(color: Any) -> str:
    values = [v for v in (color if isinstance(color, tuple | list) else (color,)) if isinstance(v, int | float)]
    if len(values) == 1:
        values = values * 3
    if len(values) == 4:  # CMYK
        c, m, y, k = values
        values = [(1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k)]
    return " ".join(str(round(v * 255)) for v in (values or [0, 0, 0])[:3])


def _paths(page: Any, ids: _Ids) -> list[str]:
    out = []
    for line in page.lines:
        x0, top = float(line["x0"]), float(line["top"])
        dx, dy = float(line["x1"]) - x0, float(line["bottom"]) - top
        out.append(f'<ofd:PathObject ID="{ids()}" Boundary="{_mm(x0)} {_mm(top)} {_mm(dx) or 0} {_mm(dy) or 0}"'
                   f' LineWidth="{_mm(float(line.get("linewidth") or 0.5))}">'
                   f'<ofd:AbbreviatedData>M 0 0 L {_mm(dx)} {_mm(dy)}</ofd:AbbreviatedData></ofd:PathObject>')
    for rect in page.rects:
        x0, top, w, h = (float(rect[k]) for k in ("x0", "top", "width", "height"))
        fill = ' Fill="true"' if rect.get("fill") else ""
        stroke = "" if rect.get("stroke") else ' Stroke="false"'
        color = f'<ofd:FillColor Value="{_rgb(rect.get("non_stroking_color"))}"/>' if rect.get("fill") else ""
        out.append(f'<ofd:PathObject ID="{ids()}" Boundary="{_mm(x0)} {_mm(top)} {_mm(w)} {_mm(h)}"{fill}{stroke}>'
                   f'{color}<ofd:AbbreviatedData>M 0 0 L {_mm(w)} 0 L {_mm(w)} {_mm(h)} L 0 {_mm(h)} C'
                   '</ofd:AbbreviatedData></ofd:PathObject>')
    for curve in page.curves:  # a browser draws a cell's borders as filled outlines
        x0, top = float(curve["x0"]), float(curve["top"])
        steps = " ".join(f"{'M' if k == 0 else 'L'} {_mm(float(x) - x0)} {_mm(float(y) - top)}"
                         for k, (x, y) in enumerate(curve["pts"]))
        fill = ' Fill="true"' if curve.get("fill") else ""
        stroke = "" if curve.get("stroke") else ' Stroke="false"'
        out.append(f'<ofd:PathObject ID="{ids()}" Boundary="{_mm(x0)} {_mm(top)} {_mm(float(curve["width"]))}'
                   f' {_mm(float(curve["height"]))}"{fill}{stroke}><ofd:AbbreviatedData>{steps}</ofd:AbbreviatedData>'
                   "</ofd:PathObject>")
    for im in page.images:
        x0, top = float(im["x0"]), float(im["top"])
        w, h = float(im["x1"]) - x0, float(im["bottom"]) - top
        out.append(f'<ofd:ImageObject ID="{ids()}" Boundary="{_mm(x0)} {_mm(top)} {_mm(w)} {_mm(h)}"'
                   f' CTM="{_mm(w)} 0 0 {_mm(h)} 0 0" ResourceID="2"/>')
    return out


def _content(objects: list[str], template: bool = False) -> str:
    layer = f'<ofd:Layer ID="1" Type="Body">{"".join(objects)}</ofd:Layer>'
    head = '<ofd:Template TemplateID="5" ZOrder="Background"/>' if template else ""
    return f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page {NS}>{head}<ofd:Content>{layer}</ofd:Content></ofd:Page>'


def ofd_from_pdf(pdf: Path, out: Path, per_glyph: bool = False, scaled: bool = False,
                 running_header: str | None = None, title: str | None = None) -> Path:
    """`out`: the PDF's pages as an OFD. `running_header`: a line drawn at the top of every
    page by a template page, as an OA system stamps its document's header."""
    import pdfplumber

    ids = _Ids()
    pages: list[str] = []
    template = [f'<ofd:TextObject ID="{ids()}" Boundary="30 1 150 4" Font="3" Size="3">'
                f'<ofd:TextCode X="0" Y="3" DeltaX="g {len(running_header) - 1} 3">{escape(running_header)}'
                "</ofd:TextCode></ofd:TextObject>"] if running_header else []
    header_in_template = bool(running_header)
    with pdfplumber.open(pdf) as doc:
        width, height = float(doc.pages[0].width), float(doc.pages[0].height)
        for page in doc.pages:
            chars = [c for c in page.chars if str(c["text"]).strip()]
            pages.append(_content(_text_objects(chars, ids, per_glyph, scaled, float(page.height)) + _paths(page, ids),
                                  template=header_in_template))
    info = f"<ofd:DocInfo><ofd:DocID>a1b2</ofd:DocID>{f'<ofd:Title>{escape(title)}</ofd:Title>' if title else ''}" \
           "<ofd:Creator>OFD Writer</ofd:Creator></ofd:DocInfo>"
    listed = "".join(f'<ofd:Page ID="{100 + n}" BaseLoc="Pages/Page_{n}/Content.xml"/>' for n in range(len(pages)))
    tpl = '<ofd:TemplatePage ID="5" BaseLoc="Tpls/Tpl_0/Content.xml"/>' if header_in_template else ""
    document = (f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document {NS}><ofd:CommonData>'
                f"<ofd:MaxUnitID>{ids.n + 200}</ofd:MaxUnitID><ofd:PageArea>"
                f"<ofd:PhysicalBox>0 0 {_mm(width)} {_mm(height)}</ofd:PhysicalBox></ofd:PageArea>"
                f"<ofd:PublicRes>PublicRes.xml</ofd:PublicRes>{tpl}</ofd:CommonData>"
                f"<ofd:Pages>{listed}</ofd:Pages></ofd:Document>")
    res = (f'<?xml version="1.0" encoding="UTF-8"?><ofd:Res {NS} BaseLoc="Res"><ofd:Fonts>'
           f'<ofd:Font ID="3" FontName={quoteattr("宋体")} FamilyName={quoteattr("宋体")}/></ofd:Fonts></ofd:Res>')
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("OFD.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD {NS} DocType="OFD" Version="1.0">'
                               f"<ofd:DocBody>{info}<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>")
        zf.writestr("Doc_0/Document.xml", document)
        zf.writestr("Doc_0/PublicRes.xml", res)
        for n, content in enumerate(pages):
            zf.writestr(f"Doc_0/Pages/Page_{n}/Content.xml", content)
        if header_in_template:
            zf.writestr("Doc_0/Tpls/Tpl_0/Content.xml", _content(template))
    return out
