"""Old and odd files: .xls (committed fixtures, made once with LibreOffice by
tests/data/import/make_xls.py), a WPS .et that is BIFF inside, a web page saved with an .xls
name, and .doc through LibreOffice when it is installed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from govopen_desktop.io.importers import import_file
from govopen_desktop.io.importers.readers.convert import find_soffice
from govopen_desktop.io.project import load_report
from tests.support.import_builders import cell_differences, expected_from, texts_of, write_docx, write_html
from tests.support.paths import REPO, SAMPLE, load_expected, needs_shared

DATA = REPO / "tests" / "data" / "import"


def test_xls_stacked_sheet_sample() -> None:
    want = load_report(SAMPLE)
    result = import_file(DATA / "sample-2024-stacked.xls")
    assert cell_differences(want.cells, result.report.cells) == []
    assert (result.report.meta.agency, result.report.meta.year) == (want.meta.agency, want.meta.year)
    assert result.report.extra["source"]["kind"] == "xls"
    assert result.problems == []


@needs_shared
@pytest.mark.parametrize(("fixture", "seed"), [
    ("001_fb2a13aa5693ffc1-three-sheets.xls", "001_fb2a13aa5693ffc1"),
    ("004_75afd8928d84c447-stacked.xls", "004_75afd8928d84c447"),
])
def test_xls_seed_layouts(fixture: str, seed: str) -> None:
    exp = load_expected(seed)
    result = import_file(DATA / fixture)
    assert cell_differences(exp["cells"], result.report.cells) == []
    assert result.report.meta.agency == exp["meta"]["agency"]
    assert result.report.meta.format == exp["meta"]["format"]


def test_wps_et_with_biff_inside(tmp_path: Path) -> None:
    path = tmp_path / "年报.et"
    shutil.copyfile(DATA / "sample-2024-stacked.xls", path)
    result = import_file(path)
    assert result.report.extra["source"]["kind"] == "et"
    assert cell_differences(load_report(SAMPLE).cells, result.report.cells) == []


def test_xls_name_with_xlsx_inside_is_read_by_content(tmp_path: Path) -> None:
    from govopen_desktop.io.exporters.xlsx_export import export_xlsx

    path = tmp_path / "年报.xls"
    export_xlsx(load_report(SAMPLE), path)
    assert import_file(path).report.cells == load_report(SAMPLE).cells


@needs_shared
def test_web_page_saved_with_xls_name(tmp_path: Path) -> None:
    exp = expected_from(load_expected("003_0a922b1f360f4485"))
    path = tmp_path / "年报.xls"
    write_html(exp, path)
    result = import_file(path)
    assert result.report.extra["source"]["kind"] == "html"
    assert cell_differences(exp.cells, result.report.cells) == []


@needs_shared
@pytest.mark.slow
@pytest.mark.skipif(find_soffice() is None, reason="LibreOffice is not installed")
def test_doc_through_libreoffice(tmp_path: Path) -> None:
    from tests.support.office import office_convert

    exp = expected_from(load_expected("004_75afd8928d84c447"))
    docx = tmp_path / "report.docx"
    write_docx(exp, docx)
    office_convert([docx], "doc", tmp_path)
    doc = tmp_path / "去年年报.doc"
    (tmp_path / "report.doc").rename(doc)
    result = import_file(doc)
    assert result.report.extra["source"] == {**result.report.extra["source"], "file": "去年年报.doc", "kind": "doc"}
    assert cell_differences(exp.cells, result.report.cells) == []
    assert texts_of(result.report.text, exp.text) == exp.text
