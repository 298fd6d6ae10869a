"""A text finding (T3-TEXT, T4-TEXT) goes to its sentence in the text section and marks it."""

from __future__ import annotations

from typing import Any

from govopen_desktop.qt.findings_panel import FINDING_ROLE
from govopen_desktop.qt.text_editors import TextSectionEditor

CLAIM = "全年共收到政府信息公开申请 99 件，均已按时答复。"


def _item_of(window: Any, rule: str) -> Any:
    return next(i for i in window.findings_panel.items() if i.data(0, FINDING_ROLE).rule == rule)


def test_a_text_finding_selects_its_sentence(qtbot: Any, window: Any) -> None:
    report = window.document.report
    overview = report.text["overview"]
    window.show_section("overview").editor.setPlainText(overview + "\n" + CLAIM + "本年度未发生行政复议案件。")
    item = _item_of(window, "T3-TEXT")
    finding = item.data(0, FINDING_ROLE)
    assert finding.cells  # it names the table cell too, but the sentence is what to fix
    window.findings_panel.tree.setCurrentItem(item)
    window.findings_panel.tree.itemDoubleClicked.emit(item, 0)
    page = window.stack.currentWidget()
    assert isinstance(page, TextSectionEditor) and page.key == "overview"
    assert page.editor.textCursor().selectedText() == CLAIM
    assert [m.cursor.selectedText() for m in page.editor.extraSelections()] == [CLAIM]
    assert window.navigator.currentItem().text().startswith("一、总体情况")
    # T4-TEXT: the other sentence
    window.go_to_finding(_item_of(window, "T4-TEXT").data(0, FINDING_ROLE))
    assert page.editor.textCursor().selectedText() == "本年度未发生行政复议案件。"
    window.document.undo_stack.setClean()


def test_a_table_finding_still_goes_to_its_cell(qtbot: Any, window: Any) -> None:
    report = window.document.report
    report.set_values({"t3.carried_out.natural": report.get("t3.carried_out.natural") + 1})
    finding = next(f for f in window.document.findings if f.rule == "T3-BAL")
    window.go_to_finding(finding)
    page = window.stack.currentWidget()
    assert page.objectName() == "page_t3"
    assert page.view.currentIndex() == page.model.index_of(finding.cells[0])
    window.document.undo_stack.setClean()
