"""A saved report page (.html/.htm) to neutral rows: block text as paragraphs, table rows
as rows. Cells covered by a rowspan/colspan are absent in HTML, so each is read once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from govopen_desktop.io.importers.neutral import Cell, Doc, Row
from govopen_desktop.io.importers.problems import ImportFailed
from govopen_desktop.io.importers.readers.limits import check_html
from govopen_desktop.io.importers.readers.text import is_page_line, spaced_cells

_BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "section", "article", "center",
           "blockquote", "pre", "dd", "dt", "header", "footer", "tr", "table", "ul", "ol", "form", "hr"}
_PRE = {"pre", "textarea", "xmp", "listing", "plaintext"}  # text whose line breaks show
_SKIP = {"script", "style", "noscript", "head", "template", "nav", "select", "option", "button", "iframe"}


@dataclass
class _OpenTable:
    """A <table> being read: its number in the page, rows read so far, the open row and cell."""

    number: int
    rows_read: int = 0
    row: list[str] | None = None
    cell: list[str] | None = None
    layout: bool = False  # a table that lays out the page: its cells hold paragraphs, not values


LAYOUT_CELL_CHARS = 300  # a cell of a report table holds a number or a label, never this much text


class _Parser(HTMLParser):
    def __init__(self, doc: Doc) -> None:
        super().__init__(convert_charrefs=True)
        self.doc = doc
        self.line: list[str] = []
        self.skip = 0
        self.tables: list[_OpenTable] = []  # nested tables: innermost last
        self.table_count = 0
        self.row_count = 0
        self.in_title = False
        self.title: list[str] = []
        self.in_script = False
        self.scripts: list[str] = []  # a page may carry its report in a script's string
        # Excel's "save as web page": the sheet is one <table>, headings and text are its rows;
        # read as a sheet is (rows of cells, a lone cell a paragraph), never as a layout table
        self.sheet = False
        self.frames: list[str] = []  # a frameset page's frames: the report is in those files
        self.pre = 0  # inside <pre> (or <textarea>, <xmp>): its line breaks are lines

    # ---- paragraphs ----------------------------------------------------------------------

    def flush_line(self) -> None:
        text = "".join(self.line)
        self.line = []
        if "\n" not in text:
            self._add_line(text)
            return
        # a block of lines a <br> (or <pre>) apart: a CMS that pasted the whole report as text
        # into one <div> holds its headings, paragraphs and table rows each on a line
        for line in text.split("\n"):
            self._add_line(line)

    def _add_line(self, text: str) -> None:
        if not text.strip() or is_page_line(text):
            return
        place = f"第{len(self.doc.rows) + 1}段"
        # a flip-book site's page of text (one <p> a printed line): `规章 0 0 0` is a table row
        spaced = spaced_cells(" ".join(text.split()))
        if spaced is not None:
            self.doc.add(Row([Cell(c, place) for c in spaced], place, is_table=True, spaced=True))
        else:
            self.doc.add_paragraph(text, place)

    # ---- events --------------------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
        if tag == "script" and not self.in_script:
            self.in_script = True
            self.scripts.append("")
        if tag == "meta" and (dict(attrs).get("content") or "").startswith("Excel."):
            self.sheet = True  # <meta name=ProgId content=Excel.Sheet>
        if tag == "frame":
            self.frames.append(dict(attrs).get("src") or "")
        if tag == "a":
            name = _attachment_name(dict(attrs).get("href") or "")
            if name:  # a CMS page that only links its report as an attachment
                self.doc.attachments.append(name)
        if tag in _SKIP:
            self.skip += 1
            return
        if self.skip:
            return
        if tag in _PRE:
            self.pre += 1
        cell = self._cell()
        if tag == "table":
            self.flush_line()
            if cell is not None:  # a table inside a cell: the outer table lays out the page
                self.tables[-1].layout = True
                self._flush_cell_lines(self.tables[-1])
            self.table_count += 1
            self.tables.append(_OpenTable(self.table_count))
        elif tag == "tr" and self.tables:
            self._end_row()
            self.tables[-1].row = []
        elif tag in ("td", "th") and self.tables:
            self._end_cell()
            if self.tables[-1].row is None:
                self.tables[-1].row = []
            self.tables[-1].cell = []
        elif tag == "img" and (cell is None or self._is_layout_cell()) and not _is_icon(dict(attrs)):
            # a table published as a picture: where it stood, so its cells are said to be in one
            # (also in the one cell of a layout table that holds the article)
            if cell is not None:
                self._flush_cell_lines(self.tables[-1])
            self.flush_line()
            self.doc.add_picture(_picture_name(dict(attrs)), f"第{len(self.doc.rows) + 1}段")
        elif tag == "br":
            (cell if cell is not None else self.line).append("\n")
        elif tag in _BLOCKS:
            if cell is not None:
                if self._is_layout_cell():
                    self._flush_cell_lines(self.tables[-1])
                elif cell and tag in ("p", "div", "li"):
                    cell.append("\n")
            else:
                self.flush_line()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag == "script":
            self.in_script = False
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
            return
        if self.skip:
            return
        if tag in _PRE:
            self.pre = max(0, self.pre - 1)
        if tag == "table" and self.tables:
            self._end_row()
            self.tables.pop()
        elif tag == "tr" and self.tables:
            self._end_row()
        elif tag in ("td", "th") and self.tables:
            self._end_cell()
        elif tag in _BLOCKS and self._cell() is None:
            self.flush_line()
        elif tag in _BLOCKS and self._is_layout_cell():
            self._flush_cell_lines(self.tables[-1])

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        if self.in_script:
            self.scripts[-1] += data  # a script's text may come in several pieces
        if self.skip:
            return
        cell = self._cell()
        data = data.replace("\r", "")
        (cell if cell is not None else self.line).append(data if self.pre else data.replace("\n", " "))

    # ---- tables --------------------------------------------------------------------------

    def _is_layout_cell(self) -> bool:
        """The open cell lays out the page (a CMS that puts the whole report in one cell)."""
        t = self.tables[-1] if self.tables else None
        if t is None or t.cell is None or self.sheet:
            return False
        if not t.layout and sum(len(x) for x in t.cell) > LAYOUT_CELL_CHARS:
            t.layout = True
        return t.layout

    def _flush_cell_lines(self, t: _OpenTable) -> None:
        """A layout cell's text so far, as the paragraphs it holds."""
        if t.cell is None:
            return
        text = "".join(t.cell)
        t.cell = []
        for line in text.split("\n"):
            self._add_line(line)

    def _cell(self) -> list[str] | None:
        if not self.tables:
            return None
        return self.tables[-1].cell

    def _end_cell(self) -> None:
        t = self.tables[-1]
        # also a long cell of lines only a <br> apart (no block inside that asked before)
        if t.layout or (t.cell is not None and "\n" in t.cell and self._is_layout_cell()):
            self._flush_cell_lines(t)
        if t.cell is not None:
            if t.row is not None:
                t.row.append("".join(t.cell).strip(" \n"))
            t.cell = None

    def _end_row(self) -> None:
        if not self.tables:
            return
        self._end_cell()
        t = self.tables[-1]
        row, t.row = t.row, None
        if row and any(x.strip() for x in row):
            t.rows_read += 1
            place = f"第{t.number}个表格 第{t.rows_read}行"
            cells = [Cell(x, f"{place} 第{i}格") for i, x in enumerate(row, 1)]
            self.doc.add(Row(cells, place, is_table=not self.sheet))


