"""Readable labels for discovered themes: a noun phrase in the comments' own language.

A cluster's label is the phrase that its comments use and the other comments do not - "engineer
visit", "broadband speed", "物流速度", "скорость интернета" - rather than its three most
distinctive single words ("work · ask · read"). Candidates are runs of up to three consecutive
topical words (no stop or opinion word between them) that end in a noun, with nouns or
adjectives before it; they are scored like class-based TF-IDF - the share of the cluster's comments
that use the phrase, times the log of how much more often they use it than the other comments do -
with a longer phrase preferred when it holds up. When the best phrase covers under half of the
cluster and a second, unrelated phrase covers at least half as much, the label names both ("size
and fit", "包装与赠品").

Parts of speech come without a trained tagger: English from WordNet's word lists in
spacy-lookups-data (a word listed only as a verb, adjective or adverb does not end a phrase),
Chinese from jieba's dictionary tags (rjieba), Russian from pymorphy3 - whose forms also make the
phrase agree ("быстрая доставка", "скорость интернета").
"""

from __future__ import annotations

import functools
import math
from collections import Counter
from collections.abc import Callable, Sequence

import numpy as np

MAX_WORDS = 3  # in one phrase; a label of two phrases has at most four
MIN_SHARE = 0.08  # of a cluster's comments that must use a phrase for it to name the cluster
PER_CLUSTER = 100  # comments of a cluster read for its phrases (a share within ~10 points: plenty to name it)
AND = {"en": " and ", "zh": "与", "ru": " и "}


@functools.lru_cache(maxsize=1)
def _english_pos() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """WordNet's nouns, its adjectives, and its verbs and adverbs."""
    from spacy.lookups import load_lookups

    index = load_lookups("en", ["lemma_index"]).get_table("lemma_index")
    return (frozenset(index.get("noun")), frozenset(index.get("adj")),
            frozenset(index.get("verb")) | frozenset(index.get("adv")))


@functools.lru_cache(maxsize=100_000)
def _kind(word: str, lang: str) -> str:
    """"noun", "mod" (an adjective, which may stand before a noun) or "" (neither)."""
    if lang == "en":
        nouns, adjectives, others = _english_pos()
        if word in nouns or (word not in adjectives and word not in others and word.isalpha() and len(word) > 2):
            return "noun"  # (a word WordNet does not know - a brand, a product - is taken for a noun)
        return "mod" if word in adjectives else ""
    if lang == "zh":
        tag = _zh_tag(word)
        if tag.startswith("n") or tag in ("vn", "an", "eng"):
            return "noun"
        return "mod" if tag in ("a", "b") else ""
    if lang == "ru":
        pos = _ru_parse(word).tag.POS
        return "noun" if pos == "NOUN" else "mod" if pos in ("ADJF", "PRTF") else ""
    return ""


def warm() -> None:
    """Load what the labels read words with (jieba's tagger: ~0.15 s; the English word lists) ahead of them."""
    _jieba()
    _english_pos()


@functools.lru_cache(maxsize=1)
def _jieba():
    import rjieba

    return rjieba.Jieba()


@functools.lru_cache(maxsize=100_000)
def _zh_tag(word: str) -> str:
    """jieba's tag of a word (its dictionary's; "eng" for Latin letters, "" when it splits the word)."""
    if word.isascii():
        return "eng" if word.isalpha() else ""
    tagged = _jieba().tag(word)
    return tagged[0][1] if len(tagged) == 1 else ""


@functools.lru_cache(maxsize=100_000)
def _ru_parse(word: str):
    from insight.text.lemmas import morph as _morph

    return _morph().parse(word)[0]


@functools.lru_cache(maxsize=100_000)
def _nounness(word: str, lang: str) -> float:
    """How surely a phrase's last word is a noun: 1 when its language's word lists know it only as
    one; less when it is also a verb ("work", "look": 0.7) or an adjective ("short", "little": 0.4)."""
    if lang == "en":
        nouns, adjectives, others = _english_pos()
        return 0.4 if word in adjectives else 0.7 if word in others else 1.0
    if lang == "zh":
        return 0.8 if _zh_tag(word) == "vn" else 1.0
    return 1.0


# English verbs of fixing whose lemma WordNet also lists as a noun: "it was sorted the same day" names no "sort"
_EN_FIXES = frozenset({"sort", "fix", "resolve", "solve", "rectify", "remedy", "repair"})


