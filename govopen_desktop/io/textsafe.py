"""Text every file format can carry: no lone surrogates (no encoding can write them, a JSON
escape such as \\ud800 makes one) and no control characters other than tab and line breaks
(XML, and so Word and Excel, cannot hold them). Such characters are never printed text."""

from __future__ import annotations

import re
from typing import Any

_UNWRITABLE = re.compile("[\ud800-\udfff]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def writable(text: str) -> str:
    """`text` with lone surrogates as U+FFFD and control characters left out."""
    if text.isprintable() or not (_UNWRITABLE.search(text) or _CONTROL.search(text)):
        return text
    return _CONTROL.sub("", _UNWRITABLE.sub("\ufffd", text))


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
