"""ThemeClassifier: estimator contract, multilingual learning, training errors, safe versioned storage."""

from __future__ import annotations

import csv
import json

import pytest
from sklearn.base import clone
from sklearn.utils.estimator_checks import (
    check_get_params_invariance,
    check_no_attributes_set_in_init,
    check_parameters_default_constructible,
    check_set_params,
)

from insight.themes.model import ThemeClassifier, TrainingError
from insight.themes.registry import ModelError, load_model, save_model

DELIVERY = ["the delivery was late", "shipping took weeks", "courier lost my parcel", "fast delivery",
            "快递太慢了", "物流很快", "доставка опоздала", "курьер приехал вовремя", "parcel arrived damaged",
            "delivery was quick"]
PRICE = ["too expensive", "prices are high", "great value for money", "cheap and good", "价格太贵", "性价比很高",
         "слишком дорого", "цены низкие", "overpriced items", "the price is fair"]
BOTH = ["expensive and the delivery was slow", "快递慢而且很贵", "дорого и доставка долгая", "cheap but slow shipping"]
TEXTS = DELIVERY + PRICE + BOTH
LABELS = [["delivery"]] * len(DELIVERY) + [["price"]] * len(PRICE) + [["delivery", "price"]] * len(BOTH)


@pytest.mark.parametrize("check", [check_no_attributes_set_in_init, check_parameters_default_constructible,
                                   check_get_params_invariance, check_set_params])
@pytest.mark.parametrize("estimator", ["ThemeClassifier", "PolarityClassifier"])
def test_scikit_learn_contract(check, estimator):
    from insight.themes import model

    check(estimator, getattr(model, estimator)())


@pytest.fixture(scope="module")
def model():
    return ThemeClassifier(cv=3).fit(TEXTS, LABELS)


def test_learns_themes_in_three_languages(model):
    assert list(model.classes_) == ["delivery", "price"]
    texts = ["my parcel was late", "价格便宜", "доставка быстрая", "", "👍"]
    got = model.predict_labels(texts)
    assert "delivery" in got[0] and "price" in got[1] and "delivery" in got[2]
    assert got[3] == [] and got[4] == []  # nothing without content
    best = model.decision_function(texts[:3]).argmax(axis=1)
    assert [model.classes_[k] for k in best] == ["delivery", "price", "delivery"]
    assert model.predict(["too expensive"]).shape == (1, 2)


def test_fit_is_deterministic_and_does_not_change_params(model):
    again = clone(model).fit(TEXTS, LABELS)
    assert (again.thresholds_ == model.thresholds_).all()
    assert again.get_params() == model.get_params()


def test_fitting_on_all_cores_gives_the_same_model(monkeypatch):
    import numpy as np

    import insight.themes.model as theme_model

    texts, labels = TEXTS * 4, LABELS * 4
    monkeypatch.setattr(theme_model, "PARALLEL_FIT_ROWS", 10**9)
    alone = ThemeClassifier(cv=3).fit(texts, labels)
    monkeypatch.setattr(theme_model, "PARALLEL_FIT_ROWS", 1)
    pooled = ThemeClassifier(cv=3).fit(texts, labels)
    assert np.array_equal(alone.thresholds_, pooled.thresholds_)
    for a, b in zip(alone.estimators_, pooled.estimators_):
        assert np.array_equal(a.coef_, b.coef_) and np.array_equal(a.intercept_, b.intercept_)


def test_at_least_one_theme_option():
    m = ThemeClassifier(cv=3, at_least_one=True).fit(TEXTS, LABELS)
    assert all(m.predict_labels(["hello there, nice shop", "как дела"]))


@pytest.mark.parametrize(
    "labels,message",
    [([[]] * len(TEXTS), "no labels"), ([["delivery"]] * (len(TEXTS) - 1) + [["price"]], "occurs only 1 time")],
)
def test_training_errors_are_clear(labels, message):
    with pytest.raises(TrainingError, match=message):
        ThemeClassifier(cv=3).fit(TEXTS, labels)


def test_a_label_on_every_row_is_always_predicted():
    labels = [row + ["whole"] for row in LABELS]
    m = ThemeClassifier(cv=3).fit(TEXTS, labels)
    assert all("whole" in p for p in m.predict_labels(["доставка быстрая", "too expensive"]))


