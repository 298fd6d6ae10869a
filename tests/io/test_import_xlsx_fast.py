"""The .xlsx cells read from the XML (xlsx_cells) are the cells openpyxl reads, on every
workbook the tests have: LibreOffice-saved fixtures, the import tests' layouts for every seed,
our own exports, odd cells (dates, units, rich text, merges, hidden sheets); and importing
through either gives the same report and the same problems."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from govopen_desktop.io.importers import import_file
from govopen_desktop.io.importers.neutral import Doc
from govopen_desktop.io.importers.readers import sheet
from govopen_desktop.io.project import load_report, report_to_json
from tests.support.import_builders import WRITERS, expected_from
from tests.support.paths import REPO, SAMPLE, load_expected, seed_names

FIXTURES = REPO / "tests" / "data" / "import"
XLSX_WRITERS = [name for name in WRITERS if name.endswith(".xlsx")]


def _workbooks(folder: Path) -> list[Path]:
    from govopen_desktop.io.exporters.xlsx_export import export_blank_xlsx, export_xlsx

    paths = sorted(FIXTURES.glob("*.xlsx"))
    for seed in seed_names():
        for layout in XLSX_WRITERS:
            paths.append(folder / f"{seed}-{layout}")
            WRITERS[layout](expected_from(load_expected(seed)), paths[-1])
    export_xlsx(load_report(SAMPLE), folder / "export.xlsx")
    export_blank_xlsx(2020, folder / "blank-2020.xlsx", agency="某某街道办事处")
    paths += [folder / "export.xlsx", folder / "blank-2020.xlsx"]
    import openpyxl

    wb = openpyxl.load_workbook(folder / "export.xlsx")
    del wb["govopen-data"]  # the visible tables alone: read by their labels
    wb.save(folder / "export-tables-only.xlsx")
    paths.append(folder / "export-tables-only.xlsx")
    return paths


@pytest.fixture(scope="module")
def workbooks(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return _workbooks(tmp_path_factory.mktemp("workbooks"))


def _typed(doc: Doc) -> list[Any]:
    """Rows with each value's type: 5 and 5.0 compare equal in Python, not here."""
    return [(row.place, row.is_table, [(c.text, c.place, type(c.value).__name__, c.value) for c in row.cells])
            for row in doc.rows]


def test_the_fixtures_are_there(workbooks: list[Path]) -> None:
    names = {p.name for p in workbooks}
    assert {"odd-cells.xlsx", "odd-cells-office.xlsx", "sample-2024-stacked.xlsx", "export.xlsx"} <= names
    assert len(workbooks) >= 8


def test_same_cells_as_openpyxl(workbooks: list[Path]) -> None:
    from govopen_desktop.io.importers.readers.xlsx_cells import read_cells

    for path in workbooks:
        assert read_cells(path), path.name  # read from the XML, not by the fallback
        fast_doc, fast_data = sheet.read_xlsx(path, path.name)
        old_doc, old_data = sheet.read_xlsx_openpyxl(path, path.name)
        assert _typed(fast_doc) == _typed(old_doc), path.name
        assert fast_data == old_data, path.name


def test_odd_cells_read_as_openpyxl_reads_them() -> None:
    doc, _ = sheet.read_xlsx(FIXTURES / "odd-cells-office.xlsx", "odd")
    texts = [c.text for row in doc.rows for c in row.cells if c.text]
    assert "2025-01-20" in texts and "2024-12-31" in texts  # dates in a custom and a built-in format
    assert "120元" in texts and "0.12万元" in texts  # the unit from the number format
    assert "（二）部分公开" in texts  # rich text runs joined
    assert "12" in texts and "1.5" in texts and "-1" in texts and "15" in texts  # 15: the formula's cached value
    assert "不应读取" not in texts  # the hidden sheet


def test_same_report_and_problems_through_either_reader(workbooks: list[Path],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    def imported(path: Path) -> tuple[str, list[str]]:
        try:
            result = import_file(path)
        except Exception as exc:  # an unreadable workbook must be unreadable the same way
            return f"{type(exc).__name__}: {exc}", []
        return report_to_json(result.report), [p.describe() for p in result.problems]

    fast = {p.name: imported(p) for p in workbooks}
    monkeypatch.setattr(sheet, "read_xlsx", sheet.read_xlsx_openpyxl)
    old = {p.name: imported(p) for p in workbooks}
    assert fast == old  # the project file text: every cell, text and meta


def test_unexpected_layout_falls_back_to_openpyxl(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from govopen_desktop.io.importers.readers import xlsx_cells

    calls: list[str] = []

    def broken(path: Path) -> Any:
        calls.append(path.name)
        raise xlsx_cells.UnexpectedXml("no")

    monkeypatch.setattr(xlsx_cells, "read_cells", broken)
    doc, _ = sheet.read_xlsx(FIXTURES / "sample-2024-stacked.xlsx", "s")
    old, _ = sheet.read_xlsx_openpyxl(FIXTURES / "sample-2024-stacked.xlsx", "s")
    assert calls == ["sample-2024-stacked.xlsx"] and _typed(doc) == _typed(old)


SERIALS = [0, 0.25, 0.5, 0.999988, 0.9999999, 1, 1.5, 59, 59.75, 60, 60.5, 61, 1000.123456, 45000, 45678.5,
           45678.999999, 2958465, 2958466, 1e9, -1, -0.5, 36526.000005787]


@pytest.mark.parametrize("duration", [False, True])
@pytest.mark.parametrize("epoch", ["1900", "1904"])
def test_a_date_serial_reads_as_openpyxl_reads_it(duration: bool, epoch: str) -> None:
    """A date, a time of day, a duration, the 1900 system's phantom 29 February, serials past
    9999: the same values as openpyxl's conversion, which the reader no longer imports."""
    from openpyxl.utils.datetime import from_excel

    from govopen_desktop.io.importers.readers.xlsx_cells import MAC_EPOCH, WINDOWS_EPOCH, _date

    start = WINDOWS_EPOCH if epoch == "1900" else MAC_EPOCH
    for serial in SERIALS:
        try:
            expected: object = from_excel(serial, start, timedelta=duration)
        except (OverflowError, ValueError):
            expected = "#VALUE!"
        assert _date(serial, start, duration) == expected, serial


def test_a_workbook_with_dates_is_read_without_loading_openpyxl() -> None:
    """openpyxl (and Pillow with it) take ~120 ms to import: a date cell, common on a report's
    signature line, must not load them (a reviewing office's every worker paid it)."""
    code = ("import sys; from govopen_desktop.io.importers import import_file; "
            f"import_file({str(FIXTURES / 'odd-cells-office.xlsx')!r}); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('openpyxl', 'PIL')))")
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
