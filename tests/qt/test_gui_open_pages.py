"""打开 with several files selected together: the saved pages of a web article its site split
into pages, read as one report in their page order, whatever order they were picked in."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.support.gui import FakePrompter
from tests.support.split_pages import TEXT, split_expected, split_pages


def test_pages_selected_together_open_as_one_report(qtbot: Any, window: Any, prompter: FakePrompter,
                                                     gui_env: Path, tmp_path: Path) -> None:
    pages = split_pages(tmp_path)
    prompter.open_paths = [pages[2], pages[0], pages[1]]  # as clicked, not in page order
    window.act_open.trigger()
    report = window.document.report
    exp = split_expected()
    assert report.meta.agency == "西岭县水利局"
    assert all(report.cells.get(key) == value for key, value in exp.cells.items())
    assert report.text["other"] == TEXT["other"]
    assert window.document.imported and window.document.path is None
    assert prompter.errors == [] and prompter.problems == []
    assert "“index.html”等 3 页" in window.statusBar().currentMessage()


def test_a_workbook_among_the_pages_is_said_and_the_report_kept(qtbot: Any, window: Any, prompter: FakePrompter,
                                                                 gui_env: Path, tmp_path: Path) -> None:
    before = window.document.report
    pages = split_pages(tmp_path)
    (tmp_path / "表格.xlsx").write_bytes(b"PK\x03\x04 not a workbook")
    prompter.open_paths = [pages[0], tmp_path / "表格.xlsx"]
    window.act_open.trigger()
    assert window.document.report is before
    assert len(prompter.errors) == 1 and "“表格.xlsx”" in prompter.errors[0]
