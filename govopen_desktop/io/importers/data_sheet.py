"""The program's own Excel export read back: its hidden data sheet, through Report.from_dict.

The data sheet holds every value as text in the project file's keys, so it is read as a
project file is; only what a data sheet edited by hand can hold is taken leniently (a cell the
format lacks, a value the cell does not take, a wrong date), each named in a problem. The
visible tables win where they differ: the clerk may have corrected a number in Excel/WPS."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from govopen_desktop.domain.errors import GovopenError
from govopen_desktop.domain.formats import Table
from govopen_desktop.domain.report import Report
from govopen_desktop.domain.values import Published, Value, format_value, refusal, same_value
from govopen_desktop.io.importers.extract.build import table_values
from govopen_desktop.io.importers.labels import norm
from govopen_desktop.io.importers.neutral import Cell, Doc
from govopen_desktop.io.importers.per_table import PerTable
from govopen_desktop.io.importers.problems import ImportFailed, ImportProblem
from govopen_desktop.io.importers.readers.limits import check_doc
from govopen_desktop.io.workbook_layout import DATA_SHEET, cell_address, sheet_name

_PLAIN_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?")


def report_from_workbook(data: dict[str, str], doc: Doc, name: str) -> tuple[Report, list[ImportProblem]]:
    """The report of an exported workbook: `data` (the data sheet's key/value pairs) read as
    a project file, the visible tables (`doc`) preferred where they say otherwise."""
    where = f"数据表 {DATA_SHEET}"
    meta = {k[5:]: v for k, v in data.items() if k.startswith("meta.")}
    written = meta.get("date") or None
    date = _iso_date(written) if written is not None else None
    date_problem = None
    if written is not None and date is None:
        date_problem = ImportProblem(f"成文日期“{written}”无效，已留空。", "meta.date", where)
    cells = {k: v for k, v in data.items() if not k.startswith(("meta.", "text."))}
    shape = {
        "meta": {"agency": meta.get("agency", ""), "year": meta.get("year"), "format": meta.get("format"),
                 "date": date},
        "cells": cells,
        "text": {k[5:]: v for k, v in data.items() if k.startswith("text.")},
    }
    unknown: list[str] = []
    try:
        report = Report.from_dict(shape, unknown_cells=unknown)
    except GovopenError as exc:
        raise ImportFailed(f"“{name}”的{where}中年度或格式无效（{meta.get('year')}，{meta.get('format')}）。") from exc
    tables = _visible_cells(doc, report)
    problems: list[ImportProblem] = []
    for key in cells:
        value = report.cells.get(key)
        if key in unknown:
            problems.append(ImportProblem(f"{report.format.id}年版格式没有这个单元格，已忽略。", key, where))
        elif isinstance(value, Published):
            problems.append(ImportProblem(_refused_cell(report, key, value, tables.get(key)), key, where))
    if date_problem is not None:
        problems.append(date_problem)
    _prefer_visible(report, tables, name, problems)
    return report, problems


def _iso_date(text: str) -> str | None:
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        return None


def _visible_cells(doc: Doc, report: Report) -> dict[str, Value]:
    """The values the visible tables show, read in the data sheet's format (none when they
    cannot be read)."""
    if _as_exported(doc, report):
        return {}  # nothing in them differs from the data sheet
    try:
        check_doc(doc)
        visible = table_values(doc, report.format)
    except GovopenError:
        return {}  # tables not readable: the data sheet is all there is
    return {} if visible is None else {k: v for k, v in visible.items() if v is not None}


def _as_exported(doc: Doc, report: Report) -> bool:
    """Whether the visible tables are still as the export wrote them from the data sheet's
    values: each table's sheet with every label and header in its place and every value cell
    showing the data sheet's value as a plain number (or blank). Read by their labels they
    would give the data sheet's values, so the reading is skipped; anything else is read."""
    fields = report.format.fields
    if any(f.unit_key for f in fields.values()):
        return False  # a unit read from the headers (2019's 采购总金额): read as any table is
    shown: dict[str, Cell] = {cell.place: cell for row in doc.rows for cell in row.cells}
    cells = report.cells
    for table in report.format.tables:
        for place, key, words in _exported_places(table):
            cell = shown.get(place)
            if key is None:
                if norm(cell.text if cell is not None else "") != words:
                    return False
            elif not _shows(cell, cells.get(key)):
                return False
    return True


_PLACES: PerTable[list[tuple[str, str | None, str]]] = PerTable()


def _exported_places(table: Table) -> list[tuple[str, str | None, str]]:
    """Each grid cell's place on its sheet as the export writes it (工作表“表三” B5), with its
    key and its text's words (once per table: formats are loaded once)."""
    prefix = f"工作表“{sheet_name(table)}” "
    return _PLACES.get(table, lambda: [(prefix + cell_address(c), c.key, norm(c.text or "")) for c in table.cells])


def _shows(cell: Cell | None, value: Value) -> bool:
    """Whether a value cell shows exactly `value`: blank for none, else the number alone."""
    text = "" if cell is None else cell.text.strip()
    if value is None:
        return not text and (cell is None or cell.value is None)
    if isinstance(value, bool) or not isinstance(value, int | Decimal) or not _PLAIN_NUMBER.fullmatch(text):
        return False  # a unit, a mark or a note in the cell: read as any table is
    return Decimal(text) == value


def _refused_cell(report: Report, key: str, value: Published, shown: Value) -> str:
    """A value the data sheet gives that the cell does not take: the table's value, or empty."""
    field = report.format.fields[key]
    report.cells[key] = shown
    outcome = "已留空。" if shown is None else f"已按表格中的数值 {format_value(shown)} 导入。"
    return refusal(value, field.kind, field.label) + outcome


def _prefer_visible(report: Report, tables: dict[str, Value], name: str, problems: list[ImportProblem]) -> None:
    """An exported workbook edited in Excel/WPS afterwards: its data sheet is stale, and what
    the clerk sees (and changed) in the tables wins; one problem names the cells."""
    cells = report.cells
    changed = [key for key in report.format.keys if key in tables and not same_value(tables[key], cells.get(key))]
    report.cells.update({key: tables[key] for key in changed})
    if changed:
        labels = "、".join(report.format.fields[k].label for k in changed[:5])
        more = f"等 {len(changed)} 处" if len(changed) > 5 else ""
        problems.append(ImportProblem(
            f"表格中的数值与导出时不同（可能在 Excel/WPS 中修改过），"
            f"已按表格中看到的数值导入：{labels}{more}。请核对。",
            place=f"“{name}”",
        ))
