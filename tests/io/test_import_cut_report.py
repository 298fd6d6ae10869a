"""A report stored without its title and its end (a site's copy from 一、总体情况 to 表三):
the overview's sentences are the overview's, not notes of the table 4 that was
looked for from the top, so the checks read them once, in 一. Written here from the format
file, with made-up numbers."""

from __future__ import annotations

from pathlib import Path

from govopen_desktop.domain.checks import check
from govopen_desktop.domain.formats import load_format
from govopen_desktop.io.importers import import_file
from tests.support.import_builders import Expected, write_one_per_line


def test_a_report_cut_after_table_3_reads_its_overview_once(tmp_path: Path) -> None:
    fmt = load_format("2021")
    cells = {k: 0 for k, f in fmt.fields.items() if f.row >= 0 and f.derived is None}
    cells["t3.new.natural"] = 3
    cells["t3.granted.natural"] = 3
    text = {"overview": "（一）主动公开。全年主动公开政府信息40条。\n"
                        "（二）依申请公开。本年度共受理政府信息公开申请2件，均按期答复。",
            "problems": "公开的及时性还需提高。", "other": "本年度未收取信息处理费。"}
    exp = Expected({"agency": "西岭县体育局", "year": 2023, "format": "2021", "date": None}, cells, text)
    path = tmp_path / "cut.txt"
    write_one_per_line(exp, path)
    whole = path.read_text(encoding="utf-8")
    # as the stored copy has it: from 一、总体情况 (no title line) to the end of table 3
    path.write_text(whole[whole.index("一、总体情况"): whole.index("四、政府信息公开行政复议")], encoding="utf-8")

    report = import_file(path).report
    assert report.text["note.t4"] is None and "table_notes" not in report.extra["source"]
    found = [f for f in check(report) if f.rule == "T3-TEXT"]
    assert [f.section for f in found] == ["overview"]
