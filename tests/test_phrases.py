"""The lemma matcher returns exactly what spaCy's PhraseMatcher returns on the pipeline's Doc, in
the same order (the order of a comment's mentions depends on it)."""

from __future__ import annotations

import pandas as pd
import pytest

from insight.text.nlp import Analysed, pipeline, segmenter_words
from insight.themes.codeframe import load_codeframe, shipped_names
from insight.themes.tagger import RuleTagger
from tests.conftest import shared_file


def _spacy_matches(matcher, doc) -> list[tuple[str, int, int]]:
    strings = doc.vocab.strings
    return [(strings[mid], start, end) for mid, start, end in matcher._spacy(doc)]


def _check(tagger: RuleTagger, lang: str, texts: list[str]) -> int:
    found = 0
    with segmenter_words(tagger.zh_words):
        matchers = tagger._matcher(lang)
        for text in texts:
            lemmas, doc = Analysed(lang, text).lemmas, pipeline(lang)(text)
            for matcher in (matchers.include, matchers.exclude, matchers.context):
                ours = matcher(lemmas)
                assert ours == _spacy_matches(matcher, doc), text
                found += len(ours)
    return found


def _pattern_texts(tagger: RuleTagger, lang: str) -> list[str]:
    """Texts made of the codeframe's own phrases, so that every pattern (and phrases shared by
    several themes, whose keys spaCy orders its own way) is met."""
    phrases = [p for t in tagger.codeframe.themes
               for p in [*t.patterns.get(lang, ()), *t.exclude.get(lang, ()),
                         *(w for r in t.context.get(lang, ()) for w in (r.pattern, *r.near, *r.not_near))]]
    glue = "" if lang == "zh" else " "
    return [glue.join(phrases[i:i + 12]) for i in range(0, len(phrases), 12)]


@pytest.mark.parametrize("name", shipped_names())
def test_the_lemma_matcher_equals_spacys_phrase_matcher_on_every_shipped_codeframe(name):
    tagger = RuleTagger(load_codeframe(name))
    for lang in ("en", "zh", "ru"):
        texts = _pattern_texts(tagger, lang)
        if texts:
            assert _check(tagger, lang, texts) > 0, (name, lang)


@pytest.mark.parametrize("lang,file", [("en", "womens_clothing.csv"), ("en", "skytrax_airline.csv"),
                                       ("zh", "zh_online_shopping.csv"), ("zh", "zh_chnsenticorp_htl.csv"),
                                       ("ru", "sentirueval_restaurants.csv")])
def test_the_lemma_matcher_equals_spacys_phrase_matcher_on_real_reviews(lang, file):
    texts = pd.read_csv(shared_file(file), usecols=["text"])["text"].dropna().astype(str).head(300).tolist()
    for name in ("core", "ecommerce", "hotel"):
        assert _check(RuleTagger(load_codeframe(name)), lang, texts) > 0
