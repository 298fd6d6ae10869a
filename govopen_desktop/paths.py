"""Where the shipped data (format descriptions, Word template, sample report) lives."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def app_root() -> Path:
    """The folder holding `templates/`, `resources/` and `ui/`: the repo, or a frozen build's bundle."""
    override = os.environ.get("GOVOPEN_ROOT")
    if override:
        return Path(override)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    return Path(__file__).resolve().parent.parent


def templates_dir() -> Path:
    return app_root() / "templates"


def resources_dir() -> Path:
    return app_root() / "resources"


def ui_dir() -> Path:
    """The Qt Designer forms (ui/*.ui)."""
    return app_root() / "ui"


def sample_report_path() -> Path:
    return resources_dir() / "sample" / "sample-2024.govopen"
