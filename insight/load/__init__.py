"""Load a survey export into canonical responses and a quarantine, with every row accounted for.

    survey = load("export.csv")
    survey.responses     # one row per usable answer: response_id, score, category, comment, ...
    survey.quarantine    # one row per unusable row, with the reason
    survey.info          # how the file was read; rows_read == rows_scored + rows_quarantined
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from insight import settings
from insight.canonical import CANONICAL, CATEGORIES, MISSING_SEGMENT, categorical, id_text
from insight.errors import ColumnError, LoadError
from insight.load.columns import ColumnMap, choose_columns
from insight.load.readers import RawTable, read_raw
from insight.load.values import parse_dates, parse_score, parse_scores

__all__ = ["CATEGORIES", "LoadInfo", "Survey", "load"]



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
        score_hint=score,
        sniff_bytes=settings.default("sniff_bytes"),
        header_search_rows=settings.default("header_search_rows"),
    )
    frame = raw.frame
    cols = choose_columns(
        list(frame.columns), _content_fit(frame), score=score, comment=comment, date=date, id=id,
        score_required=score_required,
    )
    seg_cols = tuple(_segment_column(s, frame.columns) for s in segments)
    return _build(Path(path), raw, cols, seg_cols)


def _segment_column(name: str, columns: pd.Index) -> str:
    if name in columns:
        return name
    folded = {str(c).casefold().strip(): c for c in columns}
    if name.casefold().strip() in folded:
        return folded[name.casefold().strip()]
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


def _build(path: Path, raw: RawTable, cols: ColumnMap, seg_cols: tuple[str, ...]) -> Survey:
    frame = raw.frame
    n = len(frame)
    notes = list(raw.notes)
    # the id check (hashing every id) and the dates run beside the other columns' parsing: they
    # spend most of their time in pyarrow, which releases the GIL
    with ThreadPoolExecutor(max_workers=2) as pool:
        id_job = pool.submit(_response_ids, frame, cols.id)
        date_job = pool.submit(parse_dates, frame[cols.date]) if cols.date is not None else None
        if cols.score is not None:
            scores, score_reasons = parse_scores(frame[cols.score])
        else:
            scores, score_reasons = np.full(n, -1, dtype=np.int8), np.full(n, None, dtype=object)
        segment_values = {col: _segment_values(frame[col]) for col in seg_cols}
        if date_job is not None:
            dates, date_reasons, date_note = date_job.result()
        else:
            dates = pd.Series(pd.NaT, index=frame.index, dtype="datetime64[ns]")
            date_reasons, date_note = np.full(n, None, dtype=object), None
        ids, id_reasons, id_note = id_job.result()
    reasons = [score_reasons, date_reasons]
    if cols.score is None:
        notes.append("no score column: the rows are read as comments without scores")
    if date_note:
        notes.append(date_note)
    reasons.append(id_reasons)
    if id_note:
        notes.append(id_note)

    valid = scores[scores >= 0]
    if valid.size >= 30 and valid.max() <= 5:
        notes.append(f"no score is above 5 in {valid.size} responses: if {cols.score!r} is a 1-5 rating rather than "
                     "0-10 likelihood to recommend, its NPS is meaningless")
    reason = _join_reasons(reasons, n)
    bad = reason != ""
    good = ~bad

    if cols.questions:
        comment = joined_answers(frame, cols.questions)
        notes.append(f"{len(cols.questions)} open questions ({', '.join(map(repr, cols.questions))}): their answers are "
                     "read together (one line each) and question by question")
    elif cols.comment is not None:
        comment = frame[cols.comment].astype("string").fillna("")
    else:
        comment = pd.Series("", index=frame.index, dtype="string")
    canonical = {
        "response_id": ids,
        "score": scores,
        "category": categorical(scores),
        "comment": comment,
        "submitted_at": dates,
        "row": raw.row_numbers.to_numpy(),
    }
    responses = pd.DataFrame(canonical, index=frame.index)
    if cols.score is None:
        responses["score"] = pd.array([pd.NA] * n, dtype="Int64")
    # (several open questions: each keeps its column too, for the reading question by question)
    used = {c for c in (cols.score, None if cols.questions else cols.comment, cols.date, cols.id) if c is not None}
    for col in frame.columns:
        if col in used and col not in seg_cols:
            continue
        name = col if col not in CANONICAL else f"{col}_original"
        responses[name] = segment_values[col] if col in seg_cols else frame[col]
    if bad.any():
        responses = _keep_rows(responses, good)

    quarantine = _quarantine(frame, raw, bad, reason)
    info = LoadInfo(
        path=str(path),
        format=raw.format,
        encoding=raw.encoding,
        delimiter=raw.delimiter,
        header_row=raw.header_row,
        columns=cols,
        segments=seg_cols,
        rows_read=n + len(raw.malformed),
        rows_scored=len(responses),
        rows_quarantined=len(quarantine),
        notes=notes,
    )
    if info.rows_read != info.rows_scored + info.rows_quarantined:  # pragma: no cover - an invariant
        raise AssertionError(f"reconciliation failed: {info.as_dict()}")
    if info.rows_read == 0:
        raise LoadError(f"{path}: the file has a header but no rows")
    return Survey(responses, quarantine, info)


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


def _keep_rows(frame: pd.DataFrame, keep: np.ndarray) -> pd.DataFrame:
    """``frame[keep]``, with the Arrow-backed text columns filtered by pyarrow on several threads.

    Filtering a million rows of text column by column in pandas costs more than reading the
    file; pyarrow's filter releases the GIL, so the columns are filtered side by side.
    """
    import pyarrow as pa

    mask = pa.array(keep)

    def one(col: str) -> pd.Series:
        s = frame[col]
        arrow = _arrow_text(s)
        if arrow is not None:
            return pd.Series(pd.arrays.ArrowStringArray(arrow.filter(mask)), name=col)
        return s[keep].reset_index(drop=True)

    with ThreadPoolExecutor(max_workers=min(8, len(frame.columns))) as pool:
        columns = list(pool.map(one, frame.columns))
    return pd.DataFrame({s.name: s for s in columns})


def _segment_values(values: pd.Series) -> pd.Series:
    """A segment column as a categorical of its stripped values; empty and missing become
    :data:`MISSING_SEGMENT`. Segments have few distinct values, so an Arrow text column is
    dictionary-encoded first and only its distinct values are stripped."""
    arrow = _arrow_text(values)
    if arrow is None:
        text = values.astype("string").str.strip()
        return text.mask(text.isna() | (text == ""), MISSING_SEGMENT).astype("category")
    encoded = arrow.dictionary_encode().combine_chunks()
    nulls = [None] if encoded.null_count else []  # missing values get an entry of their own
    labels = pd.Series(encoded.dictionary.to_pylist() + nulls, dtype="string").str.strip()
    labels = labels.mask(labels.isna() | (labels == ""), MISSING_SEGMENT)
    categories = sorted(set(labels))
    position = {label: i for i, label in enumerate(categories)}
    lookup = np.array([position[label] for label in labels], dtype=np.int32)
    indices = encoded.indices.fill_null(len(labels) - 1).to_numpy(zero_copy_only=False)
    dtype = pd.CategoricalDtype(pd.Index(categories, dtype="string"))  # as .astype("category") makes them
    return pd.Series(pd.Categorical.from_codes(lookup[indices], dtype=dtype), index=values.index)


def _arrow_text(values: pd.Series):
    """The Arrow array behind a pyarrow-backed text column (``None`` for any other column)."""
    if isinstance(values.dtype, pd.StringDtype) and values.dtype.storage == "pyarrow":
        return values.array.__arrow_array__()
    return None


def _response_ids(frame: pd.DataFrame, id_col: str | None) -> tuple[pd.Series, np.ndarray, str | None]:
    """Response ids: the export's own, else a stable hash of the row.

    A generated id is the row's content hash plus its occurrence number among identical rows, so
    it is the same on every import of the same file and two identical answers stay two responses.
    """
    n = len(frame)
    reasons = np.full(n, None, dtype=object)
    note = None
    repeats = None
    if id_col is not None:
        arrow = _arrow_text(frame[id_col])
        repeats = _ordered_repeats(arrow) if arrow is not None else None
        if repeats is not None:
            ids = pd.Series(pd.arrays.ArrowStringArray(arrow), index=frame.index)
            missing = np.zeros(n, dtype=bool)
        else:
            ids = id_text(frame[id_col])
            missing = (ids == "").to_numpy()
    else:
        ids = pd.Series("", index=frame.index, dtype="string")
        missing = np.ones(n, dtype=bool)
    if missing.any():
        part = frame[missing].astype("string").fillna("")
        hashes = pd.util.hash_pandas_object(part, index=False).to_numpy()
        occurrence = pd.Series(hashes).groupby(hashes).cumcount().to_numpy()
        generated = [f"h{h:016x}" + (f"-{k}" if k else "") for h, k in zip(hashes, occurrence)]
        ids = ids.copy()
        ids[missing] = generated
        if id_col is not None:
            note = f"{int(missing.sum())} row(s) had no response id; a stable id was generated from the row"
    if id_col is not None:
        dup = repeats if repeats is not None else ids.duplicated(keep="first").to_numpy() & ~missing
        if dup.any():
            repeated = ids[dup]
            firsts = ids[ids.isin(set(repeated)).to_numpy() & ~dup]
            first_row = dict(zip(firsts, firsts.index + 1))
            for i, v in zip(np.flatnonzero(dup), repeated):
                reasons[i] = f"duplicate response id {v!r} (first seen in data row {first_row[v]})"
    return ids.astype("string"), reasons, note


def _ordered_repeats(arrow) -> np.ndarray | None:
    """For an Arrow id column that is complete, already trimmed and in ascending order (exports
    usually list responses by id), the rows repeating the previous row's id: in a sorted column
    every repeat sits next to its first, so one comparison of neighbours replaces hashing a
    million ids. ``None`` for any other column."""
    import pyarrow.compute as pc

    if arrow.null_count or len(arrow) < 2:
        return None
    if not pc.all(pc.equal(pc.utf8_trim_whitespace(arrow), arrow)).as_py() or pc.min(pc.utf8_length(arrow)).as_py() == 0:
        return None
    flat = arrow.combine_chunks() if hasattr(arrow, "combine_chunks") else arrow
    if not pc.all(pc.greater_equal(flat[1:], flat[:-1])).as_py():
        return None
    return np.concatenate([[False], pc.equal(flat[1:], flat[:-1]).to_numpy(zero_copy_only=False)])


def _join_reasons(reasons: list[np.ndarray], n: int) -> np.ndarray:
    out = np.full(n, "", dtype=object)
    for r in reasons:
        has = pd.notna(r)
        if not has.any():
            continue
        idx = np.flatnonzero(has)
        out[idx] = [f"{a}; {b}" if a else b for a, b in zip(out[idx], r[idx])]
    return out


def _quarantine(frame: pd.DataFrame, raw: RawTable, bad: np.ndarray, reason: np.ndarray) -> pd.DataFrame:
    columns = ["row", "reason", *frame.columns, "raw_line"]
    parts = []
    if bad.any():
        q = _keep_rows(frame, bad).astype("string")
        q.insert(0, "reason", reason[bad])
        q.insert(0, "row", raw.row_numbers[bad].to_numpy())
        q["raw_line"] = ""
        parts.append(q)
    if raw.malformed:
        parts.append(
            pd.DataFrame(
                {
                    "row": [r for r, _, _ in raw.malformed],
                    "reason": [why for _, _, why in raw.malformed],
                    "raw_line": [text for _, text, _ in raw.malformed],
                }
            )
        )
    if not parts:
        return pd.DataFrame({c: pd.Series(dtype="string") for c in columns}).astype({"row": "Int64"})
    out = pd.concat(parts, ignore_index=True).reindex(columns=columns)
    out["row"] = out["row"].astype("Int64")
    return out
