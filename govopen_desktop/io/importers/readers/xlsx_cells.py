""".xlsx cells read straight from the package's XML: values, number formats and merged ranges.

openpyxl's `load_workbook` spends most of its time on what an importer never reads: the cell
styles and, for every merged range, the borders it re-creates on each covered cell. Here the
worksheet XML is walked once with lxml (a parser that resolves no entities and loads nothing
from the network), keeping only what the sheet reader asks of a cell. Each value is what
openpyxl's reader (data_only=True) gives for the same XML, so both paths read the same cells;
tests/io/test_import_xlsx_fast.py compares them on every workbook fixture.

The zip was already checked (sizes, entries, rows) when the file's kind was told apart. Any
XML this reader does not expect raises, and the caller falls back to openpyxl, whose messages
for damaged files stay as they were.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from govopen_desktop.io.sheet_columns import column_index

NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_ROW, _C, _V, _IS, _T, _R, _RPH, _F = (f"{NS}{t}" for t in ("row", "c", "v", "is", "t", "r", "rPh", "f"))
_MERGE = f"{NS}mergeCell"
_SHEET_DATA = f"{NS}sheetData"

# openpyxl's BUILTIN_FORMATS entries that are dates (and the one duration), by id
BUILTIN_DATES = frozenset((14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47))
BUILTIN_DURATIONS = frozenset((46,))
BUILTIN_CODES = {0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%",
                 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??", 49: "@"}  # those a unit check may see
# openpyxl.styles.numbers.is_date_format / is_timedelta_format, the same expressions
_STRIP = re.compile(r'".*?"|\[(?!hh?\]|mm?\]|ss?\])[^\]]*\]')
_DATE_CHAR = re.compile(r"(?<![_\\])[dmhysDMHYS]")
_DURATION = re.compile(r"\[hh?\](:mm(:ss(\.0*)?)?)?|\[mm?\](:ss(\.0*)?)?|\[ss?\](\.0*)?", re.I)
_COORD = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d+)$")
WINDOWS_EPOCH = dt.datetime(1899, 12, 30)
MAC_EPOCH = dt.datetime(1904, 1, 1)


class UnexpectedXml(ValueError):
    """The package is not laid out as this reader expects: let openpyxl read it."""


@dataclass
class SheetCells:
    title: str
    state: str  # visible, hidden, veryHidden
    cells: dict[tuple[int, int], tuple[Any, str]] = field(default_factory=dict)  # 1-based -> (value, format)
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)  # 1-based min_row, max_row, min_col, max_col

    @property
    def max_row(self) -> int:  # as openpyxl's: merged ranges' covered cells count
        return max((r for r, _c in self.cells), default=1)

    @property
    def max_column(self) -> int:
        return max((c for _r, c in self.cells), default=1)


def _parser() -> Any:
    from lxml import etree

    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)


def _xml(zf: zipfile.ZipFile, part: str, parser: Any) -> Any:
    from lxml import etree

    data = zf.read(part)
    if b"<!DOCTYPE" in data[:4096] or b"<!ENTITY" in data[:4096]:
        raise UnexpectedXml(f"{part}: a DTD")  # openpyxl (defusedxml) refuses these: keep its answer
    return etree.fromstring(data, parser)


def read_cells(path: Path) -> list[SheetCells]:
    """Every worksheet of the workbook, in order (chart sheets left out, as openpyxl does)."""
    parser = _parser()
    with zipfile.ZipFile(path) as zf:
        names = set(zf.namelist())
        book = _target("", "xl/workbook.xml", zf, names, parser, "/officeDocument")
        rels = _rels(book, zf, names, parser)
        root = _xml(zf, book, parser)
        pr = root.find(f"{NS}workbookPr")
        epoch = MAC_EPOCH if pr is not None and pr.get("date1904") in ("1", "true") else WINDOWS_EPOCH
        styles_part = next((t for t, kind in rels.values() if kind.endswith("/styles")), None)
        formats, dates, durations = _styles(zf, styles_part, parser) if styles_part in names else ([], set(), set())
        strings_part = next((t for t, kind in rels.values() if kind.endswith("/sharedStrings")), None)
        strings = _shared_strings(zf, strings_part, parser) if strings_part in names else []
        sheets: list[SheetCells] = []
        for el in root.iter(f"{NS}sheet"):
            target, kind = rels.get(el.get(f"{REL_NS}id", ""), ("", ""))
            if not kind.endswith("/worksheet"):
                if kind.endswith("/chartsheet"):
                    continue
                raise UnexpectedXml(f"sheet {el.get('name')}: {kind or 'no relationship'}")
            sheet = SheetCells(el.get("name", ""), el.get("state", "visible"))
            _read_sheet(_xml(zf, target, parser), sheet, strings, formats, dates, durations, epoch)
            sheets.append(sheet)
        return sheets


def _target(base: str, default: str, zf: zipfile.ZipFile, names: set[str], parser: Any, kind: str) -> str:
    if "_rels/.rels" in names:
        for rel in _xml(zf, "_rels/.rels", parser).iter(PKG_REL):
            if rel.get("Type", "").endswith(kind):
                return posixpath.normpath(str(rel.get("Target", "")).lstrip("/"))
    return default


def _rels(part: str, zf: zipfile.ZipFile, names: set[str], parser: Any) -> dict[str, tuple[str, str]]:
    """A part's relationships: id -> (target part, type)."""
    folder, name = posixpath.split(part)
    rels_part = posixpath.join(folder, "_rels", f"{name}.rels")
    out: dict[str, tuple[str, str]] = {}
    if rels_part in names:
        for rel in _xml(zf, rels_part, parser).iter(PKG_REL):
            target = rel.get("Target", "")
            target = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
            out[rel.get("Id", "")] = (posixpath.normpath(target), rel.get("Type", ""))
    return out


