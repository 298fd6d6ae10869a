"""Paragraphs put back together from the visual lines of a PDF (or of text copied out of one).

A PDF holds lines, not paragraphs: a report imported from it would carry a line break every 28
characters into the editor and into the next year's Word file. A line runs on into the next
when it is full (as wide as the widest line of the section, allowing for the first line's
two-character indent) and the next line does not start a paragraph: no indent where the PDF
gives positions, no heading numbering, and, where positions are unknown, no sentence ended.
Short lines, lists and one-line paragraphs stay as they are.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# the start of a numbered heading or item: （一） 一、 1. 1、 (1) 第一 ① (not 一是…, which runs on in a sentence)
_ITEM = re.compile(
    r"^\s*(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+[、.．]|\d+[、.．)）]"
    r"|第[一二三四五六七八九十]|[①-⑳])")
SENTENCE_END = ("。", "！", "？", "!", "?", "；", ";", "：", ":")  # what ends a sentence or a lead-in
_ENDED = ("。", "！", "？", "!", "?", "；", ";")  # a sentence ended: an item after it starts a paragraph
MIN_FULL_WIDTH = 15  # characters: a section whose lines are shorter was not wrapped by a page
MAX_PAGE_WIDTH = 60  # characters: a longer line is a paragraph, not a page's line
INDENT_POINTS = 10.0  # a first-line indent of two characters is ~32 pt at 16 pt; a stray shift is less


_CJK = "\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’"
_CJK_GAP = re.compile(f"(?<=[{_CJK}]) (?=[{_CJK}])")
_ONE_SPACE = re.compile(r"(?<=\S) (?=\S)")
_SPACED_SHARE = 0.6  # of the line's neighbouring Chinese characters parted by a space: spaced by its producer


def despaced(line: str) -> str:
    """A page's line without the spaces its producer put between its Chinese characters, when
    most of them are parted so (`主 动 公 开`, `〔 2 0 2 0 〕`: character spacing drawn as spaces;
    a run of spaces, a column gap, stays). A space
    between a Chinese character and a digit (`共 12 件`) stays: reports are published with it
    too, and what was published is kept."""
    gaps = len(_CJK_GAP.findall(line))
    pairs = gaps + len(re.findall(f"[{_CJK}](?=[{_CJK}])", line))
    if gaps >= 3 and gaps >= _SPACED_SHARE * pairs:
        line = _ONE_SPACE.sub("", line)  # every character was parted: digits and Latin letters too
    return line


def width(text: str) -> float:
    """Characters as wide as a Chinese character: ASCII counts half."""
    return len(text) - 0.5 * len(text.encode("ascii", "ignore"))  # the ASCII characters, counted in C


def join_wrapped(lines: Sequence[tuple[str, float | None]]) -> list[str]:
    """The section's lines (text, and the x where the line starts on the page when known) as
    paragraphs."""
    lines = [(despaced(text), x) for text, x in lines]
    if len(lines) < 2:
        return [text for text, _x in lines]
    xs = [x for _t, x in lines if x is not None]
    left = min(xs) if len(xs) == len(lines) else None
    if left is not None and all(x - left <= INDENT_POINTS for x in xs):
        left = None  # paragraphs without first-line indents: the positions tell nothing

    def indented(x: float | None) -> bool:
        return left is not None and x is not None and x - left > INDENT_POINTS

    full = max(width(text) + (2 if indented(x) else 0) for text, x in lines)
    if full < MIN_FULL_WIDTH:
        return [text for text, _x in lines]
    # where the page's positions show first-line indents, a line that is not indented goes on
    # the line before unless that one stopped well short of the margin; without positions only
    # a full line not ending a sentence goes on (digits, the spaces a PDF viewer puts around
    # them and compressed punctuation make a full line narrower or wider than the page's)
    slack = 4.0 if left is not None else 4.5
    if left is None:
        # no positions: only a page's width of lines (an A4 line holds at most ~45 characters),
        # several of them full, tells wrapped lines from paragraphs one to a line
        n_full = sum(width(text) >= full - slack for text, _x in lines)
        if full > MAX_PAGE_WIDTH or n_full < 2:
            return [text for text, _x in lines]
    out: list[str] = []
    run_on = False  # does the previous line continue into this one
    for text, x in lines:
        # a numbered item at the margin after a full line that ended mid-sentence or with a lead-in
        # ("…存在的问题：" "（一）宣传…"), where the page indents its paragraphs, goes on that line
        item = bool(_ITEM.match(text)) and not (left is not None and out and not out[-1].endswith(_ENDED))
        joined = run_on and not indented(x) and not item
        if joined:
            out[-1] += text
        else:
            out.append(text)
        # without positions a paragraph's first line has lost its two-character indent
        is_full = width(text) + (2 if indented(x) or (left is None and not joined) else 0) >= full - slack
        run_on = is_full and (left is not None or not text.endswith(SENTENCE_END))
    return out
