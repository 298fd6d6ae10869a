"""Table 4 printed as several rows, one per group: offices that print 行政复议 and 行政诉讼 as
two tables (each under its own header row), or a row per group (行政复议 / 未经复议直接起诉 /
复议后起诉, the results across). Every number is placed by the headers printed above it and
the group its row or table names, never by position alone; anything short of the whole table
read so gives nothing, and the usual reading goes on."""

from __future__ import annotations

from govopen_desktop.io.importers.labels import norm
from govopen_desktop.io.importers.neutral import Cell, Row
from govopen_desktop.io.importers.official_rows import is_value_text

Path = tuple[str, ...]  # a value column's groups, outermost first: ("行政诉讼", "未经复议直接起诉")


def _is_number(cell: Cell) -> bool:
    return cell.value is not None or (bool(cell.text.strip()) and is_value_text(cell.text))


def _paths_named(text: str, paths: list[Path]) -> list[Path]:
    """The groups a row's label or a table's caption names: by their innermost part first
    (复议后起诉), else by an outer one (行政诉讼: both its parts)."""
    n = norm(text)
    for depth in range(max(len(p) for p in paths), 0, -1):
        named = [p for p in paths if len(p) >= depth and norm(p[depth - 1]) in n]
        if named:
            return named
    return []


def read_grouped(rows: list[Row], labels: dict[str, str], start: int,
                 stop: int) -> tuple[dict[str, Cell], list[int]] | None:
    """key -> the cell printed for it, and the value rows read, when rows start..stop give every
    key by its group and result headers and the table is printed in two or more value rows."""
    parts = {k: tuple(label.split(" · ")) for k, label in labels.items()}
    if any(len(p) < 2 for p in parts.values()):
        return None
    paths: list[Path] = list(dict.fromkeys(p[:-1] for p in parts.values()))
    leaves = list(dict.fromkeys(p[-1] for p in parts.values()))
    by_place = {(p[:-1], p[-1]): k for k, p in parts.items()}
    leaf_norms = {norm(lf): lf for lf in leaves}
    context: list[Path] = list(paths)
    order: list[str] = []  # the result headers of the last header row, left to right
    placed: dict[str, Cell] = {}
    value_rows: list[int] = []
    for i in range(start, stop):
        filled = [c for c in rows[i].cells if c.text.strip() or c.value is not None]
        if not filled:
            continue
        texts = [c for c in filled if not _is_number(c)]
        named_leaves = [leaf_norms[norm(c.text)] for c in texts if norm(c.text) in leaf_norms]
        corner = len(texts) - len(named_leaves) == 1 and norm(texts[0].text) not in leaf_norms  # 类别
        if len(named_leaves) >= 2 and len(texts) == len(filled) and (len(named_leaves) == len(texts) or corner):
            order = named_leaves  # 结果维持 结果纠正 … (once or once per group)
            continue
        if texts and len(texts) == len(filled):  # a caption or a row of group names
            named = [p for c in texts for p in _paths_named(c.text, paths)]
            if named:
                context = list(dict.fromkeys(named))
            continue
        numbers = [c for c in filled if _is_number(c)]
        row_paths = _paths_named(texts[0].text, paths) if texts and filled[0] is texts[0] else []
        if len(texts) > (1 if row_paths else 0) or not order:
            return None  # a row this reading cannot place every number of
        groups = row_paths if row_paths else context
        if len(order) == len(numbers) and len(order) % len(leaves) == 0 and len(order) > len(leaves):
            columns = [(g, lf) for g in groups for lf in leaves]  # header printed once per group
            if [lf for _, lf in columns] != order:
                return None
        elif len(order) == len(leaves) and len(numbers) == len(groups) * len(leaves):
            columns = [(g, lf) for g in groups for lf in order]
        else:
            return None
        for place, cell in zip(columns, numbers, strict=True):
            key = by_place.get(place)
            if key is None or key in placed:
                return None
            placed[key] = cell
        value_rows.append(i)
    if len(value_rows) < 2 or set(placed) != set(labels):
        return None
    return placed, value_rows
