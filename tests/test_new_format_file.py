"""A new format revision is a new data file, not new code: a made-up 2031 revision (a renamed
table-3 row with a new id, a new hint, a new drafting button, other years) drives the window,
the checker, both exporters and the importer without any code knowing it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from govopen_desktop.domain.formats import (
    FORMATS_DIR_ENV,
    available_formats,
    format_for_year,
    reset_format_cache,
    selectable_years,
    templates_dir,
)
from govopen_desktop.domain.report import Report
from tests.gui_helpers import FakePrompter, gui_env, make_window, prompter  # noqa: F401  (fixtures)

OLD_LABEL, NEW_LABEL = "（一）予以公开", "（一）经审查决定全部公开"
T4_HINT = "2031年修订：表四每组“总计”自动计算；尚未审结的案件下年度继续统计。"
PROBLEMS_DRAFT = "{year}年度{agency}政务公开工作还存在以下不足："


def made_up_formats(folder: Path) -> Path:
    """2021.json ending in 2030, and a 2031 revision copied from it with its changes as data."""
    folder.mkdir()
    text = (templates_dir() / "formats" / "2021.json").read_text(encoding="utf-8")
    current = json.loads(text)
    current["years"]["last"] = 2030
    (folder / "2021.json").write_text(json.dumps(current, ensure_ascii=False), encoding="utf-8")
    assert text.count(OLD_LABEL) == 1
    revised = json.loads(text.replace('"granted"', '"disclosed"').replace(".granted.", ".disclosed.")
                         .replace(OLD_LABEL, NEW_LABEL))
    revised.update(id="2031", document="测试〔2030〕1号", years={"first": 2031, "last": None})
    window: dict[str, Any] = revised["window"]
    pages = {p["section"]: p for p in window["pages"]}
    pages["t4"]["hint"] = T4_HINT
    pages["problems"]["buttons"] = [{"draft": "problems_intro", "label": "插入问题开头", "tip": "插入一句开头"}]
    revised["drafts"]["problems_intro"] = {"template": PROBLEMS_DRAFT, "defaults": {"agency": "本机关"}}
    (folder / "2031.json").write_text(json.dumps(revised, ensure_ascii=False, indent=1), encoding="utf-8")
    return folder


@pytest.fixture
def revision_2031(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv(FORMATS_DIR_ENV, str(made_up_formats(tmp_path / "formats")))
    reset_format_cache()
    yield tmp_path
    monkeypatch.delenv(FORMATS_DIR_ENV)
    reset_format_cache()


def report_2031() -> Report:
    report = Report.new("测试市测试局", 2031)
    values: dict[str, Any] = {k: 0 for k in report.format.input_keys if report.format.fields[k].kind == "count"}
    values.update({"t3.new.natural": 7, "t3.disclosed.natural": 5, "t3.partial.natural": 1,
                   "t3.carried_out.natural": 1, "t2.regulations.issued": 2, "t2.regulations.in_force": 2})
    report.set_values(values)
    report.recompute()
    report.text.update(overview="（一）主动公开\n本年度主动公开信息。", problems="存在的问题。", other="无。")
    return report


def test_the_catalogue_reads_the_new_file(revision_2031: Path) -> None:
    assert available_formats() == ("2021", "2031")
    assert format_for_year(2030).id == "2021" and format_for_year(2031).id == "2031"
    assert selectable_years() == (2021, 2100)  # no 2019 file in this folder: the years start in 2021
    fmt = format_for_year(2031)
    row = fmt.table("t3").row_ids.index("disclosed")
    assert fmt.fields["t3.disclosed.total"].label.startswith(f"三、本年度办理结果 · {NEW_LABEL}")
    assert "t3.granted.total" not in fmt.fields and row == 2


def test_the_checker_follows_the_new_rows(revision_2031: Path) -> None:
    from govopen_desktop.domain.checks import check

    report = report_2031()
    assert [f for f in check(report) if f.level.value == "error"] == []
    report.set_values({"t3.disclosed.natural": 6})  # 7 new = 6 + 1 + 1 carried out: one too many
    report.recompute()
    balance = [f for f in check(report) if f.rule == "T3-BAL"]
    assert balance and "t3.results_total.natural" in balance[0].cells  # summed over the renamed row
    # the carry-over rule reads its rows and its words from the file
    prior = Report.new("测试市测试局", 2030)
    prior.set_values({"t3.carried_out.natural": 4})
    prior.recompute()
    report.prior = prior
    carry = [f for f in check(report) if f.rule == "T3-CARRY"]
    assert carry and carry[0].section == "t3" and "2030 年度报告" in carry[0].message
    assert "t3.carried_in.natural" in carry[0].cells


@pytest.mark.parametrize("kind", ["docx", "xlsx"])
def test_export_and_import_back(revision_2031: Path, kind: str) -> None:
    from govopen_desktop.io.exporters.docx_export import export_docx
    from govopen_desktop.io.exporters.xlsx_export import export_xlsx
    from govopen_desktop.io.importers import import_file

    report = report_2031()
    path = revision_2031 / f"report.{kind}"
    (export_docx if kind == "docx" else export_xlsx)(report, path)
    if kind == "docx":
        import docx

        texts = [c.text for t in docx.Document(str(path)).tables for row in t.rows for c in row.cells]
        assert NEW_LABEL in texts and OLD_LABEL not in texts
    back = import_file(path)
    assert back.report.meta.format == "2031" and back.report.meta.year == 2031
    assert {k: v for k, v in back.report.cells.items() if v is not None} == {
        k: v for k, v in report.cells.items() if v is not None
    }
    assert back.report.cells["t3.disclosed.natural"] == 5


def test_the_window_shows_the_new_format(
    revision_2031: Path, gui_env: Path, qtbot: Any, prompter: FakePrompter  # noqa: F811
) -> None:
    from PySide6.QtWidgets import QPushButton

    from govopen_desktop.qt.dialogs import NewReportDialog
    from govopen_desktop.qt.roles import Roles

    report = report_2031()
    window = make_window(qtbot, revision_2031, prompter, report, revision_2031 / "r.govopen")
    assert window.navigator.currentItem().text().startswith("三、")  # the format's start page
    t3 = window.show_section("t3")
    labels = [t3.model.index(r, c).data() for r in range(t3.model.rowCount()) for c in range(3)]
    assert NEW_LABEL in labels and OLD_LABEL not in labels
    index = t3.model.index_of("t3.disclosed.natural")
    assert index.data(Roles.CellKey) == "t3.disclosed.natural" and index.data() == "5"
    assert window.show_section("t4").hint.text() == T4_HINT
    problems = window.show_section("problems")
    button = next(b for b in problems.findChildren(QPushButton) if b.text() == "插入问题开头")
    problems.editor.setPlainText("")
    button.click()
    assert problems.editor.toPlainText() == "2031年度测试市测试局政务公开工作还存在以下不足："
    assert window.document.report.text["problems"] == problems.editor.toPlainText()
    cover = window.show_section("cover")
    assert (cover.year.minimum(), cover.year.maximum()) == (2021, 2100)
    dialog = NewReportDialog(None, "测试市测试局", lambda: None)
    qtbot.addWidget(dialog)
    assert dialog.year.minimum() == 2021
