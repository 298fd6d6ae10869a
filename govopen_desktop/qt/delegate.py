"""The cell editor: a plain line edit (text, so amounts keep every decimal) with spreadsheet keys,
and painting of last year's value and the carried-over mark."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QAbstractItemDelegate, QLineEdit, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from govopen_desktop.qt.palette import LEVEL_BORDER
from govopen_desktop.qt.roles import Roles

Index = QModelIndex | QPersistentModelIndex
PRIOR_FG = QColor("#8a939b")
CARRIED_MARK = QColor("#2e7d9a")


# keys that finish the edit and move, as in a spreadsheet; Shift reverses Enter
COMMIT_KEYS = {
    Qt.Key.Key_Return: "down",
    Qt.Key.Key_Enter: "down",
    Qt.Key.Key_Tab: "right",
    Qt.Key.Key_Backtab: "left",
    Qt.Key.Key_Up: "up",
    Qt.Key.Key_Down: "down",
}
# only while typing over a cell (the editor opened by a key): in-text editing (F2, double-click)
# keeps Left/Right for the caret
TYPING_KEYS = {Qt.Key.Key_Left: "left", Qt.Key.Key_Right: "right"}


class CellDelegate(QStyledItemDelegate):
    """Spreadsheet keys: Enter/Tab/arrows commit and move (the view moves the cursor). A value
    the model refuses keeps the editor open on the cell, so nothing typed is lost or misplaced."""

    moveRequested = Signal(str)  # "down", "up", "right", "left"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.show_prior = False
        self.typing_mode = False  # set by the view from the edit trigger before each editor opens
        self._index: QPersistentModelIndex | None = None

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = QLineEdit(parent)
        editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        editor.setFrame(False)
        editor.setObjectName("cellEditor")
        editor.setProperty("typing", self.typing_mode)
        self._index = QPersistentModelIndex(index)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QLineEdit)
        editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or ""))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QLineEdit)
        model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(editor, QLineEdit):
            assert isinstance(event, QKeyEvent)
            key = Qt.Key(event.key())
            direction = COMMIT_KEYS.get(key)
            if direction is None and editor.property("typing"):
                direction = TYPING_KEYS.get(key)
            shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and shift:
                direction = "up"
            if direction:
                if self.commit(editor):
                    self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
                    self.moveRequested.emit(direction)
                return True
        return super().eventFilter(editor, event)

    def commit(self, editor: QLineEdit) -> bool:
        """Write the editor's text now, synchronously (the next cell sees the new totals at
        once). False when the model refused it: the editor stays open with the text selected,
        and the model has told the view why."""
        index = self._index
        if index is None or not index.isValid():
            return True
        model = index.model()
        if model.data(index, Qt.ItemDataRole.EditRole) == editor.text():
            return True
        if model.setData(index, editor.text(), Qt.ItemDataRole.EditRole):
            return True
        editor.selectAll()
        editor.setProperty("typing", False)  # the clerk corrects the text: arrows move the caret
        return False

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        super().paint(painter, option, index)
        if index.data(Roles.CellKey) is None:
            return
        rect = option.rect
        level = index.data(Roles.Level)
        # a frame marks a questionable value; an empty cell keeps just the fill, so a new
        # report is not a wall of frames
        if level in LEVEL_BORDER and (level == "error" or index.data(Qt.ItemDataRole.DisplayRole)):
            # a border as well as the fill, so a selected cell still shows its problem
            painter.save()
            pen = QPen(LEVEL_BORDER[level])
            pen.setWidth(2)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(1, 1, -2, -2))
            painter.restore()
        if index.data(Roles.Carried):
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(CARRIED_MARK)
            x, y = rect.left(), rect.top()
            painter.drawPolygon(QPolygonF([QPointF(x, y), QPointF(x + 8, y), QPointF(x, y + 8)]))
            painter.restore()
        if self.show_prior:
            prior = index.data(Roles.PriorValue)
            if prior:
                painter.save()
                font = painter.font()
                font.setPointSizeF(max(font.pointSizeF() * 0.8, 7.0))
                painter.setFont(font)
                painter.setPen(PRIOR_FG)
                painter.drawText(
                    rect.adjusted(6, 0, -4, 0),
                    int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                    f"上年 {prior}",
                )
                painter.restore()
