"""The lemma of a lower-cased token, per language: spaCy's English lookup table (with the forms it gets wrong and
the misspellings customers type), pymorphy3's Russian normal form, and the Chinese word itself."""

from __future__ import annotations

import functools
from collections.abc import Container, Sequence


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


# the lemma, in what the rules read, of a hyphen written inside a word ("check-in", "wi-fi", "из-за"): not
# a clause break, as a dash between words is ("fast - never drops"); U+2010, the typographic hyphen
GLUE = "\u2010"
# words that, before "-free", name a trouble: "hassle-free", "stress-free", "lag-free" praise
_EN_FREE_OF = frozenset({"hassle", "stress", "trouble", "worry", "pain", "fuss", "problem", "error", "lag", "buffer",
                         "drama", "bother", "issue", "glitch", "bug", "crash", "drop", "faff", "headache", "risk"})

# compounds whose parts judge but the whole does not: "a lie-flat bed" (not "lie"), "all-in-all"
_EN_NO_OPINION = frozenset({"lie-flat", "all-in-all", "all-in", "free-for-all", "hands-free", "low-cost", "cut-price",
                            "half-price", "sick-leave", "pain-relief", "non-stop", "non-smoking"})


def glued(texts: Sequence[str], lemmas: tuple[str, ...], idx: Sequence[int], lang: str,
          known: Container[str]) -> tuple[str, ...]:
    """``lemmas`` as the polarity rules read them: a hyphen written inside a word (no space on either
    side, a letter or digit on both: "3-4 weeks") is :data:`GLUE`, not a clause break. A compound the
    polarity lexicon ``known`` holds ("rip-off", "no-shows", "over-priced" as "overpriced", "кое-как")
    is read as that one word at its first part, its other parts and hyphens being GLUE; "X-free" of a
    trouble X ("stress-free") as "hassle-free" (praise); "un-"/"non-" as "not" ("un-tasty"); "X-like",
    "X-looking" as X; the compounds of :data:`_EN_NO_OPINION` as no opinion ("a lie-flat bed")."""
    out, n, i = list(lemmas), len(lemmas), 1
    lemma_of = LEMMA_OF[lang]
    while i < n - 1:
        if not _glued_at(texts, idx, i):
            i += 1
            continue
        start, end = i - 1, i + 1  # the compound's first and last part: "pay-as-you-go" is one
        while end + 2 < n and _glued_at(texts, idx, end + 1):
            end += 2
        parts = [texts[k].lower() for k in range(start, end + 1, 2)]
        for k in range(start + 1, end, 2):
            out[k] = GLUE
        head = "-".join(parts[:-1])
        word = next((w for w in (f"{head}-{parts[-1]}", f"{head}-{lemma_of(parts[-1])}", lemma_of("".join(parts)))
                     if w in known), None)
        if word is None and lang == "en" and parts[-1] == "free" and parts[-2] in _EN_FREE_OF:
            word = "hassle-free"
        if word is None and "-".join(parts) in _EN_NO_OPINION:
            word = "-".join(parts)  # (in no lexicon: no opinion)
        elif word is None and lang == "en" and parts[0] in ("un", "non") and len(parts) == 2:
            out[start] = "not"  # "un-tasty", "non-responsive" (words of their own: "non-existent" is "nonexistent")
        elif word is None and lang == "en" and parts[-1] in ("like", "looking", "style"):
            out[end] = GLUE  # "a nazi-like manager", "sad-looking fish": what the head says (not "like" as praise)
        if word is not None:
            out[start:end + 1] = [word] + [GLUE] * (end - start)  # (where a negator or intensifier before reaches it)
        i = end + 2
    return tuple(out)


def _glued_at(texts: Sequence[str], idx: Sequence[int], i: int) -> bool:
    """Whether token ``i`` is a hyphen between two words with no space around it."""
    return (texts[i] == "-" and idx[i - 1] + len(texts[i - 1]) == idx[i] and idx[i] + 1 == idx[i + 1]
            and texts[i - 1][-1:].isalnum() and texts[i + 1][:1].isalnum())
