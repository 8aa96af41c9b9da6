"""`make bench`: wall time, CPU time and peak memory of each stage at 10k, 100k and 1M responses.

The survey: real en/zh/ru reviews from ../shared/data when present (resampled, each with a 0-10
score that follows its own rating or sentiment, dates over a year, channel, customer type and
region), else the demo generator's. Each stage runs in a fresh Python process: what it needs
first (loading, tagging, ...) runs untimed, then its own work is timed (wall, and CPU of the
process and its workers); peak memory is the process's and its largest worker's
(ru_maxrss), and for the whole command also the peak of its process tree's summed PSS (what
it really holds: pages the forked workers share count once). Stages: the floor (pandas'
pyarrow CSV reader plus one regex tokenisation pass over the comments, measured in the same run
on the same file), load, score, text, tag, model predict, discovery, drivers, report rendering,
the whole `insight report` command, and `insight import` into SQLite. The table shows each
stage's ratio to the floor and its per-response cost relative to the smallest size (near 1 =
linear). ``--mixes`` adds other surveys built the same way: zh-heavy (74 % Chinese), en-long (90 %
English reviews of 500+ characters) and ru-heavy (70 % Russian); ``mixed`` is the default. With the
semantic tier installed, its lines follow (``bench/semantic.py``: embedding
throughput by language and length, and a 100k report whose comments are all embedded already).
Results go to ``reports/bench/bench-<timestamp>.json`` and ``reports/bench/latest.json``.

    python bench/run.py [--sizes 10000,100000,1000000] [--stages "load,tag (rules)"] [--repeat 3]
                        [--mixes mixed,zh-heavy,en-long,ru-heavy | all] [--no-semantic]
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
# Real comments for the text stages, by language: (files, share of the benchmark, shortest comment
# taken). The surveys users have mix them in other ways; each mix is a benchmark survey of its own.
EN, ZH, RU = ["womens_clothing.csv", "skytrax_airline.csv"], ["zh_online_shopping.csv", "zh_chnsenticorp_htl.csv"], \
    ["sentirueval_restaurants.csv"]
EN_LONG = ["skytrax_airline.csv", "skytrax_airport.csv", "skytrax_lounge.csv", "skytrax_seat.csv", "womens_clothing.csv"]
MIXES = {
    "mixed": {"en": (EN, 0.40, 0), "zh": (ZH, 0.35, 0), "ru": (RU, 0.25, 0)},  # the bench's survey since session 7
    "zh-heavy": {"zh": (ZH, 0.74, 0), "en": (EN, 0.26, 0)},  # a retailer in Shanghai or Taipei
    # airline and hotel-like reviews of 500+ characters (~6,000 distinct ones exist: they repeat)
    "en-long": {"en": (EN_LONG, 0.90, 500), "zh": (ZH, 0.05, 0), "ru": (RU, 0.05, 0)},
    "ru-heavy": {"ru": (RU, 0.70, 0), "en": (EN, 0.15, 0), "zh": (ZH, 0.15, 0)},
}
REAL_SOURCES = MIXES["mixed"]


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


def real_pool(rng, mix: str = "mixed"):
    """Real reviews (en/zh/ru) with realistic 0-10 scores, by ``mix``; the few long Russian reviews
    cut into sentences."""
    import pandas as pd

    parts = []
    for lang, (files, share, shortest) in MIXES[mix].items():
        frame = pd.concat([pd.read_csv(SHARED / f, usecols=["score", "scale", "text", "sublabels_json"])
                           for f in files], ignore_index=True).dropna(subset=["text"])
        frame = frame[frame["text"].str.len() >= shortest].reset_index(drop=True)
        frame["nps"] = _nps_scores(frame, rng)
        if lang == "ru":
            frame["text"] = frame["text"].str.split(r"(?<=[.!?])\s+", regex=True)
            frame = frame.explode("text")
            frame = frame[frame["text"].str.len() > 15]
        parts.append((frame[["text", "nps"]].reset_index(drop=True), share))
    return parts


def comments(n: int, mix: str = "mixed") -> Path:
    """A survey of ``n`` responses with en/zh/ru comments mixed as ``mix`` says: real reviews from
    ../shared/data when present (resampled, with 0-10 scores that follow each review's rating or
    sentiment), else the demo generator's (one mix); with dates over a year, channel, customer type
    and region. Cached."""
    import numpy as np
    import pandas as pd

    real = SHARED.exists()
    name = "real" if mix == "mixed" else f"real-{mix}"
    path = DATA / f"survey_{n}_{name if real else 'demo'}_v{DATA_VERSION + 1}.csv"
    if path.exists():
        return path
    DATA.mkdir(parents=True, exist_ok=True)
    if not real:
        return dataset(n)
    rng = np.random.default_rng(42)
    picks = []
    for pool, share in real_pool(rng, mix):
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


# --- stages (each runs in its own process; only the stage's own work is timed) -----------------

SEGMENTS = ["Channel", "Customer type"]
MODEL = OUT / "model"


def _clock() -> tuple[float, float]:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)  # process-pool workers, once reaped
    return time.perf_counter(), time.process_time() + usage.ru_utime + usage.ru_stime


def _since(start: tuple[float, float]) -> dict[str, float]:
    """Wall and CPU seconds (this process and its finished workers) since ``start``."""
    wall, cpu = _clock()
    return {"wall": wall - start[0], "cpu": cpu - start[1]}


def _load(path: str):
    from insight.load import load

    return load(path, segments=SEGMENTS)


def _tagged(path: str):
    from insight.themes.codeframe import load_codeframe
    from insight.themes.tagger import RuleTagger

    survey = _load(path)
    return survey, RuleTagger(load_codeframe("ecommerce")).tag(survey.responses["comment"].tolist())


def stage_floor(path: str) -> dict:
    """The floor: pandas' pyarrow CSV reader plus one regex tokenisation pass over the comments."""
    import re

    import pandas as pd

    t = _clock()
    frame = pd.read_csv(path, engine="pyarrow")
    head = frame.head(1000)
    text_col = max((c for c in frame.columns if head[c].dtype != "int64"),
                   key=lambda c: head[c].astype(str).str.len().mean())  # the comments: the longest strings
    word = re.compile(r"\w+")
    tokens = sum(len(word.findall(c)) for c in frame[text_col].fillna("").astype(str))
    return {"rows": len(frame), **_since(t), "tokens": tokens}


