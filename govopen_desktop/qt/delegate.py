"""The cell editor: a plain line edit (text, so amounts keep every decimal) with spreadsheet keys,
and painting of last year's value and the carried-over mark."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QAbstractItemDelegate, QLineEdit, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from govopen_desktop.qt.roles import Roles

Index = QModelIndex | QPersistentModelIndex
PRIOR_FG = QColor("#8a939b")
CARRIED_MARK = QColor("#2e7d9a")
LEVEL_BORDER = {"error": QColor("#d9534f"), "warning": QColor("#e0a100")}


class CellDelegate(QStyledItemDelegate):
    """Enter commits and moves down, Tab commits and moves right (the view moves the cursor)."""

    moveRequested = Signal(str)  # "down", "up", "right", "left"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.show_prior = False

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = QLineEdit(parent)
        editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        editor.setFrame(False)
        editor.setObjectName("cellEditor")
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QLineEdit)
        editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or ""))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        assert isinstance(editor, QLineEdit)
        model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(editor, QLineEdit):
            assert isinstance(event, QKeyEvent)
            direction = {
                Qt.Key.Key_Return: "down",
                Qt.Key.Key_Enter: "down",
                Qt.Key.Key_Tab: "right",
                Qt.Key.Key_Backtab: "left",
            }.get(Qt.Key(event.key()))
            if direction == "down" and event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                direction = "up"
            if direction:
                # commit now, synchronously, so the next cell sees the new totals at once
                self.commitData.emit(editor)
                self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
                self.moveRequested.emit(direction)
                return True
        return super().eventFilter(editor, event)

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
