"""The rule tagger: themes per sentence, polarity per mention, in three languages."""

from __future__ import annotations

import csv
import json

import pytest

from insight.demo import generate, write
from insight.text import prepare
from insight.themes.codeframe import load_codeframe, parse_codeframe
from insight.themes.mentions import MENTION_COLUMNS
from insight.themes.tagger import RuleTagger


@pytest.fixture(scope="module")
def tagger():
    return RuleTagger(load_codeframe("ecommerce"))


@pytest.mark.parametrize(
    "praise,blame",
    [("Fast delivery, arrived the next day.", "Delivery took three weeks."),
     ("物流很快，第二天就到了。", "快递太慢了，等了三个星期。"),
     ("物流很快，隔天就到了。", "配送又延誤了，等了三個星期。"),
     ("Быстрая доставка, пришло на следующий день.", "Доставка заняла три недели, курьер опоздал.")],
)
def test_same_theme_opposite_polarity(tagger, praise, blame):
    result = tagger.tag([praise, blame])
    assert "delivery" in result.themes[0] and "delivery" in result.themes[1]
    assert result.theme_polarity[0]["delivery"] == 1
    assert result.theme_polarity[1]["delivery"] == -1


def test_multi_label_with_polarity_per_theme_and_clause(tagger):
    result = tagger.tag(["The app keeps crashing but customer service was friendly and solved it quickly."])
    pol = result.theme_polarity[0]
    assert pol["website_app"] == -1 and pol["customer_service"] == 1
    assert "website_app.crashes" in result.themes[0]  # a sub-theme brings its parent along


def test_each_line_is_its_own_sentence(tagger):
    # one point per line, no punctuation: before line breaks were kept, "fast" and "rude" were read together
    result = tagger.tag(["delivery was fast\nthe staff were rude and unhelpful", r"快递很快\n客服态度很差"])
    for pol in result.theme_polarity:
        assert pol["delivery"] == 1 and pol["customer_service"] == -1


def test_negation_in_chinese_and_russian(tagger):
    result = tagger.tag(["快递一点也不慢", "Служба поддержки не очень помогла"])
    assert result.theme_polarity[0]["delivery"] == 1
    assert result.theme_polarity[1]["customer_service"] == -1


def test_a_clause_that_calls_a_theme_middling_does_not_borrow_the_sentence():
    result = RuleTagger(load_codeframe("restaurant")).tag(["环境一般,菜很好吃,服务员很热情。", "大厅挺大的,排了好久。"])
    assert result.theme_polarity[0]["ambience"] == 0 and result.theme_polarity[0]["food"] == 1
    assert result.theme_polarity[1]["ambience"] == 1  # the theme's own word (大: spacious) inside 挺大的


def test_a_clause_that_names_no_theme_is_judged_by_the_fallback(tagger):
    # a sentence that names a theme can blame something else in another clause: that complaint is
    # not lost (the fallback theme carries it); a clause that agrees with the themes adds nothing
    result = tagger.tag(["送货很快，口感很差", "送货很快，包装也好，很喜欢",
                         "Delivery was quick, but it looked frumpy.", "Delivery was quick and it looked frumpy."])
    assert result.theme_polarity[0] == {"delivery": 1, "delivery.speed": 1, "general": -1}
    assert "general" not in result.theme_polarity[1] and result.theme_polarity[1]["delivery"] == 1
    assert result.theme_polarity[2]["delivery"] == 1 and result.theme_polarity[2]["general"] == -1
    assert "general" not in result.theme_polarity[3]  # one clause: the theme takes its whole judgement


def test_a_mention_without_judgement_takes_the_comment_complaint_only_when_the_comment_blames(tagger):
    # "The delivery." judges nothing: it takes the comment's complaint when the comment as a whole
    # is one, not when praise outweighs the one complaint in it (a long, happy review)
    result = tagger.tag(["The delivery. Nobody called back about it.",
                         "The delivery. No one called back, but the staff were lovely, wonderful and so kind, "
                         "and I love the shop."])
    assert result.theme_polarity[0]["delivery"] == -1
    assert result.theme_polarity[1]["delivery"] == 0 and result.theme_polarity[1]["customer_service"] == 1


def test_theme_contexts_are_the_clauses_that_mention_the_theme():
    tagger = RuleTagger(load_codeframe("restaurant"))
    texts = ["The pasta was great but the waiter was rude.", "Nice place.", "菜很好吃，服务员态度很差。等了很久。"]
    result = tagger.tag(texts)
    asked = [(0, "food"), (0, "service"), (1, "food"), (2, "food"), (2, "service")]
    assert tagger.theme_contexts(result, asked) == [
        "the pasta be great", "the waiter be rude",
        "nice place",  # not found: the whole comment
        "菜 很 好吃", "服务员 态度 很差 等了 很 久"]  # a theme's clauses in each sentence that mentions it


def test_fillers_emoji_and_empty_comments_are_never_tagged(tagger):
    result = tagger.tag(["n/a", "无", "нет", "👍👍", "", "?!", "12345"])
    assert result.themes == [[]] * 7
    assert result.mentions.empty


