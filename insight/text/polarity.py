"""Polarity of a span of lemmas from per-language lexicons, with negation and intensifiers.

"not good", "не очень", "不太好" flip or soften; "一点也不慢" (not slow at all) turns a complaint
word into praise. The score's sign is the polarity: +1 praise, -1 blame, 0 neither.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from pathlib import Path

from insight.text.complaints import WEIGHT, complaint

NEGATORS: dict[str, frozenset[str]] = {
    "en": frozenset({"not", "no", "never", "n't", "nothing", "nobody", "none", "hardly", "barely", "without",
                     "nor", "neither", "cannot", "lack", "lacking", "nowhere"}),
    "ru": frozenset({"не", "нет", "ни", "никогда", "без", "ничуть", "нисколько", "отнюдь"}),
    "zh": frozenset({"不", "没", "没有", "别", "未", "无", "并不", "从不", "不是", "不太", "不怎么", "一点也不",
                     "一点都不", "毫不", "不会", "并没有", "从没", "不算", "不大",
                     # colloquial and Cantonese: 不咋/没咋 (= 不怎么), 唔 (= 不), 冇 (= 没有)
                     "不咋", "没咋", "唔", "冇"}),
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
# Words that judge something as middling ("一般", "还可以"): a clause holding one has
# been evaluated (as neutral), so its theme's polarity is not borrowed from the rest of the sentence.
# Measured: for English ("ok", "average") and Russian ("нормально", "средний") such a list lowered
# SemEval-2014 and SentiRuEval polarity accuracy by 0.2-0.3 points, so only Chinese has one.
VERDICTS: dict[str, frozenset[str]] = {
    "en": frozenset(),
    "ru": frozenset(),
    "zh": frozenset({"一般", "一般般", "还行", "还可以", "凑合", "凑合着", "适中", "中规中矩", "马马虎虎",
                     "普通", "平平", "尚可", "过得去", "正常", "中等", "还好", "普普通通", "平常"}),
}
# Chinese words whose reading depends on their neighbour: 近 is praise ("离地铁近", close by) but
# not before a number ("消费近1800", nearly 1800); 可以/行 after 还 is a middling verdict ("味道还可以",
# the segmenter often splits 还可以 in two); 不够 is blame alone ("分量不够") but a negator before a
# sentiment word ("不够脆", not crisp enough: one complaint, not 不够 -1 and 脆 +1).
_ZH_NOT_BEFORE_NUMBER = frozenset({"近"})
_ZH_VERDICT_AFTER_HAI = frozenset({"可以", "行"})
_ZH_NEGATOR_BEFORE_WORD = frozenset({"不够"})
_ZH_CONTEXTUAL = _ZH_NOT_BEFORE_NUMBER | _ZH_VERDICT_AFTER_HAI | _ZH_NEGATOR_BEFORE_WORD
_ZH_NUMERALS = frozenset("0123456789一二两三四五六七八九十百千万半几")
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
    if lang == "ru":
        out = _ru_derived(out)
    out = lemmatise_lexicon(out, lang)
    if lang == "en":
        for word, value in _vader().items():
            out.setdefault(word, value)
    return out


def _ru_derived(words: dict[str, float]) -> dict[str, float]:
    """Add the forms Russian builds regularly from a listed word, where they are not listed
    themselves: the adverb of an adjective (вежливый -> вежливо, мягкий -> мягко: pymorphy3 keeps
    adverbs as their own normal form) and не- before a praising adjective or adverb, which blames
    (неприятный, некачественно; written as one word, so no negator precedes it)."""
    out = dict(words)
    for word, value in words.items():
        if word.endswith(("ый", "ой", "кий", "гий", "хий")):
            out.setdefault(word[:-2] + "о", value)
    for word, value in list(out.items()):
        if value > 0 and word.endswith(("ый", "ий", "ой", "о")) and not word.startswith("не"):
            out.setdefault("не" + word, -min(value, 1.0))
    return out


def _vader() -> dict[str, float]:
    """VADER's English lexicon (Hutto & Gilbert, ICWSM 2014; MIT licence) behind our own.

    Only its word list is used, read from the installed vaderSentiment package (nothing is
    downloaded): single words with |valence| >= 1 on its -4..4 scale, scaled to our -2..2.
    Measured on SemEval-2014 restaurants: polarity accuracy 0.735 -> 0.767 as a fallback lexicon.

    Entries that name things or shape speech rather than judge (NOT_OPINIONS: "friend", "party",
    "sure", "honestly") are left out: VADER was written for social media, where they lean positive;
    in feedback they are topics and fillers. (Measured: SemEval-2014 rule polarity 0.765 -> 0.766,
    the polarity model's CV 0.784 -> 0.788; kept because the entries were wrong, not for the
    noise-sized gain. Matching VADER's words only as listed, not through their lemmas, was tried
    too: it drops "drunk" -> "drink" but also "cramped" -> "cramp", and it turned the Skytrax driver
    ranking, below.)
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
    return {word: value for word, value in lemmatise_lexicon(words, "en").items() if word not in NOT_OPINIONS}


