"""From the neutral rows to a Report: format, tables, text sections, front matter."""

from __future__ import annotations

import datetime as dt
import re
from difflib import SequenceMatcher
from itertools import pairwise
from typing import Any, NamedTuple

from govopen_desktop.domain.formats import ReportFormat, Table, available_formats, format_for_year, load_format
from govopen_desktop.domain.report import TEXT_KEYS, Report, ReportMeta
from govopen_desktop.domain.values import Value
from govopen_desktop.io.importers.extract.meta import (
    PageMeta,
    Sections,
    cell_words,
    detect_format,
    find_filler,
    find_sections,
    find_signature,
    find_title,
    format_by_headers,
    guess_year,
    is_report_title,
    more_pages,
    named_in_preface,
    page_end,
    period_year,
    read_page_meta,
    report_start,
    running_titles,
    section_text,
    split_glued_headings,
)
from govopen_desktop.io.importers.extract.paragraphs import join_wrapped
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


FIXED_LAYOUT_KINDS = ("pdf", "ofd")  # pages laid out by the PDF reader's code
PAGE_LINE_KINDS = (*FIXED_LAYOUT_KINDS, "txt", "text")  # rows that are a page's lines, not paragraphs


class _Read(NamedTuple):
    """A document's rows as the tables are read from them, with what was found on the way."""
    rows: list[Row]
    sections: Sections
    page: PageMeta
    labels: LabelIndex
    norms: list[set[str]]
    rest: list[Row]  # another report after this one (a compilation, two years on one page): not read


def _read_rows(doc: Doc) -> _Read:
    rows = split_glued_headings(doc.rows)
    sections = find_sections(rows, SECTION_ORDER)
    rest: list[Row] = []
    if sections.again is not None:  # the report ends where the next one's title begins
        start = report_start(rows, sections.again, max(sections.rows.values()))
        rows, rest = rows[:start], rows[start:]
    page = read_page_meta(rows, min(sections.rows.values(), default=min(len(rows), 60)))
    if page.rows:  # a CMS page's metadata table and chrome: meta, not report text
        rows = [Row([], r.place) if i in page.rows else r for i, r in enumerate(rows)]
    index = LabelIndex(rows)  # the cells' words, once for every format tried
    return _Read(rows, sections, page, index, [set(filter(None, row_norms)) for row_norms in index.norms], rest)


def table_values(doc: Doc, fmt: ReportFormat) -> dict[str, Value] | None:
    """The tables' values read as `fmt` (the format an exported workbook's data sheet names),
    as build_report reads them in that format, without the text, front matter and format search
    a whole import does; None when the rows hold no report's tables."""
    read = _read_rows(doc)
    extractor, _fmt = _run(read.rows, fmt, read.sections.rows, read.norms, read.labels)
    if extractor.found < 3 and len(read.sections.rows) < 2:
        return None
    return extractor.cells


def build_report(doc: Doc) -> tuple[Report, list[ImportProblem]]:
    report, problems, _rest = build_first(doc)
    return report, problems


