"""Evaluate theme tagging against gold labels, the way SemEval scores aspect categories.

Gold labels (``|``-separated) are matched to top-level theme ids by name, case-insensitive, or
through a map file (``gold name: theme id``); unmapped gold labels are ignored and reported.
Scores are micro and per-theme precision/recall/F1 over (comment, theme) pairs, restricted to the
themes the gold data can name. Polarity accuracy is measured over the gold (comment, theme) pairs
given the theme (SemEval-2014 subtask 4): the engine is asked the polarity of that theme in that
comment; conflict/both pairs are excluded and counted.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

import yaml

from insight import progress
from insight.errors import InsightError, OptionError

POLARITY_NAMES = {"positive": 1, "negative": -1, "neutral": 0, "1": 1, "-1": -1, "0": 0, "pos": 1, "neg": -1,
                  "neu": 0}
CONFLICT = {"conflict", "both", "mixed"}


def load_map(path: str | os.PathLike[str] | None) -> dict[str, str]:
    """A label map file: YAML ``gold label: theme id`` (an empty value or ``null`` = ignore the label)."""
    if path is None:
        return {}
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError, UnicodeDecodeError) as exc:
        raise OptionError(f"cannot read label map {path}: {str(exc).splitlines()[0]}") from None
    if not isinstance(data, dict):
        raise OptionError(f"{path}: a label map must be a mapping 'gold label: theme id'")
    return {str(k).casefold(): ("" if v is None else str(v)) for k, v in data.items()}


def label_mapper(theme_ids: Sequence[str], mapping: dict[str, str]) -> Callable[[str], str | None]:
    """Function from a gold label to a theme id (``None`` when unmapped)."""
    by_name = {t.casefold(): t for t in theme_ids}
    for gold, tid in mapping.items():
        if tid and tid not in theme_ids:
            raise OptionError(f"label map sends {gold!r} to {tid!r}, which is not a top-level theme "
                              f"(themes: {', '.join(theme_ids)})")

    def to_theme(label: str) -> str | None:
        key = label.strip().casefold()
        if key in mapping:
            return mapping[key] or None
        return by_name.get(key)

    return to_theme


def parse_gold_polarity(cell: str, row: int) -> dict[str, str]:
    """Per-label gold polarity from a JSON cell; keys starting with ``_`` are metadata."""
    if not cell or not cell.strip():
        return {}
    try:
        data = json.loads(cell)
    except json.JSONDecodeError as exc:
        raise InsightError(f"row {row}: polarity cell is not JSON ({exc.msg})") from None
    if not isinstance(data, dict):
        raise InsightError(f"row {row}: polarity cell must be a JSON object label -> polarity")
    return {str(k): str(v).strip().lower() for k, v in data.items() if not str(k).startswith("_")}


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f}


def score_sets(gold: Sequence[set[str]], predicted: Sequence[set[str]], space: Sequence[str]) -> dict[str, object]:
    """Micro and per-label precision/recall/F1 over (row, label) pairs within ``space``."""
    per: dict[str, Counter] = {t: Counter() for t in space}
    for g, p in zip(gold, predicted):
        for t in space:
            if t in g and t in p:
                per[t]["tp"] += 1
            elif t in p:
                per[t]["fp"] += 1
            elif t in g:
                per[t]["fn"] += 1
    total = Counter()
    for c in per.values():
        total.update(c)
    return {
        "micro": prf(total["tp"], total["fp"], total["fn"]),
        "per_label": {t: {**prf(c["tp"], c["fp"], c["fn"]), "support": c["tp"] + c["fn"]} for t, c in per.items()},
    }


def evaluate(
    texts: Sequence[str],
    gold_labels: Sequence[str],
    predict: Callable[[Sequence[str]], tuple[list[set[str]], Callable[[int, str], int]]],
    theme_ids: Sequence[str],
    mapping: dict[str, str] | None = None,
    gold_polarity: Sequence[str] | None = None,
) -> dict[str, object]:
    """Evaluate a predictor against gold labels (and optionally gold polarity).

    ``predict(texts)`` returns the predicted top-level theme ids per text and a function
    ``polarity(row, theme_id) -> -1/0/+1`` answering "what is the polarity of this theme here".
    """
    to_theme = label_mapper(theme_ids, mapping or {})
    unmapped: Counter = Counter()
    gold_sets: list[set[str]] = []
    for cell in gold_labels:
        row: set[str] = set()
        for label in (cell or "").split("|"):
            if not label.strip():
                continue
            tid = to_theme(label)
            if tid is None:
                unmapped[label.strip()] += 1
            else:
                row.add(tid)
        gold_sets.append(row)
    space = [t for t in theme_ids if any(t in g for g in gold_sets)]
    if not space:
        raise InsightError(
            "no gold label matches a theme id of the codeframe or model; "
            f"gold labels seen: {', '.join(sorted(unmapped)[:10])} (use --map to translate them)"
        )
    predicted, polarity_of = predict(texts)
    predicted = [p & set(space) for p in predicted]
    result: dict[str, object] = {"n": len(texts), **score_sets(gold_sets, predicted, space)}
    result["label_space"] = space
    result["unmapped_labels"] = dict(unmapped.most_common())
    result["baseline_every_label"] = score_sets(gold_sets, [set(space)] * len(texts), space)["micro"]
    if gold_polarity is not None:
        result.update(_polarity(gold_polarity, to_theme, polarity_of))
    return result


def _polarity(cells: Sequence[str], to_theme, polarity_of) -> dict[str, object]:
    correct = total = conflict = 0
    gold_counts: Counter = Counter()
    for i, cell in enumerate(cells):
        per_theme: dict[str, set[str]] = {}
        for label, value in parse_gold_polarity(cell, i + 1).items():
            tid = to_theme(label)
            if tid is not None:
                per_theme.setdefault(tid, set()).add(value)
        for tid, values in per_theme.items():
            if values & CONFLICT or len({POLARITY_NAMES.get(v) for v in values}) > 1:
                conflict += 1
                continue
            (value,) = values
            if value not in POLARITY_NAMES:
                raise InsightError(f"row {i + 1}: unknown polarity {value!r} for {tid!r} "
                                   "(use positive/negative/neutral/conflict/both or 1/0/-1)")
            gold = POLARITY_NAMES[value]
            gold_counts[gold] += 1
            total += 1
            correct += int(polarity_of(i, tid) == gold)
    majority = max(gold_counts.values()) / total if total else 0.0
    return {
        "polarity_accuracy": correct / total if total else None,
        "polarity_n": total,
        "polarity_excluded_conflict": conflict,
        "polarity_baseline_majority": majority,
    }


# -- cross-validation of the trained models ----------------------------------------------------

def cross_validate(texts: list[str], labels: list[list[str]], params: dict | None = None, folds: int = 5,
                   seed: int = 0) -> dict[str, object]:
    """K-fold cross-validated micro and per-label precision/recall/F1 of a ThemeClassifier."""
    from sklearn.model_selection import KFold

    from insight.themes.model import ThemeClassifier

    predicted: list[set[str]] = [set() for _ in texts]
    split = KFold(n_splits=folds, shuffle=True, random_state=seed)
    with progress.stage("cross-validating the theme model", total=folds) as advance:
        for train, test in split.split(texts):
            model = ThemeClassifier(**(params or {})).fit([texts[i] for i in train], [labels[i] for i in train])
            for i, p in zip(test, model.predict_labels([texts[i] for i in test])):
                predicted[i] = set(p)
            advance(1)
    space = sorted({label for row in labels for label in row})
    return {"folds": folds, "seed": seed, **score_sets([set(row) for row in labels], predicted, space)}


def polarity_pairs(texts: list[str], cells: list[str]) -> tuple[list[tuple[str, str]], list[int], list[int]]:
    """(text, label) pairs with a single gold polarity from JSON cells; conflict/both are left out.

    Returns the pairs, their polarities and the row each pair comes from (for grouped CV).
    """
    pairs, ys, rows = [], [], []
    for i, (text, cell) in enumerate(zip(texts, cells)):
        for label, value in parse_gold_polarity(cell, i + 1).items():
            if value in CONFLICT or value not in POLARITY_NAMES:
                continue
            pairs.append((text, label))
            ys.append(POLARITY_NAMES[value])
            rows.append(i)
    return pairs, ys, rows


def cross_validate_polarity(pairs, ys, rows, params: dict | None = None, folds: int = 5) -> dict[str, float]:
    """Accuracy of PolarityClassifier over folds that keep each comment's pairs together."""
    from sklearn.model_selection import GroupKFold

    import numpy as np

    from insight.themes.polarity_model import PolarityClassifier

    y = np.asarray(ys)
    correct = 0
    with progress.stage("cross-validating the polarity model", total=folds) as advance:
        for train, test in GroupKFold(n_splits=folds).split(pairs, y, rows):
            model = PolarityClassifier(**(params or {})).fit([pairs[j] for j in train], y[train])
            correct += int((model.predict([pairs[j] for j in test]) == y[test]).sum())
            advance(1)
    return {"accuracy": correct / len(y), "pairs": len(y), "folds": folds}
