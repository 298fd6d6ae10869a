"""Limits that keep a hostile or absurd file from using more than a couple of seconds and a
couple of hundred MB, checked before any library builds the document.

Office packages: what a part *is* comes from the package itself — [Content_Types].xml and the
relationships say which parts are worksheets and which part is the main document — not from
its name. Every XML part is scanned as a stream (never held whole): its prolog for a DOCTYPE
(entity declarations live only there, however long a comment comes first), its elements
counted, and in worksheets its rows and cells. HTML: tags, cells and table nesting are counted
in the text before the parser sees it.
"""

from __future__ import annotations

import codecs
import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from functools import lru_cache

from govopen_desktop.io.importers.neutral import Doc
from govopen_desktop.io.importers.problems import ImportFailed

MAX_XML_TOTAL = 80 * 1024 * 1024  # uncompressed, all XML parts together
MAX_PART_ELEMENTS = 400_000  # lxml keeps ~120 bytes per element: ~50 MB
MAX_PACKAGE_ELEMENTS = 1_000_000
MAX_WORKBOOK_ELEMENTS = 120_000  # openpyxl builds every one (~8 µs); a report workbook has ~3,000
MAX_SHEET_ROWS = 25_000  # rows one worksheet may hold (openpyxl builds each: ~10 µs a row)
MAX_WORKBOOK_CELLS = 20_000  # cells of all worksheets (a report's: ~1,000): openpyxl needs ~25 µs a cell
MAX_HTML_TAGS = 150_000  # Python's HTML parser needs ~5 µs a tag
MAX_HTML_CELLS = 50_000  # a report page has a few hundred
MAX_HTML_TABLES = 2_000
MAX_HTML_NESTING = 40  # tables inside tables
_CHUNK = 1 << 20
_RELS_MAX = 2 * 1024 * 1024  # a relationships or content-types part is a few KB
_RELS_TOTAL = 8 * 1024 * 1024  # all of them together

SHEET_TYPES = ("worksheet", "chartsheet", "dialogsheet", "macrosheet", "xlMacrosheet", "xlIntlMacrosheet")
_SHEET_CONTENT = re.compile(r"spreadsheetml\.(worksheet|chartsheet|dialogsheet)|ms-excel\.(intl)?macrosheet")
_XML_CONTENT = re.compile(r"[/+]xml($|;)")
_ROW = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row[\s/>]")
_CELL = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c[\s/>]")
_ATTR = r"""\b{name}\s*=\s*(?:"([^"]*)"|'([^']*)')"""


@dataclass
class PackageParts:
    """What the package says its parts are."""

    xml: set[str] = field(default_factory=set)  # every part a reader parses as XML
    sheets: set[str] = field(default_factory=set)  # worksheets (and other sheet kinds)
    main: set[str] = field(default_factory=set)  # the officeDocument targets


def refuse(name: str, why: str) -> ImportFailed:
    return ImportFailed(f"“{name}”{why}，远超年度报告的正常大小（可能是异常或恶意构造的文件），已拒绝读取。")


# ---- what the parts are ------------------------------------------------------------------

@lru_cache(maxsize=32)
def _attr_pattern(attr: str) -> re.Pattern[str]:
    return re.compile(_ATTR.format(name=attr))


@lru_cache(maxsize=32)
def _element_pattern(tag: str) -> re.Pattern[str]:
    return re.compile(rf"<(?:[A-Za-z_][\w.-]*:)?{tag}\b[^>]*>")


def _attr(element: str, attr: str) -> str | None:
    m = _attr_pattern(attr).search(element)
    if not m:
        return None
    return m.group(1) if m.group(1) is not None else m.group(2)


def _elements(text: str, tag: str) -> list[str]:
    return _element_pattern(tag).findall(text)


