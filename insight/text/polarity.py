"""Polarity of a span of lemmas from per-language lexicons, with negation and intensifiers.

"not good", "не очень", "不太好" flip or soften; "一点也不慢" (not slow at all) turns a complaint
word into praise. The score's sign is the polarity: +1 praise, -1 blame, 0 neither.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from pathlib import Path

NEGATORS: dict[str, frozenset[str]] = {
    "en": frozenset({"not", "no", "never", "n't", "nothing", "nobody", "none", "hardly", "barely", "without",
                     "nor", "neither", "cannot", "lack", "lacking"}),
    "ru": frozenset({"не", "нет", "ни", "никогда", "без", "ничуть", "нисколько", "отнюдь"}),
    "zh": frozenset({"不", "没", "没有", "别", "未", "无", "并不", "从不", "不是", "不太", "不怎么", "一点也不",
                     "一点都不", "毫不", "不会", "并没有", "从没", "不算", "不大"}),
}
INTENSIFIERS: dict[str, frozenset[str]] = {
    "en": frozenset({"very", "really", "so", "extremely", "super", "too", "quite", "incredibly", "absolutely",
                     "truly", "totally", "highly", "most", "especially", "terribly", "awfully"}),
    "ru": frozenset({"очень", "слишком", "совсем", "крайне", "весьма", "реально", "абсолютно", "самый",
                     "безумно", "невероятно", "жутко", "ужасно"}),
    "zh": frozenset({"很", "非常", "太", "特别", "超", "十分", "挺", "真", "超级", "极", "极其", "相当", "最",
                     "好", "巨", "贼", "蛮"}),
}
# Words that end a clause: the polarity of a theme is read in its own clause first.
CLAUSE_BREAKS: dict[str, frozenset[str]] = {
    "en": frozenset({",", ";", ":", "but", "however", "although", "though", "whereas", "while", "yet", "except",
                     "-", "–", "—", "(", ")"}),
    "ru": frozenset({",", ";", ":", "но", "а", "однако", "зато", "хотя", "правда", "-", "–", "—", "(", ")"}),
    "zh": frozenset({"，", ",", "；", ";", "：", ":", "、", "但", "但是", "可是", "不过", "然而", "就是", "只是",
                     "(", ")", "（", "）"}),
}
_WINDOW = 3
_ZH_NEGATORS_LONGEST_FIRST = sorted(NEGATORS["zh"], key=len, reverse=True)
_NEG_SCOPE = 3  # words after a negator that it flips (measured: 3 beats the whole clause)


@functools.lru_cache(maxsize=None)
def lexicon(lang: str) -> dict[str, float]:
    """The polarity lexicon of ``lang`` (``word -> value``) shipped in ``insight/text/lexicons``."""
    text = (Path(__file__).resolve().parent / "lexicons" / f"{lang}.txt").read_text(encoding="utf-8")
    out: dict[str, float] = {}
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        word, value = line.split("\t")
        out[word] = float(value)
    out = lemmatise_lexicon(out, lang)
    if lang == "en":
        for word, value in _vader().items():
            out.setdefault(word, value)
    return out


def _vader() -> dict[str, float]:
    """VADER's English lexicon (Hutto & Gilbert, ICWSM 2014; MIT licence) behind our own.

    Only its word list is used, read from the installed vaderSentiment package (nothing is
    downloaded): single words with |valence| >= 1 on its -4..4 scale, scaled to our -2..2.
    Measured on SemEval-2014 restaurants: polarity accuracy 0.735 -> 0.767 as a fallback lexicon.
    """
    import importlib.util

    spec = importlib.util.find_spec("vaderSentiment")
    if spec is None or not spec.submodule_search_locations:
        return {}
    path = Path(list(spec.submodule_search_locations)[0]) / "vader_lexicon.txt"
    words: dict[str, float] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2 or not parts[0].isalpha():
            continue
        value = float(parts[1])
        if abs(value) >= 1.0:
            words[parts[0]] = max(-2.0, min(2.0, value / 1.5))
    return lemmatise_lexicon(words, "en")


def lemmatise_lexicon(words: Mapping[str, float], lang: str) -> dict[str, float]:
    """Key a word list by the lemmas our pipeline gives ("amazing" -> "amaze"), keeping the words too."""
    if lang == "zh":
        return dict(words)
    from insight.text.nlp import pipeline

    out = dict(words)
    for word, doc in zip(words, pipeline(lang).pipe(list(words))):
        if len(doc) == 1:
            out.setdefault(doc[0].lemma_, words[word])
    return out


@functools.lru_cache(maxsize=100_000)
def _zh_value(token: str) -> float | None:
    """Value of a Chinese word, also when jieba glued a negator or intensifier to it (不慢, 太贵)."""
    lex = lexicon("zh")
    if token in lex:
        return lex[token]
    for neg in _ZH_NEGATORS_LONGEST_FIRST:
        rest = token[len(neg):]
        if token.startswith(neg) and rest in lex and lex[rest]:
            return -0.8 * lex[rest]
    for amp in INTENSIFIERS["zh"]:
        rest = token[len(amp):]
        if token.startswith(amp) and rest in lex:
            return 1.5 * lex[rest]
    return None


def score(lemmas: Sequence[str], lang: str, overrides: Mapping[str, float] | None = None) -> float:
    """Summed polarity of ``lemmas`` (a clause or sentence) in language ``lang``.

    A negator flips (and softens: "not great" is mild blame) every sentiment word after it up
    to the end of its clause ("won't go there again for a good meal"); a word right after an
    intensifier counts 1.5 times. ``overrides`` are a theme's own polarity words, consulted
    before the lexicon.
    """
    if lang not in NEGATORS:
        return 0.0
    lex = lexicon(lang)
    neg, amp, breaks = NEGATORS[lang], INTENSIFIERS[lang], CLAUSE_BREAKS[lang]
    total = 0.0
    negated_at = -_NEG_SCOPE - 1
    for i, lem in enumerate(lemmas):
        if lem in breaks:
            negated_at = -_NEG_SCOPE - 1
            continue
        if lem in neg:
            negated_at = i
            continue
        value = overrides.get(lem) if overrides else None
        if value is None:
            value = _zh_value(lem) if lang == "zh" else lex.get(lem)
        if not value:
            continue
        if any(w in amp for w in lemmas[max(0, i - _WINDOW):i]):
            value *= 1.5
        if i - negated_at <= _NEG_SCOPE:
            value = -0.8 * value
        total += value
    return total


def sign(value: float) -> int:
    """-1, 0 or +1."""
    return (value > 0) - (value < 0)
