"""The static forms drawn in Qt Designer (`ui/*.ui`), loaded at run time with QUiLoader.

Grids, pages, panels and menus built from the format stay in code; a form here is only the
widgets and their layout. The code finds the widgets by objectName (`child`), so a renamed
widget in Designer fails loudly at once (tests/qt/test_ui_forms.py loads every form).

The form shown at start-up (the cover page) is also compiled to Python (`make forms` writes
`qt/ui_<name>.py` with pyside6-uic): building it that way takes about 10 ms less than QUiLoader,
which also has to be imported. The compiled form is used only while ui/<name>.ui is byte for
byte the file it was compiled from; any other file (edited in Designer, broken) loads through
QUiLoader as before, and a test fails until the module is compiled again."""

from __future__ import annotations

import importlib
import zlib
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QWidget

from govopen_desktop.paths import ui_dir

if TYPE_CHECKING:
    from PySide6.QtUiTools import QUiLoader

W = TypeVar("W", bound=QObject)
COMPILED = ("cover",)  # forms built before the first paint: ui/<name>.ui -> qt/ui_<name>.py


class FormError(RuntimeError):
    """A .ui file is missing, unreadable or lacks a widget the code uses: a broken installation."""


@cache
def _loader() -> QUiLoader:
    from PySide6.QtUiTools import QUiLoader  # not at start-up: the cover page is compiled

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
    compiled = _compiled(name, path)
    if compiled is not None:
        import PySide6.QtWidgets

        form: QWidget = getattr(PySide6.QtWidgets, compiled.ROOT_CLASS)(parent)
        compiled.FORM_CLASS().setupUi(form)
        return form
    from PySide6.QtCore import QFile, QIODevice  # with QUiLoader: their enums are not needed at start-up

    file = QFile(str(path))
    if not file.open(QIODevice.OpenModeFlag.ReadOnly):
        raise FormError(f"界面文件缺失或无法读取：{path}。请重新安装本程序。")
    try:
        loaded = _loader().load(file, parent)
    except RuntimeError as exc:  # PySide raises on XML it cannot read
        raise FormError(f"界面文件有误：{path}（{exc}）。请重新安装本程序。") from exc
    finally:
        file.close()
    if loaded is None:
        raise FormError(f"界面文件有误：{path}（{_loader().errorString()}）。请重新安装本程序。")
    return loaded


def _compiled(name: str, path: Path) -> ModuleType | None:
    """The compiled module of the form, when `path` is the file it was compiled from."""
    if name not in COMPILED:
        return None
    try:
        data = path.read_bytes()
    except OSError:
        return None  # QUiLoader's path says what is missing
    module = importlib.import_module(f"govopen_desktop.qt.ui_{name}")
    if (len(data), zlib.crc32(data)) != (module.UI_SIZE, module.UI_CRC32):
        return None
    return module


def child(form: QWidget, kind: type[W], name: str) -> W:
    """The widget `name` of the form, of the class the code expects."""
    found = form.findChild(kind, name)
    if found is None:
        raise FormError(f"界面文件中没有 {kind.__name__} “{name}”：{form.objectName()}")
    return found


# ---- compiling (`make forms`; tests/qt/test_ui_forms.py checks the modules are up to date) ----


def _enum_setters_by_key(body: str) -> str:
    """`x.setLabelAlignment(Qt.AlignRight|Qt.AlignVCenter)` as
    `x.setProperty("labelAlignment", "AlignRight|AlignVCenter")`: a form that names the `Qt`
    namespace builds all its enums before the first paint (qt/qt_keys.py)."""
    import re

    def by_key(match: re.Match[str]) -> str:
        keys = "|".join(part.strip().rsplit(".", 1)[-1] for part in match.group(3).split("|"))
        return f'{match.group(1)}.setProperty("{match.group(2)[0].lower()}{match.group(2)[1:]}", "{keys}")'

    return re.sub(r"([\w.]+)\.set(\w+)\(((?:Qt\.[\w.]+\s*\|\s*)*Qt\.[\w.]+)\)", by_key, body)


def compiled_source(name: str) -> str:
    """What qt/ui_<name>.py must hold: pyside6-uic's Python for ui/<name>.ui, importing only the
    names it uses (each PySide6 class imported is built with its enums: ~9 ms for uic's list)."""
    import re
    import subprocess
    import sys

    path = ui_dir() / f"{name}.ui"
    data = path.read_bytes()
    uic = Path(sys.executable).with_name("pyside6-uic")
    generated = subprocess.run([str(uic), str(path)], check=True, capture_output=True, text=True).stdout
    head, body = generated.split("\nclass ", 1)
    body = _enum_setters_by_key("class " + body)
    imports = []
    for module, names in re.findall(r"from (PySide6\.\w+) import \(?([\w\s,]+?)\)?\n(?=from|\n)", head + "\n"):
        used = [n for n in re.split(r"[\s,]+", names.strip()) if re.search(rf"\b{n}\b", body)]
        if used:
            imports.append(f"from {module} import {', '.join(used)}")
    form_class = re.search(r"^class (Ui_\w+)", body, re.M)
    root = re.search(r'<widget class="(\w+)"', data.decode("utf-8"))
    assert form_class and root, path
    return "\n".join([
        f"# Compiled from ui/{name}.ui by `make forms` (pyside6-uic; imports trimmed to the names used).",
        "# Do not edit: tests/qt/test_ui_forms.py fails when this is not what the .ui compiles to.",
        "# ruff: noqa",
        "# mypy: ignore-errors",
        "",
        *imports,
        "",
        f"UI_SIZE = {len(data)}",
        f"UI_CRC32 = {zlib.crc32(data)}",
        f"ROOT_CLASS = {root.group(1)!r}",
        "",
        "",
        body.rstrip() + "\n",
        "",
        f"FORM_CLASS = {form_class.group(1)}",
        "",
    ])


def compile_forms() -> list[Path]:
    written = []
    for name in COMPILED:
        target = Path(__file__).with_name(f"ui_{name}.py")
        target.write_text(compiled_source(name), encoding="utf-8")
        written.append(target)
    return written


if __name__ == "__main__":
    for written_path in compile_forms():
        print(written_path)
