"""Text every file format can carry: no lone surrogates (no encoding can write them, a JSON
escape such as \\ud800 makes one) and no control characters other than tab and line breaks
(XML, and so Word and Excel, cannot hold them). Such characters are never printed text."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

_BREAKS_AND_TABS = dict.fromkeys(map(ord, "\t\n\r"))  # the unprintable characters text may hold


@cache  # compiled when first needed: most text never is, and start-up compiles nothing
def _unwritable() -> re.Pattern[str]:
    return re.compile("[\ud800-\udfff]")


@cache
def _control() -> re.Pattern[str]:
    return re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def writable(text: str) -> str:
    """`text` with lone surrogates as U+FFFD and control characters left out."""
    if text.isprintable() or text.translate(_BREAKS_AND_TABS).isprintable() \
            or not (_unwritable().search(text) or _control().search(text)):
        return text  # surrogates, controls and U+FFFE/U+FFFF are none of them printable
    return _control().sub("", _unwritable().sub("\ufffd", text))


def writable_tree(value: Any) -> Any:
    """Every string of a parsed JSON value (keys too) made writable; nesting is bounded by
    the caller."""
    if isinstance(value, str):
        return writable(value)
    if isinstance(value, dict):
        return {writable(k) if isinstance(k, str) else k: writable_tree(v) for k, v in value.items()}
    if isinstance(value, list):
        return [writable_tree(v) for v in value]
    return value
