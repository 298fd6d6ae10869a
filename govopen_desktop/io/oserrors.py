"""Operating-system errors said in plain Chinese: what happened and what to do.

The operating system's own text ("Read-only file system", "Too many levels of symbolic
links") is English on most machines and never reaches a message; callers log it.
"""

from __future__ import annotations

import errno

_PLEASE_CLOSE = "请关闭正在使用该文件的 Word、WPS 或 Excel 后重试。"


class ReadOnlyFileError(PermissionError):
    """The file to be replaced is marked read-only: refused, as Word does."""


class NotRegularFileError(OSError):
    """The path names a FIFO, a device or a folder where a file was expected."""


# errno -> what happened and what to do
_BY_ERRNO: dict[int, str] = {
    errno.ENOENT: "文件或文件夹不存在，请检查路径。",
    errno.ENOTDIR: "路径中有一部分不是文件夹，请检查路径。",
    errno.EISDIR: "这是一个文件夹，不是文件，请给出文件名。",
    errno.EACCES: f"没有权限，或文件正被其他程序打开。{_PLEASE_CLOSE}如仍不行，请换一个有权限的文件夹。",
    errno.EPERM: "操作系统不允许这一操作，请换一个有权限的文件夹，或请管理员检查权限。",
    errno.EROFS: "所在的磁盘或文件夹是只读的（如光盘、写保护的U盘），请另存到其他位置。",
    errno.ENOSPC: "磁盘空间不足，请清理磁盘或另存到其他位置后重试。",
    errno.EFBIG: "文件超过了该磁盘允许的大小，请另存到其他磁盘。",
    errno.ELOOP: "路径中的快捷方式（符号链接）相互指向，形成循环，请检查路径。",
    errno.ENAMETOOLONG: "文件名或路径太长，请缩短文件名或换一个层级较浅的文件夹。",
    errno.EMFILE: "同时打开的文件太多，请关闭一些程序后重试。",
    errno.ENFILE: "同时打开的文件太多，请关闭一些程序后重试。",
    errno.EIO: "读写磁盘时出错，磁盘、U盘或网络连接可能有问题，请检查后重试。",
    errno.EBUSY: f"文件正被其他程序使用。{_PLEASE_CLOSE}",
    errno.ETXTBSY: f"文件正被其他程序使用。{_PLEASE_CLOSE}",
    errno.EEXIST: "同名文件已存在，请换一个文件名。",
    errno.EXDEV: "不能在不同的磁盘之间直接替换文件，请另存到同一磁盘。",
    errno.EINVAL: "文件名无效（可能含有 \\ / : * ? \" < > | 等字符），请换一个文件名。",
    errno.ENXIO: "设备不存在或未连接，请检查U盘或网络盘。",
    errno.ENODEV: "设备不存在或未连接，请检查U盘或网络盘。",
    errno.EAGAIN: "文件暂时无法访问，请稍后重试。",
    errno.EINTR: "操作被中断，请重试。",
    errno.ETIMEDOUT: "网络盘响应超时，请检查网络连接后重试。",
}
for _name, _text in (
    ("EDQUOT", "磁盘配额已用完，请清理文件或另存到其他位置后重试。"),
    ("ESTALE", "网络盘上的文件已失效，请重新连接网络盘后重试。"),
    ("ECONNRESET", "网络连接中断，请检查网络后重试。"),
    ("EHOSTDOWN", "网络盘所在的计算机无法访问，请检查网络后重试。"),
    ("ENOTCONN", "网络盘未连接，请检查网络后重试。"),
):
    if hasattr(errno, _name):
        _BY_ERRNO[getattr(errno, _name)] = _text

# Windows error codes (OSError.winerror) that errno alone does not tell apart
_BY_WINERROR: dict[int, str] = {
    5: f"没有权限，或文件正被其他程序打开。{_PLEASE_CLOSE}",
    32: f"文件正被其他程序打开。{_PLEASE_CLOSE}",
    33: f"文件的一部分被其他程序锁定。{_PLEASE_CLOSE}",
    39: "磁盘空间不足，请清理磁盘或另存到其他位置后重试。",
    112: "磁盘空间不足，请清理磁盘或另存到其他位置后重试。",
    123: "文件名无效（可能含有 \\ / : * ? \" < > | 等字符），请换一个文件名。",
    206: "文件名或路径太长，请缩短文件名或换一个层级较浅的文件夹。",
    1224: f"文件正被其他程序以映射方式打开。{_PLEASE_CLOSE}",
    1920: "无法访问该文件（可能被安全软件阻止），请检查后重试。",
}


def describe_os_error(exc: OSError) -> str:
    """A Chinese sentence for `exc`, never the operating system's own text."""
    if isinstance(exc, ReadOnlyFileError):
        return "该文件是只读文件，未被覆盖。请另存为其他文件名，或在文件属性中取消“只读”后再保存。"
    if isinstance(exc, NotRegularFileError):
        return "这不是普通文件（是文件夹、管道或设备），请选择一个文件。"
    winerror = getattr(exc, "winerror", None)
    if isinstance(winerror, int) and winerror in _BY_WINERROR:
        return _BY_WINERROR[winerror]
    code = exc.errno
    if code is None:
        code = {FileNotFoundError: errno.ENOENT, IsADirectoryError: errno.EISDIR,
                NotADirectoryError: errno.ENOTDIR, PermissionError: errno.EACCES,
                FileExistsError: errno.EEXIST, TimeoutError: errno.ETIMEDOUT}.get(type(exc))
    if code in _BY_ERRNO:
        return _BY_ERRNO[code]
    number = f"（错误代码 {code}）" if code is not None else ""
    return f"操作系统报告了一个读写错误{number}，请检查磁盘、文件权限或网络连接后重试。"
