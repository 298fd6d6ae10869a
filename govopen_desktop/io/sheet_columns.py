"""Spreadsheet column letters (A … Z, AA …): how the report's and the register's sheet readers
name a column and read a cell reference's column."""

from __future__ import annotations

from functools import cache, lru_cache


@lru_cache(maxsize=1024)  # a sheet names each of its columns for every cell's place
def column_letters(index: int) -> str:
    """The letters of the column at 0-based `index` (0 → A, 26 → AA)."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


@cache  # pure; asked for every cell of a sheet, with only a few distinct columns
def column_index(letters: str) -> int:
    """The 0-based index of the column named by upper-case `letters` (A → 0, AA → 26)."""
    col = 0
    for ch in letters:
        col = col * 26 + ord(ch) - 64
    return col - 1
