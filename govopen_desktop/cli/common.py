"""What every subcommand shares: Chinese argparse, exit codes, error printing."""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import sys
from collections.abc import Callable

from govopen_desktop.domain.errors import GovopenError

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (2 ms); mypy knows the name
if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import Any, TypeVar

    T = TypeVar("T")

EXIT_OK, EXIT_FINDINGS, EXIT_UNUSABLE = 0, 1, 2


class ChineseHelpFormatter(argparse.RawDescriptionHelpFormatter):
    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24,
                 width: int | None = None) -> None:
        # the terminal's width without argparse's `import shutil` (and zlib, bz2, lzma with it)
        super().__init__(prog, indent_increment, max_help_position, _terminal_width() if width is None else width)

    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, prefix="用法：" if prefix is None else prefix)


# argparse's own messages (Python 3.11–3.13 wording), said in Chinese; the first match wins
ARGPARSE_MESSAGES = (
    (r"invalid choice: (.+?) \(choose from (.+)\)", r"无效的选项 \1（可选：\2）"),
    (r"the following arguments are required: (.+)", r"缺少必需的参数：\1"),
    (r"one of the arguments (.+) is required", r"需要以下参数之一：\1"),
    (r"unrecognized arguments: (.+)", r"无法识别的参数：\1"),
    (r"expected one argument", "需要一个参数值"),
    (r"expected at most one argument", "最多只能有一个参数值"),
    (r"expected at least one argument", "至少需要一个参数值"),
    (r"expected (\d+) arguments?", r"需要 \1 个参数值"),
    (r"invalid int value: (.+)", r"\1 不是整数"),
    (r"invalid (\w+) value: (.+)", r"\2 不是有效的值"),
    (r"not allowed with argument (.+)", r"不能与参数 \1 同时使用"),
    (r"ambiguous option: (\S+) could match (.+)", r"选项 \1 不明确，可能是：\2"),
    (r"ignored explicit argument (.+)", r"多余的参数值 \1"),
)


def chinese_message(message: str) -> str:
    prefix = ""
    if match := re.match(r"argument (.+?): (.*)", message, re.S):
        prefix, message = f"参数 {match[1]}：", match[2]
    for pattern, replacement in ARGPARSE_MESSAGES:
        translated, n = re.subn(pattern, replacement, message, count=1)
        if n:
            return prefix + translated
    return prefix + message


class ChineseArgumentParser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # argparse's English messages, said in Chinese
        self.print_usage(sys.stderr)
        self.exit(EXIT_UNUSABLE, f"{self.prog}：错误：{chinese_message(message)}\n")


def _terminal_width() -> int:
    try:
        columns = int(os.environ.get("COLUMNS", "")) or os.get_terminal_size().columns
    except (ValueError, OSError, AttributeError):
        columns = 80
    return max(columns - 2, 20)


def new_parser(prog: str | None = None, **kwargs: Any) -> ChineseArgumentParser:
    parser = ChineseArgumentParser(
        prog=prog, formatter_class=ChineseHelpFormatter, add_help=False, **kwargs
    )
    _chinese_titles(parser)
    return parser


def add_command(
    sub: Any, name: str, help_text: str, handler: Callable[[argparse.Namespace], int], **kw: Any
) -> ChineseArgumentParser:
    parser: ChineseArgumentParser = sub.add_parser(
        name,
        help=help_text,
        description=kw.pop("description", help_text),
        formatter_class=ChineseHelpFormatter,
        add_help=False,
        **kw,
    )
    parser.__class__ = ChineseArgumentParser
    _chinese_titles(parser)
    parser.set_defaults(handler=handler)
    return parser


def _chinese_titles(parser: argparse.ArgumentParser) -> None:
    parser._positionals.title = "参数"
    parser._optionals.title = "选项"
    parser.add_argument("-h", "--help", action="help", help="显示本帮助并退出")


