"""Screenshots of the window as the user sees it (offscreen grab, at the default size)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication

from govopen_desktop.qt.main_window import DEFAULT_SIZE
from tests.support.paths import REPO


def screenshot_dir(scratch: Path) -> Path:
    """docs/ with GOVOPEN_UPDATE_DOCS=1, else `scratch`. docs/ only where a Chinese font is
    installed: without one every Chinese character would be drawn as a box."""
    import os

    import pytest
    from PySide6.QtGui import QFontDatabase

    if os.environ.get("GOVOPEN_UPDATE_DOCS") != "1":
        return scratch
    if not QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        pytest.fail("GOVOPEN_UPDATE_DOCS=1 on a machine without a Chinese font: the screenshots' Chinese "
                    "would be boxes, docs/ is left as it is. Install one first (apt-get install fonts-wqy-microhei).")
    return REPO / "docs"


def shoot(window: Any, out: Path) -> Path:
    window.resize(DEFAULT_SIZE)
    window.statusBar().clearMessage()
    for _ in range(3):
        QApplication.processEvents()
    assert window.grab().save(str(out))
    assert out.stat().st_size < 400_000
    return out
