"""Where Save As and the exports propose to write, and what the window offers after an export."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from govopen_desktop.io.project import save_report
from tests.support.gui import FakePrompter, filled_report, make_window


@pytest.fixture
def elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The program runs from a folder of its own: nothing may be proposed there."""
    program = tmp_path / "程序目录"
    program.mkdir()
    monkeypatch.chdir(program)
    return program


def test_save_as_of_a_new_report_proposes_the_documents_folder(qtbot: Any, gui_env: Path, prompter: FakePrompter,
                                                               elsewhere: Path) -> None:
    from govopen_desktop.qt.settings import documents_dir

    window = make_window(qtbot, gui_env, prompter)
    prompter.save_path = None
    window.files.save_as()
    (suggested,) = prompter.suggested
    assert suggested.is_absolute() and suggested.parent == documents_dir()
    assert suggested.parent != elsewhere and suggested.name.endswith(".govopen")


def test_save_as_of_an_imported_report_proposes_the_imported_files_folder(
    qtbot: Any, gui_env: Path, prompter: FakePrompter, elsewhere: Path
) -> None:
    folder = gui_env / "各单位报送"
    folder.mkdir()
    source = folder / "报告.txt"
    save_report(filled_report(), folder / "原件.govopen")
    window = make_window(qtbot, gui_env, prompter)
    window.document.import_source = source
    window.document.imported = True
    prompter.save_path = None
    window.files.save_as()
    assert prompter.suggested[-1].parent == folder.resolve()


def test_export_proposes_the_reports_folder_and_offers_the_document(qtbot: Any, gui_env: Path,
                                                                    prompter: FakePrompter, elsewhere: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    folder = gui_env / "年报"
    folder.mkdir()
    path = folder / "年报.govopen"
    save_report(filled_report(), path)
    window = make_window(qtbot, gui_env, prompter, None)
    assert window.files.load(path)
    opened: list[str] = []
    from PySide6.QtGui import QDesktopServices

    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    prompter.save_path = folder / "年报.xlsx"
    prompter.choice_answer = 0  # 打开文档
    window.act_export_xlsx.trigger()
    assert prompter.suggested[-1].parent in (folder, folder.resolve())
    assert opened == [str(folder / "年报.xlsx")]
    prompter.save_path = folder / "年报.docx"
    prompter.choice_answer = 1  # 打开文件夹
    window.act_export_docx.trigger()
    assert opened[-1] == str(folder)
    assert os.getcwd() == str(elsewhere)


def test_excel_export_is_on_the_toolbar_next_to_word(qtbot: Any, gui_env: Path, prompter: FakePrompter) -> None:
    from PySide6.QtWidgets import QToolBar

    window = make_window(qtbot, gui_env, prompter)
    toolbar = window.findChild(QToolBar, "mainToolbar")
    actions = toolbar.actions()
    i = actions.index(window.act_export_docx)
    assert actions[i + 1] is window.act_export_xlsx