_ATTACHMENT = re.compile(r"[^/\\?#=&]+\.(?:pdf|docx?|wps|xlsx?|et|ofd)(?=$|[&#?])", re.I)


def _attachment_name(href: str) -> str:
    """The file name of a link to a document: …/P020260120512345.pdf, or a download script's
    downfile.jsp?filename=2601201530123.pdf."""
    from urllib.parse import unquote

    m = _ATTACHMENT.search(unquote(href).strip())
    return m.group(0)[:80] if m else ""


def _is_icon(attrs: dict[str, str | None]) -> bool:
    """An image sized as an icon or a bullet (width or height under 50): no table."""
    for side in ("width", "height"):
        size = (attrs.get(side) or "").strip().removesuffix("px")
        if size.isdigit() and int(size) < 50:
            return True
    return False


def _picture_name(attrs: dict[str, str | None]) -> str:
    """An <img>'s file name (its src's last part), or its alt text."""
    src = (attrs.get("src") or "").split("?")[0].rstrip("/").rsplit("/", 1)[-1]
    if src.startswith("data:") or len(src) > 80:
        src = ""  # an image written into the page itself: no name to show
    return src or (attrs.get("alt") or "").strip()[:40]


def read_html(text: str, name: str) -> Doc:
    check_html(text, name)  # tags, cells, nested tables: bounded before parsing
    shown = without_hidden_blocks(text)
    if shown != text:
        # what the page shows, unless its report is what is hidden (a site that reveals the
        # article by script): then all of it
        doc = _read_markup(shown, name)
        if any(row.is_table for row in doc.rows):
            return doc
    return _read_markup(text, name)


