"""Python counts a text by code points, Qt's editors by UTF-16 units: a character outside the
Basic Multilingual Plane (a rare character of a place or a person's name, 𠮷; an emoji) is one
index in the report's text but two positions in an editor. An index the domain gives (a find
match, a finding's sentence, a moved year) goes through `to_position` before it reaches an
editor, and a caret's position through `to_index` before it is kept across a reload: a caret
set between the two halves of such a character splits it, and the next key typed loses it."""

from __future__ import annotations


def to_position(text: str, index: int) -> int:
    """The editor position of `text[index]`."""
    return index + sum(1 for ch in text[:index] if ord(ch) > 0xFFFF)


def to_index(text: str, position: int) -> int:
    """The index in `text` of the editor `position`; a position between the two halves of a
    character is that character's start."""
    units = 0
    for index, ch in enumerate(text):
        units += 2 if ord(ch) > 0xFFFF else 1
        if units > position:
            return index
    return len(text)