def _small_part(zf: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> str:
    if info.file_size > _RELS_MAX:
        raise refuse(name, f"的部件“{info.filename}”有 {info.file_size // 1024} KB")
    data = zf.read(info)
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return data[2:].decode(codec, "replace")
    return data.decode("utf-8", "replace")


def _resolve(source: str, target: str) -> str:
    """A relationship target as a part name: relative to the folder of the part whose
    relationships name it (xl/_rels/workbook.xml.rels -> xl/), or absolute ("/xl/…")."""
    target = target.split("#", 1)[0]
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    folder = posixpath.dirname(posixpath.dirname(source))  # …/_rels/x.rels -> …
    return posixpath.normpath(posixpath.join(folder, target)).lstrip("/")


def package_parts(zf: zipfile.ZipFile, infos: list[zipfile.ZipInfo], name: str) -> PackageParts:
    parts = PackageParts()
    names = {i.filename for i in infos}
    listed = sum(i.file_size for i in infos if i.filename.endswith(".rels") or i.filename == "[Content_Types].xml")
    if listed > _RELS_TOTAL:
        raise refuse(name, f"的关系部件共有 {listed // 1024 // 1024} MB")
    by_name = {i.filename: i for i in infos}
    defaults: dict[str, str] = {}
    overrides: dict[str, str] = {}
    content_types = by_name.get("[Content_Types].xml")
    if content_types is not None:
        text = _small_part(zf, content_types, name)
        for el in _elements(text, "Default"):
            ext, ct = _attr(el, "Extension"), _attr(el, "ContentType")
            if ext and ct:
                defaults[ext.lower()] = ct
        for el in _elements(text, "Override"):
            part, ct = _attr(el, "PartName"), _attr(el, "ContentType")
            if part and ct:
                overrides[part.lstrip("/")] = ct
    for part in names:
        ct = overrides.get(part) or defaults.get(posixpath.splitext(part)[1].lstrip(".").lower(), "")
        if part.endswith((".xml", ".rels")) or _XML_CONTENT.search(ct):
            parts.xml.add(part)
        if _SHEET_CONTENT.search(ct) or (part.startswith("xl/worksheets/") and part.endswith(".xml")):
            parts.sheets.add(part)
    chunks: set[str] = set()  # w:altChunk targets (an .htm/.xhtml/.mht page)
    for rels in [n for n in names if n.endswith(".rels")]:
        text = _small_part(zf, by_name[rels], name)
        for el in _elements(text, "Relationship"):
            kind, target = _attr(el, "Type") or "", _attr(el, "Target")
            if not target or (_attr(el, "TargetMode") or "").lower() == "external":
                continue
            part = _resolve(rels, target)
            last = kind.rsplit("/", 1)[-1]
            if last in SHEET_TYPES:
                parts.sheets.add(part)
            elif last == "officeDocument":
                parts.main.add(part)
            elif last == "aFChunk":
                chunks.add(part)
    parts.xml |= (parts.sheets | parts.main) & names
    parts.xml -= chunks - parts.main  # a page Word carries whole is read as HTML, never as XML
    parts.sheets &= names
    return parts


# ---- scanning each XML part ----------------------------------------------------------------

class _Prolog:
    """Reads an XML part's prolog (declaration, comments, processing instructions) in any
    encoding a parser accepts, until the root element: a DOCTYPE there is refused."""

    def __init__(self) -> None:
        self.buffer = ""
        self.decoder: codecs.IncrementalDecoder | None = None
        self.done = False

    def feed(self, data: bytes) -> bool:
        """False when a DOCTYPE (or any other markup declaration) precedes the root."""
        if self.decoder is None:
            self.decoder = codecs.getincrementaldecoder(_encoding_of(data))("replace")
        self.buffer += self.decoder.decode(data)
        while True:
            text = self.buffer.lstrip(" \t\r\n\ufeff")
            if not text:
                self.buffer = ""
                return True
            if text.startswith("<?"):
                end = text.find("?>")
            elif text.startswith("<!--"):
                end = text.find("-->", 4)
            elif len(text) < 4 and "<!--".startswith(text):
                self.buffer = text  # "<", "<!" or "<!-" at a chunk's end: wait for more
                return True
            elif text.startswith("<!"):
                return False  # <!DOCTYPE (the only declaration a prolog may hold)
            else:
                self.done = True  # the root element (or text a parser refuses anyway)
                self.buffer = ""
                return True
            if end == -1:
                self.buffer = text  # the comment or instruction goes on
                return True
            self.buffer = text[end + 2 :] if text.startswith("<?") else text[end + 3 :]


def _encoding_of(data: bytes) -> str:
    if data.startswith((codecs.BOM_UTF32_LE, b"<\0\0\0")):
        return "utf-32-le"
    if data.startswith((codecs.BOM_UTF32_BE, b"\0\0\0<")):
        return "utf-32-be"
    if data.startswith((codecs.BOM_UTF16_LE, b"<\0")):
        return "utf-16-le" if not data.startswith(codecs.BOM_UTF16_LE) else "utf-16"
    if data.startswith((codecs.BOM_UTF16_BE, b"\0<")):
        return "utf-16-be" if not data.startswith(codecs.BOM_UTF16_BE) else "utf-16"
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    return "latin-1"  # ASCII-compatible (UTF-8, GBK, …): markup bytes read as they are


@dataclass
class _Counts:
    elements: int = 0
    cells: int = 0
    limit: int = MAX_PACKAGE_ELEMENTS


def _scan_part(zf: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, sheet: bool, totals: _Counts) -> None:
    prolog = _Prolog()
    elements = rows = 0
    tail = b""
    try:
        with zf.open(info) as part:
            while chunk := part.read(_CHUNK):
                if not prolog.done and not prolog.feed(chunk):
                    raise ImportFailed(
                        f"“{name}”的部件“{info.filename}”含有 XML 文档类型或实体声明（Office 文件不会有），"
                        "可能是恶意构造的文件，已拒绝读取。"
                    )
                elements += chunk.count(b"<") - chunk.count(b"</")
                if sheet:
                    data = tail + chunk
                    rows += len(_ROW.findall(data)) - len(_ROW.findall(tail))
                    cells = len(_CELL.findall(data)) - len(_CELL.findall(tail))
                    totals.cells += cells
                    tail = data[-64:]
                    if rows > MAX_SHEET_ROWS:
                        sheet_name = info.filename.rsplit("/", 1)[-1]
                        raise ImportFailed(
                            f"“{name}”的工作表“{sheet_name}”有超过 {MAX_SHEET_ROWS} 行，远超年度报告的正常大小，"
                            "已拒绝读取。请只保留报告表格后另存再导入。"
                        )
                    if totals.cells > MAX_WORKBOOK_CELLS:
                        raise ImportFailed(
                            f"“{name}”的工作表共有超过 {MAX_WORKBOOK_CELLS} 个单元格，远超年度报告的正常大小，"
                            "已拒绝读取。请只保留报告表格后另存再导入。"
                        )
                if elements > MAX_PART_ELEMENTS:
                    raise refuse(name, f"的部件“{info.filename}”有超过 {MAX_PART_ELEMENTS} 个 XML 元素")
                if totals.elements + elements > totals.limit:
                    raise refuse(name, f"的 XML 部件共有超过 {totals.limit} 个元素")
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError) as exc:
        raise ImportFailed(f"“{name}”已损坏或不完整（部件“{info.filename}”无法解压）。请重新获取该文件。") from exc
    totals.elements += elements


