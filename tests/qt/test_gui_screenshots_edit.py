"""Screenshots of the editing features for docs/gui.md: last year's text beside the editor and a
refused value's balloon at its cell. Written to tmp_path unless GOVOPEN_UPDATE_DOCS=1."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication

from govopen_desktop.domain.report import Report
from govopen_desktop.qt.main_window import DEFAULT_SIZE
from tests.support.gui import FakePrompter, make_window
from tests.support.paths import SAMPLE
from tests.support.screenshots import screenshot_dir

pytestmark = [pytest.mark.screenshot]
SIZES = {"": DEFAULT_SIZE, "-1920": QSize(1920, 1080)}


@pytest.fixture
def out_dir(tmp_path: Path, request: pytest.FixtureRequest, qapp: Any) -> Path:
    # docs/ keeps the default size; the 1920×1080 look is checked, not published
    large = request.node.callspec.params.get("suffix")
    return tmp_path if large else screenshot_dir(tmp_path)


def _shoot(window: Any, out: Path, size: QSize) -> None:
    window.resize(size)
    for _ in range(3):
        QApplication.processEvents()
    assert window.grab().save(str(out))


@pytest.mark.skipif(not SAMPLE.exists(), reason="the shipped sample report is missing")
@pytest.mark.parametrize("suffix", list(SIZES))
def test_screenshot_of_last_years_text_beside_the_editor(qtbot: Any, gui_env: Path, prompter: FakePrompter,
                                                         out_dir: Path, suffix: str) -> None:
    from govopen_desktop.io.project import load_report

    last_year = load_report(SAMPLE)
    report = Report.new(last_year.meta.agency, last_year.meta.year + 1)
    report.set_prior(last_year)
    window = make_window(qtbot, gui_env, prompter, report)
    page = window.show_section("overview")
    panel = page.prior_panel
    assert panel is not None and panel.viewer.toPlainText()
    cursor = panel.viewer.textCursor()
    cursor.setPosition(0)
    panel.viewer.setTextCursor(cursor)
    panel.copy_current()
    assert page.editor.extraSelections()
    _shoot(window, out_dir / f"screenshot-prior-text{suffix}.png", SIZES[suffix])
    window.document.undo_stack.setClean()


@pytest.mark.parametrize("suffix", list(SIZES))
def test_screenshot_of_a_refused_value(qtbot: Any, gui_env: Path, prompter: FakePrompter, out_dir: Path,
                                       suffix: str) -> None:
    from tests.support.gui import sample_report

    window = make_window(qtbot, gui_env, prompter, sample_report(), SAMPLE)
    window.resize(SIZES[suffix])
    page = window.show_section("t3")
    view, model = page.view, page.model
    index = model.index_of("t3.new.commercial")
    view.setFocus()
    view.setCurrentIndex(index)
    qtbot.keyClicks(view, "1")
    qtbot.waitUntil(lambda: view.state() == view.State.EditingState)
    editor = QApplication.focusWidget()
    qtbot.keyClicks(editor, ".5")
    qtbot.keyClick(editor, Qt.Key.Key_Right)
    assert view.balloon.isVisible()
    _shoot(window, out_dir / f"screenshot-refused{suffix}.png", SIZES[suffix])
    assert view.balloon.isVisible()
    window.document.undo_stack.setClean()
