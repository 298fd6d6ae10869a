"""The import tests' builders (tests/support/import_builders.py) check themselves: spelling
variants differ from the official labels, null marks stay apart from zero, the grid places every key."""

from __future__ import annotations

from decimal import Decimal

import pytest

from govopen_desktop.domain.formats import load_format
from tests.support.import_builders import Expected, grid, render, spell

# ---- the builders' own checks -------------------------------------------------------------


def test_spell_variants_differ_from_official() -> None:
    assert spell("（一）予以公开", "half") == "(一)予以公开"
    assert spell("行政规范性文件", "half") == "规范性文件"
    assert spell("自然人", "spaced") == "自 然 人"
    assert spell("1.属于国家秘密", "half") == "1、属于国家秘密"


def test_render_keeps_null_distinct_from_zero() -> None:
    assert render(None, None, "-", True) == "-"
    assert render(0, None, "-", True) == "0"
    assert render(Decimal("4359957"), "元", "", False) == "4359957元"


@pytest.mark.parametrize("fmt_id", ["2019", "2021"])
def test_grid_places_every_key(fmt_id: str) -> None:
    fmt = load_format(fmt_id)
    exp = Expected({"format": fmt_id}, {k: None if f.kind == "unit" else 1 for k, f in fmt.fields.items()}, {})
    for table in fmt.tables:
        values = [o for o in grid(table, exp, "official", "", False) if o.value == 1]
        assert len(values) == len([k for k in table.keys if fmt.fields[k].kind != "unit"])
