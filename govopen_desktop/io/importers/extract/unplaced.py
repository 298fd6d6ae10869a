"""Rows of a table's part of the document that hold numbers under a label no row of the form
has (其他主动公开文件 56 45 45, a row a provincial template adds; 政府集中采购 in a report of
the 2021 format): they are not read, and each is named, so nothing printed is dropped unsaid."""

from __future__ import annotations

from govopen_desktop.domain.formats import ReportFormat
from govopen_desktop.domain.values import is_empty_mark
from govopen_desktop.io.importers.labels import aliases, cell_matches, norm, without_note
from govopen_desktop.io.importers.neutral import Row
from govopen_desktop.io.importers.official_rows import is_value_text, row_specs
from govopen_desktop.io.importers.problems import ImportProblem

MAX_NAMED = 20  # a page with more such rows holds another table: the first ones say enough


_FORMAT_WORDS: dict[int, tuple[ReportFormat, frozenset[str], tuple[tuple[str, ...], ...]]] = {}


def _format_words(fmt: ReportFormat) -> tuple[frozenset[str], tuple[tuple[str, ...], ...]]:
    """Every text of the format's tables (headers, groups), and the value rows' spellings
    (once per format: formats are loaded once)."""
    cached = _FORMAT_WORDS.get(id(fmt))
    if cached is None or cached[0] is not fmt:
        words = frozenset(norm(c.text) for t in fmt.tables for c in t.cells if c.text)
        specs = tuple(spec.aliases for t in fmt.tables for spec in row_specs(t) if spec.aliases)
        cached = _FORMAT_WORDS[id(fmt)] = fmt, words, specs
    return cached[1], cached[2]


def unplaced_rows(rows: list[Row], norms: list[list[str]], fmt: ReportFormat,
                  regions: dict[str, tuple[int, int]], used: set[int]) -> list[ImportProblem]:
    words, specs = _format_words(fmt)
    out: list[ImportProblem] = []
    for table in fmt.tables:
        if table.id not in regions:
            continue
        start, stop = regions[table.id]
        for i in range(start, stop):
            row = rows[i]
            if i in used or not row.is_table or row.spaced:
                continue
            texts = [j for j, c in enumerate(row.cells) if c.text.strip() and not is_value_text(c.text)]
            if not texts:
                continue
            j = texts[-1]
            values = [c.text.strip() for c in row.cells[j + 1:] if c.text.strip() and not is_empty_mark(c.text)]
            n = norms[i][j]
            if not values or not all(is_value_text(v) for v in values) or not n or n in words:
                continue
            if any(cell_matches(n, a) for a in specs) or cell_matches(n, aliases("总计")):
                continue  # a row of the form (found elsewhere, or printed without its numbers)
            label = " ".join(row.cells[j].text.split())
            core = without_note(label)
            label = f"{core}（…）" if core else label  # the template's long note left out
            out.append(ImportProblem(
                f"“{label}”这一行（{' '.join(values)}）不是{fmt.document}格式表{table.number}中的行，"
                "未导入；如需保留，请写入正文。", None, f"表{table.number} {row.place}"))
            if len(out) >= MAX_NAMED:
                return out
    return out
