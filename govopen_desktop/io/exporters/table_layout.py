"""How a table's text wraps in its columns and how tall its rows are, shared by the exports.

Labels wrap by width only (no baked line breaks), so the column widths decide where they
break: a label column is widened until none of its labels leaves a single character on its
last line (三、本年度办理结/果), the width coming from the value columns, which stay equal.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from govopen_desktop.domain.formats import GridCell, Table
from govopen_desktop.io.exporters.text import units

FIT_SLACK = 0.15  # characters of room kept for kerning differences between Word, WPS and LibreOffice
RENDER_SPREAD = 0.6  # characters a line may hold more in another program (font metrics, padding)
MAX_WIDEN = 8  # characters a label column may grow by; beyond that its labels are sentences that wrap anyway
DIGIT_SPREAD = 1.15  # a digit may be this much wider than half a character (proportional digits of a substitute font)
LABEL_KEEP = 4  # characters a label column keeps a line when value columns take width from it


def wrapped(text: str, per_line: float) -> list[float]:
    """Widths (in characters) of the lines `text` fills when wrapped at `per_line` characters,
    breaking anywhere, as CJK text does."""
    if per_line <= 0:
        return [units(text)]
    lines = [0.0]
    for ch in text:
        w = units(ch)
        if lines[-1] and lines[-1] + w > per_line + 1e-9:
            lines.append(0.0)
        lines[-1] += w
    return lines


def lone_tail(text: str, per_line: float) -> bool:
    """The text wraps and its last line holds a single character (or a digit and a stop)."""
    lines = wrapped(text, per_line)
    return len(lines) > 1 and lines[-1] <= 1.0


def row_heights(table: Table, need: Callable[[GridCell], float], minimum: float) -> list[float]:
    """Each row at least `minimum` and as tall as its cells `need`; a cell merged down shares
    what its rows lack out evenly among them."""
    heights = [float(minimum)] * table.n_rows
    spanning: list[tuple[GridCell, float]] = []
    for cell in table.cells:
        if cell.rowspan == 1:
            heights[cell.row] = max(heights[cell.row], need(cell))
        else:
            spanning.append((cell, need(cell)))
    for cell, cell_need in spanning:
        rows = range(cell.row, cell.row + cell.rowspan)
        deficit = cell_need - sum(heights[r] for r in rows)
        for r in rows if deficit > 0 else ():
            heights[r] += deficit / cell.rowspan
    return heights


def _column_texts(table: Table, col: int) -> list[str]:
    return [c.text or "" for c in table.cells if c.key is None and c.col == col and c.colspan == 1]


def _ending_at(table: Table, col: int) -> list[GridCell]:
    """Label and header cells whose right edge is this column."""
    return [c for c in table.cells if c.key is None and c.col + c.colspan - 1 == col and c.text]


def _lone_at(cells: list[GridCell], exact: list[float], char: float, padding: float, extra: float = 0,
             ratio: float = 0.0) -> int:
    count = 0
    for c in cells:
        per_line = (sum(exact[c.col : c.col + c.colspan]) + extra - padding) / char - FIT_SLACK
        widths = (per_line, per_line + RENDER_SPREAD, per_line * (1 + ratio))
        count += any(lone_tail(c.text or "", p) for p in widths)
    return count


def column_widths(table: Table, total: int, char: float, padding: float, spread_ratio: float = 0.0) -> list[int]:
    """Column widths in the same unit as `total` (e.g. twips), summing to it (less when
    narrow value columns of a table without label columns give width up).

    Starts from the format's proportions; widens each label column to the narrowest width at
    which none of its own labels ends on a lone character; value columns give up that width
    equally. `char` is the width of one full-width character, `padding` a cell's left plus
    right margin; `spread_ratio` how much more a line may hold where the program's fonts are
    not known (a spreadsheet program's substitutes for 宋体)."""
    scale = total / sum(table.widths)
    exact = [w * scale for w in table.widths]
    _widen_labels(table, exact, char, padding, spread_ratio)
    if _narrow_values(table, exact, char, padding):
        _widen_labels(table, exact, char, padding, spread_ratio)  # the freed width moved label breaks
    return whole_widths(exact)


def _widen_labels(table: Table, exact: list[float], char: float, padding: float, ratio: float) -> None:
    """Each label column grows, half a character at a time, until none of the labels ending
    in it ends on a lone character; the value columns give the width up equally while they
    keep two characters a line."""
    value_cols = list(range(table.label_columns, table.n_cols))
    for col in range(table.label_columns):
        cells = _ending_at(table, col)
        if not _lone_at(cells, exact, char, padding, ratio=ratio):
            continue
        for step in range(1, 2 * MAX_WIDEN + 1):
            need = step * char / 2
            if _lone_at(cells, exact, char, padding, need, ratio) == 0:
                giver_total = sum(exact[c] for c in value_cols)
                if not value_cols or giver_total - need < len(value_cols) * (2 * char + padding):
                    break  # the value columns would not keep two characters: leave the label to wrap
                for c in value_cols:
                    exact[c] -= need * exact[c] / giver_total
                exact[col] += need
                break


def _lone_count_near(texts: list[str], per_line: float) -> int:
    """Lone-character endings at this width or a little wider (programs measure differently)."""
    return max(sum(lone_tail(t, p) for t in texts) for p in (per_line, per_line + RENDER_SPREAD))


def _narrow_values(table: Table, exact: list[float], char: float, padding: float) -> bool:
    """Value columns whose headers would end on a lone character (商业企/业 at three a line)
    are narrowed to the widest width with fewer such headers, down to two characters a line;
    the width freed goes to the widest label column (a table without one gets narrower)."""
    value_cols = list(range(table.label_columns, table.n_cols))
    if not value_cols:
        return False
    texts = [t for c in value_cols for t in _column_texts(table, c)]
    per_line = (min(exact[c] for c in value_cols) - padding) / char - FIT_SLACK
    lone = _lone_count_near(texts, per_line)
    for k in range(math.floor(per_line + RENDER_SPREAD) - 1, 1, -1):
        if lone and _lone_count_near(texts, k + 0.3) < lone:
            target = (k + 0.3 + FIT_SLACK) * char + padding
            freed = sum(exact[c] - target for c in value_cols)
            for c in value_cols:
                exact[c] = target
            if table.label_columns:
                widest = max(range(table.label_columns), key=lambda c: exact[c])
                exact[widest] += freed
            return True
    return False


def value_units(text: str) -> float:
    """Characters a printed value needs on one line: its digits at their widest, and the slack."""
    return sum(0.5 * DIGIT_SPREAD if ord(ch) < 0x2E80 else 1.0 for ch in text) + FIT_SLACK


def fit_values(table: Table, widths: Sequence[float], text_of: Callable[[GridCell], str], char: float,
               padding: float, value_padding: float | None = None) -> list[float]:
    """`widths` with each value column wide enough for the longest value it prints on one line
    (a city's 2932 broke as 293/2 in the form's narrow columns). The label columns give the width
    up, each keeping LABEL_KEEP characters a line: all alike or one alone, whichever wraps the
    labels over the fewest lines, then leaves the fewest ending on a lone character. `text_of`
    gives a value cell's printed text; `padding` is a label cell's margins,
    `value_padding` a value cell's when they can be made smaller. A table without label columns
    (表四) has nothing to give: its widths stay."""
    value_pad = padding if value_padding is None else value_padding
    need: dict[int, float] = {}
    for cell in table.cells:
        if cell.key is not None and cell.colspan == 1 and cell.col >= table.label_columns and (text := text_of(cell)):
            need[cell.col] = max(need.get(cell.col, 0.0), value_units(text) * char + value_pad)
    short = {c: n - widths[c] for c, n in need.items() if n > widths[c]}
    if not short or not table.label_columns:
        return list(widths)
    floor = LABEL_KEEP * char + padding
    spare = {c: widths[c] - floor for c in range(table.label_columns) if widths[c] > floor}
    grow = sum(short.values())
    labels = [cell for col in range(table.label_columns) for cell in _ending_at(table, col)]
    best: tuple[tuple[int, int], list[float]] | None = None
    for giver in (spare, *({c: room} for c, room in spare.items())):  # all alike, or one alone
        total = sum(giver.values())
        if total < grow:
            continue
        out = list(widths)
        for c, lack in short.items():
            out[c] += lack
        for c, room in giver.items():
            out[c] -= grow * room / total
        score = (_label_lines(labels, out, char, padding), _lone_at(labels, out, char, padding))
        if best is None or score < best[0]:
            best = (score, out)
    return best[1] if best is not None else list(widths)  # labels cannot give it: values wrap as before


def _label_lines(cells: list[GridCell], widths: list[float], char: float, padding: float) -> int:
    """The lines the labels fill at these widths."""
    return sum(len(wrapped(c.text or "", (sum(widths[c.col: c.col + c.colspan]) - padding) / char - FIT_SLACK))
               for c in cells)


def whole_widths(exact: Sequence[float]) -> list[int]:
    """Widths rounded to whole units, summing to the same total (largest remainders round up)."""
    widths = [math.floor(x) for x in exact]
    by_remainder = sorted(range(len(exact)), key=lambda i: widths[i] - exact[i])
    for i in by_remainder[: round(sum(exact)) - sum(widths)]:
        widths[i] += 1
    return widths


_widths_cache: dict[tuple[int, int, float, float, float], tuple[Table, list[int]]] = {}


def cached_column_widths(table: Table, total: int, char: float, padding: float,
                         spread_ratio: float = 0.0) -> list[int]:
    """column_widths, computed once per table and measure (formats are loaded once)."""
    key = (id(table), total, char, padding, spread_ratio)
    hit = _widths_cache.get(key)
    if hit is None or hit[0] is not table:
        hit = _widths_cache[key] = (table, column_widths(table, total, char, padding, spread_ratio))
    return list(hit[1])


def cell_lines(cell: GridCell, text: str, widths: list[int], char: float, padding: float) -> int:
    """Lines the cell's text takes at these widths."""
    width = sum(widths[cell.col : cell.col + cell.colspan])
    return len(wrapped(text, (width - padding) / char - FIT_SLACK)) if text else 1
