"""一、工作总体推进情况 (a 2025 town report's first heading): section 一 in other words, its
text read as the overview, not lost with 一、总体情况 reported missing. Written here from the
format file, with made-up numbers and names."""

from __future__ import annotations

from pathlib import Path

import pytest

from govopen_desktop.domain.checks import check
from govopen_desktop.domain.formats import load_format
from govopen_desktop.io.importers import import_file
from tests.support.import_builders import Expected, write_one_per_line


@pytest.mark.parametrize("fid", ["2019", "2021"])
def test_the_overview_headed_as_the_work_as_a_whole(tmp_path: Path, fid: str) -> None:
    fmt = load_format(fid)
    cells = {k: 0 for k, f in fmt.fields.items() if f.row >= 0 and f.derived is None and f.kind != "unit"}
    text = {"overview": "（一）主动公开提质增效。全年主动公开政府信息40条。\n"
                        "（二）依申请公开规范有序。全年未收到政府信息公开申请。",
            "problems": "公开的及时性还需提高。", "other": "本年度未收取信息处理费。"}
    year = 2020 if fid == "2019" else 2025
    exp = Expected({"agency": "西岭县东坪镇人民政府", "year": year, "format": fid, "date": None}, cells, text)
    path = tmp_path / "report.txt"
    write_one_per_line(exp, path)
    path.write_text(path.read_text(encoding="utf-8").replace("一、总体情况", "一、工作总体推进情况"), encoding="utf-8")
    report = import_file(path).report
    assert report.text["overview"] == text["overview"]
    assert not [f for f in check(report) if f.rule == "R-SECTIONS" and f.level == "error"]
