"""One table model for every official table, driven by the format description.

Rows and columns are the printed form's grid; which cells are editable, grey or labels comes
from the cell kind in the format file, never from code. Edits become undo commands; findings
and last year's values reach the view through roles.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont

from govopen_desktop.domain.carry import carry_over_note, carry_over_pairs
from govopen_desktop.domain.errors import ValueInputError
from govopen_desktop.domain.findings import LEVEL_ORDER, Finding, Level
from govopen_desktop.domain.formats import Field, GridCell, Table
from govopen_desktop.domain.values import (
    Published,
    format_amount,
    format_value,
    parse_value,
    split_unit,
)
from govopen_desktop.qt.commands import SetCellCommand
from govopen_desktop.qt.document import Document
from govopen_desktop.qt.palette import LEVEL_BG
from govopen_desktop.qt.roles import Roles

Index = QModelIndex | QPersistentModelIndex

ERROR_BG, WARNING_BG, INFO_BG = (LEVEL_BG[level] for level in (Level.ERROR, Level.WARNING, Level.INFO))
DERIVED_BG = QColor("#eceff1")
HEADER_BG = QColor("#f3f5f7")
GROUP_BG = QColor("#e8edf2")
DERIVED_FG = QColor("#37474f")
PUBLISHED_FG = QColor("#c62828")  # a printed value the form does not allow


def cell_kind(cell: GridCell | None, field: Field | None) -> str:
    if cell is None:
        return "empty"
    if cell.key is None:
        return cell.role
    return "derived" if field is not None and field.derived else "input"


def formula_text(field: Field, fields: dict[str, Field]) -> str:
    """'自动计算：自然人＋商业企业＋…' from the short names of the summed cells; long sums
    (表三（七）总计) are written by item numbers: （一）＋（二）＋（三）1～8＋…"""
    assert field.derived is not None
    terms = [fields[t] for t in field.derived.terms]
    if len(terms) > 8:
        return "自动计算：" + "＋".join(_compact_names(terms, field))
    return "自动计算：" + "＋".join(_short_name(t, field) for t in terms)


def _compact_names(terms: list[Field], total: Field) -> list[str]:
    groups: list[tuple[str, list[str]]] = []
    for term in terms:
        name = _short_name(term, total)
        number = _GROUP_NUMBER.match(name)
        head = number.group(0) if number else name
        item = re.match(r"(\d+)\.", name[len(head):]) if number else None
        if groups and groups[-1][0] == head and item:
            groups[-1][1].append(item.group(1))
        else:
            groups.append((head, [item.group(1)] if item else []))
    return [head + (f"{items[0]}～{items[-1]}" if len(items) > 1 else "".join(items)) for head, items in groups]


_EXPLANATION = re.compile(r"（[^）]{6,}）$")  # （区分处理的，只计这一情形…）
_GROUP_NUMBER = re.compile(r"^（[一二三四五六七八九十]+）")


def _short_name(term: Field, total: Field) -> str:
    """The part of a summed cell's label that the total's label does not share."""
    total_parts = set(total.label.split(" · "))
    rest = [_EXPLANATION.sub("", p) for p in term.label.split(" · ") if p not in total_parts]
    if not rest:
        return term.label
    if len(rest) == 2 and (number := _GROUP_NUMBER.match(rest[0])):
        return number.group(0) + rest[1]  # （三）1.属于国家秘密
    return rest[-1]


class ReportTableModel(QAbstractTableModel):
    """A table of the report's format over the document's report."""

    inputRefused = Signal(QModelIndex, str)  # the view shows the reason beside the cell
    inputWarning = Signal(QModelIndex, str)  # accepted, but worth a second look

    def __init__(self, document: Document, table_id: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.table_id = table_id
        self.show_prior = False
        self.last_error = ""  # the Chinese reason the last edit was refused
        self._bind()
        document.cellsChanged.connect(self._on_cells_changed)
        document.findingsChanged.connect(self._on_findings_changed)
        document.reportReplaced.connect(self._on_report_replaced)

    # ---- structure --------------------------------------------------------------------------

    def _bind(self) -> None:
        report = self.document.report
        fmt = report.format
        self.table: Table = fmt.table(self.table_id)
        self.fields = fmt.fields
        self._pos = {c.key: (c.row, c.col) for c in self.table.value_cells() if c.key}
        self._formulas = {k: formula_text(self.fields[k], self.fields) for k in self._pos if self.fields[k].derived}
        self._bind_prior()
        self._findings_by_key = self._index_findings(self.document.findings)

    def _bind_prior(self) -> None:
        """This year's cells carried from last year's (上年结转 from 结转下年度), by the prior now attached."""
        report = self.document.report
        prior = report.prior
        self._carried: dict[str, str] = {}
        if prior is not None:
            self._carried = {k: p for k, p in carry_over_pairs(report, prior) if k in self._pos}

    def _index_findings(self, findings: list[Finding]) -> dict[str, tuple[Finding, ...]]:
        by_key: dict[str, list[Finding]] = {}
        for f in findings:
            if f.accepted:
                continue  # explained (已说明): the cell is no longer marked
            for key in f.cells:
                if key in self._pos:
                    by_key.setdefault(key, []).append(f)
        return {k: tuple(v) for k, v in by_key.items()}

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.table.n_rows

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.table.n_cols

    def grid_cell(self, index: Index) -> GridCell | None:
        cell = self.table.cell_at(index.row(), index.column())
        # a spanned cell answers only at its top-left position; the rest of the span is empty
        if cell is None or (cell.row, cell.col) != (index.row(), index.column()):
            return None
        return cell

    def index_of(self, key: str) -> QModelIndex:
        row, col = self._pos.get(key, (-1, -1))
        return self.index(row, col) if row >= 0 else QModelIndex()

    def key_at(self, index: Index) -> str | None:
        cell = self.grid_cell(index)
        return cell.key if cell else None

    def formula(self, key: str) -> str:
        """'自动计算：…' for a derived cell, '' for an input."""
        return self._formulas.get(key, "")

    def spans(self) -> list[GridCell]:
        return [c for c in self.table.cells if c.rowspan > 1 or c.colspan > 1]

    # ---- data -------------------------------------------------------------------------------

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        cell = self.grid_cell(index)
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if cell is not None and cell.key is not None and self.fields[cell.key].is_input:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        cell = self.grid_cell(index)
        if cell is None:
            return None
        if cell.key is None:
            return self._label_data(cell, role)
        return self._value_data(cell.key, role)

    def _label_data(self, cell: GridCell, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole or role == Qt.ItemDataRole.ToolTipRole:
            return cell.text
        if role == Roles.CellKind:
            return cell.role
        if role == Qt.ItemDataRole.BackgroundRole:
            return GROUP_BG if cell.role == "group" else HEADER_BG if cell.role != "label" else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if cell.role in ("header", "note"):
                return Qt.AlignmentFlag.AlignCenter
            if cell.rowspan > 2:  # a group label over many rows: at the top, where the group starts
                return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
            return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.FontRole and cell.role in ("header", "group"):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _value_data(self, key: str, role: int) -> Any:
        report = self.document.report
        field = self.fields[key]
        value = report.cells.get(key)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            # text, so amounts keep all their decimals; an amount shows the unit it was written with
            return format_amount(value, report.unit_of(key))
        if role == Roles.CellKey:
            return key
        if role == Roles.Value:
            return value
        if role == Roles.CellKind:
            return "derived" if field.derived else "input"
        if role == Roles.Findings:
            return self._findings_by_key.get(key, ())
        if role == Roles.Level:
            level = self._level(key)
            return level.value if level else None
        if role == Roles.PriorValue:
            return self._prior_text(key)
        if role == Roles.Carried:
            return key in self._carried
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.BackgroundRole:
            level = self._level(key)
            if level is not None:
                return LEVEL_BG[level]
            return DERIVED_BG if field.derived else None
        if role == Qt.ItemDataRole.ForegroundRole and isinstance(value, Published):
            return PUBLISHED_FG  # printed text the form does not allow, until a valid number is typed
        if role == Qt.ItemDataRole.ForegroundRole and field.derived:
            return DERIVED_FG
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(key, field)
        return None

    def _level(self, key: str) -> Level | None:
        levels = [f.level for f in self._findings_by_key.get(key, ())]
        return min(levels, key=LEVEL_ORDER.__getitem__) if levels else None

    def _prior_text(self, key: str) -> str:
        prior = self.document.report.prior
        if prior is None:
            return ""
        prior_key = self._carried.get(key, key)
        if prior_key not in prior.cells:
            return ""
        return format_value(prior.cells.get(prior_key)) or "空"

    def _tooltip(self, key: str, field: Field) -> str:
        lines = [field.label]
        if field.derived:
            lines.append(self._formulas[key])
        if key in self._carried and (note := carry_over_note(self.document.report, key)):
            lines.append(note)
        prior = self._prior_text(key)
        if prior:
            lines.append(f"上年：{prior}")
        from govopen_desktop.domain.register.provenance import register_note  # loaded on the first tooltip

        counted = register_note(self.document.report, key)  # counted from a register: its rows
        if counted:
            lines.append(counted)
        for f in self._findings_by_key.get(key, ()):
            lines.append(f"【{f.level.label}】{f.message}")
        return "\n".join(lines)

    # ---- editing ----------------------------------------------------------------------------

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        key = self.key_at(index)
        assert key is not None
        field = self.fields[key]
        text = "" if value is None else str(value)
        try:
            parsed = parse_value(text, field.kind, field.label)
        except ValueInputError as exc:
            self.last_error = str(exc)
            self.inputRefused.emit(self.index(index.row(), index.column()), self.last_error)
            return False
        self.last_error = ""
        cells = self.document.report.cells
        extra: dict[str, Any] = {}
        if field.unit_key:
            unit = split_unit(text)[1]
            if unit is not None or parsed is None:
                extra[field.unit_key] = unit
        unchanged = parsed == cells.get(key) and type(parsed) is type(cells.get(key))
        if unchanged and all(cells.get(k) == v for k, v in extra.items()):
            if self.document.report.confirm_inferred([key]):
                self.document.recheck()  # the same number typed over an inferred one: checked
            return True
        before = self._own_warnings(key)
        self.document.undo_stack.push(SetCellCommand(self.document.report, key, parsed, field.label, extra))
        for message in self._own_warnings(key):
            if message not in before:  # accepted, but the checker asks for a second look at once
                self.inputWarning.emit(self.index(index.row(), index.column()), message)
        return True

    def _own_warnings(self, key: str) -> list[str]:
        """The open warnings about this one cell alone (too many decimals, …)."""
        return [f.message for f in self.document.findings
                if f.cells == (key,) and f.level is Level.WARNING and not f.accepted]

    # ---- reacting to the document -----------------------------------------------------------

    def _on_cells_changed(self, keys: set[str]) -> None:
        if "prior" in keys and self.rowCount() and self.columnCount():
            # last year's values live in every tooltip and mark the carried cells: a prior
            # attached (or its attaching undone) changes which cells are carried
            self._bind_prior()
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))
        for key in keys:
            row, col = self._pos.get(key, (-1, -1))
            if row >= 0:
                index = self.index(row, col)
                self.dataChanged.emit(index, index)

    def _on_findings_changed(self, findings: list[Finding]) -> None:
        new = self._index_findings(findings)
        touched = {k for k in set(new) | set(self._findings_by_key) if new.get(k) != self._findings_by_key.get(k)}
        self._findings_by_key = new
        roles = [Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole, Roles.Findings, Roles.Level]
        for key in touched:
            index = self.index_of(key)
            self.dataChanged.emit(index, index, roles)

    def _on_report_replaced(self) -> None:
        self.beginResetModel()
        self._bind()
        self.endResetModel()

    def set_show_prior(self, show: bool) -> None:
        self.show_prior = show
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))
