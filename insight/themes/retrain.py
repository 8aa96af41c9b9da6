"""A theme model trained from the store: the analysts' corrections plus the rules' silver labels, and
its reading of held-back corrections compared with the reading it would replace.

    found = retrain(store, "models/workspace", by="ana")   # a candidate, registered in the store
    found.evaluation["new"]["micro"]["f1"], found.evaluation["previous"]["micro"]["f1"]
    store.decide_model(found.model_id, accept=True, by="ana")  # now `insight report` uses it

The training comments are every corrected comment but the held-back share (:data:`HOLDOUT`), with its
corrected reading, and up to :data:`MAX_SILVER` other comments of the newest run with the top-level
themes the rules found there (silver labels: the model learns the words around them, not a copy of
the rules, so the rules' hits are not among its features). The labels are theme ids, sub-themes with
their parents; removing a theme removes its sub-themes. The held-back comments are read by the rules
with the active model (or the rules alone, when none is active) and with the new model, both the same
way, and scored against their corrected readings: micro precision, recall and F1 over the codeframe's
themes, and how often the polarity an analyst set is the one read.

Polarity corrections are kept and scored, not learnt: a model's polarity speaks only for the themes
the rules missed, and the rules' polarity of what they read stands.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from insight.errors import InsightError, TrainingError
from insight.themes.codeframe import Codeframe, load_codeframe

HOLDOUT = 0.25  # share of the corrected comments held back to compare the models on
MAX_SILVER = 2000  # other comments of the newest run trained on with the rules' themes
MIN_HELD = 4  # corrected comments from which some are held back


@dataclass
class StoreLabels:
    """What a model is trained and compared on: comments and their themes (sub-themes with their parents)."""

    texts: list[str]
    labels: list[list[str]]
    held_texts: list[str]
    held_labels: list[set[str]]
    held_polarity: list[dict[str, int]]  # per held-back comment: theme -> the polarity an analyst set
    corrected: int  # distinct corrected comments (trained on and held back)
    silver: int  # comments trained on with the rules' themes
    unknown: Counter = field(default_factory=Counter)  # corrected themes that are not the codeframe's


@dataclass
class Retrained:
    model_id: int
    path: Path
    card: dict
    evaluation: dict


def store_labels(store, cf: Codeframe, *, holdout: float = HOLDOUT, seed: int = 0,
                 max_silver: int = MAX_SILVER) -> StoreLabels:
    """The training and held-back comments of ``store``'s corrections, and silver comments (see the module)."""
    corrected = store.corrected()
    if not corrected:
        raise TrainingError("the store holds no corrections yet: correct the themes of some comments in "
                            "`insight serve` (or POST /api/corrections) first")
    pks = sorted(corrected)
    readings = store.readings({pk: corrected[pk].run_id for pk in pks})
    unknown: Counter = Counter()

    def top(themes: dict[str, int], removed: set[str] = frozenset()) -> dict[str, int]:
        """The themes read (and their ancestors), but those removed and their sub-themes."""
        out: dict[str, int] = {}
        for th, polarity in themes.items():
            if th not in cf:
                unknown[th] += 1
                continue
            if not removed.intersection(cf.ancestors(th)):
                for tid in cf.ancestors(th):
                    out.setdefault(tid, polarity)
        return out

    labels = {pk: top(corrected[pk].labels(readings[pk]), corrected[pk].removed) for pk in pks}
    # a correction is about a text: the same comment elsewhere is not a silver example against it, and
    # one text is either trained on or held back (its newest correction speaks for it)
    texts = store.comments(pks)
    newest: dict[str, int] = {}
    for pk in sorted(pks, key=lambda pk: corrected[pk].last):
        newest[comment_key(texts[pk])] = pk
    distinct = sorted(newest.values())
    rng = random.Random(seed)
    held = set(rng.sample(distinct, int(len(distinct) * holdout))) if len(distinct) >= MIN_HELD else set()
    run = store.latest_run()
    silver_pks = [] if run is None else [pk for pk in store.read_responses(run["id"], sources=("rule",))
                                         if pk not in corrected]
    # a sample with room for the comments that repeat a corrected text, which are left out
    silver_pks = rng.sample(silver_pks, min(2 * max_silver, len(silver_pks)))  # in the order drawn
    silver_text = store.comments(silver_pks)
    silver_pks = sorted([pk for pk in silver_pks if comment_key(silver_text[pk]) not in newest][:max_silver])
    silver_read = store.readings({pk: run["id"] for pk in silver_pks}, sources=("rule",)) if silver_pks else {}
    texts.update(silver_text)
    train = [pk for pk in distinct if pk not in held]
    silver = [(pk, sorted(top(silver_read[pk]))) for pk in silver_pks]
    silver = [(pk, found) for pk, found in silver if found]
    held_sorted = sorted(held)
    return StoreLabels(
        texts=[texts[pk] for pk in train] + [texts[pk] for pk, _ in silver],
        labels=[sorted(labels[pk]) for pk in train] + [found for _, found in silver],
        held_texts=[texts[pk] for pk in held_sorted], held_labels=[set(labels[pk]) for pk in held_sorted],
        held_polarity=[{th: p for th, p in corrected[pk].added.items() if th in cf} for pk in held_sorted],
        corrected=len(distinct), silver=len(silver), unknown=unknown)


