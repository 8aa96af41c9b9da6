"""The semantic tier's reading of silent comments: themes named with no word of opinion take the sign
the survey's own judged comments teach (insight.themes.silent)."""

from __future__ import annotations

import random
import warnings

import pandas as pd
import pytest

from insight.errors import Note
from insight.themes import silent
from insight.themes.codeframe import load_codeframe
from insight.themes.evaluate import evaluate
from insight.themes.tagger import RuleTagger, rule_predictor
from tests.conftest import semantic_tier, shared_file

PRAISE = [
    "Great delivery, the parcel came quickly and well packed.", "Excellent quality, I love this jacket.",
    "The app is easy to use and fast.", "Customer service was very helpful and friendly.",
    "Good price for such a nice product.", "Fantastic packaging, everything arrived perfect.",
    "Delivery was fast and the courier was polite.", "Love the new app, checkout is so simple.",
    "Brilliant value, cheaper than anywhere else.", "The support agent was kind and solved it.",
    "Quality is superb, the fabric feels lovely.", "Happy with the quick delivery.",
    "Very pleased with the price and the quality.", "Wonderful service, thank you.",
    "The website is great and easy to navigate.", "Amazing product, works perfectly.",
    "Nice packaging and a lovely thank-you note.", "Courier was friendly and on time, great.",
    "Best prices online, really good deals.", "Really impressed with the quality of the shoes.",
    "Helpful staff on the chat, excellent.", "The refund was quick and easy, great service.",
    "Perfect fit and beautiful colour.", "Super fast shipping, very happy.", "Smooth returns process, excellent.",
]
BLAME = [
    "Terrible delivery, the parcel was late and damaged.", "Awful quality, the jacket fell apart.",
    "The app is slow and keeps crashing.", "Customer service was rude and useless.",
    "Overpriced for such a poor product.", "Horrible packaging, everything arrived broken.",
    "Delivery was slow and the courier was rude.", "Hate the new app, checkout is a nightmare.",
    "Bad value, more expensive than anywhere else.", "The support agent was unhelpful and dismissive.",
    "Quality is poor, the fabric feels cheap.", "Disappointed with the late delivery.",
    "Very unhappy with the price and the quality.", "Dreadful service, never again.",
    "The website is confusing and awful to navigate.", "Faulty product, broke after a day.",
    "Damaged packaging and a dirty box.", "Courier was rude and late, terrible.",
    "Ridiculous prices, a total rip-off.", "Really disappointed with the quality of the shoes.",
    "Unhelpful staff on the chat, awful.", "The refund was slow and difficult, terrible service.",
    "Wrong size and an ugly colour, disappointing.", "Horribly slow shipping, very unhappy.",
    "Painful returns process, awful.",
]
# each names a theme (courier; the app) and blames it in facts: the lexicon reads nothing (the app's was "logged me out
# every time I opened the basket" until session 33, when the rules came to read a fault every time as a complaint)
SILENT = ["The courier threw my parcel over the fence into the rain.",
          "The app showed my basket in a foreign currency."]


@pytest.fixture(scope="module")
def tagger():
    return RuleTagger(load_codeframe("ecommerce"))


def test_silent_comments_are_what_the_rules_call_neutral(tagger):
    result = tagger.tag(SILENT)
    assert all(pol and set(pol.values()) == {0} for pol in result.theme_polarity)
    assert not any(tagger.judges(form, "en") for form in result.prepared["form"])
    assert all(tagger.judges(form, "en") for form in tagger.tag(PRAISE[:3] + BLAME[:3]).prepared["form"])


def test_silent_comments_take_the_sign_the_survey_teaches(tagger, monkeypatch):
    semantic_tier()
    texts = PRAISE + BLAME + SILENT + [SILENT[0]]  # a silent comment twice: both its rows are read
    result = tagger.tag(texts)
    before = [dict(p) for p in result.theme_polarity]
    monkeypatch.setattr(silent, "CONFIDENT", 0.5)  # these 50 teach a direction, not a sure one
    out, read = silent.read_silent(tagger, result, "on")
    assert read == 2
    rows = [texts.index(SILENT[0]), texts.index(SILENT[1]), len(texts) - 1]
    for i in rows:  # blamed, as a reader sees it
        assert set(out.theme_polarity[i].values()) == {-1}, texts[i]
        assert out.theme_polarity[i].keys() == before[i].keys()
        assert set(out.mentions.loc[out.mentions["response"] == i, "polarity"]) == {-1}
    others = [i for i in range(len(texts)) if i not in rows]
    assert [out.theme_polarity[i] for i in others] == [before[i] for i in others]
    kept = out.mentions[~out.mentions["response"].isin(rows)].reset_index(drop=True)
    pd.testing.assert_frame_equal(kept, result.mentions[~result.mentions["response"].isin(rows)].reset_index(drop=True))
    assert result.theme_polarity == before  # the tagging's own dicts (shared by identical comments) untouched


# names no theme of the codeframe and judges nothing: no mention at all from the rules
UNNAMED = ["Nobody in my family wanted to touch it.", "My neighbour found it in the bin outside."]


