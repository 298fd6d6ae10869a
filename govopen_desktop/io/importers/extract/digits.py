"""Numbers that ran together when a table was copied out of a PDF ("3960181" for 396 0 181):
split only when the form's own arithmetic (a total that is the sum of the row's parts) leaves
exactly one way to do it. Every other case stays unread."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator

from govopen_desktop.domain.formats import ReportFormat

MAX_WAYS = 200_000  # ways to cut the digits beyond this: not tried (bounded work)
_DIGITS = re.compile(r"^\d+$")


def sums_within(fmt: ReportFormat, keys: tuple[str, ...]) -> list[tuple[int, tuple[int, ...]]]:
    """The row's totals as (total index, part indexes), from the format's derivations."""
    at = {k: i for i, k in enumerate(keys)}
    out: list[tuple[int, tuple[int, ...]]] = []
    for k in keys:
        derived = fmt.fields[k].derived
        if derived and all(t in at for t in derived.terms):
            out.append((at[k], tuple(at[t] for t in derived.terms)))
    return out


def _cuts(token: str, parts: int) -> Iterator[list[int]]:
    """`token` cut into `parts` numbers without leading zeros ("0" itself is a number)."""
    if parts == 1:
        if token == "0" or not token.startswith("0"):
            yield [int(token)]
        return
    for cut in range(1, len(token) - parts + 2):
        head = token[:cut]
        if head != "0" and head.startswith("0"):
            break
        for rest in _cuts(token[cut:], parts - 1):
            yield [int(head), *rest]


def _shares(counts: list[int], extra: int) -> Iterator[list[int]]:
    """Ways to give `extra` more numbers to the tokens (each token at most its length)."""
    if not counts:
        if extra == 0:
            yield []
        return
    for more in range(min(extra, counts[0] - 1) + 1):
        for rest in _shares(counts[1:], extra - more):
            yield [1 + more, *rest]


def split_run_together(tokens: list[str], fmt: ReportFormat, keys: tuple[str, ...]) -> list[int] | None:
    """The only split of the printed digit groups into one number per key that satisfies every
    sum in the row; None when there is none, several, or the row has no sum to check."""
    n = len(keys)
    if not tokens or len(tokens) >= n or not all(_DIGITS.match(t) for t in tokens):
        return None
    checks = sums_within(fmt, keys)
    covered = {i for total, parts in checks for i in (total, *parts)}
    if not checks or covered != set(range(n)):
        return None
    length = sum(len(t) for t in tokens)
    if length < n or math.comb(length - len(tokens), n - len(tokens)) > MAX_WAYS:
        return None
    found: list[int] | None = None
    for share in _shares([len(t) for t in tokens], n - len(tokens)):
        for numbers in _combine(tokens, share):
            if all(numbers[total] == sum(numbers[p] for p in parts) for total, parts in checks):
                if found is not None and found != numbers:
                    return None  # two splits fit: not decidable
                found = numbers
    return found


def _combine(tokens: list[str], share: list[int]) -> Iterator[list[int]]:
    if not tokens:
        yield []
        return
    for head in _cuts(tokens[0], share[0]):
        for rest in _combine(tokens[1:], share[1:]):
            yield head + rest
