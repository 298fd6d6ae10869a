"""Autosave: a recovery snapshot of the whole report, written atomically within a few seconds
of the first unsaved change; offered back on the next start if the program did not close
normally."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QObject, QTimer, Signal

from govopen_desktop.domain.errors import GovopenError
from govopen_desktop.domain.report import Report
from govopen_desktop.io.atomic import write_text_atomic
from govopen_desktop.io.oserrors import describe_os_error
from govopen_desktop.io.project import loads_bounded, report_to_json
from govopen_desktop.qt.document import Document
from govopen_desktop.qt.lock import LOCK_SUFFIX, RECOVERY_SUFFIX, DocumentLock, LockHolder, key_for_path, untitled_key

RECOVERY_SCHEMA = "govopen-recovery/1"
DEFAULT_DELAY_MS = 5000  # the most work a crash can lose: edits younger than this
log = logging.getLogger(__name__)


class Recovered(NamedTuple):  # defined at every start: a NamedTuple, not a dataclass (~4× quicker)
    report: Report
    path: Path | None  # the file the report was opened from, if any


def write_recovery(recovery_file: Path, report: Report, path: Path | None) -> None:
    # the project JSON embedded as is, so amounts keep their decimals
    body = report_to_json(report).rstrip()
    text = f'{{"schema": "{RECOVERY_SCHEMA}", "path": {json.dumps(str(path) if path else None)}, "report": {body}}}\n'
    recovery_file.parent.mkdir(parents=True, exist_ok=True)
    write_text_atomic(recovery_file, text, keep_backup=False)


def read_recovery(recovery_file: Path) -> Recovered | None:
    """The snapshot, or None when there is none or it cannot be used."""
    try:
        data = loads_bounded(recovery_file.read_text(encoding="utf-8"))  # the project file's bounds
        if data.get("schema") != RECOVERY_SCHEMA:
            return None
        report = Report.from_dict(data["report"], "恢复文件")
        path = Path(data["path"]) if data.get("path") else None
        return Recovered(report, path)
    except (OSError, ValueError, KeyError, TypeError, GovopenError) as exc:
        log.warning("recovery file unusable: %s", exc)
        return None


def recovery_is_newer(recovery_file: Path, recovered: Recovered) -> bool:
    """A snapshot older than the saved file it came from was superseded by a save."""
    if recovered.path is None or not recovered.path.exists():
        return True
    return recovery_file.stat().st_mtime >= recovered.path.stat().st_mtime


class Autosaver(QObject):
    """Writes the document's recovery file at most `delay_ms` after the first unsaved edit,
    however long the clerk goes on typing (the timer is not restarted by later edits). A
    failed write is reported (`failed`) and retried after the same delay.

    Each document has its own recovery file and lock in `recovery_dir`, named by its key (see
    qt/lock.py): windows never write or delete each other's recovery."""

    failed = Signal(str)  # the Chinese reason an autosave could not be written
    succeeded = Signal()

    def __init__(self, document: Document, recovery_dir: Path, delay_ms: int = DEFAULT_DELAY_MS) -> None:
        super().__init__(document)
        self.document = document
        self.recovery_dir = recovery_dir
        self.lock = DocumentLock(recovery_dir, untitled_key())
        self.lock.acquire()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(delay_ms)
        self.timer.timeout.connect(self.save_now)
        document.undo_stack.indexChanged.connect(self._on_edit)
        document.cellsChanged.connect(self._on_edit)  # typing merges commands: the index may not move
        self.saves = 0
        self.error = ""  # the last failure, until a write succeeds

    @property
    def key(self) -> str:
        return self.lock.key

    @property
    def recovery_file(self) -> Path:
        return self.recovery_dir / f"{self.key}{RECOVERY_SUFFIX}"

    # ---- which document ---------------------------------------------------------------------

    def bind(self, path: Path | None) -> bool:
        """Follow the document to `path` (None: an untitled or read-only copy): take its lock,
        then drop the previous document's lock and recovery. False, changing nothing, when
        another window or program holds `path`."""
        key = key_for_path(path) if path is not None else untitled_key()
        if key == self.key:
            return True
        lock = DocumentLock(self.recovery_dir, key)
        if not lock.acquire():
            return False
        self.discard()
        self.lock.release()
        self.lock = lock
        return True

    def adopt(self, lock: DocumentLock) -> None:
        """Carry on with a recovered document's key and lock (its recovery file stays)."""
        self.discard()
        self.lock.release()
        self.lock = lock

    def holder_of(self, path: Path) -> LockHolder | None:
        return DocumentLock(self.recovery_dir, key_for_path(path)).holder()

    # ---- writing ----------------------------------------------------------------------------

    def _on_edit(self, *_args: object) -> None:
        if not self.timer.isActive():
            self.timer.start()

    def save_now(self) -> bool:
        self.timer.stop()
        if not self.document.is_modified:
            self.discard()
            return False
        try:
            write_recovery(self.recovery_file, self.document.report, self.document.path)
        except (OSError, GovopenError) as exc:  # never let autosave interrupt the clerk
            reason = describe_os_error(exc) if isinstance(exc, OSError) else str(exc)
            log.warning("autosave failed: %s", exc)
            self.error = f"无法写入“{self.recovery_dir}”：{reason}"
            self.failed.emit(self.error)
            self.timer.start()  # retry
            return False
        self.saves += 1
        if self.error:
            self.error = ""
        self.succeeded.emit()
        return True

    def discard(self) -> None:
        """Remove this document's own recovery file (after a save, or when it is given up)."""
        self.timer.stop()
        try:
            self.recovery_file.unlink(missing_ok=True)
        except OSError as exc:
            log.warning("recovery file not removed: %s", exc)

    def close(self) -> None:
        """The window closes normally: its recovery goes, its lock is released."""
        self.discard()
        self.lock.release()