def build_first(doc: Doc) -> tuple[Report, list[ImportProblem], Doc | None]:
    """The first report the rows make, what could not be read, and the rows of the reports
    after it in the same file (None when there are none), as a document of their own."""
    rows, sections, page, index, norms, rest = _read_rows(doc)
    problems: list[ImportProblem] = [_another_report(doc, rest)] if rest else []
    words = cell_words(rows, index.norms)
    detected, _score = detect_format(rows, words)

    first_heading = min(sections.rows.values(), default=len(rows))
    title = find_title(rows, first_heading)
    for line in (page.title, doc.title):
        if title.agency or not line:
            continue
        other = find_title([Row([Cell(part, "")], "") for part in re.split(r"\s*[-_|｜—]\s*", line)[:1]], 1)
        # the page's or the PDF's title is a fallback: its year must be the report's (a Word
        # file's title property is often the first year's, kept in every year's copy since)
        said = title.year or period_year(rows, first_heading)
        if other.year is not None and (said is None or other.year == said):
            title = other
    last_heading = max(sections.rows.values(), default=-1)
    # a web page's pager (下一页 …) ends its text, also printed to PDF (whose own page numbers,
    # 第2页 共6页, the PDF reader has taken off)
    web = doc.kind in ("html", *FIXED_LAYOUT_KINDS)
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
    if pages > doc.pages and (extractor.missing or len(sections.rows) < len(SECTION_ORDER)):
        given = "这个网页" if doc.pages == 1 else f"导入的 {doc.pages} 个网页"
        problems.append(ImportProblem(
            f"{given}是分成 {pages} 页发布的文章中的{'一' if doc.pages == 1 else '几'}页，其他页的内容不在"
            "导入的文件中，下面没有找到的表格行和章节可能在其他页上。请把各页都另存下来，一起选中导入"
            "（或在网站上打开“全文”“阅读全文”后另存，再导入）。",
            None, "网页分页"))
    problems.extend(name_pictured_tables(rows, fmt, extractor.regions, dict(extractor.cells), extractor.problems))
    problems.extend(unplaced_rows(rows, index.norms, fmt, extractor.regions, extractor.used_rows))

    text: dict[str, str | None] = dict.fromkeys(TEXT_KEYS)
    heading_rows = sorted(sections.rows.values())
    left_out = sig.rows | running_titles(rows, first_heading)
    in_text: set[int] = set()  # the rows of the text parts: no table's notes
    for key in TEXT_KEYS:
        at = sections.rows.get(key)
        if at is None:
            continue
        stop = min((r for r in heading_rows if r > at), default=len(rows))
        # the signature ends the report: what a saved page shows after it is no section's text
        stop = min((r for r in sig.rows if r > at), default=stop) if stop == len(rows) else stop
        in_text.update(range(at, stop))
        text[key] = section_text(rows, at, stop, left_out, sections.inline.get(key, ""),
                                 wrapped=doc.kind in PAGE_LINE_KINDS, pager=web)
    for key, printed in sections.by_number.items():
        at = sections.rows[key]
        official = next(s.heading for s in fmt.sections if s.id == key)
        problems.append(ImportProblem(
            f"标题“{printed}”与官方格式的“{official}”措辞不同，已按它的编号作为这一部分导入，请核对。",
            None, rows[at].place))
    taken: dict[str, int] = {}
    for key, block in _headless_sections(rows, fmt, extractor, sections.rows, left_out, doc.kind, taken).items():
        text[key] = block
        heading = next(s.heading for s in fmt.sections if s.text == key)
        problems.append(ImportProblem(
            f"没有找到“{heading}”的标题；表格之后、下一部分之前的文字（以“{block.splitlines()[0][:20]}”开头）"
            "已作为这一部分导入，请核对。", place=doc.name))

    # the words above 一、总体情况 (本报告根据《条例》编制……) are the format's opening text
    preface = _preface(rows, first_heading if sections.rows else 0, left_out, title.line, doc.kind,
                       fmt.overview_parts)
    opening = next((s.text for s in fmt.front_texts if s.text), None)
    lead = fmt.sections[0]
    if preface and lead.text and lead.id not in sections.rows and not text.get(lead.text):
        preface, told = _overview_in_preface(preface, fmt, text, rows[first_heading] if sections.rows else None)
        problems.append(ImportProblem(told, place=doc.name))
    if preface and opening:
        text[opening] = preface

    # no title: the body the opening sentence names beats a CMS's 发布机构 (the site's owner,
    # publishing for its towns), unless a name found elsewhere is the same body named in full
    named = None if title.agency else named_in_preface(rows, first_heading, year)
    agency = title.agency or _in_full(named, page.agency, sig.agency) or page.agency or sig.agency \
        or find_filler(rows)
    if not agency:
        problems.append(ImportProblem("没有找到报告机关名称（标题或落款），请补填。", "meta.agency"))
    report = Report(ReportMeta(agency=agency or "", year=year, format=fmt.id, date=sig.date or page.date),
                    cells=extractor.cells, text=text)
    source: dict[str, Any] = {"file": doc.name, "kind": doc.kind, "title": title.line,
                              "headings": list(sections.headings), "year_found": not year_guessed,
                              "inferred": sorted(extractor.inferred)}
    if preface and not opening:
        source["preface"] = preface  # a format without an opening text: still kept with the report
    # a table whose part was not found is looked for from the top: the overview's sentences are
    # not its notes (they would be read twice, the second time as printed in 四)
    # nor the words above 一、总体情况 (a preface's wrapped last line is no note either)
    above = set(range(first_heading)) if sections.rows else set()
    notes = _table_notes(rows, fmt, extractor, taken, left_out | in_text | above, wrapped=doc.kind in PAGE_LINE_KINDS)
    for table_id in list(notes):
        if note_key := fmt.note_of(table_id):  # the table's note (表下说明): a text of the report
            report.text[note_key] = notes.pop(table_id)
    if notes:
        source["table_notes"] = notes  # a format without notes: kept for T3-TEXT and T4-TEXT
    if extractor.group_printed:
        source["group_rows"] = dict(extractor.group_printed)  # e.g. {"（六）其他处理": "3 0 0 0 0 0 3"}
    report.extra["source"] = source
    return report, problems, Doc(doc.name, doc.kind, rest) if rest else None


