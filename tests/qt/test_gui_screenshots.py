"""Screenshots of each part of the window on the sample report, for docs/gui.md.

Written to tmp_path in a normal run (so `make test` never changes docs/); with
GOVOPEN_UPDATE_DOCS=1 they replace docs/screenshot-*.png.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.support.gui import FakePrompter, make_window
from tests.support.paths import SAMPLE
from tests.support.screenshots import shoot

pytestmark = [
    pytest.mark.screenshot,
]


@pytest.fixture
def sample_window(qtbot: Any, gui_env: Path, prompter: FakePrompter) -> Any:
    from govopen_desktop.io.project import load_report

    window = make_window(qtbot, gui_env, prompter, load_report(SAMPLE), SAMPLE)
    yield window
    window.document.undo_stack.setClean()


@pytest.mark.parametrize("section", ["cover", "overview", "t2", "t3", "t4", "other"])
def test_screenshot_of_each_part(sample_window: Any, out_dir: Path, section: str) -> None:
    sample_window.show_section(section)
    shoot(sample_window, out_dir / f"screenshot-{section}.png")


def test_screenshot_of_a_finding_highlighted(sample_window: Any, out_dir: Path) -> None:
    t3 = sample_window.show_section("t3")
    # a clerk types 9 instead of 8 in 结转下年度继续办理: the balance no longer holds
    report = sample_window.document.report
    t3.model.setData(t3.model.index_of("t3.carried_out.natural"), str(report.get("t3.carried_out.natural") + 1))
    panel = sample_window.findings_panel
    item = next(i for i in panel.items() if "勾稽" in i.text(0))
    panel.tree.setCurrentItem(item)
    sample_window.go_to_finding(item.data(0, 257))
    shoot(sample_window, out_dir / "screenshot-finding.png")


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
    shoot(sample_window, out_dir / "screenshot-findings.png")


def test_screenshot_of_last_years_numbers(sample_window: Any, out_dir: Path) -> None:
    assert sample_window.document.report.prior is not None, "the shipped sample carries its prior year"
    sample_window.act_show_prior.setChecked(True)
    sample_window.show_section("t3")
    shoot(sample_window, out_dir / "screenshot-prior.png")


def test_screenshot_of_the_opening_paragraph(sample_window: Any, out_dir: Path) -> None:
    from govopen_desktop.domain.drafts import draft_text

    page = sample_window.show_section("preface")
    drafted = draft_text(sample_window.document.report, "preface")
    page.editor.setPlainText(drafted.replace("网址：　　　　", "网址：http://www.qingshan.gov.cn")
                             .replace("地址：　　　　；邮编：　　　　；电话：　　　　",
                                      "地址：青山市人民路1号；邮编：000000；电话：0000-1234567"))
    shoot(sample_window, out_dir / "screenshot-preface.png")


def test_screenshot_of_a_tables_note(sample_window: Any, out_dir: Path) -> None:
    page = sample_window.show_section("t4")
    page.note.editor.setPlainText("2024年，本机关因政府信息公开工作被申请行政复议3件、提起行政诉讼3件，"
                                  "均已依法办理。")
    assert not [f for f in sample_window.document.findings if f.section == "note.t4"]  # agrees with 表四
    shoot(sample_window, out_dir / "screenshot-table-note.png")
