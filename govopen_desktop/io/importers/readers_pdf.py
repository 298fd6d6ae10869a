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

import re
import zlib
from collections import Counter
from pathlib import Path
from typing import Any

from govopen_desktop.io.importers.neutral import Cell, Doc, Row
from govopen_desktop.io.importers.problems import ImportFailed

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

_PAGE_NUMBER = re.compile(
    r"^\s*(?:[\-－—–_~·]+\s*\d{1,3}\s*[\-－—–_~·]+|第\s*\d{1,3}\s*页(?:\s*[/，,]?\s*共\s*\d{1,3}\s*页)?"
    r"|\d{1,3}\s*/\s*\d{1,3})\s*$"
)
_BARE_NUMBER = re.compile(r"^\s*\d{1,3}\s*$")
_STREAM = re.compile(rb"stream\r?\n")
_LINE_TOLERANCE = 3.0  # points: chars whose tops differ less sit on one printed line


def is_page_number(text: str, bare: bool = False) -> bool:
    """'-3-', '— 3 —', '第3页', '第 3 页 共 6 页', '3/6'; a bare '3' only where `bare` says the
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
        pages = pdf.pages
        if len(pages) > MAX_PAGES:
            raise ImportFailed(f"“{name}”有 {len(pages)} 页，远超年度报告的正常篇幅，已拒绝读取。")
        page_items = [_page_items(page, name, n) for n, page in enumerate(pages, 1)]
    chars = sum(len(text) for items in page_items for _top, kind, payload in items
                if kind == "line" for text in [payload])
    chars += sum(1 for items in page_items for _t, kind, _p in items if kind == "row")
    if chars < MIN_TEXT_CHARS:
        raise ImportFailed(
            f"“{name}”是扫描件或图片 PDF，没有可读取的文字层；本程序不含文字识别（OCR）。"
            "请导入同一报告的 Word、Excel 或网页版本，或用 OCR 软件转成文字后再导入。"
        )
    from govopen_desktop.io.importers.readers_text import spaced_cells

    doc = Doc(name, "pdf")
    running = _running_lines(page_items)
    for n, items in enumerate(page_items, 1):
        lines = [k for k, (_t, kind, _p) in enumerate(items) if kind == "line"]
        ends = {lines[0], lines[-1]} if lines else set()
        for k, (_top, kind, payload) in enumerate(items):
            if kind != "line":
                doc.add(payload)
                continue
            text = payload
            if text.strip() in running or is_page_number(text, bare=k in ends):
                continue
            place = f"第{n}页"
            cells = spaced_cells(text)  # a table printed without ruling lines
            if cells is None:
                doc.add_paragraph(text, place)
            else:
                doc.add(Row([Cell(c, place) for c in cells], place, is_table=True, spaced=True))
    return doc


def _password(name: str) -> ImportFailed:
    return ImportFailed(
        f"“{name}”是设有打开密码的 PDF，无法读取。请输入密码后另存（或打印为）不加密的 PDF，再导入。"
    )


def _page_items(page: Any, name: str, number: int) -> list[tuple[float, str, Any]]:
    """(top, "line"|"row", text or Row) of one page, in reading order."""
    chars = page.chars
    if len(chars) > MAX_PAGE_CHARS:
        raise ImportFailed(f"“{name}”第{number}页有 {len(chars)} 个字符，远超正常页面，已拒绝读取。")
    items: list[tuple[float, str, Any]] = []
    boxes: list[tuple[float, float, float, float]] = []
    for t, table in enumerate(page.find_tables(), 1):
        rows = table.extract()
        width = max((len(r) for r in rows), default=0)
        if width <= 1:
            continue  # a framed text box: its text is read as lines below
        boxes.append(table.bbox)
        for r, (cells, top) in enumerate(zip(rows, (row.bbox[1] for row in table.rows), strict=False), 1):
            place = f"第{number}页 第{t}个表格 第{r}行"
            row = Row([Cell(_cell_text(text), f"{place} 第{c}格") for c, text in enumerate(cells, 1)
                       if text is not None], place, is_table=True)
            if any(c.text.strip() for c in row.cells):
                items.append((top, "row", row))
    outside = [ch for ch in chars if not _inside(ch, boxes)]
    for top, text in _lines(outside):
        items.append((top, "line", text))
    items.sort(key=lambda item: item[0])
    return items


def _cell_text(text: str) -> str:
    """A cell's lines, each trimmed. Labels are compared without line breaks, so a label
    wrapped inside its cell is one label again; numbers on two lines stay apart."""
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def _inside(ch: dict[str, Any], boxes: list[tuple[float, float, float, float]]) -> bool:
    x = (ch["x0"] + ch["x1"]) / 2
    y = (ch["top"] + ch["bottom"]) / 2
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)


def _lines(chars: list[dict[str, Any]]) -> list[tuple[float, str]]:
    """Printed lines from loose characters: grouped by their top, ordered left to right; a
    wide gap between two characters is kept as spaces (a signature pushed to the right)."""
    out: list[tuple[float, str]] = []
    line: list[dict[str, Any]] = []
    line_top = 0.0
    for ch in sorted(chars, key=lambda c: (round(c["top"]), c["x0"])):
        if line and abs(ch["top"] - line_top) > _LINE_TOLERANCE:
            out.append((line_top, _join(line)))
            line = []
        if not line:
            line_top = ch["top"]
        line.append(ch)
    if line:
        out.append((line_top, _join(line)))
    return [(top, text) for top, text in out if text.strip()]


def _join(chars: list[dict[str, Any]]) -> str:
    chars.sort(key=lambda c: c["x0"])
    parts: list[str] = []
    last_x1: float | None = None
    for ch in chars:
        size = max(ch.get("size") or 10.0, 1.0)
        if last_x1 is not None and ch["x0"] - last_x1 > size * 1.5:
            parts.append("  ")
        elif last_x1 is not None and ch["x0"] - last_x1 > size * 0.3 and parts and parts[-1] != " ":
            parts.append(" ")
        parts.append(ch["text"])
        last_x1 = ch["x1"]
    return "".join(parts)


def _running_lines(page_items: list[list[tuple[float, str, Any]]]) -> set[str]:
    """Lines printed at the top or foot of most pages (a running header or footer)."""
    if len(page_items) < 3:
        return set()
    seen: Counter[str] = Counter()
    for items in page_items:
        lines = [payload.strip() for _t, kind, payload in items if kind == "line"]
        ends = set(lines[:1] + lines[-1:])
        seen.update(text for text in ends if text and not is_page_number(text))
    return {text for text, n in seen.items() if n >= max(3, len(page_items) * 2 // 3)}
