"""Text every format can carry (io/textsafe.py): surrogates become U+FFFD, control characters
other than tab and line breaks are left out, everything else is kept as it was."""

from __future__ import annotations

import pytest

from govopen_desktop.io.textsafe import writable, writable_tree

KEPT = ["", "一、总体情况", "第一行\n第二行\r\n\t缩进", "全角\u3000空格与\u00a0不换行空格", "行\u2028分隔",
        "零宽\u200b字符", "😀 表情"]


@pytest.mark.parametrize("text", KEPT)
def test_printable_text_and_its_breaks_are_kept(text: str) -> None:
    assert writable(text) is text


@pytest.mark.parametrize(("text", "expected"), [
    ("a\x00b", "ab"), ("行\x0b一\x0c二\x1f", "行一二"), ("坏\ud800字", "坏\ufffd字"),
    ("\udfff\n\x07", "\ufffd\n"), ("非字符\ufffe\uffff", "非字符"),
])
def test_surrogates_and_controls_are_made_writable(text: str, expected: str) -> None:
    assert writable(text) == expected
    assert writable(expected) == expected


def test_every_string_of_a_tree_keys_too() -> None:
    tree = {"键\x00": ["值\ud800", {"深": "行\n"}], "数": 3}
    assert writable_tree(tree) == {"键": ["值\ufffd", {"深": "行\n"}], "数": 3}
