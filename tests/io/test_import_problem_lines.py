"""Import problems as lines for a reader: a row's cells left empty for one reason are one line
(a cut-off page said 176 lines, one per cell); the problems themselves stay one per cell."""

from __future__ import annotations

from govopen_desktop.io.importers.problems import ImportProblem, describe_grouped

PLACE = "三、收到和处理政府信息公开申请情况"
ROW = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"


def _not_found(column: str, key: str) -> ImportProblem:
    return ImportProblem(f"没有找到“{ROW}”这一行，“三、本年度办理结果 · {ROW} · {column}”留空。", key, PLACE)


def test_a_rows_cells_left_empty_for_one_reason_are_one_line() -> None:
    problems = [_not_found(c, f"t3.partial.{k}") for c, k in (("自然人", "natural"), ("商业企业", "commercial"),
                                                              ("科研机构", "research"), ("总计", "total"))]
    other = ImportProblem("“规章 · 本年制发件数”印的是“12件”（带有单位），已按原样保留，请核对。",
                          "t2.regulations.issued", "表二")
    assert describe_grouped([*problems, other]) == [
        f"［{PLACE}］没有找到“{ROW}”这一行，该行 4 格留空（t3.partial.natural 等）。",
        other.describe(),
    ]


def test_two_alike_problems_and_problems_at_other_places_stay_as_they_are() -> None:
    two = [_not_found("自然人", "t3.partial.natural"), _not_found("商业企业", "t3.partial.commercial")]
    assert describe_grouped(two) == [p.describe() for p in two]
    apart = [_not_found("自然人", "t3.partial.natural"), ImportProblem("其他", None, PLACE),
             _not_found("商业企业", "t3.partial.commercial"), _not_found("总计", "t3.partial.total")]
    assert describe_grouped(apart) == [p.describe() for p in apart]