def _candidates(tokens: Sequence[str], lang: str, topical: Callable[[str], bool]) -> set[tuple[str, ...]]:
    """The phrases of one comment's lemmas: up to MAX_WORDS consecutive topical words, the last a
    noun, the others nouns or modifiers."""
    out: set[tuple[str, ...]] = set()
    run: list[str] = []
    for token in [*tokens, ""]:
        kind = _kind(token, lang) if token and topical(token) and not (lang == "en" and token in _EN_FIXES) else ""
        if kind:
            run.append(token)
            continue
        for end in range(len(run)):
            if _kind(run[end], lang) != "noun":
                continue
            for start in range(max(0, end - MAX_WORDS + 1), end + 1):
                out.add(tuple(run[start:end + 1]))
        run = []
    return out


def _render(phrase: tuple[str, ...], lang: str) -> str:
    """The phrase as written: English and Russian words with spaces (Russian made to agree: the
    first noun is the head, adjectives before it take its gender, nouns after it the genitive),
    Chinese joined."""
    if lang == "zh":
        return "".join(phrase)
    if lang != "ru":
        return " ".join(phrase)
    head = next((i for i, w in enumerate(phrase) if _kind(w, "ru") == "noun"), len(phrase) - 1)
    noun = _ru_parse(phrase[head])
    gender = noun.tag.gender or "masc"
    words = []
    for i, word in enumerate(phrase):
        form = None
        if i < head:
            form = _ru_parse(word).inflect({gender, "nomn", "sing"} if noun.tag.number != "plur" else {"nomn", "plur"})
        elif i > head and _kind(word, "ru") == "noun":
            form = _ru_parse(word).inflect({"gent"})
        words.append(form.word if form is not None else word)
    return " ".join(words)


def label_clusters(docs: list[list[str]], langs: list[str], weights: np.ndarray, labels: np.ndarray,
                   clusters: Sequence[int], topical: Callable[[str], bool]) -> dict[int, str]:
    """A noun-phrase label for each of ``clusters`` (cluster numbers in ``labels``, one per doc), in
    the language most of its comments are in; clusters without a phrase get none (the caller keeps
    their distinctive words). ``docs`` are the comments' lemmas, ``weights`` how many comments each
    stands for."""
    # each cluster's phrases are read in up to PER_CLUSTER of its comments (the first, in the order
    # the docs come: discovery's canonical one), each standing for its share of the cluster
    sampled = {c: np.flatnonzero(labels == c)[:PER_CLUSTER] for c in clusters}
    found: dict[int, set[tuple[str, ...]]] = {int(d): _candidates(docs[d], langs[d], topical)
                                               for picked in sampled.values() for d in picked.tolist()}
    scale = {c: float(weights[labels == c].sum()) / max(float(weights[picked].sum()), 1e-9)
             for c, picked in sampled.items()}
    total = float(sum(weights[labels == c].sum() for c in clusters)) or 1.0
    everywhere: Counter = Counter()
    for c, picked in sampled.items():
        for d in picked.tolist():
            for p in found[d]:
                everywhere[p] += weights[d] * scale[c]
    out: dict[int, str] = {}
    for c in clusters:
        members = sampled[c]
        if not len(members):
            continue
        by_lang: Counter = Counter()
        for m in members.tolist():
            by_lang[langs[m]] += weights[m]
        lang = by_lang.most_common(1)[0][0]
        size = float(weights[members].sum()) * scale[c]
        inside: Counter = Counter()
        for m in members.tolist():
            if langs[m] == lang:
                for p in found[m]:
                    inside[p] += weights[m] * scale[c]
        scored = []
        for p, n in inside.items():
            share = n / size
            if share < MIN_SHARE:
                continue
            rest = (everywhere[p] - n) / max(total - size, 1.0)
            weight = (1 + 0.25 * (len(p) - 1)) * _nounness(p[-1], lang)
            scored.append((share * math.log((share + 0.01) / (rest + 0.01)) * weight, share, p))
        if not scored:
            continue
        scored.sort(key=lambda s: (-s[0], s[2]))
        _, share, best = scored[0]
        # a longer phrase holding the best one, used by at least half as many: "день рождения", not
        # "день и рождение"
        longer = [s for s in scored if len(s[2]) > len(best) and set(best) <= set(s[2]) and s[1] >= share / 2]
        if longer:
            _, share, best = longer[0]
        label = _render(best, lang)
        if share < 0.5:
            second = next((s for s in scored[1:] if not set(s[2]) & set(best) and s[1] >= share / 2
                           and len(best) + len(s[2]) <= MAX_WORDS + 1 and _nounness(s[2][-1], lang) == 1.0), None)
            if second is not None:
                label += AND.get(lang, " · ") + _render(second[2], lang)
        out[c] = label
    return out
