"""One lock and one recovery file per document, named by a key: the document's path (so a
second window or a second start on the same file sees it is open elsewhere), or a fresh key for
an untitled report. A lock left by a process that no longer runs is taken over (QLockFile
checks the process id on this machine)."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any, NamedTuple

from PySide6.QtCore import QLockFile

log = logging.getLogger(__name__)

RECOVERY_SUFFIX = ".govopen-recovery"
LOCK_SUFFIX = ".lock"


def key_for_path(path: Path) -> str:
    """The same file gives the same key, however it was named (relative, symlinked, case on Windows)."""
    try:
        resolved = Path(path).resolve()
    except OSError:
        resolved = Path(os.path.abspath(path))
    digest = _sha1(os.path.normcase(str(resolved)).encode("utf-8")).hexdigest()[:16]
    return f"doc-{digest}"


def _sha1(data: bytes) -> Any:
    """hashlib.sha1's digest; CPython's own SHA-1 when it has one: importing hashlib (OpenSSL)
    costs ~4 ms of the start-up that opens a file, _sha1 ~0.3 ms."""
    try:
        from _sha1 import sha1  # type: ignore[import-not-found]
    except ImportError:  # another Python: the same digest from hashlib
        from hashlib import sha1
    return sha1(data)


def untitled_key() -> str:
    # 12 random hex digits, as uuid4().hex[:12] gave, without importing uuid (and platform): ~4 ms
    return f"untitled-{os.urandom(6).hex()}"


class LockHolder(NamedTuple):  # defined at every start: a NamedTuple, ~8× quicker than a frozen dataclass
    pid: int
    host: str

    def describe(self) -> str:
        return f"进程 {self.pid}" + (f"，计算机 {self.host}" if self.host else "")


class DocumentLock:
    """Held while a window has the document open; released when it closes or moves on."""

    def __init__(self, folder: Path, key: str) -> None:
        self.folder = folder
        self.key = key
        self.path = folder / f"{key}{LOCK_SUFFIX}"
        self._lock: QLockFile | None = None
        self.held = False
        self.unavailable = ""  # why no lock could be made at all (the folder cannot be written)

    def acquire(self) -> bool:
        """True when this window now holds the document (or no lock can be kept here at all:
        a folder we cannot write must not stop the clerk working); False when another live
        process or window holds it."""
        if self.held:
            return True
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self.unavailable = str(exc)
            log.warning("no lock for %s: %s", self.key, exc)
            return True
        lock = QLockFile(str(self.path))
        lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
        if lock.tryLock(0):
            self._lock, self.held = lock, True
            return True
        if lock.error() == QLockFile.LockError.LockFailedError:
            return False
        self.unavailable = f"锁文件无法创建（{lock.error().name}）"
        log.warning("no lock for %s: %s", self.key, lock.error())
        return True

    def holder(self) -> LockHolder | None:
        info = QLockFile(str(self.path)).getLockInfo()
        values = [v for v in info if not isinstance(v, bool)] if isinstance(info, tuple) else []
        if len(values) >= 2 and isinstance(values[0], int):
            return LockHolder(values[0], str(values[1]))
        return None

    def release(self) -> None:
        if self._lock is not None and self.held:
            self._lock.unlock()
        self._lock, self.held = None, False
