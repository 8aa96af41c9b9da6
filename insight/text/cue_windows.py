"""The windows of lemmas a complaint cue reads (:mod:`insight.text.complaints`,
:mod:`insight.text.complaints_ru`): the rest of a clause, the words near a cue, a number."""

from __future__ import annotations

from collections.abc import Sequence

from insight.text.complaint_cues import CLAUSE_MARKS

SCOPE = 3  # words after a negator that it reaches (as the lexicon's negation)


def clause_window(lemmas: Sequence[str], start: int, width: int) -> Sequence[str]:
    """Up to ``width`` words from ``start``, stopping at the end of the clause (CLAUSE_MARKS: a negator's
    reach, or a cue's, does not cross it)."""
    window = lemmas[start:start + width]
    for k, w in enumerate(window):
        if w in CLAUSE_MARKS:
            return window[:k]
    return window


def number(lem: str) -> bool:
    """Whether a lemma is written in digits ("40", "2-3")."""
    return lem[:1].isdigit()


def few_minutes(count: str, unit: int) -> bool:
    """"2 minutes", "1-2 минуты": too short to be a complaint (``unit`` 1: minutes)."""
    return unit == 1 and count.isdecimal() and int(count) <= 5  # (isdecimal: int() reads it, unlike "²")


def near(lemmas: Sequence[str], i: int, words: frozenset[str], width: int, after_only: bool = False) -> bool:
    """Whether one of ``words`` is within ``width`` words of position ``i`` (after it only, or on either side)."""
    before = () if after_only else lemmas[max(0, i - width):i]
    return any(w in words for w in before) or any(w in words for w in lemmas[i + 1:i + 1 + width])


def last_index(lemmas: Sequence[str], word: str, lo: int, hi: int) -> int:
    """The last position of ``word`` in ``lemmas[lo:hi]``, or -1."""
    for k in range(hi - 1, lo - 1, -1):
        if lemmas[k] == word:
            return k
    return -1
