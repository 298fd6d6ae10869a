"""Every Qt Designer form in ui/ loads, has the widgets the code looks up by objectName, and
the dialogs built on them work; a missing form is a clear error, not a crash deep in Qt."""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

import pytest

from govopen_desktop.paths import ui_dir
from tests.support.paths import REPO

LOAD_FORM = r"""load_form\(['"](\w+)['"]"""
QT_CODE = REPO / "govopen_desktop" / "qt"
SPEC = REPO / "packaging" / "govopen.spec"
STARTUP_FORMS = {"coverForm"}  # the cover page may be built with the window; every dialog's form waits


def _is_child_call(node: ast.AST) -> bool:
    return isinstance(node, ast.Call) and getattr(node.func, "id", "") == "child"


def forms_used_in_code() -> dict[str, set[tuple[str, str]]]:
    """form name -> {(widget class, objectName)} from every load_form/child call in qt/. Every
    child() call must sit in the function that loads its form, so no name the code looks up
    escapes the check of the forms below."""
    used: dict[str, set[tuple[str, str]]] = {}
    for path in sorted(QT_CODE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        attributed: set[ast.AST] = set()
        for node in ast.walk(tree):
            if not isinstance(node, ast.FunctionDef):
                continue
            loaded = re.findall(LOAD_FORM, ast.unparse(node))
            if not loaded:
                continue
            assert len(set(loaded)) == 1, f"{path.name}:{node.lineno} loads {loaded}: one form a function"
            for call in filter(_is_child_call, ast.walk(node)):
                assert isinstance(call, ast.Call)
                kind, widget = call.args[1], call.args[2]
                assert isinstance(kind, ast.Name) and isinstance(widget, ast.Constant), ast.unparse(call)
                used.setdefault(loaded[0], set()).add((kind.id, widget.value))
                attributed.add(call)
        stray = [f"{path.name}:{c.lineno}" for c in ast.walk(tree) if _is_child_call(c) and c not in attributed]
        assert not stray, f"child() outside the function that loads its form: {stray}"
    return used


def root_names() -> dict[str, str]:
    """form name -> the objectName of its top widget."""
    found = {p.stem: re.search(r'<widget class="\w+" name="(\w+)"', p.read_text(encoding="utf-8"))
             for p in ui_dir().glob("*.ui")}
    return {stem: match.group(1) for stem, match in found.items() if match}


def test_every_form_is_used_and_every_used_form_exists() -> None:
    used = forms_used_in_code()
    on_disk = {p.stem for p in ui_dir().glob("*.ui")}
    assert on_disk == set(used) and {"new_report", "cover"} <= on_disk


@pytest.mark.parametrize("name", sorted(p.stem for p in (REPO / "ui").glob("*.ui")))
def test_form_loads_with_the_names_the_code_uses(name: str, qtbot: Any) -> None:
    from PySide6 import QtWidgets

    from govopen_desktop.qt.app import make_app
    from govopen_desktop.qt.forms import child, load_form

    make_app()
    form = load_form(name)
    qtbot.addWidget(form)
    assert form.objectName() and form.layout() is not None
    for kind, widget in sorted(forms_used_in_code()[name]):
        found = child(form, getattr(QtWidgets, kind), widget)
        assert type(found).__name__ == kind
    assert form.objectName() == root_names()[name]


@pytest.mark.parametrize("name", sorted(p.stem for p in (REPO / "ui").glob("*.ui")))
def test_every_button_of_a_button_box_has_its_role(name: str, qtbot: Any) -> None:
    """A button a form puts into a QDialogButtonBox without a known dialogRole would float
    unmanaged, its clicks emitting none of the box's signals."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialogButtonBox, QPushButton

    from govopen_desktop.qt.app import make_app
    from govopen_desktop.qt.dialog_buttons import seat_buttons
    from govopen_desktop.qt.forms import load_form

    make_app()
    form = load_form(name)
    qtbot.addWidget(form)
    for box in form.findChildren(QDialogButtonBox):
        own = box.findChildren(QPushButton, options=Qt.FindChildOption.FindDirectChildrenOnly)
        seat_buttons(box)
        assert set(own) <= set(box.buttons()) and box.buttons(), box.objectName()
        assert all(box.buttonRole(b) != QDialogButtonBox.ButtonRole.InvalidRole for b in box.buttons())


def test_a_button_with_an_unknown_role_is_a_form_error(qtbot: Any) -> None:
    from PySide6.QtWidgets import QDialogButtonBox, QPushButton

    from govopen_desktop.qt.app import make_app
    from govopen_desktop.qt.dialog_buttons import ROLE_PROPERTY, seat_buttons
    from govopen_desktop.qt.forms import FormError

    make_app()
    box = QDialogButtonBox()
    qtbot.addWidget(box)
    QPushButton("关闭", box).setProperty(ROLE_PROPERTY, "CloseRole")  # Qt has no such role
    with pytest.raises(FormError, match="CloseRole"):
        seat_buttons(box)


def test_the_window_starts_without_the_dialogs_forms(qtbot: Any, window: Any) -> None:
    from PySide6.QtWidgets import QWidget

    def built() -> set[str]:  # what the window made (its dialogs are its children too)
        return {w.objectName() for w in window.findChildren(QWidget)}

    dialogs = set(root_names().values()) - STARTUP_FORMS
    assert len(dialogs) >= 10
    assert not built() & dialogs
    window.edit_features.find_replace()  # opening a dialog loads its form
    assert "findReplaceForm" in built()


def test_the_packaged_program_ships_the_forms() -> None:
    """packaging/govopen.spec copies ui/ beside the program, where paths.ui_dir() looks."""
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    analysis = next(n for n in ast.walk(tree) if isinstance(n, ast.Call) and getattr(n.func, "id", "") == "Analysis")
    datas = next(k.value for k in analysis.keywords if k.arg == "datas")
    assert isinstance(datas, ast.List)
    shipped = {ast.unparse(pair.elts[0]): pair.elts[1].value for pair in datas.elts
               if isinstance(pair, ast.Tuple) and isinstance(pair.elts[1], ast.Constant)}
    assert shipped.get('str(ROOT / \'ui\')') == "ui", shipped


def test_the_objectnames_tests_and_code_rely_on() -> None:
    text = {p.stem: p.read_text(encoding="utf-8") for p in ui_dir().glob("*.ui")}
    for name in ("newAgency", "agencyProblem", "priorNote", "priorPath"):
        assert f'name="{name}"' in text["new_report"]
    for name in ("pageTitle", "agencyEdit", "yearEdit", "dateEdit", "formatLabel", "titlePreview", "priorLabel"):
        assert f'name="{name}"' in text["cover"]


@pytest.mark.parametrize("name", ["cover"])
def test_the_compiled_start_up_form_is_what_its_ui_file_compiles_to(name: str) -> None:
    """qt/ui_<name>.py is pyside6-uic's output for ui/<name>.ui (`make forms` writes it)."""
    from govopen_desktop.qt.forms import COMPILED, compiled_source

    assert name in COMPILED
    module = QT_CODE / f"ui_{name}.py"
    assert module.read_text(encoding="utf-8") == compiled_source(name), f"run `make forms`: {module} is stale"


def _tree(widget: Any) -> list[tuple[str, str, str]]:
    from PySide6.QtWidgets import QLabel, QWidget

    return [(type(w).__name__, w.objectName(), w.text() if isinstance(w, QLabel) else "")
            for w in widget.findChildren(QWidget)]


def test_the_compiled_form_builds_what_quiloader_builds(qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from govopen_desktop.qt import forms
    from govopen_desktop.qt.app import make_app

    make_app()
    compiled = forms.load_form("cover")
    qtbot.addWidget(compiled)
    assert forms._compiled("cover", ui_dir() / "cover.ui") is not None
    monkeypatch.setattr(forms, "COMPILED", ())
    loaded = forms.load_form("cover")
    qtbot.addWidget(loaded)
    assert type(compiled) is type(loaded) and compiled.objectName() == loaded.objectName()
    assert _tree(compiled) == _tree(loaded) and len(_tree(loaded)) > 10
    compiled.resize(800, 500)
    loaded.resize(800, 500)
    assert compiled.grab().toImage() == loaded.grab().toImage()


def test_an_edited_ui_file_loads_as_drawn_not_as_compiled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          qtbot: Any) -> None:
    from govopen_desktop.qt.app import make_app
    from govopen_desktop.qt.forms import load_form

    make_app()
    (tmp_path / "ui").mkdir()
    edited = (ui_dir() / "cover.ui").read_text(encoding="utf-8").replace('name="pageTitle"', 'name="coverTitle"')
    (tmp_path / "ui" / "cover.ui").write_text(edited, encoding="utf-8")
    monkeypatch.setenv("GOVOPEN_ROOT", str(tmp_path))
    form = load_form("cover")
    qtbot.addWidget(form)
    names = {name for _kind, name, _text in _tree(form)}
    assert "coverTitle" in names and "pageTitle" not in names


def test_a_missing_form_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: Any) -> None:
    from govopen_desktop.qt.app import make_app
    from govopen_desktop.qt.forms import FormError, load_form

    make_app()
    monkeypatch.setenv("GOVOPEN_ROOT", str(tmp_path))
    with pytest.raises(FormError, match="界面文件缺失"):
        load_form("cover")
    (tmp_path / "ui").mkdir()
    (tmp_path / "ui" / "cover.ui").write_text("<ui version='4.0'><widget class='QWidget'", encoding="utf-8")
    with pytest.raises(FormError, match="界面文件有误"):
        load_form("cover")


def test_the_new_report_dialog_on_its_form(qtbot: Any) -> None:
    from govopen_desktop.domain.formats import selectable_years
    from govopen_desktop.qt.app import make_app
    from govopen_desktop.qt.dialogs import NewReportDialog

    make_app()
    dialog = NewReportDialog(None, "青山市自然资源和规划局", lambda: None)
    qtbot.addWidget(dialog)
    assert dialog.agency.text() == "青山市自然资源和规划局"
    assert (dialog.year.minimum(), dialog.year.maximum()) == selectable_years()
    assert not dialog.prior_path.isEnabled() and not dialog.browse.isEnabled()
    dialog.from_prior.setChecked(True)
    assert dialog.prior_path.isEnabled() and dialog.browse.isEnabled()
    dialog.year.setValue(2020)
    assert "〔2019〕60号" in dialog.format_label.text()
    dialog.agency.setText("")
    assert dialog.missing() == "prior"  # the prior file is asked for first
    dialog.from_prior.setChecked(False)
    assert dialog.missing() == "agency" and dialog.agency_problem.text() == "请填写机关名称"
    dialog.agency.setText("某局")
    request = dialog.request()
    assert (request.agency, request.year, request.skeleton, request.prior_path) == ("某局", 2020, True, None)