# VADER entries that are not opinions in customer feedback: people, occasions and things ("friend",
# "party", "gift", "specials" on a menu), words that shape speech ("sure", "honestly", "pretty
# good": the judgement is the next word), "drunk", whose lemma "drink" is a topic, "fit" (a socket
# is fitted, clothes fit: "incorrect fitting" is blame, "fits perfectly" is praise by its other word),
# and slang that is a topic in reviews: "tops" (shirts), "nuts", "screws", "charges" (a bill's).
NOT_OPINIONS = frozenset({  # words and lemmas: "parties", "partying" and "partied" are "party"
    "friend", "party", "holiday", "gift", "champagne", "god", "lol", "haha", "special", "hand", "share", "join",
    "chance", "yes", "yeah", "sure", "surely", "certainly", "definitely", "clearly", "honestly", "please",
    "pretty", "well", "true", "save", "l", "drunk", "drink", "fit", "tops", "top", "nuts", "nut", "screws", "screw",
    "charges", "charge",
})


def lemmatise_lexicon(words: Mapping[str, float], lang: str) -> dict[str, float]:
    """Key a word list by the lemmas our pipeline gives ("amazing" -> "amaze"), keeping the words too."""
    if lang == "zh":
        return dict(words)
    from insight.text.nlp import LEMMA_OF, pipeline

    # the pipeline's tokenizer and lemma rule, without running the whole pipeline per word (10x faster)
    make_doc, lemma_of = pipeline(lang).make_doc, LEMMA_OF[lang]
    out = dict(words)
    for word in words:
        doc = make_doc(word)
        if len(doc) == 1:
            out.setdefault(lemma_of(doc[0].lower_), words[word])
    return out


# What jieba glues to a Chinese sentiment word: degree words before it (有点咸, 比较贵, 挺大) and
# particles after it (好吃的, 贵了, 香啊); the word keeps its value, a degree word may amplify it.
_ZH_SOFTENERS = frozenset({"有点", "有些", "有一点", "稍", "稍微", "略", "略微", "偏", "比较", "较", "还", "还是",
                           "也", "都", "就", "又", "更", "还算", "算是", "感觉", "觉得", "真心", "实在"})
_ZH_PREFIXES = sorted([(m, 1.5) for m in INTENSIFIERS["zh"]] + [(m, 1.0) for m in _ZH_SOFTENERS],
                      key=lambda pair: len(pair[0]), reverse=True)
_ZH_PARTICLES = ("得很", "极了", "死了", "了", "的", "啊", "呀", "哦", "吧", "啦", "呢", "哈", "滴")
_ZH_LONGEST = 12


@functools.lru_cache(maxsize=200_000)
def _zh_readings(token: str, topic: bool = True) -> tuple[tuple[float, str], ...]:
    """Ways to read a Chinese token as (factor, core word), most literal first: the token itself,
    then without a glued negator (不慢: -0.8 x 慢), degree word (太贵: 1.5 x 贵, 有点咸: 咸) or
    trailing particle (好吃的: 好吃), then - with ``topic`` - its comment without the topic glued
    before it (价格便宜: 便宜; two characters at least, so 只好 is not read as 好)."""
    out = [(1.0, token)]
    if 2 <= len(token) <= _ZH_LONGEST:  # longer tokens are not glued words (and would recurse deep)
        for neg in _ZH_NEGATORS_LONGEST_FIRST:
            if token.startswith(neg) and len(token) > len(neg):
                out += [(-0.8 * f, core) for f, core in _zh_readings(token[len(neg):], topic)]
        for prefix, factor in _ZH_PREFIXES:
            if token.startswith(prefix) and len(token) > len(prefix):
                out += [(factor * f, core) for f, core in _zh_readings(token[len(prefix):], topic)]
        for particle in _ZH_PARTICLES:
            if token.endswith(particle) and len(token) > len(particle):
                out += _zh_readings(token[:-len(particle)], topic)
        if topic and len(token) > 2:  # a topic glued before its comment: 价格便宜 -> 便宜 (and shorter tails)
            out += _zh_readings(token[1:])
    return tuple(dict.fromkeys(out))


def _zh_value(token: str, overrides: Mapping[str, float] | None = None) -> float | None:
    """Value of a Chinese token by its first reading whose core word has one (theme words first)."""
    lex = lexicon("zh")
    for factor, core in _zh_readings(token):
        value = overrides.get(core) if overrides else None
        if value is None:
            value = lex.get(core)
        if value is not None:
            return factor * value
    return None


