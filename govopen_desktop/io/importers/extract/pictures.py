"""Tables published as pictures: a CMS page or a Word file that shows a table as an image
has no numbers to read there, and the clerk is told so rather than that its rows are missing."""

from __future__ import annotations

from govopen_desktop.domain.formats import ReportFormat
from govopen_desktop.io.importers.neutral import Row
from govopen_desktop.io.importers.problems import ImportProblem


def name_pictured_tables(rows: list[Row], fmt: ReportFormat, regions: dict[str, tuple[int, int]],
                         cells: dict[str, object], problems: list[ImportProblem]) -> list[ImportProblem]:
    """The problems, those of a table of which nothing was read and whose part of the document
    holds a picture and no table row said again: the table is a picture, each cell named."""
    out = list(problems)
    for table in fmt.tables:
        start, stop = regions.get(table.id, (0, 0))
        part = rows[start:stop]
        pictures = [r.picture for r in part if r.picture]
        if not pictures or any(r.is_table for r in part):
            continue  # most tables: no picture where they stand
        keys = {k for k, f in fmt.fields.items() if f.table == table.id}
        if any(cells.get(k) is not None for k in keys):
            continue
        shown = "、".join(dict.fromkeys(pictures))
        said = f"“{table.heading}”的表格在原文中是图片（{shown}），图中的数字无法读取"
        for n, p in enumerate(out):
            if p.key in keys and p.message.startswith("没有找到"):
                label = fmt.fields[p.key].label
                out[n] = ImportProblem(f"{said}，请对照原文填写，“{label}”留空。", p.key, p.place)
    return out
