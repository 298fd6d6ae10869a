"""`govopen gui --screenshot` renders the window on a file; the CLI imports Qt only for `gui`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.gui_helpers import REPO, SAMPLE


def _run(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "GOVOPEN_DATA_DIR": str(tmp_path / "data"),
           "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "govopen_desktop.cli.main", *args], capture_output=True,
                          text=True, env=env, timeout=120)


def test_cli_does_not_import_qt_until_gui_runs() -> None:
    code = "import sys, govopen_desktop.cli.main; print('PySide6' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=60)
    assert out.stdout.strip() == "False"


@pytest.mark.skipif(not SAMPLE.exists(), reason="the sample report is not in this tree yet")
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
    assert not (tmp_path / "data" / "recovery.govopen-recovery").exists()
    assert "Traceback" not in result.stderr


def test_gui_screenshot_of_a_missing_file_fails_in_chinese(tmp_path: Path) -> None:
    result = _run(["gui", str(tmp_path / "没有.govopen"), "--screenshot", str(tmp_path / "x.png")], tmp_path)
    assert result.returncode != 0
    assert not (tmp_path / "x.png").exists()
