"""The five seed reports written as .xlsx (three sheets; one stacked sheet), .docx (merged
official grid; another layout) and .html, generated from the expected JSON, import
cell-exact."""

from __future__ import annotations

from pathlib import Path

import pytest

from govopen_desktop.io.importers import import_file
from tests.support.import_builders import WRITERS, cell_differences, expected_from, texts_of
from tests.support.paths import load_expected, needs_shared, seed_names

pytestmark = needs_shared

CASES = [(seed, layout) for seed in seed_names() for layout in WRITERS]


@pytest.mark.parametrize(("seed", "layout"), CASES)
def test_generated_file_imports_cell_exact(seed: str, layout: str, tmp_path: Path) -> None:
    exp = expected_from(load_expected(seed))
    path = tmp_path / f"{seed}-{layout}"
    WRITERS[layout](exp, path)
    result = import_file(path)
    report = result.report
    assert cell_differences(exp.cells, report.cells) == []
    assert report.meta.agency == exp.meta["agency"]
    assert report.meta.year == exp.meta["year"]
    assert report.meta.format == exp.meta["format"]
    kind = path.suffix.lstrip(".")
    assert report.extra["source"]["kind"] == ("html" if kind in ("htm", "mht") else kind)
    if kind in ("docx", "html", "htm", "mht", "txt"):
        assert report.meta.date == exp.meta["date"]
        assert texts_of(report.text, exp.text) == exp.text
    cell_problems = [p for p in result.problems if p.key and not p.key.startswith("meta.")]
    assert cell_problems == []


@needs_shared
def test_page_with_a_stray_bad_byte_in_its_declared_charset(tmp_path: Path) -> None:
    from tests.support.import_builders import write_html

    exp = expected_from(load_expected(seed_names()[3]))
    path = tmp_path / "page.html"
    write_html(exp, path)
    data = path.read_bytes()
    cut = data.index("总体情况".encode()) + 3
    path.write_bytes(data[:cut] + b"\xff" + data[cut:])  # a byte a download damaged
    report = import_file(path).report
    assert cell_differences(exp.cells, report.cells) == []
    assert report.meta.agency == exp.meta["agency"]
