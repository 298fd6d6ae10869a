"""The header rows of a grid kept in view while its body scrolls (Excel's 冻结窗格): a second
view of the same model laid over the top of the grid, showing only the format's header rows."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QFrame, QTableView

from govopen_desktop.qt.table_model import ReportTableModel


class FrozenHeaderRows(QTableView):
    """Follows the grid's column widths, header row heights and horizontal scrolling."""

    def __init__(self, grid: QTableView, report_model: ReportTableModel) -> None:
        super().__init__(grid)
        self.grid = grid
        self.report_model = report_model
        self.setObjectName(f"frozen_{report_model.table_id}")
        self.setModel(grid.model())
        self.setItemDelegate(grid.itemDelegate())
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionModel(grid.selectionModel())  # a selected header cell shows as selected
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setWordWrap(True)
        self.setStyleSheet("QTableView { border: none; border-bottom: 1px solid #b0bec5; }")
        grid.horizontalScrollBar().valueChanged.connect(self.horizontalScrollBar().setValue)
        grid.horizontalHeader().sectionResized.connect(self._column_resized)
        grid.verticalHeader().sectionResized.connect(self._row_resized)
        grid.viewport().stackUnder(self)

    @property
    def rows(self) -> int:
        return self.report_model.table.header_rows

    def relayout(self) -> None:
        """Spans, widths, heights and the rows shown, after the grid laid itself out."""
        model = self.report_model
        self.clearSpans()
        for cell in model.spans():
            if cell.row < self.rows:
                self.setSpan(cell.row, cell.col, min(cell.rowspan, self.rows - cell.row), cell.colspan)
        for col in range(model.columnCount()):
            self.setColumnWidth(col, self.grid.columnWidth(col))
        for row in range(model.rowCount()):
            self.setRowHidden(row, row >= self.rows)
            if row < self.rows:
                self.setRowHeight(row, self.grid.rowHeight(row))
        self.place()

    def height_of_rows(self) -> int:
        return sum(self.grid.rowHeight(r) for r in range(min(self.rows, self.report_model.rowCount())))

    def place(self) -> None:
        viewport = self.grid.viewport().geometry()
        self.setGeometry(viewport.left(), viewport.top(), viewport.width(), self.height_of_rows())
        self.horizontalScrollBar().setValue(self.grid.horizontalScrollBar().value())
        self.setVisible(self.rows > 0)

    def wheelEvent(self, event: QWheelEvent) -> None:
        # the wheel over the header scrolls the grid, as it does in a spreadsheet
        QApplication.sendEvent(self.grid.viewport(), event)

    def _column_resized(self, col: int, _old: int, new: int) -> None:
        self.setColumnWidth(col, new)

    def _row_resized(self, row: int, _old: int, new: int) -> None:
        if row < self.rows:
            self.setRowHeight(row, new)
            self.place()
