"""Starting without a file: the start page, not an empty report full of findings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from govopen_desktop.io.project import save_report
from govopen_desktop.qt.new_request import NewReportRequest
from tests.support.gui import FakePrompter, filled_report, make_window


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


def test_nothing_on_the_start_page_works_on_the_report_behind_it(qtbot: Any, gui_env: Path,
                                                                prompter: FakePrompter) -> None:
    """Found by the monkey: 填充空白为 0, 查找/替换, 导出网页/PDF and 从台账生成 were enabled on the
    start page and worked on the blank report behind it — filled it unseen (closing then asked
    to save “未命名报告”), or exported an empty report."""
    from govopen_desktop.qt.main_window import blank_report

    window = make_window(qtbot, gui_env, prompter, blank_report(), start_page=True)  # as `govopen gui` starts
    behind = window.document.report.to_dict()
    actions = window.window_actions
    for name in sorted(n for n in dir(actions) if n.startswith("act_")):
        action = getattr(actions, name)
        if action.isEnabled() and name not in ("act_quit", "act_help", "act_about", "act_batch_check",
                                               "act_combine", "act_undo", "act_redo"):
            action.trigger()  # every dialog answers "cancel" (FakePrompter's defaults)
    assert window.on_start_page
    assert window.document.report.to_dict() == behind and not window.document.is_modified
    for action in (window.act_fill_all, window.act_fill_table, window.act_find, window.act_export_html,
                   window.act_export_pdf, window.act_count_register, window.act_clear):
        assert not action.isEnabled(), action.text()
    assert not [title for kind, title in prompter.asked if kind == "save" and "导出" in title]
    prompter.new_request = NewReportRequest(agency="青山市统计局", year=2025)
    window.act_new.trigger()
    assert window.act_fill_all.isEnabled() and window.act_find.isEnabled() and window.act_export_pdf.isEnabled()
    window.document.undo_stack.setClean()


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
