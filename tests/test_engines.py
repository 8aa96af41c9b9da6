"""The per-row stages give identical results in one process, on the process pool and on Dask."""

from __future__ import annotations

import pandas as pd
import pytest

from insight.analysis import analyze
from insight.demo import generate
from insight.load import load
from insight import parallel
from insight.parallel import engine


@pytest.fixture(scope="module")
def survey(tmp_path_factory):
    path = tmp_path_factory.mktemp("engines") / "survey.csv"
    generate(3000, seed=11).to_csv(path, index=False)
    return load(path, segments=["Channel"])


def _same(a, b) -> None:
    assert a.nps == b.nps
    for name in ("mentions", "themes", "drivers", "theme_polarity", "segment_drivers", "discovered"):
        pd.testing.assert_frame_equal(getattr(a, name), getattr(b, name), obj=name)
    assert a.responses["themes"].tolist() == b.responses["themes"].tolist()
    assert a.languages == b.languages and a.text == b.text


@pytest.mark.slow
def test_single_process_pool_and_dask_agree(survey, monkeypatch):
    monkeypatch.setattr(parallel, "MIN_ITEMS", 200)  # so that the pool is used on this small survey
    assert survey.responses["comment"].nunique() > parallel.MIN_ITEMS
    kw = {"by": ["Channel"], "n_boot": 200}
    single = analyze(survey, n_jobs=1, **kw)
    pooled = analyze(survey, n_jobs=2, **kw)
    with engine("dask", n_workers=2):
        dask = analyze(survey, **kw)
    _same(single, pooled)
    _same(single, dask)


@pytest.mark.slow
def test_embeddings_are_the_same_on_dask(tmp_path):
    """With --engine dask the semantic tier's comments are embedded on the cluster's workers: the same vectors."""
    import numpy as np

    from insight.text import embed as E
    from tests.conftest import semantic_tier

    semantic_tier()
    texts = ["The delivery was late.", "快递太慢了", "Доставка задержалась", "great staff " * 300, ""]
    from insight.errors import Note

    with pytest.warns(Note, match="longer than the embedding model's"):
        here = E.embed(texts, cache=E.FileCache(tmp_path / "here.sqlite3"))
    with engine("dask", n_workers=2), pytest.warns(Note, match="longer than the embedding model's"):
        there = E.embed(texts, cache=E.FileCache(tmp_path / "there.sqlite3"))
    assert there.computed == here.computed == 5 and there.truncated == here.truncated == 1
    assert np.array_equal(here.vectors, there.vectors)


def test_engine_errors_are_one_line(run_cli, tmp_path):
    path = tmp_path / "s.csv"
    generate(50, seed=1).to_csv(path, index=False)
    r = run_cli("report", path, "--scheduler", "tcp://127.0.0.1:1")
    assert r.code == 2 and "--scheduler needs --engine dask" in r.err
    r = run_cli("report", path, "--engine", "dask", "--scheduler", "tcp://127.0.0.1:1", "-o", tmp_path / "r.html")
    assert r.code == 2 and "cannot reach the Dask scheduler" in r.err and len(r.err.strip().splitlines()) == 1, r.err


def _double_outside(parent: int, x: int) -> int:
    import os

    if os.getpid() == parent:
        return 2 * x
    raise RuntimeError("fails only in the forked child")


def _always_fails() -> int:
    raise ValueError("bad input")


def test_in_background_gives_the_result_whichever_way_it_ran():
    import os
    import sys
    import threading

    assert parallel.in_background(pow)(2, 10)() == 1024
    if threading.active_count() == 1:  # no other thread: it ran in a forked process
        assert parallel.in_background(os.getpid)()() != os.getpid()
    # forked ahead: warm() runs there first, the arguments come later
    start = parallel.in_background(_pid_and_modules, warm=_import_tabnanny)
    pid, imported = start("tabnanny")()
    if threading.active_count() == 1:  # (on a thread, warm() is not needed: nothing runs ahead)
        assert imported and pid != os.getpid() and "tabnanny" not in sys.modules
    # a run that fails in the child is run again by the caller, so the result is the same
    assert parallel.in_background(_double_outside)(os.getpid(), 21)() == 42
    with pytest.raises(ValueError, match="bad input"):  # a real error still reaches the caller
        parallel.in_background(_always_fails)()()
    # a warm-up that fails changes nothing
    assert parallel.in_background(pow, warm=_always_fails)(2, 5)() == 32
    # with another thread alive, it runs on a thread (forking a threaded process is unsafe)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert parallel.in_background(pow)(3, 3)() == 27
    finally:
        stop.set()
        other.join()


def _import_tabnanny() -> None:
    import tabnanny  # noqa: F401


def _pid_and_modules(name: str) -> tuple[int, bool]:
    import os
    import sys

    return os.getpid(), name in sys.modules


NEVER_STARTED = """
import gc, multiprocessing, time
from insight.parallel import in_background
start = in_background(pow)
assert len(multiprocessing.active_children()) == 1  # forked ahead, waiting for its arguments
del start  # the caller gave up (an error before it needed the result)
gc.collect()
for _ in range(200):
    if not multiprocessing.active_children():
        break
    time.sleep(0.05)
print(len(multiprocessing.active_children()))
"""


def test_a_process_forked_ahead_and_never_started_goes_away():
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", NEVER_STARTED], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and done.stdout.strip() == "0", done.stderr


FORK_AFTER_OPENMP = """
import numpy as np
from sklearn.cluster import KMeans
from insight.parallel import in_background
X = np.random.default_rng(0).normal(size=(3000, 10)).astype(np.float32)
here = KMeans(n_clusters=5, n_init=2, random_state=0).fit(X).inertia_  # OpenMP's threads start here
there = in_background(lambda: KMeans(n_clusters=5, n_init=2, random_state=0).fit(X).inertia_)()()
assert abs(there - here) <= 1e-3 * here, (here, there)
print("ok")
"""


def test_a_forked_child_runs_openmp_code_after_the_parent_did():
    """GNU OpenMP's thread pool does not survive fork(): without a one-thread limit in the child,
    k-means there waits forever once the parent has run any OpenMP region (it hung the suite)."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", FORK_AFTER_OPENMP], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr


def _collector_state(chunk: list[int]) -> list[tuple[bool, bool]]:
    """Per item: whether this worker collects garbage, and whether it collects the garbage it makes
    (a reference cycle dropped here is found)."""
    import gc
    import weakref

    class Node:
        pass

    out = []
    for _ in chunk:
        node = Node()
        node.me = node  # a cycle: only the collector frees it
        alive = weakref.ref(node)
        del node
        gc.collect()
        out.append((gc.isenabled(), alive() is None))
    return out


def test_the_pool_leaves_the_garbage_collector_as_it_found_it():
    """map_chunks freezes the objects the workers inherit and pauses collection here while the
    results come in; afterwards nothing stays frozen or paused, and the workers collect their own."""
    import gc

    items = list(range(parallel.MIN_ITEMS))
    assert gc.isenabled()
    got = parallel.map_chunks(_collector_state, items, n_jobs=2)
    assert got == [(True, True)] * len(items)
    assert gc.isenabled() and gc.get_freeze_count() == 0
    gc.disable()
    try:  # a caller that had stopped collecting finds it stopped, as do the workers
        got = parallel.map_chunks(_collector_state, items, n_jobs=2)
        assert {enabled for enabled, _ in got} == {False} and not gc.isenabled() and gc.get_freeze_count() == 0
    finally:
        gc.enable()
    gc.freeze()
    try:  # a caller that froze its own objects finds them frozen still
        parallel.map_chunks(_collector_state, items, n_jobs=2)
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
