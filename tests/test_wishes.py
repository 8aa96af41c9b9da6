"""Wishes (issue 19): what a customer asks for is what they lack - "Faster delivery", "It would be nice if
they called back", "Improve the app" - and the look-alikes that are praise, comparisons or advice.

Hand-written, of the kinds NPS answers hold (the "why?" of a detractor, "what should we improve?").
"""

from __future__ import annotations

import pytest

from insight.text.nlp import Analysed
from insight.text.normalize import matching_form
from insight.text.polarity import Reading
from insight.text.wishes import wishes
from insight.themes.codeframe import load_codeframe
from insight.themes.tagger import RuleTagger


def _reading(text: str, lang: str) -> Reading:
    a = Analysed(lang, matching_form(text, lang))
    return Reading(a.lemmas, lang, a.texts)


WISHES = [
    ("en", "Faster delivery"), ("en", "Better customer service please"), ("en", "Cheaper prices"),
    ("en", "Lower prices and quicker refunds"), ("en", "A bit cheaper maybe"), ("en", "Longer opening hours"),
    ("en", "It would be nice if they called back"), ("en", "it'd be good to have more staff at weekends"),
    ("en", "would have been nice to get a call"), ("en", "Cheaper delivery charges would help"),
    ("en", "I wish the app was easier to use"), ("en", "if only they answered emails"),
    ("en", "Please answer the phone"), ("en", "Improve the app"), ("en", "Hire more staff"),
    ("en", "Stop charging me twice"), ("en", "Make it cheaper"), ("en", "Speed up delivery"),
    ("en", "could be cheaper"),
    ("en", "the website needs to be faster"), ("en", "prices should be lower"), ("en", "Listen to your customers"),
    ("ru", "Побыстрее доставку"), ("ru", "Вежливее персонал"), ("ru", "Больше касс"),
]
NOT_WISHES = [
    ("en", "Faster delivery than anyone else"), ("en", "Better than any other shop"),
    ("en", "Much better service this time"), ("en", "Even better, the staff were lovely"),
    ("en", "please keep it up"), ("en", "Best wishes to the whole team"), ("en", "I wish I had bought two"),
    ("en", "they wished us a good flight"), ("en", "Train was late"), ("en", "make sure you order early"),
    ("en", "it would be great for the holidays"), ("en", "couldn't be happier"), ("en", "it can be slower at weekends"),
    ("en", "Great value, and offer lots of choice"), ("en", "the dress is longer in the back and very flattering"),
    ("en", "Upgrade to business class was worth it"), ("en", "I would recommend them to anyone"),
    ("en", "I would be happy to use them again"), ("en", "Good service"), ("en", "Make up was lovely"),
    ("ru", "Быстрее, чем у других"), ("ru", "Отличная доставка"), ("ru", "Хорошее соотношение цены и качества"),
    ("ru", "Свежее мясо и вкусное пиво"), ("ru", "Синее платье"),
]


@pytest.mark.parametrize("lang,text", WISHES)
def test_a_wish_is_a_shortfall_not_praise(lang, text):
    r = _reading(text, lang)
    value, judged = r.judge()
    assert judged and value < 0
    assert r.complaint() < 0


@pytest.mark.parametrize("lang,text", NOT_WISHES)
def test_comparisons_advice_and_greetings_are_no_wishes(lang, text):
    a = Analysed(lang, matching_form(text, lang))
    assert wishes(a.lemmas, a.texts, lang) == []


def test_without_the_words_as_written_only_the_framed_wishes_are_read():
    # "faster" and "fast" share a lemma: a lead comparative needs the text; "would be nice if" does not
    a = Analysed("en", matching_form("Faster delivery", "en"))
    assert wishes(a.lemmas, None, "en") == []
    a = Analysed("en", matching_form("it would be nice if they called back", "en"))
    assert wishes(a.lemmas, None, "en") == [1]


def test_praise_beside_a_wish_in_another_clause_stays():
    r = _reading("Great staff, but it would be nice if delivery was faster", "en")
    a = Analysed("en", matching_form("Great staff, but it would be nice if delivery was faster", "en"))
    comma = a.texts.index(",")
    assert r.judge(0, comma)[0] > 0
    assert r.judge(comma + 1, len(a.lemmas))[0] < 0


def test_the_tagger_reads_the_wished_theme_as_blamed():
    tagger = RuleTagger(load_codeframe("ecommerce"))
    result = tagger.tag(["Faster delivery", "It would be nice if customer service called back",
                         "Delivery was faster than expected", "Fast delivery"])
    assert result.theme_polarity[0].get("delivery") == -1
    assert result.theme_polarity[1].get("customer_service") == -1
    assert result.theme_polarity[2].get("delivery") == 1
    assert result.theme_polarity[3].get("delivery") == 1
