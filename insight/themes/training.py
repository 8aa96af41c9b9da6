"""Training a theme model from labelled comments — gold labels from a file, or the rules' silver labels —
with its honest cross-validated scores: what ``insight train`` does, as a library.

    texts, labels = labelled_texts(read_labelled("labels.csv", ["text", "labels"]), "text", "labels")
    model, card = train_theme_model(texts, labels, codeframe="ecommerce")
    save_model(model, "models/mine", card)
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from insight import progress
from insight.errors import ColumnError, TrainingError
from insight.themes.evaluate import cross_validate
from insight.themes.model import ThemeClassifier

# The embeddings' weight against the TF-IDF features, chosen by 5-fold CV on SemEval-2014's train
# split (micro-F1 0.827 without; 0.839, 0.840, 0.838 at 2, 3, 4) and, for polarity, on its pairs
SEMANTIC_SCALE = 3.0
SEMANTIC_POLARITY_SCALE = 2.0


def read_labelled(path: str | os.PathLike[str], columns: list[str]) -> pd.DataFrame:
    """The named columns of a labelled file (any format the loader reads) as text, empty where missing."""
    from insight.load.readers import read_raw

    twice = next((c for c in columns if columns.count(c) > 1), None)
    if twice is not None:
        raise ColumnError(f"column {twice!r} is named for two roles (the text, the labels, the polarity); "
                          "each needs its own column")
    frame = read_raw(Path(path), hints=columns).frame
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ColumnError(f"{path}: no column {missing[0]!r} (columns: {', '.join(map(repr, frame.columns))})")
    return frame[columns].astype("string").fillna("")


def split_labels(cells: list[str]) -> list[list[str]]:
    """``a|b`` cells as label lists."""
    return [[x.strip() for x in cell.split("|") if x.strip()] for cell in cells]


@dataclass
class SilverLabels:
    """A survey's comments the rules give a theme, with those top-level themes, and how much the rules cover."""

    texts: list[str]
    labels: list[list[str]]
    with_content: list[str]  # every comment with content
    ruled: list[bool]  # ... and whether the rules gave it a theme

    def coverage(self) -> dict[str, float | int]:
        return {"comments_with_content": len(self.with_content), "rules": sum(self.ruled) / max(1, len(self.ruled))}


def silver_labels(path: str | os.PathLike[str], codeframe_name: str, comment_col: str | None = None) -> SilverLabels:
    """Comments of a survey export (with or without scores; rows quarantined for their score count
    too) and the top-level themes the rules find in them (the silver labels)."""
    from insight.load import load
    from insight.themes.codeframe import load_codeframe
    from insight.themes.tagger import RuleTagger

    comments = load(path, comment=comment_col, score_required=False).all_rows()["comment"].tolist()
    cf = load_codeframe(codeframe_name)
    result = RuleTagger(cf).tag(comments, whole_polarity=False)
    content = result.prepared["content"].tolist()
    found = [sorted({cf.top_level(t) for t in ids}) for ids in result.themes]
    return SilverLabels([c for c, f in zip(comments, found) if f], [f for f in found if f],
                        [c for c, ok in zip(comments, content) if ok], [bool(f) for f, ok in zip(found, content) if ok])


def coverage_with_model(model, texts: list[str], ruled: list[bool]) -> float:
    """Share of comments with content that get a theme from the rules or the model."""
    predicted = model.predict(texts).sum(axis=1) > 0 if texts else []
    return sum(1 for r, p in zip(ruled, predicted) if r or p) / max(1, len(texts))


def check_labels(labels: list[list[str]], source: str, column: str) -> None:
    """Refuse labels that cannot train a model: none at all, or a single label."""
    if not any(labels):
        raise TrainingError(f"{source}: column {column!r} has no labels")
    if len({label for row in labels for label in row}) < 2:
        raise TrainingError(f"{source}: only one label ({labels[next(i for i, r in enumerate(labels) if r)][0]!r}); "
                            "a theme model needs at least two")


def _semantic_card() -> dict:
    from insight.text.embed import DIM, MODEL_ID

    return {"model": MODEL_ID, "dim": DIM, "scale": SEMANTIC_SCALE, "polarity_scale": SEMANTIC_POLARITY_SCALE}


def train_theme_model(texts: list[str], labels: list[list[str]], *, codeframe: str | None = None,
                      silver: SilverLabels | None = None, polarity_cells: list[str] | None = None, folds: int = 5,
                      seed: int = 0, training_data: dict | None = None, semantic: bool = False,
                      rule_features: bool | None = None) -> tuple[ThemeClassifier, dict]:
    """A :class:`ThemeClassifier` fitted on ``texts`` and their ``labels``, and its model card: its
    labels, parameters, ``folds``-fold cross-validated scores, and with ``polarity_cells`` (JSON
    label -> polarity per text) a polarity model (``model.polarity_``) with its own cross-validation.

    ``codeframe``'s rule hits and polarity become features — except when the labels are the rules'
    own (``silver``; ``rule_features`` says it for other labels): the model would learn to copy them
    instead of the words around them; with ``silver`` the card says how much the rules and the model
    cover. ``folds=0``: no cross-validation (the card's ``cross_validation`` is None), for a caller
    that scores the model on comments held back. With ``semantic``, the comments' sentence
    embeddings are features too (:data:`SEMANTIC_SCALE`), and the model carries a text-only twin
    for runs without the tier (:meth:`ThemeClassifier.without_semantic`); the card names the
    embedding model.
    """
    rule_features = silver is None if rule_features is None else rule_features
    params = {"codeframe": codeframe if rule_features else None, "random_state": seed,
              "semantic": SEMANTIC_SCALE if semantic else 0.0}
    with progress.stage("training the theme model"):
        model = ThemeClassifier(**params).fit(texts, labels)
        if semantic:
            model.plain_ = ThemeClassifier(**{**params, "semantic": 0.0}).fit(texts, labels)
    metrics = cross_validate(texts, labels, params, folds=folds, seed=seed) if folds else None
    card: dict = {"labels": list(model.classes_), "params": model.get_params(), "codeframe": codeframe,
                  "training_data": training_data or {}, "cross_validation": metrics, "seed": seed,
                  "semantic": _semantic_card() if semantic else None}
    if silver is not None:
        card["coverage"] = {**silver.coverage(),
                            "with_model": coverage_with_model(model, silver.with_content, silver.ruled)}
    if polarity_cells is not None:
        from insight.themes.evaluate import cross_validate_polarity, polarity_pairs
        from insight.themes.polarity_model import PolarityClassifier

        pairs, ys, rows = polarity_pairs(texts, polarity_cells)
        pol_params = {"codeframe": codeframe, "semantic": SEMANTIC_POLARITY_SCALE if semantic else 0.0}
        model.polarity_ = PolarityClassifier(**pol_params).fit(pairs, ys)
        if semantic:
            model.plain_.polarity_ = PolarityClassifier(**{**pol_params, "semantic": 0.0}).fit(pairs, ys)
        card["polarity"] = {"params": model.polarity_.get_params(),
                            "cross_validation": cross_validate_polarity(pairs, ys, rows, pol_params, folds=folds)}
    return model, card