def is_date_format(fmt: str | None) -> bool:
    if fmt is None:
        return False
    return _DATE_CHAR.search(_STRIP.sub("", fmt.split(";")[0])) is not None


def is_duration_format(fmt: str | None) -> bool:
    return fmt is not None and _DURATION.search(fmt.split(";")[0]) is not None


def _styles(zf: zipfile.ZipFile, part: str, parser: Any) -> tuple[list[str], set[int], set[int]]:
    """For each cell style (cellXfs index): its number format, and which are dates/durations."""
    root = _xml(zf, part, parser)
    custom = {int(n.get("numFmtId")): n.get("formatCode", "") for n in root.iter(f"{NS}numFmt")}
    formats: list[str] = []
    dates: set[int] = set()
    durations: set[int] = set()
    xfs = root.find(f"{NS}cellXfs")
    for idx, xf in enumerate(xfs.iter(f"{NS}xf") if xfs is not None else ()):
        fmt_id = int(xf.get("numFmtId", "0"))
        if fmt_id in custom:
            fmt = custom[fmt_id]
            formats.append(fmt)
        else:
            formats.append(BUILTIN_CODES.get(fmt_id, "General"))
            if fmt_id in BUILTIN_DATES:
                dates.add(idx)
            if fmt_id in BUILTIN_DURATIONS:
                durations.add(idx)
            continue
        if is_date_format(fmt):
            dates.add(idx)
        if is_duration_format(fmt):
            durations.add(idx)
    return formats, dates, durations


def _text(node: Any) -> str:
    """A string item's text as openpyxl's Text.content: its <t>, then each run's <t>; no
    phonetic (rPh) runs."""
    parts = []
    plain = node.find(_T)
    if plain is not None and plain.text is not None:
        parts.append(plain.text)
    for run in node.iterchildren(_R):
        t = run.find(_T)
        if t is not None and t.text is not None:
            parts.append(t.text)
    return "".join(parts)


def _shared_strings(zf: zipfile.ZipFile, part: str, parser: Any) -> list[str]:
    root = _xml(zf, part, parser)
    return [_text(si).replace("x005F_", "") for si in root.iterchildren(f"{NS}si")]


def _column(letters: str) -> int:
    return column_index(letters.upper()) + 1  # 1-based, as openpyxl counts


@lru_cache(maxsize=65536)  # the same few thousand references in every sheet of every report
def _coordinate(ref: str) -> tuple[int, int]:
    m = _COORD.match(ref)
    if m is None:
        raise UnexpectedXml(f"cell reference {ref!r}")
    return int(m[2]), _column(m[1])


def _number(text: str) -> int | float:
    return float(text) if "." in text or "E" in text or "e" in text else int(text)


def _read_sheet(root: Any, sheet: SheetCells, strings: list[str], formats: list[str], dates: set[int],
                durations: set[int], epoch: dt.datetime) -> None:
    cells = sheet.cells
    formulas: dict[tuple[int, int], str] = {}
    data = root.find(_SHEET_DATA)
    row_number = 0
    for row in data.iterchildren(_ROW) if data is not None else ():
        r = row.get("r")
        row_number = int(r) if r is not None and r.isdigit() else _row_number(r, row_number)
        col = 0
        for c in row.iterchildren(_C):
            ref = c.get("r")
            if ref:
                row_at, col = _coordinate(ref)
            else:
                row_at, col = row_number, col + 1
            kind = c.get("t", "n")
            style = int(c.get("s") or 0)
            value: Any = None
            if kind == "inlineStr":
                inline = c.find(_IS)
                value = _text(inline) if inline is not None else None
            else:
                value = c.findtext(_V) or None
                if value is not None:
                    if kind == "n":
                        value = _number(value)
                        if style in dates:
                            value = _date(value, epoch, style in durations)
                    elif kind == "s":
                        value = strings[int(value)]
                    elif kind == "b":
                        value = bool(int(value))
                    elif kind == "d":
                        from openpyxl.utils.datetime import from_ISO8601  # rare: a cell typed as ISO date

                        value = from_ISO8601(value)
            if value is None and (formula := c.findtext(_F)):
                formulas[(row_at, col)] = formula
            cells[(row_at, col)] = (value, formats[style] if formats else "General")
    resolve_formulas(cells, formulas)
    merges = root.find(f"{NS}mergeCells")
    for m in merges.iterchildren(_MERGE) if merges is not None else ():
        first, _, last = (m.get("ref") or "").partition(":")
        (r1, c1), (r2, c2) = _coordinate(first), _coordinate(last or first)
        sheet.merged.append((r1, r2, c1, c2))
        for rr in range(r1, r2 + 1):  # openpyxl puts a MergedCell (no value) on each covered cell
            for cc in range(c1, c2 + 1):
                if (rr, cc) != (r1, c1):
                    cells[(rr, cc)] = (None, "General")