def test_mentions_table(tagger):
    result = tagger.tag(["Great prices. The courier was rude!"])
    m = result.mentions
    assert list(m.columns) == MENTION_COLUMNS
    rows = {r.theme_id: r for r in m.itertuples()}
    assert rows["delivery.courier"].polarity == -1 and rows["delivery.courier"].sentence == "the courier was rude!"
    assert rows["delivery.courier"].evidence == "courier" and rows["delivery.courier"].top_theme == "delivery"
    assert rows["price"].polarity == 1
    assert set(m["source"]) == {"rule"}


def test_exclusions_suppress_a_match():
    cf = parse_codeframe(
        "themes:\n  - id: delivery\n    label: {en: Delivery}\n    patterns: {en: [shipping]}\n"
        "    exclude: {en: [free shipping code]}\n"
    )
    result = RuleTagger(cf).tag(["Use the free shipping code!", "Shipping was slow."])
    assert result.themes == [[], ["delivery"]]


def test_theme_polarity_overrides():
    cf = parse_codeframe(
        "themes:\n  - id: price\n    label: {en: Price}\n    patterns: {en: [price]}\n    polarity: {en: {high: -1}}\n"
    )
    assert RuleTagger(cf).tag(["The price is high."]).theme_polarity == [{"price": -1}]


def test_same_result_for_each_comment_whatever_else_is_tagged(tagger):
    texts = ["Fast delivery", "App crashes", "物流很快", "Дорого"]
    alone = [tagger.tag([t]).theme_polarity[0] for t in texts]
    assert tagger.tag(texts).theme_polarity == alone
    assert tagger.tag(texts[::-1]).theme_polarity == alone[::-1]


