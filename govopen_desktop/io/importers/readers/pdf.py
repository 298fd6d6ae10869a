"""A PDF with a text layer to neutral rows, through pdfplumber (on pdfminer.six).

Tables are read by their ruling lines into rows of cells (a merged cell once, at its first
position); the text outside the tables becomes paragraphs, one per printed line, in reading
order (top to bottom, page after page). Page numbers ("-3-", "— 3 —", "第3页") and running
headers repeated on most pages are not report text. A one-column "table" (a framed text box)
is read as paragraphs.

Before pdfminer parses anything, the raw file is checked: a page tree declaring more pages
than a report has, or a compressed stream that inflates far beyond any report (a "bomb"),
is refused at once with a message that names the file.
"""

from __future__ import annotations

import logging
import re
import zlib
from collections import Counter
from pathlib import Path
from typing import Any

from govopen_desktop.domain.fold import plain_characters
from govopen_desktop.io.importers.neutral import PRINT_STAMP, Cell, Doc, Row
from govopen_desktop.io.importers.problems import ImportFailed

# pdfminer warns of each font it measures without a FontBBox (most Chinese PDFs' fonts), a
# line per character run: an application that set up logging still gets them (the CLI's log
# file), but one that did not (the importer used as a library) prints none of them on stderr
logging.getLogger("pdfminer").addHandler(logging.NullHandler())

MAX_PAGES = 300  # a yearly report has 5-40 pages
MAX_INFLATED = 150 * 1024 * 1024  # all compressed streams together, inflated
MAX_STREAM_INFLATED = 60 * 1024 * 1024  # any one stream, inflated
MAX_PAGE_CHARS = 60_000  # a dense A4 page holds ~2,000 Chinese characters
# A page's drawing instructions: real report pages hold 10-40 KB and a few hundred text operators;
# pdfminer interprets ~100 KB a second, so these bound the time a page can take.
MAX_CONTENT_STREAM = 1024 * 1024
MAX_CONTENT_TOTAL = 8 * 1024 * 1024
MAX_TEXT_OPERATORS = 10_000  # Tj/TJ/'/" in one stream (WPS writes one per character: ~500 a page)
MAX_TEXT_OPERATORS_TOTAL = 120_000
_NOT_CONTENT = re.compile(rb"/Subtype\s*/|/Length[123]\b|/Type\s*/(?:XRef|ObjStm|Metadata|EmbeddedFile)\b")
_TEXT_OPERATOR = re.compile(rb"(?:\)|\]|>)\s*(?:Tj|TJ|'|\")")
MIN_TEXT_CHARS = 20  # fewer printable characters in the whole file: a scan without a text layer
UNMAPPED_SHARE = 0.3  # characters of fonts without a character map, at least this share: unreadable

_PAGE_NUMBER = re.compile(
    r"^\s*(?:[\-－—–_~·]+\s*\d{1,3}\s*[\-－—–_~·]+|第\s*\d{1,3}\s*页(?:\s*[/，,]?\s*共\s*\d{1,3}\s*页)?"
    r"|共\s*\d{1,3}\s*页\s*[/，,]?\s*第\s*\d{1,3}\s*页"
    r"|\d{1,3}\s*/\s*\d{1,3})\s*$"
)
_BARE_NUMBER = re.compile(r"^\s*\d{1,3}\s*$")
_STREAM = re.compile(rb"(?<!end)stream\r?\n")  # a stream begins; not the "endstream" that ends one
_LINE_TOLERANCE = 3.0  # points: chars whose tops differ less sit on one printed line


def is_page_number(text: str, bare: bool = False) -> bool:
    """'-3-', '— 3 —', '第3页', '第 3 页 共 6 页', '共6页 第3页', '3/6'; a bare '3' only where `bare` says the
    line is the first or last of its page (elsewhere it is a number of an unruled table)."""
    return bool(_PAGE_NUMBER.match(text)) or (bare and bool(_BARE_NUMBER.match(text)))


# ---- checks on the raw bytes -------------------------------------------------------------


