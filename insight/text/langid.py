"""Language of a comment: Unicode-script counts first, lingua as the fallback.

Returns ``en``, ``zh``, ``ru`` or ``und`` (emoji-only, digits-only, other languages: kept and
counted, never dropped). Mixed comments go by the majority script.
"""

from __future__ import annotations

import functools

SUPPORTED = ("en", "zh", "ru")


def script_counts(text: str) -> dict[str, int]:
    """Letters per script: han, kana, hangul, cyrillic, latin, other."""
    counts = {"han": 0, "kana": 0, "hangul": 0, "cyrillic": 0, "latin": 0, "other": 0}
    for ch in text:
        o = ord(ch)
        if 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF or 0x20000 <= o <= 0x2FA1F:
            counts["han"] += 1
        elif 0x3040 <= o <= 0x30FF:
            counts["kana"] += 1
        elif 0xAC00 <= o <= 0xD7AF:
            counts["hangul"] += 1
        elif 0x0400 <= o <= 0x04FF:
            counts["cyrillic"] += 1
        elif ch.isalpha() and o < 0x0250:
            counts["latin"] += 1
        elif ch.isalpha():
            counts["other"] += 1
    return counts


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
    latin = "".join(ch if (ch.isalpha() and ord(ch) < 0x0250) or ch in " '" else " " for ch in text).lower()
    words = latin.split()
    if len(words) < 3 or sum(w in _ENGLISH_WORDS for w in words) >= 2:
        return "en"  # too short to tell, or plainly English
    from lingua import Language

    # Another language only when lingua is clearly surer of it than of English.
    conf = {c.language: c.value for c in _detector().compute_language_confidence_values(latin)}
    english = conf.get(Language.ENGLISH, 0.0)
    other = max((v for lang, v in conf.items() if lang != Language.ENGLISH), default=0.0)
    return "und" if other - english > 0.3 else "en"
