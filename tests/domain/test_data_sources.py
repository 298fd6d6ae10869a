"""Where a report's content came from, as the cover says it."""

from __future__ import annotations

from govopen_desktop.domain.data_sources import data_sources
from tests.support.reports import filled_report


def test_import_register_and_sum_each_named_in_order() -> None:
    report = filled_report("2021")
    assert data_sources(report) == []
    report.extra["source"] = {"file": "上年报告.pdf", "kind": "pdf"}
    report.extra["register"] = {"file": "依申请公开台账.xlsx", "year": 2024, "counted": {}}
    report.extra["provenance"] = {"kind": "combine", "units": [{"agency": "甲"}, {"agency": "乙"}]}
    assert data_sources(report) == [
        "从“上年报告.pdf”导入。",
        "表三、表四由台账“依申请公开台账.xlsx”（2024年度）统计。",
        "本报告的表二、表三、表四由 2 个单位的报告汇总而成。",
    ]


def test_what_a_hand_edited_file_holds_otherwise_is_left_out() -> None:
    report = filled_report("2021")
    report.extra["source"] = {"file": ""}
    report.extra["register"] = "台账.xlsx"
    report.extra["provenance"] = {"kind": "other"}
    assert data_sources(report) == []
