"""The icon files are what qt/icon_drawing.py draws (`make icons` when not), the window's icons
come from them at 2×, and a missing file is drawn instead."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage

from govopen_desktop.paths import icon_file
from govopen_desktop.qt import icons
from govopen_desktop.qt.icon_drawing import NAMES, drawn, write_all


@pytest.mark.parametrize("name", NAMES)
def test_the_file_is_what_the_drawing_draws(qapp: Any, name: str) -> None:
    path = icon_file(name)
    assert path.is_file(), f"{path} is missing: run `make icons`"
    stored = QImage(str(path)).convertToFormat(QImage.Format.Format_ARGB32)
    assert stored == drawn(name), f"{path} is not what qt/icon_drawing.py draws: run `make icons`"


@pytest.mark.parametrize("name", ["save", "error"])
def test_the_icon_shows_the_drawing_at_both_ratios(qapp: Any, name: str) -> None:
    loaded = icons.icon(name)
    small = loaded.pixmap(QSize(18, 18), 1.0)
    sharp = loaded.pixmap(QSize(18, 18), 2.0)
    assert (small.width(), sharp.width(), sharp.devicePixelRatio()) == (18, 36, 2.0)
    assert sharp.toImage().convertToFormat(QImage.Format.Format_ARGB32) == drawn(name)


def test_a_missing_file_is_drawn(qapp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(icons, "icon_file", lambda name: tmp_path / f"{name}@2x.png")
    icons.icon.cache_clear()
    try:
        sharp = icons.icon("open").pixmap(QSize(18, 18), 2.0)
        assert sharp.toImage().convertToFormat(QImage.Format.Format_ARGB32) == drawn("open")
    finally:
        icons.icon.cache_clear()


def test_make_icons_writes_every_name(qapp: Any, tmp_path: Path) -> None:
    written = write_all(tmp_path / "icons")
    assert [p.name for p in written] == [f"{n}@2x.png" for n in NAMES]
    assert all(QImage(str(p)).size() == QSize(36, 36) for p in written)
