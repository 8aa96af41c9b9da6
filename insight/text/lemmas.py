"""The lemma of a lower-cased token, per language: spaCy's English lookup table (with the forms it gets wrong and
the misspellings customers type), pymorphy3's Russian normal form, and the Chinese word itself."""

from __future__ import annotations

import functools


@functools.lru_cache(maxsize=1)
def en_lemmas():
    """spaCy's English lemma lookup table (a ``Table``: string keys are hashed on access)."""
    from spacy.lookups import load_lookups

    return load_lookups("en", ["lemma_lookup"]).get_table("lemma_lookup")


@functools.lru_cache(maxsize=1)
def morph():
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@functools.lru_cache(maxsize=200_000)
def ru_lemma(word: str) -> str:
    """pymorphy3's normal form of ``word`` (cached: a pymorphy3 call costs ~50 µs)."""
    if not any("а" <= ch <= "я" or ch == "ё" for ch in word):
        return word
    return morph().parse(word)[0].normal_form.replace("ё", "е")


# Where the lookup table, which knows no context, sends a word to another word. Comparatives and
# superlatives keep their own form, which the polarity lexicon and the intensifiers know ("worst"
# -> "wrong" is weaker blame, "most" -> "much" does not intensify). The others were found by listing
# the frequent words of English reviews whose lemma is rare in the same reviews: "number" -> "numb"
# made every "a number of" blame, and discovery labels read "doe" (does), "crow" (crew), "clothe"
# (clothes); "later" -> "late" made every "call me later" blame and every "later" a delay. "well" ->
# "good" stays: "well" praises more often than not ("well worth it", "well prepared"); reading it as
# "well" lowered SemEval rule polarity 0.766 -> 0.761.
_EN_OWN_LEMMA = {w: w for w in ("worse", "worst", "better", "best", "more", "most", "less", "least", "bit",
                                "crew", "number", "matter", "ground", "wedding", "clothes", "clothing", "ceiling",
                                "first", "second", "third", "united", "emirates", "airways", "vegas", "later",
                                # participles whose judgement is theirs, not their verb's: "worn" (shabby) is
                                # blame, "wear" is not ("I'll wear it again"); "tired", "stuck", "floored"...
                                "worn", "tired", "stuck", "floored", "contented", "advanced", "giving", "fallen",
                                "drained", "hiding",
                                "latest",  # ("the latest version", "the latest boon": no delay)
                                "cracked", "cracking")}  # ("a cracked screen" blames, "a cracking job" does not)
_EN_OWN_LEMMA.update({"does": "do", "putting": "put", "developed": "develop", "crosses": "cross"})


# Misspellings of judging words that customers type ("dissapointed", "reccomend"): each is read as the word meant.
_EN_MISSPELT = {
    **dict.fromkeys(("dissapointed", "disapointed", "dissappointed"), "disappointed"),
    **dict.fromkeys(("dissapointing", "disapointing", "dissappointing"), "disappointing"),
    **dict.fromkeys(("recomend", "reccomend", "reccommend", "recommed"), "recommend"),
    **dict.fromkeys(("absolutly", "absolutley"), "absolutely"),
    **dict.fromkeys(("unproffesional", "unprofesional"), "unprofessional"),
    **dict.fromkeys(("proffesional", "profesional"), "professional"),
    **dict.fromkeys(("excelent", "excellant"), "excellent"),
    "recieved": "receive", "recieve": "receive", "definately": "definitely", "aweful": "awful", "awfull": "awful",
    "rediculous": "ridiculous", "terible": "terrible", "horible": "horrible", "horrable": "horrible",
    "wierd": "weird", "untill": "until", "stoped": "stopped", "no1": "noone", "useles": "useless", "rubish": "rubbish",
}


def _en_lemma(low: str) -> str:
    own = _EN_OWN_LEMMA.get(low)
    if own is not None:
        return own
    low = _EN_MISSPELT.get(low, low)
    table = en_lemmas()
    lemma = table.get(low)
    if lemma is None and len(low) > 5 and low.endswith(("ing", "ed")):
        # a consonant typed once that the inflection doubles: "droping", "stoped", "shiped", "prefered"
        stem = low[:-3] if low.endswith("ing") else low[:-2]
        lemma = table.get(stem + stem[-1] + low[len(stem):])
    return lemma if lemma is not None else low


# each pipeline's lemma of a lower-cased token: its lemma component sets these, and the fast path
# (Analysed) and the polarity lexicons use the same rule
LEMMA_OF = {"en": _en_lemma, "ru": ru_lemma, "zh": lambda low: low}
