"""``--codeframe auto``: pick the shipped codeframe that fits a survey's comments, and say why.

Each shipped codeframe that declares ``domain_words`` - the words that tell its industry's
comments apart: broadband, router, 宽带; takeaway, rider, 外卖, 骑手; flight, cabin crew, 航班 -
is tried on the same sample of the comments: up to SAMPLE distinct comments with content, taken
in the order of a hash of their text (so the sample, and the choice, depend on which comments
there are, not on their order). Its *domain share* is the share of the sample that uses one of
its domain words.

The codeframe with the largest domain share is chosen when that share is at least MIN_DOMAIN
percent; codeframes within TIE points of it are decided by their *coverage* (the share of the
sample in which they name a theme, a fallback theme aside). Below MIN_DOMAIN the survey is from an
industry no pack was written for, and the cross-industry ``core`` reads it (discovery then names
what it misses); so it does below LOW_DOMAIN when the core names themes in CORE_MARGIN points more
of the sample than the best finalist.

Coverage alone cannot choose: long reviews name *some* theme under any codeframe, and generic words
("food", 味道 - taste or smell) would make the food-delivery pack win every survey that mentions a
meal.
"""

from __future__ import annotations

import hashlib
import heapq
from collections import Counter
from dataclasses import dataclass, field

import pandas as pd

from insight.text import prepare
from insight.text.nlp import Analysed, segmenter_words
from insight.text.normalize import matching_form
from insight.themes.codeframe import PATTERN_LANGS, Codeframe, load_codeframe, shipped_names

AUTO = "auto"
CORE = "core"
SAMPLE = 600  # distinct comments: a share within about +-4 points (95%)
MIN_DOMAIN = 5.0  # percent of the sample that must use a codeframe's domain words for it to be chosen
TIE = 2.0  # points of domain share within which coverage decides
# a pack whose words only a few comments use (below LOW_DOMAIN percent) must not name fewer themes than the core by
# CORE_MARGIN points or more: a clinic's survey where 7% say "order" or "delivery" is read better by the core (86%
# against ecommerce's 64% in session 38's batch); above it the pack stays even when the core names more (the Chinese
# computer reviews, 17%: ecommerce 58%, core 82%, yet ecommerce reads their complaints better)
LOW_DOMAIN = 10.0
CORE_MARGIN = 10.0


@dataclass(frozen=True)
class Choice:
    """The chosen codeframe and why: each candidate's domain share and, for the finalists and the
    core, coverage of the sample, in percent."""

    codeframe: Codeframe
    domain: dict[str, float] = field(default_factory=dict)  # candidate name -> % of the sample
    coverage: dict[str, float] = field(default_factory=dict)
    sample: int = 0
    reason: str = ""
    tagger: object = field(default=None, compare=False, repr=False)  # the chosen one's, built to measure it

    def ready_tagger(self):
        """The chosen codeframe's rule tagger: the one built to measure it (matchers ready), or a new one."""
        from insight.themes.tagger import RuleTagger

        return self.tagger if self.tagger is not None else RuleTagger(self.codeframe)

    def as_dict(self) -> dict[str, object]:
        return {"chosen": self.codeframe.name, "title": self.codeframe.title, "sample": self.sample,
                "domain_share": dict(self.domain), "coverage": dict(self.coverage), "min_domain": MIN_DOMAIN,
                "low_domain": LOW_DOMAIN, "core_margin": CORE_MARGIN, "reason": self.reason}


def resolve_codeframe(name: str | Codeframe | None, comments=None, n_jobs: int | None = None
                      ) -> tuple[Codeframe, Choice | None]:
    """The codeframe ``name`` stands for: ``auto`` is chosen on ``comments`` (:func:`choose_codeframe`);
    anything else is loaded as it is (a shipped name, a path, a :class:`Codeframe`)."""
    if isinstance(name, Codeframe):
        return name, None
    if name is not None and str(name) == AUTO:
        choice = choose_codeframe([] if comments is None else comments, n_jobs=n_jobs)
        return choice.codeframe, choice
    return load_codeframe(name), None


def _sample(comments, n_jobs: int | None) -> list[tuple[str, str]]:
    """Up to SAMPLE distinct (language, matching form) of comments with content: the comments are
    taken in the order of a hash of their text, and only as many are prepared as the sample needs
    (three times SAMPLE: fillers, empty and other-language answers are skipped)."""
    series = comments if isinstance(comments, pd.Series) else pd.Series(list(comments), dtype=object)
    distinct = {str(text) for text in series.fillna("").unique()}  # (strings made of the distinct ones only)
    first = heapq.nsmallest(3 * SAMPLE, distinct, key=lambda text: hashlib.sha1(text.encode("utf-8")).digest())
    prepared = prepare(first, n_jobs=n_jobs)
    keys = zip(prepared["lang"].tolist(), prepared["form"].tolist(), prepared["content"].tolist())
    return list(dict.fromkeys((lang, form) for lang, form, ok in keys if ok and lang in PATTERN_LANGS))[:SAMPLE]


def _lemma_phrase(text: str, lang: str) -> str:
    """`` lemma lemma `` of a word or phrase, spaces around (for a containment test): read as a comment is."""
    return " " + " ".join(Analysed(lang, matching_form(text, lang)).lemmas) + " "