# what makes an element hidden, inside its start tag: style display:none / visibility:hidden,
# or the `hidden` attribute. The words are found with str.find (a regular expression over a
# page of Chinese text costs milliseconds), then checked where they stand.
_HIDING_BEFORE = re.compile(r"(?:display\s*:\s*|visibility\s*:\s*|\s)$", re.I)
_HIDDEN_TAG = re.compile(r"<(div|span|p|table|section|ul|font)\b", re.I)
MAX_HIDDEN_BLOCKS = 200


def _hiding_words(text: str) -> list[tuple[int, int]]:
    """(start, end) of each display:none, visibility:hidden or ` hidden` attribute, in order."""
    found: list[tuple[int, int]] = []
    for word in ("none", "NONE", "None", "hidden", "HIDDEN", "Hidden"):
        i = text.find(word)
        while i >= 0 and len(found) < 10 * MAX_HIDDEN_BLOCKS:
            before = _HIDING_BEFORE.search(text, max(0, i - 24), i)
            after = text[i + len(word):i + len(word) + 1]
            lead = before.group(0).lower().strip() if before else None
            attribute = lead == "" and after in " \t\r\n=>/"  # <div hidden>
            if before is not None and lead is not None and (
                (word.lower() == "none" and lead.startswith("display"))
                or (word.lower() == "hidden" and (lead.startswith("visibility") or attribute))
            ):
                found.append((before.start(), i + len(word)))
            i = text.find(word, i + len(word))
    return sorted(found)


def without_hidden_blocks(text: str) -> str:
    """The page without the elements it hides (a copy of the article kept for printing or
    sharing, an old version, a search engine's summary), each only when its end tag is found:
    a hidden element left open takes nothing away."""
    out: list[str] = []
    at = 0
    found = 0
    for word_start, word_end in _hiding_words(text):
        if word_start < at:
            continue  # inside a block already taken out
        opening = text.rfind("<", at, word_start)
        if opening < 0 or ">" in text[opening:word_start]:
            continue  # not inside a start tag (a style sheet's rule, the page's text)
        tag = _HIDDEN_TAG.match(text, opening)
        if tag is None:
            continue
        start_end = text.find(">", word_end)
        end = _closing(text, tag.group(1).lower(), start_end + 1) if start_end >= 0 else None
        if end is None:
            continue
        out.append(text[at:opening])
        at = end
        found += 1
        if found >= MAX_HIDDEN_BLOCKS:
            break
    if not found:
        return text
    out.append(text[at:])
    return "".join(out)


def _closing(text: str, tag: str, start: int) -> int | None:
    """Where the element opened before `start` ends (after its end tag), counting nested
    elements of the same name; None when it is not closed."""
    pattern = re.compile(rf"<(/?){tag}\b[^>]*>", re.I)
    depth = 1
    for m in pattern.finditer(text, start):
        depth += -1 if m.group(1) else 1
        if depth == 0:
            return m.end()
    return None


class _Events:
    """lxml's HTML parser (libxml2, C: about a quarter of html.parser's time on a report page)
    handing its events to _Parser's handlers."""

    def __init__(self, parser: _Parser) -> None:
        self.parser = parser

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        self.parser.handle_starttag(tag.lower(), list(attrib.items()))

    def end(self, tag: str) -> None:
        self.parser.handle_endtag(tag.lower())

    def data(self, data: str) -> None:
        self.parser.handle_data(data)

    def close(self) -> None:
        return None