def zh_glued_cores(token: str) -> list[str]:
    """The words a Chinese token is read as once a glued negator, degree word or particle is taken
    off (不脆 -> 脆, 太小 -> 小, 好吃的 -> 好吃), the token itself first: the polarity readings
    without the topic glued before a comment (价格便宜 stays whole)."""
    return [core for _, core in _zh_readings(token, topic=False)]


@functools.lru_cache(maxsize=100_000)
def _zh_verdict(token: str) -> bool:
    return any(core in VERDICTS["zh"] for factor, core in _zh_readings(token) if factor > 0)


def score(lemmas: Sequence[str], lang: str, overrides: Mapping[str, float] | None = None) -> float:
    """Summed polarity of ``lemmas`` (a clause or sentence) in language ``lang``.

    A negator flips (and softens: "not great" is mild blame) every sentiment word after it up
    to the end of its clause ("won't go there again for a good meal"); a word right after an
    intensifier counts 1.5 times. ``overrides`` are a theme's own polarity words, consulted
    before the lexicon.
    """
    return judge(lemmas, lang, overrides)[0]


# after "couldn't be": comparatives (the lemmas of "happier", "easier" are "happy", "easy"), so that
# "couldn't be happier" is praise while "can't be beaten" stays a negated word
_EN_COMPARED = frozenset({"more", "better", "worse", "less", "happy", "easy", "pleased", "simple", "quick", "fast",
                          "nice", "smooth", "friendly", "kind", "good", "bad"})

# Words that undo a problem named after them: "they fixed the problem", "解决了问题", "устранили неполадку"
# is praise (the problem word turns mildly positive; "couldn't fix the problem" is then negated again).
RESOLVERS: dict[str, frozenset[str]] = {
    "en": frozenset({"fix", "solve", "resolve", "sort", "rectify", "remedy", "address", "repair"}),
    "zh": frozenset({"解决", "解决了", "处理好", "处理好了", "修好", "修好了", "搞定", "搞定了", "解決"}),
    "ru": frozenset({"решить", "устранить", "исправить", "починить", "разрешить"}),
}
_RESOLVED_SCOPE = 3  # words after a resolver that it reaches (measured: 5 cost SemEval a point)

# Chinese nouns of which "high" is praise: 性价比高 (good value), 质量高, 评价很高 - while the price
# theme reads 高 alone as blame (价格高).
_ZH_HIGH_IS_GOOD = frozenset({"性价比", "性价", "质量", "品质", "评价", "效率", "满意度", "颜值", "分辨率", "像素",
                              "配置", "精度", "回头率", "cp值", "档次", "好评率"})

_BREAK, _NEGATOR, _VERDICT, _WORD, _CONTEXTUAL, _NUMBER, _RESOLVER, _HIGH_NOUN = range(8)
_MAX_CLASSES = 500_000  # distinct tokens remembered per language and process


@functools.lru_cache(maxsize=None)
def _classes(lang: str) -> dict[str, tuple[int, float | None, frozenset[str] | None]]:
    """Per language, filled as tokens are met: token -> (kind, lexicon value, and for Chinese the
    core words of its readings, which a theme's own polarity words may override)."""
    return {}


def _class_of(lem: str, lang: str, classes: dict[str, tuple[int, float | None, frozenset[str] | None]]
              ) -> tuple[int, float | None, frozenset[str] | None]:
    """:func:`_classify` of ``lem``, kept in the process's ``classes`` (up to _MAX_CLASSES tokens)."""
    found = classes.get(lem)
    if found is None:
        found = _classify(lem, lang)
        if len(classes) < _MAX_CLASSES:
            classes[lem] = found
    return found


def _classify(lem: str, lang: str) -> tuple[int, float | None, frozenset[str] | None]:
    if lem in CLAUSE_BREAKS[lang]:
        return _BREAK, None, None
    if lem in NEGATORS[lang]:
        return _NEGATOR, None, None
    if lem in VERDICTS[lang] or (lang == "zh" and _zh_verdict(lem)):
        return _VERDICT, None, None
    if lang == "zh" and lem in _ZH_CONTEXTUAL:
        return _CONTEXTUAL, _zh_value(lem), frozenset({lem})
    # words (with their own value) that mark what follows: a resolver, a noun of which "high" is praise
    kind = _RESOLVER if lem in RESOLVERS[lang] else _HIGH_NOUN if lang == "zh" and lem in _ZH_HIGH_IS_GOOD else _WORD
    if lang == "zh":
        return kind, _zh_value(lem), frozenset(core for _, core in _zh_readings(lem))
    return kind, lexicon(lang).get(lem), None


