"""Disappointment without a sentiment word: excess, damage and the idioms of a let-down.

Cues of :mod:`insight.text.complaints`:

* :func:`excess`: "too" before a word of size, amount or degree says there is more (or less) of it
  than the customer wanted, whatever the word: "small" and "long" are no sentiment words, yet "too
  small" is a complaint (English and Russian, "слишком тесно"; Chinese 太 is left to the lexicon,
  where 太好了 is praise and 太小, 太慢 are listed as blame) and :func:`zh_excess`: 太/过于 before
  a word of size, feel, heat, light or degree (太软, 屏幕太暗, 过于复杂);
* :func:`seen_through`: "see-through", "you can see right through it";
* :func:`idiom`: "let me down", "fell flat", "leaves a lot to be desired";
* :func:`short_of_standard`: 没有想象中的好, 并不像宣传的那么神奇 (not as good as imagined, as advertised);
* :func:`shortfall`: "needs improvement", "could be better", "room for improvement" (what must improve).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from insight.text.complaint_cues import (CLAUSE_MARKS, EN_FLAT, EN_IMPROVE, EN_LET_DOWN, EN_NEG_RAISING, EN_NEGATORS,
                                         EN_SHORTFALL_BETWEEN, EN_THROUGH, EN_TOO_AMOUNTS, EN_UNREAL, RU_NEGATORS,
                                         RU_TOO_AMOUNTS, RU_UNREAL, ZH_EXCESSIVE, ZH_STANDARDS)
from insight.text.lemmas import GLUE

# a clause ends here: what is negated or unreal before it does not reach "too"
_PUNCT = CLAUSE_MARKS


def excess(lemmas: Sequence[str], i: int, lang: str) -> bool:
    """"too" (слишком, чересчур) at ``i`` says there is too much of something: before a word of size,
    amount or degree that is no praise ("too small", "too much", "слишком маленький"), not negated
    ("not too big", "I don't think it's too long", "не слишком") nor unreal ("would have been too big").
    "too" as "also" stands before a clause's end or a function word ("me too", "it too is")."""
    nxt = lemmas[i + 1] if i + 1 < len(lemmas) else ""
    amounts = EN_TOO_AMOUNTS if lang == "en" else RU_TOO_AMOUNTS  # stop words that still say how much
    if not nxt.isalpha() or (nxt in stop_words(lang) and nxt not in amounts):
        return False
    if nxt in praise(lang):
        return False  # "too good to be true", "слишком вкусно"
    negators, unreal = (EN_NEGATORS, EN_UNREAL) if lang == "en" else (RU_NEGATORS, RU_UNREAL)
    before = lemmas[max(0, i - 6):i]
    for k, w in enumerate(reversed(before), start=1):
        if w in _PUNCT:
            break
        if w in negators and (k <= 3 or before[-k + 1] in EN_NEG_RAISING):
            return False  # "not too big", "I don't think it's too long"
        if w in unreal:
            return False  # "the 4 would have been too big", "I was worried they'd be too long"
    return True


@functools.lru_cache(maxsize=None)
def praise(lang: str) -> frozenset[str]:
    """The praising words of the polarity lexicon as written (:mod:`insight.text.lexicons`; English with
    VADER's behind ours, as :func:`insight.text.nlp.lexicon` reads them)."""
    from insight.text.lexicons import NOT_OPINIONS, vader, words

    listed = words(lang)
    behind = {w: v for w, v in vader().items() if w not in NOT_OPINIONS} if lang == "en" else {}
    return frozenset(w for w, v in {**behind, **listed}.items() if v > 0)


@functools.lru_cache(maxsize=None)
def stop_words(lang: str) -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS as EN
    from spacy.lang.ru.stop_words import STOP_WORDS as RU

    return frozenset(EN if lang == "en" else RU)


def idiom(lemmas: Sequence[str], i: int) -> bool:
    """An idiom of disappointment at ``i``: "let me down" (not "never let me down"), "fell flat",
    "leaves a lot to be desired", "all over the place", "a black hole", "where do I start", "all talk", "What customer
    service?"."""
    lem = lemmas[i]
    if lem in EN_LET_DOWN:  # (nor "not once has it let me down")
        return "down" in lemmas[i + 1:i + 3] and not any(w in EN_NEGATORS for w in lemmas[max(0, i - 3):i]) and not (
            "once" in lemmas[max(0, i - 6):i] and not EN_NEGATORS.isdisjoint(lemmas[max(0, i - 7):i]))
    if lem in EN_FLAT:
        return tuple(lemmas[i + 1:i + 2]) == ("flat",)
    if lem == "hole":  # "feature requests go into a black hole"
        return i > 0 and lemmas[i - 1] == "black"
    if lem in ("start", "begin"):  # "where do I start", "where do I even begin", "where to start"
        return tuple(lemmas[max(0, i - 3):i]) == ("where", "do", "i") or tuple(lemmas[max(0, i - 4):i]) == (
            "where", "do", "i", "even") or tuple(lemmas[max(0, i - 2):i]) == ("where", "to")
    if lem == "talk":  # "all talk and no action"
        return i > 0 and lemmas[i - 1] == "all" and (i + 1 == len(lemmas) or lemmas[i + 1] in ("and", "no", "but", ","))
    if lem == "what":
        return _asked_absent(lemmas, i)
    if lem == "place":  # "billing is all over the place" (chaotic)
        return tuple(lemmas[max(0, i - 3):i]) == ("all", "over", "the")
    return lem == "desire" and tuple(lemmas[max(0, i - 2):i]) == ("to", "be")


