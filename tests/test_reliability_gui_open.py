# ruff: noqa: F811  (pytest fixtures imported from tests/gui_helpers.py are used as arguments)
"""Issue 11, the window: opening a crafted file or a FIFO goes through the same bounded
loader as the commands — an error dialog in Chinese naming the file, at once, and the report
on screen stays as it was."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from tests.gui_helpers import FakePrompter, gui_env, prompter, window  # noqa: F401
from tests.reliability_tools import TIME_LIMIT, assert_plain_chinese
from tests.test_reliability_loader import CRAFTED, _unblock


@pytest.mark.parametrize("name", ["huge-exponent.govopen", "deep-prior.govopen", "deep-list.govopen",
                                  "20000-digits.govopen", "unclosed-list.govopen"])
def test_window_refuses_crafted_project_at_once(qtbot: Any, window: Any, prompter: FakePrompter, gui_env: Path,
                                                name: str) -> None:
    path = gui_env / name
    path.write_text(CRAFTED[name](), encoding="utf-8")  # type: ignore[operator]
    before = dict(window.document.report.cells)
    started = time.perf_counter()
    opened = window.files.open_file(path)
    assert time.perf_counter() - started < TIME_LIMIT
    if not opened:  # refused: a message; or read, with the absurd value kept for the checker
        assert len(prompter.errors) == 1
        assert_plain_chinese(prompter.errors[0], name)
        assert window.document.report.cells == before


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_window_refuses_a_fifo_at_once(qtbot: Any, window: Any, prompter: FakePrompter, gui_env: Path) -> None:
    fifo = gui_env / "管道.govopen"
    os.mkfifo(fifo)
    unblock = threading.Timer(8, _unblock, (fifo,))  # should a regression ever open it
    unblock.start()
    started = time.perf_counter()
    try:
        assert not window.files.open_file(fifo)
    finally:
        unblock.cancel()
    assert time.perf_counter() - started < TIME_LIMIT
    assert len(prompter.errors) == 1 and "管道" in prompter.errors[0] and "管道.govopen" in prompter.errors[0]
