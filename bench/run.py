"""`make bench`: wall time, CPU time and peak memory of each stage at 10k, 100k and 1M responses.

Each measurement runs in a fresh Python process, so peak memory (max RSS) belongs to that stage
alone and no cache from an earlier stage helps a later one. The floor is measured in the same
run on the same file: ``pandas.read_csv(engine="pyarrow")`` (the target for load + score is at
most 2x this floor and under 5 s at 1M rows). Results are printed as a table and written to
``reports/bench/bench-<timestamp>.json`` and ``reports/bench/latest.json``.

    python bench/run.py [--sizes 10000,100000,1000000] [--text-sizes 10000,100000]
                        [--report-sizes 10000,100000] [--repeat 3]

Text stages run on mixed en/zh/ru comments: real ones from ../shared/data when it is present
(resampled), else the demo generator's.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "reports" / "bench"
DATA = OUT / "data"
CHUNK = 100_000
DATA_VERSION = 1  # bump when the demo generator changes, to rebuild cached datasets


# --- datasets -------------------------------------------------------------------------------

def _chunk(args: tuple[int, int]) -> "object":
    from insight.demo import generate

    k, rows = args
    frame = generate(rows, seed=1000 + k, malformed=True)
    id_col = frame.columns[0]
    frame[id_col] = f"C{k}-" + frame[id_col]
    return frame


def dataset(n: int) -> Path:
    """The benchmark survey of ``n`` responses (demo generator, built in 100k chunks on all cores; cached)."""
    import pandas as pd

    from insight.demo import write

    path = DATA / f"survey_{n}_v{DATA_VERSION}.csv"
    if path.exists():
        return path
    DATA.mkdir(parents=True, exist_ok=True)
    sizes = [(k, min(CHUNK, n - k * CHUNK)) for k in range((n + CHUNK - 1) // CHUNK)]
    with ProcessPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        frames = list(pool.map(_chunk, sizes))
    tmp = path.with_suffix(".tmp.csv")
    write(pd.concat(frames, ignore_index=True), tmp)
    tmp.rename(path)
    return path


SHARED = ROOT.parent / "shared" / "data"
# Real comments for the text stages, by language: (file, share of the benchmark).
REAL_SOURCES = {"en": (["womens_clothing.csv", "skytrax_airline.csv"], 0.40),
                "zh": (["zh_online_shopping.csv", "zh_chnsenticorp_htl.csv"], 0.35),
                "ru": (["sentirueval_restaurants.csv"], 0.25)}


def _nps_scores(frame, rng):
    """0-10 likelihood-to-recommend scores that agree with each review's own rating or sentiment."""
    import json

    import numpy as np

    out = np.empty(len(frame), dtype=np.int64)
    ranges = {1: (0, 3), 2: (2, 5), 3: (5, 7), 4: (7, 9), 5: (9, 10)}  # a 1-5 rating -> 0-10
    for i, (score, scale, sub) in enumerate(zip(frame["score"], frame["scale"], frame["sublabels_json"])):
        meta = json.loads(sub) if isinstance(sub, str) and sub.startswith("{") else {}
        if scale == "1-5" and score == score:
            lo, hi = ranges[int(score)]
        elif scale == "1-10" and score == score:
            lo = hi = int(score)
        elif meta.get("_scores"):
            lo = hi = int(round(np.mean(list(meta["_scores"].values()))))
        elif (meta.get("sentiment") or meta.get("Whole")) == "positive":
            lo, hi = 7, 10
        elif (meta.get("sentiment") or meta.get("Whole")) == "negative":
            lo, hi = 0, 6
        else:
            lo, hi = 0, 10
        out[i] = rng.integers(lo, hi + 1)
    jitter = rng.random(len(out)) < 0.1  # people are not perfectly consistent
    out[jitter] = np.clip(out[jitter] + rng.integers(-1, 2, jitter.sum()), 0, 10)
    return out


def real_pool(rng):
    """Real reviews (en/zh/ru) with realistic 0-10 scores; the few long Russian reviews cut into sentences."""
    import pandas as pd

    parts = []
    for lang, (files, share) in REAL_SOURCES.items():
        frame = pd.concat([pd.read_csv(SHARED / f, usecols=["score", "scale", "text", "sublabels_json"])
                           for f in files], ignore_index=True).dropna(subset=["text"])
        frame["nps"] = _nps_scores(frame, rng)
        if lang == "ru":
            frame["text"] = frame["text"].str.split(r"(?<=[.!?])\s+", regex=True)
            frame = frame.explode("text")
            frame = frame[frame["text"].str.len() > 15]
        parts.append((frame[["text", "nps"]].reset_index(drop=True), share))
    return parts


