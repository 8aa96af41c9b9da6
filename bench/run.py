"""`make bench`: wall time, CPU time and peak memory of each stage at 10k, 100k and 1M responses.

Each measurement runs in a fresh Python process, so peak memory (max RSS) belongs to that stage
alone and no cache from an earlier stage helps a later one. The floor is measured in the same
run on the same file: ``pandas.read_csv(engine="pyarrow")`` (the target for load + score is at
most 2x this floor and under 5 s at 1M rows). Results are printed as a table and written to
``reports/bench/bench-<timestamp>.json`` and ``reports/bench/latest.json``.

    python bench/run.py [--sizes 10000,100000,1000000] [--repeat 3]
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


STAGES = {
    "floor: pandas.read_csv(pyarrow)": stage_floor_read_csv,
    "load": stage_load,
    "load + score": stage_load_score,
}


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
    result["cpu"] = time.process_time() - cpu0
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
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
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--child", nargs=2, metavar=("STAGE", "FILE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(*args.child)
        return

    from rich.console import Console
    from rich.table import Table

    sizes = [int(s) for s in args.sizes.split(",")]
    rows = []
    for n in sizes:
        path = dataset(n)
        floor = None
        for stage in STAGES:
            r = measure(stage, path, args.repeat)
            if floor is None:
                floor = r["wall"]
            rows.append({"size": n, "stage": stage, "file_mb": path.stat().st_size / 1e6, **r,
                         "ratio_to_floor": r["wall"] / floor})
    # cost per response relative to the smallest size: linear growth keeps this near 1
    base = {r["stage"]: r["wall"] / r["size"] for r in rows if r["size"] == sizes[0]}
    for r in rows:
        r["per_row_vs_smallest"] = (r["wall"] / r["size"]) / base[r["stage"]]

    table = Table(title=f"nps-insight bench ({os.cpu_count()} cores, best of {args.repeat})", title_justify="left")
    for h in ("responses", "stage", "wall s", "cpu s", "peak MB", "× floor", "per-row cost vs smallest"):
        table.add_column(h, justify="right" if h != "stage" else "left")
    for r in rows:
        table.add_row(f"{r['size']:,}", r["stage"], f"{r['wall']:.2f}", f"{r['cpu']:.2f}", f"{r['peak_rss_mb']:.0f}",
                      f"{r['ratio_to_floor']:.2f}", f"{r['per_row_vs_smallest']:.2f}")
    Console().print(table)

    OUT.mkdir(parents=True, exist_ok=True)
    report = {
        "when": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "machine": {"cores": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "repeat": args.repeat,
        "targets": {"load + score at 1M": "<= 2x floor and < 5 s"},
        "results": rows,
    }
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    for name in (f"bench-{stamp}.json", "latest.json"):
        (OUT / name).write_text(json.dumps(report, indent=2), encoding="utf-8")
    print(f"written to {OUT / 'latest.json'}")


if __name__ == "__main__":
    main()
