"""Table 3's header rows stay in view while its body scrolls (冻结窗格), and a jump to a cell
never leaves it under the header."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication


def scrolled_t3(window: Any) -> Any:
    window.resize(QSize(1100, 560))  # small: table 3 needs its scroll bar
    page = window.show_section("t3")
    QApplication.processEvents()
    view = page.view
    assert view.verticalScrollBar().maximum() > 0
    return page


def test_header_rows_stay_visible_while_scrolling(qtbot: Any, window: Any) -> None:
    page = scrolled_t3(window)
    view, frozen = page.view, page.view.frozen
    rows = page.model.table.header_rows
    assert rows == 3 and frozen.isVisible()
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    QApplication.processEvents()
    assert frozen.geometry().top() == view.viewport().geometry().top()
    assert frozen.height() == sum(view.rowHeight(r) for r in range(rows))
    # what the frozen rows show is the form's header: 申请人情况 / 自然人 …
    texts = {frozen.indexAt(frozen.visualRect(page.model.index(r, c)).center()).data()
             for r in range(rows) for c in range(page.model.columnCount())}
    assert {"申请人情况", "自然人", "总计"} <= texts
    assert all(frozen.isRowHidden(r) for r in range(rows, page.model.rowCount()))
    assert [frozen.columnWidth(c) for c in range(page.model.columnCount())] == \
        [view.columnWidth(c) for c in range(page.model.columnCount())]


def test_a_jump_to_a_finding_leaves_the_header_whole(qtbot: Any, window: Any) -> None:
    page = scrolled_t3(window)
    view, frozen = page.view, page.view.frozen
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    QApplication.processEvents()
    # the first body row, scrolled away under the header: jumping to it shows it below the header
    key = "t3.new.natural"
    assert view.go_to_key(key)
    QApplication.processEvents()
    rect = view.visualRect(page.model.index_of(key))
    assert rect.top() >= frozen.height() and rect.bottom() <= view.viewport().height()
    # a finding on a body row, through the window's jump, after scrolling to the top
    view.verticalScrollBar().setValue(0)
    window.go_to_finding(_finding("t3.carried_out.natural"))
    QApplication.processEvents()
    rect = view.visualRect(page.model.index_of("t3.carried_out.natural"))
    assert rect.top() >= frozen.height() and rect.bottom() <= view.viewport().height()


def test_arrow_keys_up_the_body_do_not_hide_under_the_header(qtbot: Any, window: Any) -> None:


    page = scrolled_t3(window)
    view, frozen, model = page.view, page.view.frozen, page.model
    view.setFocus()
    view.go_to_key("t3.carried_out.natural")
    QApplication.processEvents()
    target = model.index_of("t3.new.natural")
    for _ in range(40):
        if view.currentIndex().row() <= target.row():
            break
        qtbot.keyClick(view, Qt.Key.Key_Up)
    QApplication.processEvents()
    assert view.currentIndex() == model.index_of("t3.new.natural")
    assert view.visualRect(view.currentIndex()).top() >= frozen.height()


def _finding(key: str) -> Any:
    from govopen_desktop.domain.findings import Finding, Level

    return Finding("T3-BAL", Level.ERROR, "test", (key,), "t3")


def test_the_wheel_over_the_header_scrolls_the_grid(qtbot: Any, window: Any) -> None:
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent

    page = scrolled_t3(window)
    view, frozen = page.view, page.view.frozen
    bar = view.verticalScrollBar()
    assert bar.value() == 0
    centre = QPointF(frozen.rect().center())
    event = QWheelEvent(centre, QPointF(frozen.mapToGlobal(centre.toPoint())), QPoint(0, 0), QPoint(0, -240),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(frozen.viewport(), event)  # where a real wheel event arrives
    assert bar.value() > 0
