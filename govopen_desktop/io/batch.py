"""Work over many files on every core, results in input order and streamed, memory flat."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

SERIAL_BELOW = 8  # a pool costs ~100 ms to start: a handful of files is faster in-process


def worker_count() -> int:
    return max(1, min(os.cpu_count() or 1, 8))


def map_in_order(
    func: Callable[[T], R], items: Sequence[T], *, workers: int | None = None, start_method: str | None = None,
) -> Iterator[R]:
    """`func` over `items`, yielded in input order as they complete; `func` must be picklable
    (a module-level function) and must not raise for a bad file (it returns the reason).
    `start_method` "spawn" is for a caller with threads of its own (the window): forking them is unsafe."""
    n = worker_count() if workers is None else workers
    if n <= 1 or len(items) < SERIAL_BELOW:
        for item in items:
            yield func(item)
        return
    chunk = max(1, min(32, len(items) // (n * 8) or 1))
    import multiprocessing
    from concurrent.futures.process import BrokenProcessPool

    context = multiprocessing.get_context(start_method) if start_method else None
    done = 0
    try:
        with ProcessPoolExecutor(max_workers=n, mp_context=context) as pool:
            for result in pool.map(func, items, chunksize=chunk):
                done += 1
                yield result
    except (BrokenProcessPool, RuntimeError, OSError):
        # no worker processes here (a frozen build without freeze_support, a sandbox without
        # fork, a killed worker): the rest is done in this process, slower but complete
        for item in items[done:]:
            yield func(item)