def _another_report(doc: Doc, rest: list[Row]) -> ImportProblem:
    """What is said of the rows of a second report after the first: where it begins, its title."""
    lines = [line for row in rest[:3] for line in row.lines()]
    title = next((line for line in lines if is_report_title(line)), lines[0] if lines else "")
    return ImportProblem(
        f"“{doc.name}”从这里起是另一份年度报告（“{title[:50]}”，共 {len(rest)} 行），不是这一份报告的内容。"
        "导入时只导入文件中的第一份报告（批量检查时逐份检查）；几份报告汇编或合订在一个文件中时，"
        "请分开后逐份导入。", None, rest[0].place)


def _in_full(named: str | None, *found: str | None) -> str | None:
    """`named`, or the first of `found` that names it in full (区人民政府办公室 → 某某市某某区人民政府办公室)."""
    if not named:
        return None
    return next((f for f in found if f and named in f), named)


def _part_heading(line: str, parts: tuple[str, ...]) -> bool:
    """A heading of one of 总体情况's parts ((一)主动公开, 1.依申请公开情况): its numbering, then
    the part's name."""
    m = _PART_NUMBER.match(line)
    return m is not None and len(line) <= 40 and any(norm(line[m.end():]).startswith(p) for p in parts)


_PART_NUMBER = re.compile(r"^\s*(?:[（(]\s*[一二三四五六七八九十\d]{1,2}\s*[）)]"
                          r"|[一二三四五六七八九十\d]{1,2}\s*[、.．])\s*")


def _overview_in_preface(preface: str, fmt: ReportFormat, text: dict[str, str | None],
                         next_heading: Row | None) -> tuple[str | None, str]:
    """No 一、总体情况 heading: from the first heading of one of its parts ((一)主动公开) the words
    above the next part are its text, the lines above that the opening text. The problem to say."""
    first = fmt.sections[0]
    lines = preface.split("\n")
    at = next((k for k, line in enumerate(lines) if _part_heading(line, fmt.overview_parts)), None)
    before = f"“{' '.join(next_heading.lines())[:20]}”之前" if next_heading is not None else "表格之前"
    if at is None:
        return preface, (f"没有找到“{first.heading}”的标题；标题之后、{before}的文字已作为开头说明导入，"
                         "如其中有总体情况，请移到这一部分。")
    text[first.text or ""] = "\n".join(lines[at:])
    return "\n".join(lines[:at]) or None, (
        f"没有找到“{first.heading}”的标题；从“{lines[at][:20]}”起、{before}的文字已作为这一部分导入，"
        "其上的文字作为开头说明，请核对。")


def _preface(rows: list[Row], first_heading: int, left_out: set[int], title: str | None, kind: str,
             parts: tuple[str, ...] = ()) -> str | None:
    """The paragraphs between the title and 一、总体情况 (本报告根据《条例》编制……统计期限自…):
    no part of the official format, but what the report printed. The title's lines, and short
    lines (a date, a site's breadcrumbs) are not; there must be a sentence in it."""
    title_words = norm(title or "")
    title_rows = {i for i in range(first_heading)
                  if (n := norm(" ".join(c.text for c in rows[i].non_empty()))) and n in title_words}
    # a table above the title (a CMS page's metadata, printed to PDF) ends no words under the
    # title: they are read from the title's last line after it (a table ends a section's text)
    table = max((i for i in range(first_heading) if rows[i].is_table), default=-1)
    after = max((i for i in title_rows if i > table), default=-1) if table >= 0 else -1
    # the title printed whole (on one line or a few): what stands above it is the site's, a
    # browser's print header, the page's metadata, not the report's opening words
    after = max(after, _title_printed_at(rows, title_rows, title_words))
    text = section_text(rows, after, first_heading, left_out | title_rows, wrapped=kind in PAGE_LINE_KINDS)
    paragraphs = [p for p in (text or "").split("\n") if norm(p) not in title_words]
    # it begins at the first line of prose: not a page's 来源：…/发表日期：… or date line, nor a
    # piece of the title broken apart (a browser's PDF sets its year on a line of its own)
    start = next((k for k, p in enumerate(paragraphs) if _part_heading(p, parts) or (
        len(p) >= 15 and not _PAGE_LINE.match(p) and not _of_title(p, title_words))), None)
    kept = paragraphs[start:] if start is not None else []
    return "\n".join(kept) if any("。" in p for p in kept) else None


