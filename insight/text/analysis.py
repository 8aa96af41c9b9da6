"""The analysis of distinct comments that the later stages share: lemmas and language per matching form.

The rule tagger analyses every comment of a survey; the trained models and discovery need the same
lemmas. :class:`TextAnalysis` is that knowledge as a value: the tagger makes it (with its rule
findings, see :func:`~insight.themes.model_themes.add_model_themes`) and hands it to whoever reads the
comments next, which analyses only what it lacks. Nothing travels through module globals.

This module's own memo only keeps :func:`analyse_texts`' answers for this module's later calls:
the folds of a cross-validation and a notebook's retraining see the same training texts again.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from insight.languages import TEXT_LANGS
from insight.text.nlp import Analysed

LANGS = TEXT_LANGS  # the languages the pipeline lemmatises


@dataclass(frozen=True)
class TextAnalysis:
    """What is known about distinct comments, each keyed by its matching form.

    ``lemmas``: form -> (space-joined lemmas, language) — the analysis a model's features start
    from (Chinese is left out by the tagger: it cuts Chinese with its codeframe's words added to
    the dictionary, a model with the dictionary alone). ``codeframe``: the fingerprint
    (:meth:`Codeframe.fingerprint`) of the codeframe the ``findings`` were made with; ``findings``:
    form -> (theme id -> polarity, the comment's polarity), the rule tagger's.
    """

    lemmas: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    codeframe: str | None = None
    findings: Mapping[str, tuple[Mapping[str, int], int]] = field(default_factory=dict)


def lemma_strings(items: list[tuple[str, str]]) -> list[str]:
    """Space-joined lemmas (punctuation dropped) of each (language, matching form): the tagger's fast
    path, which gives the pipeline's tokens and lemmas (same strings, ~20% faster than its pipe)."""
    return [Analysed(lang, form).lemma_string() for lang, form in items]


_MEMO: dict[str, tuple[str, str, str]] = {}
MEMO_LIMIT = 300_000  # entries; the memo is emptied when it would grow beyond


def memoised(memo: dict, kind: object, keys: list[str], compute: Callable[[list[str]], list], limit: int) -> list:
    """``compute(missing keys) -> values`` for the keys ``memo`` has not seen under ``kind``; all values
    in order. ``memo`` is emptied first when the new values would not fit beside it (``limit``)."""
    missing = [k for k in dict.fromkeys(keys) if (kind, k) not in memo]
    fresh = dict(zip(missing, compute(missing))) if missing else {}
    # read before storing: storing may empty the memo, the keys found in it included
    out = [fresh[k] if k in fresh else memo[(kind, k)] for k in keys]
    if fresh:
        if len(memo) + len(fresh) > limit:
            memo.clear()
        if len(fresh) <= limit:  # more would not fit: the next call computes them again
            memo.update(((kind, key), value) for key, value in fresh.items())
    return out


def analyse_texts(texts: list[str], n_jobs: int | None = 1, known: TextAnalysis | None = None
                  ) -> tuple[list[str], list[str], list[str]]:
    """Per text: space-joined lemmas, matching form and language (each distinct text processed once,
    on ``n_jobs`` processes; ``None`` = one per core). Texts that are matching forms ``known``
    already analysed are taken from it."""
    given = known.lemmas if known is not None else {}
    rest = [t for t in texts if t not in given]
    got = dict(zip(rest, memoised(_MEMO, "analysis", rest, lambda missing: _analyse(missing, n_jobs), MEMO_LIMIT)))
    out = [(given[t][0], t, given[t][1]) if t in given else got[t] for t in texts]
    return [g[0] for g in out], [g[1] for g in out], [g[2] for g in out]


def _analyse(texts: list[str], n_jobs: int | None) -> list[tuple[str, str, str]]:
    from insight.parallel import map_chunks
    from insight.text import prepare

    prepared = prepare(texts, n_jobs=n_jobs)
    distinct = list(dict.fromkeys(
        (lang, form) for lang, form, content in zip(prepared["lang"], prepared["form"], prepared["content"])
        if content and lang in LANGS
    ))
    cache = dict(zip(distinct, map_chunks(lemma_strings, distinct, n_jobs, label="reading the comments' words")))
    forms, langs = prepared["form"].tolist(), prepared["lang"].tolist()
    return [(cache.get((lang, form), form), form, lang) for lang, form in zip(langs, forms)]