def test_save_load_and_refusals(model, tmp_path):
    v1 = save_model(model, tmp_path / "m", {"labels": list(model.classes_)})
    v2 = save_model(model, tmp_path / "m", {"labels": list(model.classes_)})
    assert (v1.name, v2.name) == ("v1", "v2")
    loaded, card = load_model(tmp_path / "m")  # the latest version
    assert card["version"] == "v2" and card["libraries"]["scikit-learn"]
    assert loaded.predict_labels(["快递太慢了"]) == model.predict_labels(["快递太慢了"])
    # a tampered model file
    data = (v1 / "model.skops").read_bytes()
    (v1 / "model.skops").write_bytes(data[:-10] + b"0" * 10)
    with pytest.raises(ModelError, match="does not match its model card"):
        load_model(v1)
    # a model from another scikit-learn
    card_path = v2 / "model_card.json"
    card = json.loads(card_path.read_text(encoding="utf-8"))
    card["libraries"]["scikit-learn"] = "0.24.2"
    card_path.write_text(json.dumps(card), encoding="utf-8")
    with pytest.raises(ModelError, match="trained with scikit-learn 0.24.2"):
        load_model(v2)
    with pytest.raises(ModelError, match="no such model folder"):
        load_model(tmp_path / "nothing")


def test_vocabularies_are_saved_as_arrays_and_loaded_back(model):
    import copy

    state = model.__getstate__()
    assert "vocabulary_" not in vars(state["word_vectorizer_"]) and "word_vectorizer_terms" in state
    assert hasattr(model.word_vectorizer_, "vocabulary_")  # saving does not touch the fitted model
    again = copy.deepcopy(model)  # through __getstate__ / __setstate__
    assert again.word_vectorizer_.vocabulary_ == model.word_vectorizer_.vocabulary_
    assert again.char_vectorizer_.vocabulary_ == model.char_vectorizer_.vocabulary_
    texts = ["快递太慢了", "Great prices", "Доставка быстрая"]
    assert (again.decision_function(texts) == model.decision_function(texts)).all()
    old = ThemeClassifier.__new__(ThemeClassifier)  # a model saved before (vocabulary as a dict)
    old.__setstate__({**vars(model)})
    assert (old.decision_function(texts) == model.decision_function(texts)).all()


class Sneaky:
    """A type no model should contain."""


def test_untrusted_types_are_refused(tmp_path):
    import hashlib

    import skops.io as sio

    folder = save_model({"x": 1}, tmp_path / "bad", {})
    sio.dump({"payload": Sneaky()}, folder / "model.skops")
    card = json.loads((folder / "model_card.json").read_text(encoding="utf-8"))
    card["model_sha256"] = hashlib.sha256((folder / "model.skops").read_bytes()).hexdigest()
    (folder / "model_card.json").write_text(json.dumps(card), encoding="utf-8")
    with pytest.raises(ModelError, match="untrusted types"):
        load_model(folder)


def test_train_and_evaluate_commands(tmp_path, run_cli):
    data = tmp_path / "labelled.csv"
    rows = ["text,labels"] + [f'"{t}",{"|".join(l)}' for t, l in zip(TEXTS * 2, LABELS * 2)]
    data.write_text("\n".join(rows) + "\n", encoding="utf-8")
    res = run_cli("train", data, "-o", tmp_path / "models" / "shop", "--folds", "3")
    assert res.code == 0, res.err
    assert "model saved to" in res.out and "cross-validated micro-F1" in res.out
    card = json.loads((tmp_path / "models" / "shop" / "v1" / "model_card.json").read_text(encoding="utf-8"))
    assert card["training_data"]["rows"] == len(TEXTS) * 2 and card["cross_validation"]["folds"] == 3
    ev = run_cli("evaluate", data, "--model", tmp_path / "models" / "shop", "--json")
    assert ev.code == 0, ev.err
    out = json.loads(ev.out)
    assert out["micro"]["f1"] > 0.9 and "training data" in ev.err
    bad = tmp_path / "bad.csv"
    bad.write_text("comment,tags\nhello,a\n", encoding="utf-8")
    res = run_cli("train", bad, "-o", tmp_path / "models" / "x")
    assert res.code == 2 and "no column 'text'" in res.err
    res = run_cli("train", bad, "--text-col", "comment", "--labels-col", "comment", "-o", tmp_path / "models" / "x")
    assert res.code == 2 and "'comment' is named for two roles" in res.err
    one = tmp_path / "one.csv"
    one.write_text("text,labels\nhello,a\nworld,a\n", encoding="utf-8")
    res = run_cli("train", one, "-o", tmp_path / "models" / "x")
    assert res.code == 2 and "only one label" in res.err


