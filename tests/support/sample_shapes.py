"""The sample report, and text laid out from it as a PDF viewer copies it (columns as runs of
spaces, long labels wrapped around their numbers): shared by the import tests of real shapes."""

from __future__ import annotations

from decimal import Decimal

from govopen_desktop.domain.formats import load_format
from govopen_desktop.domain.report import Report
from govopen_desktop.io.importers.official_rows import row_specs
from govopen_desktop.io.project import load_report
from tests.support.paths import SAMPLE

FMT = load_format("2021")
TITLE = "青山市自然资源和规划局2024年政府信息公开工作年度报告"


def sample() -> Report:
    return load_report(SAMPLE)


def shown(value: object) -> str:
    return "0" if value == 0 else str(value)


def cell_differences(want: Report, got: Report, keys: list[str] | None = None) -> list[str]:
    out = []
    for key in keys or list(FMT.keys):
        a, b = want.cells.get(key), got.cells.get(key)
        if (a is None) != (b is None) or (a is not None and Decimal(str(a)) != Decimal(str(b))):
            out.append(f"{key}: got {b!r}, want {a!r}")
    return out


def table_rows(report: Report, table_id: str) -> list[tuple[str | None, list[str]]]:
    """(label, printed values) of each value row of a table, from the format description."""
    table = FMT.table(table_id)
    return [(spec.label, [shown(report.cells[k]) for k in spec.keys]) for spec in row_specs(table)]


def headings() -> dict[str, str]:
    return {s.id: s.heading for s in FMT.sections}


# ---- text laid out by a PDF viewer (pdftotext -layout) -----------------------------------


def layout_text(report: Report, wrap: int = 12) -> str:
    """Columns as runs of spaces; labels longer than `wrap` broken around their numbers
    (first part above the line of numbers, the rest below), page feet between pages."""
    h = headings()
    lines = [" " * 20 + report.meta.agency, " " * 8 + "2024年政府信息公开工作年度报告", "",
             "   " + h["overview"], report.text["overview"] or "", "", "-1-", "", "   " + h["t2"]]
    lines.append("信息内容          本年制发件数     本年废止件数   现行有效件数")
    for label, values in table_rows(report, "t2"):
        lines.append(f"{label}            " + "        ".join(values))
    lines += ["", "   " + h["t3"], " " * 50 + "申请人情况", " " * 30 + "自然人     法人或其他组织     总计"]
    for label, values in table_rows(report, "t3"):
        numbers = "        ".join(values)
        assert label is not None
        if len(label) > wrap:
            lines += ["      " + label[:wrap], " " * 36 + numbers, "      " + label[wrap:], ""]
        else:
            lines += ["      " + label + " " * max(2, 30 - len(label)) + numbers, ""]
    lines += ["-2-", "", "   " + h["t4"], "行政复议                          行政诉讼",
              "结果   结果   其他   尚未   总计"]
    lines.append("   ".join(table_rows(report, "t4")[0][1]))
    lines += ["", "   " + h["problems"], report.text["problems"] or "", "   " + h["other"],
              report.text["other"] or "", "", " " * 40 + report.meta.agency, " " * 40 + "2025年1月20日", "", "-3-"]
    return "\n".join(lines)
