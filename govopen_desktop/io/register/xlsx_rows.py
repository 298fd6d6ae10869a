"""The cells of an .xlsx register read straight from its XML, row by row.

openpyxl builds an object per cell; a year's register of 20,000 applications is 200,000
cells, which openpyxl takes seconds over. A register needs only values: shared strings,
numbers, booleans, inline strings, and dates (numbers whose cell style has a date format).
The zip has been checked for bombs and entity declarations before this runs.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import zipfile
from collections.abc import Iterator
from xml.etree.ElementTree import Element, iterparse

from defusedxml.ElementTree import fromstring

from govopen_desktop.io.sheet_columns import column_index, column_letters

EXCEL_EPOCH = dt.datetime(1899, 12, 30)
MAC_EPOCH = dt.datetime(1904, 1, 1)  # workbooks with date1904 (old Mac Excel)
# Built-in number formats that show a date (ECMA-376 18.8.30, and the CJK ones Excel and WPS use).
DATE_FORMAT_IDS = frozenset([*range(14, 23), *range(27, 37), *range(45, 48), *range(50, 59)])
_QUOTED = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.')


class UnexpectedLayout(Exception):
    """Something this reader does not handle: the caller falls back to openpyxl."""


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _children(element: Element, name: str) -> Iterator[Element]:
    return (child for child in element if _local(child.tag) == name)


def _text(element: Element) -> str:
    """A string item: its <t> texts, rich-text runs joined, phonetic runs (<rPh>) left out."""
    if len(element) == 1 and element[0].tag.endswith("}t"):  # the usual plain string
        return element[0].text or ""
    parts: list[str] = []
    for child in element:
        tag = _local(child.tag)
        if tag == "t":
            parts.append(child.text or "")
        elif tag == "r":
            parts.extend(t.text or "" for t in _children(child, "t"))
    return "".join(parts)


def _is_date_format(code: str) -> bool:
    bare = _QUOTED.sub("", code).lower()
    return any(ch in bare for ch in "ymd") and "general" not in bare


DIGITS = "0123456789"


def _column(ref: str) -> int:
    letters = ref.rstrip("0123456789")
    if not letters.isalpha() or not letters.isupper():
        raise UnexpectedLayout(ref)
    return column_index(letters)


class XlsxRows:
    def __init__(self, zf: zipfile.ZipFile) -> None:
        self.zf = zf
        names = set(zf.namelist())
        self.strings = self._shared_strings(names)
        self.epoch = EXCEL_EPOCH
        self.date_styles = self._date_styles(names)

    def _xml(self, name: str) -> Element:
        root: Element = fromstring(self.zf.read(name))
        return root

    def sheets(self) -> list[tuple[str, str, str]]:
        """(name, state, part path) of each sheet, in the workbook's order."""
        book = self._xml("xl/workbook.xml")
        for props in _children(book, "workbookPr"):
            if props.get("date1904") in ("1", "true"):
                self.epoch = MAC_EPOCH
        rels = self._xml("xl/_rels/workbook.xml.rels")
        targets = {r.get("Id"): r.get("Target", "") for r in rels}
        result = []
        for sheets in _children(book, "sheets"):
            for sheet in _children(sheets, "sheet"):
                rid = next((v for k, v in sheet.attrib.items() if _local(k) == "id"), None)
                target = targets.get(rid, "")
                path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"xl/{target}")
                result.append((sheet.get("name", ""), sheet.get("state", "visible"), path))
        return result

    def _shared_strings(self, names: set[str]) -> list[str]:
        if "xl/sharedStrings.xml" not in names:
            return []
        return [_text(si) for si in self._xml("xl/sharedStrings.xml") if _local(si.tag) == "si"]

    def _date_styles(self, names: set[str]) -> frozenset[int]:
        if "xl/styles.xml" not in names:
            return frozenset()
        styles = self._xml("xl/styles.xml")
        custom: dict[int, str] = {}
        for formats in _children(styles, "numFmts"):
            for fmt in _children(formats, "numFmt"):
                custom[int(fmt.get("numFmtId", "0"))] = fmt.get("formatCode", "")
        dated: set[int] = set()
        for xfs in _children(styles, "cellXfs"):
            for index, xf in enumerate(_children(xfs, "xf")):
                fid = int(xf.get("numFmtId", "0"))
                if fid in DATE_FORMAT_IDS or (fid in custom and _is_date_format(custom[fid])):
                    dated.add(index)
        return frozenset(dated)

    def rows(self, part: str, max_rows: int, max_cols: int) -> Iterator[tuple[int, tuple[object, ...]]]:
        """(row number, values) of each row holding a value."""
        strings, dated, epoch = self.strings, self.date_styles, self.epoch
        letter_index = {column_letters(i): i for i in range(max_cols)}
        with self.zf.open(part) as stream:
            ns = ""
            row_tag, v_tag, is_tag = "row", "v", "is"  # a sheet written without namespaces
            number = 0
            for event, element in iterparse(stream, events=("start-ns", "end")):
                if event == "start-ns":
                    prefix, uri = element
                    if not ns and (not prefix or uri.endswith(("spreadsheetml/2006/main", "spreadsheetml/main"))):
                        ns = "{" + uri + "}"
                        row_tag, v_tag, is_tag = f"{ns}row", f"{ns}v", f"{ns}is"
                    continue
                if element.tag != row_tag:
                    continue
                number = int(element.get("r") or number + 1)
                if number > max_rows:
                    raise OverflowError(number)
                values: dict[int, object] = {}
                for c in element:
                    ref = c.get("r")
                    if ref is None:
                        col = len(values)
                    else:
                        col = letter_index.get(ref.rstrip(DIGITS), -1)
                        if col < 0:
                            col = _column(ref)
                    if col >= max_cols:
                        continue
                    kind = c.get("t", "n")
                    if kind == "inlineStr":
                        inline = c.find(is_tag)
                        v: object = _text(inline) if inline is not None else None
                    else:
                        raw_v = c.find(v_tag)
                        raw = raw_v.text if raw_v is not None else None
                        if raw is None:
                            continue
                        if kind == "s":
                            v = strings[int(raw)]
                        elif kind == "n":
                            num = float(raw)
                            if dated and int(c.get("s", "0")) in dated:
                                v = epoch + dt.timedelta(seconds=round(num * 86400))
                            else:
                                v = int(num) if num.is_integer() else num
                        elif kind == "b":
                            v = raw == "1"
                        elif kind in ("str", "e", "d"):
                            v = raw
                        else:
                            raise UnexpectedLayout(kind)
                    if v is not None and v != "":
                        values[col] = v
                element.clear()  # an emptied row element is all that stays in memory
                if values:
                    width = max(values) + 1
                    yield number, tuple(values.get(i) for i in range(width))
