"""`make bench`'s workspace line (issue 24): how fast `insight serve` answers on a big store.

A SQLite store of the bench survey (``run.dataset``: real reviews when ../shared/data is there) of
``--rows`` responses, imported as one wave and reported (``insight report --wave``, which records
the run the workspace reads), is served by ``insight serve`` on a free port. Then, over loopback
(so the round trip is the server's time plus well under a millisecond):

* p50/p95 of ``--requests`` (50) requests each of the overview, the themes list, a theme's page, a
  page of 50 verbatims (the theme's second page) and ``/api/themes``, after the first request of each (the
  newest wave's tables are computed once, as the server starts);
* ``--clients`` (20) clients requesting those pages in turn for ``--seconds`` (30), counting the
  answers that are not 200.

The store is kept in reports/bench/ and reused by the next run of the same size and survey.
Results go to ``reports/bench/serve-<timestamp>.json``.

    python bench/serve.py [--rows 100000] [--requests 50] [--clients 20] [--seconds 30]
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import run  # noqa: E402 - the bench survey

ROOT, OUT = run.ROOT, run.OUT
INSIGHT = [sys.executable, "-m", "insight"]
PAGES = {"overview": "/", "themes list": "/themes", "theme page": "/themes/delivery",
         "verbatims (page 2 of 50)": "/themes/delivery?page=2", "api themes": "/api/themes"}


def store_of(rows: int) -> str:
    """The store of the bench survey of ``rows`` responses, one wave reported (built when missing)."""
    survey = run.dataset(rows)
    db = OUT / f"serve-{rows}-{survey.stat().st_size}.db"
    url = f"sqlite:///{db}"
    if not db.exists():
        env = {**os.environ, "INSIGHT_NO_PROGRESS": "1"}
        for args in (["import", str(survey), "--wave", "bench", "--db", url, "--codeframe", "ecommerce"],
                     ["report", "--db", url, "--wave", "bench", "-o", str(OUT / "serve-report.html"),
                      "--codeframe", "ecommerce", "--semantic", "off"]):
            started = time.perf_counter()
            peak = run.run_watched(args, env)  # its error output when it fails
            print(f"  {args[0]}: {time.perf_counter() - started:.1f} s, peak {peak:,.0f} MB", flush=True)
    return url


def get(base: str, path: str) -> tuple[int, float]:
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(base + path, timeout=120) as answer:
            answer.read()
            status = answer.status
    except urllib.error.HTTPError as exc:
        status = exc.code
    return status, time.perf_counter() - started


def serving(url: str) -> tuple[subprocess.Popen, str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(INSIGHT + ["serve", "--db", url, "--port", str(port)], stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if get(base, "/healthz")[0] == 200:
                return server, base
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("insight serve did not answer within 60 s")


def latencies(base: str, requests: int) -> dict[str, dict[str, float]]:
    out = {}
    for name, path in PAGES.items():
        status, first = get(base, path)
        assert status == 200, (path, status)
        times = [get(base, path)[1] for _ in range(requests)]
        q = statistics.quantiles(times, n=20)
        out[name] = {"first_ms": 1000 * first, "p50_ms": 1000 * statistics.median(times), "p95_ms": 1000 * q[18]}
        print(f"  {name:28s} first {out[name]['first_ms']:7.0f} ms   p50 {out[name]['p50_ms']:6.0f} ms   "
              f"p95 {out[name]['p95_ms']:6.0f} ms", flush=True)
    return out


def crowd(base: str, clients: int, seconds: float) -> dict[str, float]:
    """``clients`` threads requesting the pages in turn for ``seconds``: answers, errors, p95."""
    stop = time.monotonic() + seconds
    times: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()

    def client(k: int) -> None:
        paths = list(PAGES.values())
        i = k
        while time.monotonic() < stop:
            try:
                status, took = get(base, paths[i % len(paths)])
            except OSError as exc:
                status, took = -1, 0.0
                with lock:
                    errors.append(str(exc))
            with lock:
                times.append(took)
                if status not in (200, -1):
                    errors.append(f"HTTP {status}")
            i += 1

    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    q95 = statistics.quantiles(times, n=20)[18] if len(times) > 1 else float("nan")
    print(f"  {clients} clients x {seconds:.0f} s: {len(times)} answers, {len(errors)} errors, p95 {1000 * q95:.0f} ms",
          flush=True)
    return {"clients": clients, "seconds": seconds, "answers": len(times), "errors": len(errors),
            "p95_ms": 1000 * q95, "first_errors": errors[:5]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30)
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    print(f"workspace on a store of {args.rows:,} responses", flush=True)
    url = store_of(args.rows)
    server, base = serving(url)
    try:
        result = {"rows": args.rows, "pages": latencies(base, args.requests),
                  "crowd": crowd(base, args.clients, args.seconds)}
    finally:
        server.terminate()
        server.wait(10)
    path = OUT / f"serve-{time.strftime('%Y%m%dT%H%M%SZ', time.gmtime())}.json"
    path.write_text(json.dumps(result, indent=2), encoding="utf-8")
    print(f"written to {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
