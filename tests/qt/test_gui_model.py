"""The table model is one class driven by the format data: structure, flags, roles, refusals."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from govopen_desktop.domain.report import Report
from govopen_desktop.qt.app import make_app
from govopen_desktop.qt.document import Document
from govopen_desktop.qt.roles import Roles
from govopen_desktop.qt.table_model import ERROR_BG, ReportTableModel
from tests.support.gui import filled_report, sample_report


@pytest.fixture
def document(qapp: Any) -> Document:
    make_app()
    return Document(sample_report())


@pytest.mark.parametrize("table_id", ["t2", "t3", "t4"])
@pytest.mark.parametrize("year", [2020, 2024])
def test_model_passes_qt_model_tester(qtmodeltester: Any, qapp: Any, table_id: str, year: int) -> None:
    document = Document(Report.new("某区某局", year))
    model = ReportTableModel(document, table_id)
    qtmodeltester.check(model, force_py=True)


def test_grid_and_flags_come_from_the_format(document: Document) -> None:
    model = ReportTableModel(document, "t3")
    table = document.report.format.table("t3")
    assert (model.rowCount(), model.columnCount()) == (table.n_rows, table.n_cols)
    natural = model.index_of("t3.new.natural")
    total = model.index_of("t3.new.total")
    note = model.index(0, 0)
    assert model.flags(natural) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(total) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(note) & Qt.ItemFlag.ItemIsEditable
    assert note.data(Roles.CellKind) == "note"
    assert "勾稽关系" in note.data()
    assert total.data(Roles.CellKind) == "derived"
    assert total.data(Roles.CellKey) == "t3.new.total"
    assert model.index(2, 3).data() is None  # covered by a span: only the top-left cell answers
    assert len(model.spans()) > 10


def test_derived_cells_are_grey_with_their_formula(document: Document) -> None:
    model = ReportTableModel(document, "t3")
    tip = model.index_of("t3.new.total").data(Qt.ItemDataRole.ToolTipRole)
    assert "自动计算：自然人＋商业企业＋科研机构＋社会公益组织＋法律服务机构＋其他" in tip
    results = model.index_of("t3.results_total.natural").data(Qt.ItemDataRole.ToolTipRole)
    assert "自动计算：（一）＋（二）＋（三）1～8＋（四）1～3＋（五）1～5＋（六）1～3" in results
    t4 = ReportTableModel(document, "t4")
    assert "自动计算：结果维持＋结果纠正＋其他结果＋尚未审结" in t4.index_of("t4.review.total").data(
        Qt.ItemDataRole.ToolTipRole
    )


def test_set_data_goes_through_the_undo_stack_and_updates_the_total(document: Document) -> None:
    model = ReportTableModel(document, "t3")
    before = document.report.get("t3.new.total")
    assert model.setData(model.index_of("t3.new.natural"), "100")
    assert document.report.get("t3.new.natural") == 100
    assert model.index_of("t3.new.total").data() == str(before - 42 + 100)
    assert document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert document.report.get("t3.new.total") == before


def test_data_changed_is_emitted_for_exactly_the_changed_cells(qtbot: Any, document: Document) -> None:
    model = ReportTableModel(document, "t3")
    seen: set[str] = set()
    model.dataChanged.connect(lambda tl, br, roles=(): seen.add(tl.data(Roles.CellKey)))
    model.setData(model.index_of("t3.granted.commercial"), "4")
    # the cell, its row total, its column's (七)总计 and the grand total, plus cells whose findings changed
    value_changes = {"t3.granted.commercial", "t3.granted.total", "t3.results_total.commercial",
                     "t3.results_total.total"}
    assert value_changes <= seen
    finding_keys = {k for f in document.findings for k in f.cells}
    assert seen <= value_changes | finding_keys | {"t3.partial.total"}


@pytest.mark.parametrize(
    ("key", "text", "reason"),
    [
        ("t3.new.natural", "十来个", "不是数字"),
        ("t3.new.natural", "-3", "负数"),
        ("t3.new.natural", "2.5", "不是整数"),
        ("t2.fees.amount", "-1", "负数"),
    ],
)
def test_bad_input_is_refused_with_a_chinese_reason(document: Document, key: str, text: str, reason: str) -> None:
    model = ReportTableModel(document, key.split(".")[0])
    old = document.report.get(key)
    refused: list[str] = []
    model.inputRefused.connect(lambda _i, message: refused.append(message))
    assert not model.setData(model.index_of(key), text)
    assert document.report.get(key) == old
    assert reason in model.last_error and refused == [model.last_error]
    assert document.undo_stack.count() == 0


def test_signed_counts_and_chinese_numerals_are_accepted(qapp: Any) -> None:
    document = Document(Report.new("某局", 2020))  # the 2019 format has 本年增/减
    model = ReportTableModel(document, "t2")
    assert model.setData(model.index_of("t2.licensing.change"), "-3")
    assert document.report.get("t2.licensing.change") == -3
    assert model.setData(model.index_of("t2.licensing.prior"), "1,234")
    assert document.report.get("t2.licensing.prior") == 1234


def test_amount_keeps_four_decimals_and_warns_at_five(document: Document) -> None:
    model = ReportTableModel(document, "t2")
    index = model.index_of("t2.fees.amount")
    assert model.setData(index, "12.3456")
    assert document.report.get("t2.fees.amount") == Decimal("12.3456")
    assert index.data(Qt.ItemDataRole.EditRole) == "12.3456"
    assert index.data(Roles.Level) is None
    warnings: list[str] = []
    model.inputWarning.connect(lambda _i, m: warnings.append(m))
    assert model.setData(index, "1.23456")
    assert document.report.get("t2.fees.amount") == Decimal("1.23456")
    assert warnings and "5 位小数" in warnings[0]
    assert index.data(Roles.Level) == "warning"
    assert "5 位小数" in index.data(Qt.ItemDataRole.ToolTipRole)


def test_findings_colour_the_cells_and_fill_the_tooltip(document: Document) -> None:
    model = ReportTableModel(document, "t3")
    # break the balance: one more new application without a result
    model.setData(model.index_of("t3.new.research"), "5")
    errors = [f for f in document.findings if f.level == "error"]
    assert errors
    index = model.index_of("t3.new.research")
    assert index.data(Roles.Level) == "error"
    assert index.data(Qt.ItemDataRole.BackgroundRole) == ERROR_BG
    assert "【错误】" in index.data(Qt.ItemDataRole.ToolTipRole)


def test_prior_values_and_carried_cells(qapp: Any) -> None:
    from govopen_desktop.domain.carry import start_next_year

    prior = filled_report()
    report = start_next_year(prior, 2025)
    document = Document(report)
    model = ReportTableModel(document, "t3")
    carried = model.index_of("t3.carried_in.natural")
    assert carried.data(Roles.Carried) is True
    assert carried.data() == "3"  # last year's 结转下年度继续办理
    assert carried.data(Roles.PriorValue) == "3"
    assert "上年结转" in carried.data(Qt.ItemDataRole.ToolTipRole)
    assert model.index_of("t3.new.natural").data(Roles.PriorValue) == "10"
    assert model.index_of("t3.new.natural").data(Roles.Carried) is False


def test_year_change_to_the_other_format_rebuilds_the_grid(qapp: Any, tmp_path: Path) -> None:
    from govopen_desktop.qt.commands import SetMetaCommand

    document = Document(Report.new("某局", 2024))
    model = ReportTableModel(document, "t2")
    rows_2021 = model.rowCount()
    document.undo_stack.push(SetMetaCommand(document.report, {"year": 2020}))
    assert document.report.meta.format == "2019" and model.rowCount() != rows_2021
    document.undo_stack.undo()
    assert document.report.meta.format == "2021" and model.rowCount() == rows_2021


def test_qt_binding_keeps_references_to_none_and_true() -> None:
    """PySide6-Essentials 6.12.0 on CPython 3.11 takes a reference from None on every void
    call and from True on every emit, aborting after a few hundred cell edits; pyproject pins
    below it. Run in a child process so a broken binding fails this test instead of pytest."""
    import subprocess
    import sys

    probe = (
        "import sys\n"
        "from PySide6.QtCore import QObject, Signal\n"
        "class O(QObject):\n    s = Signal()\n"
        "o = O(); before = (sys.getrefcount(None), sys.getrefcount(True))\n"
        "for _ in range(20000):\n    o.s.emit(); o.setObjectName('x')\n"
        "after = (sys.getrefcount(None), sys.getrefcount(True))\n"
        "print(after[0] - before[0], after[1] - before[1])\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr[-500:]
    lost_none, lost_true = (int(x) for x in result.stdout.split())
    assert lost_none > -100 and lost_true > -100


def test_qt_standard_texts_are_chinese(qapp: Any) -> None:
    """qtbase_zh_CN is installed, so Qt's own buttons and menus speak Chinese too."""
    from PySide6.QtWidgets import QDialogButtonBox

    from govopen_desktop.qt.app import FONT_FAMILIES

    app = make_app()
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel | QDialogButtonBox.StandardButton.Save)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "").startswith("取消")
    assert app.font().families()[: len(FONT_FAMILIES)] == FONT_FAMILIES


