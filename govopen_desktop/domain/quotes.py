"""Finding the sentence a text finding speaks of. The checker quotes what the text says in “…”,
read from the text with whitespace removed and full-width forms folded (NFKC), so the quote is
looked up the same way and mapped back to the text as the clerk wrote it."""

from __future__ import annotations

import re
import unicodedata

QUOTED = re.compile(r"“([^”]{2,})”")
SENTENCE_END = "。！？；!?;\n"


def quotes_in(message: str) -> list[str]:
    return QUOTED.findall(message)


def _folded(text: str) -> tuple[str, list[int]]:
    """The text without whitespace, NFKC-folded, and for each character its index in `text`."""
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        if ch.isspace():
            continue
        for folded in unicodedata.normalize("NFKC", ch):
            out.append(folded)
            where.append(i)
    return "".join(out), where


def locate_quote(text: str, quoted: str) -> tuple[int, int] | None:
    """(start, end) of `quoted` in `text`, ignoring whitespace and full-width forms."""
    needle = _folded(quoted)[0]
    if not needle:
        return None
    haystack, where = _folded(text)
    found = haystack.find(needle)
    if found < 0:
        return None
    return where[found], where[found + len(needle) - 1] + 1


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence holding text[start:end], without its leading whitespace."""
    left = max((text.rfind(c, 0, start) for c in SENTENCE_END), default=-1) + 1
    rights = [i for c in SENTENCE_END if (i := text.find(c, max(end - 1, start))) >= 0]
    right = min(rights) + 1 if rights else len(text)
    if right > 0 and text[right - 1] == "\n":
        right -= 1
    while left < start and text[left].isspace():
        left += 1
    return left, max(right, end)


def locate_sentence(texts: dict[str, str], message: str, first: str | None = None) -> tuple[str, int, int] | None:
    """(section, start, end) of the sentence a message quotes, looked for in `first` (the
    finding's own section) and then in the other texts."""
    order = ([first] if first in texts else []) + [k for k in texts if k != first]
    for quoted in quotes_in(message):
        for key in order:
            span = locate_quote(texts[key], quoted)
            if span is not None:
                return (key, *sentence_around(texts[key], *span))
    return None