def seen_through(lemmas: Sequence[str], i: int) -> bool:
    """"see" at ``i`` says what should hide does not: "see-through", "see thru", "see right through it"."""
    after = [w for w in lemmas[i + 1:i + 3] if w not in ("-", GLUE, "right")]
    return bool(after) and after[0] in EN_THROUGH


def short_of_standard(lemmas: Sequence[str], i: int) -> bool:
    """The Chinese negator at ``i`` compares with a standard and finds it short: 没有想象中的好, 并不像宣传的
    那么神奇, 没有期待的那么好看 - a standard word (ZH_STANDARDS) within the next three words and a word
    of praise after it in the clause (没有想象中的差, not as bad as feared, is no complaint)."""
    clause: list[str] = []
    for w in lemmas[i + 1:i + 10]:
        if w in _PUNCT:
            break
        clause.append(w)
    at = next((k for k, w in enumerate(clause[:3]) if w in ZH_STANDARDS), None)
    return at is not None and any(w in praise("zh") for w in clause[at + 1:])


def zh_excess(word: str) -> bool:
    """Whether 太, 过于 or 过分 before ``word`` says there is too much of it (ZH_EXCESSIVE)."""
    return word.rstrip("了") in ZH_EXCESSIVE


_EN_OCCASION = frozenset({"when", "whenever", "time", "once"})


# what "What customer service?" may ask without asking it away: not a trouble ("Problems? What problems?": praise), nor
# a real question ("What time do you open?", "What do I do now?")
_EN_ASKED = frozenset({"be", "do", "can", "will", "would", "should", "time", "about", "if", "else", "kind", "sort",
                       "type", "size", "colour", "color", "day", "happen", "issue", "problem", "fault", "complaint",
                       "outage", "error", "bug", "trouble", "now"})


def _asked_absent(lemmas: Sequence[str], i: int) -> bool:
    """Whether "what" at ``i`` opens a sentence of one to three words and a question mark that asks a thing away: "What
    customer service?", "What's the point?" (not "Problems? What problems?", "What time do you open?")."""
    if i and lemmas[i - 1] not in (".", "!", "?"):
        return False
    q = next((k for k in range(i + 2, min(i + 5, len(lemmas))) if lemmas[k] == "?"), None)
    if q is None:
        return False
    words = lemmas[i + 1:q]
    return "point" in words or _EN_ASKED.isdisjoint(words)


def shortfall(lemmas: Sequence[str], i: int) -> bool:
    """What must improve, said at ``i`` (need, must, should, could, have to, room): "needs improvement",
    "could be better", "could have been better", "need to work on", "room for improvement", "need a better
    system" - not "couldn't be better", "nothing could be better", "have improved", "they can fix anything"."""
    lem, after = lemmas[i], tuple(lemmas[i + 1:i + 2])
    if (lem == "room" and after != ("for",)) or (lem == "have" and after not in (("to",), ("a",))):
        return False
    if any(w in EN_NEGATORS or w in ("nothing", "no", "nobody") for w in lemmas[max(0, i - 2):i]) \
            or not {"anything", "nothing"}.isdisjoint(lemmas[max(0, i - 4):i]):
        return False  # (not "can't think of anything they could do better")
    if lem == "need" and not _EN_OCCASION.isdisjoint(lemmas[max(0, i - 3):i]):
        return False  # an occasion, not a shortfall: "when I needed to upgrade it was done in a day"
    for j in range(i + 1, min(i + 6, len(lemmas))):
        w = lemmas[j]
        if w in EN_IMPROVE or (w == "work" and tuple(lemmas[j + 1:j + 2]) == ("on",)):
            # can, could, would: "could be better", "could do better" - not "they can fix anything"
            return lem not in ("can", "could", "would") or not {"be", "do"}.isdisjoint(lemmas[i + 1:j])
        if w not in EN_SHORTFALL_BETWEEN:
            return False
    return False