def comment_key(text: str) -> str:
    """A comment as compared with others: its words, whatever their case and spacing."""
    return " ".join(text.casefold().split())


def trainable(labels: list[list[str]]) -> tuple[list[list[str]], list[str]]:
    """The label lists without the labels too rare to learn (fewer than 2 comments), and those labels."""
    counts = Counter(label for row in labels for label in row)
    rare = sorted(label for label, n in counts.items() if n < 2)
    return [[label for label in row if label not in rare] for row in labels], rare


def reading_scores(cf: Codeframe, texts: list[str], gold: list[set[str]], polarity: list[dict[str, int]],
                   model, semantic: str) -> dict[str, object]:
    """How the rules (with ``model``'s themes when given) read ``texts`` against their corrected readings."""
    from insight.themes.evaluate import score_sets
    from insight.themes.model_themes import tag_comments
    from insight.themes.tagger import RuleTagger

    result, _ = tag_comments(RuleTagger(cf), texts, model=model, semantic=semantic)
    read = [{th: p for th, p in found.items() if th in cf} for found in result.theme_polarity]
    asked = [(i, th, p) for i, wanted in enumerate(polarity) for th, p in wanted.items()]
    right = sum(1 for i, th, p in asked if read[i].get(th) == p)
    return {"micro": score_sets(gold, [set(r) for r in read], [th.id for th in cf.themes])["micro"],
            "polarity": {"asked": len(asked), "right": right}}


def retrain(store, output: str | Path, *, codeframe: str | None = None, holdout: float = HOLDOUT, seed: int = 0,
            max_silver: int = MAX_SILVER, semantic: str = "auto", by: str | None = None) -> Retrained:
    """Train a theme model from ``store``'s corrections (a new version under ``output``), compare it with
    the active model on the held-back corrections, and register it in the store as a candidate."""
    from insight.store.base import actor
    from insight.text.embed import tier_on
    from insight.themes.registry import CARD_FILE, ModelError, load_model, save_model
    from insight.themes.training import check_labels, train_theme_model

    name = codeframe or _run_codeframe(store)
    cf = load_codeframe(name)
    data = store_labels(store, cf, holdout=holdout, seed=seed, max_silver=max_silver)
    labels, rare = trainable(data.labels)
    check_labels(labels, "the store's corrections and silver labels", "themes")
    previous, previous_name, problem = None, f"rules {cf.name} {cf.version}", None
    active = store.active_model()
    if active is not None:
        try:
            previous, card = load_model(active["path"])
            previous_name = f"model {card['name']} {card['version']} + rules"
        except ModelError as exc:
            problem = f"the active model #{active['id']} could not be loaded ({exc}): compared with the rules"
    training_data = {"source": "store", "store": store.url, "corrected_comments": data.corrected,
                     "held_back": len(data.held_texts), "silver_comments": data.silver, "silver_labels": True,
                     "rows": len(data.texts), "seed": seed}
    model, card = train_theme_model(data.texts, labels, codeframe=name, folds=0, seed=seed, rule_features=False,
                                    training_data=training_data, semantic=tier_on(semantic, data.texts))
    evaluation: dict[str, object] = {
        "held_back": len(data.held_texts), "corrected": data.corrected, "trained_on": len(data.texts),
        "silver": data.silver, "holdout": holdout, "seed": seed, "rare_labels": rare,
        "unknown_themes": sorted(data.unknown), "note": problem}
    if data.held_texts:
        evaluation["previous"] = {"name": previous_name, **reading_scores(
            cf, data.held_texts, data.held_labels, data.held_polarity, previous, semantic)}
        evaluation["new"] = {"name": "new model + rules", **reading_scores(
            cf, data.held_texts, data.held_labels, data.held_polarity, model, semantic)}
    import json

    target = save_model(model, output, {**card, "evaluation": evaluation})
    saved = json.loads((target / CARD_FILE).read_text(encoding="utf-8"))
    evaluation["model"] = f"{saved['name']} {saved['version']}"
    model_id = store.register_model(str(target), saved, name, evaluation, by=by or actor())
    return Retrained(model_id, target, saved, evaluation)


def _run_codeframe(store) -> str:
    """The shipped codeframe the newest run read the comments with (its name)."""
    run = store.latest_run()
    if run is None:
        raise TrainingError("the store has no report runs: run `insight report --wave ...` first (the corrections "
                            "correct a run's reading)")
    name = str(run["codeframe"]).rsplit(" ", 1)[0]
    try:
        load_codeframe(name)
    except InsightError:
        raise TrainingError(f"the newest run read the comments with codeframe {name!r}, which is not a shipped "
                            "one: name its YAML with --codeframe") from None
    return name