def check_parts(zf: zipfile.ZipFile, infos: list[zipfile.ZipInfo], name: str,
                parts: PackageParts | None = None) -> PackageParts:
    """Refuse, before any reader runs, a package whose XML would take too long or too much
    memory, or that declares a DOCTYPE. Returns what the parts are."""
    parts = parts or package_parts(zf, infos, name)
    xml_infos = [i for i in infos if i.filename in parts.xml and not i.is_dir()]
    total = sum(i.file_size for i in xml_infos)
    if total > MAX_XML_TOTAL:
        raise refuse(name, f"的 XML 部件解压后共有 {total // 1024 // 1024} MB")
    workbook = bool(parts.sheets) or "xl/workbook.xml" in parts.xml
    if not workbook and parts.main:
        # a Word document: its reader parses the main part and the relationships, nothing else
        # (styles, theme, numbering …); a workbook's may go to openpyxl, which reads them all
        xml_infos = [i for i in xml_infos if i.filename in parts.main or i.filename.endswith(".rels")
                     or i.filename == "[Content_Types].xml"]
    totals = _Counts(limit=MAX_WORKBOOK_ELEMENTS if workbook else MAX_PACKAGE_ELEMENTS)
    for info in xml_infos:
        _scan_part(zf, info, name, info.filename in parts.sheets, totals)
    return parts


