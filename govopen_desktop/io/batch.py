"""Work over many files on every core: results in input order as they come, memory flat, and a
worker that dies (a file that exhausts memory, a crash in a library) never hangs or loses the run."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

POOL_FROM = 8  # fewer items are done in this process: starting workers would cost more


def worker_count() -> int:
    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity else (os.cpu_count() or 1)


def map_in_order(
    func: Callable[[T], R],
    items: Sequence[T],
    *,
    workers: int | None = None,
    start_method: str | None = None,
    preload: Callable[[], None] | None = None,
    on_crash: Callable[[T], R] | None = None,
) -> Iterator[R]:
    """`func` over `items`, yielded in input order, each as soon as it and those before it are
    done. `func` must be a module-level function and should return, not raise, for a bad file.

    `workers` given asks for a pool even for a few items. `start_method` "spawn" is for a caller
    with threads of its own (the window): forking those is unsafe; otherwise workers are forked
    and share what `preload` imported. When a worker dies the pool breaks: the first item not
    yet yielded is done again alone in a fresh process (`on_crash(item)` if that dies too), and
    the rest go on in a new pool. Where no worker process can be started at all, the rest is
    done in this process."""
    n = min(workers or worker_count(), len(items))
    if n <= 1 or (workers is None and len(items) < POOL_FROM):
        yield from (func(item) for item in items)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    if start_method is None and "fork" in multiprocessing.get_all_start_methods():
        start_method = "fork"
    context = multiprocessing.get_context(start_method)
    if preload is not None:
        preload()
    done = 0
    while done < len(items):
        rest = items[done:]
        chunk = max(1, min(8, len(rest) // (n * 16)))  # small chunks keep the order flowing
        try:
            pool = ProcessPoolExecutor(min(n, len(rest)), mp_context=context)
        except (OSError, RuntimeError):
            break
        try:
            for result in pool.map(func, rest, chunksize=chunk):
                yield result
                done += 1
        except BrokenProcessPool:
            yield _alone(func, items[done], context, on_crash)
            done += 1
        except (OSError, RuntimeError):  # no process could be started (a frozen build, a sandbox)
            break
        finally:  # the items not started are dropped; waits at most for the chunks under way
            pool.shutdown(wait=True, cancel_futures=True)
    yield from (func(item) for item in items[done:])


def _alone(func: Callable[[T], R], item: T, context: Any, on_crash: Callable[[T], R] | None) -> R:
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    with ProcessPoolExecutor(1, mp_context=context) as pool:
        try:
            return pool.submit(func, item).result()
        except BrokenProcessPool:
            if on_crash is None:
                raise
            return on_crash(item)
