"""表下说明 in the window: a box under the grid of each table page (label from the program, hint
from the format file), typed, undone and redone on the report's stack, marking the window
modified, saved and reopened, autosaved, found and replaced, pointed at by a finding, and —
started from last year's report — last year's note beside it, copied with its years moved."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from govopen_desktop.io.project import load_report
from govopen_desktop.qt.autosave import read_recovery
from govopen_desktop.qt.findings_panel import FINDING_ROLE
from govopen_desktop.qt.pages import TablePage
from govopen_desktop.qt.text_editors import NOTE_LABEL, TextSectionEditor
from tests.support.gui import FakePrompter, make_window

NOTE = "note.t4"


def _page(window: Any, table_id: str) -> TablePage:
    page = window.show_section(table_id)
    assert isinstance(page, TablePage)
    return page


def test_each_table_page_has_its_note_box_under_the_grid(window: Any) -> None:
    fmt = window.document.report.format
    for table in fmt.tables:
        page = _page(window, table.id)
        box = page.note
        assert isinstance(box, TextSectionEditor) and box.key == f"note.{table.id}"
        assert box.heading.text() == NOTE_LABEL
        section = fmt.section(table.id)
        assert section is not None and box.editor.placeholderText() == section.note_hint
        layout = page.layout()
        assert layout.indexOf(box) == layout.indexOf(page.view) + 1  # right under the grid
        assert box.editor.height() < page.view.height() or table.id == "t4"  # the grid keeps the page


def test_type_undo_redo_save_and_reopen(qtbot: Any, window: Any, prompter: FakePrompter, gui_env: Path) -> None:
    report = window.document.report
    editor = _page(window, "t4").note.editor  # type: ignore[union-attr]
    editor.setFocus()
    qtbot.keyClicks(editor, "abc")  # QTest types ASCII only
    assert report.text[NOTE] == "abc" and window.isWindowModified()
    assert window.document.undo_stack.undoText() == "编辑“四、政府信息公开行政复议、行政诉讼情况（表下说明）”"
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not report.text[NOTE] and editor.toPlainText() == ""
    qtbot.keyClick(editor, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert report.text[NOTE] == "abc" and editor.toPlainText() == "abc"
    written = "2024年，本机关未发生行政复议、行政诉讼案件。"
    editor.setPlainText(written)
    target = gui_env / "表下说明.govopen"
    prompter.save_path = target
    window.act_save.trigger()
    assert not window.isWindowModified() and load_report(target).text[NOTE] == written
    again = make_window(qtbot, gui_env / "again", prompter, load_report(target), target)
    assert _page(again, "t4").note.editor.toPlainText() == written  # type: ignore[union-attr]
    again.document.undo_stack.setClean()


def test_the_note_is_autosaved(qtbot: Any, gui_env: Path, prompter: FakePrompter) -> None:
    window = make_window(qtbot, gui_env, prompter, autosave_ms=50)
    recovery = window.autosaver.recovery_file
    _page(window, "t3").note.editor.setPlainText("注：本年度无上年结转的申请。")  # type: ignore[union-attr]
    qtbot.waitUntil(recovery.exists, timeout=3000)
    recovered = read_recovery(recovery)
    assert recovered is not None and recovered.report.text["note.t3"] == "注：本年度无上年结转的申请。"
    window.document.undo_stack.setClean()


def test_a_finding_on_the_note_points_at_it(qtbot: Any, window: Any) -> None:
    report = window.document.report
    assert any(report.cells.get(k) for k in ("t4.review.upheld", "t4.review.total"))  # the sample has cases
    box = _page(window, "t4").note
    assert box is not None
    box.editor.setPlainText("本年度，我单位未出现申请行政复议的情况。")
    finding = next(f for f in window.document.findings if f.rule == "T4-TEXT")
    assert finding.section == NOTE and "表下说明" in finding.message
    window.show_section("overview")
    item = next(i for i in window.findings_panel.items() if i.data(0, FINDING_ROLE).rule == "T4-TEXT")
    window.findings_panel.tree.setCurrentItem(item)
    window.findings_panel.tree.itemDoubleClicked.emit(item, 0)
    assert window.stack.currentWidget() is _page(window, "t4")
    selected = box.editor.textCursor().selectedText()
    assert selected and selected in "本年度，我单位未出现申请行政复议的情况。"  # its sentence selected
    assert window.navigator.currentItem().text().startswith("四、")
    window.document.undo_stack.setClean()


def test_find_and_replace_reach_the_note(qtbot: Any, window: Any) -> None:
    report = window.document.report
    box = _page(window, "t2").note
    assert box is not None
    box.editor.setPlainText("注：金额单位为待填。")
    window.show_section("overview")
    dialog = window.edit_features.find_replace()
    dialog.find_edit.setText("待填")
    match = dialog.find_next()
    assert match is not None and match.page == "note.t2" and "表下说明" in dialog.status.text()
    assert window.stack.currentWidget() is _page(window, "t2")
    dialog.replace_edit.setText("万元")
    qtbot.mouseClick(dialog.replace_button, Qt.MouseButton.LeftButton)
    assert report.text["note.t2"] == "注：金额单位为万元。"
    window.document.undo_stack.undo()
    assert report.text["note.t2"] == "注：金额单位为待填。"
    dialog.close()
    window.document.undo_stack.setClean()


def test_started_from_last_year_its_note_is_beside_and_copies_with_the_year_moved(
        qtbot: Any, gui_env: Path, prompter: FakePrompter) -> None:
    from govopen_desktop.domain.report import Report
    from govopen_desktop.io.project import save_report
    from govopen_desktop.qt.new_request import NewReportRequest
    from tests.support.gui import filled_report

    last_year = filled_report()
    last_year.text[NOTE] = "2024年，本机关未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。"
    source = gui_env / "上年.govopen"
    save_report(last_year, source)
    window = make_window(qtbot, gui_env, prompter, Report.new("测试区政务服务中心", 2025))
    prompter.new_request = NewReportRequest("测试区政务服务中心", 2025, prior_path=source)
    window.act_new.trigger()
    box = _page(window, "t4").note
    assert box is not None and box.editor.toPlainText() == ""  # last year's words never slip in unread
    panel = box.prior_panel
    assert panel is not None and panel.isVisible() and panel.viewer.toPlainText() == last_year.text[NOTE]
    qtbot.mouseClick(panel.copy_button, Qt.MouseButton.LeftButton)
    assert window.document.report.text[NOTE] == (
        "2025年，本机关未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。")
    assert not [f for f in window.document.findings if f.section == NOTE and f.rule == "R-LAST-YEAR-TEXT"]
    window.document.undo_stack.setClean()


def _lines_high(editor: Any) -> float:
    """The box's height in lines of its text (its frame, padding and margins taken off)."""
    margins = editor.contentsMargins()
    chrome = 2 * editor.document().documentMargin() + margins.top() + margins.bottom()
    return (editor.height() - chrome) / editor.fontMetrics().lineSpacing()


