"""The polarity of the comments the lexicon reads nothing in, from the semantic tier.

"The courier threw my parcel over the fence", "换了三个客服也没说清楚为什么", "курьер привёз не тот
заказ": a comment can name a theme and blame it in plain facts, with no word the polarity lexicon
knows and no complaint cue (:mod:`insight.text.complaints`). The rules then call its
mentions neutral. The survey's own comments that the lexicon *does* judge teach a reading: a
logistic regression on their embeddings (silver labels: the sign their mentions agree on; a seeded
sample of at most :data:`SILVER` comments) reads the silent ones, and each neutral rule mention of a
silent comment takes its answer when the regression is at least :data:`CONFIDENT` sure. A silent
comment that names no theme at all ("用了两天就自动关机", it switched itself off after two days; "the
book says what every parenting blog says") gets a mention of the codeframe's fallback theme (its
overall experience) with that answer, ``source`` = semantic: without it, a product or book review that
blames in facts yields no complaint at all.

Measured on the train splits of ../shared/data (the comments the lexicon judges nothing in; the
threshold and C were chosen on SemEval-14 restaurants, then checked on the others): SemEval-14
restaurants (700 such sentences of 3,044) right 40% -> 58%, wrong sign 5%; SemEval-15 restaurants
6% -> 46%, wrong sign 5%; Chinese online shopping (1,500 sampled, binary gold) 0% -> 47%, wrong sign
5%. About half the silent comments stay neutral: those the regression is not sure of. The comments
that name no theme (session 21), on the dev halves of eval/reading.py: complaint found in negative
reviews of computers 77% -> 83%, books 61% -> 66%, clothes 82% -> 89%; in short positive ones +0 to +0.5
points on all but the books' 27 (two to six, most of them mis-posted complaints).
"""

from __future__ import annotations

import warnings

import numpy as np

from insight.errors import Note
from insight.themes.mentions import TagResult

CONFIDENT = 0.7  # the regression's probability from which a silent comment takes its sign
SILVER = 1000  # judged comments the regression learns from, at most (a seeded sample)
SILVER_MIN = 20  # of each sign: with fewer, the survey teaches nothing and nothing changes
C = 1.0  # the regression's inverse regularisation


def read_silent(tagger, result: TagResult, semantic: str = "auto", seed: int = 0) -> tuple[TagResult, int]:
    """``result`` with the neutral rule mentions of silent comments given the polarity the survey's
    judged comments teach (see the module), and how many distinct comments were so read. Unchanged
    (and 0) when the tier is off (``semantic``: :func:`insight.text.embed.decide`), or the survey
    has too few judged comments of either sign, or no silent one."""
    if semantic == "off":
        return result, 0
    from insight.themes.codeframe import PATTERN_LANGS

    keys, content, first = result.distinct_rows()
    silver: dict[tuple[str, str], int] = {}
    neutral: list[tuple[str, str]] = []  # named themes, all neutral: silent, or judged middling
    fallback = tagger.codeframe.fallback
    for key, i in first.items():
        signs = set(result.theme_polarity[i].values())
        if signs == {0} or (not signs and fallback is not None and key[0] in PATTERN_LANGS):
            neutral.append(key)  # (a comment that names no theme and judges nothing: the fallback's, if read)
        elif len(signs - {0}) == 1:
            silver[key] = next(iter(signs - {0}))
    taught = _sample(silver, seed)
    if not neutral or taught is None:
        return result, 0
    from insight.text.embed import embed, tier_on

    if not tier_on(semantic, [form for _, form in taught] + [form for _, form in neutral]):
        return result, 0
    silent = [key for key in neutral if not tagger.judges(key[1], key[0])]
    if not silent:
        return result, 0
    vectors = embed([form for _, form in taught] + [form for _, form in silent]).vectors
    from sklearn.linear_model import LogisticRegression

    y = np.array(list(taught.values()))
    reader = LogisticRegression(C=C, max_iter=2000, class_weight="balanced").fit(vectors[:len(taught)], y)
    p = reader.predict_proba(vectors[len(taught):])
    read = np.where(p.max(axis=1) >= CONFIDENT, reader.classes_[p.argmax(axis=1)], 0)
    sign_of = {key: int(s) for key, s in zip(silent, read.tolist()) if s}
    if not sign_of:
        return result, 0
    sure = {key: float(q) for key, q in zip(silent, p.max(axis=1).tolist()) if key in sign_of}
    unnamed = {key: sign_of[key] for key in sign_of if not result.theme_polarity[first[key]]}
    result = _with_signs(result, keys, content, first, sign_of)
    if unnamed:
        from insight.themes.mentions import Mention

        themes = {s: tagger._summarise([Mention(fallback, s, "", "", -1, -1)]) for s in set(unnamed.values())}
        result = _with_overall(result, keys, content, unnamed, sure, themes, fallback, tagger.top[fallback])
    return result, len(sign_of)


