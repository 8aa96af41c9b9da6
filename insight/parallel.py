"""Per-row stages over a process pool (DESIGN.md, Scale).

Workers are forked after the parent has built its pipelines and matchers, so they start with
them in memory instead of building their own; chunks come back in order, so results do not
depend on the number of workers. spaCy's own ``n_process`` was measured 6.7x slower here.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

MIN_ITEMS = 2000  # below this a pool costs more than it saves

_work: Callable[[Sequence[Any]], list[Any]] | None = None


def _run(chunk: Sequence[Any]) -> list[Any]:
    assert _work is not None
    return _work(chunk)


def jobs(n_jobs: int | None) -> int:
    """Number of worker processes: ``None`` or 0 means one per core."""
    return max(1, n_jobs or os.cpu_count() or 1)


def map_chunks(func: Callable[[Sequence[T]], list[R]], items: Sequence[T], n_jobs: int | None = None) -> list[R]:
    """``func`` applied to chunks of ``items`` (one result per item, in order), on ``n_jobs`` processes."""
    global _work
    workers = jobs(n_jobs)
    if workers == 1 or len(items) < MIN_ITEMS or "fork" not in multiprocessing.get_all_start_methods():
        return func(items)
    size = -(-len(items) // (workers * 4))
    chunks = [items[i:i + size] for i in range(0, len(items), size)]
    _work = func
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            parts = pool.map(_run, chunks)
    finally:
        _work = None
    return [r for part in parts for r in part]
