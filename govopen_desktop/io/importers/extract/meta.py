"""Front matter and text: section headings, the three text sections, title, agency, year,
date and which official format the tables follow."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import cache, lru_cache
from typing import Any, TypeVar, cast

from govopen_desktop.domain.fold import TO_SIMPLIFIED
from govopen_desktop.domain.formats import ReportFormat, available_formats, load_format
from govopen_desktop.domain.numerals import ascii_years, parse_chinese_number
from govopen_desktop.io.importers.extract.paragraphs import SENTENCE_END, join_wrapped
from govopen_desktop.io.importers.labels import is_placeholder, norm
from govopen_desktop.io.importers.neutral import PRINT_STAMP, Cell, Row

_HEADING = re.compile(r"^(?:第)?([一二三四五六七八九十]|\d{1,2})\s*[、.．,，]\s*(\S.{1,38})$")
# Other offices' first-level numbering: 第一部分 总体情况, （一）总体情况 (the section's own
# number only: （一） is most often a part inside a section)
_HEADING_PART = re.compile(r"^第\s*([一二三四五六七八九十]|\d{1,2})\s*部分\s*[、.．,，:：]?\s*(\S.{1,38})$")
# 一　总体情况: the numeral and the title a space apart, no mark (taken only for a title exactly)
_HEADING_SPACED = re.compile(r"^([一二三四五六七八九十])[ \t\u3000\u00a0]+(\S.{1,38})$")
_HEADING_PAREN = re.compile(r"^[（(]\s*([一二三四五六七八九十])\s*[）)]\s*[、.．]?\s*(\S.{1,38})$")
_TITLE = re.compile(
    r"^(?P<pre>.*?)\s*(?P<year>(?:19|20)\d{2})\s*年度?\s*(?P<post>.*?)\s*"
    r"(?:政府)?(?:信息公开|政务公开).*?(?:年度报告|年报|工作报告)(?:数据|表|统计表)?(?:[(（].*[)）])?$"
)
_ABOUT = re.compile(r"^关于|关于$")
_TITLE_BRACKET = re.compile(r"[(（]([^()（）]{2,30})[)）]\s*$")
_INLINE = re.compile(r"^([^：:。]{2,42}?)[：:。]\s*(\S.*)$", re.S)
_TITLE_YEAR_AFTER = re.compile(
    r"^(?P<agency>.+?)\s*(?:政府)?信息公开(?:工作)?年度报告\s*[(（]\s*(?P<year>(?:19|20)\d{2})\s*年度?\s*[)）]$"
)
# The report names itself in its opening sentence: 现将某某镇2022年度政府信息公开工作报告如下,
# 特编制某某办公室2023年…年度报告, 现发布《某某区2024年…》, 特向社会公布2020年某某局…,
# 某某局向社会公布2023年本级…, 由某某镇人民政府编制
_YEAR_WORDS = r"(?P<year>(?:19|20)\d{2})\s*年度?"
_DISCLOSURE = r"(?:本级)?(?:政府)?(?:信息公开|政务公开)"
_NAMING_VERB = (r"(?:向社会公开|社会公开|现将|现予公布|现予以公布|现公布|现发布|现公开|特编制|特向社会公布|向社会公布"
                r"|编制|公布|发布)")
_NAME = r"(?P<agency>[^，,。；;：:、《》“”\"()（）\s\d]{2,40}?)"
_NAMED_BEFORE_YEAR = re.compile(_NAMING_VERB + r"[《“\"]?" + _NAME + r"\s*" + _YEAR_WORDS + r"\s*" + _DISCLOSURE)
_NAMED_AFTER_YEAR = re.compile(_NAMING_VERB + r"[《“\"]?" + _YEAR_WORDS + r"\s*" + _NAME + _DISCLOSURE)
# 现公开某某街道政府信息公开2023年度工作报告: the year after 信息公开, as such titles have it
_NAMED_YEAR_LATE = re.compile(_NAMING_VERB + r"[《“\"]?" + _NAME + _DISCLOSURE + r"(?:工作)?\s*" + _YEAR_WORDS
                              + r"\s*(?:工作)?(?:年度)?报告")
_NAMED_SUBJECT = re.compile(
    r"(?:^|[，,。；;])" + _NAME + r"(?:向社会公布|公布)" + _YEAR_WORDS + r"\s*本级" + _DISCLOSURE)
_NAMED_BY = re.compile(r"由" + _NAME + r"编制")
# what a name in those sentences is not: the report speaking of itself (我局, 本单位, 全县, 该…),
# a verb or the report's own words swallowed when the name was left out (…并向社会公布2021年度)
_NOT_A_NAME = re.compile(r"^(?:我|本|全|该|各|年)|公布|编制|发布|报告|社会|工作|要求|规定|条例")
# a level or kind of body alone (…公布2021年度街道信息公开年度报告) names none
_GENERIC = frozenset({"街道", "乡镇", "镇", "乡", "区", "县", "市", "机关", "单位", "部门", "政府", "本级"})
# 由…编制 is a sentence of other kinds too (由办公室牵头编制): the name must end as a body's does
_BODY_END = re.compile(r"(?:政府|局|委|委员会|办|办公室|厅|处|署|镇|乡|街道|办事处|区|县|市|中心|院|所|站|馆|会)$")


def named_in_preface(rows: list[Row], first_heading: int, year: int | None) -> str | None:
    """The body the opening sentence names as the author of the report of `year` (as printed):
    above 一、总体情况, or in the first lines under it, where some reports print their preface.
    Another year's report it names (公开发布《某署2021年…年度报告》) says nothing of this one."""
    stop = min(len(rows), max(first_heading, 0) + 6)
    for row in rows[:stop]:
        if row.is_table or len(row.non_empty()) != 1:
            continue
        printed = re.sub(r"\s+", "", row.non_empty()[0].text)
        if len(printed) > 600:
            continue
        text = ascii_years(printed.translate(TO_SIMPLIFIED))  # matched folded, the name kept as printed
        for pattern in (_NAMED_BEFORE_YEAR, _NAMED_AFTER_YEAR, _NAMED_YEAR_LATE, _NAMED_SUBJECT, _NAMED_BY):
            for m in pattern.finditer(text):
                name = m.group("agency")
                said = m.groupdict().get("year")
                if (said is not None and int(said) != year) or name in _GENERIC:
                    continue
                if _NOT_A_NAME.search(name) or (pattern is _NAMED_BY and not _BODY_END.search(name)):
                    continue
                if len(text) == len(printed):
                    return printed[m.start("agency"):m.end("agency")]
                return name
    return None


