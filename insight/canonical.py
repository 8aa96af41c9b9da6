"""The survey's canonical data rules, in one place: the categories and their thresholds, the mark of a
missing segment value, how a response id is written, the columns every loaded survey has.

Loading, scoring, the history store and the demo import these; none of them writes a threshold
or a marker of its own.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

CATEGORIES = ("detractor", "passive", "promoter")  # category code 0, 1, 2
PROMOTER_MIN = 9  # promoters answer 9-10
PASSIVE_MIN = 7  # passives 7-8; detractors 0-6
MISSING_SEGMENT = "(missing)"  # an empty or missing segment value, a group of its own
# the columns of a loaded survey's responses; an export's own column of one of these names is kept
# under NAME_original
CANONICAL = ("response_id", "score", "category", "comment", "submitted_at", "row")

# category code (0 detractor, 1 passive, 2 promoter) of each whole score 0-10, looked up in one pass
_CODE_OF_SCORE = np.array([0 if s < PASSIVE_MIN else 1 if s < PROMOTER_MIN else 2 for s in range(11)], dtype=np.int8)


def category_codes(scores: np.ndarray) -> np.ndarray:
    """0 (detractor), 1 (passive) or 2 (promoter) per whole 0-10 score; -1 for anything else."""
    scores = np.asarray(scores)
    if scores.dtype.kind in "iu" and scores.size and scores.min() >= 0 and scores.max() <= 10:
        return _CODE_OF_SCORE[scores]
    codes = np.where(scores >= PROMOTER_MIN, 2, np.where(scores >= PASSIVE_MIN, 1, 0)).astype(np.int8)
    codes[~((scores >= 0) & (scores <= 10))] = -1
    return codes


def categorize(scores: np.ndarray) -> np.ndarray:
    """Map 0-10 scores to categories: ``"promoter"`` (9-10), ``"passive"`` (7-8), ``"detractor"`` (0-6)."""
    scores = np.asarray(scores)
    return np.where(
        scores >= PROMOTER_MIN, "promoter", np.where(scores >= PASSIVE_MIN, "passive", "detractor")
    )


def categorical(scores: np.ndarray) -> pd.Categorical:
    """The category of each score as a pandas categorical of :data:`CATEGORIES` (missing outside 0-10)."""
    return pd.Categorical.from_codes(category_codes(scores), categories=list(CATEGORIES))


def category_case(score):
    """The category code (0, 1, 2) of a score column in SQL (a SQLAlchemy ``case``), for the store."""
    import sqlalchemy as sa

    return sa.case((score >= PROMOTER_MIN, 2), (score >= PASSIVE_MIN, 1), else_=0)


def id_text(values: pd.Series) -> pd.Series:
    """Response ids as written in the file: text, stripped, empty where missing."""
    return values.astype("string").str.strip().fillna("")
