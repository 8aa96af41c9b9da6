"""Load a survey export into canonical responses and a quarantine, with every row accounted for.

    survey = load("export.csv")
    survey.responses     # one row per usable answer: response_id, score, category, comment, ...
    survey.quarantine    # one row per unusable row, with the reason
    survey.info          # how the file was read; rows_read == rows_scored + rows_quarantined
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from insight import progress, settings
from insight.canonical import CATEGORIES
from insight.errors import ColumnError
from insight.load.build import build
from insight.load.columns import choose_columns, column_named
from insight.load.readers import read_raw
from insight.load.survey import LoadInfo, Survey, joined_answers, question_column
from insight.load.values import parse_dates, parse_score

__all__ = ["CATEGORIES", "LoadInfo", "Survey", "joined_answers", "load", "question_column"]


@progress.staged("reading the file")
def load(
    path: str | os.PathLike[str],
    score: str | None = None,
    comment: str | Sequence[str] | None = None,
    date: str | None = None,
    id: str | None = None,
    segments: Sequence[str] = (),
    encoding: str | None = None,
    sheet: str | None = None,
    score_required: bool = True,
) -> Survey:
    """Read a survey export (CSV/TSV, XLSX, Parquet, JSON lines) into a :class:`Survey`.

    Column arguments name the file's columns; ``None`` detects them from the header (English,
    Chinese or Russian names) and the values. ``comment`` may name several open questions ("Why?",
    "What should we improve?"); without it every column whose header reads like one and whose
    values are free text is found: their answers are the responses' ``comment``, one line each, and
    each keeps its own column (:func:`question_column`). Scores must be whole numbers 0-10 ("9", "9.0",
    "10 - Extremely likely", full-width "９"); any other value sends its row to the quarantine
    with a reason, as do unreadable dates, repeated response ids and rows that do not fit the
    header. Raises :class:`insight.errors.LoadError` when the file cannot be used at all.

    With ``score_required=False`` (tagging, discovery: they read comments) a file without a score
    column loads too: every row is a response with an empty score and category.
    """
    raw = read_raw(
        path,
        encoding=encoding,
        sheet=sheet,
        hints=[h for h in (score, *([comment] if isinstance(comment, str) else comment or ()), date, id, *segments) if h],
        sniff_bytes=settings.default("sniff_bytes"),
        header_search_rows=settings.default("header_search_rows"),
    )
    frame = raw.frame
    cols = choose_columns(
        list(frame.columns), _content_fit(frame), score=score, comment=comment, date=date, id=id,
        score_required=score_required,
    )
    seg_cols = tuple(_segment_column(s, frame.columns) for s in segments)
    return build(Path(path), raw, cols, seg_cols)


def _segment_column(name: str, columns: pd.Index) -> str:
    found = column_named(name, list(columns))
    if found is not None:
        return found
    shown = ", ".join(repr(c) for c in list(columns)[:20])
    raise ColumnError(f"segment column {name!r} is not a column of the file (columns: {shown})")


def _content_fit(frame: pd.DataFrame, sample: int = 2000):
    """How well a column's values fit a role, judged on its first non-empty values."""

    def fit(role: str, column: str) -> float:
        values = frame[column].head(sample * 5)  # judge the first rows; never scan a whole column
        values = values[values.notna()]
        if values.dtype == object or isinstance(values.dtype, pd.StringDtype):
            values = values[values.astype(str).str.strip() != ""]
        values = values.head(sample)
        if values.empty:
            return float("nan")
        if role == "score":
            return float(np.mean([parse_score(v)[0] is not None for v in values]))
        if role == "date":
            dates, reasons, _ = parse_dates(values.reset_index(drop=True))
            return float(dates.notna().mean())
        if role == "comment":
            return min(1.0, float(values.astype(str).str.len().mean()) / 80.0)
        if role == "question":  # another open question: free text, not a handful of choices
            text = values.astype(str)
            return 0.0 if text.nunique() < 0.3 * len(text) else min(1.0, float(text.str.len().mean()) / 80.0)
        return float(values.nunique() / len(values))

    return fit


