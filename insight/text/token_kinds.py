"""What each token is to the polarity rules, found once per process and language: its kind (a clause break, a
negator, a verdict, a word, a word read by where it stands, a resolver, a noun of which "high" is praise, a Chinese word
of hope or doubt), its lexicon value, the core words of a Chinese token's readings, whether it can change a verdict,
and whether it is a complaint cue's word. :class:`insight.text.polarity.Reading` reads a comment's tokens through
:func:`tokens`."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence

from insight.text.complaints import is_cue
from insight.text.complaints_zh import zh_kind
from insight.text.contextual import CONTEXTUAL as _CONTEXTUALS, VALUED as _VALUED
from insight.text.contextual import ZH_CONTEXTUAL as _ZH_CONTEXTUAL, ZH_VALUED as _ZH_VALUED
from insight.text.contextual import reading_here
from insight.text.lexicons import CLAUSE_BREAKS, NEGATORS, VERDICTS
from insight.text.nlp import lexicon
from insight.text.polarity_zh import HIGH_LOW as _HIGH_LOW, ZH_UNSURE as _ZH_UNSURE
from insight.text.remedies import RESOLVERS
from insight.text.zh_tokens import is_verdict as _zh_verdict, readings as _zh_readings, value as _zh_value

# Chinese nouns of which "high" is praise: 性价比高 (good value), 质量高, 评价很高 - while the price
# theme reads 高 alone as blame (价格高).
ZH_HIGH_IS_GOOD = frozenset({"性价比", "性价", "质量", "品质", "评价", "效率", "满意度", "颜值", "分辨率", "像素",
                             "配置", "精度", "回头率", "cp值", "档次", "好评率"})

NO_CUE = ("", 0)  # the complaint cue kind of a Chinese token that is no cue's word (zh_kind)

BREAK, NEGATOR, VERDICT, WORD, CONTEXTUAL, NUMBER, RESOLVER, HIGH_NOUN, UNSURE = range(9)
_HERE = {"none": NUMBER, "verdict": VERDICT, "negator": NEGATOR, "word": WORD}  # (contextual.reading_here)
MAX_CLASSES = 500_000  # distinct tokens remembered per language and process
# a token's class, lexicon value, Chinese cores, whether it can change a verdict, its complaint cue (tokens)
Token = tuple[int, float | None, frozenset[str] | None, bool, "bool | tuple[str, int] | None"]


@functools.lru_cache(maxsize=None)
def classes(lang: str) -> dict[str, tuple[int, float | None, frozenset[str] | None]]:
    """Per language, filled as tokens are met: token -> (kind, lexicon value, and for Chinese the
    core words of its readings, which a theme's own polarity words may override)."""
    return {}


def class_of(lem: str, lang: str, table: dict[str, tuple[int, float | None, frozenset[str] | None]]
             ) -> tuple[int, float | None, frozenset[str] | None]:
    """:func:`classify` of ``lem``, kept in the process's ``table`` (:func:`classes`; up to MAX_CLASSES tokens)."""
    found = table.get(lem)
    if found is None:
        found = classify(lem, lang)
        if len(table) < MAX_CLASSES:
            table[lem] = found
    return found


@functools.lru_cache(maxsize=None)
def tokens(lang: str) -> dict[str, Token]:
    """Per language, filled as tokens are met: token -> its class (:func:`class_of`), whether it can
    change a verdict (a break, a negator, a verdict, a word with a value, a word read 高 or 低) and
    whether it is a complaint cue's word (:func:`insight.text.complaints.is_cue`; Chinese: its cue
    kind, :func:`insight.text.complaints_zh.zh_kind`, or None)."""
    return {}


def token_of(lem: str, lang: str, table: dict[str, Token]) -> Token:
    kind, value, cores = classify(lem, lang)  # (kept here, not also in classes: one table per process)
    active = kind != WORD or bool(value) or (cores is not None and not _HIGH_LOW.isdisjoint(cores))
    cue = zh_kind(lem) if lang == "zh" else is_cue(lem, lang)  # (a Chinese one: its kind, kept for Reading)
    found = (kind, value, cores, active, cue if cue and cue != NO_CUE else None)
    if len(table) < MAX_CLASSES:
        table[lem] = found
    return found


def classify(lem: str, lang: str) -> tuple[int, float | None, frozenset[str] | None]:
    if lem in CLAUSE_BREAKS[lang]:
        return BREAK, None, None
    if lem in NEGATORS[lang]:
        return NEGATOR, None, None
    if lem in VERDICTS[lang] or (lang == "zh" and _zh_verdict(lem)):
        return VERDICT, None, None
    if lang == "zh" and lem in _ZH_CONTEXTUAL:
        return CONTEXTUAL, _zh_value(lem) or _ZH_VALUED.get(lem), frozenset({lem})
    if lang in _CONTEXTUALS and lem in _CONTEXTUALS[lang]:
        return CONTEXTUAL, lexicon(lang).get(lem, _VALUED[lang].get(lem)), None
    if lang == "zh" and (lem in _ZH_UNSURE or (len(lem) >= 3 and lem[1] in "不没" and lem[2:].startswith(lem[0]))):
        return (UNSURE, None, None) if lem in _ZH_UNSURE else (WORD, None, frozenset())  # 好不好, 有没有: asked
    # words (with their own value) that mark what follows: a resolver, a noun of which "high" is praise
    kind = RESOLVER if lem in RESOLVERS[lang] else HIGH_NOUN if lang == "zh" and lem in ZH_HIGH_IS_GOOD else WORD
    if lang == "zh":
        return kind, _zh_value(lem), frozenset(core for _, core in _zh_readings(lem))
    return kind, lexicon(lang).get(lem), None


def in_context(lem: str, lemmas: Sequence[str], i: int, lang: str, lo: int = 0, hi: int | None = None) -> int:
    """The kind of a word whose reading depends on its neighbours in the span ``lo..hi`` of ``lemmas`` (the whole by
    default): :func:`insight.text.contextual.reading_here`."""
    return _HERE[reading_here(lem, lemmas, i, valued(lang), lo, hi)]


@functools.lru_cache(maxsize=None)
def valued(lang: str) -> Callable[[str], bool]:
    """Per language: whether a word is one of the lexicon with a value, not a negator or a verdict (made once: a
    contextual word as common as 就 is read in every span)."""
    table = classes(lang)

    def is_valued(word: str) -> bool:
        known = class_of(word, lang, table)
        return known[0] == WORD and bool(known[1])

    return is_valued
