"""A trained model's themes added to the rules': what the rules missed, with a polarity, evidence and
the analysis the tagging already made handed to the model."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from insight.text.analysis import TextAnalysis
from insight.text.nlp import Analysed
from insight.themes.codeframe import PATTERN_LANGS, load_codeframe
from insight.themes.mentions import Mention, TagResult, concat_mentions, mention_table, spread
from insight.themes.silent import read_silent_noted
from insight.themes.tagger import RuleTagger


def _first_sentence(lang: str, form: str) -> str:
    """The first sentence of a comment (the pipeline's, from the tagger's fast analysis)."""
    if lang not in PATTERN_LANGS:
        return form
    a = Analysed(lang, form)
    return a.span_text(*a.sents[0]) if a.sents else form


def tag_comments(tagger: RuleTagger, comments, model=None, n_jobs: int | None = None, semantic: str = "auto",
                 themes_known: Callable[[TagResult], object] | None = None) -> tuple[TagResult, int]:
    """``tagger``'s themes of ``comments``, the polarity of the comments the lexicon reads nothing in
    from the semantic tier (:func:`insight.themes.silent.read_silent`, as ``semantic`` says), and a
    trained ``model``'s themes added (what the rules missed): tagged then with the whole comments'
    polarity and every lemma, which the model reads. Also: how many distinct comments the tier read.
    ``themes_known``: see :meth:`RuleTagger.tag` (the rules' themes, before a model adds to them)."""
    result = tagger.tag(comments, n_jobs=n_jobs, whole_polarity=model is not None, all_lemmas=model is not None,
                        themes_known=themes_known)
    result, read = read_silent_noted(tagger, result, semantic)
    return (add_model_themes(tagger, result, model, semantic=semantic) if model is not None else result), read


def add_model_themes(tagger: RuleTagger, result: TagResult, model, n_jobs: int | None = None,
                     semantic: str = "auto") -> TagResult:
    """Add the themes a trained model finds that the rules missed (``source`` = "model").

    The model's labels must be theme ids of the tagger's codeframe, so rules and model speak of
    the same themes. A model-only theme gets the polarity the model's polarity classifier gives
    it in that comment (a model trained with ``--polarity-col``), else the comment's overall
    polarity, and the comment's first sentence as context; rule mentions are kept as they are.
    Each distinct comment is predicted and extended once; its rows share the result (as
    :meth:`RuleTagger.tag`'s do). A model trained with the semantic tier uses it as ``semantic``
    (auto, on, off: :func:`insight.text.embed.decide`) says, else its text-only twin.
    """
    from insight.themes.registry import ModelError

    cf = tagger.codeframe
    unknown = [label for label in model.classes_ if label not in cf]
    if unknown:
        raise ModelError(f"the model's labels {unknown[:3]} are not theme ids of codeframe {cf.name!r}; "
                         "train it on this codeframe's ids (or use --bootstrap)")
    keys, content, first = result.distinct_rows()
    if not first:
        return result
    distinct = list(first)
    if getattr(model, "semantic", 0.0):
        from insight.text.embed import tier_on

        model = model if tier_on(semantic, [form for _, form in distinct]) else model.without_semantic()
    predicted = model.predict([form for _, form in distinct], analysis=_known_analysis(tagger, result, model, first))
    classes = list(model.classes_)
    new_of = [[classes[j] for j in np.flatnonzero(row) if classes[j] not in result.theme_polarity[first[key]]]
              for key, row in zip(distinct, predicted)]
    found_of, extended = _model_mentions(tagger, result, model, first, new_of)
    if not any(found_of):
        return result
    index = {key: k for k, key in enumerate(distinct)}
    code = np.fromiter((index.get(key, -1) if ok else -1 for key, ok in zip(keys, content)), dtype=np.int64,
                       count=len(keys))
    # the per-response lists are shared between identical comments: replaced, never changed in place
    themes, polarities = list(result.themes), list(result.theme_polarity)
    changed = np.array([e is not None for e in extended])
    for i in np.flatnonzero((code >= 0) & changed[np.maximum(code, 0)]).tolist():
        themes[i], polarities[i] = extended[code[i]]
    added = spread(mention_table(found_of, "model", tagger.top), found_of, code)
    mentions = concat_mentions(result.mentions, added)
    order = np.argsort(mentions["response"].to_numpy(), kind="stable")  # a response's rule mentions first
    return TagResult(result.prepared, mentions.take(order).reset_index(drop=True), themes, polarities,
                     result.lemmas, result.comment_polarity)


def _model_mentions(tagger: RuleTagger, result: TagResult, model, first: dict[tuple[str, str], int],
                    new_of: list[list[str]]) -> tuple[list[list[Mention]], list[tuple[list[str], dict[str, int]] | None]]:
    """Per distinct comment (``first``'s keys) and the themes only the model found in it (``new_of``):
    their mentions, and its theme list and polarities extended with them (None when there are none)."""
    cf = tagger.codeframe
    polarity_model = getattr(model, "polarity_", None)
    asked = [(key[1], t) for key, new in zip(first, new_of) for t in new]
    answers = iter(polarity_model.predict(asked).tolist() if polarity_model is not None and asked else [])
    found_of: list[list[Mention]] = []
    extended: list[tuple[list[str], dict[str, int]] | None] = []
    for key, new in zip(first, new_of):
        if not new:
            found_of.append([])
            extended.append(None)
            continue
        if polarity_model is not None:
            polarities_of = [int(next(answers)) for _ in new]
        else:
            polarities_of = [result.comment_polarity_of(key, tagger)] * len(new)
        sentence = _first_sentence(*key)
        pol = dict(result.theme_polarity[first[key]])
        for t, polarity in zip(new, polarities_of):
            for tid in cf.ancestors(t):
                pol.setdefault(tid, polarity)
        found_of.append([Mention(t, polarity, sentence, "", -1, -1) for t, polarity in zip(new, polarities_of)])
        extended.append((sorted(pol, key=tagger.order.__getitem__), pol))
    return found_of, extended


def _known_analysis(tagger: RuleTagger, result: TagResult, model, first: dict[tuple[str, str], int]
                    ) -> TextAnalysis:
    """What the tagging found about the comments a model is asked about (``first``: (language, form) ->
    a row), so that its predictions do not analyse them again: their lemmas (from a tagging with
    ``all_lemmas``; not Chinese, see :class:`TextAnalysis`) and, for a model trained with this
    codeframe, the rule findings."""
    known = result.lemmas or {}
    lemmas = {form: (known[(lang, form)], lang) for lang, form in first if (lang, form) in known and lang != "zh"}
    name = getattr(model, "codeframe", None)
    fingerprint = tagger.codeframe.fingerprint()
    if name is None or result.comment_polarity is None or load_codeframe(name).fingerprint() != fingerprint:
        return TextAnalysis(lemmas)
    findings = {form: (result.theme_polarity[i], result.comment_polarity.get((lang, form), 0))
                for (lang, form), i in first.items()}
    return TextAnalysis(lemmas, fingerprint, findings)