def stage_read_csv(path: str) -> dict:
    """Issue 2's yardstick: pandas' pyarrow CSV reader alone (no tokens)."""
    import pandas as pd

    t = _clock()
    frame = pd.read_csv(path, engine="pyarrow")
    return {"rows": len(frame), **_since(t)}


def stage_read_csv_safe(path: str) -> dict:
    """pyarrow's reader as a loader must call it: quoted newlines in values allowed (pandas does
    not ask for it, so its pyarrow engine fails or, worse, splits rows on multi-line comments)."""
    import pyarrow.csv as pacsv

    t = _clock()
    table = pacsv.read_csv(path, parse_options=pacsv.ParseOptions(newlines_in_values=True))
    frame = table.to_pandas()
    return {"rows": len(frame), **_since(t)}


def stage_load(path: str) -> dict:
    t = _clock()
    survey = _load(path)
    return {"rows": survey.info.rows_read, **_since(t)}


def stage_score(path: str) -> dict:
    from insight.score import summarize

    survey = _load(path)
    t = _clock()
    summarize(survey.responses, by=SEGMENTS, period="M", quarantined=survey.info.rows_quarantined)
    return {"rows": survey.info.rows_read, **_since(t)}


def stage_text(path: str) -> dict:
    from insight.text import prepare

    texts = _load(path).responses["comment"].tolist()
    t = _clock()
    prepared = prepare(texts)
    return {"rows": len(texts), **_since(t),
            "distinct": int((prepared["content"] & ~prepared["duplicate"]).sum())}


def stage_tag(path: str) -> dict:
    """Rule tagging (ecommerce codeframe) of prepared comments."""
    from insight.text import prepare
    from insight.themes.codeframe import load_codeframe
    from insight.themes.tagger import RuleTagger

    texts = _load(path).responses["comment"].tolist()
    prepared = prepare(texts)
    t = _clock()
    result = RuleTagger(load_codeframe("ecommerce")).tag(texts, prepared=prepared)
    return {"rows": len(texts), **_since(t), "mentions": len(result.mentions)}


