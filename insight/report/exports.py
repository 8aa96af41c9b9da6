"""Exports for people who act on the report: responses, themes, drivers and close-the-loop lists.

Every file goes through :func:`insight.safe.spreadsheet_safe`, so no cell can run as a formula.
"""

from __future__ import annotations

import functools
import json
import os
from pathlib import Path

import pandas as pd

from insight import progress
from insight.parallel import in_background
from insight.safe import spreadsheet_safe

EXCEL_MAX_ROWS = 1_048_576  # a worksheet's rows, its header included

_RESPONSE_COLUMNS = ["response_id", "score", "category", "lang", "themes", "theme_polarity", "discovered", "discovered_label",
                     "comment", "submitted_at"]


def _responses_frame(results) -> pd.DataFrame:
    r = results.responses.copy()
    r["theme_polarity"] = [json.dumps(p, ensure_ascii=False, sort_keys=True) for p in r["theme_polarity"]]
    first = [c for c in _RESPONSE_COLUMNS if c in r.columns]
    rest = [c for c in r.columns if c not in first and c != "row"]
    return r[first + rest]


# the close-the-loop lists, by category (the report names them when it was written with them)
LISTS = {"detractor": "call_back_detractors.csv", "passive": "win_over_passives.csv",
         "promoter": "ask_promoters_for_review.csv"}


@progress.staged("writing the exports")
def write_exports(results, folder: str | os.PathLike[str]) -> tuple[list[Path], list[str]]:
    """Write the export files into ``folder``; return their paths, and notes on what was left out."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    responses = _responses_frame(results)
    xlsx, notes = folder / "responses.xlsx", []
    if len(responses) < EXCEL_MAX_ROWS:
        # the slowest file (~2 s at 100k): written by a process of its own meanwhile
        workbook = in_background(functools.partial(_write_xlsx, responses, xlsx))()
    else:
        workbook = None
        xlsx.unlink(missing_ok=True)  # not an older run's
        notes.append(f"responses.xlsx not written: {len(responses):,} responses do not fit in an Excel sheet "
                     f"({EXCEL_MAX_ROWS - 1:,} rows); responses.csv has them all")
    # in the order to contact them (see insight.analysis.tables.call_lists)
    lists = {LISTS[cat]: responses.iloc[at] for cat, at in results.call_lists.items()}
    tables = {
        "responses.csv": responses,
        "themes.csv": results.themes,
        "theme_polarity.csv": results.theme_polarity,
        "drivers.csv": results.drivers,
        "mentions.csv": results.mentions.drop(columns=["response"], errors="ignore"),
        **({"value_bands.csv": pd.DataFrame(results.value["bands"])} if results.value else {}),
        **lists,
    }
    written = []
    for name, frame in tables.items():
        path = folder / name
        spreadsheet_safe(frame).to_csv(path, index=False, encoding="utf-8")
        written.append(path)
    if workbook is not None:
        written.append(workbook())
    return written, notes


def _write_xlsx(responses: pd.DataFrame, path: Path) -> Path:
    """The responses as a workbook (written as XML directly: 100k responses in a few seconds,
    where openpyxl took 25 s)."""
    from insight.report.xlsx import write_workbook

    return write_workbook(spreadsheet_safe(responses), path)