def _title_printed_at(rows: list[Row], title_rows: set[int], title_words: str) -> int:
    """The last row of the last run of consecutive rows that print most of the title, or -1."""
    found, run = -1, ""
    for i in sorted(title_rows):
        run = run + norm(" ".join(c.text for c in rows[i].non_empty())) if i - 1 in title_rows else \
            norm(" ".join(c.text for c in rows[i].non_empty()))
        if title_words and len(run) >= 0.8 * len(title_words):
            found = i
    return found


def _of_title(paragraph: str, title_words: str) -> bool:
    """A line made only of the title's characters, with no sentence in it."""
    words = norm(paragraph)
    return bool(words) and "。" not in paragraph and set(words) <= set(title_words)


_PAGE_LINE = re.compile(r"^\s*(?:[^\s。，,：:]{1,8}[：:]|\d{4}\s*[年/.-]\s*\d{1,2}\s*[月/.-]\s*\d{1,2})")


def _headless_sections(rows: list[Row], fmt: ReportFormat, extractor: Extractor, headings: dict[str, int],
                       left_out: set[int], kind: str, taken: dict[str, int] | None = None) -> dict[str, str]:
    """Text sections whose heading is missing (a converter dropped it, or it was never printed)
    while their text stands after the table of the section before them: 表四, then
    （一）主要问题 … （二）改进情况, then 六、其他需要报告的事项. The rows after the table's last
    row read, up to the next heading, are that section's text when their first line shares a
    word with the section's title (主要问题: 存在的主要问题及改进情况); a note under the table does not."""
    found: dict[str, str] = {}
    for before, section in pairwise(fmt.sections):
        if section.text is None or section.id in headings or before.table is None:
            continue
        region = extractor.regions.get(before.table)
        used = [r for r in extractor.used_rows if region and region[0] <= r < region[1]]
        if region is None or not used:
            continue
        stop = region[1]
        first = next((i for i in range(max(used) + 1, stop) if rows[i].non_empty()), None)
        if first is None or rows[first].is_table or len(rows[first].non_empty()) > 1:
            continue
        if _shared_run(norm(rows[first].non_empty()[0].text), norm(section.title)) < 3:
            continue
        block = section_text(rows, first - 1, stop, left_out, wrapped=kind in PAGE_LINE_KINDS,
                             pager=kind in ("html", *FIXED_LAYOUT_KINDS))
        if block:
            found[section.text] = block
            if taken is not None:
                taken[before.table] = first  # the table's part ends where this text begins
    return found


def _table_notes(rows: list[Row], fmt: ReportFormat, extractor: Extractor, ends: dict[str, int],
                 left_out: set[int], wrapped: bool = False) -> dict[str, str]:
    """Sentences printed in a table's part, not in its table (2020年，我单位未出现申请行政复议的
    情况。 under 四、): the table's note (表下说明), by table id. `wrapped`: the rows are a page's
    lines (a PDF): a sentence the page wrapped is joined first, so its first line (no 。 yet)
    is not dropped and its tail not left too short to count."""
    notes: dict[str, str] = {}
    for table in fmt.tables:
        region = extractor.regions.get(table.id)
        if region is None:
            continue
        runs: list[list[tuple[str, float | None]]] = []  # lines on consecutive rows
        last = -2
        for i in range(region[0] + 1, min(region[1], ends.get(table.id, region[1]))):
            row = rows[i]
            if i in extractor.used_rows or i in left_out or row.is_table or len(row.non_empty()) != 1:
                continue
            cell = row.non_empty()[0]
            if i != last + 1 or not runs:
                runs.append([])
            runs[-1].append((cell.text.strip(), cell.x))
            last = i
        lines = [line for run in runs
                 for line in _sentences(join_wrapped(run) if wrapped else [t for t, _x in run])]
        if lines:
            notes[table.id] = "\n".join(lines)
    return notes


def _sentences(lines: list[str]) -> list[str]:
    """The lines of consecutive rows that make sentences: each line with a 。, with the long
    lines without one just before it (a sentence the copy broke over lines, kept as printed,
    not joined by guess); a short line without one (a table's label broken off) is not, nor
    a line announcing the table (该部分以表格形式报告。表格如下：): the exports print the
    table itself, and the note under it."""
    kept: list[str] = []
    pending: list[str] = []
    for line in lines:
        if line.rstrip().endswith(("：", ":")):
            pending = []
        elif "。" in line:
            block = [*pending, line]
            if sum(len(b) for b in block) >= 10:
                kept += block
            pending = []
        elif len(line) >= 10:
            pending.append(line)
        else:
            pending = []
    return kept


def _shared_run(a: str, b: str) -> int:
    """The length of the longest run of characters `a` and `b` share."""
    return SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b)).size


def _format_for(year: int) -> ReportFormat | None:
    try:
        return load_format(format_for_year(year).id)
    except Exception:
        return None
