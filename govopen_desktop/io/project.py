"""The project file (.govopen): the report as UTF-8 JSON, saved atomically."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from govopen_desktop.domain.errors import GovopenError
from govopen_desktop.domain.report import Report
from govopen_desktop.io.atomic import backup_path, write_text_atomic
from govopen_desktop.io.oserrors import describe_os_error

EXTENSION = ".govopen"
MAX_PROJECT_BYTES = 20 * 1024 * 1024
_DECIMAL_MARK = "\u0000decimal:"


class ProjectFileError(GovopenError):
    """A project file that cannot be used; `backup` is a .bak next to it, if there is one."""

    def __init__(self, message: str, path: Path) -> None:
        super().__init__(message)
        self.path = path
        bak = backup_path(path)
        self.backup: Path | None = bak if bak.is_file() else None


def report_to_json(report: Report) -> str:
    """The project JSON; amounts keep the decimals they were written with (0.1200)."""
    return dumps_exact(report.to_dict()) + "\n"


def dumps_exact(payload: Any) -> str:
    """JSON with every Decimal written as a number with its own decimals (0.1200, not 0.12)."""
    text = json.dumps(_mark_decimals(payload), ensure_ascii=False, indent=1)
    return _unmark_decimals(text)


def report_from_json(text: str, where: str = "") -> Report:
    data = json.loads(text, parse_float=Decimal, parse_int=_json_int)
    return Report.from_dict(data, where)


def save_report(report: Report, path: Path) -> None:
    try:
        write_text_atomic(Path(path), report_to_json(report))
    except OSError as exc:
        raise GovopenError(f"无法保存到“{path}”：{describe_os_error(exc)}") from exc


def load_report(path: Path) -> Report:
    path = Path(path)
    name = str(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError as exc:
        raise ProjectFileError(f"找不到文件“{name}”。", path) from exc
    except OSError as exc:
        raise ProjectFileError(f"无法读取“{name}”：{describe_os_error(exc)}", path) from exc
    if size == 0:
        raise ProjectFileError(f"“{name}”是空文件，可能在保存时被中断。", path)
    if size > MAX_PROJECT_BYTES:
        raise ProjectFileError(f"“{name}”过大（{size // 1024 // 1024} MB），不是年度报告文件。", path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ProjectFileError(f"“{name}”不是 UTF-8 文本，不是本程序保存的年度报告文件。", path) from exc
    except OSError as exc:
        raise ProjectFileError(f"无法读取“{name}”：{describe_os_error(exc)}", path) from exc
    try:
        data = json.loads(text, parse_float=Decimal, parse_int=_json_int)
    except json.JSONDecodeError as exc:
        raise ProjectFileError(
            f"“{name}”已损坏或不完整：第 {exc.lineno} 行第 {exc.colno} 列 JSON 格式错误。", path
        ) from exc
    try:
        return Report.from_dict(data, f"“{name}”")
    except GovopenError as exc:
        raise ProjectFileError(str(exc), path) from exc


def _json_int(text: str) -> int | Decimal:
    """A JSON integer; a very long one as a Decimal (int() refuses over 4300 digits), which
    the cell reader then keeps as a published invalid value."""
    return int(text) if len(text) <= 30 else Decimal(text)


def _mark_decimals(obj: Any) -> Any:
    if isinstance(obj, Decimal):
        return _DECIMAL_MARK + format(obj, "f")
    if isinstance(obj, dict):
        return {k: _mark_decimals(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_mark_decimals(v) for v in obj]
    return obj


def _unmark_decimals(text: str) -> str:
    marker = json.dumps(_DECIMAL_MARK)[1:-1]  # as json.dumps escapes it
    out: list[str] = []
    pos = 0
    needle = '"' + marker
    while (start := text.find(needle, pos)) != -1:
        end = text.index('"', start + len(needle))
        out.append(text[pos:start])
        out.append(text[start + len(needle) : end])
        pos = end + 1
    out.append(text[pos:])
    return "".join(out)