_REF = r"\$?[A-Za-z]{1,3}\$?\d+"
_SUM_TERM = re.compile(rf"^\s*(?:(?P<first>{_REF})(?::(?P<last>{_REF}))?|(?P<number>\d+(?:\.\d+)?))\s*$")
_SUM_CALL = re.compile(r"^\s*SUM\s*\((?P<args>[^()]*)\)\s*$", re.I)
MAX_SUM_CELLS = 10_000


def resolve_formulas(cells: dict[tuple[int, int], tuple[Any, str]], formulas: dict[tuple[int, int], str]) -> None:
    """Cells holding a formula with no saved result (a workbook written by a program that does
    not calculate): the sum Excel would show, or the formula itself, which the importer reports."""
    for at, formula in formulas.items():
        result = evaluate_sum(formula, cells, formulas)
        cells[at] = (result if result is not None else "=" + formula, cells[at][1])


def evaluate_sum(formula: str, cells: dict[tuple[int, int], tuple[Any, str]],
                 formulas: dict[tuple[int, int], str], depth: int = 0) -> int | float | None:
    """The value of SUM(B5:G5), B5+C5+… or such a sum of sums, over numbers of this sheet, as
    Excel shows it; None for any other formula, a cell holding text (SUM would skip what a
    number stored as text says), or a chain deeper than a form's."""
    call = _SUM_CALL.match(formula)
    terms = call.group("args").split(",") if call else formula.split("+")
    total: int | float = 0
    for term in terms:
        m = _SUM_TERM.match(term)
        if m is None or depth > 4:
            return None
        if m.group("number"):
            total += _number(m.group("number"))
            continue
        (r1, c1), (r2, c2) = _coordinate(m.group("first")), _coordinate(m.group("last") or m.group("first"))
        rows, cols = range(min(r1, r2), max(r1, r2) + 1), range(min(c1, c2), max(c1, c2) + 1)
        if len(rows) * len(cols) > MAX_SUM_CELLS:
            return None
        for at in ((r, c) for r in rows for c in cols):
            value = cells.get(at, (None, ""))[0]
            if value is None and at in formulas:
                value = evaluate_sum(formulas[at], cells, formulas, depth + 1)
                if value is None:
                    return None
            if value is None:
                continue
            if isinstance(value, bool) or not isinstance(value, int | float):
                return None
            total += value
    return int(total) if isinstance(total, float) and total.is_integer() else total


def _row_number(r: str | None, previous: int) -> int:
    if r is None:
        return previous + 1
    value = float(r)
    if not value.is_integer():
        raise UnexpectedXml(f"row number {r!r}")
    return int(value)


def _date(value: int | float, epoch: dt.datetime, duration: bool) -> Any:
    """An Excel serial as the datetime (or time of day, or duration) openpyxl gives it: days
    since the epoch to the millisecond; in the 1900 system serials before 1 March 1900 count
    one day more, since Excel counts a 29 February 1900 that never was. Worked out here: the
    openpyxl package (~120 ms to import, with Pillow) is not loaded for a date cell."""
    try:
        if duration:
            span = dt.timedelta(days=value)
            if span.microseconds:
                span = dt.timedelta(seconds=span.total_seconds() // 1, microseconds=round(span.microseconds, -3))
            return span
        day, fraction = divmod(value, 1)
        within = dt.timedelta(milliseconds=round(fraction * 86_400 * 1000))
        if 0 <= value < 1 and within.days == 0:
            return (dt.datetime.min + within).time()  # a time of day alone
        if 0 < value < 60 and epoch == WINDOWS_EPOCH:
            day += 1
        return epoch + dt.timedelta(days=day) + within
    except (OverflowError, ValueError):
        return "#VALUE!"  # as openpyxl: a serial outside the dates is an error value
