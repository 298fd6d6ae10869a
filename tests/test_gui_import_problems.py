# ruff: noqa: F811  (pytest fixtures imported from tests/gui_helpers.py are used as arguments)
"""Import problems keep their cell key to the window: the list goes to a problem's cell."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from govopen_desktop.io.importers.problems import ImportProblem
from tests.gui_helpers import FakePrompter, filled_report, gui_env, prompter, window  # noqa: F401


def _workbook_with_a_word(gui_env: Path) -> tuple[Path, str]:
    """An exported workbook without its data sheet, one number of table 4 replaced by 若干."""
    import openpyxl

    from govopen_desktop.io.exporters.xlsx_export import export_xlsx

    source = gui_env / "上年报表.xlsx"
    export_xlsx(filled_report(), source)
    wb = openpyxl.load_workbook(source)
    del wb["govopen-data"]
    ws = wb["表四"]
    cell = next(c for row in ws.iter_rows() for c in row if c.data_type == "n" and c.value is not None)
    cell.value = "若干"
    wb.save(source)
    return source, "若干"


def _current_key(window: Any) -> str | None:
    page = window.current_table_page()
    return None if page is None else page.model.key_at(page.view.currentIndex())


def test_a_problem_imported_into_the_report_goes_to_its_cell(
    qtbot: Any, window: Any, prompter: FakePrompter, gui_env: Path
) -> None:
    source, word = _workbook_with_a_word(gui_env)
    assert window.imports.import_into(source)
    assert len(prompter.problems) == 1 and word in prompter.problems[0][0]
    fields = window.document.report.format.fields
    problem_key = prompter.problems[0][0].rsplit("（", 1)[-1].rstrip("）")  # describe() ends with the key
    assert problem_key in fields and fields[problem_key].table == "t4"
    assert prompter.cell_opener is not None
    assert prompter.cell_opener(problem_key)
    assert _current_key(window) == problem_key
    assert not prompter.cell_opener("t9.no.such_cell")


def test_last_years_problems_are_listed_without_going_to_this_years_cells(
    qtbot: Any, window: Any, prompter: FakePrompter, gui_env: Path
) -> None:
    source, _word = _workbook_with_a_word(gui_env)
    prompter.confirm_answer = True  # 2024 attached to a 2024 report: go on
    assert window.imports.attach_prior(source)
    assert len(prompter.problems) == 1 and prompter.cell_opener is None


def test_the_problem_list_dialog_goes_to_the_selected_cell(qtbot: Any, window: Any) -> None:
    from govopen_desktop.qt.import_problems import ImportProblemsDialog

    problems = [
        ImportProblem("“若干”不是数字，已留空。", "t3.new.natural", "表三 第5行"),
        ImportProblem("表格中的数值与导出时不同……", place="“x.xlsx”"),
        ImportProblem("2021年版格式没有这个单元格，已忽略。", "t9.made_up.cell", "数据表 govopen-data"),
    ]
    dialog = ImportProblemsDialog(window, "导入时有问题", "有以下内容未能读取：", problems, window.files._go_to_cell)
    qtbot.addWidget(dialog)
    assert dialog.listing.count() == 3
    assert dialog.listing.item(0).text() == "1. " + problems[0].describe()
    assert dialog.go_button is not None and not dialog.go_button.isEnabled()
    dialog.listing.setCurrentRow(1)  # no cell: nothing to go to
    assert not dialog.go_button.isEnabled() and not dialog.go_to_current()
    dialog.listing.setCurrentRow(0)
    assert dialog.go_button.isEnabled()
    dialog.go_button.click()
    assert _current_key(window) == "t3.new.natural"
    assert "已在窗口中选中" in dialog.note.text()
    dialog.listing.setCurrentRow(2)  # a key this report does not have
    assert not dialog.go_to_current() and "无法定位" in dialog.note.text()


def test_without_a_way_to_cells_the_list_offers_none(qtbot: Any) -> None:
    from govopen_desktop.qt.import_problems import ImportProblemsDialog

    dialog = ImportProblemsDialog(None, "导入时有问题", "", [ImportProblem("x", "t3.new.natural")])
    qtbot.addWidget(dialog)
    assert dialog.go_button is None and not dialog.go_to_current()
