"""Opening a file a user named: regular files only, sizes known before reading.

A FIFO, a device, a socket or a folder is refused at once, from its status, before any
`open()` that could wait for a writer forever; the file is then opened without blocking and
checked again on the open handle, so it cannot be swapped for a FIFO in between.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from govopen_desktop.domain.errors import GovopenError
from govopen_desktop.io.oserrors import describe_os_error

Failure = Callable[[str], GovopenError]  # builds the error a caller raises (ImportFailed, …)


def _special_kind(mode: int) -> str | None:
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "一个文件夹"
    if stat.S_ISFIFO(mode):
        return "一个管道（FIFO）"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "一个设备"
    if stat.S_ISSOCK(mode):
        return "一个套接字"
    return "一个特殊文件"


def not_regular_message(path: Path, kind: str) -> str:
    return f"“{path}”是{kind}，不是普通文件，无法读取。请选择一个年度报告文件。"


def read_error_message(path: Path, exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return f"找不到文件“{path}”，请检查文件名和所在文件夹。"
    return f"无法读取“{path}”：{describe_os_error(exc)}"


def open_regular(path: Path, fail: Failure) -> tuple[BinaryIO, int]:
    """The open binary handle and size of a regular file; `fail(message)` otherwise."""
    path = Path(path)
    try:
        kind = _special_kind(os.stat(path).st_mode)
    except (OSError, ValueError) as exc:  # ValueError: a NUL byte in the name
        raise fail(read_error_message(path, exc if isinstance(exc, OSError) else OSError(22, str(exc)))) from exc
    if kind:
        raise fail(not_regular_message(path, kind))
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise fail(read_error_message(path, exc)) from exc
    try:
        status = os.fstat(fd)
        kind = _special_kind(status.st_mode)
        if kind:
            raise fail(not_regular_message(path, kind))
        return os.fdopen(fd, "rb"), status.st_size
    except BaseException:
        os.close(fd)
        raise


def read_head(path: Path, size: int, fail: Failure) -> tuple[bytes, int]:
    """The first `size` bytes of a regular file and its whole size."""
    handle, total = open_regular(path, fail)
    with handle:
        try:
            return handle.read(size), total
        except OSError as exc:
            raise fail(read_error_message(Path(path), exc)) from exc


def read_bounded(path: Path, limit: int, fail: Failure, too_big: Callable[[int], str]) -> bytes:
    """The whole content of a regular file of at most `limit` bytes; `too_big(size)` says why not."""
    handle, total = open_regular(path, fail)
    with handle:
        if total > limit:
            raise fail(too_big(total))
        try:
            data = handle.read(limit + 1)
        except OSError as exc:
            raise fail(read_error_message(Path(path), exc)) from exc
    if len(data) > limit:  # grew while we read it
        raise fail(too_big(len(data)))
    return data
