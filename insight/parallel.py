"""Per-row stages over a process pool or a Dask cluster (DESIGN.md, Scale).

Every per-row stage (text preparation, tagging, model features) is a function of a chunk of
distinct items that returns one result per item. :func:`map_chunks` runs it:

* in this process (``n_jobs=1``, or few items);
* on a forked process pool (the default): workers are forked after the parent has built its
  pipelines and matchers, so they start with them in memory; spaCy's own ``n_process`` was
  measured 6.7x slower here;
* on a Dask cluster, inside ``with engine("dask", scheduler=...)``: the same functions run on the
  cluster's workers, one task per partition, and the client merges the results.

Chunks come back in order and every function is deterministic, so the results are identical
whichever way they ran (tested).
"""

from __future__ import annotations

import functools
import gc
import multiprocessing
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager, nullcontext
from typing import Any, TypeVar

from insight import progress
from insight.errors import OptionError

T = TypeVar("T")
R = TypeVar("R")

MIN_ITEMS = 2000  # below this a pool costs more than it saves
# A worker collects its youngest objects after this many allocations (Python's default: 700). Per-row
# work allocates millions of small objects that live until its chunk is done, and the collections
# Python's default sets off (each older generation's visits every object the worker has built up:
# caches, results) took ~8% of the tagging; few of these objects form cycles.
GC_YOUNG = 50_000

_work: Callable[[Sequence[Any]], list[Any]] | None = None
_dask: Any = None  # the distributed Client while a Dask engine is active
ENGINES = ("pool", "dask")


def _run(chunk: Sequence[Any]) -> list[Any]:
    assert _work is not None
    return _work(chunk)


def on_dask() -> bool:
    """Whether a Dask engine is active (:func:`engine`)."""
    return _dask is not None


def jobs(n_jobs: int | None) -> int:
    """Number of worker processes: ``None`` or 0 means one per core."""
    return max(1, n_jobs or os.cpu_count() or 1)


def map_chunks(func: Callable[[Sequence[T]], list[R]], items: Sequence[T], n_jobs: int | None = None,
               min_items: int | None = None, label: str | None = None) -> list[R]:
    """``func`` applied to chunks of ``items`` (one result per item, in order), on ``n_jobs`` processes
    (in this one when there are fewer than ``min_items``, default :data:`MIN_ITEMS` as it is at the
    call: lower it for items that are heavy work).
    ``label`` names the work in the progress display (:mod:`insight.progress`), advanced chunk by chunk."""
    with progress.stage(label, total=len(items)) if label else nullcontext(progress.nothing) as advance:
        if _dask is not None and len(items):
            return _on_dask(func, items, advance)
        workers = jobs(n_jobs)
        min_items = MIN_ITEMS if min_items is None else min_items
        if workers == 1 or len(items) < min_items or "fork" not in multiprocessing.get_all_start_methods():
            if label is None or len(items) < min_items or not progress.active():
                return func(items)
            return _in_chunks(func, _chunks(items, 20), advance)  # on a terminal: the bar moves
        return _on_pool(func, _guided(items, workers), workers, advance)


