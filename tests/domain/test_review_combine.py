"""汇总: the region's tables as the sum of its units — in the domain and through `govopen combine`."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from govopen_desktop.cli.main import main
from govopen_desktop.domain.combine import UnitReport, combine
from govopen_desktop.domain.report import Report
from govopen_desktop.io.project import load_report, save_report
from tests.support.reports import filled_report


def _unit(format_id: str, agency: str, scale: int = 1) -> Report:
    report = filled_report(format_id)
    report.set_meta(agency=agency)
    fmt = report.format
    report.set_values({
        k: v * scale for k, v in report.cells.items()
        if k in fmt.input_keys and fmt.fields[k].kind in ("count", "signed_count") and isinstance(v, int)
    })
    return report


@pytest.mark.parametrize("format_id", ["2019", "2021"])
def test_sum_is_cell_by_cell_and_totals_are_derived(format_id: str) -> None:
    a, b = _unit(format_id, "甲街道办事处"), _unit(format_id, "乙街道办事处", scale=3)
    result = combine([UnitReport("a", a), UnitReport("b", b)], agency="某区人民政府", year=a.meta.year)
    fmt = result.report.format
    assert result.report.meta.agency == "某区人民政府"
    for key in fmt.input_keys:
        kind = fmt.fields[key].kind
        if kind in ("count", "signed_count"):
            assert result.report.get(key) == a.get(key) + b.get(key), key  # type: ignore[operator]
        elif kind == "amount":
            assert result.report.get(key) == Decimal("0.2400"), key
    # a derived total is the sum of the summed parts, as in any report
    total_key = "t3.new.total"
    assert result.report.get(total_key) == a.get(total_key) + b.get(total_key)  # type: ignore[operator]
    assert result.incomplete == {}
    assert [u["agency"] for u in result.report.extra["provenance"]["units"]] == ["甲街道办事处", "乙街道办事处"]


def test_empty_cell_of_a_unit_is_reported_and_the_known_part_summed() -> None:
    a, b = _unit("2021", "甲街道办事处"), _unit("2021", "乙街道办事处")
    b.set_value("t3.new.natural", None)
    result = combine([UnitReport("a", a), UnitReport("b", b)], agency="某区", year=a.meta.year)
    assert result.incomplete == {"t3.new.natural": ["乙街道办事处"]}
    assert result.report.get("t3.new.natural") == a.get("t3.new.natural")


def test_other_year_refused_duplicate_flagged_missing_unit_listed() -> None:
    a = _unit("2021", "甲街道办事处")
    again = _unit("2021", "甲街道 办事处")  # the same unit written with a space
    old = _unit("2021", "丙镇人民政府")
    old.set_meta(year=a.meta.year - 1)
    result = combine(
        [UnitReport("a.govopen", a), UnitReport("a2.govopen", again), UnitReport("old.govopen", old)],
        agency="某区", year=a.meta.year, expected_units=["甲街道办事处", "丁乡人民政府"],
    )
    assert [u.source for u in result.included] == ["a.govopen"]
    assert [r.source for r in result.duplicates] == ["a2.govopen"]
    assert [r.source for r in result.refused] == ["old.govopen"]
    assert f"{a.meta.year - 1} 年度" in result.refused[0].reason
    assert result.missing_units == ["丁乡人民政府"]
    assert result.report.get("t3.new.natural") == a.get("t3.new.natural")  # counted once


def test_amounts_in_yuan_and_wan_yuan_are_summed_in_wan_yuan() -> None:
    a, b = _unit("2019", "甲"), _unit("2019", "乙")
    a.set_values({"t2.procurement.amount": Decimal("20000"), "t2.procurement.amount_unit": "元"})
    b.set_values({"t2.procurement.amount": Decimal("1.5"), "t2.procurement.amount_unit": "万元"})
    result = combine([UnitReport("a", a), UnitReport("b", b)], agency="某区", year=a.meta.year)
    assert result.report.get("t2.procurement.amount") == Decimal("3.5")
    assert result.report.get("t2.procurement.amount_unit") == "万元"
    assert result.converted_units == ["t2.procurement.amount"]


def _write_units(folder: Path, year_format: str = "2021") -> tuple[Report, Report]:
    folder.mkdir()
    a, b = _unit(year_format, "甲街道办事处"), _unit(year_format, "乙街道办事处", scale=2)
    b.set_value("t4.review.upheld", None)
    save_report(a, folder / "甲.govopen")
    save_report(b, folder / "乙.govopen")
    old = _unit(year_format, "丙镇人民政府")
    old.set_meta(year=a.meta.year - 1)
    save_report(old, folder / "丙-上年.govopen")
    (folder / "坏文件.docx").write_bytes(b"PK\x03\x04 not really a document")
    return a, b


def test_combine_command_writes_report_breakdown_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, b = _write_units(tmp_path / "units")
    (tmp_path / "名单.txt").write_text("甲街道办事处\n乙街道办事处\n丁乡人民政府  # 新设\n", encoding="utf-8")
    out, xlsx = tmp_path / "region.govopen", tmp_path / "明细.xlsx"
    code = main(["combine", str(tmp_path / "units"), "--agency", "某区人民政府", "--year", str(a.meta.year),
                 "--units", str(tmp_path / "名单.txt"), "-o", str(out), "--xlsx", str(xlsx), "--json"])
    assert code == 2  # one file could not be read: said, and the rest still summed
    payload = json.loads(capsys.readouterr().out)
    assert [u["agency"] for u in payload["included"]] == ["乙街道办事处", "甲街道办事处"]
    assert payload["missing_units"] == ["丁乡人民政府"]
    assert [r["agency"] for r in payload["refused"]] == ["丙镇人民政府"]
    assert len(payload["unusable"]) == 1 and payload["unusable"][0]["file"].endswith("坏文件.docx")
    assert payload["incomplete"] == {"t4.review.upheld": ["乙街道办事处"]}

    region = load_report(out)
    assert region.meta.agency == "某区人民政府"
    assert region.get("t3.new.total") == a.get("t3.new.total") + b.get("t3.new.total")  # type: ignore[operator]
    assert region.extra["provenance"]["kind"] == "combine"
    assert len(region.extra["provenance"]["units"]) == 2

    wb = load_workbook(xlsx)
    assert wb.sheetnames == ["表二", "表三", "表四", "情况说明"]
    ws = wb["表三"]
    keys = [c.value for c in ws[2]]
    col = keys.index("t3.new.natural") + 1
    rows = {ws.cell(row=r, column=1).value: ws.cell(row=r, column=col).value for r in range(3, ws.max_row + 1)}
    assert rows["合计"] == region.get("t3.new.natural")
    assert rows["甲街道办事处"] + rows["乙街道办事处"] == rows["合计"]
    notes = " ".join(str(c.value) for row in wb["情况说明"].iter_rows() for c in row if c.value)
    assert "丁乡人民政府" in notes and "丙镇人民政府" in notes
    # files by their name in the folder (a column shows that whole), the folder on each printed page
    files = {ws.cell(row=r, column=2).value for r in range(3, ws.max_row)}
    assert files == {"甲.govopen", "乙.govopen"}
    assert "丙-上年.govopen" in notes and str(tmp_path) not in notes
    assert all(str(tmp_path / "units") in sheet.oddHeader.left.text for sheet in wb.worksheets)


def test_combine_command_text_output_and_exit_status(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "units"
    folder.mkdir()
    a, b = _unit("2019", "甲"), _unit("2019", "乙")
    save_report(a, folder / "a.govopen")
    save_report(b, folder / "b.govopen")
    code = main(["combine", str(folder), "--agency", "某区", "--year", str(a.meta.year),
                 "-o", str(tmp_path / "r.govopen")])
    text = capsys.readouterr().out
    assert code == 0
    assert "计入 2 份报告" in text and "已保存汇总报告" in text


def test_combine_with_no_usable_report_says_so_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "units"
    folder.mkdir()
    a = _unit("2021", "甲")
    save_report(a, folder / "a.govopen")
    out = tmp_path / "r.govopen"
    code = main(["combine", str(folder), "--agency", "某区", "--year", str(a.meta.year + 1), "-o", str(out)])
    captured = capsys.readouterr()
    assert code == 2
    assert "没有一份报告可以计入汇总" in captured.err
    assert not out.exists()


def test_a_compilation_adds_each_of_its_units(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A county's 汇编 of two bodies' reports in one file: both are summed, each named by its
    number in the file (before, only the first was, and the second was lost from the sum)."""
    from tests.support.clean_reports import clean_report
    from tests.support.import_builders import write_compilation

    first, second = clean_report("2021", agency="甲街道办事处"), clean_report("2021", agency="乙街道办事处")
    path = write_compilation(tmp_path / "汇编.txt", [first, second])
    out = tmp_path / "region.govopen"
    main(["combine", str(path), "--agency", "某区人民政府", "--year", str(first.meta.year), "-o", str(out), "--json"])
    payload = json.loads(capsys.readouterr().out)
    assert sorted(u["agency"] for u in payload["included"]) == ["乙街道办事处", "甲街道办事处"]
    assert {u["file"] for u in payload["included"]} == {f"{path}（第1份）", f"{path}（第2份）"}
    region = load_report(out)
    assert region.get("t3.new.total") == first.get("t3.new.total") + second.get("t3.new.total")  # type: ignore[operator]
