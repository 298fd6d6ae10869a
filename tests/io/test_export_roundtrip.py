"""Export, then import with the project's importer: every cell, the meta and the text come
back exactly (both formats, both file kinds), on the real reports of ../shared."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from govopen_desktop.domain.report import TEXT_KEYS, Report
from govopen_desktop.io.exporters.docx_export import export_docx
from govopen_desktop.io.exporters.xlsx_export import export_xlsx
from tests.support.paths import load_expected, needs_shared, seed_names

pytestmark = needs_shared

EXPORTERS = {"docx": export_docx, "xlsx": export_xlsx}


def seed_report(name: str) -> Report:
    data = load_expected(name)
    return Report.from_dict({k: data[k] for k in ("meta", "cells", "text")})


def exact(value: object) -> tuple[str, str]:
    """A value with its type and written form: 0.1200 is not 0.12, 0 is not None."""
    return type(value).__name__, str(value) if not isinstance(value, Decimal) else format(value, "f")


@pytest.mark.parametrize("kind", sorted(EXPORTERS))
@pytest.mark.parametrize("name", seed_names())
def test_export_then_import_gives_the_report_back(name: str, kind: str, tmp_path: Path) -> None:
    from govopen_desktop.io.importers import import_file

    report = seed_report(name)
    path = tmp_path / f"{name}.{kind}"
    EXPORTERS[kind](report, path)
    back = import_file(path).report
    assert back.meta == report.meta
    diffs = {k: (report.cells.get(k), back.cells.get(k)) for k in report.format.keys
             if exact(report.cells.get(k)) != exact(back.cells.get(k))}
    assert diffs == {}
    assert {k: back.text.get(k) for k in TEXT_KEYS} == {k: report.text.get(k) for k in TEXT_KEYS}


@pytest.mark.parametrize("kind", sorted(EXPORTERS))
def test_amount_decimals_survive_the_round_trip(kind: str, tmp_path: Path) -> None:
    from govopen_desktop.io.importers import import_file

    report = Report.new("青山市自然资源和规划局", 2024, date="2025-01-20")
    report.set_values(dict.fromkeys(report.format.input_keys, 0))
    report.set_values({"t2.fees.amount": "0.1200"})
    path = tmp_path / f"r.{kind}"
    EXPORTERS[kind](report, path)
    assert exact(import_file(path).report.cells["t2.fees.amount"]) == ("Decimal", "0.1200")
