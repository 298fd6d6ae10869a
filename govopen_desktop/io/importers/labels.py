"""Label normalisation: the same official label however a document spells or breaks it."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from govopen_desktop.domain.fold import TO_SIMPLIFIED

# Punctuation and numbering marks that documents write in many ways (full/half width,
# "1." vs "1、", "（一）" vs "(一)", "，" vs "、" in the （六） sub-rows).
_DROP = re.compile(r"[\s\u00a0\u3000\u200b\ufeff()（）\[\]【】〔〕<>《》、，,.．。:：;；“”\"'‘’!！?？·•/／\\\-－—_]+")
_LEADING_NUMBER = re.compile(r"^(第?[一二三四五六七八九十]+|\d+)")


# Placeholder text of a blank template (（文字描述）, 此处填写…): not report text
_PLACEHOLDER = re.compile(
    r"^\s*[（(【\[]\s*(?:文字描述|文字说明|此处填写|请填写|填写说明|请在此|在此处填写)[^）)】\]]*[）)】\]]\s*$"
    r"|^\s*(?:此处填写|请在此处填写|在此处填写).{0,40}$"
)


def is_placeholder(text: str) -> bool:
    """（文字描述）, （文字描述，收取信息处理费情况在此处报告。）, 此处填写…: a blank template's words."""
    return bool(_PLACEHOLDER.match(text))




@lru_cache(maxsize=65536)  # a document's cells are normalised by several passes (a report has ~2,000)
def norm(text: str) -> str:
    """A label reduced to its words: no spaces, brackets, punctuation; full width and
    traditional characters folded."""
    return _DROP.sub("", unicodedata.normalize("NFKC", text).translate(TO_SIMPLIFIED))


# A label followed by the note a provincial template prints in its cell:
# 规章（设区的市、自治州人民政府应提供相关数据）, 其他对外管理服务事项（指行政许可以外的…）
_TRAILING_NOTE = re.compile(
    r"^(?P<core>.*?[^\s（(])\s*[（(][^（()）]*(?:[（(][^（()）]*[）)][^（()）]*)*[）)]\s*$", re.S)


def without_note(text: str) -> str | None:
    """The text before a note in brackets at its end, or None when it ends otherwise."""
    m = _TRAILING_NOTE.match(text)
    return m.group("core") if m else None


@lru_cache(maxsize=8192)
def strip_number(normalized: str) -> str:
    """'一本年新收…' -> '本年新收…' (a label written without or with another numbering)."""
    return _LEADING_NUMBER.sub("", normalized, count=1)


def aliases(label: str) -> tuple[str, ...]:
    """Normalised spellings accepted for an official label (2019 and 2021 differ here)."""
    n = norm(label)
    out = [n]
    if n.endswith("行政规范性文件"):
        out.append(n.replace("行政规范性文件", "规范性文件"))
    elif n.endswith("规范性文件"):
        out.append(n.replace("规范性文件", "行政规范性文件"))
    return tuple(out)


@lru_cache(maxsize=65536)  # pure; asked for every cell of a table against every row's label
def cell_matches(cell_norm: str, label_aliases: tuple[str, ...]) -> bool:
    """A cell holds the label: the same words, or the label at its end (a cell that also
    carries its group, e.g. '（三）不予公开1.属于国家秘密')."""
    if not cell_norm:
        return False
    for a in label_aliases:
        if cell_norm == a:
            return True
        if cell_norm.endswith(a) and (len(a) >= 4 or (a[0].isdigit() and not cell_norm[-len(a) - 1].isdigit())):
            return True
        bare = strip_number(a)
        if len(bare) >= 4 and strip_number(cell_norm) == bare:
            return True
    return False
