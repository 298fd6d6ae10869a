"""A table of the form as a grid: spans from the format, spreadsheet keys, copy and paste."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QHeaderView, QTableView, QWidget

from govopen_desktop.domain.errors import ValueInputError
from govopen_desktop.domain.values import Value, parse_value, split_unit
from govopen_desktop.qt.balloon import Balloon
from govopen_desktop.qt.commands import SetCellsCommand
from govopen_desktop.qt.delegate import CellDelegate
from govopen_desktop.qt.frozen_rows import FrozenHeaderRows
from govopen_desktop.qt.table_model import ReportTableModel

MIN_VALUE_WIDTH = 64
ROW_PADDING = 10


class ReportTableView(QTableView):
    """Shows one ReportTableModel; the grid's own header rows replace Qt's headers."""

    statusMessage = Signal(str)
    rowsFitted = Signal()
    pasteProblems = Signal(list)  # list[str] of cells a paste refused

    def __init__(self, model: ReportTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"table_{model.table_id}")
        self.delegate = CellDelegate(self)
        self.delegate.moveRequested.connect(self.move_cursor)
        self.setItemDelegate(self.delegate)
        self.setModel(model)
        self.report_model = model
        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.setWordWrap(True)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.setTabKeyNavigation(False)  # Tab is ours: commit and move right
        model.modelReset.connect(self._layout_grid)
        self.frozen = FrozenHeaderRows(self, self.report_model)
        self.balloon = Balloon(self.viewport())
        model.inputRefused.connect(lambda index, message: self.show_balloon(index, message, "error"))
        model.inputWarning.connect(lambda index, message: self.show_balloon(index, message, "warning"))
        self._layout_grid()

    # ---- layout -----------------------------------------------------------------------------

    def _layout_grid(self) -> None:
        self.clearSpans()
        for cell in self.report_model.spans():
            self.setSpan(cell.row, cell.col, cell.rowspan, cell.colspan)
        self._fit_columns()
        self.frozen.relayout()

    def _fit_columns(self) -> None:
        """Share the visible width by the format's relative widths, so the form fits the window."""
        table = self.report_model.table
        available = max(self.viewport().width(), 600) - 2
        total = sum(table.widths) or 1
        widths = [max(int(available * w / total), MIN_VALUE_WIDTH) for w in table.widths]
        self._widen_label_columns(widths)
        for col, width in enumerate(widths):
            self.setColumnWidth(col, width)
        self._fit_rows()

    def _widen_label_columns(self, widths: list[int]) -> None:
        """A narrow label column (（三）不予公开 over eight rows) gets room for its short labels,
        taken from the widest label column, so group names do not break mid-word."""
        table = self.report_model.table
        if table.label_columns < 2:
            return
        metrics = self.fontMetrics()
        char = metrics.horizontalAdvance("中")
        widest = max(range(table.label_columns), key=lambda c: widths[c])
        for col in range(table.label_columns):
            if col == widest:
                continue
            texts = [c.text for c in table.cells if c.col == col and c.colspan == 1 and c.text and c.role == "label"]
            if not texts:
                continue
            need = min(max(metrics.horizontalAdvance(t) for t in texts), 8 * char) + 14
            extra = need - widths[col]
            if extra > 0 and widths[widest] - extra > 12 * char:
                widths[col] += extra
                widths[widest] -= extra

    def _fit_rows(self) -> None:
        """Row heights from the wrapped text of single-row cells (Qt ignores spans here)."""
        model = self.report_model
        metrics = self.fontMetrics()
        line = metrics.height()
        for row in range(model.rowCount()):
            height = line + ROW_PADDING + 2
            for cell in model.table.cells:
                if cell.row != row or cell.rowspan != 1 or not cell.text:
                    continue
                width = sum(self.columnWidth(c) for c in range(cell.col, cell.col + cell.colspan)) - 12
                rect = metrics.boundingRect(0, 0, max(width, 20), 10_000, int(Qt.TextFlag.TextWordWrap), cell.text)
                height = max(height, rect.height() + ROW_PADDING)
            self.setRowHeight(row, height)
        # a tall spanned cell (the 勾稽 note over three header rows) may need more room
        for cell in model.table.cells:
            if cell.rowspan > 1 and cell.text:
                width = sum(self.columnWidth(c) for c in range(cell.col, cell.col + cell.colspan)) - 12
                need = metrics.boundingRect(0, 0, max(width, 20), 10_000, int(Qt.TextFlag.TextWordWrap), cell.text)
                have = sum(self.rowHeight(r) for r in range(cell.row, cell.row + cell.rowspan))
                if need.height() + ROW_PADDING > have:
                    extra = (need.height() + ROW_PADDING - have) // cell.rowspan + 1
                    for r in range(cell.row, cell.row + cell.rowspan):
                        self.setRowHeight(r, self.rowHeight(r) + extra)
        self.rowsFitted.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self._fit_columns()
        self.frozen.place()

    def updateGeometries(self) -> None:
        super().updateGeometries()
        frozen: FrozenHeaderRows | None = getattr(self, "frozen", None)
        if frozen is not None:
            frozen.place()  # the viewport moves when a scroll bar appears

    def scrollTo(self, index: QModelIndex | QPersistentModelIndex,
                 hint: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.EnsureVisible) -> None:
        super().scrollTo(index, hint)
        # a cell of the body must not end up under the frozen header rows
        frozen: FrozenHeaderRows | None = getattr(self, "frozen", None)  # None while Qt sets the model
        if frozen is not None and index.isValid() and index.row() >= frozen.rows and frozen.isVisible():
            top = self.visualRect(index).top()
            covered = frozen.height_of_rows() - top
            if covered > 0:
                bar = self.verticalScrollBar()
                bar.setValue(bar.value() - covered)

    def full_height(self) -> int:
        return sum(self.rowHeight(r) for r in range(self.report_model.rowCount())) + 2 * self.frameWidth()

    # ---- moving like a spreadsheet ----------------------------------------------------------

    def move_cursor(self, direction: str) -> None:
        target = self._next_editable(self.currentIndex(), direction)
        if target.isValid():
            self.setCurrentIndex(target)
            self.scrollTo(target)

    def _next_editable(self, index: QModelIndex, direction: str) -> QModelIndex:
        model = self.report_model
        if not index.isValid():
            return QModelIndex()
        row, col = index.row(), index.column()
        editable = Qt.ItemFlag.ItemIsEditable

        def at(r: int, c: int) -> QModelIndex:
            cell = model.table.cell_at(r, c)
            if cell is None or cell.key is None:
                return QModelIndex()
            idx = model.index(cell.row, cell.col)
            return idx if model.flags(idx) & editable and idx != index else QModelIndex()

        cell = model.table.cell_at(row, col)
        rowspan, colspan = (cell.rowspan, cell.colspan) if cell else (1, 1)
        n_rows, n_cols = model.rowCount(), model.columnCount()
        if direction in ("down", "up"):
            rows = range(row + rowspan, n_rows) if direction == "down" else range(row - 1, -1, -1)
            for r in rows:
                if (found := at(r, col)).isValid():
                    return found
            return QModelIndex()
        step = 1 if direction == "right" else -1
        positions = [(r, c) for r in range(n_rows) for c in range(n_cols)]
        start = positions.index((row, col + (colspan - 1 if step > 0 else 0)))
        seq = positions[start + 1 :] if step > 0 else list(reversed(positions[:start]))
        for r, c in seq:
            if (found := at(r, c)).isValid():
                return found
        return QModelIndex()

    def edit(  # type: ignore[override]
        self,
        index: QModelIndex | QPersistentModelIndex,
        trigger: QAbstractItemView.EditTrigger | None = None,
        event: QEvent | None = None,
    ) -> bool:
        if trigger is None:  # opened from code: in-text editing
            self.delegate.typing_mode = False
            super().edit(index)
            return True
        # a key typed over a cell replaces it and arrows finish the edit (Excel's 输入 mode);
        # F2 or a double-click edits inside the text, where arrows move the caret (编辑 mode)
        self.delegate.typing_mode = trigger == QAbstractItemView.EditTrigger.AnyKeyPressed
        return super().edit(index, trigger, event)  # type: ignore[arg-type]  # Qt takes a null event

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if self._explain_computed(event):
            return
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
        elif event.matches(QKeySequence.StandardKey.Paste):
            self.paste()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.state() != QAbstractItemView.State.EditingState:
            self.move_cursor("up" if shift else "down")
        elif key == Qt.Key.Key_Tab:
            self.move_cursor("right")
        elif key == Qt.Key.Key_Backtab:
            self.move_cursor("left")
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.state() != QAbstractItemView.State.EditingState:
            self.clear_selection()
        else:
            super().keyPressEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:
        # keep Tab inside the grid while it has editable cells left
        if self.hasFocus():
            target = self._next_editable(self.currentIndex(), "right" if next else "left")
            if target.isValid():
                self.setCurrentIndex(target)
                return True
        return super().focusNextPrevChild(next)

    # ---- feedback ---------------------------------------------------------------------------

    def show_balloon(self, index: QModelIndex, message: str, level: str = "error") -> None:
        """The reason at the cell (a balloon below it) and in the status bar."""
        self.balloon.show_at(self.visualRect(index), message, level)
        self.statusMessage.emit(message)

    def _explain_computed(self, event: QKeyEvent) -> bool:
        """Typing over a grey total: say why it cannot be typed instead of doing nothing."""
        index = self.currentIndex()
        text = event.text()
        if (
            not index.isValid()
            or self.state() == QAbstractItemView.State.EditingState
            or not text
            or not text.isprintable()
            or event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        ):
            return False
        key = self.report_model.key_at(index)
        if key is None or self.report_model.flags(index) & Qt.ItemFlag.ItemIsEditable:
            return False
        field = self.report_model.fields[key]
        formula = self.report_model.formula(key)
        self.show_balloon(
            index,
            f"“{field.label}”是自动计算的合计，不能直接填写（{formula}）。请修改参与计算的各项。",
            "warning",
        )
        return True

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        if hint == QAbstractItemDelegate.EndEditHint.RevertModelCache:
            self.balloon.dismiss()  # Esc: the old value is back, the complaint is moot
        super().closeEditor(editor, hint)

    # ---- clear, copy, paste -----------------------------------------------------------------

    def _selected_editable_keys(self) -> list[str]:
        model = self.report_model
        keys: list[str] = []
        for index in self.selectedIndexes() or [self.currentIndex()]:
            key = model.key_at(index)
            if key and model.flags(index) & Qt.ItemFlag.ItemIsEditable and key not in keys:
                keys.append(key)
        return keys

    def clear_selection(self) -> None:
        model = self.report_model
        report = model.document.report
        keys = [k for k in self._selected_editable_keys() if report.cells.get(k) is not None]
        if keys:
            model.document.undo_stack.push(SetCellsCommand(report, dict.fromkeys(keys), f"清除 {len(keys)} 个单元格"))

    def copy_selection(self) -> None:
        indexes = self.selectedIndexes() or [self.currentIndex()]
        indexes = [i for i in indexes if i.isValid()]
        if not indexes:
            return
        rows = range(min(i.row() for i in indexes), max(i.row() for i in indexes) + 1)
        cols = range(min(i.column() for i in indexes), max(i.column() for i in indexes) + 1)
        model = self.report_model
        lines = []
        for r in rows:
            cells = [str(model.index(r, c).data(Qt.ItemDataRole.DisplayRole) or "") for c in cols]
            lines.append("\t".join(cells))
        QGuiApplication.clipboard().setText("\r\n".join(lines) + "\r\n")
        self.statusMessage.emit(f"已复制 {len(rows)} 行 × {len(cols)} 列。")

    def paste(self) -> None:
        text = QGuiApplication.clipboard().text()
        if text:
            self.paste_text(text)

    def paste_text(self, text: str) -> None:
        """Paste a tab-separated block (Excel, WPS) at the selection's top-left cell, as one
        undo step. A single value fills every selected cell. Bad values are listed, not pasted."""
        model = self.report_model
        block = [line.split("\t") for line in text.replace("\r\n", "\n").replace("\r", "\n").rstrip("\n").split("\n")]
        selected = [i for i in self.selectedIndexes() if i.isValid()] or [self.currentIndex()]
        if not selected or not selected[0].isValid():
            return
        targets: list[tuple[str, str]] = []
        if len(block) == 1 and len(block[0]) == 1 and len(selected) > 1:
            targets = [(k, block[0][0]) for k in self._selected_editable_keys()]
        else:
            top, left = min(i.row() for i in selected), min(i.column() for i in selected)
            for i, values in enumerate(block):
                row_cells = self._row_cells_from(top + i, left)
                for raw, key in zip(values, row_cells, strict=False):
                    if key is not None:
                        targets.append((key, raw))
        values_out: dict[str, Value] = {}
        problems: list[str] = []
        skipped = 0
        for key, raw in targets:
            field = model.fields[key]
            if not field.is_input:
                skipped += 1  # totals are computed, whatever the source said
                continue
            try:
                values_out[key] = parse_value(raw, field.kind, field.label)
            except ValueInputError as exc:
                problems.append(str(exc))
                continue
            if field.unit_key and (unit := split_unit(raw)[1]) is not None:
                values_out[field.unit_key] = unit
        pasted = [k for k in values_out if model.index_of(k).isValid()]  # not the unit
        if values_out:
            report = model.document.report
            model.document.undo_stack.push(SetCellsCommand(report, values_out, f"粘贴 {len(pasted)} 个单元格"))
            self._select_keys(pasted)
        message = f"已粘贴 {len(pasted)} 个单元格。"
        if skipped:
            message += f"跳过 {skipped} 个自动计算的合计单元格。"
        if problems:
            message += f"{len(problems)} 个值无法识别，未粘贴。"
            self.pasteProblems.emit(problems)
        self.statusMessage.emit(message)

    def _row_cells_from(self, row: int, left: int) -> list[str | None]:
        """The distinct cells of a grid row from column `left` on: a merged cell takes one value."""
        model = self.report_model
        if row >= model.rowCount():
            return []
        out: list[str | None] = []
        seen: set[tuple[int, int]] = set()
        for col in range(left, model.columnCount()):
            cell = model.table.cell_at(row, col)
            if cell is None or (cell.row, cell.col) in seen:
                continue
            seen.add((cell.row, cell.col))
            if cell.row != row:  # a label spanning down from above: not part of this row
                continue
            out.append(cell.key)
        return out

    def _select_keys(self, keys: list[str]) -> None:
        selection = self.selectionModel()
        selection.clearSelection()
        flag = QItemSelectionModel.SelectionFlag.Select
        for key in keys:
            selection.select(self.report_model.index_of(key), flag)

    def go_to_key(self, key: str) -> bool:
        index = self.report_model.index_of(key)
        if not index.isValid():
            return False
        self.setCurrentIndex(index)
        self.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        return True
