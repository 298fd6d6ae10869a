"""The report's title, composed in one place: 青山市自然资源和规划局2024年政府信息公开工作年度报告."""

from __future__ import annotations

TITLE_TAIL = "政府信息公开工作年度报告"


def annual_report_title(agency: str, year: int | str) -> str:
    """The title as the cover, the file names, the exports and the command line write it."""
    return f"{agency}{year}年{TITLE_TAIL}"
