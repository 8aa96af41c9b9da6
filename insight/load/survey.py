"""A loaded survey: its responses, its quarantine and how the file was read (:class:`LoadInfo`)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from insight.canonical import CANONICAL, id_text
from insight.load.columns import ColumnMap


@dataclass
class LoadInfo:
    """How a file was read, and the row reconciliation."""

    path: str
    format: str
    encoding: str | None
    delimiter: str | None
    header_row: int
    columns: ColumnMap
    segments: tuple[str, ...]
    rows_read: int
    rows_scored: int
    rows_quarantined: int
    notes: list[str] = field(default_factory=list)
    # a quarantine large enough (or concentrated enough) to move the NPS: rows, of, share, and for
    # the rows quarantined for their score, the commonest raw values with their counts (None: none)
    quarantine_warning: dict[str, object] | None = None

    def warning_text(self) -> str | None:
        """The quarantine warning as one line for the terminal."""
        w = self.quarantine_warning
        if w is None:
            return None
        values = ", ".join(f"{v!r} ({n})" if v else f"empty ({n})" for v, n in w["values"])
        return (f"{w['rows']} of {w['of']} rows ({100 * w['share']:.1f}%) are quarantined and left out of the NPS"
                + (f"; for their score, most often {values}" if values else "") + "; see --quarantine-out")

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "format": self.format,
            "encoding": self.encoding,
            "delimiter": self.delimiter,
            "header_row": self.header_row,
            "columns": self.columns.as_dict(),
            "segments": list(self.segments),
            "rows_read": self.rows_read,
            "rows_scored": self.rows_scored,
            "rows_quarantined": self.rows_quarantined,
            "notes": list(self.notes),
            "quarantine_warning": self.quarantine_warning,
        }


@dataclass
class Survey:
    """Canonical responses, the quarantine, and how the file was read."""

    responses: pd.DataFrame
    quarantine: pd.DataFrame
    info: LoadInfo

    def all_rows(self) -> pd.DataFrame:
        """The responses and, where the file has a comment column, its quarantined rows (the id and
        comment as written in the file, its other columns, the reason; no score), in file order, with
        a ``quarantine_reason`` column (empty for the responses). What reads comments alone - tagging,
        discovery, the choice of a codeframe - reads these."""
        responses = self.responses.copy()
        responses["quarantine_reason"] = ""
        column = self.info.columns.comment
        if column is None or column not in self.quarantine.columns or not len(self.quarantine):
            return responses  # (a wave of the store keeps no quarantined comments)
        q = self.quarantine
        ids = self.info.columns.id
        questions = self.info.columns.questions
        text = joined_answers(q, questions) if questions else q[column].astype("string").fillna("")
        rows = {"response_id": id_text(q[ids]).to_numpy() if ids in q.columns else "",
                "category": "", "row": q["row"].to_numpy(),
                "comment": text.astype(str).to_numpy(), "quarantine_reason": q["reason"].to_numpy()}
        for name in responses.columns.intersection(q.columns).difference([*rows, "score"]):
            rows[name] = q[name].to_numpy()  # the file's other columns, as read
        responses["score"] = responses["score"].astype("Int64")  # no score: empty, and 9 stays 9, not 9.0
        both = pd.concat([responses, pd.DataFrame(rows, index=range(len(q)))], ignore_index=True)
        return both.iloc[np.argsort(both["row"].to_numpy(), kind="stable")].reset_index(drop=True)

    def write_quarantine(self, path: str | os.PathLike[str]) -> None:
        """Write the quarantined rows with their reasons to a CSV file (safe to open in a spreadsheet)."""
        from insight.safe import spreadsheet_safe

        spreadsheet_safe(self.quarantine).to_csv(path, index=False, encoding="utf-8")


def joined_answers(frame: pd.DataFrame, questions: Sequence[str]) -> pd.Series:
    """The answers to several open questions as one comment: the non-empty ones, stripped, one line each."""
    parts = [frame[q].astype("string").fillna("").str.strip() for q in questions]
    joined = parts[0]
    for part in parts[1:]:
        joined = (joined + "\n" + part).str.strip("\n")
        joined = joined.str.replace(r"\n{2,}", "\n", regex=True)
    return joined


def question_column(name: str) -> str:
    """The responses' column that holds the answers to open question ``name`` (its header, or
    ``<header>_original`` where the header is a canonical column's name)."""
    return name if name not in CANONICAL else f"{name}_original"
