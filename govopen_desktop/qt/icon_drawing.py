"""The window's small line icons, drawn with QPainter: the source of resources/icons/*.png.

`make icons` (`python -m govopen_desktop.qt.icon_drawing`) draws them into those files, which
the window loads (qt/icons.py): drawing needs the `Qt` namespace's pen styles, whose enums
cost start-up time (qt/qt_keys.py). tests/qt/test_icons.py fails when a file is not what this
draws."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QImage, QPainter, QPainterPath, QPen, QPixmap

from govopen_desktop.paths import icon_file
from govopen_desktop.qt.palette import LEVEL_MARK

INK = QColor("#3c4a57")
ACCENT = QColor("#2f6db5")
SIZE = 36  # drawn at 2× and scaled down, so lines stay crisp on high-DPI screens
LEVEL_COLOURS: dict[str, QColor] = {level.value: c for level, c in LEVEL_MARK.items()}  # qt/palette.py
NAMES = ("new", "open", "save", "undo", "redo", "import", "export", "help", *LEVEL_COLOURS)


def _canvas() -> tuple[QPixmap, QPainter]:
    pixmap = QPixmap(SIZE, SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(INK)
    pen.setWidthF(2.6)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    return pixmap, painter


def _page(p: QPainter) -> None:
    path = QPainterPath(QPointF(9, 5))
    for x, y in ((21, 5), (28, 12), (28, 31), (9, 31)):
        path.lineTo(x, y)
    path.closeSubpath()
    p.drawPath(path)
    p.drawPolyline([QPointF(21, 5), QPointF(21, 12), QPointF(28, 12)])


def _arrow(p: QPainter, x1: float, y1: float, x2: float, y2: float) -> None:
    p.drawLine(QPointF(x1, y1), QPointF(x2, y2))
    if x1 == x2:  # vertical
        d = 6 if y2 > y1 else -6
        p.drawPolyline([QPointF(x2 - 6, y2 - d), QPointF(x2, y2), QPointF(x2 + 6, y2 - d)])
    else:
        d = 6 if x2 > x1 else -6
        p.drawPolyline([QPointF(x2 - d, y2 - 6), QPointF(x2, y2), QPointF(x2 - d, y2 + 6)])


def _draw(name: str, p: QPainter) -> None:
    if name == "new":
        _page(p)
        p.setPen(QPen(ACCENT, 2.6))
        p.drawLine(QPointF(18.5, 16), QPointF(18.5, 26))
        p.drawLine(QPointF(13.5, 21), QPointF(23.5, 21))
    elif name == "open":
        path = QPainterPath(QPointF(5, 29))
        for x, y in ((5, 8), (14, 8), (17, 11), (29, 11), (29, 15)):
            path.lineTo(x, y)
        p.drawPath(path)
        p.drawPolygon([QPointF(5, 29), QPointF(10, 16), QPointF(32, 16), QPointF(27, 29)])
    elif name == "save":
        p.drawRoundedRect(QRectF(6, 6, 24, 24), 3, 3)
        p.drawRect(QRectF(12, 6, 12, 8))
        p.drawRect(QRectF(11, 20, 14, 10))
    elif name in ("undo", "redo"):
        path = QPainterPath(QPointF(10, 14))
        path.lineTo(22, 14)
        path.cubicTo(QPointF(33, 14), QPointF(33, 29), QPointF(22, 29))
        path.lineTo(14, 29)
        if name == "redo":
            p.translate(SIZE, 0)
            p.scale(-1, 1)
        p.drawPath(path)
        p.drawPolyline([QPointF(15, 9), QPointF(10, 14), QPointF(15, 19)])
    elif name == "import":
        p.drawPolyline([QPointF(6, 20), QPointF(6, 30), QPointF(30, 30), QPointF(30, 20)])
        p.setPen(QPen(ACCENT, 2.6))
        _arrow(p, 18, 5, 18, 23)
    elif name == "export":
        _page(p)
        p.setPen(QPen(ACCENT, 2.6))
        _arrow(p, 13, 22, 33, 22)
    elif name == "help":
        p.drawEllipse(QRectF(5, 5, 26, 26))
        path = QPainterPath(QPointF(13.5, 14))
        path.cubicTo(QPointF(13.5, 8), QPointF(23, 8), QPointF(23, 14))
        path.cubicTo(QPointF(23, 18), QPointF(18, 18), QPointF(18, 22))
        p.drawPath(path)
        p.drawPoint(QPointF(18, 26.5))
    elif name in LEVEL_COLOURS:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(LEVEL_COLOURS[name])
        p.drawEllipse(QRectF(9, 9, 18, 18))


def drawn(name: str) -> QImage:
    """The icon `name` at 2× (SIZE pixels square), as its file holds it."""
    pixmap, painter = _canvas()
    _draw(name, painter)
    painter.end()
    return pixmap.toImage().convertToFormat(QImage.Format.Format_ARGB32)


def drawn_icon(name: str) -> QIcon:
    """The icon drawn now: what the window shows if its file is missing."""
    pixmap = QPixmap.fromImage(drawn(name))
    pixmap.setDevicePixelRatio(2.0)
    return QIcon(pixmap)


def write_all(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name in NAMES:
        path = folder / icon_file(name).name
        if not drawn(name).save(str(path)):  # PNG, by the suffix
            raise OSError(f"cannot write {path}")
        written.append(path)
    return written


if __name__ == "__main__":
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    for written in write_all(icon_file("new").parent):
        print(written)
