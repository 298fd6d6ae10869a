"""The reviewing office's findings workbook from `govopen check FOLDER --xlsx`, read back."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from govopen_desktop.cli.main import main
from govopen_desktop.domain.checks import check
from govopen_desktop.domain.findings import Level
from govopen_desktop.io.project import save_report
from govopen_desktop.io.review_inputs import expand_inputs
from tests.support.reports import filled_report


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "各单位年报"
    (folder / "街道").mkdir(parents=True)
    good = filled_report("2021")
    good.set_meta(agency="甲局")
    good.set_text("overview", "一、总体情况\n本机关认真落实条例。")
    save_report(good, folder / "甲局.govopen")
    wrong = filled_report("2021")
    wrong.set_meta(agency="乙街道办事处")
    wrong.set_values({"t3.results_total.natural": 999}, force=True)  # published total off: errors
    save_report(wrong, folder / "街道" / "乙.govopen")
    (folder / "坏文件.docx").write_bytes(b"PK\x03\x04broken")
    (folder / "~$甲局.docx").write_bytes(b"lock file of an open document")
    (folder / "说明.png").write_bytes(b"\x89PNG")
    return folder


def test_a_units_ofd_submission_is_listed_as_unreadable_not_skipped(tmp_path: Path) -> None:
    import zipfile

    folder = _folder(tmp_path)
    with zipfile.ZipFile(folder / "丙局.ofd", "w") as zf:
        zf.writestr("OFD.xml", "<ofd:OFD xmlns:ofd='http://www.ofdspec.org/2016'/>")
    out = tmp_path / "检查结果.xlsx"
    main(["check", str(folder), "--summary", "--xlsx", str(out)])
    unreadable = [[c.value for c in r] for r in load_workbook(out)["无法读取"].iter_rows(min_row=2)]
    assert any(row[0] == "丙局.ofd" and "OFD 版式文件" in str(row) for row in unreadable)


def test_folder_walk_takes_readable_kinds_only(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    names = sorted(p.name for p in expand_inputs([folder]))
    assert names == ["乙.govopen", "坏文件.docx", "甲局.govopen"]  # not 说明.png, not the lock file


def test_findings_workbook_from_a_mixed_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _folder(tmp_path)
    out = tmp_path / "检查结果.xlsx"
    code = main(["check", str(folder), "--summary", "--xlsx", str(out)])
    assert code == 2  # one file unusable
    capsys.readouterr()
    wb = load_workbook(out)
    assert wb.sheetnames == ["汇总", "问题清单", "无法读取"]

    summary = wb["汇总"]
    header = [c.value for c in summary[1]]
    assert header[:8] == ["单位", "年度", "格式", "文件", "错误", "警告", "提示", "已说明"]
    rows = [[c.value for c in r] for r in summary.iter_rows(min_row=2)]
    assert [r[0] for r in rows] == ["乙街道办事处", "甲局", "（无法读取）"]  # most errors first, unreadable last
    wrong_report_errors = sum(
        1 for f in check(_reload(folder / "街道" / "乙.govopen")) if f.level == Level.ERROR
    )
    assert rows[0][4] == wrong_report_errors > 0
    assert rows[1][4] < rows[0][4]
    assert summary.freeze_panes == "A2"
    assert summary.auto_filter.ref.startswith("A1:")
    with zipfile.ZipFile(out) as z:  # openpyxl does not read charts back: look at the parts
        chart = z.read("xl/charts/chart1.xml").decode()
    assert "barChart" in chart and "汇总" in chart

    findings = wb["问题清单"]
    listed = [[c.value for c in r] for r in findings.iter_rows(min_row=2)]
    per_unit = {u: sum(1 for r in listed if r[0] == u and r[2] != "导入问题") for u in ("乙街道办事处", "甲局")}
    total_by_summary = {r[0]: (r[4] or 0) + (r[5] or 0) + (r[6] or 0) + (r[7] or 0) for r in rows[:2]}
    assert per_unit == total_by_summary
    balance = [r for r in listed if r[0] == "乙街道办事处" and r[3] == "T3-RESULTS"]
    assert balance and "（七）总计" in balance[0][5]  # cells named by their printed labels

    unusable = [[c.value for c in r] for r in wb["无法读取"].iter_rows(min_row=2)]
    assert len(unusable) == 1 and unusable[0][0].endswith("坏文件.docx") and unusable[0][1]

    # files by their path from the folder checked (a column shows that whole), the folder on each page
    shown = {r[3] for r in rows} | {r[1] for r in listed}
    assert str(Path("街道") / "乙.govopen") in shown and not any(str(tmp_path) in f for f in shown)
    assert all(str(folder) in ws.oddHeader.left.text for ws in wb.worksheets)


def _reload(path: Path):
    from govopen_desktop.io.project import load_report

    return load_report(path)


def test_accepted_warning_is_counted_and_its_note_listed(tmp_path: Path) -> None:
    from govopen_desktop.domain.findings import finding_key

    report = filled_report("2021")
    report.set_meta(agency="丙局")
    warning = next(f for f in check(report) if f.level == Level.WARNING)
    report.acceptances[finding_key(warning)] = "文件到期失效，已核实。"
    save_report(report, tmp_path / "丙局.govopen")
    out = tmp_path / "r.xlsx"
    assert main(["check", str(tmp_path / "丙局.govopen"), "--xlsx", str(out)]) in (0, 1)
    wb = load_workbook(out)
    header = [c.value for c in wb["汇总"][1]]
    row = [c.value for c in wb["汇总"][2]]
    assert row[header.index("已说明")] == 1
    open_warnings = sum(1 for f in check(report) if f.level == Level.WARNING and f.accepted is None)
    assert row[header.index("警告")] == open_warnings
    listed = [[c.value for c in r] for r in wb["问题清单"].iter_rows(min_row=2)]
    accepted = [r for r in listed if r[-1] == "文件到期失效，已核实。"]
    assert len(accepted) == 1 and accepted[0][2] == "警告（已说明）" and accepted[0][3] == warning.rule


def test_import_problems_counted_alike_in_the_summary_and_the_workbook(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A published page missing a row of table 3: the problems list says it in one line ("该行 7
    格留空"), and both the --summary column and the workbook's 导入问题 count its 7 cells."""
    import re

    from govopen_desktop.io.exporters.html_export import build_html

    report = filled_report("2021")
    report.set_meta(agency="丙局")
    page = build_html(report)
    row = re.compile(r"<tr>(?:(?!</tr>).)*（一）予以公开(?:(?!</tr>).)*</tr>", re.S)
    assert len(row.findall(page)) == 1
    folder = tmp_path / "各单位年报"
    folder.mkdir()
    (folder / "丙局.html").write_text(row.sub("", page), encoding="utf-8")
    (folder / "甲局.govopen").write_bytes(b"")  # a second file, so --summary prints its table
    out = tmp_path / "检查结果.xlsx"
    main(["check", str(folder), "--summary", "--xlsx", str(out)])
    lines = [line.split("\t") for line in capsys.readouterr().out.splitlines() if "\t" in line]
    places = int(next(line for line in lines if line[-1].endswith("丙局.html"))[3])
    wb = load_workbook(out)
    summary = wb["汇总"]
    header = [c.value for c in summary[1]]
    unit = next(r for r in summary.iter_rows(min_row=2, values_only=True) if r[0] == "丙局")
    counted = unit[header.index("导入问题")]
    listed = [r for r in wb["问题清单"].iter_rows(min_row=2, values_only=True) if r[0] == "丙局" and r[2] == "导入问题"]
    assert counted == places >= 7 > len(listed)
    assert any("该行 7 格留空" in str(r[6]) for r in listed)


