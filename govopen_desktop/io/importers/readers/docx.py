"""Word .docx to neutral rows: paragraphs and tables in body order. A horizontally merged
cell (gridSpan) is one cell; a vertically merged cell is read at its first row only.

The main document part is parsed once with lxml (python-docx's own XML library) and a
parser that resolves no entities and loads nothing from the network. Plain lxml elements
keep reading at C speed: python-docx wraps every element it touches in a Python object,
which made reading the tables cost as much as opening the file.
"""

from __future__ import annotations

import posixpath
import zipfile
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import Any

from govopen_desktop.io.importers.neutral import Cell, Doc, Row
from govopen_desktop.io.importers.problems import ImportFailed
from govopen_desktop.io.importers.readers.docx_wrapped import grid_columns, wrapped_rows

MAX_TABLE_ROWS = 3000
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
OFFICE_DOCUMENT = "/officeDocument"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_P, _TBL, _TR, _TC, _SDT, _SDT_CONTENT, _BODY = (
    f"{W}{t}" for t in ("p", "tbl", "tr", "tc", "sdt", "sdtContent", "body"))
_T, _TAB, _BR, _CR, _VMERGE, _TCPR, _VAL = (f"{W}{t}" for t in ("t", "tab", "br", "cr", "vMerge", "tcPr", "val"))
_TCPR_VMERGE = f"{_TCPR}/{_VMERGE}"
_BOOKMARK, _NAME = f"{W}bookmarkStart", f"{W}name"
_DEL, _MOVE_FROM, _VANISH, _R = f"{W}del", f"{W}moveFrom", f"{W}vanish", f"{W}r"
_OFF = ("0", "false", "off")
_CUSTOM_XML, _ALT_CHUNK = f"{W}customXml", f"{W}altChunk"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_PICTURES = (f"{W}drawing", f"{W}pict", f"{W}object")  # an image, a VML shape, an embedded object
_DOC_PR = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"
JOINED_MARK = "_govopen_joined"  # the Word export splits （二）… parts typed inside a paragraph off it


def _strip_hidden_runs(root: Any) -> None:
    """Runs formatted as hidden text (字体 › 隐藏) are neither shown nor printed: a number kept
    there is not what was published."""
    for vanish in list(root.iter(_VANISH)):
        rpr = vanish.getparent()
        run = rpr.getparent() if rpr is not None else None
        if run is None or run.tag != _R or vanish.get(_VAL) in _OFF:
            continue  # a paragraph mark's (its text is shown) or switched off
        parent = run.getparent()
        if parent is not None:
            parent.remove(run)  # a run's tail is no text of Word's


def _joined(p: Any) -> bool:
    """The paragraph was split off the one before by the export: read them as one."""
    mark = p.find(_BOOKMARK)
    return mark is not None and (mark.get(_NAME) or "").startswith(JOINED_MARK)


def _parser() -> Any:
    from lxml import etree

    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)


def _main_part(zf: zipfile.ZipFile, parser: Any) -> str:
    """The document part the package relationships name (word/document.xml as a rule)."""
    from lxml import etree

    try:
        rels = etree.fromstring(zf.read("_rels/.rels"), parser)
        for rel in rels.iter(REL):
            if rel.get("Type", "").endswith(OFFICE_DOCUMENT):
                return str(posixpath.normpath(str(rel.get("Target", "")).lstrip("/")))
    except KeyError:
        pass
    return "word/document.xml"


def read_docx(path: Path, name: str) -> Doc:
    from lxml import etree

    parser = _parser()
    with zipfile.ZipFile(path) as zf:
        part = _main_part(zf, parser)
        try:
            data = zf.read(part)
        except KeyError as exc:
            raise ImportFailed(f"“{name}”缺少正文部件（{part}），不是完整的 Word 文档。") from exc
        root = etree.fromstring(data, parser)
        chunks = _alt_chunks(zf, part, root, parser, name)
    etree.strip_elements(root, MC_FALLBACK, with_tail=False)  # text boxes are stored twice
    # tracked changes: what was deleted or moved away is not in the document any more
    if b":del " in data or b":del>" in data or b":moveFrom" in data:
        etree.strip_elements(root, _DEL, _MOVE_FROM, with_tail=False)
    if b":vanish" in data:
        _strip_hidden_runs(root)
    body = root.find(_BODY)
    doc = Doc(name, "docx")
    if body is not None:
        _walk(body, doc, {"p": 0, "t": 0}, chunks)
    if doc.rows and not any(row.is_table for row in doc.rows):
        return _as_text(doc)
    return doc


