"""Where a report's content came from, for the cover's 数据来源 line: the file it was imported
from, the register its tables 3 and 4 were counted from, the units a summed report adds up.
Read from what the report keeps (extra["source"], ["register"], ["provenance"]): a project file
saved after an import still says so."""

from __future__ import annotations

from govopen_desktop.domain.report import Report


def data_sources(report: Report) -> list[str]:
    """The sentences, in the order the content came in (none for a report typed in here)."""
    extra = report.extra
    lines: list[str] = []
    source = extra.get("source")
    if isinstance(source, dict) and isinstance(source.get("file"), str) and source["file"]:
        lines.append(f"从“{source['file']}”导入。")
    register = extra.get("register")
    if isinstance(register, dict) and isinstance(register.get("file"), str) and register["file"]:
        year = register.get("year")
        of_year = f"（{year}年度）" if isinstance(year, int) else ""
        lines.append(f"表三、表四由台账“{register['file']}”{of_year}统计。")
    if "provenance" in extra:  # a summed report: its module loads only then
        from govopen_desktop.domain.combine import provenance_text

        summed = provenance_text(report)
        if summed:
            lines.append(summed)
    return lines
