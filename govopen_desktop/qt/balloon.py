"""A tooltip-style balloon drawn inside the window, beside a cell: it stays in screenshots and
does not vanish on the first mouse move the way QToolTip does."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtWidgets import QLabel, QWidget

from govopen_desktop.domain.findings import Level
from govopen_desktop.qt.palette import BALLOON_BORDER

BALLOON_MS = 8000
MAX_WIDTH = 420


def _style(border: str) -> str:
    return (
        f"QLabel#cellBalloon {{ background: #fff8dc; color: #4a3000; border: 1px solid {border};"
        " border-radius: 4px; padding: 5px 8px; }"
    )


class Balloon(QLabel):
    """One balloon per grid; showing it again moves it."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("cellBalloon")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setMaximumWidth(MAX_WIDTH)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setStyleSheet(_style(BALLOON_BORDER[Level.WARNING].name()))
        self.hide()
        self._timer = QTimer(self, singleShot=True, interval=BALLOON_MS)
        self._timer.timeout.connect(self.hide)

    def show_at(self, cell: QRect, text: str, level: str = "error") -> None:
        """Below the cell, or above it when the cell is near the bottom; kept inside the parent."""
        self.setStyleSheet(_style(BALLOON_BORDER[Level.ERROR if level == "error" else Level.WARNING].name()))
        self.setText(text)
        self.setFixedWidth(min(MAX_WIDTH, max(self.fontMetrics().horizontalAdvance(text) + 20, 160)))
        self.adjustSize()
        parent = self.parentWidget()
        area = parent.rect() if parent is not None else QRect()
        x = min(max(cell.left(), 0), max(area.width() - self.width() - 2, 0))
        y = cell.bottom() + 3
        if y + self.height() > area.height():
            y = max(cell.top() - self.height() - 3, 0)
        self.move(x, y)
        self.raise_()
        self.show()
        self._timer.start()

    def dismiss(self) -> None:
        self._timer.stop()
        self.hide()
