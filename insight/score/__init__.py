"""Scoring: NPS with intervals, by segment and by period, against benchmarks."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pandas as pd

from insight import settings
from insight.canonical import CANONICAL
from insight.errors import ColumnError
from insight.load.columns import column_named
from insight.score.benchmarks import compare_benchmarks, load_benchmarks
from insight.score.groups import by_period, by_segment, parse_period
from insight.score.nps import nps_from_scores
from insight.score.value import by_value, value_column

__all__ = ["json_ready", "summarize"]


def summarize(
    responses: pd.DataFrame,
    *,
    by: Sequence[str] = (),
    period: str | None = None,
    confidence: float = settings.CONFIDENCE,
    min_n: int = settings.MIN_N,
    quarantined: int = 0,
    benchmarks: list[dict[str, object]] | None = None,
    value: str | None = None,
) -> dict[str, object]:
    """Everything ``insight score`` reports, as plain JSON-ready data.

    Top level: ``n, promoters, passives, detractors, nps, ci_low, ci_high, quarantined`` and
    ``low_n``, ``benchmarks``; ``by_segment`` (when ``by`` names columns) and ``by_period``
    (when ``period`` is given) are lists of rows with the same keys per group.
    """
    scores = responses["score"].to_numpy()
    total = nps_from_scores(scores, confidence)
    out: dict[str, object] = {
        "n": total.n, "promoters": total.promoters, "passives": total.passives, "detractors": total.detractors,
        "nps": total.nps, "ci_low": total.ci_low, "ci_high": total.ci_high, "quarantined": quarantined,
        "confidence": confidence, "low_n": total.n < min_n, "min_n": min_n,
    }
    out["benchmarks"] = compare_benchmarks(total, benchmarks if benchmarks is not None else load_benchmarks())
    if by:
        rows: list[dict[str, object]] = []
        for col in segment_columns(by, responses):
            rows.extend(by_segment(scores, responses[col], col, confidence, min_n))
        out["by_segment"] = rows
    value_col = value_column([c for c in responses.columns if c not in CANONICAL], value)
    if value is not None and value_col is None:
        shown = _file_columns(responses) or "none"
        raise ColumnError(f"--value-col {value!r} is not a column of the file (columns: {shown})")
    if value_col is not None and total.n:
        found = by_value(scores, responses[value_col], value_col, confidence, min_n)
        if found["n"] or value is not None:  # a detected column with no amount in it is not one
            out["by_value"] = found
    if period is not None:
        spec = parse_period(period)
        if spec.kind == "wave" and "wave" not in responses.columns:
            raise ColumnError("--period wave needs survey waves: import the files with `insight import --wave` "
                              "and report with --db")
        if spec.kind != "wave" and responses["submitted_at"].notna().sum() == 0:
            raise ColumnError("--period needs dates, but no date column was found; name it with --date-col")
        rows, undated = by_period(scores, responses[spec.column], spec, confidence, min_n)
        out["period"] = spec.code
        out["by_period"] = rows
        out["undated"] = undated
    return json_ready(out)


def segment_columns(by: Sequence[str], responses: pd.DataFrame) -> list[str]:
    """The responses' columns that ``by`` names (with case, spaces and underscores aside), in order;
    a name that is none of them is an error that lists the file's own columns."""
    out = []
    for col in by:
        found = column_named(col, list(responses.columns))
        if found is None:
            shown = _file_columns(responses) or "none besides the score, comment, date and id"
            raise ColumnError(f"--by {col!r} is not a column of the file (columns: {shown})")
        out.append(found)
    return out


def _file_columns(responses: pd.DataFrame) -> str:
    """The file's own columns among the responses' (the canonical ones and the store's wave aside), for errors."""
    return ", ".join(repr(c) for c in responses.columns if c not in CANONICAL and c != "wave")


def json_ready(value: object) -> object:
    """JSON-ready: NaN becomes None, numpy scalars become Python numbers, tuples become lists."""
    if isinstance(value, dict):
        return {k: json_ready(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_ready(v) for v in value]
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value
