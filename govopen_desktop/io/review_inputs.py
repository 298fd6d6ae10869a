"""The files of a review run: files as named, folders walked for every kind the program reads."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from govopen_desktop.io.project import EXTENSION

READABLE_SUFFIXES = frozenset({
    EXTENSION, ".xlsx", ".xlsm", ".xls", ".et", ".ods", ".docx", ".doc", ".wps", ".odt", ".rtf",
    ".html", ".htm", ".mht", ".mhtml", ".txt", ".md", ".pdf", ".ofd",
    ".zip",  # not read, but a unit's submission: listed as unreadable, with what to ask for
})


def expand_inputs(names: Iterable[str | Path]) -> list[Path]:
    """Each name as given; a folder becomes the readable files under it, in name order.
    Office lock files (~$…), hidden files and backups (.bak) inside folders are skipped."""
    paths: list[Path] = []
    seen: set[Path] = set()
    for name in names:
        path = Path(name)
        found = _walk(path) if path.is_dir() else [path]
        for p in found:
            key = p.resolve() if p.exists() else p
            if key not in seen:
                seen.add(key)
                paths.append(p)
    return paths


def _walk(folder: Path) -> list[Path]:
    found = []
    for p in sorted(folder.rglob("*")):
        rel = p.relative_to(folder).parts
        if any(part.startswith((".", "~$")) for part in rel):
            continue
        if p.is_file() and p.suffix.lower() in READABLE_SUFFIXES:
            found.append(p)
    return found


def file_digest(path: Path) -> str | None:
    """sha256 of a file, for the provenance of a combined report; None when unreadable."""
    h = hashlib.sha256()
    try:
        with Path(path).open("rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                h.update(chunk)
    except OSError:
        return None
    return h.hexdigest()


def read_units_list(path: Path) -> list[str]:
    """The units expected to report: a .txt with one name a line (# starts a comment), or a
    workbook whose first column of the first sheet holds the names (a 单位 header is skipped)."""
    from govopen_desktop.domain.errors import GovopenError
    from govopen_desktop.io.oserrors import describe_os_error

    path = Path(path)
    try:
        if path.suffix.lower() in (".xlsx", ".xlsm"):
            from openpyxl import load_workbook

            wb = load_workbook(path, read_only=True, data_only=True)
            ws = wb.worksheets[0]
            names = [str(row[0]).strip() for row in ws.iter_rows(max_col=1, values_only=True)
                     if row and row[0] is not None and str(row[0]).strip()]
            wb.close()
        else:
            raw = path.read_bytes()
            try:
                text = raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                text = raw.decode("gb18030", errors="replace")
            names = [line.split("#", 1)[0].strip() for line in text.splitlines()]
            names = [n for n in names if n]
    except OSError as exc:
        raise GovopenError(f"无法读取单位名单“{path}”：{describe_os_error(exc)}") from exc
    except Exception as exc:  # a damaged workbook: openpyxl raises many kinds
        raise GovopenError(f"无法读取单位名单“{path}”：不是有效的 .xlsx 或文本文件。") from exc
    if names and names[0] in ("单位", "单位名称", "机关名称", "名称", "序号"):
        names = names[1:]
    if not names:
        raise GovopenError(f"单位名单“{path}”是空的：每行写一个单位名称。")
    return names


def shown_files(files: Sequence[str]) -> tuple[str, dict[str, str]]:
    """The folder all the files are in, and each file as shown in the workbook: its path from
    that folder (街道/乙.docx), which a column can show whole; the folder is in the page header."""
    try:
        folder = os.path.commonpath([os.path.dirname(os.path.abspath(f)) for f in files]) if files else ""
    except ValueError:  # files on different drives
        return "", {f: f for f in files}
    if not folder or os.path.dirname(folder) == folder:
        return "", {f: f for f in files}  # nothing shared but the root: the paths as they are
    return folder, {f: os.path.relpath(os.path.abspath(f), folder) for f in files}
