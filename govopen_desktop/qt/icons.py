"""The window's small line icons: PNG files drawn by qt/icon_drawing.py (`make icons`).

A file is read when Qt first paints its icon; a missing file is drawn instead. No QPainter
before the first paint, and no `Qt` namespace (qt/qt_keys.py)."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from govopen_desktop.paths import icon_file


@cache
def icon(name: str) -> QIcon:
    path = icon_file(name)
    if path.is_file():
        return QIcon(str(path))
    from govopen_desktop.qt.icon_drawing import drawn_icon  # a broken installation: still an icon

    return drawn_icon(name)