def test_amount_with_its_unit_keeps_the_unit(qapp: Any) -> None:
    """2019 format: 采购总金额 is written with its unit (251000元 / 25.1万元), as published."""
    document = Document(Report.new("某局", 2020))
    model = ReportTableModel(document, "t2")
    index = model.index_of("t2.procurement.amount")
    assert model.setData(index, "251,000元")
    report = document.report
    assert report.get("t2.procurement.amount") == 251000 and report.get("t2.procurement.amount_unit") == "元"
    assert index.data() == "251000元"
    assert model.setData(index, "25.1万元")
    assert report.get("t2.procurement.amount_unit") == "万元" and index.data() == "25.1万元"
    assert document.undo_stack.count() == 1  # repeated edits of one cell merge into one step
    document.undo_stack.undo()
    assert index.data() == "" and report.get("t2.procurement.amount_unit") is None


def test_a_2019_amount_typed_with_its_unit_warns_at_five_decimals_in_wan_yuan(qapp: Any) -> None:
    """The warning is the checker's (the CLI and the workbook report it too), shown at the cell."""
    document = Document(Report.new("某市教育局", 2020))
    model = ReportTableModel(document, "t2")
    index = model.index_of("t2.procurement.amount")
    warnings: list[str] = []
    model.inputWarning.connect(lambda _i, m: warnings.append(m))
    assert model.setData(index, "1.123456元")
    assert warnings == []
    assert model.setData(index, "0.123456万元")
    assert len(warnings) == 1 and "6 位小数" in warnings[0]
    assert index.data(Roles.Level) == "warning" and "6 位小数" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert model.setData(index, "0.1235万元")
    assert len(warnings) == 1 and index.data(Roles.Level) != "warning"


def test_values_an_import_inferred_are_marked_until_typed(qapp: Any) -> None:
    from govopen_desktop.qt.table_model import INFO_BG

    make_app()
    report = sample_report()
    report.extra["source"] = {"inferred": ["t3.partial.natural", "t3.partial.commercial"]}
    document = Document(report)
    model = ReportTableModel(document, "t3")
    natural, commercial = model.index_of("t3.partial.natural"), model.index_of("t3.partial.commercial")
    assert natural.data(Qt.ItemDataRole.BackgroundRole) == INFO_BG
    assert "推断" in natural.data(Qt.ItemDataRole.ToolTipRole)
    model.setData(natural, str(report.cells["t3.partial.natural"]))  # the same number, typed: checked
    assert natural.data(Qt.ItemDataRole.BackgroundRole) != INFO_BG  # typed: the clerk's own
    assert commercial.data(Qt.ItemDataRole.BackgroundRole) == INFO_BG
