"""An exported workbook's hidden data sheet is read as a project file (Report.from_dict); what a
hand-edited data sheet can hold that a project file may not is named, never silently used."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from govopen_desktop.domain.errors import GovopenError
from govopen_desktop.domain.report import Report
from govopen_desktop.io.exporters.xlsx_export import export_xlsx
from govopen_desktop.io.importers import import_file
from govopen_desktop.io.importers.problems import ImportFailed
from govopen_desktop.io.project import load_report
from govopen_desktop.io.workbook_layout import DATA_SHEET
from tests.support.paths import SAMPLE


def _exported(tmp_path: Path, edits: dict[str, str | None], added: tuple[tuple[str, str], ...] = ()) -> Path:
    path = tmp_path / "report.xlsx"
    export_xlsx(load_report(SAMPLE), path)
    wb = openpyxl.load_workbook(path)
    ws = wb[DATA_SHEET]
    for row in ws.iter_rows():
        if row[0].value in edits:
            row[1].value = edits[row[0].value]
    for key, value in added:
        ws.append([key, value])
    wb.save(path)
    return path


def test_a_cell_the_format_lacks_is_named_and_the_rest_read(tmp_path: Path) -> None:
    result = import_file(_exported(tmp_path, {}, (("t9.made_up.cell", "3"),)))
    assert [(p.key, p.message) for p in result.problems] == [
        ("t9.made_up.cell", "2021年版格式没有这个单元格，已忽略。")
    ]
    assert result.report.cells == load_report(SAMPLE).cells


def test_a_wrong_date_is_left_empty_and_named(tmp_path: Path) -> None:
    result = import_file(_exported(tmp_path, {"meta.date": "2025-13-40"}))
    assert result.report.meta.date is None
    assert [(p.key, p.message) for p in result.problems] == [("meta.date", "成文日期“2025-13-40”无效，已留空。")]


@pytest.mark.parametrize("year", ["abc", "3000"])  # 3000: past what a project file may hold
def test_a_year_a_project_file_refuses_refuses_the_workbook_naming_it(tmp_path: Path, year: str) -> None:
    with pytest.raises(ImportFailed, match=rf"“report\.xlsx”的数据表 {DATA_SHEET}中年度或格式无效（{year}，2021）"):
        import_file(_exported(tmp_path, {"meta.year": year}))


def test_from_dict_lists_unknown_cells_only_when_asked() -> None:
    shape = {"meta": {"agency": "某局", "year": 2024}, "cells": {"t3.new.natural": 4, "t9.x.y": 1}}
    with pytest.raises(GovopenError, match=r"t9\.x\.y"):
        Report.from_dict(shape)
    unknown: list[str] = []
    report = Report.from_dict(shape, unknown_cells=unknown)
    assert unknown == ["t9.x.y"] and report.cells["t3.new.natural"] == 4
