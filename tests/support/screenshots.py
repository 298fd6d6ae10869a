"""Screenshots of the window as the user sees it (offscreen grab, at the default size)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication

from govopen_desktop.qt.main_window import DEFAULT_SIZE


def shoot(window: Any, out: Path) -> Path:
    window.resize(DEFAULT_SIZE)
    window.statusBar().clearMessage()
    for _ in range(3):
        QApplication.processEvents()
    assert window.grab().save(str(out))
    assert out.stat().st_size < 400_000
    return out
