# ruff: noqa: F811  (pytest fixtures imported from tests/gui_helpers.py are used as arguments)
"""Starting without a file: the start page, not an empty report full of findings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from govopen_desktop.io.project import save_report
from govopen_desktop.qt.new_request import NewReportRequest
from tests.gui_helpers import FakePrompter, filled_report, gui_env, make_window, prompter  # noqa: F401


def _start_window(qtbot: Any, gui_env: Path, prompter: FakePrompter) -> Any:
    return make_window(qtbot, gui_env, prompter, None, start_page=True)


def test_start_page_instead_of_a_blank_report_with_findings(qtbot: Any, gui_env: Path,
                                                           prompter: FakePrompter) -> None:
    window = _start_window(qtbot, gui_env, prompter)
    assert window.on_start_page and window.central_stack.currentWidget() is window.start_page
    assert not window.findings_panel.isVisible() and not window.counts_label.isVisible()
    assert not window.act_save.isEnabled() and not window.act_export_docx.isEnabled()
    assert window.act_new.isEnabled() and window.act_open.isEnabled() and window.act_help.isEnabled()
    assert window.windowTitle() == "政府信息公开工作年度报告编制工具"
    page = window.start_page
    texts = [b.text().split("\n")[0] for b in (page.new_button, page.prior_button, page.open_button)]
    assert texts == ["新建空白报告", "从上年报告开始", "打开…"]


def test_new_from_the_start_page_shows_the_report(qtbot: Any, gui_env: Path, prompter: FakePrompter) -> None:
    window = _start_window(qtbot, gui_env, prompter)
    prompter.new_request = NewReportRequest(agency="青山市统计局", year=2025)
    qtbot.mouseClick(window.start_page.new_button, Qt.MouseButton.LeftButton)
    assert not window.on_start_page and window.findings_panel.isVisible()
    assert window.document.report.meta.agency == "青山市统计局" and window.act_save.isEnabled()
    window.document.undo_stack.setClean()


def test_cancelling_new_stays_on_the_start_page(qtbot: Any, gui_env: Path, prompter: FakePrompter) -> None:
    window = _start_window(qtbot, gui_env, prompter)
    prompter.new_request = None
    window.start_page.new_button.click()
    assert window.on_start_page


def test_from_last_year_asks_for_the_file_then_the_dialog_with_it(qtbot: Any, gui_env: Path,
                                                                  prompter: FakePrompter) -> None:
    prior = gui_env / "2024年报.govopen"
    save_report(filled_report(), prior)
    window = _start_window(qtbot, gui_env, prompter)
    prompter.open_path = prior
    prompter.new_request = NewReportRequest(agency="测试区政务服务中心", year=2025, prior_path=prior)
    window.start_page.prior_button.click()
    assert ("open", "选择上年报告") in prompter.asked
    assert any(kind == "new" and text.endswith(str(prior)) for kind, text in prompter.asked)
    assert not window.on_start_page
    assert window.document.report.prior is not None and window.document.report.meta.year == 2025
    window.document.undo_stack.setClean()


def test_recent_files_are_listed_and_open_with_a_click(qtbot: Any, gui_env: Path, prompter: FakePrompter) -> None:
    path = gui_env / "去年的.govopen"
    save_report(filled_report(), path)
    first = make_window(qtbot, gui_env, prompter, None)
    assert first.files.load(path)
    first.close()
    window = _start_window(qtbot, gui_env, FakePrompter())
    recent = window.start_page.recent
    assert recent.count() == 1 and recent.item(0).text().startswith("去年的.govopen")
    rect = recent.visualItemRect(recent.item(0))
    qtbot.mouseClick(recent.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert not window.on_start_page and window.document.path in (path, path.resolve())


def test_the_start_page_offers_recovery_first(qtbot: Any, gui_env: Path, prompter: FakePrompter) -> None:
    from govopen_desktop.qt.autosave import write_recovery

    write_recovery(gui_env / "data" / "recovery" / "untitled-gone.govopen-recovery", filled_report(), None)
    window = _start_window(qtbot, gui_env, prompter)
    prompter.confirm_answer = True
    assert window.files.offer_recovery()
    assert not window.on_start_page and window.isWindowModified()
    window.document.undo_stack.setClean()


def test_the_real_dialog_opens_with_last_years_file_read(qtbot: Any, gui_env: Path,
                                                         monkeypatch: Any) -> None:
    from PySide6.QtWidgets import QDialog

    from govopen_desktop.qt import dialogs
    from govopen_desktop.qt.prompter import Prompter

    prior = gui_env / "2024年报.govopen"
    save_report(filled_report(), prior)
    seen: list[Any] = []

    def accept_at_once(dialog: Any) -> int:
        seen.append(dialog)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(dialogs.NewReportDialog, "exec", accept_at_once)
    request = Prompter(None).ask_new_report("另一个机关", prior_path=prior)
    (dialog,) = seen
    assert dialog.from_prior.isChecked() and dialog.prior_path.text() == str(prior)
    assert request is not None and request.agency == "测试区政务服务中心"  # taken from last year's report
    assert request.year == 2025 and request.prior_path == prior


def test_the_reviewing_office_starts_from_the_start_page(qtbot: Any, gui_env: Path, prompter: FakePrompter) -> None:
    from PySide6.QtWidgets import QApplication

    window = _start_window(qtbot, gui_env, prompter)
    qtbot.mouseClick(window.start_page.batch_button, Qt.MouseButton.LeftButton)
    dialogs = [w for w in QApplication.topLevelWidgets() if w.objectName() == "batchCheckDialog" and w.isVisible()]
    assert len(dialogs) == 1
    dialogs[0].close()
    qtbot.mouseClick(window.start_page.combine_button, Qt.MouseButton.LeftButton)
    combine = [w for w in QApplication.topLevelWidgets() if w.objectName() == "combineDialog" and w.isVisible()]
    assert len(combine) == 1
    combine[0].close()
