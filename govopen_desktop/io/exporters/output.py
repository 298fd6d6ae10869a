"""Writing an export: built in memory, written atomically, failures said in Chinese."""

from __future__ import annotations

from pathlib import Path

from govopen_desktop.domain.errors import GovopenError
from govopen_desktop.domain.report import Report
from govopen_desktop.io.atomic import write_bytes_atomic
from govopen_desktop.io.oserrors import describe_os_error


def check_target(path: Path) -> None:
    """Fail early, before any work, when `path` cannot be an export's file."""
    path = Path(path)
    folder = path.parent
    if not folder.is_dir():
        raise GovopenError(f"无法导出到“{path}”：文件夹“{folder}”不存在。")
    if path.is_dir():
        raise GovopenError(f"无法导出到“{path}”：这是一个文件夹，请给出文件名。")


def write_export(path: Path, data: bytes) -> None:
    """Replace `path` with `data` in one step; a half-written export never exists."""
    path = Path(path)
    check_target(path)
    try:
        write_bytes_atomic(path, data, keep_backup=False)
    except OSError as exc:
        raise GovopenError(f"无法写入“{path}”：{describe_os_error(exc)}") from exc


def export_notes(report: Report) -> list[str]:
    """What the clerk should know about an exported file, in Chinese (shown after an export)."""
    notes: list[str] = []
    if not report.meta.date:
        notes.append("成文日期未填写：落款处留有“　　年　　月　　日”一行，可打印后手写，"
                     "或填写成文日期后重新导出。")
    return notes
