"""Application set-up: Chinese fonts and Qt translations, the style sheet, the crash handler,
and `govopen gui` itself."""

from __future__ import annotations

import logging
import os
import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QLibraryInfo,
    QLocale,
    QTimer,
    QtMsgType,
    QTranslator,
    qInstallMessageHandler,
)
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QApplication

from govopen_desktop.domain.errors import GovopenError
from govopen_desktop.paths import resources_dir
from govopen_desktop.qt.settings import APPLICATION, ORGANIZATION, log_file

if TYPE_CHECKING:
    from govopen_desktop.qt.main_window import MainWindow

FONT_FAMILIES = ["Microsoft YaHei UI", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei"]
FONT_POINT_SIZE = 10
log = logging.getLogger("govopen")
_keep: list[object] = []  # translators must outlive set-up


def make_app(argv: list[str] | None = None) -> QApplication:
    _quicker_pyside_import_hook()  # before the window's modules are imported
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        app = QApplication(argv or [sys.argv[0] if sys.argv else "govopen"])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("政府信息公开工作年度报告编制工具")
    QLocale.setDefault(QLocale("zh_CN"))  # by name: the Language/Country enums are slow to build
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSize(FONT_POINT_SIZE)
    app.setFont(font)
    translator = QTranslator(app)
    if translator.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(translator)
        _keep.append(translator)
    qss = resources_dir() / "style" / "govopen.qss"
    if qss.is_file():
        app.setStyleSheet(qss.read_text(encoding="utf-8"))
    return app


def _quicker_pyside_import_hook() -> None:
    """PySide6 asks of every module imported after it whether its source mentions "PySide6"
    (to scope its opt-in `__feature__` switches) with inspect.getsource, which tokenizes and
    caches each file: 20–40 ms of CPU over the ~100 modules the window imports. The same
    question, the same answer, from the file's bytes (none for the standard library's modules);
    anything else still goes to PySide's own."""
    feature = sys.modules.get("shibokensupport.feature")
    uses_pyside = getattr(feature, "_mod_uses_pyside", None)
    if uses_pyside is None or getattr(uses_pyside, "govopen", False):
        return

    stdlib = os.path.join(os.path.dirname(os.__file__), "")

    def mod_uses_pyside(module: object) -> bool:
        file = getattr(module, "__file__", None)
        if isinstance(file, str) and file.startswith(stdlib) and "-packages" not in file:
            return False  # the standard library's own modules (and extensions) never mention PySide6
        if isinstance(file, str) and file.endswith(".py"):
            try:
                with open(file, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass
        return bool(uses_pyside(module))

    mod_uses_pyside.govopen = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = mod_uses_pyside  # type: ignore[union-attr]


def _qt_message(mode: QtMsgType, context: object, message: str) -> None:
    # Qt's own warnings go to the log file, not to a clerk's console
    level = logging.WARNING if mode != QtMsgType.QtDebugMsg else logging.DEBUG
    logging.getLogger("qt").log(level, message)


def setup_logging() -> Path:
    """Log to the per-user data folder (moved if that folder changed, as in tests)."""
    path = log_file()
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "govopen", False) and Path(handler.baseFilename) != path:  # type: ignore[attr-defined]
            root.removeHandler(handler)
            handler.close()
    if not any(getattr(h, "govopen", False) for h in root.handlers):
        handler = logging.FileHandler(path, encoding="utf-8", delay=True)
        handler.govopen = True  # type: ignore[attr-defined]
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
        root.setLevel(logging.INFO)
        qInstallMessageHandler(_qt_message)
    return path


def install_excepthook(window_getter: object) -> None:
    """Any unexpected error: autosave first, log the traceback, then say so in Chinese."""

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        window = window_getter()  # type: ignore[operator]
        saved = False
        if window is not None:
            try:
                saved = window.autosaver.save_now() or not window.document.is_modified
            except Exception:  # the crash handler itself must never crash
                log.exception("autosave in the crash handler failed")
        log_path = setup_logging()
        log.error("unexpected error:\n%s", "".join(traceback.format_exception(exc_type, exc, tb)))
        if isinstance(exc, GovopenError):
            text = str(exc)
        else:
            text = "程序遇到意外错误。"
            text += "您的工作已自动保存，重新打开程序时可以恢复。" if saved else ""
            text += f"\n\n详细信息已写入：{log_path}\n如问题反复出现，请将该文件发给技术支持。"
        if window is not None:
            window.prompter.show_error("出错了", text)
        else:
            sys.stderr.write(text + "\n")

    sys.excepthook = hook


def start_window(file: Path | None = None, *, console: bool = False) -> tuple[MainWindow, bool]:
    """The window `govopen gui [FILE]` opens, built but not yet shown, with FILE opened in it;
    the flag is False when FILE could not be opened (the window has said why). `console`:
    messages go to the console (a screenshot run); show_then_check shows it."""
    make_app()
    setup_logging()
    from govopen_desktop.qt.main_window import MainWindow
    from govopen_desktop.qt.prompter import ConsolePrompter

    window = MainWindow(prompter=ConsolePrompter() if console else None, start_page=file is None, defer_check=True)
    return window, file is None or window.files.load(Path(file))


def run_gui(file: Path | None = None, screenshot: Path | None = None, section: str | None = None) -> int:
    if screenshot is not None and "QT_QPA_PLATFORM" not in os.environ and not os.environ.get("DISPLAY") \
            and sys.platform.startswith("linux"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a screenshot needs no screen
    window, opened = start_window(file, console=screenshot is not None)
    holder: list[MainWindow] = [window]
    install_excepthook(lambda: holder[0] if holder else None)
    if screenshot is not None:
        if not opened:
            return 2
        window.document.end_deferred_check()
        return _screenshot(window, screenshot, section)
    if section:
        window.show_section(section)
    show_then_check(window)
    QTimer.singleShot(0, window.files.offer_recovery)
    return QApplication.exec()


def show_then_check(window: MainWindow) -> None:
    """Show the window; check its report once it has painted (the clerk sees the window at
    once, the findings a moment later)."""
    window.after_first_paint(window.document.end_deferred_check)
    window.show()
    QTimer.singleShot(1000, window.document.end_deferred_check)  # no paint (minimised): check anyway


def _screenshot(window: MainWindow, out: Path, section: str | None) -> int:
    from govopen_desktop.qt.main_window import DEFAULT_SIZE

    window.resize(DEFAULT_SIZE)
    if section:
        window.show_section(section)
    window.show()
    for _ in range(3):
        QGuiApplication.processEvents()
    out.parent.mkdir(parents=True, exist_ok=True)
    ok = window.grab().save(str(out))
    window.document.undo_stack.setClean()
    window.autosaver.close()
    window.hide()
    return 0 if ok else 2