def test_the_note_box_is_as_high_as_its_text_from_one_line_to_four(qtbot: Any, window: Any) -> None:
    """On a 768-pixel screen the grid needs the page: an empty note is one line high; the box
    grows as lines are written (also by undo and by a report loaded), to four, then scrolls."""
    page = _page(window, "t3")
    editor = page.note.editor  # type: ignore[union-attr]
    assert editor.toPlainText() == "" and round(_lines_high(editor), 2) == 1
    one_line = editor.height()
    editor.setPlainText("注：第一行。\n第二行。\n第三行。")
    qtbot.waitUntil(lambda: round(_lines_high(editor), 2) == 3)
    assert editor.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    editor.setPlainText("\n".join(f"第{n}行。" for n in range(1, 10)))
    qtbot.waitUntil(lambda: round(_lines_high(editor), 2) == 4)
    assert editor.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAsNeeded
    assert window.document.report.text["note.t3"].count("\n") == 8  # the text is whole, only scrolled
    window.document.undo_stack.undo()
    window.document.undo_stack.undo()
    qtbot.waitUntil(lambda: editor.height() == one_line)
    long_line = "注：" + "本年度无上年结转的申请，" * 30  # one paragraph that wraps
    editor.setPlainText(long_line)
    qtbot.waitUntil(lambda: round(_lines_high(editor), 2) >= 2)


def test_the_findings_splitter_is_where_it_was_left(qtbot: Any, gui_env: Path, prompter: FakePrompter) -> None:
    first = make_window(qtbot, gui_env, prompter)
    sizes = first.split.sizes()
    first.split.setSizes([sum(sizes) - 200, 200])  # the findings list dragged taller
    dragged = first.split.sizes()
    assert dragged != sizes
    first.document.undo_stack.setClean()
    first.close()
    again = make_window(qtbot, gui_env, prompter)
    assert again.split.sizes() == dragged
    again.document.undo_stack.setClean()
