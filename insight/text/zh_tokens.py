"""How a Chinese token is read: jieba glues negators, degree words and particles to a sentiment word
(不慢, 太贵, 有点咸, 好吃的) and a topic before its comment (价格便宜); the token is read as the word
inside, with a factor (:func:`readings`), and so gets its value (:func:`value`) or is a middling
verdict (:func:`is_verdict`)."""

from __future__ import annotations

import functools
from collections.abc import Mapping

from insight.text.lexicons import INTENSIFIERS, NEGATORS, VERDICTS
from insight.text.nlp import lexicon

NEGATORS_LONGEST_FIRST = sorted(NEGATORS["zh"], key=len, reverse=True)


# What jieba glues to a Chinese sentiment word: degree words before it (有点咸, 比较贵, 挺大) and
# particles after it (好吃的, 贵了, 香啊); the word keeps its value, a degree word may amplify it.
SOFTENERS = frozenset({"有点", "有些", "有一点", "稍", "稍微", "略", "略微", "偏", "比较", "较", "还", "还是",
                       "也", "都", "就", "又", "更", "还算", "算是", "感觉", "觉得", "真心", "实在", "越来越", "越发"})
PREFIXES = sorted([(m, 1.5) for m in INTENSIFIERS["zh"]] + [(m, 1.0) for m in SOFTENERS],
                  key=lambda pair: len(pair[0]), reverse=True)
PARTICLES = ("得很", "极了", "死了", "了", "的", "得", "啊", "呀", "哦", "吧", "啦", "呢", "哈", "滴")  # 慢得 (要死)
LONGEST = 12


def _by_char(items, char_of) -> dict[str, tuple]:
    """``items`` grouped by the character ``char_of`` gives, each group in the order of ``items``
    (a token is tried only against the words that could start or end it)."""
    out: dict[str, list] = {}
    for item in items:
        out.setdefault(char_of(item), []).append(item)
    return {char: tuple(group) for char, group in out.items()}


_NEGATORS_BY_FIRST = _by_char(NEGATORS_LONGEST_FIRST, lambda w: w[0])
_PREFIXES_BY_FIRST = _by_char(PREFIXES, lambda pair: pair[0][0])
_PARTICLES_BY_LAST = _by_char(PARTICLES, lambda w: w[-1])


@functools.lru_cache(maxsize=200_000)
def readings(token: str, topic: bool = True) -> tuple[tuple[float, str], ...]:
    """Ways to read a Chinese token as (factor, core word), most literal first: the token itself,
    then without a glued negator (不慢: -0.8 x 慢), degree word (太贵: 1.5 x 贵, 有点咸: 咸) or
    trailing particle (好吃的: 好吃), then - with ``topic`` - its comment without the topic glued
    before it (价格便宜: 便宜; two characters at least, so 只好 is not read as 好)."""
    out = [(1.0, token)]
    if 2 <= len(token) <= LONGEST:  # longer tokens are not glued words (and would recurse deep)
        for neg in _NEGATORS_BY_FIRST.get(token[0], ()):
            if token.startswith(neg) and len(token) > len(neg):
                out += [(-0.8 * f, core) for f, core in readings(token[len(neg):], topic)]
        for prefix, factor in _PREFIXES_BY_FIRST.get(token[0], ()):
            if token.startswith(prefix) and len(token) > len(prefix):
                out += [(factor * f, core) for f, core in readings(token[len(prefix):], topic)]
        for particle in _PARTICLES_BY_LAST.get(token[-1], ()):
            if token.endswith(particle) and len(token) > len(particle):
                out += readings(token[:-len(particle)], topic)
        if topic and len(token) > 2:  # a topic glued before its comment: 价格便宜 -> 便宜 (and shorter tails)
            out += readings(token[1:])
    return tuple(dict.fromkeys(out))


def value(token: str, overrides: Mapping[str, float] | None = None) -> float | None:
    """Value of a Chinese token by its first reading whose core word has one (theme words first)."""
    lex = lexicon("zh")
    for factor, core in readings(token):
        found = overrides.get(core) if overrides else None
        if found is None:
            found = lex.get(core)
        if found is not None:
            return factor * found
    return None


def glued_cores(token: str) -> list[str]:
    """The words a Chinese token is read as once a glued negator, degree word or particle is taken
    off (不脆 -> 脆, 太小 -> 小, 好吃的 -> 好吃), the token itself first: the polarity readings
    without the topic glued before a comment (价格便宜 stays whole)."""
    return [core for _, core in readings(token, topic=False)]


@functools.lru_cache(maxsize=100_000)
def is_verdict(token: str) -> bool:
    """Whether a Chinese token calls something middling (一般, 还行; 挺一般). A token the lexicon
    lists itself is read as that word instead: 很一般 (quite ordinary) is a complaint."""
    if token in lexicon("zh"):
        return False
    return any(core in VERDICTS["zh"] for factor, core in readings(token) if factor > 0)