def recovery_candidates(recovery_dir: Path, own_key: str) -> list[tuple[Path, DocumentLock]]:
    """Recovery files left by windows that are gone (their lock is free or stale), newest first,
    each with its lock now held by us; the caller keeps or releases it."""
    _adopt_legacy_recovery(recovery_dir)
    try:
        files = sorted(recovery_dir.glob(f"*{RECOVERY_SUFFIX}"), key=_mtime, reverse=True)
    except OSError:
        return []
    found: list[tuple[Path, DocumentLock]] = []
    for file in files:
        key = file.name[: -len(RECOVERY_SUFFIX)]
        if key == own_key:
            continue
        lock = DocumentLock(recovery_dir, key)
        if lock.acquire():
            found.append((file, lock))
    _remove_stale_locks(recovery_dir, own_key, {lock.key for _file, lock in found})
    return found


def _remove_stale_locks(recovery_dir: Path, own_key: str, taken: set[str]) -> None:
    """Locks of killed windows that left no recovery file: taken over and so removed."""
    try:
        locks = list(recovery_dir.glob(f"*{LOCK_SUFFIX}"))
    except OSError:
        return
    for path in locks:
        key = path.name[: -len(LOCK_SUFFIX)]
        if key == own_key or key in taken or (recovery_dir / f"{key}{RECOVERY_SUFFIX}").exists():
            continue
        lock = DocumentLock(recovery_dir, key)
        if lock.acquire():
            lock.release()


LEGACY_RECOVERY = "recovery.govopen-recovery"  # one shared file, before each document had its own


def _adopt_legacy_recovery(recovery_dir: Path) -> None:
    """A recovery file left by an earlier version beside the folder is moved into it."""
    legacy = recovery_dir.parent / LEGACY_RECOVERY
    if legacy.is_file():
        try:
            recovery_dir.mkdir(parents=True, exist_ok=True)
            legacy.replace(recovery_dir / f"untitled-legacy{RECOVERY_SUFFIX}")
        except OSError as exc:
            log.warning("earlier recovery file not moved: %s", exc)


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