def comments(n: int) -> Path:
    """A survey of ``n`` responses with mixed en/zh/ru comments: real reviews from ../shared/data
    when present (resampled, with 0-10 scores that follow each review's rating or sentiment), else
    the demo generator's; with dates over a year, channel, customer type and region. Cached."""
    import numpy as np
    import pandas as pd

    real = SHARED.exists()
    path = DATA / f"survey_{n}_{'real' if real else 'demo'}_v{DATA_VERSION + 1}.csv"
    if path.exists():
        return path
    DATA.mkdir(parents=True, exist_ok=True)
    if not real:
        return dataset(n)
    rng = np.random.default_rng(42)
    picks = []
    for pool, share in real_pool(rng):
        picks.append(pool.iloc[rng.integers(0, len(pool), int(round(n * share)))])
    frame = pd.concat(picks, ignore_index=True).iloc[:n]
    frame = frame.iloc[rng.permutation(len(frame))].reset_index(drop=True)
    start = pd.Timestamp("2025-11-01")
    out = pd.DataFrame({
        "Response ID": [f"B{i:07d}" for i in range(len(frame))],
        "Submitted": (start + pd.to_timedelta(np.sort(rng.integers(0, 365 * 86400, len(frame))), unit="s"))
        .strftime("%Y-%m-%d %H:%M:%S"),
        "How likely are you to recommend us?": frame["nps"].to_numpy(),
        "Why?": frame["text"].to_numpy(),
        "Channel": rng.choice(["web", "app", "store"], len(frame), p=[0.45, 0.35, 0.2]),
        "Customer type": rng.choice(["new", "returning"], len(frame), p=[0.4, 0.6]),
        "Region": rng.choice(["North", "South", "East", "West"], len(frame)),
    })
    tmp = path.with_suffix(".tmp.csv")
    out.to_csv(tmp, index=False)
    tmp.rename(path)
    return path


# --- stages (each runs in its own process) ----------------------------------------------------

def stage_floor_read_csv(path: str) -> dict:
    import pandas as pd

    t = time.perf_counter()
    frame = pd.read_csv(path, engine="pyarrow")
    return {"rows": len(frame), "wall_inner": time.perf_counter() - t}


def stage_load(path: str) -> dict:
    from insight.load import load

    t = time.perf_counter()
    survey = load(path)
    return {"rows": survey.info.rows_read, "wall_inner": time.perf_counter() - t}


def stage_load_score(path: str) -> dict:
    from insight.load import load
    from insight.score import summarize

    t = time.perf_counter()
    survey = load(path, segments=["Channel", "Customer type"])
    summarize(survey.responses, by=["Channel", "Customer type"], period="M", quarantined=survey.info.rows_quarantined)
    return {"rows": survey.info.rows_read, "wall_inner": time.perf_counter() - t}


def stage_tag(path: str) -> dict:
    """Rule tagging (ecommerce codeframe) of the comments of a loaded file, timed without the load."""
    from insight.load import load
    from insight.themes.codeframe import load_codeframe
    from insight.themes.tagger import RuleTagger

    texts = load(path).responses["comment"].tolist()
    t = time.perf_counter()
    result = RuleTagger(load_codeframe("ecommerce")).tag(texts)
    return {"rows": len(texts), "wall_inner": time.perf_counter() - t, "mentions": len(result.mentions),
            "distinct": int(result.prepared.shape[0] - result.prepared["duplicate"].sum())}


def stage_report(path: str) -> dict:
    """The whole `insight report` (load, score, tag, drivers, HTML) on the demo survey."""
    import tempfile

    from insight.analyze import analyze
    from insight.load import load
    from insight.report import write_report

    t = time.perf_counter()
    survey = load(path, segments=["Channel", "Customer type"])
    results = analyze(survey, by=["Channel", "Customer type"])
    with tempfile.TemporaryDirectory() as tmp:
        out = write_report(results, Path(tmp) / "report.html")
        size = out.stat().st_size
    return {"rows": survey.info.rows_read, "wall_inner": time.perf_counter() - t, "html_mb": size / 1e6}


def stage_import(path: str) -> dict:
    """`insight import` into a new SQLite store: load, then one transaction writing every response."""
    import tempfile

    from insight.load import load
    from insight.store import Store, file_sha256

    t = time.perf_counter()
    with tempfile.TemporaryDirectory(dir=Path(path).parent) as tmp:
        store = Store.open(f"sqlite:///{tmp}/bench.db")
        result = store.import_survey(load(path), wave="bench", file_hash=file_sha256(path), source=path)
        wall = time.perf_counter() - t
        size = Path(tmp, "bench.db").stat().st_size
    return {"rows": result.rows_read, "added": result.added, "wall_inner": wall, "db_mb": size / 1e6}


