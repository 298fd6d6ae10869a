"""The batch check imports its readers before the workers fork; a name left stale by a move
would be skipped silently (a missing optional library is allowed to be), so each must import."""

from __future__ import annotations

import importlib
from typing import Any

import pytest

from govopen_desktop.cli import cmd_check


def test_every_module_the_batch_check_preloads_exists(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []
    real = importlib.import_module

    def record(name: str, package: Any = None) -> Any:
        asked.append(name)
        return real(name, package)

    monkeypatch.setattr(importlib, "import_module", record)
    cmd_check._preload()
    ours = [name for name in asked if name.startswith("govopen_desktop.")]
    assert len(ours) >= 5
    for name in asked:
        real(name)  # raises ImportError for a stale name