# …政府信息公开工作2022年度报告: the year after 工作 (two lines: the agency above it)
_TITLE_YEAR_LATE = re.compile(
    r"^(?P<agency>.*?)\s*(?:政府)?信息公开(?:工作)?\s*(?P<year>(?:19|20)\d{2})\s*年度?\s*(?:工作)?报告$"
)
# the zero of 二〇二六 as offices type it: 〇, 零, a circle (○ ◯) or the letter O, half or full width
_CN_DIGIT = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | dict.fromkeys("零OoＯｏ○◯", "0")
_DATE = re.compile(r"^(\S{4})\s*年\s*(\S{1,3})\s*月\s*(\S{1,3})\s*[日号]$")
_DATE_NUMERIC = re.compile(r"^((?:19|20)\d{2})\s*([-./])\s*(\d{1,2})\s*\2\s*(\d{1,2})$")
_PERIOD = re.compile(
    r"((?:19|20)\d{2})\s*年\s*(?:1|一)\s*月\s*(?:1|一)\s*日\s*(?:起|开始)?\s*[，,]?\s*(?:至|到|-|—|～|~)")
# 统计期限为2025年度, 统计时限自2025年…: the sentence names the year it counts
_PERIOD_WORDS = re.compile(
    r"统计(?:期限|时限|时间|时段|区间|周期)\s*(?:为|是|自|从|：|:)?\s*((?:19|20)\d{2})\s*年")
_YEAR_MENTION = re.compile(r"((?:19|20)\d{2})\s*年度?")
_FILLER = re.compile(r"^(?:填报单位|报告单位|单位名称|填报机关)\s*[:：]?\s*(.*)$")
_FILLER_END = re.compile(r"[\s\u3000]{2,}|报告年度|填报日期|填报时间|年度[:：]|日期[:：]")
# A saved web page goes on after the report: print/close links, the site's footer.
_PAGE_END = ("版权所有", "ICP备", "主办单位：", "主办：", "网站标识码", "公网安备", "【打印", "关闭窗口",
             "打印本页", "扫一扫在手机", "技术支持：", "上一篇：", "下一篇：", "上一篇:", "下一篇:", "责任编辑：",
             "网站地图", "我要纠错", "【关闭】", "【字体：", "相关链接", "相关文章", "相关阅读",
             # a WeChat article saved from the browser: what the app prints under it
             "关注该公众号", "预览时标签不可点", "继续滑动看下一个", "向上滑动看下一个", "轻触阅读原文",
             "喜欢此内容的人还喜欢", "轻点两下取消")


_PAGE_END_IN = re.compile("|".join(map(re.escape, _PAGE_END)))  # any of them, in one search
# The pager of an article a CMS splits into pages: 共3页 首页 上一页 1 2 3 下一页 尾页, 第1页 第2页
_N = r"[\[［(（]?\s*\d{1,3}\s*[\]］)）]?"  # a page number, bare or in brackets: 3, [3]
_PAGER = re.compile(r"^(?:\s|共|第|页|首页|上一页|下一页|尾页|末页|" + _N + r"|[<>«»‹›…|]|跳转|转到|到|GO|go)+$")
_PAGER_WORD = re.compile(r"上一页|下一页|共\s*" + _N + r"\s*页|第\s*" + _N + r"(?:\s*" + _N + r")*\s*页")


def is_pager(line: str) -> bool:
    return len(line) <= 120 and bool(_PAGER_WORD.search(line)) and bool(_PAGER.match(line))


def _ends_page(line: str, pager: bool) -> bool:
    return bool(_PAGE_END_IN.search(line)) or (pager and is_pager(line))


def page_end(rows: list[Row], after: int, pager: bool = False) -> int:
    """Where a saved web page goes on after the report (its footer, links to other articles;
    `pager`: a web page's pager, 下一页 …, of an article split into pages, also ends it — a PDF's
    第2页 共6页 is its page's footer, not the end)."""
    for i in range(max(after + 1, 0), len(rows)):
        if any(_ends_page(line, pager) for line in rows[i].lines()):
            return i
    return len(rows)


def more_pages(rows: list[Row]) -> int:
    """The pages an article split by its CMS has (共3页, or its pager's last 第N页), 0 for none."""
    most = 0
    for row in rows:
        for line in row.lines():
            if is_pager(line) and ("下一页" in line or "共" in line or line.count("页") > 1):
                numbers = [int(n) for n in re.findall(r"\d{1,3}", line)]  # 1 2 3, [3], 共3页
                most = max(most, *numbers, 2 if "下一页" in line else 0)
    return most


# The metadata table a government CMS prints above a document (名称/索引号/发布机构/成文日期 …)
_PAGE_META_LABELS = {
    "名称", "标题", "文件名称", "索引号", "发布机构", "发文机关", "发布单位", "成文日期", "发布日期", "公开日期",
    "生成日期", "文号", "发文字号", "关键词", "主题词", "分类", "主题分类", "组配分类", "体裁分类", "时效", "有效性",
    "文件下载", "信息来源", "来源", "公开方式", "公开范围", "公开时限", "所属机构", "信息分类", "内容概述", "效力状态",
}
_PAGE_META_LINE = re.compile(
    r"^\s*(" + "|".join(sorted(_PAGE_META_LABELS, key=len, reverse=True)) + r")\s*[:：]\s*(.*)$")
# The same labels as some CMSs print them: spaced out (名 称：, 索 引 号：), several on one line
# ("索 引 号：000014349/2022-00123 发布日期：2022-01-19 发布机构：某局"; printed to PDF the
# space after a value of digits may be gone: "…/2026-00012发布机构：某局")
_PAGE_META_ANY = re.compile(
    r"(?:^|(?<=[\s\dA-Za-z/)）-]))("
    + "|".join(r"\s?".join(label) for label in sorted(_PAGE_META_LABELS, key=len, reverse=True)) + r")\s*[:：]")
