"""Text pipeline: normalisation, language id, per-language tokens and lemmas, polarity.

:func:`prepare` is the per-row map every later stage starts from: for each comment it gives the
language, the matching form, and whether it is a filler, has content, and repeats an earlier
comment. Expensive work is done once per distinct comment.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from insight import settings
from insight.parallel import MIN_ITEMS, map_chunks
from insight.text.langid import detect, warm
from insight.text.normalize import clean, has_content, is_filler, matching_form

__all__ = ["prepare"]


def _prepare_distinct(texts: Sequence[str]) -> list[tuple[str, str, bool, bool, str]]:
    limit = settings.default("max_comment_chars")
    rows = []
    for text in texts:
        cleaned = clean(text[: 2 * limit])[:limit]  # a pasted-in book is not a comment: bound the work
        filler = is_filler(cleaned, cleaned=True)
        content = has_content(cleaned) and not filler
        lang = detect(cleaned) if content else "und"
        form = matching_form(cleaned, lang, cleaned=True) if content else ""
        rows.append((lang, form, filler, content, cleaned))
    return rows


def prepare(comments: Iterable[str] | pd.Series, n_jobs: int | None = None) -> pd.DataFrame:
    """One row per comment: ``lang``, ``form`` (matching form), ``filler``, ``content``, ``duplicate``.

    ``duplicate`` marks an exact repeat (after cleaning) of an earlier comment; ``content`` is
    False for empty, emoji-only, digits-only or punctuation-only comments. Language ``und``
    covers those and comments in languages other than en/zh/ru; they are kept and counted.
    """
    if isinstance(comments, pd.Series):  # factorised as it is: no Python string per row
        series = comments.fillna("").astype("string")
    else:
        series = pd.Series(list(comments), dtype=object).fillna("").astype(str)
    codes, uniques = pd.factorize(series)
    if len(uniques) >= MIN_ITEMS:
        warm()  # lingua's models, loaded once here rather than once per worker
    rows = map_chunks(_prepare_distinct, [str(u) for u in uniques], n_jobs, label="reading the comments' languages")
    distinct = pd.DataFrame(rows, columns=["lang", "form", "filler", "content", "cleaned"])
    cleaned_codes, cleaned = pd.factorize(distinct["cleaned"])  # raw variants with one cleaned text
    out = distinct.drop(columns="cleaned").iloc[codes].reset_index(drop=True) if len(series) else distinct
    row_cleaned = cleaned_codes[codes] if len(series) else cleaned_codes
    empty = np.flatnonzero(np.asarray(cleaned) == "")
    out["duplicate"] = pd.Series(row_cleaned).duplicated(keep="first").to_numpy() & ~np.isin(row_cleaned, empty)
    return out.drop(columns="cleaned", errors="ignore")
