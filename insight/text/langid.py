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
    counts = {name: len(pattern.findall(text)) for name, pattern in _SCRIPTS.items()}
    counts["other"] = sum(map(str.isalpha, text)) - sum(counts.values())
    return counts


def warm() -> None:
    """Load lingua's models now (before worker processes are forked, so that they share them)."""
    _detector().compute_language_confidence_values("warm up the models")


@functools.lru_cache(maxsize=1)
def _detector():
    from lingua import Language, LanguageDetectorBuilder

    # English against the other Latin-script languages customers commonly write in, so that a
    # French or German comment is "und" rather than a bad English one.
    langs = [Language.ENGLISH, Language.FRENCH, Language.GERMAN, Language.SPANISH, Language.ITALIAN,
             Language.PORTUGUESE, Language.DUTCH, Language.TURKISH, Language.POLISH, Language.INDONESIAN]
    # High-accuracy mode: the low-accuracy one calls "Salads were fantastic." Dutch.
    return LanguageDetectorBuilder.from_languages(*langs).build()


# Words that almost only English text has; two of them settle the language without lingua.
_ENGLISH_WORDS = frozenset(
    "the and was were is are i my we our you your they their it this that have has had not very to of for "
    "with but so be been at on in from would will can could don't didn't it's i'm".split()
)


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
    from lingua import Language

    # Another language only when lingua is clearly surer of it than of English.
    conf = {c.language: c.value for c in _detector().compute_language_confidence_values(latin)}
    english = conf.get(Language.ENGLISH, 0.0)
    other = max((v for lang, v in conf.items() if lang != Language.ENGLISH), default=0.0)
    return "und" if other - english > 0.3 else "en"