def test_a_silent_comment_that_names_no_theme_takes_the_overall_theme_with_its_reading(tagger, monkeypatch):
    semantic_tier()
    texts = PRAISE + BLAME + UNNAMED + [UNNAMED[0]]
    result = tagger.tag(texts)
    rows = [len(PRAISE + BLAME), len(PRAISE + BLAME) + 1, len(texts) - 1]
    assert all(result.theme_polarity[i] == {} and result.themes[i] == [] for i in rows)
    monkeypatch.setattr(silent, "CONFIDENT", 0.5)
    out, read = silent.read_silent(tagger, result, "on")
    assert read == 2
    for i in rows:
        (sign,) = out.theme_polarity[i].values()
        assert out.themes[i] == ["general"] and out.theme_polarity[i] == {"general": sign} and sign != 0
        (m,) = out.mentions[out.mentions["response"] == i].itertuples()
        assert (m.theme_id, m.top_theme, m.polarity, m.source, m.start) == ("general", "general", sign, "semantic", -1)
        assert 0.5 <= m.confidence <= 1 and m.sentence == texts[i].lower()
    assert out.theme_polarity[rows[0]] == out.theme_polarity[rows[2]]
    assert out.mentions["response"].is_monotonic_increasing
    others = out.mentions[~out.mentions["response"].isin(rows)].reset_index(drop=True)
    pd.testing.assert_frame_equal(others, result.mentions.reset_index(drop=True), check_categorical=False)


def test_an_unsure_reading_changes_nothing(tagger, monkeypatch):
    semantic_tier()
    result = tagger.tag(PRAISE + BLAME + SILENT)
    monkeypatch.setattr(silent, "CONFIDENT", 0.99)
    assert silent.read_silent(tagger, result, "on") == (result, 0)


def test_row_order_changes_nothing(tagger, monkeypatch):
    semantic_tier()
    monkeypatch.setattr(silent, "CONFIDENT", 0.5)
    texts = PRAISE + BLAME + SILENT
    shuffled = texts[:]
    random.Random(3).shuffle(shuffled)
    polarity = {}
    for order in (texts, shuffled):
        out, _ = silent.read_silent(tagger, tagger.tag(order), "on")
        polarity[tuple(order) == tuple(texts)] = {t: out.theme_polarity[i] for i, t in enumerate(order)}
    assert polarity[True] == polarity[False]


def test_off_or_too_few_judged_comments_read_nothing(tagger, monkeypatch):
    def no_embedding(*args, **kwargs):
        raise AssertionError("embedded")

    monkeypatch.setattr("insight.text.embed.embed", no_embedding)
    result = tagger.tag(PRAISE + BLAME + SILENT)
    assert silent.read_silent(tagger, result, "off") == (result, 0)
    few = tagger.tag(PRAISE[:5] + BLAME + SILENT)  # 5 praising: below SILVER_MIN
    assert silent.read_silent(tagger, few, "on") == (few, 0)


def test_the_run_says_how_many_comments_it_read(tagger, monkeypatch):
    semantic_tier()
    monkeypatch.setattr(silent, "CONFIDENT", 0.5)
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        silent.read_silent_noted(tagger, tagger.tag(PRAISE + BLAME + SILENT), "on")
    notes = [str(w.message) for w in seen if issubclass(w.category, Note)]
    assert notes == ["the semantic tier read the polarity of 2 comments without a word of opinion "
                     "(taught by the survey's own judged comments)"]


@pytest.mark.slow
def test_polarity_lift_on_semeval14_train(tagger):
    """The rules' polarity given the gold category, with and without the reading of silent comments,
    on SemEval-14 restaurants' train split (measured: 0.769 -> 0.795; 146 comments read)."""
    semantic_tier()
    frame = pd.read_csv(shared_file("semeval14_restaurants.csv"))
    frame = frame[frame["split"].fillna("train") == "train"]
    cf = load_codeframe("restaurant")
    accuracy = {}
    for mode in ("off", "on"):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Note)
            result = evaluate(frame["text"].tolist(), frame["labels"].fillna("").tolist(),
                              rule_predictor(RuleTagger(cf), mode), cf.roots, None, frame["sublabels_json"].tolist())
        accuracy[mode] = result["polarity_accuracy"]
    assert accuracy["on"] >= accuracy["off"] + 0.015, accuracy


def test_report_says_how_many_comments_the_tier_read(run_cli, tmp_path, monkeypatch):
    semantic_tier()
    monkeypatch.setattr(silent, "CONFIDENT", 0.5)
    rows = [(9, t) for t in PRAISE] + [(2, t) for t in BLAME] + [(3, t) for t in SILENT]
    pd.DataFrame({"id": range(len(rows)), "score": [s for s, _ in rows], "comment": [t for _, t in rows]}) \
        .to_csv(tmp_path / "survey.csv", index=False)
    res = run_cli("report", tmp_path / "survey.csv", "-o", tmp_path / "r.html", "--codeframe", "ecommerce",
                  "--semantic", "on")
    assert res.code == 0, res.err
    assert "note: the semantic tier read the polarity of 2 comments" in res.err
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "The polarity of 2 comments without a word of opinion was read" in html
    assert "at least 50% sure" in html
    off = run_cli("report", tmp_path / "survey.csv", "-o", tmp_path / "off.html", "--codeframe", "ecommerce",
                  "--semantic", "off")
    assert off.code == 0 and "semantic tier read" not in off.err
    assert "without a word of opinion was read" not in (tmp_path / "off.html").read_text(encoding="utf-8")
