"""Where the program's Excel export puts a report: one sheet per official table, named 表N,
its grid from row TOP, and a hidden data sheet. The exporter lays the workbook out by it; the
importer reads an exported workbook back by it."""

from __future__ import annotations

from govopen_desktop.domain.formats import GridCell, Table
from govopen_desktop.io.sheet_columns import column_letters

DATA_SHEET = "govopen-data"
TOP = 3  # a table's grid starts below the title row and the 填报单位 row


def sheet_name(table: Table) -> str:
    return f"表{table.number}"


def cell_address(cell: GridCell) -> str:
    """The grid cell's address on its table's sheet (A3 for the grid's first cell)."""
    return f"{column_letters(cell.col)}{TOP + cell.row}"
