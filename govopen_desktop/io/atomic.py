"""Atomic file writing: a save either completes or leaves the previous file untouched.

A save of `name` writes `.name.XXXXXXXX.tmp` in the real file's folder (a symlink is followed,
so the file it points at is updated), fsyncs it, makes the previous version `name.bak` in one
step (a hard link to it renamed over the old `.bak`; a fsynced copy where the disk has no hard
links), then renames the temporary file over `name`. A kill at any moment leaves `name` and
`name.bak` each complete: old or new, never half-written. While a save runs its temporary file
is locked; the next save of the same file removes the temporaries that no live save holds.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import tempfile
import time
from pathlib import Path

from govopen_desktop.io.oserrors import NotRegularFileError, ReadOnlyFileError

try:
    import fcntl
except ImportError:  # Windows: an open file cannot be deleted, which protects a live save
    fcntl = None  # type: ignore[assignment]

TEMP_SUFFIX = ".tmp"
_WINDOWS_STALE_SECONDS = 60  # without locks: a temporary this old belongs to no live save


def write_bytes_atomic(path: Path, data: bytes, *, keep_backup: bool = True) -> None:
    """Write `data` to `path` atomically; the previous version becomes `<name>.bak`.

    Raises OSError (ReadOnlyFileError for a read-only file) with the target untouched."""
    target = real_target(Path(path))
    folder = target.parent
    _refuse_unwritable(target)
    remove_stale_temporaries(target)
    fd, tmp = _locked_temporary(target)
    closed = False
    try:
        _give_usual_mode(fd, target)
        with os.fdopen(fd, "wb", closefd=False) as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if keep_backup and target.is_file():
            _backup(target, tmp)
        if fcntl is None:  # Windows renames no open file
            os.close(fd)
            closed = True
        os.replace(tmp, target)
        _fsync_dir(folder)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    finally:
        if not closed:
            os.close(fd)


def write_text_atomic(path: Path, text: str, *, keep_backup: bool = True) -> None:
    write_bytes_atomic(path, text.encode("utf-8"), keep_backup=keep_backup)


def backup_path(path: Path) -> Path:
    """Where the previous version of `path` is kept (beside the real file of a symlink)."""
    path = Path(path)
    with contextlib.suppress(OSError):
        path = real_target(path)
    return path.with_name(path.name + ".bak")


def real_target(path: Path) -> Path:
    """The file a save must update: a symlink is followed, so the linked file stays linked."""
    try:
        if not path.is_symlink():
            return path
    except OSError:
        return path
    resolved = Path(os.path.realpath(path))
    if resolved.is_symlink():  # links that point at each other: realpath gives up
        raise OSError(errno.ELOOP, "symbolic link loop", str(path))
    return resolved


def _refuse_unwritable(target: Path) -> None:
    try:
        status = os.stat(target)
    except FileNotFoundError:
        return
    except OSError:
        return  # the write below raises the error the caller describes
    if stat.S_ISDIR(status.st_mode):
        raise IsADirectoryError(21, "is a directory", str(target))
    if not stat.S_ISREG(status.st_mode):
        raise NotRegularFileError(22, "not a regular file", str(target))
    read_only = not status.st_mode & 0o222 or not os.access(target, os.W_OK)
    if read_only:
        raise ReadOnlyFileError(13, "read-only file", str(target))


def _locked_temporary(target: Path) -> tuple[int, Path]:
    """A new temporary beside `target`, locked for as long as this save runs."""
    while True:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=TEMP_SUFFIX, dir=target.parent)
        if fcntl is None:
            return fd, Path(name)
        fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            still_ours = os.stat(name).st_ino == os.fstat(fd).st_ino
        except FileNotFoundError:
            still_ours = False  # another save's clean-up took it before we locked it
        if still_ours:
            return fd, Path(name)
        os.close(fd)


def _backup(target: Path, tmp: Path) -> None:
    """Make the current `target` its `.bak` in one rename; the old `.bak` stays until then."""
    staged = tmp.with_name(tmp.name[: -len(TEMP_SUFFIX)] + ".bak" + TEMP_SUFFIX)
    with contextlib.suppress(FileNotFoundError):
        staged.unlink()
    try:
        try:
            os.link(target, staged, follow_symlinks=False)
        except (OSError, NotImplementedError):  # FAT, some network shares: no hard links
            _copy_synced(target, staged)
        os.replace(staged, backup_path(target))
        # when the .bak already is the target (a save killed just after making it), rename()
        # of one hard link over another does nothing and leaves the staged name behind
        with contextlib.suppress(FileNotFoundError):
            staged.unlink()
    except BaseException:
        with contextlib.suppress(OSError):
            staged.unlink()
        raise


def _copy_synced(source: Path, dest: Path) -> None:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    fd = os.open(dest, flags, stat.S_IMODE(os.stat(source).st_mode) | stat.S_IWUSR)
    with os.fdopen(fd, "wb") as out, source.open("rb") as src:
        while chunk := src.read(1 << 20):
            out.write(chunk)
        out.flush()
        os.fsync(out.fileno())


def _temporary_pattern(target: Path) -> re.Pattern[str]:
    return re.compile(rf"\.{re.escape(target.name)}\.([a-z0-9_]{{8}})(\.bak)?{re.escape(TEMP_SUFFIX)}")


def remove_stale_temporaries(target: Path) -> list[Path]:
    """Remove what saves of `target` killed halfway left behind; a live save's files stay."""
    pattern = _temporary_pattern(target)
    removed: list[Path] = []
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return removed
    for entry in entries:
        match = pattern.fullmatch(entry.name)
        if not match:
            continue
        path = Path(entry.path)
        owner = path.with_name(f".{target.name}.{match.group(1)}{TEMP_SUFFIX}")
        with contextlib.suppress(OSError):
            if not entry.is_file(follow_symlinks=False):
                continue
            if _remove_unless_live(path, owner):
                removed.append(path)
    return removed


def _remove_unless_live(path: Path, owner: Path) -> bool:
    if fcntl is None:
        if time.time() - path.stat().st_mtime < _WINDOWS_STALE_SECONDS:
            return False
        path.unlink()  # fails while a live save holds it open
        return True
    try:
        fd = os.open(owner, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | os.O_NONBLOCK)
    except FileNotFoundError:
        path.unlink()  # a staged .bak whose save is gone
        return True
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False  # a save in progress
        path.unlink()
        return True
    finally:
        os.close(fd)


def _give_usual_mode(fd: int, path: Path) -> None:
    """mkstemp makes the file private (0600); a saved file keeps the mode of the one it
    replaces, or gets the mode any new file would (0666 less the umask)."""
    if os.name != "posix":
        return
    try:
        mode = path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.fchmod(fd, mode)


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