def test_long_messages_get_rows_tall_enough_to_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Excel does not grow a row for wrapped text when it opens a file: the rows are sized here."""
    folder = _folder(tmp_path)
    out = tmp_path / "检查结果.xlsx"
    main(["check", str(folder), "--summary", "--xlsx", str(out)])
    capsys.readouterr()
    findings = load_workbook(out)["问题清单"]
    width = findings.column_dimensions["G"].width
    long_rows = [r for r in findings.iter_rows(min_row=2) if len(str(r[6].value)) * 2 > 2 * width]
    assert long_rows, "no message longer than two lines of its column"
    for row in long_rows:
        assert row[6].alignment.wrap_text
        assert (findings.row_dimensions[row[0].row].height or 0) >= 3 * 14


def test_a_units_ofd_report_is_checked_like_any_other(tmp_path: Path) -> None:
    from tests.support.ofd_writer import ofd_from_pdf
    from tests.support.paths import TEST_DATA

    folder = _folder(tmp_path)
    ofd_from_pdf(TEST_DATA / "import" / "producer-watermark.pdf", folder / "丙局.ofd")
    out = tmp_path / "检查结果.xlsx"
    main(["check", str(folder), "--summary", "--xlsx", str(out)])
    book = load_workbook(out)
    summary = [[c.value for c in r] for r in book["汇总"].iter_rows(min_row=2)]
    assert any(row[0] == "青山市自然资源和规划局" and row[1] == 2024 and row[3] == "丙局.ofd" for row in summary)
    assert not any(row[0] == "丙局.ofd" for row in book["无法读取"].iter_rows(min_row=2, values_only=True))
