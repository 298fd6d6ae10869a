"""The static forms drawn in Qt Designer (`ui/*.ui`), loaded at run time with QUiLoader.

Grids, pages, panels and menus built from the format stay in code; a form here is only the
widgets and their layout. The code finds the widgets by objectName (`child`), so a renamed
widget in Designer fails loudly at once (tests/test_ui_forms.py loads every form)."""

from __future__ import annotations

from functools import cache
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QFile, QIODevice, QObject
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QWidget

from govopen_desktop.paths import ui_dir

W = TypeVar("W", bound=QObject)


class FormError(RuntimeError):
    """A .ui file is missing, unreadable or lacks a widget the code uses: a broken installation."""


@cache
def _loader() -> QUiLoader:
    # QUiLoader loads every Designer plugin on the library path when it is made (PySide's,
    # QQuickWidget, WebEngine: 10–30 ms). The forms use only standard widgets: make it without.
    paths = QCoreApplication.libraryPaths()
    QCoreApplication.setLibraryPaths([])
    try:
        return QUiLoader()
    finally:
        QCoreApplication.setLibraryPaths(paths)


def load_form(name: str, parent: QWidget | None = None) -> QWidget:
    """The widget of `ui/<name>.ui`, as a child of `parent`."""
    path = ui_dir() / f"{name}.ui"
    file = QFile(str(path))
    if not file.open(QIODevice.OpenModeFlag.ReadOnly):
        raise FormError(f"界面文件缺失或无法读取：{path}。请重新安装本程序。")
    try:
        form = _loader().load(file, parent)
    except RuntimeError as exc:  # PySide raises on XML it cannot read
        raise FormError(f"界面文件有误：{path}（{exc}）。请重新安装本程序。") from exc
    finally:
        file.close()
    if form is None:
        raise FormError(f"界面文件有误：{path}（{_loader().errorString()}）。请重新安装本程序。")
    return form


def child(form: QWidget, kind: type[W], name: str) -> W:
    """The widget `name` of the form, of the class the code expects."""
    found = form.findChild(kind, name)
    if found is None:
        raise FormError(f"界面文件中没有 {kind.__name__} “{name}”：{form.objectName()}")
    return found
