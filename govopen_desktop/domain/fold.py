"""Traditional characters folded to simplified ones where reports are read for their words.

A government site's 繁体 version of a page (its 繁/简 button converts every character) prints
规章 as 規章 and 信息处理费 as 信息處理費. The importer matches labels, headings and titles, and
the checker reads headings and texts, through this table: the traditional characters of the
official labels, headings, title words and the phrases the checker reads, one for one (the
text keeps its length, so positions found in the folded text hold in the printed one).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

TO_SIMPLIFIED = str.maketrans(
    "萬業為舉於會體關內決況減辦務動區單發後國處複復審對屬當廢開強總執護報據數無機權條構沒現穩類係糾納組織"
    "經結繼續維繳罰範獲補規計認議許訟訪訴詢請購費轉過這進問項題額採確縣鎮鄉員衛統編製財兩與門應級實時論嚴"
    "僅寫說從來績針質專證險態產設標準錄網號蓋簽稱誠預見長歷極監責訊傳節眾領導職層調庫檔種響樣還們個講戶盤"
    "東廣書臺將佈",
    "万业为举于会体关内决况减办务动区单发后国处复复审对属当废开强总执护报据数无机权条构没现稳类系纠纳组织"
    "经结继续维缴罚范获补规计认议许讼访诉询请购费转过这进问项题额采确县镇乡员卫统编制财两与门应级实时论严"
    "仅写说从来绩针质专证险态产设标准录网号盖签称诚预见长历极监责讯传节众领导职层调库档种响样还们个讲户盘"
    "东广书台将布",
)


def fold_traditional(text: str) -> str:
    return text.translate(TO_SIMPLIFIED)


# A PDF's fonts often map a common character to the Kangxi radical or CJK compatibility
# ideograph of the same shape (⼀ U+2F00 for 一, ⼈ U+2F08 for 人, ⽇ for 日): copied or read out,
# "⼀、总体情况" looks right and is no heading, the agency is a name nobody can find. They are
# read as the characters they stand for. Characters that print nothing (a zero-width space or a
# byte-order mark a web editor leaves inside a paragraph or a cell, a soft hyphen) are dropped:
# "1\u200b2" is the 12 a reader sees. Latin ligatures a PDF's font draws (ﬁ U+FB01 in
# "ﬁle:///…", a browser's footer) are their letters, the technical angle brackets U+2329/U+232A
# the CJK 〈〉 they are canonically the same as.
_INVISIBLE = "\u00ad\u180e\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff"


@cache  # compiled on first use, not at every start
def _folded() -> re.Pattern[str]:
    return re.compile(f"[\u2329\u232a\u2e80-\u2fdf\uf900-\ufb06{_INVISIBLE}]")


# CJK Radicals Supplement forms with no NFKC mapping, each with the unified ideograph a CJK font
# draws with the same glyph (read off Noto Sans CJK's character maps): a browser's PDF names
# the glyph of 青, 民, 门 by the first code point the font gives it, ⻘ U+2EDD, ⺠, ⻔
_RADICAL_FORMS = (
    "⺂乛⺃乚⺅亻⺉刂⺋㔾⺎兀⺏尣⺐尢⺒巳⺓幺⺔彑⺕彐⺖忄⺘扌⺙攵⺛旡⺞歺⺟母⺠民⺡氵⺣灬⺤爫⺦丬⺨犭⺫罒⺭礻⺯糹⺰纟"
    "⺱罓⺲罒⺳㓁⺹耂⺺肀⺾艹⺿艹⻂衤⻃覀⻄西⻅见⻆角⻈讠⻉贝⻋车⻌辶⻍辶⻎辶⻐钅⻑長⻒镸⻓长⻔门⻖阝⻘青⻙韦⻚页"
    "⻛风⻜飞⻝食⻟飠⻠饣⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻫斉⻬齐⻭歯⻮齿⻯竜⻰龙⻱龜⻲亀⻳龟⻁虎"
    "⼾户"  # a Kangxi radical whose NFKC form (戶) is not what a simplified-Chinese font draws for it
)


@cache
def _plain_table() -> dict[int, str | None]:
    table: dict[int, str | None] = dict.fromkeys(map(ord, _INVISIBLE))
    for code in (*range(0x2E80, 0x2FE0), *range(0xF900, 0xFB00)):
        folded = unicodedata.normalize("NFKC", chr(code))
        if len(folded) == 1 and unicodedata.name(folded, "").startswith("CJK UNIFIED IDEOGRAPH"):
            table[code] = folded
    for radical, ideograph in zip(_RADICAL_FORMS[::2], _RADICAL_FORMS[1::2], strict=True):
        table[ord(radical)] = ideograph
    table[0x2329], table[0x232A] = "〈", "〉"
    for code in range(0xFB00, 0xFB07):  # ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ
        table[code] = unicodedata.normalize("NFKC", chr(code))
    return table


def plain_characters(text: str) -> str:
    """The text as a reader sees it: radicals and compatibility ideographs as the characters they
    stand for, characters that print nothing dropped (the same string when there are none)."""
    return text.translate(_plain_table()) if _folded().search(text) else text


def needs_plain_characters(text: str) -> bool:
    """Whether plain_characters would change the text."""
    return _folded().search(text) is not None
