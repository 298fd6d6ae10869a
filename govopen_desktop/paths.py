"""Where the shipped data (format descriptions, Word template, sample report) lives."""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path


def app_root() -> Path:
    """The folder holding `templates/`, `resources/` and `ui/`: the repo, or a frozen build's bundle."""
    override = os.environ.get("GOVOPEN_ROOT")
    if override:
        return Path(override)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    return _source_root()


@cache
def _source_root() -> Path:
    # resolved once: each resolve() asks the file system about every folder on the way
    return Path(__file__).resolve().parent.parent


def templates_dir() -> Path:
    return app_root() / "templates"


def resources_dir() -> Path:
    return app_root() / "resources"


def ui_dir() -> Path:
    """The Qt Designer forms (ui/*.ui)."""
    return app_root() / "ui"


def icon_file(name: str) -> Path:
    """The window's icon `name` (qt/icons.py), drawn at 2×: "@2x" tells Qt so."""
    return resources_dir() / "icons" / f"{name}@2x.png"


def sample_report_path() -> Path:
    return resources_dir() / "sample" / "sample-2024.govopen"


def user_data_dir() -> Path:
    """The per-user folder for the error log (and, in the window, settings and recovery): the
    folder Qt's AppLocalDataLocation names for organisation "govopen", application
    "govopen-desktop", found without Qt so the command line needs none. GOVOPEN_DATA_DIR
    overrides it (tests). Never a shared folder such as /tmp."""
    override = os.environ.get("GOVOPEN_DATA_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "govopen" / "govopen-desktop"
