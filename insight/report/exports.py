"""Exports for people who act on the report: responses, themes, drivers and close-the-loop lists.

Every file goes through :func:`insight.safe.spreadsheet_safe`, so no cell can run as a formula.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd

from insight.safe import spreadsheet_safe

_RESPONSE_COLUMNS = ["response_id", "score", "category", "lang", "themes", "theme_polarity", "comment", "submitted_at"]


def _responses_frame(results) -> pd.DataFrame:
    r = results.responses.copy()
    r["theme_polarity"] = [json.dumps(p, ensure_ascii=False, sort_keys=True) for p in r["theme_polarity"]]
    first = [c for c in _RESPONSE_COLUMNS if c in r.columns]
    rest = [c for c in r.columns if c not in first and c != "row"]
    return r[first + rest]


def write_exports(results, folder: str | os.PathLike[str]) -> list[Path]:
    """Write the export files into ``folder``; return their paths."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    responses = _responses_frame(results)
    has_comment = responses["comment"].fillna("").str.strip() != ""
    lists = {
        # detractors to call back: lowest scores first, those who explained themselves first
        "call_back_detractors.csv": responses[responses["category"] == "detractor"]
        .assign(_c=~has_comment).sort_values(["score", "_c", "response_id"], kind="stable").drop(columns="_c"),
        "win_over_passives.csv": responses[responses["category"] == "passive"]
        .assign(_c=~has_comment).sort_values(["_c", "response_id"], kind="stable").drop(columns="_c"),
        "ask_promoters_for_review.csv": responses[responses["category"] == "promoter"]
        .assign(_c=~has_comment).sort_values(["_c", "score", "response_id"], ascending=[True, False, True],
                                             kind="stable").drop(columns="_c"),
    }
    tables = {
        "responses.csv": responses,
        "themes.csv": results.themes,
        "theme_polarity.csv": results.theme_polarity,
        "drivers.csv": results.drivers,
        "mentions.csv": results.mentions.drop(columns=["response"], errors="ignore"),
        **lists,
    }
    written = []
    for name, frame in tables.items():
        path = folder / name
        spreadsheet_safe(frame).to_csv(path, index=False, encoding="utf-8")
        written.append(path)
    xlsx = folder / "responses.xlsx"
    safe = spreadsheet_safe(responses)
    for col in safe.columns:
        if pd.api.types.is_datetime64_any_dtype(safe[col]):
            safe[col] = safe[col].dt.strftime("%Y-%m-%d %H:%M:%S")
    safe.to_excel(xlsx, index=False, engine="openpyxl")
    written.append(xlsx)
    return written
