"""Per-language spaCy pipelines, built offline from blank languages and cached.

* ``en``: blank English; lemmas from spacy-lookups-data's lookup table on lower-cased tokens.
* ``ru``: blank Russian; lemmas from pymorphy3 (normal form), cached word -> lemma.
* ``zh``: blank Chinese with the jieba segmenter (spaCy's default splits characters); the lemma
  of a word is the word (text is converted to Simplified characters before it gets here).

Every pipeline ends with a sentencizer that also knows 。！？； . No trained pipeline is ever
loaded, so nothing is downloaded.
"""

from __future__ import annotations

import functools
import logging

import spacy
from spacy.language import Language
from spacy.tokens import Doc

SENTENCE_PUNCT = [".", "!", "?", ";", "。", "！", "？", "；", "…", "~", "\n"]


@functools.lru_cache(maxsize=1)
def _en_lemmas():
    """spaCy's English lemma lookup table (a ``Table``: string keys are hashed on access)."""
    from spacy.lookups import load_lookups

    return load_lookups("en", ["lemma_lookup"]).get_table("lemma_lookup")


@functools.lru_cache(maxsize=1)
def _morph():
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@functools.lru_cache(maxsize=200_000)
def ru_lemma(word: str) -> str:
    """pymorphy3's normal form of ``word`` (cached: a pymorphy3 call costs ~50 µs)."""
    if not any("а" <= ch <= "я" or ch == "ё" for ch in word):
        return word
    return _morph().parse(word)[0].normal_form.replace("ё", "е")


def _set_en_lemmas(doc: Doc) -> Doc:
    table = _en_lemmas()
    for token in doc:
        low = token.lower_
        token.lemma_ = table.get(low, low)
    return doc


def _set_ru_lemmas(doc: Doc) -> Doc:
    for token in doc:
        token.lemma_ = ru_lemma(token.lower_)
    return doc


def _set_zh_lemmas(doc: Doc) -> Doc:
    for token in doc:
        token.lemma_ = token.lower_
    return doc


_LEMMATIZERS = {"en": _set_en_lemmas, "ru": _set_ru_lemmas, "zh": _set_zh_lemmas}


def _register() -> None:
    for lang, func in _LEMMATIZERS.items():
        name = f"insight_lemmas_{lang}"
        if not Language.has_factory(name):
            Language.component(name, func=func)


@functools.lru_cache(maxsize=None)
def pipeline(lang: str) -> Language:
    """The cached spaCy pipeline of ``lang`` (``en``, ``zh`` or ``ru``)."""
    if lang not in _LEMMATIZERS:
        raise ValueError(f"no pipeline for language {lang!r}; expected en, zh or ru")
    _register()
    if lang == "zh":
        import jieba

        jieba.setLogLevel(logging.WARNING)
        nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    else:
        nlp = spacy.blank(lang)
    nlp.add_pipe(f"insight_lemmas_{lang}")
    nlp.add_pipe("sentencizer", config={"punct_chars": SENTENCE_PUNCT})
    return nlp


def add_words(lang: str, words: list[str]) -> None:
    """Teach the Chinese segmenter the codeframe's words so that they come out as tokens."""
    if lang != "zh":
        return
    import jieba

    pipeline("zh")
    for w in words:
        if len(w) > 1 and " " not in w:
            jieba.add_word(w)
