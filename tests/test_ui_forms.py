"""Every Qt Designer form in ui/ loads, has the widgets the code looks up by objectName, and
the dialogs built on them work; a missing form is a clear error, not a crash deep in Qt."""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

import pytest

from govopen_desktop.paths import ui_dir

REPO = Path(__file__).resolve().parent.parent
LOAD_FORM = r"""load_form\(['"](\w+)['"]"""


def forms_used_in_code() -> dict[str, set[tuple[str, str]]]:
    """form name -> {(widget class, objectName)} from every load_form/child call in qt/."""
    used: dict[str, set[tuple[str, str]]] = {}
    for path in (REPO / "govopen_desktop" / "qt").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        for node in ast.walk(ast.parse(source)):
            found = re.search(LOAD_FORM, ast.unparse(node)) if isinstance(node, ast.FunctionDef) else None
            if found is None:
                continue
            name = found.group(1)
            for call in ast.walk(node):
                if isinstance(call, ast.Call) and getattr(call.func, "id", "") == "child":
                    kind, widget = call.args[1], call.args[2]
                    assert isinstance(kind, ast.Name) and isinstance(widget, ast.Constant)
                    used.setdefault(name, set()).add((kind.id, widget.value))
    return used


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


def test_the_objectnames_tests_and_code_rely_on() -> None:
    text = {p.stem: p.read_text(encoding="utf-8") for p in ui_dir().glob("*.ui")}
    for name in ("newAgency", "agencyProblem", "priorNote", "priorPath"):
        assert f'name="{name}"' in text["new_report"]
    for name in ("pageTitle", "agencyEdit", "yearEdit", "dateEdit", "formatLabel", "titlePreview", "priorLabel"):
        assert f'name="{name}"' in text["cover"]


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
