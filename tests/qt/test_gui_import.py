"""Bringing numbers into the window: pasted text, and last year's report attached afterwards."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from govopen_desktop.domain.report import Report
from govopen_desktop.domain.values import same_value
from govopen_desktop.io.project import load_report
from tests.support.gui import FakePrompter, make_window
from tests.support.paths import SAMPLE, SEEDS_DIR, load_expected, needs_shared

SEED_2024 = "003_0a922b1f360f4485"
T3_COLS = ("natural", "commercial", "research", "social", "legal", "other_org", "total")


def _carried_in(report: Report) -> list[object]:
    return [report.get(f"t3.carried_in.{c}") for c in T3_COLS]


@needs_shared
def test_pasted_report_text_fills_the_tables_as_one_undo_step(qtbot: Any, gui_env: Path,
                                                              prompter: FakePrompter) -> None:
    expected = load_expected(SEED_2024)
    blank = Report.new(expected["meta"]["agency"], expected["meta"]["year"])
    window = make_window(qtbot, gui_env, prompter, blank)
    prompter.text_answer = (SEEDS_DIR / f"{SEED_2024}.txt").read_text(encoding="utf-8")
    window.act_import_text.trigger()
    report = window.document.report
    differing = [k for k, v in expected["cells"].items() if not same_value(report.get(k), v)]
    assert differing == []
    assert report.text["other"] == expected["text"]["other"]
    assert prompter.errors == [] and prompter.problems == []
    stack = window.document.undo_stack
    assert stack.count() == 1
    stack.undo()
    assert all(v is None for v in report.cells.values())
    stack.setClean()


def test_pasted_text_that_is_no_report_changes_nothing(qtbot: Any, gui_env: Path, prompter: FakePrompter) -> None:
    window = make_window(qtbot, gui_env, prompter)
    before = dict(window.document.report.cells)
    prompter.text_answer = "今天天气很好。\n明天开会。"
    assert not window.imports.import_pasted_text()
    assert prompter.errors and "年度报告" in prompter.errors[0]
    assert window.document.report.cells == before
    assert window.document.undo_stack.count() == 0


def test_cancelled_paste_does_nothing(qtbot: Any, gui_env: Path, prompter: FakePrompter) -> None:
    window = make_window(qtbot, gui_env, prompter)
    prompter.text_answer = None
    assert not window.imports.import_pasted_text()
    assert window.document.undo_stack.count() == 0 and prompter.errors == []


def test_attach_last_years_report_carries_over_and_undoes(qtbot: Any, gui_env: Path, prompter: FakePrompter) -> None:
    last_year = load_report(SAMPLE)
    report = Report.new(last_year.meta.agency, last_year.meta.year + 1)
    window = make_window(qtbot, gui_env, prompter, report)
    cover = window.show_section("cover")
    assert "未附" in cover.prior_label.text()
    assert window.imports.attach_prior(SAMPLE)
    assert report.prior is not None and report.prior.meta.year == last_year.meta.year
    assert _carried_in(report) == [last_year.get(f"t3.carried_out.{c}") for c in T3_COLS]
    assert not [f for f in window.document.findings if f.rule == "T3-CARRY"]
    assert "已附" in cover.prior_label.text()
    from PySide6.QtCore import Qt

    from govopen_desktop.qt.roles import Roles

    model = window.show_section("t3").model
    index = next(model.index(r, c) for r in range(model.rowCount()) for c in range(model.columnCount())
                 if model.index(r, c).data(Roles.CellKey) == "t3.carried_in.natural")
    assert index.data(Roles.Carried) is True
    assert "上年" in index.data(Qt.ItemDataRole.ToolTipRole)
    stack = window.document.undo_stack
    assert stack.count() == 1
    stack.undo()
    assert report.prior is None
    assert all(v is None for v in _carried_in(report))
    assert "未附" in cover.prior_label.text()
    stack.setClean()


def test_a_grid_open_while_last_year_is_attached_marks_the_carried_cells(qtbot: Any, gui_env: Path,
                                                                        prompter: FakePrompter) -> None:
    """Found by the monkey: a grid already shown kept the carried marks (and the 上年 number
    of 二、上年结转, which is last year's 结转下年度) of the report as it was opened."""
    from PySide6.QtCore import Qt

    from govopen_desktop.io.project import save_report
    from govopen_desktop.qt.roles import Roles

    last_year = load_report(SAMPLE)
    last_year.set_values({"t3.carried_in.natural": 2, "t3.carried_out.natural": 5})  # not the same number
    source = gui_env / "上年.govopen"
    save_report(last_year, source)
    window = make_window(qtbot, gui_env, prompter, Report.new(last_year.meta.agency, last_year.meta.year + 1))
    model = window.show_section("t3").model
    carried = model.index_of("t3.carried_in.natural")
    assert carried.data(Roles.Carried) is False and carried.data(Roles.PriorValue) == ""
    assert window.imports.attach_prior(source)
    assert carried.data(Roles.Carried) is True
    assert carried.data(Roles.PriorValue) == "5"  # last year's 结转下年度, not its 上年结转
    assert "取自上年报告" in carried.data(Qt.ItemDataRole.ToolTipRole)
    window.document.undo_stack.undo()
    assert carried.data(Roles.Carried) is False and carried.data(Roles.PriorValue) == ""
    window.document.undo_stack.setClean()


def test_attaching_a_report_of_another_year_asks_first(qtbot: Any, gui_env: Path, prompter: FakePrompter) -> None:
    report = Report.new("青山市自然资源和规划局", 2030)
    window = make_window(qtbot, gui_env, prompter, report)
    prompter.confirm_answer = False
    assert not window.imports.attach_prior(SAMPLE)
    assert any(kind == "confirm" and "2024" in text for kind, text in prompter.asked)
    assert report.prior is None and window.document.undo_stack.count() == 0


@needs_shared
def test_attach_last_years_report_from_pasted_text(qtbot: Any, gui_env: Path, prompter: FakePrompter) -> None:
    expected = load_expected("000_a987f75485506722")  # a 2020 report in the trial format
    report = Report.new(expected["meta"]["agency"], 2021)
    window = make_window(qtbot, gui_env, prompter, report)
    prompter.text_answer = (SEEDS_DIR / "000_a987f75485506722.txt").read_text(encoding="utf-8")
    assert window.imports.attach_prior_text()
    assert report.prior is not None and report.prior.meta.format == "2019"
    assert _carried_in(report) == [expected["cells"][f"t3.carried_out.{c}"] for c in T3_COLS]
    window.document.undo_stack.setClean()


@pytest.mark.parametrize("action", ["act_import_text", "act_attach_prior", "act_attach_prior_text"])
def test_the_new_actions_are_in_the_file_menu(qtbot: Any, gui_env: Path, prompter: FakePrompter, action: str) -> None:
    window = make_window(qtbot, gui_env, prompter)
    file_menu = window.menuBar().actions()[0].menu()
    assert getattr(window, action) in file_menu.actions()


def test_final_check_turns_empty_cells_into_errors(qtbot: Any, gui_env: Path, prompter: FakePrompter) -> None:
    """视图 → 定稿检查: the same findings panel and counts, with empty cells as errors."""
    from govopen_desktop.domain.findings import Level

    window = make_window(qtbot, gui_env, prompter)
    window.document.report.set_values({"t3.denied_law.research": None})
    blank = [f for f in window.document.findings if f.rule == "T3-BLANK"]
    assert blank and blank[0].level == Level.WARNING
    window.act_final.trigger()
    assert [f.level for f in window.document.findings if f.rule == "T3-BLANK"] == [Level.ERROR]
    assert "错误 1" in window.counts_label.text()
    window.act_final.trigger()
    assert [f.level for f in window.document.findings if f.rule == "T3-BLANK"] == [Level.WARNING]
    window.document.undo_stack.setClean()


def test_applying_the_format_suggestion_converts_the_report(qtbot: Any, gui_env: Path, prompter: FakePrompter) -> None:
    """A 2022 report saved in the trial format: R-FORMAT suggests the 2021 format, and applying
    it converts the report in one undoable step."""
    report = Report.new("某县民政局", 2020)
    report.set_values({"t3.new.natural": 4, "t2.procurement.projects": 2})
    report.meta.year = 2022  # as a hand-edited or mis-detected file would have it
    window = make_window(qtbot, gui_env, prompter, report)
    finding = next(f for f in window.document.findings if f.rule == "R-FORMAT")
    assert finding.suggested == {"meta.format": "2021"}
    window.apply_suggestion(finding)
    assert report.meta.format == "2021" and report.get("t3.new.natural") == 4
    assert not [f for f in window.document.findings if f.rule == "R-FORMAT"]
    window.document.undo_stack.undo()
    assert report.meta.format == "2019" and report.get("t2.procurement.projects") == 2
    window.document.undo_stack.setClean()
