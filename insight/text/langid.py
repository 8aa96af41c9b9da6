"""Language of a comment: Unicode-script counts first, lingua as the fallback.

Returns ``en``, ``zh``, ``ru`` or ``und`` (emoji-only, digits-only, other languages: kept and
counted, never dropped). Mixed comments go by the majority script.
"""

from __future__ import annotations

import functools
import re

SUPPORTED = ("en", "zh", "ru")


_LATIN = "A-Za-z\u00aa\u00b5\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"  # the letters below U+0250
_SCRIPTS = {
    "han": re.compile("[\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff\U00020000-\U0002fa1f]"),
    "kana": re.compile("[\u3040-\u30ff]"),
    "hangul": re.compile("[\uac00-\ud7af]"),
    "cyrillic": re.compile("[\u0400-\u04ff]"),
    "latin": re.compile(f"[{_LATIN}]"),
}
_NOT_LATIN_WORD = re.compile(f"[^{_LATIN}' ]")


def script_counts(text: str) -> dict[str, int]:
    """Letters per script: han, kana, hangul, cyrillic, latin, other (counted by C-speed regexes)."""
    if text.isascii():  # every letter is Latin: one count instead of six passes
        return {"han": 0, "kana": 0, "hangul": 0, "cyrillic": 0, "latin": sum(map(str.isalpha, text)), "other": 0}
    counts = {name: len(pattern.findall(text)) for name, pattern in _SCRIPTS.items()}
    counts["other"] = sum(map(str.isalpha, text)) - sum(counts.values())
    return counts


def warm() -> None:
    """Load lingua's model and the English vocabulary now (before worker processes are forked, so
    that they share them)."""
    _english_vocabulary()
    _detector().compute_language_confidence_values("warm up the models")


@functools.lru_cache(maxsize=1)
def _detector():
    from lingua import Language, LanguageDetectorBuilder

    # English against the other Latin-script languages customers commonly write in, so that a
    # French or German comment is "und" rather than a bad English one. Low-accuracy mode (trigram
    # models: 0.1 s to load instead of 1.8 s for all n-gram orders) is enough for what reaches it:
    # short comments are settled by their English words first.
    langs = [Language.ENGLISH, Language.FRENCH, Language.GERMAN, Language.SPANISH, Language.ITALIAN,
             Language.PORTUGUESE, Language.DUTCH, Language.TURKISH, Language.POLISH, Language.INDONESIAN]
    return LanguageDetectorBuilder.from_languages(*langs).with_low_accuracy_mode().build()


# Words that almost only English text has; two of them settle the language without lingua.
_ENGLISH_WORDS = frozenset(
    "the and was were is are i my we our you your they their it this that have has had not very to of for "
    "with but so be been at on in from would will can could don't didn't it's i'm".split()
)
# English closed-class words (pronouns, auxiliaries, prepositions, conjunctions, determiners,
# common adverbs): with the lemma table and the polarity lexicon, the vocabulary a comment is
# checked against.
_CLOSED_CLASS = frozenset(
    "a an the this that these those i me my mine myself we us our ours you your yours he him his she her "
    "it its they them their what which who whom whose when where why how there here all any both each every "
    "some such no nor not only own same so than too very just also really quite rather almost always never "
    "ever often still yet even again once is am are was were be been being do does did done have has had "
    "having will would shall should can could may might must and or but if because as until while of at by "
    "for with about against between into through during before after above below to from up down in out on "
    "off over under then further more most much many few little less least enough totally overall though "
    "although however don't didn't doesn't isn't wasn't aren't weren't can't won't wouldn't couldn't "
    "shouldn't it's i'm i've i'd i'll you're they're we're that's there's what's let's".split()
)
_ENGLISH_SHARE = 0.6  # of a comment's words known to English: French/German/Dutch reach ~0.45


@functools.lru_cache(maxsize=1)
def _english_vocabulary():
    """``word -> known`` test: spaCy's English lemma table (its forms and lemmas), the English
    polarity lexicon and the closed-class words."""
    from insight.text.lemmas import en_lemmas as _en_lemmas
    from insight.text.polarity import lexicon

    table = _en_lemmas()
    words = set(table.values()) | set(lexicon("en")) | _CLOSED_CLASS

    def known(word: str) -> bool:
        return word in words or word in table

    return known


def detect(text: str) -> str:
    """Language code of ``text``: ``en``, ``zh``, ``ru`` or ``und``."""
    c = script_counts(text)
    total = sum(c.values())
    if total == 0:
        return "und"
    if c["kana"] or c["hangul"] > c["han"]:
        return "und"  # Japanese or Korean
    if c["han"] * 2 >= total:
        return "zh"
    # A Chinese character counts for about as much text as a short word.
    weights = {"zh": c["han"] * 3, "ru": c["cyrillic"], "en": c["latin"], "und": c["other"] + c["hangul"]}
    best = max(weights, key=weights.get)
    if best != "en":
        return best
    latin = _NOT_LATIN_WORD.sub(" ", text).lower()
    words = latin.split()
    if len(words) < 3 or sum(w in _ENGLISH_WORDS for w in words) >= 2:
        return "en"  # too short to tell, or plainly English
    known = _english_vocabulary()
    if sum(map(known, words)) >= _ENGLISH_SHARE * len(words):
        return "en"  # made of English words
    from lingua import Language

    # Another language only when lingua is clearly surer of it than of English.
    conf = {c.language: c.value for c in _detector().compute_language_confidence_values(latin)}
    english = conf.get(Language.ENGLISH, 0.0)
    other = max((v for lang, v in conf.items() if lang != Language.ENGLISH), default=0.0)
    return "und" if other - english > 0.3 else "en"
