"""Compare an NPS with published benchmarks read from a data file that cites its sources."""

from __future__ import annotations

import json
import os
from pathlib import Path

from insight.errors import OptionError
from insight.languages import UI_LANGS
from insight.score.nps import NPS

_REQUIRED = ("id", "label", "nps", "source")
LANGS = UI_LANGS  # the languages a benchmark's "labels" may name


def load_benchmarks(path: str | os.PathLike[str] | None = None) -> list[dict[str, object]]:
    """Benchmarks from ``path`` or, by default, the file shipped with the package."""
    try:
        if path is None:
            text = (Path(__file__).resolve().parent / "benchmarks.json").read_text(encoding="utf-8")
            where = "the shipped benchmarks.json"
        else:
            text = Path(path).read_text(encoding="utf-8")
            where = str(path)
        data = json.loads(text)
    except (OSError, json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise OptionError(f"cannot read benchmarks from {path}: {exc}") from None
    items = data.get("benchmarks") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise OptionError(f"{where}: expected an object with a 'benchmarks' list")
    for i, item in enumerate(items):
        missing = [k for k in _REQUIRED if not isinstance(item, dict) or k not in item]
        if missing:
            raise OptionError(f"{where}: benchmark #{i + 1} lacks {', '.join(missing)} (every figure must cite a source)")
        if not isinstance(item["nps"], (int, float)) or not -100 <= item["nps"] <= 100:
            raise OptionError(f"{where}: benchmark {item['id']!r} has nps {item['nps']!r}; expected a number in [-100, 100]")
        for key in ("labels", "sources"):  # the label and the source in the report's other languages
            given = item.get(key, {})
            if not isinstance(given, dict) or not all(lang in LANGS and isinstance(text, str) for lang, text in given.items()):
                raise OptionError(f"{where}: benchmark {item['id']!r} has {key} {given!r}; expected an object "
                                  f"language -> text, the languages among {', '.join(LANGS)}")
    return items


def compare_benchmarks(result: NPS, benchmarks: list[dict[str, object]]) -> list[dict[str, object]]:
    """Difference to each benchmark and whether the benchmark lies above, below or inside the interval."""
    out = []
    for b in benchmarks:
        value = float(b["nps"])  # type: ignore[arg-type]
        if result.n == 0:
            verdict = "no data"
        elif result.ci_low > value:
            verdict = "above"
        elif result.ci_high < value:
            verdict = "below"
        else:
            verdict = "within interval"
        out.append({
            "id": b["id"], "label": b["label"], "labels": b.get("labels", {}), "benchmark_nps": value,
            "difference": result.nps - value, "verdict": verdict, "source": b["source"],
            "sources": b.get("sources", {}), "url": b.get("url"),
        })
    return out