def domain_share(codeframe: Codeframe, sample: list[tuple[str, str]],
                 lemmas: dict[tuple[str, str], str] | None = None) -> float:
    """Percent of ``sample`` that uses one of ``codeframe``'s domain words (Chinese: as written in the
    comment, Simplified; English and Russian: their lemmas, so "routers" is "router")."""
    if not sample or not codeframe.domain_words:
        return 0.0
    words = {lang: [matching_form(w, "zh") if lang == "zh" else _lemma_phrase(w, lang) for w in ws]
             for lang, ws in codeframe.domain_words.items()}
    lemmas = lemmas if lemmas is not None else _lemma_strings(_analysed(sample))
    hits = 0
    for lang, form in sample:
        text = form if lang == "zh" else lemmas[(lang, form)]
        hits += any(w in text for w in words.get(lang, ()))
    return 100.0 * hits / len(sample)


def _analysed(sample: list[tuple[str, str]]) -> dict[tuple[str, str], Analysed]:
    """Each English and Russian comment of the sample read once (Chinese is segmented with each
    codeframe's own words: read per codeframe)."""
    return {(lang, form): Analysed(lang, form) for lang, form in sample if lang != "zh"}


def _lemma_strings(analysed: dict[tuple[str, str], Analysed]) -> dict[tuple[str, str], str]:
    """`` lemma lemma ... `` of each comment read."""
    return {key: " " + " ".join(a.lemmas) + " " for key, a in analysed.items()}


def coverage(codeframe: Codeframe, sample: list[tuple[str, str]], tagger=None,
             analysed: dict[tuple[str, str], Analysed] | None = None) -> float:
    """Percent of ``sample`` ((language, matching form) pairs) in which ``codeframe`` names a theme
    (measured by ``tagger``, a :class:`~insight.themes.tagger.RuleTagger` of it, when given;
    ``analysed``: the English and Russian comments already read, :func:`_analysed`)."""
    from insight.themes.tagger import RuleTagger

    if not sample:
        return 0.0
    tagger = tagger or RuleTagger(codeframe)
    analysed = analysed or {}
    with segmenter_words(tagger.zh_words):
        hits = sum(tagger.names_a_theme(analysed.get((lang, form)) or Analysed(lang, form), lang)
                   for lang, form in sample)
    return 100.0 * hits / len(sample)


def choose_codeframe(comments, n_jobs: int | None = None) -> Choice:
    """The shipped codeframe that fits ``comments`` (see the module's description)."""
    sample = _sample(comments, n_jobs)
    frames = {name: load_codeframe(name) for name in shipped_names()}
    analysed = _analysed(sample)
    lemmas = _lemma_strings(analysed)
    domain = {name: round(domain_share(cf, sample, lemmas), 1) for name, cf in frames.items() if cf.domain_words}
    ranked = sorted(domain, key=lambda name: (-domain[name], name))
    top = domain[ranked[0]] if ranked else 0.0
    finalists = [name for name in ranked if top - domain[name] <= TIE] if top >= MIN_DOMAIN else []
    from insight.themes.tagger import RuleTagger

    taggers = {name: RuleTagger(frames[name]) for name in dict.fromkeys([*finalists, CORE])}
    covered = {name: round(coverage(frames[name], sample, taggers[name], analysed), 1) for name in taggers}
    if not sample:
        chosen, why = CORE, "no comments with content to measure on"
    elif not finalists:
        best = f" (most: {ranked[0]}, {top:.0f}%)" if ranked else ""
        chosen, why = CORE, f"no industry's words in {MIN_DOMAIN:.0f}% of the comments{best}: the cross-industry core"
    elif top < LOW_DOMAIN and covered[CORE] - max(covered[name] for name in finalists) >= CORE_MARGIN:
        best = max(finalists, key=lambda name: (covered[name], -ranked.index(name)))
        chosen, why = CORE, (f"{best}'s words in only {top:.0f}% of the comments, and it names themes in "
                             f"{covered[best]:.0f}% of them against the cross-industry core's {covered[CORE]:.0f}%")
    else:
        chosen = max(finalists, key=lambda name: (covered[name], -ranked.index(name)))
        others = [n for n in ranked if n != chosen][:2]
        main = Counter(lang for lang, _ in sample).most_common(1)[0][0]  # the words in the comments' language
        words = frames[chosen].domain_words.get(main) or frames[chosen].domain_words.get("en", ())
        why = (f"{chosen}'s words (" + ", ".join(words[:3])
               + f", ...) appear in {domain[chosen]:.0f}% of the comments"
               + (" (" + ", ".join(f"{n} {domain[n]:.0f}%" for n in others) + ")" if others else "")
               + f"; themes named in {covered[chosen]:.0f}% of them (core alone: {covered[CORE]:.0f}%)")
        if len(finalists) > 1:
            why += "; " + " and ".join(finalists) + " were as close: the one that names more themes"
    return Choice(frames[chosen], dict(sorted(domain.items(), key=lambda kv: (-kv[1], kv[0]))), covered,
                  len(sample), why, taggers.get(chosen))
