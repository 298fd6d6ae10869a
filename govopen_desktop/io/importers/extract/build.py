"""From the neutral rows to a Report: format, tables, text sections, front matter."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from govopen_desktop.domain.formats import ReportFormat, Table, available_formats, format_for_year, load_format
from govopen_desktop.domain.report import TEXT_KEYS, Report, ReportMeta
from govopen_desktop.io.importers.extract.meta import (
    cell_words,
    detect_format,
    find_filler,
    find_sections,
    find_signature,
    find_title,
    format_by_headers,
    guess_year,
    more_pages,
    page_end,
    read_page_meta,
    running_titles,
    section_text,
    split_glued_headings,
)
from govopen_desktop.io.importers.extract.pictures import name_pictured_tables
from govopen_desktop.io.importers.extract.tables import Extractor, LabelIndex
from govopen_desktop.io.importers.extract.unplaced import unplaced_rows
from govopen_desktop.io.importers.labels import norm
from govopen_desktop.io.importers.neutral import Cell, Doc, Row
from govopen_desktop.io.importers.problems import ImportFailed, ImportProblem

SECTION_ORDER = ("overview", "t2", "t3", "t4", "problems", "other")


_ANCHOR_WORDS: dict[tuple[int, int], tuple[ReportFormat, Table, frozenset[str]]] = {}


def _anchor_words(fmt: ReportFormat, table: Table) -> frozenset[str]:
    """The labels of 4+ characters only this table of the format has (formats are loaded once,
    so this is kept per table)."""
    cached = _ANCHOR_WORDS.get((id(fmt), id(table)))
    if cached is not None and cached[0] is fmt and cached[1] is table:
        return cached[2]
    own = {norm(c.text) for c in table.cells if c.text}
    others = {norm(c.text) for t in fmt.tables if t.id != table.id for c in t.cells if c.text}
    words = frozenset(w for w in own - others if len(w) >= 4)
    _ANCHOR_WORDS[(id(fmt), id(table))] = (fmt, table, words)
    return words


def _table_anchor(fmt: ReportFormat, table: Table, norms: list[set[str]]) -> int | None:
    """The first row holding a label only this table has (e.g. 第二十条第（一）项)."""
    words = _anchor_words(fmt, table)
    return next((i for i, seen in enumerate(norms) if seen & words), None)


def _run(rows: list[Row], fmt: ReportFormat, headings: dict[str, int],
         norms: list[set[str]], index: LabelIndex) -> tuple[Extractor, ReportFormat]:
    extractor = Extractor(rows, fmt, [], index)
    starts: dict[str, int] = {}
    for table in fmt.tables:
        sid = next((s.id for s in fmt.sections if s.table == table.id), "")
        at = headings.get(sid)
        at = _table_anchor(fmt, table, norms) if at is None else at
        if at is not None:
            starts[table.id] = at
    for table in fmt.tables:
        start = starts.get(table.id, 0)
        bounds = [s for s in list(starts.values()) + list(headings.values()) if s > start]
        extractor.table(table, start, min(bounds, default=len(rows)))
    return extractor, fmt


PAGE_LINE_KINDS = ("pdf", "txt", "text")  # rows that are a page's lines, not paragraphs


def build_report(doc: Doc) -> tuple[Report, list[ImportProblem]]:
    rows = split_glued_headings(doc.rows)
    problems: list[ImportProblem] = []
    sections = find_sections(rows, SECTION_ORDER)
    page = read_page_meta(rows, min(sections.rows.values(), default=min(len(rows), 60)))
    if page.rows:  # a CMS page's metadata table and chrome: meta, not report text
        rows = [Row([], r.place) if i in page.rows else r for i, r in enumerate(rows)]
    index = LabelIndex(rows)  # the cells' words, once for every format tried
    norms = [{n for n in row_norms if n} for row_norms in index.norms]
    words = cell_words(rows, index.norms)
    detected, _score = detect_format(rows, words)

    first_heading = min(sections.rows.values(), default=len(rows))
    title = find_title(rows, first_heading)
    for line in (page.title, doc.title):
        if title.agency or not line:
            continue
        other = find_title([Row([Cell(part, "")], "") for part in re.split(r"\s*[-_|｜—]\s*", line)[:1]], 1)
        if other.year is not None and (title.year is None or other.year == title.year):
            title = other
    last_heading = max(sections.rows.values(), default=-1)
    web = doc.kind == "html"  # a web page's pager (下一页 …) ends its text
    sig = find_signature(rows[:page_end(rows, last_heading, web)], last_heading, title.agency)
    year = title.year or guess_year(rows, first_heading)
    if year is None and sig.date:
        year = int(sig.date[:4]) - 1
    if year is None:
        year = guess_year(rows, len(rows))

    # Read the tables as each format; the one whose rows are found wins (ties: the year's).
    by_year = _format_for(year) if year is not None else None
    by_headers = format_by_headers(rows, words)
    candidates: list[ReportFormat] = []
    first = [by_headers] if by_headers is not None else [by_year, detected]
    for f in [*first, *map(load_format, available_formats())]:
        if f is not None and f.id not in {c.id for c in candidates}:
            candidates.append(f)
    best: tuple[Extractor, ReportFormat] | None = None
    for f in candidates:
        run = _run(rows, f, sections.rows, norms, index)
        if best is None or run[0].found > best[0].found:
            best = run
        if best[0].missing == 0 or by_headers is not None:
            break  # every row found, or table 2's own column headers name the format
    assert best is not None
    extractor, fmt = best
    if extractor.found < 3 and len(sections.rows) < 2:
        if doc.attachments:  # a CMS page that links the report as an attachment
            shown = "、".join(f"“{a}”" for a in dict.fromkeys(doc.attachments[:3]))
            raise ImportFailed(
                f"“{doc.name}”这个网页里没有年度报告的表格和章节，只有附件链接：{shown}。"
                "报告多半在附件里：请在网站上下载附件，再导入下载的文件。")
        raise ImportFailed(
            f"“{doc.name}”：没有找到年度报告的表格（主动公开、依申请公开、复议诉讼）和章节，"
            "不是政府信息公开工作年度报告。"
        )
    first_year = min(load_format(f).first_year for f in available_formats())
    if year is not None and year < first_year:
        raise ImportFailed(
            f"“{doc.name}”是{year}年度的报告，早于统一格式（自{first_year}年度报告起施行），"
            f"表格不同，无法导入。请从{first_year}年度或以后的报告开始。"
        )
    year_guessed = year is None
    if year is None:
        year = fmt.last_year or dt.date.today().year - 1
        problems.append(ImportProblem(f"没有找到报告年度，暂按 {year} 年，请核对。", "meta.year"))
    elif by_year is not None and by_year.id != fmt.id:
        problems.append(ImportProblem(
            f"{year}年度报告应使用{by_year.document}格式，但表格按{fmt.document}格式填写；已按表格读取。",
            "meta.format"))
    pages = more_pages(rows) if web else 0
    if pages > 1 and (extractor.missing or len(sections.rows) < len(SECTION_ORDER)):
        problems.append(ImportProblem(
            f"这个网页是分成 {pages} 页发布的文章中的一页，其他页的内容不在本文件中，下面没有找到的表格行和章节"
            "可能在其他页上。请在网站上打开“全文”或“阅读全文”后另存，或把各页的内容复制到一个文件中再导入。",
            None, "网页分页"))
    problems.extend(name_pictured_tables(rows, fmt, extractor.regions, dict(extractor.cells), extractor.problems))
    problems.extend(unplaced_rows(rows, index.norms, fmt, extractor.regions, extractor.used_rows))

    text: dict[str, str | None] = dict.fromkeys(TEXT_KEYS)
    heading_rows = sorted(sections.rows.values())
    left_out = sig.rows | running_titles(rows, first_heading)
    for key in TEXT_KEYS:
        at = sections.rows.get(key)
        if at is None:
            continue
        stop = min((r for r in heading_rows if r > at), default=len(rows))
        text[key] = section_text(rows, at, stop, left_out, sections.inline.get(key, ""),
                                 wrapped=doc.kind in PAGE_LINE_KINDS, pager=web)

    agency = title.agency or page.agency or sig.agency or find_filler(rows)
    if not agency:
        problems.append(ImportProblem("没有找到报告机关名称（标题或落款），请补填。", "meta.agency"))
    report = Report(ReportMeta(agency=agency or "", year=year, format=fmt.id, date=sig.date or page.date),
                    cells=extractor.cells, text=text)
    source: dict[str, Any] = {"file": doc.name, "kind": doc.kind, "title": title.line,
                              "headings": list(sections.headings), "year_found": not year_guessed,
                              "inferred": sorted(extractor.inferred)}
    if extractor.group_printed:
        source["group_rows"] = dict(extractor.group_printed)  # e.g. {"（六）其他处理": "3 0 0 0 0 0 3"}
    report.extra["source"] = source
    return report, problems


def _format_for(year: int) -> ReportFormat | None:
    try:
        return load_format(format_for_year(year).id)
    except Exception:
        return None
