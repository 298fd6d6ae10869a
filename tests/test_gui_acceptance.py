# ruff: noqa: F811  (pytest fixtures imported from tests/gui_helpers.py are used as arguments)
"""说明 through the real window: accept a warning with a note from the findings panel, see it
as 已说明, undo it, save, reopen, check from the CLI and export the 审核说明."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from govopen_desktop.cli.main import main
from govopen_desktop.domain.findings import Level
from govopen_desktop.io.project import load_report
from tests.gui_helpers import FakePrompter, gui_env, make_window, prompter  # noqa: F401
from tests.test_acceptance import NOTE, report_with_warning


def _item_of(window: Any, rule: str) -> Any:
    return next(i for i in window.findings_panel.items() if i.data(0, Qt.ItemDataRole.UserRole + 1).rule == rule)


def test_accept_in_the_panel_save_reopen_check_and_export(qtbot: Any, gui_env: Path, prompter: FakePrompter,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    window = make_window(qtbot, gui_env, prompter, report_with_warning())
    panel = window.findings_panel
    warnings_before = window.counts_label.text()
    item = _item_of(window, "T3-BLANK")
    panel.tree.setCurrentItem(item)
    assert panel.accept_button.isEnabled() and panel.accept_button.text() == "说明…"
    prompter.note_answer = NOTE
    qtbot.mouseClick(panel.accept_button, Qt.MouseButton.LeftButton)

    accepted = [f for f in window.document.findings if f.accepted]
    assert [(f.rule, f.accepted) for f in accepted] == [("T3-BLANK", NOTE)]
    item = _item_of(window, "T3-BLANK")
    assert item.text(0).startswith("【已说明】") and NOTE in item.text(0)
    assert item.parent().text(0) == "已说明（1）"
    assert "已说明 1 个" in window.counts_label.text() and window.counts_label.text() != warnings_before
    assert window.isWindowModified()

    window.act_undo.trigger()  # one undo step withdraws it
    assert not any(f.accepted for f in window.document.findings)
    window.act_redo.trigger()
    assert any(f.accepted == NOTE for f in window.document.findings)

    target = gui_env / "年报.govopen"
    prompter.save_path = target
    window.act_save.trigger()
    assert json.loads(target.read_text(encoding="utf-8"))["accepted"] == {"T3-BLANK|t3.new.research": NOTE}

    reopened = make_window(qtbot, gui_env, prompter, load_report(target), target)
    assert [f.accepted for f in reopened.document.findings if f.accepted] == [NOTE]
    assert _item_of(reopened, "T3-BLANK").parent().text(0) == "已说明（1）"

    capsys.readouterr()
    main(["check", str(target)])
    assert f"说明：{NOTE}" in capsys.readouterr().out

    import docx

    notes = gui_env / "审核说明.docx"
    prompter.save_path = notes
    prompter.choice_answer = 2
    reopened.act_export_review.trigger()
    assert not prompter.errors, prompter.errors
    rows = [[c.text for c in r.cells] for r in docx.Document(str(notes)).tables[0].rows]
    assert rows[1][3] == NOTE
    assert any("[打开文档|打开文件夹|关闭]" in text for kind, text in prompter.asked if kind == "choice")

    _withdraw(reopened, qtbot)
    assert not any(f.accepted for f in reopened.document.findings)
    for win in (window, reopened):
        win.document.undo_stack.setClean()


def _withdraw(window: Any, qtbot: Any) -> None:
    panel = window.findings_panel
    panel.tree.setCurrentItem(_item_of(window, "T3-BLANK"))
    assert panel.withdraw_button.isVisible() and panel.accept_button.text() == "修改说明…"
    qtbot.mouseClick(panel.withdraw_button, Qt.MouseButton.LeftButton)


def test_errors_cannot_be_accepted_and_the_panel_says_why(qtbot: Any, gui_env: Path, prompter: FakePrompter) -> None:
    report = report_with_warning()
    report.set_values({"t3.results_total.natural": 999}, force=True)
    window = make_window(qtbot, gui_env, prompter, report)
    panel = window.findings_panel
    error_item = next(i for i in panel.items() if i.data(0, Qt.ItemDataRole.UserRole + 1).level == Level.ERROR)
    panel.tree.setCurrentItem(error_item)
    assert not panel.accept_button.isEnabled()
    assert "错误不能说明" in panel.accept_button.toolTip()
    rect = panel.tree.visualItemRect(error_item)
    panel._show_context_menu(rect.center())
    menu = panel.tree_context_menu
    accept = next(a for a in menu.actions() if a.text().startswith("说明…"))
    assert not accept.isEnabled() and "错误不能说明" in accept.text()
    menu.close()
    prompter.note_answer = "不该被接受"
    error = error_item.data(0, Qt.ItemDataRole.UserRole + 1)
    assert not window.acceptance.accept(error)  # even when asked directly
    assert ("note", error.message) not in prompter.asked
    assert not window.document.report.acceptances
    window.document.undo_stack.setClean()


def test_cancelling_the_note_dialog_changes_nothing(qtbot: Any, gui_env: Path, prompter: FakePrompter) -> None:
    window = make_window(qtbot, gui_env, prompter, report_with_warning())
    window.findings_panel.tree.setCurrentItem(_item_of(window, "T3-BLANK"))
    prompter.note_answer = None
    window.findings_panel.accept_button.click()
    assert ("note", _item_of(window, "T3-BLANK").data(0, Qt.ItemDataRole.UserRole + 1).message) in prompter.asked
    assert not window.document.report.acceptances and window.document.undo_stack.count() == 0


def test_the_note_dialog_needs_a_note(qtbot: Any, gui_env: Path, prompter: FakePrompter) -> None:
    from govopen_desktop.qt.note_dialog import NoteDialog

    window = make_window(qtbot, gui_env, prompter, report_with_warning())
    finding = next(f for f in window.document.findings if f.rule == "T3-BLANK")
    dialog = NoteDialog(window, finding)
    qtbot.addWidget(dialog)
    assert not dialog.ok.isEnabled()
    qtbot.keyClicks(dialog.editor, "  ")
    assert not dialog.ok.isEnabled()
    dialog.editor.setPlainText(NOTE)
    assert dialog.ok.isEnabled() and dialog.note() == NOTE
    window.document.undo_stack.setClean()