def _parse(parser: _Parser, text: str) -> None:
    from lxml import etree

    html = etree.HTMLParser(target=_Events(parser), no_network=True, recover=True, remove_comments=True,
                            remove_pis=True)
    html.feed(text)
    html.close()


def _read_markup(text: str, name: str) -> Doc:
    doc = Doc(name, "html")
    parser = _Parser(doc)
    _parse(parser, text)
    while parser.tables:
        parser._end_row()
        parser.tables.pop()
    parser.flush_line()
    doc.title = " ".join("".join(parser.title).split()) or None
    frames = [f for f in parser.frames if f]
    text_chars = sum(len(c.text) for row in doc.rows for c in row.cells)
    if frames and not any(row.is_table for row in doc.rows) and text_chars < 300:  # <noframes>' line
        shown = "、".join(f"“{f}”" for f in frames[:3])
        raise ImportFailed(
            f"“{name}”是一个框架页（Excel 或 Word 另存为网页时写出的那一页），报告的内容不在其中，"
            f"而在它引用的文件里：{shown}。请导入原来的 Excel 或 Word 文件，或其中的工作表网页文件。")
    if not any(row.is_table for row in doc.rows) and parser.scripts:
        # a page that shows its report by script: the report is the string the script writes
        embedded = embedded_html("\n".join(parser.scripts))
        if embedded is not None:
            inner = read_html(embedded, name)
            inner.title = inner.title or doc.title
            return inner
    return doc


# A JavaScript or JSON string that begins with a tag: "<p style=…>…<table…" or "\u003cp\u003e…"
_MARKUP_STRING = re.compile(
    r"""(["'`])((?:\s|\\[nrt])*(?:<|\\u003[cC]|\\x3[cC])[a-zA-Z](?:(?!\1)[^\\]|\\.)*)\1""", re.S)
_ESCAPE = re.compile(r"\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)", re.S)
_ESCAPED = {"n": "\n", "r": "", "t": "\t", "b": "", "f": "", "v": "", "0": ""}
EMBEDDED_MIN_CHARS = 200  # a report's markup; shorter strings are a script's own bits of HTML


def _unescape(match: re.Match[str]) -> str:
    code = match.group(1)
    if code[0] in "ux" and len(code) > 1:
        return chr(int(code[1:], 16))
    return _ESCAPED.get(code, code)


def embedded_html(text: str) -> str | None:
    """The longest script or JSON string holding a table, unescaped (a page or a .js/.json
    file that carries the report as `content = "<p>…<table align=\\"center\\">…"`)."""
    best: str | None = None
    for m in _MARKUP_STRING.finditer(text):
        raw = m.group(2)
        if len(raw) < EMBEDDED_MIN_CHARS or (best is not None and len(raw) <= len(best)):
            continue
        if "table" not in raw and "TABLE" not in raw:
            continue  # no table in it, however escaped: not unescaped for nothing
        # \ud83d\ude00: JSON writes a character beyond the BMP as two escapes
        markup = _ESCAPE.sub(_unescape, raw).encode("utf-16", "surrogatepass").decode("utf-16", "replace")
        if "<table" in markup.lower() and "<td" in markup.lower():
            best = markup
    return best


def html_from_mht(data: bytes, name: str) -> str:
    """The HTML part of a web page saved as one file (MIME multipart/related). Read with the
    e-mail package's compat32 policy: its headers are kept as text, not parsed into objects
    (about a fifth of the time; nothing of the page is in them)."""
    import email
    from email import policy

    from govopen_desktop.io.importers.readers.detect import declared_charset
    from govopen_desktop.io.importers.readers.text import decode_text

    message = email.message_from_bytes(data, policy=policy.compat32)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)  # quoted-printable or base64 undone
            if not isinstance(payload, bytes):
                continue
            charset = part.get_content_charset()
            text = decode_text(payload, _known_charset(charset) or declared_charset(payload))
            if text is not None:
                return text
    raise ImportFailed(f"“{name}”是网页存档（.mht），但其中没有网页内容。")


def _known_charset(name: str | None) -> str | None:
    """A MIME part's charset, GB2312 and GBK read as GB18030 (pages declare the narrower name)."""
    if not name:
        return None
    low = name.strip().lower()
    return "gb18030" if low in ("gb2312", "gbk", "gb18030", "x-gbk") else low
