"""Start-up as `govopen gui FILE` does it: the window paints first and checks its report once,
after that paint; the counts in the status bar change colour without a style sheet."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject

from govopen_desktop.domain.findings import Level
from tests.support.gui import FakePrompter
from tests.support.paths import SAMPLE

pytestmark = pytest.mark.skipif(not SAMPLE.exists(), reason="the shipped sample report is missing")


class PaintLog(QObject):
    def __init__(self, events: list[str]) -> None:
        super().__init__()
        self.events = events

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and "paint" not in self.events:
            self.events.append("paint")
        return False


def test_one_check_after_the_first_paint(qtbot: Any, gui_env: Path, prompter: FakePrompter,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from govopen_desktop.domain import checks
    from govopen_desktop.qt.app import make_app, show_then_check
    from govopen_desktop.qt.main_window import MainWindow
    from govopen_desktop.qt.settings import Settings

    events: list[str] = []
    real_check = checks.check
    monkeypatch.setattr(checks, "check",
                        lambda report, **kw: events.append("check") or real_check(report, **kw))
    make_app()
    settings = Settings(gui_env / "data" / "settings.ini")
    window = MainWindow(settings=settings, prompter=prompter,  # type: ignore[arg-type]
                        recovery_file=gui_env / "data" / "recovery", defer_check=True)
    qtbot.addWidget(window)
    assert window.files.load(SAMPLE)
    assert events == [] and window.document.findings == []  # neither the blank report nor the file yet
    assert window.counts_label.text() == "正在检查…"
    painted = PaintLog(events)
    window.installEventFilter(painted)
    show_then_check(window)
    qtbot.waitUntil(lambda: "check" in events)
    assert events == ["paint", "check"]  # once, after the window painted
    findings = window.document.findings
    assert findings and window.findings_panel.findings() == findings
    assert window.counts_label.text() != "正在检查…"
    qtbot.wait(50)
    assert events == ["paint", "check"]
    window.document.undo_stack.setClean()


def test_a_screenshot_of_a_file_that_cannot_be_opened(tmp_path: Path, gui_env: Path) -> None:
    from govopen_desktop.qt.app import run_gui

    bad = tmp_path / "bad.govopen"
    bad.write_text("{", encoding="utf-8")
    assert run_gui(bad, tmp_path / "shot.png") == 2
    assert not (tmp_path / "shot.png").exists()


def test_the_screenshot_path_checks_before_grabbing(tmp_path: Path, gui_env: Path) -> None:
    from govopen_desktop.qt.app import run_gui

    out = tmp_path / "shot.png"
    assert run_gui(SAMPLE, out, "t3") == 0
    assert out.stat().st_size > 10_000


def test_counts_colour_without_a_style_sheet(window: Any, qtbot: Any) -> None:
    model = window.show_section("t3").model
    index = model.index_of("t3.granted.natural")
    base = window.document.report.get("t3.granted.natural")
    colours = set()
    for i in range(4):  # alternately breaks and restores the balance
        model.setData(index, str(base + (i % 2) * 5))
        errors = any(f.level == Level.ERROR for f in window.document.findings)
        colour = window.counts_label.palette().color(window.counts_label.foregroundRole()).name()
        colours.add((errors, colour))
        assert window.counts_label.styleSheet() == ""
    assert colours == {(True, "#b3261e"), (False, "#2e5d34")}


def test_the_quicker_import_hook_answers_as_pyside_does() -> None:
    """make_app replaces PySide's per-import source scan (inspect.getsource) with a read of the
    file's bytes: the same verdict for modules that mention PySide6, those that do not, and
    modules without a source file."""
    import importlib
    import inspect
    import sys

    from govopen_desktop.qt.app import make_app

    make_app()
    feature = sys.modules["shibokensupport.feature"]
    assert getattr(feature._mod_uses_pyside, "govopen", False)
    names = ["govopen_desktop.qt.main_window", "govopen_desktop.qt.forms", "govopen_desktop.domain.report",
             "json", "sys", "_decimal", "unicodedata", "datetime", "PySide6.QtCore", "shiboken6"]
    for name in names:
        module = importlib.import_module(name)
        try:
            expected = "PySide6" in inspect.getsource(module)
        except (TypeError, OSError):
            expected = False
        assert feature._mod_uses_pyside(module) is expected, name


# What `govopen gui FILE` does up to its first paint, in a process of its own (as bench_gui
# times it): it prints the program's modules then loaded and the pages built.
START_UP = """
import sys
from pathlib import Path
from govopen_desktop.qt.app import QApplication, show_then_check, start_window
window, opened = start_window(Path(sys.argv[1]))
assert opened
show_then_check(window)
QApplication.processEvents()
assert "dataclasses" not in sys.modules, "a start-up module defines a dataclass"
print(" ".join(sorted(m for m in sys.modules if m.startswith("govopen_desktop"))))
print(" ".join(window.pages))
"""
NOT_AT_START_UP = (  # a project file's first paint needs none of these
    "govopen_desktop.io.importers", "govopen_desktop.io.exporters", "govopen_desktop.io.register",
    "govopen_desktop.domain.combine", "govopen_desktop.domain.register", "govopen_desktop.qt.table_model",
    "govopen_desktop.qt.table_view", "govopen_desktop.qt.dialogs", "govopen_desktop.qt.review_dialogs",
    "govopen_desktop.qt.start_page", "govopen_desktop.qt.find_replace", "govopen_desktop.qt.help",
)


def test_start_up_loads_only_what_the_first_paint_needs(gui_env: Path) -> None:
    import os
    import subprocess
    import sys

    from tests.support.paths import REPO

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-c", START_UP, str(SAMPLE)], env=env, cwd=REPO, capture_output=True,
                          text=True, timeout=120, check=True)
    modules_line, pages_line = done.stdout.strip().splitlines()[-2:]
    modules = modules_line.split()
    assert "govopen_desktop.io.project" in modules and "govopen_desktop.qt.main_window" in modules
    loaded = [m for m in modules if m.startswith(NOT_AT_START_UP)]
    assert loaded == [], f"loaded before the first paint: {loaded}"
    assert pages_line.split() == ["cover"]  # the other pages are built when first shown


def test_pages_are_built_on_first_view(window: Any) -> None:
    """Only the page shown is built; the others, placeholders until then, are built for the
    open report when navigated to, in their place in the stack."""
    from govopen_desktop.qt.page_stack import PAGE_IDS
    from govopen_desktop.qt.pages import TablePage
    from govopen_desktop.qt.text_editors import TextSectionEditor

    stack = window.page_stack
    built = set(window.pages)
    assert len(built) == 1
    for row, page_id in enumerate(PAGE_IDS):
        window.navigator.setCurrentRow(row)
        page = window.pages[page_id]
        assert window.stack.currentWidget() is page and window.stack.indexOf(page) == row
        if page_id.startswith("t"):
            assert isinstance(page, TablePage) and page.table_id == page_id
            assert page.heading.text() == window.document.report.format.section(page_id).heading
        elif page_id != "cover":
            assert isinstance(page, TextSectionEditor)
            assert page.editor.toPlainText() == (window.document.report.text.get(page_id) or "")
    assert set(window.pages) == set(PAGE_IDS) and stack.stack.count() == len(PAGE_IDS)