def stage_model(path: str) -> dict:
    """A theme model's predictions (trained once per run on the 10k survey's silver labels)."""
    from insight.themes.registry import load_model

    texts = _load(path).responses["comment"].tolist()
    model = load_model(MODEL)[0]
    t = _clock()
    labels = model.predict_labels(texts)
    return {"rows": len(texts), **_since(t), "labelled": sum(1 for x in labels if x)}


def stage_discovery(path: str) -> dict:
    from insight.themes.discover import discover, warm

    survey, tagged = _tagged(path)
    r = survey.responses
    warm()  # scikit-learn's import and the stop words (a report builds them while tagging)
    t = _clock()
    found = discover(r["comment"].tolist(), r["category"].astype(str).tolist(), covered=[bool(x) for x in tagged.themes],
                     prepared=tagged.prepared, lemmas=tagged.lemmas)
    return {"rows": len(r), **_since(t), "themes": len(found.proposals),
            "considered": found.considered}


def stage_drivers(path: str) -> dict:
    """Theme table with bootstrap intervals, attribution, both per segment, and the trends."""
    import numpy as np

    from insight.analysis.tables import for_statistics, per_segment, segments_of, theme_tables
    from insight.drivers import attribution, theme_table

    survey, tagged = _tagged(path)
    r = survey.responses
    cats = r["category"].cat.codes.to_numpy().astype(np.int64)
    t = _clock()
    scored = for_statistics(tagged.mentions)
    theme_table(cats, scored)
    attribution(cats, scored)
    segments = segments_of(r, SEGMENTS)
    tables = theme_tables(cats, scored, segments, confidence=0.95, n_boot=1000, seed=0, min_n=30)
    per_segment(segments, cats, scored, tables[1:], {}, 0.95)
    return {"rows": len(r), **_since(t)}


def stage_render(path: str) -> dict:
    """The HTML report from finished results (charts, tables, quotes)."""
    import tempfile

    from insight.analysis import analyze
    from insight.report import write_report

    results = analyze(_load(path), by=SEGMENTS)
    import altair  # noqa: F401  the charts' import (a report does it while discovery runs)

    t = _clock()
    with tempfile.TemporaryDirectory() as tmp:
        size = write_report(results, Path(tmp) / "report.html").stat().st_size
    return {"rows": len(results.responses), **_since(t), "html_mb": size / 1e6}


def stage_report(path: str) -> dict:
    """The whole `insight report FILE --by Channel --by "Customer type"`, as a user runs it, with the
    semantic tier off: under ``auto`` it embeds the survey's silent comments when they are few enough
    (at most ~2 minutes, once: they are cached), so the time would depend on what this machine has
    embedded before; the tier's costs have their own lines (bench/semantic.py)."""
    import tempfile

    t = _clock()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.html"
        peak = run_watched(["report", path, "-o", str(out), *[a for seg in SEGMENTS for a in ("--by", seg)],
                            "--semantic", "off"])
        size = out.stat().st_size
    return {"rows": None, **_since(t), "html_mb": size / 1e6, "tree_pss_mb": peak}


def run_watched(args: list[str], env: dict[str, str] | None = None) -> float:
    """Run ``insight ARGS`` and return the peak summed PSS (MB) of it and its workers."""
    import tempfile

    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen([sys.executable, "-m", "insight", *args], stdout=subprocess.DEVNULL, stderr=err,
                                env=env)  # a file: a full pipe would block it
        peak = 0.0
        while proc.poll() is None:
            peak = max(peak, _tree_pss_mb(proc.pid) or 0.0)
            time.sleep(0.25)
        if proc.returncode:
            err.seek(0)
            raise RuntimeError(err.read().decode(errors="replace"))
    return peak