# A breadcrumb (当前位置：首页 > 政府信息公开 > …): site navigation, not report text
_BREADCRUMB = re.compile(r"^\s*(?:当前位置|您的位置|您当前的位置|当前的位置|所在位置)\s*[:：]")
# Page chrome of CMS sites: font size switches, share/print/close links, visit counters
_CHROME = re.compile(
    r"(?:字体|字号)\s*[:：]?\s*[【\[]?\s*大\s*中\s*小|分享到|【\s*打印\s*】|【\s*关闭\s*】|\[\s*打印\s*\]|"
    r"\[\s*关闭\s*\]|打印本页|关闭窗口|浏览次数|访问量\s*[:：]|阅读次数|扫一扫|【\s*字体|视力保护色|"
    r"^\s*(?:打印|关闭|收藏|分享)\s*$"
)


@dataclass
class PageMeta:
    title: str | None = None
    agency: str | None = None
    date: str | None = None
    rows: set[int] = field(default_factory=set)  # metadata and chrome rows: not report text


def read_page_meta(rows: list[Row], before: int) -> PageMeta:
    """A CMS page's metadata table (label, value, label, value …) and its chrome, above the
    first heading: the title, agency and date they give, and the rows that are no report text."""
    found = PageMeta()
    values: dict[str, str] = {}
    for i, row in enumerate(rows[:max(before, 0)]):
        cells = [c.text.strip() for c in row.cells]
        if row.is_table and any(norm(c) in _PAGE_META_LABELS for c in cells):
            for k, text in enumerate(cells[:-1]):
                if norm(text) in _PAGE_META_LABELS:
                    values.setdefault(norm(text), " ".join(cells[k + 1].split()))
            found.rows.add(i)
            continue
        single = _single_text(row)
        if single is None:
            continue
        single = _LIST_MARK.sub("", single)  # 发布机构：… as a list item printed to PDF: "• 发布机构：…"
        m = _PAGE_META_LINE.match(single)
        pairs = _meta_pairs(single) or _spaced_meta_pairs(single)
        if m and len(single) <= 80 and len(pairs) <= 1:
            values.setdefault(m.group(1), m.group(2).strip())
            found.rows.add(i)
        elif pairs and len(single) <= 80 * len(pairs):
            for label, value in pairs:
                values.setdefault(label, value)
            found.rows.add(i)
        elif (len(single) <= 60 and _CHROME.search(single)) or (len(single) <= 160 and _BREADCRUMB.match(single)):
            found.rows.add(i)
    found.title = values.get("名称") or values.get("标题") or values.get("文件名称") or None
    found.agency = values.get("发布机构") or values.get("发文机关") or values.get("发布单位") or None
    for label in ("成文日期", "发布日期", "公开日期", "生成日期"):
        date = _iso_date(values.get(label, ""))
        if date:
            found.date = date
            break
    return found


def _meta_pairs(line: str) -> list[tuple[str, str]]:
    """名 称：X 索 引 号：Y …: (label, value) pairs of a line that begins with a metadata label."""
    hits = list(_PAGE_META_ANY.finditer(line))
    if not hits or line[: hits[0].start()].strip():
        return []
    out = []
    for k, h in enumerate(hits):
        end = hits[k + 1].start() if k + 1 < len(hits) else len(line)
        out.append((re.sub(r"\s", "", h.group(1)), line[h.end():end].strip()))
    return out


_LIST_MARK = re.compile(r"^\s*[•·▪◆◇■□●○◦‣∙]\s*")


def _spaced_meta_pairs(line: str) -> list[tuple[str, str]]:
    """名称  X / 索引号  Y  分类  Z: a metadata table without borders printed to PDF, its cells
    set apart by spaces, no colons: (label, value) pairs when every other piece is a label."""
    pieces = re.split(r"\s{2,}", line.strip())
    if len(pieces) < 2 or any(norm(label) not in _PAGE_META_LABELS for label in pieces[::2]):
        return []
    return [(norm(label), value) for label, value in zip(pieces[::2], pieces[1::2], strict=False)]


def is_chrome(text: str) -> bool:
    return len(text) <= 30 and bool(_CHROME.search(text))


def _iso_date(text: str) -> str | None:
    m = re.match(r"^\s*((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})", text)
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return None


@dataclass
class Sections:
    rows: dict[str, int] = field(default_factory=dict)  # section id -> heading row index
    headings: list[str] = field(default_factory=list)  # as printed, in order
    inline: dict[str, str] = field(default_factory=dict)  # text run on after a heading
    again: int | None = None  # the row where the first part's heading comes again: another report
    by_number: dict[str, str] = field(default_factory=dict)  # parts known by their number: heading printed


@cache
def _section_titles() -> dict[str, set[str]]:
    titles: dict[str, set[str]] = {}
    for fid in available_formats():
        for s in load_format(fid).sections:
            titles.setdefault(s.id, set()).update(norm(t) for t in (s.title, *s.printed_as))
    return titles


@cache
def _any_title() -> frozenset[str]:
    return frozenset().union(*_section_titles().values())


def _single_text(row: Row) -> str | None:
    if row.is_table:
        return None
    filled = row.non_empty()
    return filled[0].text.strip() if len(filled) == 1 else None


@cache
def _text_parts() -> dict[str, frozenset[str]]:
    """The parts that are text (一、五、六) and their titles, normalised, in every format."""
    parts: dict[str, set[str]] = {}
    for fid in available_formats():
        for s in load_format(fid).sections:
            if s.text:
                parts.setdefault(s.id, set()).update(norm(t) for t in (s.title, *s.printed_as))
    return {sid: frozenset(titles) for sid, titles in parts.items()}


@cache
def _text_titles() -> tuple[frozenset[str], frozenset[str]]:
    """The text parts' titles (the parts a paragraph may run on after), and every beginning of them."""
    titles = frozenset().union(*_text_parts().values())
    return titles, frozenset(t[:n] for t in titles for n in range(1, len(t) + 1))


