"""A published invalid value in the window: its printed text in red until a valid number is typed."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from govopen_desktop.domain.values import Published
from govopen_desktop.qt.app import make_app
from govopen_desktop.qt.document import Document
from govopen_desktop.qt.table_model import PUBLISHED_FG, ReportTableModel
from tests.gui_helpers import sample_report


def test_published_cell_shows_its_printed_text_in_red_until_fixed(qapp: Any) -> None:
    make_app()
    report = sample_report()
    report.set_values({"t3.new.natural": Published("1 2", "中间有空格或换行")})
    model = ReportTableModel(Document(report), "t3")
    cell = model.index_of("t3.new.natural")
    assert cell.data() == "1 2"
    assert cell.data(Qt.ItemDataRole.ForegroundRole) == PUBLISHED_FG
    assert model.index_of("t3.new.total").data() == ""  # unknown, not a partial sum
    assert model.setData(cell, "12")
    assert cell.data() == "12"
    assert cell.data(Qt.ItemDataRole.ForegroundRole) != PUBLISHED_FG