def test_demo_comments_are_tagged_with_the_planted_themes(tmp_path, run_cli):
    survey = tmp_path / "demo.csv"
    write(generate(600, seed=11), survey)
    out = tmp_path / "tagged.csv"
    mentions = tmp_path / "mentions.csv"
    res = run_cli("tag", survey, "-o", out, "--mentions", mentions)
    assert res.code == 0, res.err
    with open(out, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert {"lang", "themes", "theme_polarity", "Channel"} <= set(rows[0])
    with_text = [r for r in rows if r["lang"] in ("en", "zh", "ru")]
    tagged = [r for r in with_text if r["themes"]]
    assert len(tagged) / len(with_text) > 0.95
    for r in rows:
        pol = json.loads(r["theme_polarity"])
        assert set(pol) == set(filter(None, r["themes"].split("|")))
    # detractors blame, promoters praise: the demo links themes to scores
    def mean_polarity(category):
        values = [v for r in rows if r["category"] == category for v in json.loads(r["theme_polarity"]).values()]
        return sum(values) / len(values)

    assert mean_polarity("detractor") < 0 < mean_polarity("promoter")
    with open(mentions, encoding="utf-8", newline="") as fh:
        assert "response_id" in next(csv.DictReader(fh))


def test_tag_output_is_spreadsheet_safe(tmp_path, run_cli):
    p = tmp_path / "a.csv"
    p.write_text('score,comment\n3,"=HYPERLINK(""http://x"",""delivery was late"")"\n', encoding="utf-8")
    out = tmp_path / "t.csv"
    assert run_cli("tag", p, "-o", out).code == 0
    assert "'=HYPERLINK" in out.read_text(encoding="utf-8")


def test_rows_quarantined_for_their_score_are_tagged_too(tmp_path, run_cli):
    # tagging needs no score: no row may vanish from the tagged file
    p = tmp_path / "q.csv"
    p.write_text("score,comment,Channel\n9,fast delivery,web\nabc,the courier was rude,app\n,late parcel,web\n"
                 "3,bad app,app\n", encoding="utf-8")
    out, mentions = tmp_path / "t.csv", tmp_path / "m.csv"
    res = run_cli("tag", p, "-o", out, "--mentions", mentions)
    assert res.code == 0 and "4 rows (2 scored, 2 quarantined: tagged too" in res.out
    with open(out, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["comment"] for r in rows] == ["fast delivery", "the courier was rude", "late parcel", "bad app"]
    assert [r["score"] for r in rows] == ["9", "", "", "3"] and [r["Channel"] for r in rows] == ["web", "app", "web", "app"]
    assert rows[1]["quarantine_reason"].startswith("score 'abc'") and rows[2]["quarantine_reason"] == "missing score"
    assert rows[0]["quarantine_reason"] == "" and rows[0]["response_id"] and rows[1]["response_id"] == ""
    assert json.loads(rows[1]["theme_polarity"])["delivery"] == -1 and "delivery" in rows[2]["themes"]
    with open(mentions, encoding="utf-8", newline="") as fh:
        assert {r["row"] for r in csv.DictReader(fh)} == {"1", "2", "3", "4"}


def test_a_file_of_comments_without_scores_is_tagged_and_discovered(tmp_path, run_cli):
    p = tmp_path / "c.csv"
    p.write_text("id,feedback\n1,Delivery was fast\n1,the courier was rude\n3,n/a\n", encoding="utf-8")
    out = tmp_path / "t.csv"
    res = run_cli("tag", p, "-o", out)
    assert res.code == 0 and res.out.startswith("3 rows of comments, no score column (2 read, 1 quarantined"), res.out
    assert "note: no score column" in res.err  # how the file was read, on stderr
    with open(out, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert "score" not in rows[0] and [r["themes"].split("|")[0] for r in rows] == ["delivery", "delivery", ""]
    assert rows[1]["quarantine_reason"].startswith("duplicate response id") and rows[0]["quarantine_reason"] == ""
    assert [r["response_id"] for r in rows] == ["1", "1", "3"]  # a quarantined row keeps its id as written
    res = run_cli("discover", p, "--all")
    assert res.code == 0 and res.out.startswith("2 comments considered"), res.out


def test_results_do_not_depend_on_the_number_of_worker_processes(monkeypatch, tagger):
    import insight.parallel

    monkeypatch.setattr(insight.parallel, "MIN_ITEMS", 10)
    texts = generate(400, seed=5, malformed=False)["What is the main reason for your score?"].tolist()
    serial = tagger.tag(texts, n_jobs=1)
    pooled = tagger.tag(texts, n_jobs=2)  # prepared and tagged in one pass of the workers
    apart = tagger.tag(texts, prepared=prepare(texts, n_jobs=2), n_jobs=2)  # prepared first, then tagged
    for other in (pooled, apart):
        assert serial.themes == other.themes
        assert serial.theme_polarity == other.theme_polarity
        assert serial.mentions.equals(other.mentions)
        assert serial.prepared.equals(other.prepared) and serial.lemmas == other.lemmas


@pytest.mark.parametrize("text", ["delivery was late. " + "слово " * 200_000, "a\x00b delivery", "👍" * 50,
                                  "?!?!..." * 10, "\u200b\u200b"])
def test_hostile_comments_are_tagged_without_crashing(tagger, text):
    result = tagger.tag([text, "fast delivery"], n_jobs=1)
    assert result.themes[1] == ["delivery", "delivery.speed"] or "delivery" in result.themes[1]


def test_chinese_segmentation_depends_only_on_the_codeframe_in_use():
    """A process that met other codeframes before tokenises like a fresh one (Dask/pool workers)."""
    from insight.text.nlp import Analysed, segmenter_words

    text = "物流速度快，客服态度好，但是包装有点破损，退货流程麻烦。"
    shop = RuleTagger(load_codeframe("ecommerce"))
    first = shop.tag([text], n_jobs=1)
    RuleTagger(load_codeframe("restaurant")).tag(["服务员态度很好，菜品口味一般，环境不错。"], n_jobs=1)
    again = shop.tag([text], n_jobs=1)
    assert again.lemmas == first.lemmas and again.theme_polarity == first.theme_polarity
    with segmenter_words(["态度好"]):
        assert "态度好" in Analysed("zh", text).lemmas
    assert "态度好" not in Analysed("zh", text).lemmas  # restored after the block


def test_whole_comment_polarity_comes_with_the_tagging(tagger):
    """Computed in the workers with the mentions; equal to asking the tagger comment by comment."""
    comments = ["Terrible app, but fast delivery", "物流很慢，客服态度很差", "Всё отлично, спасибо!", "n/a", "👍"]
    result = tagger.tag(comments, n_jobs=1)
    forms, langs = result.prepared["form"].tolist(), result.prepared["lang"].tolist()
    expected = [tagger.comment_polarity(f, lang) for f, lang in zip(forms, langs)]
    assert result.comment_polarities(tagger) == expected
    assert expected[1] == -1 and expected[2] == 1 and expected[3:] == [0, 0]
    lean = tagger.tag(comments, n_jobs=1, whole_polarity=False)  # not read in the workers: asked later
    assert lean.comment_polarity is None and lean.comment_polarities(tagger) == expected
    assert lean.mentions.equals(result.mentions) and lean.theme_polarity == result.theme_polarity


def test_the_union_of_text_categoricals_is_pandas_own():
    """mentions.union_sorted (pyarrow's hashing and sort) equals union_categoricals(sort_categories=True):
    the same categories in the same order (any script, the empty string) and the same values."""
    import pandas as pd
    from hypothesis import given, settings
    from hypothesis import strategies as st
    from pandas.api.types import union_categoricals

    from insight.themes.mentions import union_sorted

    texts = st.lists(st.one_of(st.none(), st.sampled_from(["", "a", "B", "b", "物流", "快递", "доставка", "Ёж", "é", "🚚"]),
                               st.text(max_size=6)), max_size=30)

    def text_categorical(values: list[str | None]) -> pd.Categorical:
        cat = pd.Categorical(values)
        return cat.set_categories(cat.categories.astype("str"))

    @settings(max_examples=200, deadline=None)
    @given(st.lists(texts, min_size=1, max_size=3))
    def check(parts):
        cats = [text_categorical(p) for p in parts]
        ours, theirs = union_sorted(cats), union_categoricals(cats, sort_categories=True)
        assert list(ours.categories) == list(theirs.categories) and ours.categories.dtype == theirs.categories.dtype
        assert pd.Series(ours).equals(pd.Series(theirs))

    check()
