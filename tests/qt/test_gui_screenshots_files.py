"""Screenshots of the start page and of a warning with its 说明, for docs/ (see
tests/qt/test_gui_screenshots.py: GOVOPEN_UPDATE_DOCS=1 writes them into docs/)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSize, Qt

from govopen_desktop.io.project import load_report, save_report
from govopen_desktop.qt.main_window import DEFAULT_SIZE
from tests.support.gui import FakePrompter, make_window
from tests.support.paths import SAMPLE
from tests.support.screenshots import shoot

pytestmark = [pytest.mark.screenshot]
SIZES = {"": DEFAULT_SIZE, "-1366": QSize(1366 - 26, 768 - 48), "-1920": QSize(1920 - 26, 1080 - 48)}


def _shoot_at(window: Any, out: Path, size: QSize) -> None:
    from PySide6.QtWidgets import QApplication

    window.resize(size)
    for _ in range(3):
        QApplication.processEvents()
    assert window.grab().save(str(out))


def test_screenshot_of_the_start_page(qtbot: Any, gui_env: Path, prompter: FakePrompter, out_dir: Path,
                                      tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(gui_env))  # the list names folders under home as ~/…
    folder = gui_env / "文档" / "年度报告"
    folder.mkdir(parents=True)
    first = make_window(qtbot, gui_env, prompter, None)
    for name in ("青山市统计局2024年政府信息公开工作年度报告", "青山市自然资源和规划局2024年政府信息公开工作年度报告"):
        save_report(load_report(SAMPLE), folder / f"{name}.govopen")
        first.settings.add_recent_file(folder / f"{name}.govopen")
    window = make_window(qtbot, gui_env, FakePrompter(), None, start_page=True)
    assert window.start_page.recent.count() == 2
    assert window.start_page.recent.item(0).text().endswith("\n~/文档/年度报告")
    for suffix, size in SIZES.items():
        if suffix:
            _shoot_at(window, tmp_path / f"screenshot-start{suffix}.png", size)
    shoot(window, out_dir / "screenshot-start.png")


def test_screenshot_of_a_warning_with_its_note(qtbot: Any, gui_env: Path, prompter: FakePrompter, out_dir: Path,
                                               tmp_path: Path) -> None:
    report = load_report(SAMPLE)
    report.set_values({"t3.new.research": None})
    report.set_acceptance("T3-BLANK|t3.new.research", "本年科研机构的申请均按自然人登记，此格确无数字，故留空说明。")
    window = make_window(qtbot, gui_env, prompter, report, SAMPLE)
    window.show_section("t3")
    panel = window.findings_panel
    item = next(i for i in panel.items() if i.data(0, Qt.ItemDataRole.UserRole + 1).accepted)
    panel.tree.setCurrentItem(item)
    window.go_to_finding(item.data(0, Qt.ItemDataRole.UserRole + 1))
    for suffix, size in SIZES.items():
        if suffix:
            _shoot_at(window, tmp_path / f"screenshot-accepted{suffix}.png", size)
    shoot(window, out_dir / "screenshot-accepted.png")
    window.document.undo_stack.setClean()