def _alt_chunks(zf: zipfile.ZipFile, part: str, root: Any, parser: Any, name: str) -> dict[str, Doc]:
    """The web pages a Word file carries whole (w:altChunk: what html-docx-js and many web
    editors' 导出Word write, the report as an .mht or .htm part), read as pages, by their id."""
    ids = [el.get(_R_ID) for el in root.iter(_ALT_CHUNK)]
    if not ids:
        return {}
    from lxml import etree

    from govopen_desktop.io.importers.readers.detect import MAX_TEXT_BYTES, declared_charset
    from govopen_desktop.io.importers.readers.html import html_from_mht, read_html
    from govopen_desktop.io.importers.readers.text import decode_text

    folder, base = posixpath.split(part)
    try:
        rels = etree.fromstring(zf.read(posixpath.join(folder, "_rels", base + ".rels")), parser)
    except KeyError:
        return {}
    targets = {rel.get("Id"): str(rel.get("Target", "")) for rel in rels.iter(REL)}
    out: dict[str, Doc] = {}
    for rid in ids:
        target = targets.get(rid)
        if not rid or not target:
            continue
        member = posixpath.normpath(target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target))
        try:
            info = zf.getinfo(member)
        except KeyError:
            continue
        if info.file_size > MAX_TEXT_BYTES:
            raise ImportFailed(f"“{name}”中的网页部件“{member}”有 {info.file_size // 1024 // 1024} MB，已拒绝读取。")
        data = zf.read(info)
        head = data[:400].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
        text = (html_from_mht(data, name) if head.startswith(b"mime-version:") or b"multipart/related" in head
                else decode_text(data, declared_charset(data)))
        if text:
            out[rid] = read_html(text, name)
    return out


def _as_text(doc: Doc) -> Doc:
    """A Word file without tables, its report typed or pasted as text (a CMS page's text
    copied into Word: `规章 | 0 | 0 | 0 |`, one cell a paragraph, columns laid out by spaces):
    its paragraphs read as the lines of a text file."""
    from govopen_desktop.io.importers.readers.text import read_text

    lines = "\n".join(row.cells[0].text for row in doc.rows if row.cells)
    return read_text(lines, doc.name, doc.kind)


def _paragraph_text(p: Any) -> str:
    if p.find(f".//{_TAB}") is None and p.find(f".//{_BR}") is None and p.find(f".//{_CR}") is None:
        return "".join(p.itertext(_T))
    parts: list[str] = []
    for el in p.iter(_T, _TAB, _BR, _CR):
        if el.tag == _T:
            parts.append(el.text or "")
        else:
            parts.append("\t" if el.tag == _TAB else "\n")
    return "".join(parts)


def _picture_name(p: Any) -> str:
    """The name Word gives a picture (图片 3), or its description."""
    pr = next(p.iter(_DOC_PR), None)
    if pr is None:
        return ""
    return str(pr.get("descr") or pr.get("name") or "")[:40]


def _content(parent: Any, tags: tuple[str, ...]) -> Iterator[Any]:
    """The children of these kinds, with those inside content controls (a template's
    单击此处输入文字 fields, a repeating section of rows) and custom XML, in document order."""
    if parent.find(_SDT) is None and parent.find(_CUSTOM_XML) is None:
        children: Iterator[Any] = parent.iterchildren(*tags)  # most elements: lxml's own iterator
        return children
    return _controlled(parent, tags)


def _children(parent: Any, tags: tuple[str, ...]) -> Iterator[Any]:
    children: Iterator[Any] = parent.iterchildren(*tags)
    return children


def _controlled(parent: Any, tags: tuple[str, ...]) -> Iterator[Any]:
    for el in parent.iterchildren(*tags, _SDT, _CUSTOM_XML):
        if el.tag == _SDT:
            content = el.find(_SDT_CONTENT)
            if content is not None:
                yield from _content(content, tags)
        elif el.tag == _CUSTOM_XML:
            yield from _content(el, tags)
        else:
            yield el


def _walk(parent: Any, doc: Doc, counters: dict[str, int], chunks: dict[str, Doc] | None = None) -> None:
    for el in _content(parent, (_P, _TBL, _ALT_CHUNK)):
        if el.tag == _ALT_CHUNK:
            page = (chunks or {}).get(el.get(_R_ID), Doc("", ""))
            doc.title = doc.title or page.title  # the page's <title>: a fallback for the report's
            for row in page.rows:
                doc.add(row)
        elif el.tag == _P:
            counters["p"] += 1
            text = _paragraph_text(el)
            if text.strip():
                last = doc.rows[-1] if doc.rows else None
                if last is not None and not last.is_table and len(last.cells) == 1 and _joined(el):
                    doc.rows[-1] = Row([Cell(last.cells[0].text + text, last.place)], last.place)
                else:
                    doc.add_paragraph(text, f"第{counters['p']}段")
            if any(True for _ in el.iter(*_PICTURES)):  # a table pasted as a picture (a caption beside it)
                doc.add_picture(_picture_name(el), f"第{counters['p']}段")
        else:
            counters["t"] += 1
            if el.find(f".//{_TC}//{_TBL}") is not None:
                _layout(el, doc, counters, chunks)
            else:
                _table(el, doc, counters["t"])


def _layout(tbl: Any, doc: Doc, counters: dict[str, int], chunks: dict[str, Doc] | None) -> None:
    """A table with tables in its cells lays out the page (a web page copied into Word, the
    report in one cell of the site's frame): its cells are read as the body they hold."""
    for tr in _content(tbl, (_TR,)):
        for tc in _content(tr, (_TC,)):
            _walk(tc, doc, counters, chunks)