@pytest.mark.realdata
@pytest.mark.slow
def test_cross_validated_accuracy_on_semeval():
    from insight.themes.evaluate import cross_validate
    from tests.conftest import shared_file

    with open(shared_file("semeval14_restaurants.csv"), encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    texts = [r["text"] for r in rows]
    labels = [[x for x in r["labels"].split("|") if x] for r in rows]
    out = cross_validate(texts, labels, {"codeframe": "restaurant"}, folds=5, seed=0)
    print("5-fold micro", out["micro"], {k: round(v["f1"], 3) for k, v in out["per_label"].items()})
    # Issue 4's target is 0.85; this guards what is reached today (0.826) against regressions.
    assert out["micro"]["f1"] >= 0.82


@pytest.mark.realdata
@pytest.mark.slow
def test_cross_validated_polarity_on_semeval():
    from insight.themes.evaluate import cross_validate_polarity, polarity_pairs
    from tests.conftest import shared_file

    with open(shared_file("semeval14_restaurants.csv"), encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    pairs, ys, groups = polarity_pairs([r["text"] for r in rows], [r["sublabels_json"] for r in rows])
    out = cross_validate_polarity(pairs, ys, groups, {"codeframe": "restaurant"})
    without = cross_validate_polarity(pairs, ys, groups, {"codeframe": "restaurant", "context_weight": 0})
    print("polarity 5-fold", out, "without the theme clauses", without)
    # Issue 4's target is 0.80; this guards what is reached today (0.788; 0.780 without the clauses)
    assert out["accuracy"] >= 0.78 and out["accuracy"] > without["accuracy"]


NARROW = (
    "themes:\n"
    "  - id: delivery\n    label: {en: Delivery}\n    patterns: {en: [delivery], zh: [快递], ru: [доставка]}\n"
    "  - id: price\n    label: {en: Price}\n    patterns: {en: [price], zh: [价格], ru: [цена]}\n"
)


def test_a_model_adds_the_themes_the_rules_miss(model, tmp_path):
    from insight.themes.codeframe import parse_codeframe
    from insight.themes.model_themes import add_model_themes
    from insight.themes.tagger import RuleTagger

    tagger = RuleTagger(parse_codeframe(NARROW))
    comments = ["The delivery was late", "shipping took weeks and the courier lost my parcel", "n/a"]
    rules = tagger.tag(comments, n_jobs=1)
    assert rules.themes[1] == []
    combined = add_model_themes(tagger, rules, model)
    assert "delivery" in combined.themes[1] and combined.theme_polarity[1]["delivery"] == -1
    added = combined.mentions[combined.mentions["source"] == "model"]
    assert (1, "delivery") in set(zip(added["response"], added["theme_id"]))
    assert (0, "delivery") not in set(zip(added["response"], added["theme_id"]))  # the rules had it already
    assert set(rules.themes[0]) <= set(combined.themes[0]) and combined.themes[2] == []
    # identical comments (worked out once) get the same themes and mentions; rule mentions come
    # first in a response; the long texts stay categorical
    twice = add_model_themes(tagger, tagger.tag(comments + comments[::-1], n_jobs=1), model)
    assert twice.themes[1] == twice.themes[4] == combined.themes[1]
    assert twice.theme_polarity[4] == combined.theme_polarity[1]
    per = twice.mentions.drop(columns="response").astype(str)
    of = twice.mentions["response"]
    for a, b in ((0, 5), (1, 4)):
        assert per[of == a].values.tolist() == per[of == b].values.tolist()
    for _, group in twice.mentions.groupby("response"):
        assert list(group["source"]) == sorted(group["source"], key=["rule", "model"].index)
    assert twice.mentions["response"].is_monotonic_increasing
    assert all(twice.mentions[c].dtype == "category" for c in ("sentence", "evidence", "source"))
    # a model with a polarity classifier answers for the themes it adds (not the comment's tone)
    import copy

    import numpy as np

    class Contrary:
        asked: list = []

        def predict(self, pairs):
            Contrary.asked += list(pairs)
            return np.array([1 for _ in pairs])

    with_polarity = copy.copy(model)
    with_polarity.polarity_ = Contrary()
    answered = add_model_themes(tagger, rules, with_polarity)
    assert answered.theme_polarity[1]["delivery"] == 1 and combined.theme_polarity[1]["delivery"] == -1
    forms = rules.prepared["form"].tolist()
    assert sorted(Contrary.asked) == sorted((forms[r], t) for r, t in zip(added["response"], added["theme_id"]))
    # a model whose labels are not the codeframe's theme ids is refused
    other = ThemeClassifier(cv=3).fit(TEXTS, [["shipping"] if "delivery" in row else ["cost"] for row in LABELS])
    with pytest.raises(ModelError, match="not theme ids of codeframe"):
        add_model_themes(tagger, rules, other)


def test_a_tagged_survey_shares_its_analysis_with_the_model(monkeypatch):
    """A report hands the model the lemmas and (same codeframe) the rule findings it has: the model
    analyses only the Chinese comments again (cut with another dictionary), tags none again, and
    scores every comment as it would alone."""
    import numpy as np

    import insight.text.analysis as text_analysis
    import insight.themes.features as features
    from insight.themes.codeframe import load_codeframe
    from insight.themes.model_themes import add_model_themes
    from insight.themes.tagger import RuleTagger

    m = ThemeClassifier(cv=3, codeframe="ecommerce").fit(TEXTS, LABELS)
    tagger = RuleTagger(load_codeframe("ecommerce"))
    comments = ["the courier was late again", "Cheap prices, slow shipping", "快递很快", "доставка медленная",
                "nice shop", "n/a"]
    tagged = tagger.tag(comments, n_jobs=1, whole_polarity=True, all_lemmas=True)
    forms = [f for f, c in zip(tagged.prepared["form"], tagged.prepared["content"]) if c]
    monkeypatch.setattr(text_analysis, "_MEMO", {})
    monkeypatch.setattr(features, "_MEMO", {})
    alone = m.decision_function(forms)

    text_analysis._MEMO.clear()
    features._MEMO.clear()
    analysed = []
    real = text_analysis._analyse
    monkeypatch.setattr(text_analysis, "_analyse", lambda texts, n_jobs: analysed.extend(texts) or real(texts, n_jobs))
    monkeypatch.setattr(features, "_tag_rows", lambda *a: pytest.fail("the comments were tagged again"))
    combined = add_model_themes(tagger, tagged, m)
    assert analysed == ["快递很快"]
    assert not features._MEMO  # nothing was left behind for other calls: the findings were handed over
    monkeypatch.undo()
    assert np.array_equal(m.decision_function(forms), alone)
    assert combined.themes[5] == []


def test_bootstrap_from_silver_labels_and_use_in_report(tmp_path, run_cli):
    from insight.demo import generate, write

    survey = tmp_path / "survey.csv"
    write(generate(400, seed=8), survey)
    res = run_cli("train", survey, "--bootstrap", "--codeframe", "ecommerce", "-o", tmp_path / "m", "--folds", "3")
    assert res.code == 0, res.err
    card = json.loads((tmp_path / "m" / "v1" / "model_card.json").read_text(encoding="utf-8"))
    assert card["training_data"]["silver_labels"] is True
    assert 0 < card["coverage"]["rules"] <= card["coverage"]["with_model"] <= 1
    assert set(card["labels"]) <= set(__import__("insight.themes.codeframe", fromlist=["x"]).load_codeframe(None).ids)
    out = tmp_path / "r.html"
    assert run_cli("report", survey, "--model", tmp_path / "m", "-o", out).code == 0
    assert "added by a trained model: ThemeClassifier (" in out.read_text(encoding="utf-8")  # the method notes say so
    assert run_cli("train", survey, "--bootstrap", "-o", tmp_path / "m2").code == 2
    # silver labels need no score: a file of comments alone, and rows with a bad score, train too
    frame = __import__("pandas").read_csv(survey)
    comments = tmp_path / "comments.csv"
    frame.drop(columns=[c for c in frame.columns if "recommend" in c.lower()]).to_csv(comments, index=False)
    res = run_cli("train", comments, "--bootstrap", "--codeframe", "ecommerce", "-o", tmp_path / "m3", "--folds", "3")
    assert res.code == 0, res.err
    with_all = json.loads((tmp_path / "m3" / "v1" / "model_card.json").read_text(encoding="utf-8"))
    assert with_all["coverage"]["comments_with_content"] == card["coverage"]["comments_with_content"]
    from insight.load import load

    loaded = load(survey)  # ... which counted the comments of the rows quarantined for their score
    assert loaded.quarantine[loaded.info.columns.comment].fillna("").str.len().gt(20).sum() > 0


def test_polarity_classifier_learns_polarity_per_theme():
    from insight.themes.polarity_model import PolarityClassifier

    pairs = [("fast delivery", "delivery"), ("delivery was late", "delivery"), ("great prices", "price"),
             ("too expensive", "price"), ("快递很快", "delivery"), ("快递太慢", "delivery"),
             ("доставка быстрая", "delivery"), ("доставка медленная", "delivery"),
             ("cheap and fast delivery", "price"), ("cheap and fast delivery", "delivery"),
             ("expensive but fast delivery", "price"), ("expensive but fast delivery", "delivery")] * 3
    y = [1, -1, 1, -1, 1, -1, 1, -1, 1, 1, -1, 1] * 3
    m = PolarityClassifier(codeframe="ecommerce").fit(pairs, y)
    assert list(m.classes_) == [-1, 1]
    got = m.predict([("the delivery was very late", "delivery"), ("great value, cheap", "price")]).tolist()
    assert got == [-1, 1]
    with pytest.raises(TrainingError, match="two different polarities"):
        PolarityClassifier().fit(pairs[:1], [1])


def test_train_with_polarity_and_evaluate(tmp_path, run_cli):
    data = tmp_path / "gold.csv"
    lines = ["text,labels,pol,score"]
    for t, l in zip(TEXTS * 2, LABELS * 2):
        neg = any(w in t for w in ("late", "lost", "慢", "опозд", "expensive", "high", "贵", "дорого", "slow", "долг",
                                   "overpriced", "damaged"))
        value = "negative" if neg else "positive"
        pol = json.dumps({label: value for label in l}).replace('"', '""')
        lines.append(f'"{t}",{"|".join(l)},"{pol}",{2 if neg else 9}')
    data.write_text("\n".join(lines) + "\n", encoding="utf-8")
    res = run_cli("train", data, "--polarity-col", "pol", "--codeframe", "ecommerce", "-o", tmp_path / "m",
                  "--folds", "3")
    assert res.code == 0, res.err
    card = json.loads((tmp_path / "m" / "v1" / "model_card.json").read_text(encoding="utf-8"))
    assert 0 <= card["polarity"]["cross_validation"]["accuracy"] <= 1
    model, _ = load_model(tmp_path / "m")
    assert model.polarity_ is not None
    ev = run_cli("evaluate", data, "--model", tmp_path / "m", "--polarity-col", "pol", "--json")
    assert ev.code == 0 and json.loads(ev.out)["polarity_accuracy"] > 0.8
    # tagging with a model that has a polarity classifier runs end to end (where the added themes'
    # polarity comes from is checked in test_a_model_adds_the_themes_the_rules_miss)
    tagged = run_cli("tag", data, "--model", tmp_path / "m", "--codeframe", "ecommerce", "-o", tmp_path / "t.csv")
    assert tagged.code == 0, tagged.err
    with open(tmp_path / "t.csv", encoding="utf-8-sig", newline="") as fh:
        assert all(set(json.loads(r["theme_polarity"]).values()) <= {-1, 0, 1} for r in csv.DictReader(fh))


def test_parallel_tfidf_transform_equals_sklearns():
    """Predictions count n-grams on every core; the matrix is the one scikit-learn gives."""
    import random

    from sklearn.feature_extraction.text import TfidfVectorizer

    from insight.themes.features import transform

    rng = random.Random(3)
    words = "fast slow Delivery courier price refund app crash a 物流 快 доставка быстро 物流很快,包装好!".split()
    seps = [" ", "  ", "\n", " \t "]
    docs = ["".join(w + rng.choice(seps) for w in rng.choices(words, k=rng.randint(0, 12))) for _ in range(5000)]
    docs += ["unseenword Fastest", "", "x", "QUICK  quick"]
    vec = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True).fit(docs[:3000])
    expected = vec.transform(docs)
    got = transform(vec, docs, n_jobs=2)  # n-grams counted once per distinct word, on two processes
    assert got.shape == expected.shape and (got != expected).nnz == 0 and got.nnz == expected.nnz


def test_the_memo_answers_even_when_storing_empties_it():
    # a call that finds some keys and must store others beyond the limit empties the memo first:
    # the keys it found must still be answered (they were a KeyError)
    from insight.text.analysis import memoised

    memo: dict = {}
    upper = lambda keys: [k.upper() for k in keys]  # noqa: E731
    assert memoised(memo, "t", ["a", "b", "c"], upper, 5) == ["A", "B", "C"]
    assert memoised(memo, "t", ["a", "d", "e", "f", "a"], upper, 5) == ["A", "D", "E", "F", "A"]
    assert set(memo) == {("t", k) for k in "def"}  # emptied, then the new ones kept
    assert memoised(memo, "t", list("ghijklm"), upper, 5) == list("GHIJKLM")
    assert not memo  # more than fits is not kept
