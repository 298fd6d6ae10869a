# ruff: noqa: F811  (pytest fixtures imported from tests/gui_helpers.py are used as arguments)
"""Screenshots of each part of the window on the sample report, for docs/gui.md.

Written to tmp_path in a normal run (so `make test` never changes docs/); with
GOVOPEN_UPDATE_DOCS=1 they replace docs/screenshot-*.png.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from govopen_desktop.qt.main_window import DEFAULT_SIZE
from tests.gui_helpers import REPO, SAMPLE, FakePrompter, gui_env, make_window, prompter  # noqa: F401

pytestmark = [
    pytest.mark.screenshot,
]


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    return REPO / "docs" if os.environ.get("GOVOPEN_UPDATE_DOCS") == "1" else tmp_path


def _shoot(window: Any, out: Path) -> Path:
    window.resize(DEFAULT_SIZE)
    window.statusBar().clearMessage()
    for _ in range(3):
        QApplication.processEvents()
    assert window.grab().save(str(out))
    assert out.stat().st_size < 400_000
    return out


@pytest.fixture
def sample_window(qtbot: Any, gui_env: Path, prompter: FakePrompter) -> Any:
    from govopen_desktop.io.project import load_report

    window = make_window(qtbot, gui_env, prompter, load_report(SAMPLE), SAMPLE)
    yield window
    window.document.undo_stack.setClean()


@pytest.mark.parametrize("section", ["cover", "overview", "t2", "t3", "t4", "other"])
def test_screenshot_of_each_part(sample_window: Any, out_dir: Path, section: str) -> None:
    sample_window.show_section(section)
    _shoot(sample_window, out_dir / f"screenshot-{section}.png")


def test_screenshot_of_a_finding_highlighted(sample_window: Any, out_dir: Path) -> None:
    t3 = sample_window.show_section("t3")
    # a clerk types 9 instead of 8 in 结转下年度继续办理: the balance no longer holds
    report = sample_window.document.report
    t3.model.setData(t3.model.index_of("t3.carried_out.natural"), str(report.get("t3.carried_out.natural") + 1))
    panel = sample_window.findings_panel
    item = next(i for i in panel.items() if "勾稽" in i.text(0))
    panel.tree.setCurrentItem(item)
    sample_window.go_to_finding(item.data(0, 257))
    _shoot(sample_window, out_dir / "screenshot-finding.png")


def test_screenshot_of_the_findings_panel_with_a_suggestion(sample_window: Any, out_dir: Path) -> None:
    report = sample_window.document.report
    report.set_values({"t4.review.total": 4}, force=True)  # a published total that is wrong
    t2 = sample_window.show_section("t2")
    t2.model.setData(t2.model.index_of("t2.fees.amount"), "0.12345")
    sample_window.document.recheck()
    panel = sample_window.findings_panel
    item = next(i for i in panel.items() if i.data(0, 257).suggested)
    panel.tree.setCurrentItem(item)
    sample_window.go_to_finding(item.data(0, 257))
    _shoot(sample_window, out_dir / "screenshot-findings.png")


def test_screenshot_of_last_years_numbers(sample_window: Any, out_dir: Path) -> None:
    assert sample_window.document.report.prior is not None, "the shipped sample carries its prior year"
    sample_window.act_show_prior.setChecked(True)
    sample_window.show_section("t3")
    _shoot(sample_window, out_dir / "screenshot-prior.png")
