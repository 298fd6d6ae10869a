"""Fixtures of the window's tests: the app's data folder in tmp_path, the fake prompter, a
window on the sample report, where screenshots go."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.support.gui import FakePrompter, make_window


@pytest.fixture
def gui_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Settings, recovery file and log of the app under test live in tmp_path."""
    monkeypatch.setenv("GOVOPEN_DATA_DIR", str(tmp_path / "data"))
    return tmp_path


@pytest.fixture
def prompter() -> FakePrompter:
    return FakePrompter()


@pytest.fixture
def window(qtbot: Any, gui_env: Path, prompter: FakePrompter) -> Iterator[Any]:
    win = make_window(qtbot, gui_env, prompter)
    yield win
    win.document.undo_stack.setClean()  # closing must not ask


@pytest.fixture
def out_dir(tmp_path: Path, qapp: Any) -> Path:
    """Where screenshots go: docs/ with GOVOPEN_UPDATE_DOCS=1 (and a Chinese font), else a scratch folder."""
    from tests.support.screenshots import screenshot_dir

    return screenshot_dir(tmp_path)