def _is_simple(tbl: Any, controls: bool, breaks: bool) -> bool:
    return not controls and not breaks and all(p.getparent().tag == _TC for p in tbl.iter(_P))


def _simple_table(tbl: Any, doc: Doc, number: int) -> None:
    """A table whose paragraphs all stand right in its cells and hold no tab or break (no
    control, text box or nested table): read in one pass over its elements in document order,
    as _table reads it cell by cell (a cell's paragraphs a line each, each the text of its
    w:t elements with their tails, as lxml's itertext gives them)."""
    rows = 0
    place = ""
    cells: list[Cell] = []
    parts: list[str] | None = None  # the open cell's text; None when it is covered (vMerge)
    column = 0
    first = True  # no paragraph yet in the open cell

    def end_cell() -> None:
        if parts is not None:
            cells.append(Cell("".join(parts), f"{place} 第{column}格"))

    def end_row() -> None:
        end_cell()
        if any(c.text.strip() for c in cells):
            doc.add(Row(list(cells), place, is_table=True))
        cells.clear()

    for el in tbl.iter(_TR, _TC, _P, _T, _VMERGE):
        tag = el.tag
        if tag == _T:
            if parts is not None:
                parts.append((el.text or "") + (el.tail or ""))
        elif tag == _P:
            if parts is not None and not first:
                parts.append("\n")
            first = False
        elif tag == _TC:
            end_cell()
            column += 1
            parts, first = [], True
        elif tag == _TR:
            if rows:
                end_row()
            rows += 1
            if rows > MAX_TABLE_ROWS:
                return
            place, column, parts = f"第{number}个表格 第{rows}行", 0, None
        elif el.get(_VAL) in (None, "continue") and el.getparent().tag == _TCPR:
            parts = None  # a vertical merge goes on: the cell above holds the value
    if rows:
        end_row()


def _continued(tc: Any) -> bool:
    """The cell is covered by the cell above (a vertical merge goes on)."""
    merge = tc.find(_TCPR_VMERGE)
    return merge is not None and merge.get(_VAL) in (None, "continue")


def _table(tbl: Any, doc: Doc, number: int) -> None:
    # looked for once in the whole table: most tables have no break, tab or vertical merge
    breaks = any(tbl.find(f".//{tag}") is not None for tag in (_TAB, _BR, _CR))
    merges = tbl.find(f".//{_VMERGE}") is not None
    controls = tbl.find(f".//{_SDT}") is not None or tbl.find(f".//{_CUSTOM_XML}") is not None
    content = _content if controls else _children  # most tables: no control to look into at each row and cell
    wrapped: dict[int, int] = {}
    if merges:
        wrapped = wrapped_rows(tbl, [list(content(tr, (_TC,))) for tr in islice(content(tbl, (_TR,)), MAX_TABLE_ROWS)])
    if not wrapped and _is_simple(tbl, controls, breaks):
        _simple_table(tbl, doc, number)  # most tables
        return
    built: list[Row] = []
    columns: list[list[int]] = []  # each built row's cells' grid columns, for the wrap rows' lines
    for r, tr in enumerate(content(tbl, (_TR,)), 1):
        if r > MAX_TABLE_ROWS:
            break
        place = f"第{number}个表格 第{r}行"
        cells: list[Cell] = []
        tcs = list(content(tr, (_TC,)))
        at = grid_columns(tcs) if wrapped else []
        kept: list[int] = []
        for c, tc in enumerate(tcs, 1):
            if merges and _continued(tc):
                continue
            # a break or tab inside a cell keeps what it separates apart ("136⏎12" is not 13612)
            paragraphs = list(content(tc, (_P,)))
            if breaks:
                text = "\n".join([_paragraph_text(p) for p in paragraphs])
            elif len(paragraphs) == 1:  # most cells
                text = "".join(paragraphs[0].itertext(_T))
            else:
                text = "\n".join(["".join(p.itertext(_T)) for p in paragraphs])
            cells.append(Cell(text, f"{place} 第{c}格"))
            kept.append(at[c - 1] if at else c)
        if r - 1 in wrapped:  # a converter's row for second lines: each goes into the cell above it
            _put_second_lines(built[wrapped[r - 1]], columns[wrapped[r - 1]], cells, kept)
            built.append(Row([], place, is_table=True))  # keeps the rows' indices
            columns.append([])
            continue
        built.append(Row(cells, place, is_table=True))
        columns.append(kept)
    for row in built:
        if any(c.text.strip() for c in row.cells):
            doc.add(row)


def _put_second_lines(row: Row, columns: list[int], lines: list[Cell], at: list[int]) -> None:
    for cell, column in zip(lines, at, strict=True):
        if not cell.text.strip():
            continue
        k = columns.index(column) if column in columns else -1
        if k < 0:
            continue  # no cell above it (cannot be: wrapped_rows saw one)
        above = row.cells[k]
        row.cells[k] = above._replace(text=f"{above.text}\n{cell.text}" if above.text.strip() else cell.text)
    row._filled = None
