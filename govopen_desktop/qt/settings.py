"""Every remembered preference, typed, over one QSettings ini file (report data never goes here).

Tests and the crash test point everything at a folder with GOVOPEN_DATA_DIR, or pass a path.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths

from govopen_desktop.paths import user_data_dir

ORGANIZATION = "govopen"
APPLICATION = "govopen-desktop"
RECENT_MAX = 10

KEY_RECENT = "files/recent"
KEY_LAST_DIR = "files/last_dir"
KEY_GEOMETRY = "window/geometry"
KEY_STATE = "window/state"
KEY_SPLIT = "window/findingsSplit"
KEY_SHOW_PRIOR = "view/show_prior"


def data_dir() -> Path:
    """Per-user folder for settings, the recovery files and the error log: the one the command
    line logs to as well (paths.user_data_dir)."""
    path = user_data_dir()
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_file() -> Path:
    """The error log (unexpected errors with their traceback, Qt's warnings)."""
    return data_dir() / "govopen.log"


def recovery_dir() -> Path:
    """Autosaved recovery files and the documents' lock files."""
    return data_dir() / "recovery"


def documents_dir() -> Path:
    """The user's documents folder (文档), where a new report is saved unless the clerk chose
    another folder before; the home folder where the system names none."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    path = Path(location) if location else Path.home()
    return path if path.is_dir() else Path.home()


class _StoredBytes:
    """A setting Qt saves as bytes (the window's geometry, its toolbars' state): None where none
    was saved, or what was saved is not bytes."""

    def __init__(self, key: str) -> None:
        self.key = key

    def __get__(self, settings: Settings, owner: type[Settings]) -> QByteArray | None:
        value = settings._qs.value(self.key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def __set__(self, settings: Settings, value: QByteArray) -> None:
        settings._qs.setValue(self.key, value)


class Settings:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or data_dir() / "settings.ini"
        self._qs = QSettings(str(self.path), QSettings.Format.IniFormat)

    def sync(self) -> None:
        self._qs.sync()

    # ---- recent files -----------------------------------------------------------------------

    @property
    def recent_files(self) -> list[Path]:
        """Most recent first; files that no longer exist are dropped."""
        raw = self._qs.value(KEY_RECENT, [])
        items = [raw] if isinstance(raw, str) else list(raw) if isinstance(raw, list | tuple) else []
        return [Path(p) for p in items if p and Path(p).exists()][:RECENT_MAX]

    def add_recent_file(self, path: Path) -> None:
        path = Path(path).resolve()
        items = [p for p in self.recent_files if p.resolve() != path]
        self._qs.setValue(KEY_RECENT, [str(p) for p in [path, *items][:RECENT_MAX]])

    def clear_recent_files(self) -> None:
        self._qs.setValue(KEY_RECENT, [])

    # ---- places and window ------------------------------------------------------------------

    @property
    def last_dir(self) -> Path:
        value = self._qs.value(KEY_LAST_DIR, "")
        path = Path(str(value)) if value else documents_dir()
        return path if path.is_absolute() and path.is_dir() else documents_dir()

    @last_dir.setter
    def last_dir(self, path: Path) -> None:
        self._qs.setValue(KEY_LAST_DIR, str(path))

    window_geometry = _StoredBytes(KEY_GEOMETRY)
    window_state = _StoredBytes(KEY_STATE)
    findings_split = _StoredBytes(KEY_SPLIT)  # the pages over the findings list, as last dragged

    @property
    def show_prior(self) -> bool:
        return str(self._qs.value(KEY_SHOW_PRIOR, "false")).lower() == "true"

    @show_prior.setter
    def show_prior(self, value: bool) -> None:
        self._qs.setValue(KEY_SHOW_PRIOR, "true" if value else "false")