def run_guarded(action: Callable[[], int]) -> int:
    """Run a command: every error a user can meet is a Chinese message and exit 2, never a
    traceback; the raw exception text goes to the log in the per-user data folder only."""
    setup_cli_log()
    try:
        return action()
    except GovopenError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return EXIT_UNUSABLE
    except KeyboardInterrupt:
        print("已取消。", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `govopen … | head`: the reader has gone; not an error of ours
        _silence_stdout()
        return EXIT_OK
    except MemoryError:
        print("错误：内存不足，文件过大。请关闭其他程序，或只保留报告内容后另存再试。", file=sys.stderr)
        return EXIT_UNUSABLE
    except RecursionError:
        _log().info("recursion limit", exc_info=True)
        print("错误：文件的结构嵌套过深，不是正常的年度报告文件，已停止处理。", file=sys.stderr)
        return EXIT_UNUSABLE
    except OSError as exc:  # e.g. the output cannot be written: the disk is full
        from govopen_desktop.io.oserrors import describe_os_error

        _log().info("command failed", exc_info=True)
        where = f"“{exc.filename}”" if exc.filename else "文件或输出"
        print(f"错误：读写{where}时出错：{describe_os_error(exc)}", file=sys.stderr)
        return EXIT_UNUSABLE
    except Exception:  # a bug: say so plainly, keep the details in a log file
        import traceback

        log_path = write_crash_log(traceback.format_exc())
        print(f"错误：程序内部错误，详细信息已写入 {log_path}，请将该文件发给技术支持。", file=sys.stderr)
        return EXIT_UNUSABLE


def _silence_stdout() -> None:
    """Point stdout at the null device so the interpreter's final flush cannot fail again."""
    import os

    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


MAX_LOG_BYTES = 1024 * 1024


def write_crash_log(text: str) -> str:
    """Append `text` to govopen-error.log in the per-user data folder (not a shared /tmp path:
    a symlink planted there is not followed). Returns the path, or a note it could not."""
    import datetime as dt
    import os

    from govopen_desktop import __version__
    from govopen_desktop.paths import user_data_dir

    path = user_data_dir() / "govopen-error.log"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        flags = os.O_WRONLY | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
        fd = os.open(path, flags, 0o600)
        with os.fdopen(fd, "ab") as handle:
            if handle.seek(0, os.SEEK_END) > MAX_LOG_BYTES:
                handle.truncate(0)
            stamp = dt.datetime.now().isoformat(timespec="seconds")
            handle.write(f"==== {stamp} govopen {__version__}\n{text}\n".encode("utf-8", "replace"))
    except OSError:
        return "（无法写入日志）"
    return str(path)


def _log() -> Any:
    import logging

    return logging.getLogger(__name__)


def setup_cli_log() -> None:
    """Log the program's own messages (raw library errors among them) to govopen-cli.log in
    the per-user data folder; the file is created only when something is logged. The
    libraries' warnings (pdfminer's "Data-loss while decompressing corrupted data") go there
    too: on the terminal they would be English lines among the Chinese messages."""
    import logging
    from pathlib import Path

    from govopen_desktop.paths import user_data_dir

    path = user_data_dir() / "govopen-cli.log"
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "govopen_cli", False):
            if Path(getattr(handler, "baseFilename", "")) == path:
                return
            root.removeHandler(handler)
            handler.close()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        root.addHandler(logging.NullHandler())  # nowhere to log: still nothing on the terminal
        return
    handler = _private_file_handler(path)
    handler.govopen_cli = True
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > logging.WARNING:
        root.setLevel(logging.WARNING)  # the libraries' info and debug stay out
    ours = logging.getLogger("govopen_desktop")
    if ours.level == logging.NOTSET or ours.level > logging.INFO:
        ours.setLevel(logging.INFO)


def _private_file_handler(path: Any) -> Any:
    """A FileHandler opened on the first record, never through a symlink, emptied past
    MAX_LOG_BYTES; its errors never disturb the command."""
    import logging

    class PrivateFileHandler(logging.FileHandler):
        def _open(self) -> Any:
            flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_NOFOLLOW", 0)
            fd = os.open(self.baseFilename, flags, 0o600)
            if os.fstat(fd).st_size > MAX_LOG_BYTES:
                os.ftruncate(fd, 0)
            return os.fdopen(fd, "a", encoding="utf-8", errors="replace")

        def handleError(self, record: logging.LogRecord) -> None:
            pass

    return PrivateFileHandler(path, encoding="utf-8", delay=True)


def print_problems(problems: list[str], title: str) -> None:
    if problems:
        print(title, file=sys.stderr)
        for p in problems:
            print(f"  - {p}", file=sys.stderr)


def with_progress(results: Iterator[T], total: int, verb: str) -> Iterator[T]:
    """A plain `<verb> n/total 份` line on stderr when it is a terminal (已检查 12/300 份), erased
    before anything else is printed and at the end."""
    import time

    if not (hasattr(sys.stderr, "isatty") and sys.stderr.isatty()):
        yield from results
        return
    shown, last = "", 0.0
    for done, result in enumerate(results, 1):
        if shown:  # off the screen before the caller prints this result
            sys.stderr.write("\r" + " " * len(shown.encode("gbk", "replace")) + "\r")
            shown = ""
        yield result
        now = time.monotonic()
        if now - last > 0.1 or done == total:
            shown, last = f"{verb} {done}/{total} 份", now
            sys.stdout.flush()
            sys.stderr.write(shown)
            sys.stderr.flush()
    if shown:
        sys.stderr.write("\r" + " " * len(shown.encode("gbk", "replace")) + "\r")
        sys.stderr.flush()