# ---- HTML ------------------------------------------------------------------------------------

_START_TAG = re.compile(r"<[A-Za-z]")
_CELL_TAG = re.compile(r"<t[dh][\s/>]", re.IGNORECASE)
_TABLE_TAG = re.compile(r"<(/?)table[\s/>]", re.IGNORECASE)


def check_html(text: str, name: str) -> None:
    """Refuse a page whose tags, cells or nested tables would keep the parser for seconds."""
    if text.count("<") > MAX_HTML_TAGS and _count(_START_TAG, text, MAX_HTML_TAGS) > MAX_HTML_TAGS:
        raise refuse(name, f"有超过 {MAX_HTML_TAGS} 个网页标记")
    low_bound = text.count("<t") + text.count("<T")
    if low_bound > MAX_HTML_CELLS and _count(_CELL_TAG, text, MAX_HTML_CELLS) > MAX_HTML_CELLS:
        raise refuse(name, f"的表格有超过 {MAX_HTML_CELLS} 个单元格")
    depth = tables = 0
    for m in _TABLE_TAG.finditer(text):
        if m.group(1):
            depth = max(0, depth - 1)
            continue
        depth += 1
        tables += 1
        if tables > MAX_HTML_TABLES:
            raise refuse(name, f"有超过 {MAX_HTML_TABLES} 个表格")
        if depth > MAX_HTML_NESTING:
            raise refuse(name, f"的表格嵌套超过 {MAX_HTML_NESTING} 层")


def _count(pattern: re.Pattern[str], text: str, limit: int) -> int:
    n = 0
    for _ in pattern.finditer(text):
        n += 1
        if n > limit:
            break
    return n


# ---- the neutral document ----------------------------------------------------------------------

MAX_DOC_CELLS = 8_000  # filled cells and paragraphs; the largest real report has ~550
MAX_DOC_CHARS = 400_000  # their text; a long report has ~30,000 characters
MAX_TEXT_FIELDS = 60_000  # lines, tab- and |-separated fields of a text before it is split


def too_long(name: str, why: str) -> ImportFailed:
    """Refusing a document longer than any report: it may also be many reports bound together."""
    return ImportFailed(f"“{name}”{why}，远超一份年度报告的正常大小，已拒绝读取。如果这是许多份报告汇编或合订在一起的"
                        "文件，请拆分成每个文件十份报告以内后再导入或检查；否则可能是异常或恶意构造的文件。")


def check_doc(doc: Doc) -> None:
    """Refuse a document with far more filled cells or text than any report before the label
    search (which compares every cell with every official label) spends seconds on it."""
    filled = chars = 0
    for row in doc.rows:
        cells = row.non_empty()  # the extraction asks for these too: worked out once
        filled += len(cells)
        for c in cells:
            chars += len(c.text)
        if filled > MAX_DOC_CELLS:
            raise too_long(doc.name, f"有超过 {MAX_DOC_CELLS} 个有内容的单元格或段落")
        if chars > MAX_DOC_CHARS:
            raise too_long(doc.name, f"的文字超过 {MAX_DOC_CHARS} 个字符")


def check_text(text: str, name: str) -> None:
    """A text (a .txt file, pasted text) whose lines and fields alone would be more cells than
    any report, refused before it is split into them."""
    fields = text.count("\n") + text.count("\t") + text.count("|")
    if fields > MAX_TEXT_FIELDS:
        raise refuse(name, f"有超过 {MAX_TEXT_FIELDS} 行或栏")
