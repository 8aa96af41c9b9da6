"""The rule tagger: codeframe patterns matched on lemmas, per sentence, with polarity per mention.

Each language has a phrase matcher on lemmas (:class:`insight.themes.phrases.LemmaMatcher`: spaCy's
``PhraseMatcher`` on ``LEMMA`` without a ``Doc`` per comment) built from the codeframe's patterns
(lemmatised by the same pipeline as the comments). A match inside a sentence that also holds one
of the theme's exclusions is dropped; a pattern with context words counts only when its clause
holds one of its ``near`` words and none of its ``not_near`` ones. The polarity of a mention is read
in its own clause (the sentence cut at commas and at "but", "но", "但是", ...) and, when the clause
judges nothing, in the whole sentence (a Chinese clause that calls it middling, "一般", has judged it: neutral).
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Callable, Iterator, Sequence
from typing import NamedTuple

import numpy as np
import pandas as pd

from insight.parallel import map_chunks
from insight.text import prepare_and_read
from insight.text.nlp import Analysed, pipeline, segmenter_words
from insight.text.normalize import matching_form
from insight.text.polarity import CLAUSE_BREAKS, Reading, judge, lemmatise_lexicon, score, sign
from insight.themes.codeframe import PATTERN_LANGS, Codeframe
from insight.themes.mentions import Mention, TagResult, mention_table, spread
from insight.themes.phrases import LemmaMatcher


_RULE = "\x1f"  # separates a theme id from the number of its pattern with context words in matcher keys


class _Matchers(NamedTuple):
    include: LemmaMatcher  # plain patterns under their theme id; context patterns under theme#rule
    exclude: LemmaMatcher
    context: LemmaMatcher  # the context words of each context pattern, under theme#rule#near|not_near
    rules: dict[str, tuple[str, bool, bool]]  # theme#rule -> theme id, has near words, has not_near words
    overrides: dict[str, dict[str, float]]  # theme id -> its own polarity words


class RuleTagger:
    """Tag comments with a codeframe's themes and a polarity per theme."""

    def __init__(self, codeframe: Codeframe) -> None:
        self.codeframe = codeframe
        self.order = {tid: i for i, tid in enumerate(codeframe.ids)}
        self._lineage = {tid: codeframe.ancestors(tid) for tid in codeframe.ids}
        self.top = {tid: lineage[-1] for tid, lineage in self._lineage.items()}
        self._fallback = codeframe.fallback
        self._matchers: dict[str, _Matchers] = {}
        # the Chinese segmenter knows the codeframe's words while this tagger reads Chinese
        self._zh_words = [matching_form(p, "zh") for t in codeframe.themes for p in t.words("zh")]

    @property
    def zh_words(self) -> list[str]:
        """The codeframe's Chinese words: the segmenter must know them while this tagger reads Chinese
        (:func:`insight.text.nlp.segmenter_words`)."""
        return self._zh_words

    def __getstate__(self) -> dict[str, object]:
        """Sent to other processes (Dask workers) without the matchers: they are rebuilt there."""
        return {**self.__dict__, "_matchers": {}}

    # -- building ------------------------------------------------------------------------------

    def _matcher(self, lang: str) -> _Matchers:
        if lang not in self._matchers:
            with segmenter_words(self._zh_words):
                self._matchers[lang] = self._build_matcher(lang)
        return self._matchers[lang]

    def _build_matcher(self, lang: str) -> _Matchers:
        nlp = pipeline(lang)
        include, exclude, context = LemmaMatcher(nlp.vocab), LemmaMatcher(nlp.vocab), LemmaMatcher(nlp.vocab)

        def docs(phrases):
            return [d for d in nlp.pipe(matching_form(p, lang) for p in phrases) if len(d)]

        rules: dict[str, tuple[str, bool, bool]] = {}  # match key -> theme id, has near words, has not_near words
        for theme in self.codeframe.themes:
            for matcher, phrases in ((include, theme.patterns.get(lang)), (exclude, theme.exclude.get(lang))):
                if phrases:
                    matcher.add(theme.id, docs(phrases))
            for rule in theme.context.get(lang, ()):
                key = f"{theme.id}{_RULE}{len(rules)}"
                include.add(key, docs([rule.pattern]))
                for kind, words in (("near", rule.near), ("not_near", rule.not_near)):
                    if words:
                        context.add(f"{key}{_RULE}{kind}", docs(words))
                rules[key] = (theme.id, bool(rule.near), bool(rule.not_near))
        overrides = {t.id: lemmatise_lexicon(t.polarity[lang], lang) for t in self.codeframe.themes
                     if lang in t.polarity}
        for matcher in (include, exclude, context):
            matcher.settle()
        return _Matchers(include, exclude, context, rules, overrides)

    # -- tagging -------------------------------------------------------------------------------

    def tag(self, comments: Sequence[str], prepared: pd.DataFrame | None = None, n_jobs: int | None = None,
            whole_polarity: bool = True, all_lemmas: bool = False,
            themes_known: Callable[[TagResult], object] | None = None) -> TagResult:
        """Tag ``comments``; ``prepared`` (from :func:`insight.text.prepare`) is computed when not given.

        Each distinct (language, comment) is processed once; ``n_jobs`` worker processes share the
        work (``None``: one per core). The result does not depend on ``n_jobs``. ``whole_polarity``
        also reads each whole comment's polarity (:attr:`TagResult.comment_polarity`, for a theme
        model's features and for polarity questions about themes the rules did not find); without
        it those are computed when asked. ``all_lemmas`` keeps the lemmas of every comment, not only of
        those without a mention (a theme model reads them: :func:`add_model_themes`). ``themes_known`` is
        called with the result before its mentions table is built (the table empty there): what needs only
        each response's themes and lemmas (the comments discovery clusters) can start then.
        """
        read = functools.partial(self._mentions_of, whole=whole_polarity, all_lemmas=all_lemmas)
        read_of = None
        if prepared is None:  # prepared and tagged in one pass; the matchers of the languages this process
            # has not built yet are built by each worker (both at once: as fast as here, before the fork)
            prepared, read_of = prepare_and_read(comments, read, PATTERN_LANGS, n_jobs, label="tagging comments")
        keys = list(zip(prepared["lang"].tolist(), prepared["form"].tolist()))  # tolist: 10x faster than iterating
        distinct = list(dict.fromkeys(
            key for key, content in zip(keys, prepared["content"].tolist()) if content and key[0] in PATTERN_LANGS
        ))
        if read_of is not None:
            analysed = [read_of[key] for key in distinct]
        else:
            for lang in {lang for lang, _ in distinct}:
                self._matcher(lang)  # built once here, before any worker is forked
            analysed = map_chunks(read, distinct, n_jobs, label="tagging comments")
        found_of = [found for found, _, _, _ in analysed]  # in the order of ``distinct``
        lemmas = {key: lem for key, (_, lem, _, _) in zip(distinct, analysed) if lem is not None}
        comment_polarity = {key: pol for key, (_, _, pol, _) in zip(distinct, analysed)} if whole_polarity else None

        # everything below depends only on the distinct comment: computed once per distinct one,
        # then spread to the rows by index arrays (no per-row Python objects)
        index = {key: k for k, key in enumerate(distinct)}
        code = np.fromiter((index.get(key, -1) for key in keys), dtype=np.int64, count=len(keys))
        summary = [summarised for _, _, _, summarised in analysed]
        nothing: tuple[list[str], dict[str, int]] = ([], {})
        picked = [summary[c] if c >= 0 else nothing for c in code.tolist()]
        themes = [ids for ids, _ in picked]  # shared by identical comments (memory): read-only
        polarities = [pol for _, pol in picked]
        if themes_known is not None:
            no_mentions = spread(mention_table([], "rule", self.top), [], np.zeros(0, dtype=np.int64))
            themes_known(TagResult(prepared, no_mentions, themes, polarities, lemmas, comment_polarity))
        mentions = spread(mention_table(found_of, "rule", self.top), found_of, code)
        return TagResult(prepared, mentions, themes, polarities, lemmas, comment_polarity)

    def _mentions_of(self, items: Sequence[tuple[str, str]], whole: bool = True, all_lemmas: bool = False
                     ) -> list[tuple[list[Mention], str | None, int, tuple[list[str], dict[str, int]]]]:
        """Mentions, lemma string (when there is no mention: discovery's input; always with
        ``all_lemmas``), (``whole``: else 0) whole-comment polarity, and theme ids with their
        polarity (:meth:`_summarise`) of each (language, matching form), in order."""
        out = []
        with segmenter_words(self._zh_words):
            for lang, form in items:
                a = Analysed(lang, form)
                r = Reading(a.reading, lang, a.texts)  # each token classified once, however many spans are judged
                found = self._mentions(a, lang, r)
                named = any(m.theme_id != self._fallback for m in found)  # discovery reads the others
                out.append((found, None if named and not all_lemmas else a.lemma_string(),
                            sign(r.judge()[0]) if whole else 0,
                            self._summarise(found)))
        return out

    def _mentions(self, a: Analysed, lang: str, r: Reading) -> list[Mention]:
        matchers = self._matcher(lang)
        matches = matchers.include(a.lemmas)
        found, read = self._matched(a, r, matches, matchers) if matches else ([], {})
        if self._fallback is not None:
            # what the sentences and clauses that name no theme judge, unless a named theme already
            # carries that judgement: "Delivery took 3 weeks. Terrible." is one complaint, about
            # delivery; "The app is fine. Very disappointed." and "送货很快，口感很差" (delivery was fast,
            # the taste bad) blame something the codeframe has no name for
            rest = self._judged_sentences(a, r, read, matchers.overrides.get(self._fallback))
            if rest and (not found or (rest[0].polarity and rest[0].polarity not in {m.polarity for m in found})):
                return found + rest  # (a middling verdict beside named themes adds nothing)
        return found

    def names_a_theme(self, a: Analysed, lang: str) -> bool:
        """Whether comment ``a`` names one of the codeframe's themes (its fallback aside): the
        tagging without the polarity, for measuring a codeframe's coverage."""
        matchers = self._matcher(lang)
        matches = matchers.include(a.lemmas)
        if not matches:
            return False
        breaks = CLAUSE_BREAKS[lang]
        return next(self._accepted(a, matches, matchers, [j for j, lem in enumerate(a.reading) if lem in breaks]),
                    None) is not None

    def _judged_sentences(self, a: Analysed, r: Reading, read: dict[int, list[tuple[int, int]]],
                          own: dict[str, float] | None = None) -> list[Mention]:
        """The fallback theme's mention of what a comment judges (praise, blame, a complaint, a
        middling verdict) in the sentences and clauses whose judgement no mention took (``read``:
        sentence -> the spans its mentions took their judgement from, as :meth:`_matched` gives them):
        their sum, shown by the span that weighs most that way (``own``: its own words, 一般 in food delivery)."""
        judged = [(value, lo, hi) for lo, hi in self._unread(a, r, read)
                  for value, ok in [r.judge(lo, hi, own)] if ok]
        if not judged:
            return []
        polarity = sign(sum(value for value, _, _ in judged))
        _, lo, hi = max(judged, key=lambda j: (polarity * j[0], -j[1]))
        text = a.span_text(lo, hi)
        return [Mention(self._fallback, polarity, text, text, a.idx[lo], a.idx[hi - 1] + len(a.texts[hi - 1]))]

    @staticmethod
    def _unread(a: Analysed, r: Reading, read: dict[int, list[tuple[int, int]]]) -> Iterator[tuple[int, int]]:
        """The sentences of ``a`` that name no theme, and the clauses of those that do whose
        judgement no mention took (``read``: sentence -> the spans its mentions took theirs from:
        their clauses, or the whole sentence)."""
        for k, (s_lo, s_hi) in enumerate(a.sents):
            spans = read.get(k, ())
            cuts = [s_lo, *(j + 1 for j in r.breaks() if s_lo <= j < s_hi - 1), s_hi] if spans else [s_lo, s_hi]
            yield from ((lo, hi) for lo, hi in zip(cuts, cuts[1:]) if not any(lo < y and x < hi for x, y in spans))

    def _accepted(self, a: Analysed, matches, matchers: _Matchers, breaks: list[int]
                  ) -> Iterator[tuple[str, int, int, int, int, int]]:
        """The pattern matches that count, as (theme id, start, end, sentence, clause start, clause
        end): those whose context words are (or are not) in their clause, not excluded in their
        sentence, and not inside a longer match of the same theme. ``breaks``: the positions of the
        comment's clause breaks (a clause runs from after one to the next, within its sentence)."""
        lemmas = a.lemmas
        sents = a.sents
        firsts = [lo for lo, _ in sents]
        n_breaks, n = len(breaks), len(lemmas)

        def sent_of(j: int) -> int:
            return bisect.bisect_right(firsts, j) - 1

        excluded = {(sent_of(start), key) for key, start, _ in matchers.exclude(lemmas)}
        context_at: dict[str, list[int]] | None = None  # "theme#rule#near" -> token positions, when first asked
        taken: dict[tuple[str, int], int] = {}
        # longest first, so that "delivery speed" wins over "delivery" inside it
        for theme_id, start, end in sorted(matches, key=lambda m: (m[1], -(m[2] - m[1]))):
            k = sent_of(start)
            s_lo, s_hi = sents[k]
            b = bisect.bisect_left(breaks, start)  # the clause starts after the last break before the match
            lo = max(s_lo, breaks[b - 1] + 1 if b else 0)
            b = bisect.bisect_left(breaks, end - 1, b)  # and ends at the first break from its last token on
            hi = min(s_hi, breaks[b] if b < n_breaks else n)
            rule = matchers.rules.get(theme_id)
            if rule is not None:
                if context_at is None:
                    context_at = {}
                    for ckey, c_start, _ in matchers.context(lemmas):
                        context_at.setdefault(ckey, []).append(c_start)
                key, (theme_id, near, not_near) = theme_id, rule
                if near and not any(lo <= j < hi for j in context_at.get(f"{key}{_RULE}near", ())):
                    continue
                if not_near and any(lo <= j < hi for j in context_at.get(f"{key}{_RULE}not_near", ())):
                    continue
            if (k, theme_id) in excluded:
                continue
            # matches come sorted by start, longest first: one overlaps an accepted one of the
            # same theme and sentence exactly when it starts before the furthest accepted end
            if start < taken.get((theme_id, k), -1):
                continue
            taken[(theme_id, k)] = end
            yield theme_id, start, end, k, lo, hi

    def _matched(self, a: Analysed, r: Reading, matches, matchers: _Matchers
                 ) -> tuple[list[Mention], dict[int, list[tuple[int, int]]]]:
        """The mentions of the codeframe's patterns (``matches``) in ``a``, each with its polarity:
        its clause's, else its sentence's, else - when neither judges anything - the complaint the
        comment makes without a sentiment word, if it makes one ("no one called back") and the comment
        blames on the whole (a happy review's one complaint is not lent to all it names); and, per
        sentence that names a theme, the spans (clauses or the sentence) the mentions were judged by."""
        sents = a.sents
        overrides = matchers.overrides
        comment_complaint: list[int] = []  # computed when first needed

        def span_score(lo: int, hi: int, theme_id: str) -> tuple[float, bool]:
            # r judges each span once per set of polarity words: themes without their own share it
            return r.judge(lo, hi, overrides.get(theme_id))

        found: list[Mention] = []
        sentence_text: dict[int, str] = {}
        read: dict[int, list[tuple[int, int]]] = {}  # sentence -> the spans mentions took their judgement from
        for theme_id, start, end, k, lo, hi in self._accepted(a, matches, matchers, r.breaks()):
            s_lo, s_hi = sents[k]
            value, direct = span_score(lo, hi, theme_id)
            if not direct:  # (its sentence's verdict, but not across a "but")
                lo, hi = r.uncrossed(lo, s_lo), s_hi
                value, direct = span_score(lo, hi, theme_id)
            read.setdefault(k, []).append((lo, hi))
            if not direct and len(sents) > 1:
                if not comment_complaint:
                    comment_complaint.append(-1 if r.judge()[0] < 0 and r.complaint() < 0 else 0)  # (judge first)
                value = comment_complaint[0]
            if k not in sentence_text:  # one string per sentence, however many mentions it holds
                sentence_text[k] = a.span_text(s_lo, s_hi)
            found.append(Mention(theme_id, sign(value), sentence_text[k], a.span_text(start, end),
                                 a.idx[start], a.idx[end - 1] + len(a.texts[end - 1])))
        return found, read

    def theme_contexts(self, result: TagResult, asked: Sequence[tuple[int, str]]) -> list[str]:
        """:func:`insight.themes.contexts.theme_contexts` with this tagger: the lemmas of the clauses in which
        ``result`` found each asked ``(response, theme id)``, what a polarity model reads about that theme."""
        from insight.themes.contexts import theme_contexts

        return theme_contexts(result, asked, self._lineage, self._zh_words)

    def _summarise(self, found: list[Mention]) -> tuple[list[str], dict[str, int]]:
        """Theme ids with their ancestors, and the polarity per id (sign of the summed mention polarities)."""
        totals: dict[str, int] = {}
        lineage = self._lineage
        for m in found:
            for tid in lineage[m.theme_id]:
                totals[tid] = totals.get(tid, 0) + m.polarity
        ids = sorted(totals, key=self.order.__getitem__)
        return ids, {tid: sign(totals[tid]) for tid in ids}

    def judges(self, form: str, lang: str) -> bool:
        """Whether the lexicon finds anything to judge in a whole comment (a sentiment word, a middling
        verdict or a complaint cue: :func:`insight.text.polarity.judge`)."""
        if lang not in PATTERN_LANGS or not form:
            return False
        with segmenter_words(self._zh_words):
            return judge(Analysed(lang, form).reading, lang)[1]

    def comment_polarity(self, form: str, lang: str) -> int:
        """Polarity of a whole comment (used when a theme is asked about but was not matched)."""
        if lang not in PATTERN_LANGS or not form:
            return 0
        with segmenter_words(self._zh_words):
            return sign(score(Analysed(lang, form).reading, lang))  # (as the mentions are read: "check-in" one word)


def rule_predictor(tagger: RuleTagger, semantic: str = "off"):
    """A predictor for :func:`insight.themes.evaluate.evaluate` backed by the rule tagger (and, as
    ``semantic`` says, the semantic tier's reading of silent comments: :mod:`insight.themes.silent`)."""

    def predict(texts: Sequence[str]):
        from insight.themes.silent import read_silent_noted

        result, _ = read_silent_noted(tagger, tagger.tag(texts), semantic)
        top = tagger.codeframe.top_level
        sets = [{top(t) for t in ids} for ids in result.themes]
        whole: list[int] = []  # filled on the first question about a theme the rules did not find

        def polarity_of(i: int, theme_id: str) -> int:
            if theme_id in result.theme_polarity[i]:
                return result.theme_polarity[i][theme_id]
            if not whole:
                whole.extend(result.comment_polarities(tagger))
            return whole[i]

        return sets, polarity_of

    return predict