_MARK = re.compile(r"^\s*(?:第\s*(?:[一二三四五六七八九十]|\d{1,2})\s*部分\s*[、.．,，:：]?"
                   r"|(?:第\s*)?(?:[一二三四五六七八九十]|\d{1,2})\s*[、.．,，:：])\s*"
                   r"|^\s*[（(]\s*[一二三四五六七八九十]\s*[）)]\s*[、.．]?\s*")
_RUN_ON_SEPARATOR = " \t\u3000\u00a0：:。.，,；;"
_GLUED_MIN = 12  # text glued to a title with no mark between: a paragraph, not words of the title
# words that go on from a title in a numbered sentence or a longer heading (一、总体情况良好，…)
_GOES_ON = re.compile(r"^(?:良好|较好|平稳|稳定|有序|如下|说明|概述|概况|简述|介绍|分析|以及|及|和|与|等)")


def _run_on(text: str) -> tuple[str, str] | None:
    """A numbered text part's title with a paragraph run on after it on the same line, however
    they meet ("一、总体情况　2024年，…", "一、总体情况2024年，…", "六、其他需要报告的事项：无"):
    the heading and the paragraph. The title must be the official one (or a printed variant)
    exactly; the longest such title wins."""
    mark = _MARK.match(text)
    if mark is None:
        return None
    titles, beginnings = _text_titles()
    body = text[mark.end():]
    normalized = ""
    cut = 0
    for i, char in enumerate(body):
        folded = norm(char)
        if not folded:
            continue
        normalized += folded
        if normalized not in beginnings:
            break  # most numbered lines: no title begins so
        if normalized in titles:
            cut = i + 1  # after the title's last character, before any mark that follows it
    if not cut:
        return None
    rest = body[cut:]
    paragraph = rest.lstrip(_RUN_ON_SEPARATOR)
    if not paragraph.strip() or (paragraph == rest and (len(paragraph) < _GLUED_MIN or _GOES_ON.match(paragraph))):
        return None
    return text[: mark.end() + cut].strip(), paragraph.strip()


_MARK_START = frozenset("第（(一二三四五六七八九十")
_DIGIT_MARK = re.compile(r"\d{1,2}\s*[、.．,，]")


@cache
def _title_starts() -> frozenset[str]:
    return frozenset(t[:1] for t in _any_title())


def _may_be_heading(text: str) -> bool:
    """Whether a line begins as a heading can: with a numbering mark, or with a title's first
    character (an unnumbered heading is a title exactly). Most lines do not: numbers, labels,
    sentences."""
    first = text[:1]
    if first.isdigit():
        return _DIGIT_MARK.match(text) is not None  # 1、 2. but not the numbers of a table
    return first in _MARK_START or norm(text[:12])[:1] in _title_starts()


def _cells_run_on(row: Row) -> str | None:
    """A row of cells that is a text part's heading and its text: a line the text reader parted
    at its runs of spaces or its tab ("六、其他需要报告的事项　无" read as a label and its value,
    一、总体情况 and 2024年，… a tab apart), a layout table's row of the heading and its paragraph. The
    line again, its pieces one space apart."""
    filled = row.non_empty()
    if len(filled) < 2 or not _heads_text_part(filled[0].text.strip()):
        return None
    line = " ".join(c.text.strip() for c in filled)
    return line if _run_on(line) is not None else None


def _heads_text_part(cell: str) -> bool:
    """A cell that is a text part's numbered title, or a number alone before it: most rows'
    first cells are labels of the tables (（一）予以公开), told at once."""
    if not _may_be_heading(cell) or (mark := _MARK.match(cell)) is None:
        return False
    body = norm(cell[mark.end():])
    return not body or body in _text_titles()[0]


def _heading_candidates(text: str) -> list[tuple[str, str, bool]]:
    """The line as a heading, and its part before "：" or "。" with the text run on after it
    ("六、其他需要报告的事项：本年度未收取信息处理费。"). Only a numbered heading may run on: a
    sentence that merely begins with heading words ("其他需要报告的事项。…") is text. A text
    part's exact title with a paragraph after it comes first (see _run_on), marked True."""
    run_on = _run_on(text)
    out = [(*run_on, True)] if run_on else []
    if len(text) <= 42:
        out.append((text, "", False))
    first, _, rest = text.partition("\n")
    if rest.strip() and len(first.strip()) <= 42:
        out.append((first.strip(), rest.strip(), False))  # heading and text in one paragraph, a <br> apart
    m = _INLINE.match(text)
    if m and len(m.group(1)) <= 42 and _HEADING.match(m.group(1).strip()):
        out.append((m.group(1).strip(), m.group(2).strip(), False))
    return out