def read_silent_noted(tagger, result: TagResult, semantic: str) -> tuple[TagResult, int]:
    """:func:`read_silent`, saying how many comments it read (a :class:`~insight.errors.Note`)."""
    result, read = read_silent(tagger, result, semantic)
    if read:
        warnings.warn(f"the semantic tier read the polarity of {read:,} comment{'s' if read != 1 else ''} without "
                      "a word of opinion (taught by the survey's own judged comments)",
                      Note, stacklevel=2)
    return result, read


def _sample(silver: dict[tuple[str, str], int], seed: int) -> dict[tuple[str, str], int] | None:
    """At most SILVER of the judged comments (a seeded sample in a canonical order, so that row order
    changes nothing), or None when either sign has fewer than SILVER_MIN."""
    from insight.themes.discover import text_key

    if min(sum(1 for s in silver.values() if s > 0), sum(1 for s in silver.values() if s < 0)) < SILVER_MIN:
        return None
    keys = sorted(silver, key=lambda key: text_key(key[1]))
    if len(keys) > SILVER:
        keys = [keys[j] for j in sorted(np.random.default_rng(seed).choice(len(keys), SILVER, replace=False))]
    return {key: silver[key] for key in keys}


def _with_signs(result: TagResult, keys: list[tuple[str, str]], content: list[bool],
                first: dict[tuple[str, str], int], sign_of: dict[tuple[str, str], int]) -> TagResult:
    """``result`` with every response of a comment in ``sign_of`` given that sign for its themes and
    its (neutral, rule) mentions (``keys``, ``content``, ``first``: :meth:`TagResult.distinct_rows`)."""
    per_row = np.array([sign_of.get(key, 0) if ok else 0 for key, ok in zip(keys, content)], dtype=np.int64)
    # the per-response dicts are shared between identical comments: replaced, never changed in place
    new = {key: {tid: sign for tid in result.theme_polarity[first[key]]} for key, sign in sign_of.items()}
    polarities = [new[key] if s else pol for key, s, pol in zip(keys, per_row.tolist(), result.theme_polarity)]
    mentions = result.mentions.copy()
    at = mentions["response"].to_numpy()
    change = (mentions["polarity"].to_numpy() == 0) & (mentions["source"].astype(str).to_numpy() == "rule") \
        & (per_row[at] != 0)
    mentions["polarity"] = np.where(change, per_row[at], mentions["polarity"].to_numpy())
    return TagResult(result.prepared, mentions, result.themes, polarities, result.lemmas, result.comment_polarity)


def _with_overall(result: TagResult, keys: list[tuple[str, str]], content: list[bool],
                  sign_of: dict[tuple[str, str], int], sure: dict[tuple[str, str], float],
                  themes_of: dict[int, tuple[list[str], dict[str, int]]], fallback: str, top: str) -> TagResult:
    """``result`` with every response of a comment in ``sign_of`` (comments that name no theme) given a
    mention of the ``fallback`` theme (top-level: ``top``) with that sign (``source`` = semantic,
    ``confidence``: how sure the reading was; the comment's start as its sentence, no evidence words);
    ``themes_of``: per sign, the theme ids and polarities such a comment then has (the fallback, its
    ancestors)."""
    from insight.themes.mentions import with_whole_comment_mentions

    rows = [i for i, (key, ok) in enumerate(zip(keys, content)) if ok and key in sign_of]
    mentions = with_whole_comment_mentions(result.mentions, rows, [fallback] * len(rows), [top] * len(rows),
                                           [sign_of[keys[i]] for i in rows], [keys[i][1][:300] for i in rows],
                                           "semantic", [sure[keys[i]] for i in rows])
    themes, polarities = list(result.themes), list(result.theme_polarity)
    for i in rows:  # (shared by identical comments: replaced, never changed in place)
        themes[i], polarities[i] = themes_of[sign_of[keys[i]]]
    return TagResult(result.prepared, mentions, themes, polarities, result.lemmas, result.comment_polarity)
