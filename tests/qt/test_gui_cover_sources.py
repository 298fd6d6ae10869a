"""The cover's 数据来源 line: the file a report was imported from, the register and units it was
counted or summed from; no caption at all for a report typed in here."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from govopen_desktop.io.exporters.html_export import export_html
from govopen_desktop.io.project import load_report, save_report
from tests.support.gui import FakePrompter, make_window
from tests.support.reports import filled_report


def _cover(window: Any) -> Any:
    window.show_section("cover")
    return window.page("cover")


def test_an_imported_report_names_its_file_also_once_saved(qtbot: Any, gui_env: Path, prompter: FakePrompter,
                                                           tmp_path: Path) -> None:
    page = tmp_path / "某局2024年报.html"
    export_html(filled_report("2021"), page)
    window = make_window(qtbot, gui_env, prompter)
    assert window.files.load(page)
    cover = _cover(window)
    assert cover.provenance_caption.isVisibleTo(cover)
    assert cover.provenance_label.text() == "从“某局2024年报.html”导入。"

    saved = tmp_path / "某局2024年报.govopen"
    save_report(window.document.report, saved)
    window.document.undo_stack.setClean()
    assert window.files.load(saved)
    assert _cover(window).provenance_label.text() == "从“某局2024年报.html”导入。"


def test_a_report_typed_in_here_shows_no_source_line(qtbot: Any, gui_env: Path, prompter: FakePrompter,
                                                      tmp_path: Path) -> None:
    path = tmp_path / "手填.govopen"
    save_report(filled_report("2021"), path)
    window = make_window(qtbot, gui_env, prompter, load_report(path))
    cover = _cover(window)
    assert not cover.provenance_caption.isVisibleTo(cover)
    assert not cover.provenance_label.isVisibleTo(cover)
