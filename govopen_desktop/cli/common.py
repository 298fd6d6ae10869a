"""What every subcommand shares: Chinese argparse, exit codes, error printing."""

from __future__ import annotations

import argparse
import contextlib
import logging
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from govopen_desktop.domain.errors import GovopenError

EXIT_OK, EXIT_FINDINGS, EXIT_UNUSABLE = 0, 1, 2
log = logging.getLogger(__name__)


class ChineseHelpFormatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, prefix="用法：" if prefix is None else prefix)


class ChineseArgumentParser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # argparse's English messages, said in Chinese
        translations = {
            "the following arguments are required": "缺少必需的参数",
            "unrecognized arguments": "无法识别的参数",
            "invalid choice": "无效的选项",
            "expected one argument": "需要一个参数值",
            "invalid int value": "不是整数",
        }
        for en, zh in translations.items():
            message = message.replace(en, zh)
        self.print_usage(sys.stderr)
        self.exit(EXIT_UNUSABLE, f"{self.prog}：错误：{message}\n")


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
        log.info("recursion limit", exc_info=True)
        print("错误：文件的结构嵌套过深，不是正常的年度报告文件，已停止处理。", file=sys.stderr)
        return EXIT_UNUSABLE
    except OSError as exc:  # e.g. the output cannot be written: the disk is full
        from govopen_desktop.io.oserrors import describe_os_error

        log.info("command failed", exc_info=True)
        where = f"“{exc.filename}”" if exc.filename else "文件或输出"
        print(f"错误：读写{where}时出错：{describe_os_error(exc)}", file=sys.stderr)
        return EXIT_UNUSABLE
    except Exception:  # a bug: say so plainly, keep the details in a log file
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


def setup_cli_log() -> None:
    """Log the program's own messages (raw library errors among them) to govopen-cli.log in
    the per-user data folder; the file is created only when something is logged."""
    from govopen_desktop.paths import user_data_dir

    path = user_data_dir() / "govopen-cli.log"
    logger = logging.getLogger("govopen_desktop")
    for handler in list(logger.handlers):
        if getattr(handler, "govopen_cli", False):
            if Path(getattr(handler, "baseFilename", "")) == path:
                return
            logger.removeHandler(handler)
            handler.close()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        return
    handler = _PrivateFileHandler(path)
    handler.govopen_cli = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    if logger.level == logging.NOTSET or logger.level > logging.INFO:
        logger.setLevel(logging.INFO)


class _PrivateFileHandler(logging.FileHandler):
    """Opened on the first record, never through a symlink, emptied past MAX_LOG_BYTES."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, encoding="utf-8", delay=True)

    def _open(self) -> Any:
        import os

        flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_NOFOLLOW", 0)
        fd = os.open(self.baseFilename, flags, 0o600)
        if os.fstat(fd).st_size > MAX_LOG_BYTES:
            os.ftruncate(fd, 0)
        return os.fdopen(fd, "a", encoding="utf-8", errors="replace")

    def handleError(self, record: logging.LogRecord) -> None:
        pass  # an unwritable log must not disturb the command


def print_problems(problems: list[str], title: str) -> None:
    if problems:
        print(title, file=sys.stderr)
        for p in problems:
            print(f"  - {p}", file=sys.stderr)