SCORE_STAGES = {
    "floor (read_csv)": stage_floor_read_csv,
    "load": stage_load,
    "load+score": stage_load_score,
    "import (SQLite)": stage_import,
}
TEXT_STAGES = {"tag (rules)": stage_tag}
REPORT_STAGES = {"full report": stage_report}
STAGES = {**SCORE_STAGES, **TEXT_STAGES, **REPORT_STAGES}


def _child(stage: str, path: str) -> None:
    """Run one stage and print its measurements as JSON (called in a fresh process)."""
    import_start = time.perf_counter()
    import pandas  # noqa: F401  imports are not the stage's cost
    import pyarrow  # noqa: F401

    del import_start
    cpu0 = time.process_time()
    wall0 = time.perf_counter()
    result = STAGES[stage](path)
    result["wall"] = time.perf_counter() - wall0
    children = resource.getrusage(resource.RUSAGE_CHILDREN)  # process-pool workers
    result["cpu"] = time.process_time() - cpu0 + children.ru_utime + children.ru_stime
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result["worker_peak_rss_mb"] = children.ru_maxrss / 1024
    print(json.dumps(result))


def measure(stage: str, path: Path, repeat: int) -> dict:
    """Best wall time of ``repeat`` fresh-process runs (with that run's CPU time and peak memory)."""
    runs = []
    for _ in range(repeat):
        proc = subprocess.run(
            [sys.executable, __file__, "--child", stage, str(path)], capture_output=True, text=True, check=True
        )
        runs.append(json.loads(proc.stdout.strip().splitlines()[-1]))
    return min(runs, key=lambda r: r["wall"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--text-sizes", default="10000,100000")
    parser.add_argument("--report-sizes", default="10000,100000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--child", nargs=2, metavar=("STAGE", "FILE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(*args.child)
        return

    from rich.console import Console
    from rich.table import Table

    sizes = [int(s) for s in args.sizes.split(",")]
    text_sizes = [int(s) for s in args.text_sizes.split(",")]
    rows = []
    for n in sizes:
        path = dataset(n)
        floor = None
        for stage in SCORE_STAGES:
            r = measure(stage, path, args.repeat)
            if floor is None:
                floor = r["wall"]
            rows.append({"size": n, "stage": stage, "file_mb": path.stat().st_size / 1e6, **r,
                         "ratio_to_floor": r["wall"] / floor})
    for n in [int(s) for s in args.report_sizes.split(",")]:
        path = dataset(n)
        for stage in REPORT_STAGES:
            r = measure(stage, path, 1)
            rows.append({"size": n, "stage": stage, "file_mb": path.stat().st_size / 1e6, **r,
                         "ratio_to_floor": None})
    for n in text_sizes:
        path = comments(n)
        for stage in TEXT_STAGES:
            r = measure(stage, path, 1)
            rows.append({"size": n, "stage": stage, "file_mb": path.stat().st_size / 1e6, **r,
                         "ratio_to_floor": None})
    # cost per response relative to the smallest size: linear growth keeps this near 1
    base: dict[str, float] = {}
    for r in rows:  # rows come smallest size first per stage
        base.setdefault(r["stage"], r["wall"] / r["size"])
        r["per_row_vs_smallest"] = (r["wall"] / r["size"]) / base[r["stage"]]

    table = Table(title=f"nps-insight bench ({os.cpu_count()} cores, best of {args.repeat})", title_justify="left")
    for h in ("responses", "stage", "wall s", "cpu s", "peak MB (main/worker)", "× floor", "per-row cost vs smallest"):
        table.add_column(h, justify="right" if h != "stage" else "left")
    for r in rows:
        table.add_row(f"{r['size']:,}", r["stage"], f"{r['wall']:.2f}", f"{r['cpu']:.2f}", f"{r['peak_rss_mb']:.0f}/{r['worker_peak_rss_mb']:.0f}",
                      "–" if r["ratio_to_floor"] is None else f"{r['ratio_to_floor']:.2f}",
                      f"{r['per_row_vs_smallest']:.2f}")
    Console().print(table)

    OUT.mkdir(parents=True, exist_ok=True)
    report = {
        "when": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "machine": {"cores": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "repeat": args.repeat,
        "floor": "pandas.read_csv(engine=\"pyarrow\") of the same file",
        "targets": {"load+score at 1M": "<= 2x floor and < 5 s", "tag (rules) at 100k mixed comments": "<= 30 s",
                    "full report at 100k": "<= 30 s and HTML <= 5 MB"},
        "results": rows,
    }
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    for name in (f"bench-{stamp}.json", "latest.json"):
        (OUT / name).write_text(json.dumps(report, indent=2), encoding="utf-8")
    for r in rows:
        if "html_mb" in r:
            print(f"{r['stage']} at {r['size']:,}: HTML {r['html_mb']:.2f} MB")
    print(f"written to {OUT / 'latest.json'}")


if __name__ == "__main__":
    main()
