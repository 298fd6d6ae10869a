"""Operating-system errors said in plain Chinese."""

from __future__ import annotations


def describe_os_error(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "没有权限，或文件正被其他程序（如 Word、WPS、Excel）打开，请关闭后重试。"
    if isinstance(exc, FileNotFoundError):
        return "文件或文件夹不存在。"
    if isinstance(exc, IsADirectoryError):
        return "这是一个文件夹，不是文件。"
    if getattr(exc, "errno", None) == 28:
        return "磁盘空间不足。"
    return exc.strerror or str(exc)
