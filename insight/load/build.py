"""Building a survey from a file's raw table: the canonical columns parsed (scores, dates, ids,
segments), every row a response or a quarantined row with its reason."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd

from insight.canonical import CANONICAL, MISSING_SEGMENT, categorical, id_text
from insight.errors import LoadError
from insight.load.columns import ColumnMap
from insight.load.readers import RawTable
from insight.load.survey import LoadInfo, Survey, joined_answers
from insight.load.values import parse_dates, parse_scores


def build(path: Path, raw: RawTable, cols: ColumnMap, seg_cols: tuple[str, ...]) -> Survey:
    frame = raw.frame
    n = len(frame)
    notes = list(raw.notes)
    parsed = _parse(frame, cols, seg_cols)
    if cols.score is None:
        notes.append("no score column: the rows are read as comments without scores")
    notes += [note for note in (parsed.date_note, parsed.id_note) if note]
    scale = _scale_note(parsed.scores, cols.score)
    if scale:
        notes.append(scale)
    reason = _join_reasons(parsed.reasons, n)
    bad = reason != ""
    responses = _responses(frame, raw, cols, seg_cols, parsed, _comments(frame, cols, notes))
    if bad.any():
        responses = _keep_rows(responses, ~bad)
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
        quarantine_warning=_quarantine_warning(quarantine, n + len(raw.malformed), cols.score),
    )
    if info.rows_read != info.rows_scored + info.rows_quarantined:  # pragma: no cover - an invariant
        raise AssertionError(f"reconciliation failed: {info.as_dict()}")
    if info.rows_read == 0:
        raise LoadError(f"{path}: the file has a header but no rows")
    return Survey(responses, quarantine, info)


def _scale_note(scores: np.ndarray, column: str | None) -> str | None:
    """A warning when the score column looks like another scale than 0-10: a yes/no (0/1) answer or
    a 1-5 rating (from 30 scored responses: fewer may simply lack high scores)."""
    valid = scores[scores >= 0]
    if valid.size < 30:
        return None
    if valid.max() <= 1:
        return (f"the scores are only 0 and 1 in {valid.size} responses: if {column!r} is a yes/no answer rather "
                "than 0-10 likelihood to recommend, its NPS is meaningless (every answer counts as a detractor)")
    if valid.max() <= 5:
        return (f"no score is above 5 in {valid.size} responses: if {column!r} is a 1-5 rating rather than "
                "0-10 likelihood to recommend, its NPS is meaningless")
    return None


class _Parsed(NamedTuple):
    """The canonical columns' values read from the file, with a reason (or None) per row for each."""

    scores: np.ndarray
    dates: pd.Series
    ids: pd.Series
    segment_values: dict[str, pd.Series]
    reasons: list[np.ndarray]  # score, date, id
    date_note: str | None
    id_note: str | None


def _parse(frame: pd.DataFrame, cols: ColumnMap, seg_cols: tuple[str, ...]) -> _Parsed:
    n = len(frame)
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
    return _Parsed(scores, dates, ids, segment_values, [score_reasons, date_reasons, id_reasons], date_note, id_note)


def _comments(frame: pd.DataFrame, cols: ColumnMap, notes: list[str]) -> pd.Series:
    """The comment of each row: the comment column's, or several open questions' answers joined."""
    if cols.questions:
        notes.append(f"{len(cols.questions)} open questions ({', '.join(map(repr, cols.questions))}): their answers are "
                     "read together (one line each) and question by question")
        return joined_answers(frame, cols.questions)
    if cols.comment is not None:
        return frame[cols.comment].astype("string").fillna("")
    return pd.Series("", index=frame.index, dtype="string")


def _responses(frame: pd.DataFrame, raw: RawTable, cols: ColumnMap, seg_cols: tuple[str, ...], parsed: _Parsed,
               comment: pd.Series) -> pd.DataFrame:
    """Every row as a response: the canonical columns, then the file's other columns (segments as categoricals)."""
    canonical = {
        "response_id": parsed.ids,
        "score": parsed.scores,
        "category": categorical(parsed.scores),
        "comment": comment,
        "submitted_at": parsed.dates,
        "row": raw.row_numbers.to_numpy(),
    }
    responses = pd.DataFrame(canonical, index=frame.index)
    if cols.score is None:
        responses["score"] = pd.array([pd.NA] * len(frame), dtype="Int64")
    # (several open questions: each keeps its column too, for the reading question by question)
    used = {c for c in (cols.score, None if cols.questions else cols.comment, cols.date, cols.id) if c is not None}
    for col in frame.columns:
        if col in used and col not in seg_cols:
            continue
        name = col if col not in CANONICAL else f"{col}_original"
        responses[name] = parsed.segment_values[col] if col in seg_cols else frame[col]
    return responses


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


QUARANTINE_WARN_SHARE = 0.05  # of the rows read


def _quarantine_warning(quarantine: pd.DataFrame, rows_read: int, score: str | None) -> dict[str, object] | None:
    """A warning when the quarantine can move the NPS: over 5% of the rows, or five rows or more
    quarantined for their score that share three raw values or fewer (a label the loader does not
    read, say: "Extremely likely - 10" took every 10 out of one survey)."""
    n = len(quarantine)
    if n < 5 or not rows_read:
        return None
    values: list[list[object]] = []
    if score is not None and score in quarantine.columns:
        for_score = quarantine.loc[quarantine["reason"].str.contains("score", na=False), score].astype("string").fillna("")
        counts = sorted(for_score.str.strip().value_counts().items(), key=lambda vc: (-vc[1], str(vc[0])))[:3]
        values = [[str(v), int(c)] for v, c in counts]
        concentrated = len(for_score) >= 5 and sum(c for _, c in counts) >= 0.8 * len(for_score)
    else:
        concentrated = False
    if n / rows_read <= QUARANTINE_WARN_SHARE and not concentrated:
        return None
    return {"rows": n, "of": rows_read, "share": n / rows_read, "values": values}


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