def check_raw(data: bytes, name: str) -> None:
    """Refuse, before parsing, what would take minutes or gigabytes."""
    counts = [int(m) for m in re.findall(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d{1,12})", data[:2_000_000])]
    counts += [int(m) for m in re.findall(rb"/Count\s+(\d{1,12})[^>]*?/Type\s*/Pages\b", data[:2_000_000])]
    if counts and max(counts) > MAX_PAGES:
        raise ImportFailed(
            f"“{name}”声明有 {max(counts)} 页，远超年度报告的正常篇幅（可能是异常或恶意构造的文件），已拒绝读取。"
        )
    total = content_total = operators_total = 0
    for m in _STREAM.finditer(data):
        start = m.end()
        head = data[max(0, m.start() - 400): m.start()]
        head = head[head.rfind(b"obj") + 3:] if b"obj" in head else head  # this stream's dictionary
        end = data.find(b"endstream", start)
        if end < 0:
            end = len(data)
        content = _NOT_CONTENT.search(head) is None
        flate = b"/FlateDecode" in head or b"/Fl " in head or b"/Fl/" in head
        if flate:
            inflated, text = _inflated(data[start:end], MAX_STREAM_INFLATED, keep=content)
        elif b"/Filter" in head:
            continue  # other filters: pdfminer decodes them, bounded by the file's size
        else:
            text = data[start:end] if content else b""
            inflated = len(text)
        total += inflated
        if inflated >= MAX_STREAM_INFLATED or total > MAX_INFLATED:
            raise ImportFailed(
                f"“{name}”中有压缩数据解压后超过 {min(MAX_STREAM_INFLATED, MAX_INFLATED) // 1024 // 1024} MB，"
                "远超年度报告的正常大小（可能是异常或恶意构造的文件），已拒绝读取。"
            )
        if content:
            content_total += len(text)
            operators = len(_TEXT_OPERATOR.findall(text))
            operators_total += operators
            if (len(text) > MAX_CONTENT_STREAM or content_total > MAX_CONTENT_TOTAL
                    or operators > MAX_TEXT_OPERATORS or operators_total > MAX_TEXT_OPERATORS_TOTAL):
                raise ImportFailed(
                    f"“{name}”的页面内容（{max(len(text), content_total) // 1024} KB 绘制指令）远超年度报告的正常页面"
                    "（可能是异常或恶意构造的文件），已拒绝读取。"
                )


def _inflated(raw: bytes, cap: int, keep: bool) -> tuple[int, bytes]:
    """Bytes the stream inflates to, counted up to `cap` in 1 MB steps, and (when `keep`) the
    first MAX_CONTENT_STREAM + 1 of them, to look at page content."""
    inflater = zlib.decompressobj()
    size = 0
    kept: list[bytes] = []
    chunk = raw
    try:
        while chunk and size < cap:
            out = inflater.decompress(chunk, 1024 * 1024)
            if keep and size <= MAX_CONTENT_STREAM:
                kept.append(out)
            size += len(out)
            if inflater.eof or not out:
                break  # the end of the data, or no progress: the EOL before "endstream" stays unconsumed
            chunk = inflater.unconsumed_tail
    except zlib.error:
        pass  # encrypted or damaged: pdfminer reports what it makes of it
    return size, b"".join(kept)[: MAX_CONTENT_STREAM + 1]


# ---- reading -----------------------------------------------------------------------------


def read_pdf(path: Path, name: str) -> Doc:
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    data = path.read_bytes()
    check_raw(data, name)
    try:
        pdf = pdfplumber.open(path)
    except Exception as exc:  # pdfplumber wraps pdfminer's errors in PdfminerException
        cause = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
        if isinstance(cause, PDFPasswordIncorrect | PDFEncryptionError) or "password" in repr(cause).lower():
            raise _password(name) from exc
        if isinstance(cause, PDFSyntaxError) or exc.__class__.__name__ == "PdfminerException":
            raise ImportFailed(
                f"“{name}”不是完整的 PDF 文件（可能已损坏，或在下载、复制时被截断），无法读取。"
            ) from exc
        raise
    with pdf:
        title = pdf.metadata.get("Title")  # a browser's 另存为 PDF: the page's <title>
        return read_pages(pdf.pages, name, "pdf", title if isinstance(title, str) else None)


def read_pages(pages: Any, name: str, doc_kind: str, title: str | None) -> Doc:
    """The rows of a fixed-layout document's pages: pdfplumber's pages of a PDF, or pages laid
    out alike (`readers/laid_out.py`) from another fixed-layout format."""
    if len(pages) > MAX_PAGES:
        raise ImportFailed(f"“{name}”有 {len(pages)} 页，远超年度报告的正常篇幅，已拒绝读取。")
    what = doc_kind.upper()  # PDF, OFD: as the clerk knows the file
    xs: dict[int, list[float]] = {}  # id of a ruled table's row: where each of its cells starts
    upright, unread = _upright_pages(pages, name, what)
    turned = sorted(upright)
    page_items = [[] if n in unread else _page_items(upright.get(n, page), name, n, xs)
                  for n, page in enumerate(pages, 1)]  # an unread page's characters, one a line, are no text
    unmapped = _unmapped(pages, name)
    pictured = _picture_pages(pages)
    chars = sum(len(_line_text(payload)) for items in page_items for _top, kind, payload in items
                if kind == "line")
    chars += sum(1 for items in page_items for _t, kind, _p in items if kind == "row")
    if chars < MIN_TEXT_CHARS:
        raise ImportFailed(
            f"“{name}”是扫描件或图片 {what}，没有可读取的文字层；本程序不含文字识别（OCR）。"
            "请导入同一报告的 Word、Excel 或网页版本，或用 OCR 软件转成文字后再导入。"
        )
    doc = Doc(name, doc_kind, title=(title or "").strip() or None)
    if unmapped:  # a font or two without a map (often the digits'): those cells are kept and named
        doc.notes.append(
            f"“{name}”有 {unmapped} 个字符没有字符编码（制作这个 PDF 的软件嵌入字体时没有写入编码表），读不出是什么字，"
            "按原样保留为“(cid:…)”；下面列出的格和文字中有这样的字，请对照原件填写。")
    if pictured:
        doc.notes.append(f"“{name}”{_pages_named(pictured)}是图片（扫描或截图），没有文字层，其上的表格和文字没有导入；"
                         "本程序不含文字识别（OCR）。请对照原件填写这些页上的内容，或导入同一报告的 Word、网页版本。")
    if turned:
        doc.notes.append(f"“{name}”{_pages_named(turned)}的内容是侧着或倒着排的（整页转了 90° 或 180°），"
                         "本程序已把这些页转正后读取；请对照原件核对这些页上的表格和文字。")
    if unread:
        doc.notes.append(f"“{name}”{_pages_named(unread)}的文字是侧着或倒着排的（整页内容转了 90° 或 180°，"
                         "在阅读器里要歪头或倒过来看），本程序读不了这样的页面，其中的表格和文字没有导入。"
                         f"请在 {what} 阅读器中把这些页转正后另存，再导入。")
    running = _running_lines(page_items)
    for left, right in _join_pages_cut_across(page_items, running, xs):
        doc.notes.append(f"“{name}”第{right}页是第{left}页表格右边几列的续页（表格比纸宽，打印时右边的列分到了下一页），"
                         "已按行接在第{left}页的表格右边读取；请对照原件核对这些列。".replace("{left}", str(left)))
    _join_rows_broken_by_pages(page_items, running, xs)
    kept: list[Row] = []
    segments: list[list[Segment] | None] = []  # a printed line's segments, for joining labels
    for n, items in enumerate(page_items, 1):
        lines = [k for k, (_t, kind, _p) in enumerate(items) if kind == "line"]
        ends = {lines[0], lines[-1]} if lines else set()
        place = f"第{n}页"
        if n in pictured:  # where it stands: a table of its part of the report is named as a picture
            kept.append(Row([], place, picture=f"第{n}页的图片"))
            segments.append(None)
        for k, (_top, kind, payload) in enumerate(items):
            if kind != "line":
                kept.append(payload)
                segments.append(None)
                continue
            text = _line_text(payload)
            if is_page_number(text, bare=k in ends):
                continue
            margin = k in lines[:2] or k in lines[-2:]
            if margin and _browser_margin(payload):
                continue
            if running_key(payload) in running and not (n == 1 and k in lines[:2]):
                continue  # a running header or footer (at the top of page 1 it may be the title)

            kept.append(_line_row(payload, place))
            segments.append(payload)
    for row in join_wrapped_labels(kept, segments):  # across pages: a label can run over a page break
        doc.add(row)
    return doc


def _line_row(segments: list[Segment], place: str) -> Row:
    """A printed line: a row of a table without ruling lines when its segments read as one
    (see text.spaced_cells), else a paragraph. Cells keep their x position."""
    from govopen_desktop.io.importers.official_rows import is_value_text, known_label
    from govopen_desktop.io.importers.readers.text import pipe_cells, spaced_cells

    text = _line_text(segments)
    if text.count("|") >= 2:  # a CMS table pasted as text, then printed: `规章 | 0 | 0 | 0 |`
        return Row([Cell(c.strip(), place) for c in pipe_cells(text)], place, is_table=True)
    cells = spaced_cells(text, label_apart=False)
    if cells is None:
        return Row([Cell(text, place, x=segments[0][0])], place)
    if len(cells) == len(segments) and len(segments) > 1:
        # a narrow gap between a label and its first number ("(三)不予 0"): two cells; none at
        # all after an official label, in a column as wide as the label (a web page's table
        # without padding, printed: "行政规范性文件564")
        m = _LABEL_AND_NUMBER.match(segments[0][1])
        if m and not m.group("gap") and not known_label(m.group("label")):
            m = None
        if m and all(is_value_text(t) for _x, t in segments[1:]):
            segments = [(segments[0][0], m.group("label")), (segments[1][0] - 1.0, m.group("number")),
                        *segments[1:]]
            cells = [t for _x, t in segments]
    if len(cells) == len(segments):
        return Row([Cell(t, place, x=x) for x, t in segments], place, is_table=True, spaced=True)
    return Row([Cell(c, place) for c in cells], place, is_table=True, spaced=True)


_MAX_FRAGMENTS = 24  # lines a wrapped label runs over in a narrow column (2 characters a line)
_MAX_PIECE = 24  # characters of one piece of a wrapped label (a line of prose is longer)
_MAX_LABEL = 64  # characters of a joined label (the longest official label has 37)
_LABEL_AND_NUMBER = re.compile(r"^(?P<label>.*[^\d\s.,])(?P<gap>\s*)(?P<number>[+\-]?\d[\d.,]*)$")
Piece = tuple[tuple[int, int], str]  # ((row, cell), text)


def join_wrapped_labels(rows: list[Row], segments: list[list[Segment] | None]) -> list[Row]:
    """A table without ruling lines and a narrow label column: each label runs over several
    lines, the numbers on one of them. The pieces printed in the label's own column (same x)
    above or below the line of numbers are joined to it when together they end with an official
    label (its group's label may come before it) that reaches into the line of numbers (nearest
    pieces first, below before above); the pieces used are dropped."""
    from govopen_desktop.io.importers.labels import norm
    from govopen_desktop.io.importers.official_rows import (
        ends_with_known_label,
        group_labels,
        is_value_text,
        known_label_end,
    )

    used: set[tuple[int, int]] = set()  # (row, segment)
    replaced: dict[int, Row] = {}
    for i, row in enumerate(rows):
        if not row.spaced:
            continue
        first = next((k for k, c in enumerate(row.cells) if is_value_text(c.text)), 0)
        label = row.cells[first - 1] if first else None
        if label is None or label.x is None or ends_with_known_label(label.text):
            continue
        below = _pieces(segments, i, label.x, +1, used)
        above = _pieces(segments, i, label.x, -1, used)
        best: tuple[str, list[Piece]] | None = None
        for n_above in range(len(above) + 1):
            for n_below in range(len(below) + 1):
                text = "".join(t for _at, t in above[:n_above][::-1]) + label.text + "".join(
                    t for _at, t in below[:n_below])
                if len(text) > _MAX_LABEL:
                    break
                # the label reaches into the line of numbers, or only its groups' labels come
                # before it: a label printed whole on the lines below, after other words, is
                # another row's (a row printed blank), not the end of this one
                end = known_label_end(text)
                if end and (end > len(norm("".join(t for _at, t in below[:n_below])))
                            or group_labels(norm(text)[:-end])):
                    best = (text, above[:n_above] + below[:n_below])
                    break
            if best:
                break
        if best is None:
            continue
        used.update(at for at, _t in best[1])
        cells = list(row.cells)
        cells[first - 1] = Cell(best[0], label.place, x=label.x)
        replaced[i] = Row(cells, row.place, is_table=True, spaced=True)
    out: list[Row] = []
    for i, row in enumerate(rows):
        row = replaced.get(i, row)
        segs = segments[i]
        if segs is not None and any((i, k) in used for k in range(len(segs))):
            rest = [seg for k, seg in enumerate(segs) if (i, k) not in used]
            if not rest:
                continue
            row = _line_row(rest, row.place)
        out.append(row)
    return out


def _pieces(segments: list[list[Segment] | None], i: int, x: float, step: int,
            used: set[tuple[int, int]]) -> list[Piece]:
    """Text pieces in the column starting at x on the lines next to line i, up to the next
    line of numbers or ruled-table row, nearest first."""
    from govopen_desktop.io.importers.official_rows import is_value_text

    out: list[Piece] = []
    j = i + step
    while 0 <= j < len(segments) and len(out) < _MAX_FRAGMENTS:
        segs = segments[j]
        if segs is None or any(is_value_text(t) for _x, t in segs):
            break
        hit = next(((k, text) for k, (sx, text) in enumerate(segs) if abs(sx - x) <= 3.0 and (j, k) not in used),
                   None)
        if hit is not None and len(hit[1]) > _MAX_PIECE:
            break  # a line of prose: the label cannot go on past it
        if hit is not None:
            out.append(((j, hit[0]), hit[1]))
        j += step  # a line with nothing in the label's column (a piece of the group label) is passed
    return out


def _unmapped(pages: Any, name: str) -> int:
    """The characters of fonts that carry no map from glyphs to characters (some printer
    drivers and typesetting tools embed them so): they read as "(cid:123)", a viewer copies
    them as garbage. Most of the text so: refused, said as such (not "no annual report found")."""
    chars = [ch for page in pages for ch in page.chars]
    unmapped = sum(1 for ch in chars if str(ch.get("text", "")).startswith("(cid:"))
    if chars and unmapped >= UNMAPPED_SHARE * len(chars):
        raise ImportFailed(
            f"“{name}”里的文字没有字符编码（制作这个 PDF 的软件嵌入字体时没有写入编码表），读出来是乱码"
            f"（{len(chars)} 个字符中有 {unmapped} 个无法识别），无法导入；从 PDF 阅读器里复制出来的文字也一样。"
            "请导入同一报告的 Word、Excel 或网页版本，或用 OCR 软件识别后再导入。"
        )
    return unmapped


def _pages_named(numbers: list[int]) -> str:
    return "、".join(f"第{n}页" for n in numbers[:10]) + ("等" if len(numbers) > 10 else "")


def _printed(page: Any) -> list[dict[str, Any]]:
    """The page's characters that print something (not spaces)."""
    return [ch for ch in page.chars if str(ch.get("text", "")).strip()]


PICTURE_SHARE = 0.3  # of a page covered by pictures, with next to no text: a scanned or pasted page


def _picture_pages(pages: Any) -> list[int]:
    """The pages that are pictures (a scanned page, a table pasted as a screenshot) in a PDF
    that has text elsewhere: nothing on them can be read, and the clerk is told which."""
    out: list[int] = []
    for n, page in enumerate(pages, 1):
        if len(_printed(page)) >= MIN_TEXT_CHARS:
            continue
        area = float(page.width) * float(page.height)
        covered = sum(float(im.get("width", 0)) * float(im.get("height", 0)) for im in page.images)
        if area > 0 and covered >= PICTURE_SHARE * area:
            out.append(n)
    return out


SIDEWAYS_SHARE = 0.5  # of a page's characters drawn turned a quarter: the page's content is sideways
MIN_SIDEWAYS_CHARS = 20  # fewer: a rotated column header or two, not a page


def _upside_down(ch: dict[str, Any]) -> bool:
    """Drawn turned half round (pdfminer calls such a character upright: its baseline is level)."""
    matrix = ch.get("matrix") or (1.0, 0.0, 0.0, 1.0)
    return float(matrix[0]) < 0 and float(matrix[3]) < 0


def _sideways_pages(pages: Any) -> list[int]:
    """The pages whose text is drawn turned a quarter or half round (a landscape table put on a
    portrait page as it is, not turned upright by the page's /Rotate, which pdfminer applies)."""
    sideways: list[int] = []
    for n, page in enumerate(pages, 1):
        chars = _printed(page)
        turned = sum(1 for ch in chars if _not_upright(ch))
        if turned >= MIN_SIDEWAYS_CHARS and turned >= SIDEWAYS_SHARE * len(chars):
            sideways.append(n)
    return sideways


def _upright_pages(pages: Any, name: str, what: str) -> tuple[dict[int, Any], list[int]]:
    """The sideways pages turned upright, by number, and the sideways pages no turn makes
    upright; a PDF whose every page with text is of the latter is refused as such."""
    upright: dict[int, Any] = {}
    unread: list[int] = []
    for n in _sideways_pages(pages):
        page = _turned_upright(pages[n - 1])
        if page is None:
            unread.append(n)
        else:
            upright[n] = page
    if unread and len(unread) == sum(1 for page in pages if _printed(page)):
        raise ImportFailed(
            f"“{name}”每一页的文字都是侧着或倒着排的（整页内容转了 90°、180° 或 270°，"
            "在阅读器里要歪头或倒过来看），本程序读不了这样的页面。"
            f"请在 {what} 阅读器中把各页转正后另存（或导入同一报告的 Word、网页版本），再导入。")
    return upright, unread


def _not_upright(ch: dict[str, Any]) -> bool:
    return not ch.get("upright", True) or _upside_down(ch)


UPRIGHT_SHARE = 0.9  # of a turned page's characters that must then read upright


def _turned_upright(page: Any) -> Any | None:
    """The page as pdfminer lays it out when turned by a further quarter, three quarters or a
    half (as a viewer's 旋转 would), the first of those on which its text reads upright; None
    when none does (characters turned every which way)."""
    import copy

    from pdfplumber.page import Page

    for turn in (90, 270, 180):
        if isinstance(page, Page):
            obj = copy.copy(page.page_obj)
            obj.rotate = (page.page_obj.rotate + turn) % 360
            obj.attrs = {**page.page_obj.attrs, "Rotate": obj.rotate}
            turned = Page(page.pdf, obj, page_number=page.page_number, initial_doctop=page.initial_doctop)
        else:  # laid out by another reader (OFD): turned by its own geometry
            turned = page.turned(turn)
        chars = _printed(turned)
        if chars and sum(1 for ch in chars if not _not_upright(ch)) >= UPRIGHT_SHARE * len(chars):
            # what was upright before (a running header or page number over sideways content)
            # now stands across the lines, one character a line: no text of the turned page
            return turned.filter(lambda obj: obj.get("object_type") != "char" or not _not_upright(obj))
    return None


def _password(name: str) -> ImportFailed:
    return ImportFailed(
        f"“{name}”是设有打开密码的 PDF，无法读取。请输入密码后另存（或打印为）不加密的 PDF，再导入。"
    )


def _page_items(page: Any, name: str, number: int, xs: dict[int, list[float]]) -> list[tuple[float, str, Any]]:
    """(top, "line"|"row", text or Row) of one page, in reading order; `xs` gets the x where
    each cell of a ruled table's row starts."""
    chars = page.chars
    if len(chars) > MAX_PAGE_CHARS:
        raise ImportFailed(f"“{name}”第{number}页有 {len(chars)} 个字符，远超正常页面，已拒绝读取。")
    if any(_slanted(ch) for ch in chars):
        page = page.filter(lambda obj: obj.get("object_type") != "char" or not _slanted(obj))
        chars = page.chars
    items: list[tuple[float, str, Any]] = []
    boxes: list[tuple[float, float, float, float]] = []
    if any(_shading(rect) for rect in page.rects):  # no ruling lines: not a table's cells
        page = page.filter(lambda obj: not _shading(obj))
    open_ends = _open_table_ends(page.edges)
    tables = page.find_tables({"explicit_horizontal_lines": open_ends} if open_ends else None)
    for t, table in enumerate(tables, 1):
        rows = table.extract()
        width = max((len(r) for r in rows), default=0)
        if width <= 1:
            continue  # a framed text box: its text is read as lines below
        boxes.append(table.bbox)
        for r, (cells, found) in enumerate(zip(rows, table.rows, strict=False), 1):
            place = f"第{number}页 第{t}个表格 第{r}行"
            row = Row([Cell(_cell_text(text), f"{place} 第{c}格") for c, text in enumerate(cells, 1)
                       if text is not None], place, is_table=True)
            if any(c.text.strip() for c in row.cells):
                items.append((found.bbox[1], "row", row))
                xs[id(row)] = [box[0] for box, text in zip(found.cells, cells, strict=False)
                               if box is not None and text is not None]
    outside = [ch for ch in chars if not _inside(ch, boxes)]
    for top, segments in _lines(outside):
        items.append((top, "line", segments))
    items.sort(key=lambda item: item[0])
    return items


def _open_table_ends(edges: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A browser printing a web page's table over pages draws no border where a page cuts
    it: the continued table's columns rise from the page's top (or end at its bottom) without
    a line across. The line the border would be is given back, so the first (last) row of the
    page is a row of cells, not a line of loose text."""
    vertical = [e for e in edges if e["orientation"] == "v" and e["height"] > 5]
    across = [e for e in edges if e["orientation"] == "h"]
    found: list[dict[str, Any]] = []
    for end in ("top", "bottom"):
        groups: list[list[dict[str, Any]]] = []
        for e in sorted(vertical, key=lambda e: e[end]):
            if groups and e[end] - groups[-1][-1][end] <= 1.5:
                groups[-1].append(e)
            else:
                groups.append([e])
        for group in groups:
            y = group[0][end]
            x0, x1 = min(e["x0"] for e in group), max(e["x1"] for e in group)
            if len(group) < 3 or x1 - x0 < 50:
                continue  # a table's columns, not a rule beside a paragraph
            ruled = any(abs(h["top"] - y) <= 3 and h["x0"] <= x0 + 3 and h["x1"] >= x1 - 3 for h in across)
            if not ruled:
                found.append({"x0": x0, "x1": x1, "top": float(y), "bottom": float(y), "width": x1 - x0,
                              "height": 0.0, "orientation": "h", "object_type": "line"})
    return found


MAX_CUT_CELL_CHARS = 8  # a column header's words (法人或其他组织, 未经复议直接起诉); a row's label is longer
_ROW_TOP_TOLERANCE = 1.5


def _join_pages_cut_across(page_items: list[list[tuple[float, str, Any]]], running: set[str],
                           xs: dict[int, list[float]]) -> list[tuple[int, int]]:
    """A spreadsheet printed without 适应页宽 puts a wide table's right-hand columns on the next
    page: the same rows at the same heights, without their labels (表三's 社会公益组织 … 总计
    columns after the 自然人 … 科研机构 page). Such a page's rows are put back at the right of
    the rows they continue. Only a page of ruled rows, every one level with a row of the page
    before, its columns other than that row's, no cell longer than a column header, most rows
    holding a number; its lines may only be page numbers, running lines, column headers' words,
    or the rest of a line of the page before at the same height (a merged title cut at the page's
    edge). Returns the (left, right) page numbers joined."""
    from govopen_desktop.io.importers.official_rows import is_value_text

    joined: list[tuple[int, int]] = []
    for n in range(1, len(page_items)):
        before, items = page_items[n - 1], page_items[n]
        if _join_unruled_cut_across(before, items, running):
            page_items[n] = [item for item in items if item[1] == "line" and item[2]]
            joined.append((n, n + 1))
            continue
        rows = [(top, payload) for top, kind, payload in items if kind == "row"]
        left = [(top, payload) for top, kind, payload in before if kind == "row"]
        level = [next((row for top, row in left if abs(top - t) <= _ROW_TOP_TOLERANCE), None) for t, _r in rows]
        if len(rows) < 3 or any(row is None for row in level) or len({id(row) for row in level}) < len(level):
            continue
        texts = [c.text.strip().replace("\n", "") for _t, row in rows for c in row.cells if c.text.strip()]
        numbered = sum(1 for _t, row in rows if any(is_value_text(c.text) for c in row.cells))
        other_columns = sum(1 for (_t, row), above in zip(rows, level, strict=True)
                            if above is not None and xs.get(id(row)) != xs.get(id(above)))
        if any(len(t) > MAX_CUT_CELL_CHARS for t in texts) or 2 * numbered < len(rows) \
                or 2 * other_columns <= len(rows):
            continue
        lines = [(top, payload) for top, kind, payload in items if kind == "line"]
        placed = _cut_lines_placed(lines, before, running)
        if placed is None:
            continue
        moved, gone = placed
        for (_t, row), above in zip(rows, level, strict=True):
            assert above is not None
            above.cells.extend(row.cells)
            above._filled = above._lines = None
            xs[id(above)] = xs.get(id(above), []) + [10_000.0 + x for x in xs.get(id(row), [])]  # right of it
        before.extend(moved)
        before.sort(key=lambda item: item[0])
        page_items[n] = [item for item in items if item[1] == "line" and id(item[2]) not in gone]
        joined.append((n, n + 1))
    return joined


def _join_unruled_cut_across(before: list[tuple[float, str, Any]], items: list[tuple[float, str, Any]],
                             running: set[str]) -> bool:
    """The same, for a table printed without ruling lines: a page of lines only, each level with
    a line of the page before; at least three of them numbers only, each beside a line of
    numbers; the others column headers' words, or what the line beside prints whole. Each line's
    segments go to the right of the line beside it (emptied here, so the caller drops them)."""
    from govopen_desktop.io.importers.official_rows import is_value_text

    if any(kind != "line" for _t, kind, _p in items):
        return False
    lines = [(top, segs) for top, _kind, segs in items
             if not (is_page_number(_line_text(segs).strip(), bare=True) or _line_text(segs).strip() in running)]
    beside: list[list[Segment]] = []
    for top, _segments in lines:
        level = [p for t, kind, p in before if kind == "line" and abs(t - top) <= _ROW_TOP_TOLERANCE]
        if len(level) != 1:
            return False
        beside.append(level[0])
    numbers = [k for k, (_t, segs) in enumerate(lines) if all(is_value_text(text) for _x, text in segs)]
    if len(numbers) < 3 or any(not any(is_value_text(text) for _x, text in beside[k]) for k in numbers):
        return False
    words = [k for k in range(len(lines)) if k not in numbers]
    if any(len(_squeezed(lines[k][1])) > MAX_CUT_CELL_CHARS and _squeezed(lines[k][1]) not in _squeezed(beside[k])
           for k in words):
        return False
    for k, (_top, segments) in enumerate(lines):
        if k in numbers or _squeezed(segments) not in _squeezed(beside[k]):
            beside[k].extend((10_000.0 + x, text) for x, text in segments)
        segments.clear()
    return True


def _squeezed(segments: list[Segment]) -> str:
    return _line_text(segments).replace(" ", "")


def _cut_lines_placed(lines: list[tuple[float, list[Segment]]], before: list[tuple[float, str, Any]],
                      running: set[str]) -> tuple[list[tuple[float, str, Any]], set[int]] | None:
    """The lines of a page cut off a wide table: those the page before prints whole at the same
    height (a merged title or 报告年度 line drawn on both pages) dropped, column headers' words
    moved to the page before, right of its own; page numbers and running lines stay. The moved
    lines and the ids of all taken off; None when a line is none of those."""
    moved: list[tuple[float, str, Any]] = []
    gone: set[int] = set()
    for top, segments in lines:
        text = _line_text(segments).strip()
        if is_page_number(text, bare=True) or text in running:
            continue
        beside = [p for t, kind, p in before if kind == "line" and abs(t - top) <= _ROW_TOP_TOLERANCE]
        if any(_squeezed(segments) in _squeezed(p) for p in beside):
            gone.add(id(segments))
        elif len(_squeezed(segments)) <= MAX_CUT_CELL_CHARS:
            moved.append((top, "line", [(10_000.0 + x, t) for x, t in segments]))
            gone.add(id(segments))
        else:
            return None
    return moved, gone


def _join_rows_broken_by_pages(page_items: list[list[tuple[float, str, Any]]], running: set[str],
                               xs: dict[int, list[float]]) -> None:
    """Word lets a table row break across a page (its default): the rest of a wrapped label
    ("8.属于" | "行政查询事项") is the first row of the next page's table, the other cells empty.
    That row is put back into the row above when it holds no number and each of its pieces sits
    under a label (same x) of that row or, for a group label merged down the rows, of the row
    where that cell starts, and one of them together with its piece makes an official label."""
    from govopen_desktop.io.importers.labels import norm
    from govopen_desktop.io.importers.official_rows import is_value_text, known_label_end

    seen: set[tuple[str, ...]] = set()  # rows printed before: a header row repeated on each page
    for n in range(1, len(page_items)):
        seen.update(tuple(p.texts) for _t, kind, p in page_items[n - 1] if kind == "row")
        last = _edge_row(page_items[n - 1], running, set())
        first = _edge_row(page_items[n], running, seen, forward=True)
        if last is None or first is None or id(last) not in xs or id(first) not in xs:
            continue
        rows_above = _rows_up_to(page_items[n - 1], last)
        joined: dict[tuple[int, int], str] = {}  # (row above, cell) -> its text with the piece
        pieces: dict[tuple[int, int], str] = {}
        for cell, x in zip(first.cells, xs[id(first)], strict=False):
            if not cell.text.strip():
                continue
            # the cell above at the same x: in the last row, or where a cell merged down the rows
            # (a group label) starts
            at = next(((r, k) for r, row in enumerate(rows_above) for k, ax in enumerate(xs.get(id(row), []))
                       if abs(ax - x) <= 2.0 and k < len(row.cells)), None)
            head = rows_above[at[0]].cells[at[1]].text if at is not None else ""
            if at is None or not head.strip() or is_value_text(cell.text) or is_value_text(head):
                joined = {}
                break
            joined[at], pieces[at] = head + "\n" + cell.text, cell.text
        # an official label that reaches into the row above (a label whole in the first row is its own row's)
        if not any(known_label_end(text.replace("\n", "")) > len(norm(pieces[at])) for at, text in joined.items()):
            continue
        for (r, k), text in joined.items():
            row = rows_above[r]
            row.cells[k] = row.cells[k]._replace(text=text)
            row._filled = None
        page_items[n] = [item for item in page_items[n] if item[2] is not first]


def _rows_up_to(items: list[tuple[float, str, Any]], last: Row) -> list[Row]:
    """The table rows printed right before `last` on its page, `last` first, back to the nearest line."""
    out: list[Row] = []
    for _top, kind, payload in reversed(items):
        if kind == "row":
            out.append(payload)
        elif out:
            break
    return out[out.index(last):] if last in out else [last]


def _edge_row(items: list[tuple[float, str, Any]], running: set[str], repeated: set[tuple[str, ...]],
              forward: bool = False) -> Row | None:
    """The first (`forward`; else the last) ruled-table row of a page when only page numbers,
    running headers (footers) and `repeated` rows (a table's header printed again) come before
    (after) it."""
    for _top, kind, payload in (items if forward else reversed(items)):
        if kind == "row" and tuple(payload.texts) in repeated:
            continue
        if kind == "row":
            return payload if isinstance(payload, Row) else None
        text = _line_text(payload).strip()
        if not (is_page_number(text, bare=True) or text in running):
            return None
    return None


def _shading(obj: dict[str, Any]) -> bool:
    """A filled box without an outline in a light colour: the background behind a run of text
    (a web page printed to PDF shades its spans) or a cell, never a ruling line. Taken for
    ruling lines, its edges cut each shaded line of a paragraph into a "table" of one row."""
    if obj.get("object_type") != "rect" or not obj.get("fill") or obj.get("stroke"):
        return False
    if min(obj.get("width", 0), obj.get("height", 0)) < 2:
        return False  # a rule drawn as a thin box (Word draws borders so)
    color = obj.get("non_stroking_color")
    values = [v for v in (color if isinstance(color, tuple | list) else (color,)) if isinstance(v, int | float)]
    if not values:
        return False
    return max(values) <= 0.15 if len(values) == 4 else min(values) >= 0.85  # CMYK: little ink


def _slanted(ch: dict[str, Any]) -> bool:
    """A character set at a slant (a diagonal watermark: “内部资料”, a site's name across each
    page): report text runs across or, in a vertical cell, down the page, never at a slant."""
    a, b = (abs(float(v)) for v in ch.get("matrix", (1.0, 0.0))[:2])
    return min(a, b) > 0.1 * max(a, b)


def _cell_text(text: str) -> str:
    """A cell's lines, each trimmed. Labels are compared without line breaks, so a label
    wrapped inside its cell is one label again; numbers on two lines stay apart."""
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def _inside(ch: dict[str, Any], boxes: list[tuple[float, float, float, float]]) -> bool:
    x = (ch["x0"] + ch["x1"]) / 2
    y = (ch["top"] + ch["bottom"]) / 2
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)


Segment = tuple[float, str]  # (x0 of its first character, text)


def _lines(chars: list[dict[str, Any]]) -> list[tuple[float, list[Segment]]]:
    """Printed lines from loose characters: grouped by their top, ordered left to right, cut
    into segments where a wide gap parts them (the columns of a table without ruling lines, a
    signature pushed to the right)."""
    out: list[tuple[float, list[Segment]]] = []
    line: list[dict[str, Any]] = []
    line_top = line_bottom = 0.0
    for ch in sorted(chars, key=lambda c: (round(c["top"]), c["x0"])):
        if line and not _same_line(ch, line_top, line_bottom):
            out.append((line_top, _segments(line)))
            line = []
        if not line:
            line_top, line_bottom = ch["top"], ch["bottom"]
        line.append(ch)
    if line:
        out.append((line_top, _segments(line)))
    return [(top, segs) for top, segs in out if any(text.strip() for _x, text in segs)]


def _same_line(ch: dict[str, Any], top: float, bottom: float) -> bool:
    """Tops within a few points, or boxes that overlap by most of the smaller one: a title's
    digits in a Latin font stand a few points lower than its CJK characters (their fonts'
    ascents differ), yet share the line."""
    ch_top, ch_bottom = float(ch["top"]), float(ch["bottom"])
    if abs(ch_top - top) <= _LINE_TOLERANCE:
        return True
    smaller = min(ch_bottom - ch_top, bottom - top)
    return smaller > 0 and min(ch_bottom, bottom) - max(ch_top, top) >= 0.6 * smaller


_COLUMN_GAP = 1.1  # character widths: two columns of a table without ruling lines are a cell's padding apart
# (~1.2 characters in Word); words of a line are never that far apart, character spacing (0.3) less


def _segments(chars: list[dict[str, Any]]) -> list[Segment]:
    chars.sort(key=lambda c: c["x0"])
    segments: list[Segment] = []
    parts: list[str] = []
    start = 0.0
    last_x1: float | None = None
    for ch in chars:
        size = max(ch.get("size") or 10.0, 1.0)
        if last_x1 is not None and ch["x0"] - last_x1 > size * _COLUMN_GAP:
            if "".join(parts).strip():
                segments.append((start, "".join(parts).strip()))
            parts = []
        elif last_x1 is not None and ch["x0"] - last_x1 > size * 0.3 and parts and parts[-1] != " ":
            parts.append(" ")
        if not parts:
            start = ch["x0"]
        if parts or ch["text"].strip():
            parts.append(ch["text"])
        last_x1 = ch["x1"]
    if "".join(parts).strip():
        segments.append((start, "".join(parts).strip()))
    return segments


def _line_text(segments: list[Segment]) -> str:
    return "  ".join(text for _x, text in segments)


_ADDRESS = re.compile(r"^(?:https?|file)://\S+$")


def _browser_margin(segments: list[Segment]) -> bool:
    """What a browser prints in a page's margins when it prints a web page: the time and the
    page's title above ("2024/1/19 10:25  某局2023年…年度报告"), its address and the page below
    ("https://www.….gov.cn/art/….html  1/9"), or the title and address."""
    texts = [plain_characters(text).strip() for _x, text in segments]  # ﬁle:// in a Latin font's ligature
    if texts and PRINT_STAMP.match(texts[0] + " "):
        return True
    return len(texts) <= 3 and any(_ADDRESS.match(t) for t in texts) and not any("。" in t for t in texts)


def running_key(segments: list[Segment]) -> str:
    """A line as it repeats from page to page: without a page number printed beside the rest
    (a browser's footer "https://…/post_123.html  2/9", "某局年度报告  第2页")."""
    kept = [text for _x, text in segments if not is_page_number(text, bare=True)]
    return "  ".join(kept).strip() if len(kept) < len(segments) else _line_text(segments).strip()


def _running_lines(page_items: list[list[tuple[float, str, Any]]]) -> set[str]:
    """Lines printed among the first or last two of several pages (a running header or footer,
    also one printed on odd or even pages only, also wrapped over two lines)."""
    if len(page_items) < 2:
        return set()
    seen: Counter[str] = Counter()
    for items in page_items:
        lines = [running_key(payload) for _t, kind, payload in items if kind == "line"]
        ends = set(lines[:2] + lines[-2:])
        seen.update(text for text in ends if text and not is_page_number(text, bare=True))
    need = max(2, -(-len(page_items) // 3))
    return {text for text, n in seen.items() if n >= need}
