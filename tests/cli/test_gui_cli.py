"""`govopen gui --screenshot` renders the window on a file; the CLI imports Qt only for `gui`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.paths import REPO, SAMPLE


def _run(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "GOVOPEN_DATA_DIR": str(tmp_path / "data"),
           "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "govopen_desktop.cli.main", *args], capture_output=True,
                          text=True, env=env, timeout=120)


def test_cli_does_not_import_qt_until_gui_runs() -> None:
    code = "import sys, govopen_desktop.cli.main; print('PySide6' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=60)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize("section", [None, "t4"])
def test_gui_screenshot_renders_the_window_and_exits(tmp_path: Path, section: str | None) -> None:
    out = tmp_path / "shot.png"
    args = ["gui", str(SAMPLE), "--screenshot", str(out)] + (["--section", section] if section else [])
    result = _run(args, tmp_path)
    assert result.returncode == 0, result.stderr
    assert out.exists() and out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    from PySide6.QtGui import QImage

    image = QImage(str(out))
    assert (image.width(), image.height()) == (1340, 720)
    assert not list((tmp_path / "data").glob("recovery/*.govopen-recovery"))
    assert "Traceback" not in result.stderr


def test_gui_screenshot_of_a_missing_file_fails_in_chinese(tmp_path: Path) -> None:
    result = _run(["gui", str(tmp_path / "没有.govopen"), "--screenshot", str(tmp_path / "x.png")], tmp_path)
    assert result.returncode != 0
    assert not (tmp_path / "x.png").exists()


def test_start_up_does_not_load_the_office_libraries(tmp_path: Path) -> None:
    """openpyxl and python-docx load on first import or export, not when the window opens."""
    code = (
        "import sys\nfrom pathlib import Path\nfrom govopen_desktop.qt.app import make_app\napp = make_app()\n"
        "from govopen_desktop.qt.main_window import MainWindow\nw = MainWindow()\n"
        f"assert w.files.load(Path({str(SAMPLE)!r}))\nw.show()\napp.processEvents()\n"
        "print(sorted(m for m in ('openpyxl', 'docx', 'xlrd') if m in sys.modules))\n"
        "w.document.undo_stack.setClean()\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "GOVOPEN_DATA_DIR": str(tmp_path), "PYTHONPATH": str(REPO)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Windows and macOS always have a screen")
def test_gui_without_a_display_says_so_in_chinese(tmp_path: Path) -> None:
    """On a server or an SSH session Qt would abort the process; the command explains instead."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["GOVOPEN_DATA_DIR"] = str(tmp_path)
    done = subprocess.run([sys.executable, "-m", "govopen_desktop.cli.main"], env=env, capture_output=True,
                          text=True, encoding="utf-8", timeout=60)
    assert done.returncode == 2
    assert "没有可用的图形界面" in done.stderr and "Traceback" not in done.stderr