def judge(lemmas: Sequence[str], lang: str, overrides: Mapping[str, float] | None = None) -> tuple[float, bool]:
    """:func:`score` of ``lemmas`` and whether they judge at all: a sentiment word, a middling
    verdict ("一般", "还可以") or a complaint without either (:mod:`insight.text.complaints`: "no one
    called back", "on hold for 40 minutes") was found. "不是一般的好" (not the ordinary good) is
    strong praise, and so are "can't recommend them enough" and "couldn't be happier".

    Each distinct token is classified once per process (break, negator, verdict or word with its
    lexicon value); a theme's own words are consulted only for the tokens they could change.
    """
    if lang not in NEGATORS:
        return 0.0, False
    classes = _classes(lang)
    amp = INTENSIFIERS[lang]
    total, judged = 0.0, False
    negated_at = -_NEG_SCOPE - 1
    boosted_at = -_WINDOW - 1
    resolvers = RESOLVERS[lang]
    resolved_at = high_good_at = -_NEG_SCOPE - 1
    for i, lem in enumerate(lemmas):
        kind, value, cores = _class_of(lem, lang, classes)
        if kind >= _RESOLVER:
            if kind == _RESOLVER:
                resolved_at = i
            else:
                high_good_at = i
            kind = _WORD
        if kind == _CONTEXTUAL:
            kind = _zh_in_context(lem, lemmas, i, classes)
            if kind == _NUMBER:  # 近 before a number means "nearly"
                continue
        if kind == _BREAK:
            negated_at = -_NEG_SCOPE - 1
            continue
        if kind == _NEGATOR:
            if lang == "en" and i and lemmas[i - 1] in ("can", "ca", "could") and i + 2 < len(lemmas) \
                    and lemmas[i + 1] == "be" and lemmas[i + 2] in _EN_COMPARED:
                boosted_at = i + 1  # "couldn't be happier", "can't be more helpful": praise, not its negation
                continue
            negated_at = i
            continue
        if kind == _VERDICT:
            judged = True
            if i - negated_at == 1:  # "not ordinary": the negation strengthens what follows
                negated_at, boosted_at = -_NEG_SCOPE - 1, i
            continue
        if overrides:
            if cores is None:
                value = overrides.get(lem, value)
            elif not cores.isdisjoint(overrides):
                value = _zh_value(lem, overrides)
        if high_good_at >= 0 and 0 < i - high_good_at <= _NEG_SCOPE and cores is not None \
                and not {"高", "低"}.isdisjoint(cores):
            value = 1.0 if "高" in cores else -1.0  # 性价比高: good value
        if not value:
            continue
        judged = True
        if value < 0 and ((resolved_at >= 0 and 0 < i - resolved_at <= _RESOLVED_SCOPE)
                          or not resolvers.isdisjoint(lemmas[i + 1:i + 3])):
            value = -0.5 * value  # "fixed the problem", "解决了一家人的洗头问题", "problem solved"
        if i - boosted_at <= _WINDOW or any(w in amp for w in lemmas[max(0, i - _WINDOW):i]):
            value *= 1.5
        if i - negated_at <= _NEG_SCOPE and not _enough_praise(lemmas, lang, value, negated_at, i):
            value = -0.8 * value
        total += value
    found = complaint(lemmas, lang)
    return total + WEIGHT * found, judged or bool(found)


def _enough_praise(lemmas: Sequence[str], lang: str, value: float, negated_at: int, i: int) -> bool:
    """"Can't recommend them enough", "couldn't thank them enough": praise that is not negated
    (while "not good enough" is)."""
    return (lang == "en" and value > 0 and negated_at > 0 and lemmas[negated_at - 1] in ("can", "ca", "could")
            and "enough" in lemmas[i + 1:i + 4])


def _zh_in_context(lem: str, lemmas: Sequence[str], i: int,
                   classes: dict[str, tuple[int, float | None, frozenset[str] | None]]) -> int:
    """The kind of a Chinese word whose reading depends on its neighbours (see _ZH_CONTEXTUAL)."""
    if lem in _ZH_NOT_BEFORE_NUMBER:
        after = lemmas[i + 1] if i + 1 < len(lemmas) else ""
        return _NUMBER if after[:1] in _ZH_NUMERALS else _WORD
    if lem in _ZH_VERDICT_AFTER_HAI:
        return _VERDICT if i and lemmas[i - 1] in ("还", "也还", "还算", "都还") else _WORD
    after = lemmas[i + 1] if i + 1 < len(lemmas) else ""
    known = _class_of(after, "zh", classes)
    return _NEGATOR if known[0] == _WORD and known[1] else _WORD


def sign(value: float) -> int:
    """-1, 0 or +1."""
    return (value > 0) - (value < 0)
