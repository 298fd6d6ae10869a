"""Reports in the shapes real published ones take (tests/data/shapes, see CASES.md there):
CMS pages copied as text, one cell a line, flip-book PDF text, metadata blocks, 繁体 pages,
heading and title variants. Each input imports to exactly what its expected file says —
every cell (nulls included), the meta — and `check` on the import raises no false finding:
only the error rules the expected file lists, an R-FEE-STATEMENT warning only where 六 does
not state the fee, and no text-number warning (every text agrees with its tables)."""

from __future__ import annotations

import importlib.util
import json
import sys
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from govopen_desktop.domain.checks import check
from govopen_desktop.domain.findings import Level
from govopen_desktop.domain.values import Published
from govopen_desktop.io.importers import ImportResult, import_file
from tests.support.paths import TESTS

SHAPES = TESTS / "data" / "shapes"
EXPECTED = sorted(SHAPES.glob("*.expected.json"))


def _input(expected: Path) -> Path:
    stem = expected.name[: -len(".expected.json")]
    (found,) = [p for p in SHAPES.glob(stem + ".*") if not p.name.endswith(".json")]
    return found


def _load(expected: Path) -> dict[str, Any]:
    return json.loads(expected.read_text(encoding="utf-8"), parse_float=Decimal)


def _same(got: object, want: object) -> bool:
    if want is None or got is None:
        return want is None and got is None
    if isinstance(want, str) or isinstance(got, (str, Published)):
        return got == want
    return Decimal(str(got)) == Decimal(str(want))


def differences(cells: dict[str, Any], result: ImportResult) -> list[str]:
    return [f"{key}: got {result.report.cells.get(key)!r}, want {want!r}"
            for key, want in cells.items() if not _same(result.report.cells.get(key), want)]


def test_there_are_shape_cases() -> None:
    assert len(EXPECTED) >= 20


@pytest.mark.parametrize("expected", EXPECTED, ids=lambda p: p.name[: -len(".expected.json")])
def test_shape_imports_exactly(expected: Path) -> None:
    exp = _load(expected)
    result = import_file(_input(expected))
    assert differences(exp["cells"], result) == []
    assert result.found_meta() == exp["meta"]
    # a cell the print leaves uncertain is never filled without a problem naming it
    named = {p.key for p in result.problems}
    guessed = [k for k in result.report.format.keys
               if k not in exp["cells"] and result.report.cells.get(k) is not None and k not in named]
    assert guessed == []


@pytest.mark.parametrize("expected", EXPECTED, ids=lambda p: p.name[: -len(".expected.json")])
def test_shape_checks_without_false_findings(expected: Path) -> None:
    want = _load(expected)["check"]
    findings = check(import_file(_input(expected)).report)
    errors = sorted({f.rule for f in findings if f.level is Level.ERROR})
    warnings = {f.rule for f in findings if f.level is Level.WARNING}
    assert errors == sorted(want["errors"]), [f.message for f in findings if f.level is Level.ERROR]
    assert ("R-FEE-STATEMENT" in warnings) == want["fee_warning"]
    assert warnings & set(want["warnings_absent"]) == set(), [
        f.message for f in findings if f.rule in want["warnings_absent"]]


def test_inputs_are_what_the_generator_writes() -> None:
    """The committed inputs and expected files are make_shapes.py's output (data and print
    come from one description, so the expected cells are those printed)."""
    module = _generator()
    for case in module.cases():
        text, expected = module.written(case)
        assert (SHAPES / f"{case.name}.{case.ext}").read_text(encoding="utf-8") == text, case.name
        assert _load(SHAPES / f"{case.name}.expected.json") == json.loads(
            json.dumps(expected, ensure_ascii=False), parse_float=Decimal), case.name


def test_a_pdf_line_of_bars_is_a_table_row() -> None:
    """A CMS table pasted as text and printed to PDF: `规章 | 0 | 0 | 6 |` is a row of cells."""
    from govopen_desktop.io.importers.readers.pdf import _line_row

    row = _line_row([(56.0, "规章 | 0 | 0 | 6 |")], "第1页")
    assert row.is_table and row.texts == ["规章", "0", "0", "6"]
    assert not _line_row([(56.0, "全年主动公开政府信息86条。")], "第1页").is_table


def _generator() -> Any:
    spec = importlib.util.spec_from_file_location("make_shapes", SHAPES / "make_shapes.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_shapes"] = module
    spec.loader.exec_module(module)
    return module


# cases whose data differ most (2019 and 2021, zeros and many numbers, units, blanks, 繁体 names)
_DATA = ["pipe-rows-street-2023", "flipbook-numbers-district-2020", "pipe-rows-trial-street-2020",
         "flipbook-midlabels-bureau-2023", "text-subcounts-district-2024", "pipe-per-line-bureau-2021"]


def _assert_imports_as_printed(module: Any, printed: Any, path: Path) -> None:
    """The printed report written to `path` imports its cells and meta exactly."""
    text, exp = module.written(printed)
    path.write_text(text, encoding="utf-8")
    result = import_file(path)
    want = json.loads(json.dumps(exp, ensure_ascii=False), parse_float=Decimal)
    assert differences(want["cells"], result) == [], path.stem
    assert result.found_meta() == want["meta"], path.stem


@pytest.mark.parametrize("shape", sorted(_generator().RENDERERS))
def test_each_data_set_in_each_shape(shape: str, tmp_path: Path) -> None:
    """The same reports printed in every shape import exactly: a shape's reader does not
    depend on the one report it was first seen with."""
    module = _generator()
    for case in (c for c in module.cases() if c.name in _DATA):
        printed, ext = module.reprinted(case, shape)
        _assert_imports_as_printed(module, printed, tmp_path / f"{case.name}.{ext}")


@pytest.mark.parametrize("shape", ["pipe-rows", "cell-lines", "flipbook"])
def test_each_data_set_on_a_traditional_page(shape: str, tmp_path: Path) -> None:
    """The same reports as a site's 繁体 page: labels, headings, the title and the unit in a
    header are read folded; the agency is kept as printed."""
    module = _generator()
    for case in (c for c in module.cases() if c.name in _DATA):
        printed, ext = module.reprinted(case, shape)
        draw = printed.render
        printed = replace(printed, render=lambda c, draw=draw: draw(c).translate(module.TRAD),
                          expected_meta={"agency": case.agency.translate(module.TRAD)})
        _assert_imports_as_printed(module, printed, tmp_path / f"{case.name}.{ext}")


@pytest.mark.parametrize("line", [
    "12/1/26, 8:11 PM 南桥区卫生健康局2021年政府信息公开工作年度报告",
    "2024/1/19 10:25 南桥区卫生健康局2021年政府信息公开工作年度报告",
    "2022-01-19 下午3:05 南桥区卫生健康局2021年政府信息公开工作年度报告",
])
def test_a_browsers_print_header_is_not_the_agency(line: str) -> None:
    from govopen_desktop.io.importers.extract.meta import _title_match

    assert _title_match(line) == ("南桥区卫生健康局", 2021)