def _chunks(items: Sequence[T], n: int) -> list[Sequence[T]]:
    """``items`` cut into ``n`` chunks (fewer when there are fewer items)."""
    size = max(1, -(-len(items) // n))
    return [items[i:i + size] for i in range(0, len(items), size)]


def _guided(items: Sequence[T], workers: int) -> list[Sequence[T]]:
    """``items`` cut into chunks for a pool of ``workers``, each a share of what is left (1 / (2 x workers)) and no
    smaller than a 40th of all: the last chunks are small, so the workers finish together (with eight equal chunks
    one worker was seen idle for 1.4 s of a 100k tagging while the other read its last chunk)."""
    least = max(1, len(items) // 40)
    out, start = [], 0
    while start < len(items):
        size = max(least, (len(items) - start) // (2 * workers))
        size = len(items) - start if len(items) - start - size < least else size  # (no crumb of a chunk at the end)
        out.append(items[start:start + size])
        start += size
    return out


def _in_chunks(func: Callable[[Sequence[T]], list[R]], chunks: list[Sequence[T]],
               advance: Callable[[int], None]) -> list[R]:
    out: list[R] = []
    for chunk in chunks:
        out.extend(func(chunk))
        advance(len(chunk))
    return out


def _on_pool(func: Callable[[Sequence[T]], list[R]], chunks: list[Sequence[T]], workers: int,
             advance: Callable[[int], None]) -> list[R]:
    """The chunks on a pool of ``workers`` processes forked now, results in order."""
    global _work
    _work = func
    try:
        with _frozen(pause=True) as collecting:
            with progress.paused():  # no display thread while the workers are forked
                pool = multiprocessing.get_context("fork").Pool(workers, initializer=_collect, initargs=(collecting,))
            with pool:
                parts = []
                for part in pool.imap(_run, chunks):
                    parts.append(part)
                    advance(len(part))
    finally:
        _work = None
    return [r for part in parts for r in part]


@contextmanager
def _frozen(pause: bool = False) -> Iterator[bool]:
    """Around forking: the objects of this process are frozen (the garbage collector's
    ``gc.freeze``), so that a forked process's collections skip the million-odd objects it inherits
    (the pipelines, the survey) instead of visiting them over and over and copying the pages it
    shares with this process; with ``pause`` this process collects nothing either until the block
    ends (it only takes in results: new lists and tuples, no cycles). Yields whether this process
    was collecting. Tagging at 100k: ~1 s less on two cores, the same result.
    """
    collecting = gc.isenabled()
    theirs = gc.get_freeze_count() > 0  # a caller that freezes its own objects keeps them frozen
    gc.freeze()
    if pause:
        gc.disable()
    try:
        yield collecting
    finally:
        if not theirs:
            gc.unfreeze()
        if collecting:
            gc.enable()


def _collect(enabled: bool) -> None:
    """In a forked worker: collect garbage as the parent did before it paused for the fork, less often
    (:data:`GC_YOUNG`)."""
    if enabled:
        gc.enable()
        gc.set_threshold(GC_YOUNG, *gc.get_threshold()[1:])


def can_fork_alone() -> bool:
    """Whether this process can fork a helper safely: it can fork, and has no other thread (a fork
    copies a thread's locks half-way, without the thread)."""
    return threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods()


def in_background(func: Callable[..., R], warm: Callable[[], object] | None = None) -> Callable[..., Callable[[], R]]:
    """Get ``func`` ready to run beside the caller: returns ``start``; ``start(*args)`` runs
    ``func(*args)`` and returns a function that waits for its result.

    When this process has no other thread (a thread would share the GIL with the caller), a
    process is forked *now* and runs ``warm()`` (its imports, say) while the caller goes on;
    ``start`` sends it the arguments (pickled: keep them small). Otherwise ``start`` runs ``func``
    on a thread. A forked run that fails is run again by the caller, so the result is the same
    either way; ``func``'s result must be picklable. The child runs OpenMP and BLAS code on one
    thread: GNU OpenMP's thread pool does not survive a fork, and a parallel region
    (scikit-learn's k-means) in a child of a process that had used it waits forever.
    """
    with progress.paused():  # the display's thread stops while the process is forked
        if not can_fork_alone() or _dask is not None:
            return functools.partial(_on_thread, func)
        ctx = multiprocessing.get_context("fork")
        get_args, give_args = ctx.Pipe(duplex=False)
        receive, send = ctx.Pipe(duplex=False)

        process = ctx.Process(target=_child, args=(func, warm, get_args, give_args, receive, send), daemon=True)
        with _frozen():
            process.start()
    get_args.close()
    send.close()

    def start(*args: Any) -> Callable[[], R]:
        try:
            give_args.send(args)
        except OSError:  # the child is gone: wait() hears nothing and runs func here
            pass
        give_args.close()

        def wait() -> R:
            try:
                ok, value = receive.recv()
            except EOFError:  # the child died without a word
                ok, value = False, None
            receive.close()
            process.join()
            return value if ok else func(*args)

        return wait

    return start


def _child(func: Callable[..., R], warm: Callable[[], object] | None, get_args, give_args, receive, send) -> None:
    """The forked process of :func:`in_background`: warm up, wait for the arguments, run ``func`` and
    send back (True, its result), or (False, None) when it failed."""
    give_args.close()
    receive.close()
    if warm is not None:
        try:
            warm()
        except Exception:  # noqa: BLE001 - func meets the same problem and reports it
            pass
    try:
        args = get_args.recv()
    except EOFError:  # never started
        return
    from threadpoolctl import threadpool_limits

    try:
        with threadpool_limits(limits=1):  # OpenMP and BLAS alike: the caller has the other cores
            send.send((True, func(*args)))
    except BaseException:  # noqa: BLE001 - reported to the parent, which runs func itself
        send.send((False, None))


def _on_thread(func: Callable[..., R], *args: Any) -> Callable[[], R]:
    pool = ThreadPoolExecutor(max_workers=1)
    future = pool.submit(func, *args)
    pool.shutdown(wait=False)  # the submitted call still runs to the end
    return future.result


def _on_dask(func: Callable[[Sequence[T]], list[R]], items: Sequence[T], advance: Callable[[int], None]) -> list[R]:
    """One task per partition on the Dask cluster; results gathered in partition order."""
    from distributed import as_completed

    workers = max(1, len(_dask.scheduler_info(n_workers=-1).get("workers", {})))
    parts = [list(part) for part in _chunks(items, workers * 4)]
    # the function (a model, a vectorizer in a partial: megabytes) goes to each worker once, not
    # inside every task
    shipped = _dask.scatter(func, broadcast=True, hash=False)
    futures = _dask.map(_call, parts, fn=shipped, pure=False)
    sizes = {future.key: len(part) for future, part in zip(futures, parts)}
    for future in as_completed(futures):
        advance(sizes[future.key])
    return [r for part in _dask.gather(futures) for r in part]


def _call(chunk: Sequence[T], fn: Callable[[Sequence[T]], list[R]]) -> list[R]:
    return fn(chunk)


@contextmanager
def engine(name: str = "pool", scheduler: str | None = None, n_workers: int | None = None) -> Iterator[None]:
    """Run the per-row stages of the block on ``name``: ``pool`` (local processes) or ``dask``.

    For ``dask``, ``scheduler`` is the address of a running cluster (its workers need this
    package installed); without one a ``LocalCluster`` of ``n_workers`` processes (default: one per
    core) is started for the block and closed after it.
    """
    global _dask
    if name not in ENGINES:
        raise OptionError(f"unknown engine {name!r}; use one of {', '.join(ENGINES)}")
    if name == "pool":
        yield
        return
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise OptionError("--engine dask needs Dask: pip install 'nps-insight[dask]'") from None
    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout=30)
        else:
            cluster = LocalCluster(n_workers=n_workers or jobs(None), threads_per_worker=1, processes=True,
                                   dashboard_address=None)
            client = Client(cluster)
    except OSError as exc:
        raise OptionError(f"cannot reach the Dask scheduler {scheduler!r}: {exc}") from None
    _dask = client
    try:
        yield
    finally:
        _dask = None
        client.close()
        if cluster is not None:
            cluster.close()