def _close_to(body: str, title: str, need: float) -> bool:
    """Is a printed heading near the official one: real variants keep its first words
    (存在的主要问题及整改措施) or most of its characters (存在问题及改进情况)."""
    common = 0
    for a, b in zip(body, title, strict=False):
        if a != b:
            break
        common += 1
    if common >= max(min(6, len(title) - 1), len(title) // 2 + 1) and len(body) <= len(title) + 8 and need <= 0.85:
        return True
    return _similar(body, title, need)


def _match_heading(text: str, order: tuple[str, ...], last: int, titles: dict[str, set[str]],
                   paren_ok: bool, numbering: Numbering) -> tuple[str | None, int]:
    """`numbering`: _numbering(text)."""
    style, m = numbering
    paren = m if style == "paren" and paren_ok else None
    m = None if style == "paren" and not paren_ok else m
    body = norm(m.group(2)) if m else norm(text)
    if not body or (m and any(p in m.group(2).rstrip("。：:") for p in "，。；;")):
        return None, last  # a numbered sentence, not a heading
    if m is None and body not in _any_title():
        return None, last  # most lines: an unnumbered heading must be a title exactly
    number = _number(m.group(1)) if m is not None else None
    for k in range(last + 1, len(order)):
        sid = order[k]
        if m is None:
            hit = body in titles.get(sid, set())  # an unnumbered heading must be exact
        else:
            # another number ("1、主动公开情况" inside 总体情况) needs a closer match
            own = number in (None, k + 1)
            if paren is not None and not own:
                continue
            need = 0.8 if own else 0.92
            hit = any(_close_to(body, t, need) if own else _similar(body, t, need)
                      for t in titles.get(sid, {""}))
        if hit:
            return sid, k
    return None, last


@lru_cache(maxsize=512)
def _chars(text: str) -> frozenset[str]:
    return frozenset(text)


def _similar(a: str, b: str, need: float) -> bool:
    """SequenceMatcher(None, a, b).ratio() >= need, trying its cheaper upper bounds first (the
    lengths alone, then the shared characters): most lines are no heading at all."""
    if not a and not b:
        return need <= 1.0
    if 2.0 * min(len(a), len(b)) / (len(a) + len(b)) < need:  # real_quick_ratio, without building
        return False
    in_b = _chars(b)
    if 2.0 * sum(map(in_b.__contains__, a)) / (len(a) + len(b)) < need:  # no more can match than a's characters in b
        return False
    matcher = SequenceMatcher(None, a, b)
    return matcher.quick_ratio() >= need and matcher.ratio() >= need


_GLUED_TAIL = re.compile(
    r"^(?P<text>.*[。！？；])\s*(?P<heading>(?:[一二三四五六]|[1-6])\s*[、.．]\s*[^，。；;：:]{2,30})$", re.S)


def split_glued_headings(rows: list[Row]) -> list[Row]:
    """A paragraph that ends, after a sentence's 。, with an official section heading
    ("…联系（电话：0000-8766001）。一、总体情况", the line break lost on a web page): the
    paragraph and the heading as two rows, so the section is found and no text is lost."""
    titles = _section_titles()
    known = set().union(*titles.values())
    out: list[Row] = []
    for row in rows:
        text = _single_text(row)
        m = _GLUED_TAIL.match(text) if text and len(text) > 6 else None
        if m:
            head = _HEADING.match(m.group("heading"))
            body = norm(head.group(2)) if head else ""
            if body and any(_similar(body, t, 0.9) for t in known):
                out.append(Row([Cell(m.group("text").strip(), row.place)], row.place))
                out.append(Row([Cell(m.group("heading").strip(), row.place)], row.place))
                continue
        out.append(row)
    return out


def find_sections(rows: list[Row], order: tuple[str, ...]) -> Sections:
    """First-level headings (一、总体情况 … 六、…), matched to the official sections in order;
    "1、" numbering and small wording differences are accepted."""
    titles = _section_titles()
    found = Sections()
    last = -1
    paren_ok = True  # （一）总体情况 as the first level: only if the first heading is numbered so
    styles: set[str] = set()  # how the headings found are numbered: a next report's is numbered alike
    for i, row in enumerate(rows):
        text = _single_text(row) or _cells_run_on(row)
        if not text or not _may_be_heading(text):
            continue
        for heading, inline, exact in _heading_candidates(text):
            numbering = _numbering(heading)
            sid, k = _match_heading(heading, order, last, titles, paren_ok, numbering)
            if sid is not None:
                if not found.rows:
                    paren_ok = numbering[0] == "paren"
                found.rows[sid] = i
                found.headings.append(heading)
                styles.add(numbering[0])
                if inline:
                    found.inline[sid] = inline
                last = k
                break
            # a paragraph run on after an exact title may start the next report; after words like
            # a title ("1.总体情况：本年度…") it is a point of this one
            again = len(found.rows) >= 2 and (not inline or exact)
            alike = _first_part_again(heading, numbering, titles.get(order[0], set()), styles) if again else None
            # numbered otherwise than the headings found: a next report only under a title or a date
            if alike or (alike is False and _marked_start(rows, i, max(found.rows.values())) is not None):
                found.again = i  # 一、总体情况 once more, after two parts or more: the next report's
                _parts_by_number(rows, order, found, styles)
                return found
    _parts_by_number(rows, order, found, styles)
    return found


def _parts_by_number(rows: list[Row], order: tuple[str, ...], found: Sections, styles: set[str]) -> None:
    """A text part whose heading is worded otherwise (一、基本情况, 五、存在问题和下一步工作计划,
    六、其他): its number, as the parts found are numbered, on the one line so numbered between
    the parts before and after it, is its heading (recorded in `found.by_number`)."""
    if len(styles) != 1 or len(found.rows) < 2:
        return
    style = next(iter(styles))
    text_parts = _text_parts()
    end = found.again if found.again is not None else len(rows)
    for k, sid in enumerate(order):
        if sid in found.rows or sid not in text_parts:
            continue
        before = [found.rows[o] for o in order[:k] if o in found.rows]
        after = [found.rows[o] for o in order[k + 1:] if o in found.rows]
        if not before and not after:
            continue
        low, high = max(before, default=-1), min(after, default=end)
        numbered = []
        for i in range(low + 1, high):
            text = _single_text(rows[i])
            if not text or not _may_be_heading(text):
                continue
            head, inline = _colon_parted(text)
            got, m = _numbering(head)
            if got == style and m is not None:
                numbered.append((i, head, inline, m))
        if len(numbered) != 1:
            continue  # none, or a list of points numbered as the parts are: no heading of its own
        i, heading, inline, m = numbered[0]
        if _number(m.group(1)) != k + 1 or any(p in m.group(2) for p in "，。；;"):
            continue
        found.rows[sid] = i
        found.headings.insert(sum(1 for r in found.rows.values() if r < i), heading)
        found.by_number[sid] = heading
        if inline:
            found.inline[sid] = inline


_COLON = re.compile(r"[：:]")


def _colon_parted(line: str) -> tuple[str, str]:
    """A line as a heading and the paragraph after its colon (五、存在问题：一是…), or whole."""
    parts = _COLON.split(line, maxsplit=1)
    return (parts[0].strip(), parts[1].strip()) if len(parts) == 2 else (line, "")


Numbering = tuple[str, "re.Match[str] | None"]  # how a heading is numbered, and its match


def _numbering(heading: str) -> Numbering:
    """How a heading is numbered (一、 1、 第一部分 （一）, or not at all), and its match."""
    for style, pattern in (("cn", _HEADING), ("part", _HEADING_PART), ("paren", _HEADING_PAREN)):
        if (m := pattern.match(heading)) is not None:
            return ("digit" if style == "cn" and m.group(1).isdigit() else style), m
    m = _HEADING_SPACED.match(heading)
    if m is not None and norm(m.group(2)) in _any_title():
        return "cn", m  # numbered as 一、 is, its mark left out
    return "none", None


def _first_part_again(heading: str, numbering: Numbering, first_titles: set[str], styles: set[str]) -> bool | None:
    """Whether the heading is the first part's, numbered 1: True when numbered as the headings
    found were (1.总体情况 or （一）总体情况 inside a part of a report headed 一、… is a point of
    it), False when numbered otherwise (a next report is then known by its title above), None
    when it is not the first part's heading at all."""
    style, m = numbering
    if m is None:
        return (style in styles) if norm(heading) in first_titles else None
    if _number(m.group(1)) != 1:
        return None
    body = norm(m.group(2))
    if not any(_close_to(body, t, 0.8) for t in first_titles):
        return None
    return style in styles


# how a body's name ends (某某县教育局, 某某街道办事处, 某某市人民政府办公室)
_ORGAN_END = re.compile(
    r"(?:局|委员会|委|办公室|办事处|办|厅|政府|院|处|街道|镇|乡|中心|所|站|署|馆|会|部|队|社|公司|集团|管理区)$")
_MAX_TITLE_ABOVE = 30  # rows between a report's title and its 一、总体情况 (the opening words, wrapped)


def report_start(rows: list[Row], heading: int, after: int) -> int:
    """The first row of a report whose 一、总体情况 stands at `heading`: its title (on one line
    or broken over two, an agency's line over it), above its opening words, not above row
    `after` (the previous report's last heading); without a title, the row after the date that
    signs the report before; else the heading itself."""
    start = _marked_start(rows, heading, after)
    return heading if start is None else start


def _marked_start(rows: list[Row], heading: int, after: int) -> int | None:
    """report_start's title or signature date, None when there is neither."""
    for k in range(heading - 1, max(after, heading - _MAX_TITLE_ABOVE), -1):
        text = _single_text(rows[k])
        if text is None:
            continue
        below = _single_text(rows[k + 1]) if k + 1 < heading else None
        if not is_report_title(text) and not (below and is_report_title(text + below)):
            continue
        above = _single_text(rows[k - 1]) if k - 1 > after else None
        if above and len(above) <= 30 and _ORGAN_END.search(above):
            return k - 1  # the agency printed over the title (not the previous report's last words)
        return k
    # no title: the next report begins after the previous one's date line (its signature)
    dated = next((k for k in range(heading - 1, max(after, heading - _MAX_TITLE_ABOVE), -1)
                  if (text := _single_text(rows[k])) and len(text) <= 20 and parse_date(text)), None)
    return dated + 1 if dated is not None else None


@lru_cache(maxsize=256)
def _number(mark: str) -> int | None:
    if mark.isdigit():
        return int(mark)
    return parse_chinese_number(mark)  # domain/numerals.py


def parse_date(text: str) -> str | None:
    """A date line as printed under a report: 2026年1月20日, 二〇二六年一月二十日 (二Ｏ二六, 二○二六),
    or as some offices write it, 2026-01-20, 2026.1.20, 2026/1/20, 2026年1月20号."""
    m = _DATE.match(re.sub(r"\s+", "", text))
    if not m:
        m = _DATE_NUMERIC.match(text.strip())
    if not m:
        return None
    parts: list[int] = []
    for raw in (m.group(1), m.group(3), m.group(4)) if m.re is _DATE_NUMERIC else m.groups():
        digits = "".join(_CN_DIGIT.get(ch, ch) for ch in raw)
        if not digits.isdigit():
            digits = str(_cn_small(raw) or "")
        if not digits.isdigit():
            return None
        parts.append(int(digits))
    try:
        return dt.date(parts[0], parts[1], parts[2]).isoformat()
    except ValueError:
        return None


def _cn_small(text: str) -> int | None:
    """十, 十二, 二十六, 三十一 as written in dates."""
    return parse_chinese_number(text)  # domain/numerals.py


@dataclass
class Signature:
    agency: str | None = None
    date: str | None = None
    rows: set[int] = field(default_factory=set)  # rows to leave out of the last text section


_NAME_AND_DATE = re.compile(
    r"^(?P<name>\S.{1,38}?)[\s\u3000\u00a0]+(?P<date>\S{4}\s*年\s*\S{1,3}\s*月\s*\S{1,3}\s*[日号]|"
    r"(?:19|20)\d{2}\s*[-./]\s*\d{1,2}\s*[-./]\s*\d{1,2})$")
_BLANK_DATE = re.compile(r"^[\s\u3000_＿]*年[\s\u3000_＿]*月[\s\u3000_＿]*日$")


# what a signature line prints around the name: 报告单位：…, …（盖章）
_SIGNED_LABEL = re.compile(r"^(?:报告单位|填报单位|报送单位|编制单位|发布机构|发布单位|单位名称|单位)\s*[:：]\s*")
_SEAL_MARK = re.compile(r"\s*[（(]\s*(?:盖章|公章|签章|印章|章|印)\s*[)）]\s*$")


def signed_name(line: str) -> str:
    """The agency of a signature line: 报告单位：某局 and 某局（盖章） are 某局."""
    return _SEAL_MARK.sub("", _SIGNED_LABEL.sub("", line.strip())).strip()


def find_signature(rows: list[Row], after: int, agency: str | None = None) -> Signature:
    """The date under the report and the agency line above it; without a date, a last line
    that repeats the agency of the title."""
    sig = Signature()
    tail = [i for i in range(max(after + 1, 0), len(rows)) if rows[i].lines()]
    blank: set[int] = set()  # a "　年　月　日" line left to fill by hand: no date, not body text
    # (a PDF may split the line into 年 / 月 / 日 where the gaps for the handwriting are)
    if tail and _BLANK_DATE.match("".join(rows[tail[-1]].lines())):
        blank = {tail.pop()}
        sig.rows = set(blank)
    last = rows[tail[-1]].lines() if tail else []
    if agency and last and norm(" ".join(last)) == norm(agency) and all(parse_date(x) is None for x in last):
        return Signature(agency, None, {tail[-1]} | blank)
    for pos in range(len(tail) - 1, max(len(tail) - 4, -1), -1):
        i = tail[pos]
        lines = rows[i].lines()
        date = parse_date(lines[-1])
        if date is None and len(rows[i].non_empty()) > 1:  # 2025 年 / 1 月 / 20 日 in cells of a PDF line
            date = parse_date("".join(lines))
            lines = [""] if date else lines
        one_line = _NAME_AND_DATE.match(lines[-1]) if date is None else None
        if one_line and parse_date(one_line.group("date")):  # 某某局　2026年1月20日, on one line
            date = parse_date(one_line.group("date"))
            lines = [*lines[:-1], one_line.group("name"), one_line.group("date")]
        if date is None:
            continue
        sig.date, sig.rows = date, {i}
        candidates = lines[:-1] or (rows[tail[pos - 1]].lines() if pos > 0 else [])
        name = candidates[-1] if candidates else ""
        if name and len(name) <= 40 and not name.endswith(SENTENCE_END) and pos > 0:
            sig.agency = signed_name(name)
            if not lines[:-1]:
                sig.rows.add(tail[pos - 1])
        break
    return sig


def section_text(rows: list[Row], start: int, stop: int, skip: set[int], inline: str = "",
                 wrapped: bool = False, pager: bool = False) -> str | None:
    """The paragraphs of a section, one per line, as printed (lines trimmed, blanks dropped).
    Stops at the first table row: a section without a following heading ends there. `wrapped`:
    the rows are a page's lines (a PDF, text copied from one): lines a page wrapped are joined."""
    lines: list[tuple[str, float | None]] = [
        (line.strip(), None) for line in inline.splitlines() if line.strip() and not is_placeholder(line)]
    for i in range(start + 1, stop):
        row = rows[i]
        if (row.is_table or len(row.non_empty()) > 1) and not _framed_text(row):
            break
        if i in skip:
            continue
        row_lines = row.lines()
        if any(_ends_page(line, pager) for line in row_lines):
            break
        x = row.non_empty()[0].x if row.non_empty() else None
        lines.extend((line, x) for line in row_lines if not is_placeholder(line) and not is_chrome(line))
    paragraphs = join_wrapped(lines) if wrapped else [line for line, _x in lines]
    text = "\n".join(paragraphs).strip()
    return text or None


_FRAMED_MIN = 60  # characters of a framed paragraph without a 。 (a table's lone cell is a label)


def _framed_text(row: Row) -> bool:
    """A table of one cell holding the part's text (a Word report that frames its paragraphs in a
    box): text, not the table that ends the part. A table's lone cells (第二十条第（一）项, the
    note on table 3's sums) are short and end no sentence."""
    if len(row.cells) != 1 or not row.is_table:
        return False
    text = row.cells[0].text
    return "。" in text or len(text) >= _FRAMED_MIN


@dataclass
class Title:
    line: str | None = None
    agency: str | None = None
    year: int | None = None


# A CMS metadata table's row of the title, printed to PDF as a line ("名称  某局2023年…年度报告")
_META_LABEL_BEFORE = re.compile(r"^\s*(?:名\s?称|标\s?题|题\s?名|文件名称|信息名称)\s*(?:[:：]\s*|\s(?=\S))")


def is_report_title(line: str) -> bool:
    return len(line) <= 80 and _title_match(line) is not None


def _title_match(line: str) -> tuple[str | None, int] | None:
    folded = line.translate(TO_SIMPLIFIED)
    if "年" not in folded or "公开" not in folded:
        return None  # both title patterns need them: most lines end here
    printed = _META_LABEL_BEFORE.sub("", PRINT_STAMP.sub("", re.sub(r"\s+", " ", line)))
    text = ascii_years(printed.translate(TO_SIMPLIFIED))  # matched folded, the agency kept as printed
    m = _TITLE.match(text)
    if m:
        pre, post = printed[m.start("pre"):m.end("pre")], printed[m.start("post"):m.end("post")]
        # 关于…年度政府信息公开工作的年度报告, …关于…: the preposition is no part of the name
        agency = _ABOUT.sub("", (pre or post or "").strip()).strip() or None
        bracket = _TITLE_BRACKET.search(printed)
        if agency is None and bracket and not re.search(r"\d{4}", bracket.group(1)):
            agency = bracket.group(1).strip()  # "…年度报告数据（平潭综合实验区）"
        return agency, int(m.group("year"))
    for pattern in (_TITLE_YEAR_AFTER, _TITLE_YEAR_LATE):
        m = pattern.match(text)
        if m:
            return printed[m.start("agency"):m.end("agency")].strip() or None, int(m.group("year"))
    return None


def running_titles(rows: list[Row], after: int) -> set[int]:
    """Rows after `after` that are only a report title: the running header a PDF repeats at
    the top of each page, which text copied out of the PDF keeps among the paragraphs."""
    found: set[int] = set()
    for i in range(after + 1, len(rows)):
        text = _single_text(rows[i])
        if text and len(text) <= 80 and _title_match(text.strip()) is not None:
            found.add(i)
    return found


def find_title(rows: list[Row], before: int) -> Title:
    """The title line; a title printed on two lines (agency above, then the year and
    "政府信息公开工作年度报告") gives its agency from the line above."""
    first: Title | None = None
    previous = ""
    head = rows[: max(before, 0) or min(len(rows), 12)]
    for at, row in enumerate(head):
        lines = row.lines()
        following = head[at + 1].lines() if at + 1 < len(head) and len(head[at + 1].non_empty()) == 1 else []
        tried = ["".join(lines), *lines] if len(lines) > 1 else list(lines)
        if following and len(lines) == 1 and len(following) == 1 and not (_title_match(following[0]) or (None,))[0]:
            # a title broken after 工作: "…公开工作" / "年度报告" (not a line above a whole title)
            tried.append(lines[0] + following[0])
        for line in tried:
            found = _title_match(line) if len(line) <= 80 else None
            if found is None:
                continue
            agency, year = found
            if agency is None and previous and len(previous) <= 30 and not previous.endswith(SENTENCE_END):
                agency, line = previous, previous + line
            t = Title(line, agency, year)
            if agency:
                return t
            first = first or t
        previous = "".join(lines).strip() if len(row.non_empty()) == 1 else ""
    return first or Title()


def find_filler(rows: list[Row], limit: int = 40) -> str | None:
    """填报单位：XXX (a cell, or the cell after it), as forms from the upper office carry it."""
    for row in rows[:limit]:
        cells = row.non_empty()
        for k, cell in enumerate(cells):
            m = _FILLER.match(cell.text.strip())
            if m:
                value = m.group(1).strip() or (cells[k + 1].text.strip() if k + 1 < len(cells) else "")
                value = _FILLER_END.split(value)[0].strip()
                if value:
                    return value
    return None


def guess_year(rows: list[Row], before: int) -> int | None:
    """统计期限 sentence first, then the year the text before the tables mentions most."""
    texts = _year_lines(rows, before)
    counts = Counter(int(y) for line in texts for y in _YEAR_MENTION.findall(line))
    return period_year(rows, before, texts) or (counts.most_common(1)[0][0] if counts else None)


def period_year(rows: list[Row], before: int, texts: list[str] | None = None) -> int | None:
    """The year the 统计期限 sentence before the tables names (自2025年1月1日起至…, 统计期限为2025年度)."""
    for line in _year_lines(rows, before) if texts is None else texts:
        m = _PERIOD.search(line) or _PERIOD_WORDS.search(line)
        if m:
            return int(m.group(1))
    return None


def _year_lines(rows: list[Row], before: int) -> list[str]:
    # both patterns need a 年 (a table's numbers have none; ascii_years keeps it)
    return [ascii_years(line) for row in rows[: max(before, 1)] for line in row.lines() if "年" in line]


_T = TypeVar("_T")
_BY_CATALOGUE: dict[str, tuple[tuple[ReportFormat, ...], Any]] = {}


def _per_catalogue(name: str, make: Callable[[tuple[ReportFormat, ...]], _T]) -> _T:
    """What `make` works out from the formats, kept while the catalogue is the same objects
    (formats are data, loaded once; a new catalogue, as reset_format_cache gives, is new ones)."""
    formats = tuple(load_format(f) for f in available_formats())
    kept = _BY_CATALOGUE.get(name)
    if kept is None or len(kept[0]) != len(formats) or any(a is not b for a, b in zip(kept[0], formats, strict=True)):
        kept = (formats, make(formats))
        _BY_CATALOGUE[name] = kept
    return cast(_T, kept[1])


def _own_labels(formats: tuple[ReportFormat, ...]) -> dict[str, frozenset[str]]:
    """Each format's labels and headers that no other format has."""
    label_sets = {
        f.id: {norm(c.text) for t in f.tables for c in t.cells if c.text and c.role in ("label", "header")}
        for f in formats
    }
    return {fid: frozenset(own - set().union(*(s for other, s in label_sets.items() if other != fid)))
            for fid, own in label_sets.items()}


def cell_words(rows: list[Row], norms: list[list[str]] | None = None) -> set[str]:
    """The words of the document's short cells (what a format's labels are looked up in).
    `norms`: each cell's norm() by row ("" for an empty cell), when the caller has them."""
    if norms is not None:
        return {n for row, row_norms in zip(rows, norms, strict=True)
                for c, n in zip(row.cells, row_norms, strict=True) if n and len(c.text) < 80}
    return {norm(c.text) for row in rows for c in row.cells if c.text.strip() and len(c.text) < 80} - {""}


def detect_format(rows: list[Row], seen: set[str] | None = None) -> tuple[ReportFormat | None, int]:
    """The format whose own labels (those the other format lacks) the document uses most.
    `seen`: cell_words(rows), when the caller has it."""
    formats = [load_format(f) for f in available_formats()]
    seen = cell_words(rows) if seen is None else seen
    own = _per_catalogue("labels", _own_labels)
    scores = {f.id: len(own[f.id] & seen) for f in formats}
    best = max(formats, key=lambda f: scores[f.id])
    ranked = sorted(scores.values(), reverse=True)
    if ranked[0] == 0 or (len(ranked) > 1 and ranked[0] == ranked[1]):
        return None, ranked[0]
    return best, ranked[0]


def _own_headers(formats: tuple[ReportFormat, ...]) -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    """Each format's column headers of 4+ characters no other format prints, and the other
    formats' headers."""
    headers = {f.id: {norm(c.text) for t in f.tables for c in t.cells if c.text and c.role == "header"}
               for f in formats}
    out = {}
    for fid, mine in headers.items():
        others = set().union(*(h for other, h in headers.items() if other != fid))
        out[fid] = frozenset(h for h in mine - others if len(h) >= 4), frozenset(others)
    return out


def format_by_headers(rows: list[Row], seen: set[str] | None = None) -> ReportFormat | None:
    """The format whose own column headers (those no other format prints: 本年制发件数 … in
    2021, 本年新制作数量 … in 2019) the document prints; None when none or both are seen.
    `seen`: cell_words(rows), when the caller has it."""
    formats = [load_format(f) for f in available_formats()]
    seen = cell_words(rows) if seen is None else seen
    hits = []
    for f in formats:
        own, others = _per_catalogue("headers", _own_headers)[f.id]
        # also a header line copied as one cell; but a header inside another format's header
        # (2019's 处理决定数量 in 2021's 本年处理决定数量) is that other header
        shortest = min(map(len, own), default=0)
        longer = [s for s in seen if len(s) > shortest]  # a header is inside no shorter word
        if own & seen or any(h in s and not any(h in o and o in s for o in others)
                             for s in longer for h in own):
            hits.append(f)
    return hits[0] if len(hits) == 1 else None