def _tree_pss_mb(pid: int) -> float | None:
    """Memory of a process and all its descendants now: the sum of their proportional set sizes
    (a page shared by forked workers counts once in total, unlike a sum of RSS; Linux only).
    None when a process started or ended while they were read: a fork splits the pages of a
    parent already read with the new child, so the sum would count them 1.5 times (a 2.5 GB report
    showed spikes of ~1.2 GB that system memory did not)."""
    before = _tree(pid)
    total = 0.0
    for p in before:
        try:
            for line in Path(f"/proc/{p}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1]) / 1024
        except OSError:
            continue
    return total if _tree(pid) == before else None


def _tree(pid: int) -> set[int]:
    """``pid`` and its descendants."""
    parent: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue  # gone meanwhile
        parent[int(stat.parent.name)] = int(fields[1])
    tree, todo = set(), [pid]
    while todo:
        p = todo.pop()
        tree.add(p)
        todo.extend(c for c, pp in parent.items() if pp == p and c not in tree)
    return tree


def stage_import(path: str) -> dict:
    """`insight import` into a new SQLite store: load, then one transaction writing every response."""
    import tempfile

    from insight.store import Store, file_sha256

    t = _clock()
    with tempfile.TemporaryDirectory(dir=Path(path).parent) as tmp:
        store = Store.open(f"sqlite:///{tmp}/bench.db")
        result = store.import_survey(_load(path), wave="bench", file_hash=file_sha256(path), source=path)
        spent = _since(t)
        size = Path(tmp, "bench.db").stat().st_size
    return {"rows": result.rows_read, "added": result.added, **spent, "db_mb": size / 1e6}


STAGES = {
    "floor (read_csv + regex tokens)": stage_floor,
    "read_csv (pandas pyarrow)": stage_read_csv,
    "read_csv (pyarrow multi-line safe)": stage_read_csv_safe,
    "load": stage_load,
    "score": stage_score,
    "text (prepare)": stage_text,
    "tag (rules)": stage_tag,
    "model predict": stage_model,
    "discovery": stage_discovery,
    "drivers": stage_drivers,
    "report (render)": stage_render,
    "full insight report": stage_report,
    "import (SQLite)": stage_import,
}
REPEATED = {"floor (read_csv + regex tokens)", "read_csv (pandas pyarrow)", "read_csv (pyarrow multi-line safe)",
            "load", "score"}  # fast: best of --repeat runs


def _child(stage: str, path: str) -> None:
    """Run one stage and print its measurements as JSON (called in a fresh process)."""
    import pandas  # noqa: F401  imports are not the stage's cost
    import pyarrow  # noqa: F401

    import insight.load  # noqa: F401  (nor ours: ~0.05 s)

    result = STAGES[stage](path)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result["worker_peak_rss_mb"] = children.ru_maxrss / 1024
    print(json.dumps(result))


def train_model(path: Path) -> None:
    """The theme model of the "model predict" stage: bootstrapped from the rules (not timed); trained
    again when the one kept from an earlier run is in another model format (which would be refused)
    or was made by a ThemeClassifier with other parameters (which may be slower)."""
    import shutil

    from insight.themes.model import ThemeClassifier
    from insight.themes.registry import FORMAT

    card = MODEL / "v1" / "model_card.json"
    if card.exists():
        kept = json.loads(card.read_text(encoding="utf-8"))
        if kept.get("format") == FORMAT and set(kept.get("params", {})) == set(ThemeClassifier().get_params()):
            return
        shutil.rmtree(MODEL)
    subprocess.run([sys.executable, "-m", "insight", "train", str(path), "--bootstrap", "--codeframe", "ecommerce",
                    "-o", str(MODEL), "--folds", "2"], check=True, capture_output=True)


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
    parser.add_argument("--stages", default="", help="Comma-separated stage names (default: all).")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--mixes", default="mixed", help=f"Survey mixes, comma-separated, or all ({', '.join(MIXES)}).")
    parser.add_argument("--no-semantic", action="store_true", help="Leave out the semantic tier's lines.")
    parser.add_argument("--child", nargs=2, metavar=("STAGE", "FILE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(*args.child)
        return

    from rich.console import Console
    from rich.table import Table

    sizes = [int(s) for s in args.sizes.split(",")]
    mixes = list(MIXES) if args.mixes == "all" else [m.strip() for m in args.mixes.split(",")]
    if any(m not in MIXES for m in mixes):
        parser.error(f"unknown mix; mixes: {', '.join(MIXES)} or all")
    only = [x.strip() for x in args.stages.split(",")] if args.stages else list(STAGES)
    unknown = [x for x in only if x not in STAGES]
    if unknown:
        parser.error(f"unknown stage {unknown[0]!r}; stages: {', '.join(STAGES)}")
    if "model predict" in only:  # the model is bootstrapped from the 10k survey, whatever sizes run
        train_model(comments(10_000))
    rows = []
    for mix in mixes:
        for n in sizes:
            path = comments(n, mix)
            floor = None
            for stage in only:
                r = measure(stage, path, args.repeat if stage in REPEATED else 1)
                if stage.startswith("floor"):
                    floor = r["wall"]
                rows.append({"mix": mix, "size": n, "stage": stage, "file_mb": path.stat().st_size / 1e6, **r,
                             "ratio_to_floor": r["wall"] / floor if floor else None})
                print(f"{mix:<9} {n:>9,} {stage:<32} {r['wall']:8.2f} s  {r['peak_rss_mb']:7.0f} MB", flush=True)
    # cost per response relative to the smallest size: linear growth keeps this near 1
    base: dict[tuple[str, str], float] = {}
    for r in rows:  # rows come smallest size first per stage
        base.setdefault((r["mix"], r["stage"]), r["wall"] / r["size"])
        r["per_row_vs_smallest"] = (r["wall"] / r["size"]) / base[(r["mix"], r["stage"])]

    table = Table(title=f"nps-insight bench ({os.cpu_count()} cores, best of {args.repeat})", title_justify="left")
    for h in ("mix", "responses", "stage", "wall s", "cpu s", "peak MB (main/worker)", "× floor", "per-row cost vs smallest"):
        table.add_column(h, justify="right" if h not in ("mix", "stage") else "left")
    for r in rows:
        table.add_row(r["mix"], f"{r['size']:,}", r["stage"], f"{r['wall']:.2f}", f"{r['cpu']:.2f}", f"{r['peak_rss_mb']:.0f}/{r['worker_peak_rss_mb']:.0f}",
                      "–" if r["ratio_to_floor"] is None else f"{r['ratio_to_floor']:.2f}",
                      f"{r['per_row_vs_smallest']:.2f}")
    console = Console(width=150)
    console.print(table)
    for n in sizes:  # issue 2: load + score against pandas' read_csv of the same file (today's mix)
        wall = {r["stage"]: r["wall"] for r in rows if r["size"] == n and r["mix"] == mixes[0]}
        if {"load", "score", "read_csv (pandas pyarrow)"} <= wall.keys():
            both = wall["load"] + wall["score"]
            line = f"load + score at {n:,}: {both:.2f} s = {both / wall['read_csv (pandas pyarrow)']:.2f}x pandas read_csv"
            if "read_csv (pyarrow multi-line safe)" in wall:
                line += f", {both / wall['read_csv (pyarrow multi-line safe)']:.2f}x a multi-line-safe pyarrow read"
            console.print(line)

    semantic = None
    if not args.no_semantic:
        import semantic as tier

        semantic = tier.run(sizes)
    OUT.mkdir(parents=True, exist_ok=True)
    report = {
        "when": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "machine": {"cores": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "repeat": args.repeat,
        "floor": "pandas.read_csv(engine=\"pyarrow\") of the same file + one regex tokenisation pass over its comments",
        "targets": {"load + score at 1M": "<= 2x floor and < 5 s", "tag (rules) at 100k": "<= 30 s",
                    "full insight report": "<= 15 s at 100k; <= 120 s and <= 3 GB at 1M",
                    "import (SQLite) at 1M": "<= 60 s", "every stage": "linear or better in the responses",
                    "semantic tier": "a 100k report whose comments are all cached adds <= 1 s and <= 1 GB"},
        "results": rows,
        "semantic": semantic,
    }
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    for name in (f"bench-{stamp}.json", "latest.json"):
        (OUT / name).write_text(json.dumps(report, indent=2), encoding="utf-8")
    for r in rows:
        if "html_mb" in r:
            line = f"{r['mix']}: {r['stage']} at {r['size']:,}: HTML {r['html_mb']:.2f} MB"
            if r.get("tree_pss_mb"):
                line += f", peak memory of the command and its workers {r['tree_pss_mb']:.0f} MB (summed PSS)"
            print(line)
    print(f"written to {OUT / 'latest.json'}")


if __name__ == "__main__":
    main()
