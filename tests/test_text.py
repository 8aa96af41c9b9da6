"""The text pipeline: normalisation, fillers, PII, language id, lemmas, sentences, polarity."""

from __future__ import annotations

import pytest

from insight.text import prepare
from insight.text.langid import detect
from insight.text.nlp import Analysed, pipeline
from insight.text.normalize import clean, is_filler, matching_form, redact
from insight.text.polarity import score, sign


def test_clean_applies_nfkc_and_collapses_whitespace():
    assert clean("  Ｆａｓｔ\u3000\t delivery\n \r\n９/10 ") == "Fast delivery\n9/10"  # a line break stays one
    assert clean("a\x00b\u200bc") == "abc"
    assert clean("a\u2028b\x0cc") == "a\nb\nc"
    # an export's escaped line breaks (the two characters \ and n) are line breaks
    assert clean(r"好吃\n\n服务好\r\n就是贵") == "好吃\n服务好\n就是贵"
    # and so are doubly escaped ones (\\n: a backslash written as \\), as scraped review corpora have them
    assert clean(r"服务费。\\n\\n【菜品】不错") == "服务费。\n【菜品】不错"


def test_traditional_chinese_is_matched_as_simplified_but_shown_as_written():
    assert matching_form("物流很快，品質很好，服務周到", "zh") == "物流很快,品质很好,服务周到"


@pytest.mark.parametrize("text", ["n/a", "N/A.", "Nothing", "no comment", "-", "无", "没有", "沒有", "нет", "Ничего!", "", "  ", "nothing . . .",
                                  "无。。。", "N/A ?!" + " ." * 100, "\tNo comment\n"])
def test_fillers(text):
    assert is_filler(text)


@pytest.mark.parametrize("text", ["good", "ok", "一般", "нормально", "no delivery yet", "没有人接电话", "nothing to add. Great shop!",
                                  ". n/a"])
def test_short_answers_with_content_are_not_fillers(text):
    assert not is_filler(text)


@pytest.mark.parametrize(
    "text,expected",
    [("email me at jane.doe@example.com", "email me at [email]"),
     ("call +1 415 555 0134 please", "call [phone] please"),
     ("请联系我 13812345678", "请联系我 [phone]"),
     ("請聯絡我 0912 345 678", "請聯絡我 [phone]"),
     ("позвоните +7 912 345-67-89", "позвоните [phone]"),
     ("8 (912) 345-67-89", "[phone]"),
     ("card 4111 1111 1111 1111 charged", "card [card] charged"),
     ("see https://shop.example.com/o?id=5", "see [url]"),
     ("paid 120 dollars on 2024-03-05 for 2 items", "paid 120 dollars on 2024-03-05 for 2 items")],
)
def test_pii_is_redacted_and_ordinary_numbers_are_kept(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text,lang",
    [("Fast delivery, great prices", "en"), ("Salads were fantastic.", "en"), ("物流很快，质量很好", "zh"),
     ("物流很快，品質很好", "zh"), ("Доставка быстрая, всё понравилось", "ru"), ("👍👍😊", "und"), ("12345", "und"),
     ("?!...", "und"), ("Le service était vraiment nul et très lent", "und"), ("とても良いです", "und"),
     ("物流很快，质量也很好，就是 price 有点贵", "zh"), ("Great shop, fast delivery, 质量好", "en"), ("Доставка быстрая, ok", "ru"),
     ("alles super danke", "und"), ("Merci pour la livraison rapide", "und"), ("Vielen Dank, alles bestens", "und"),
     ("i love birds", "en"), ("love these jeans", "en"), ("low waisted weird liner", "en")],
)
def test_language_id(text, lang):
    assert detect(text) == lang


def test_prepare_marks_fillers_content_and_duplicates():
    p = prepare(["Fast delivery", "n/a", "👍", "Fast  delivery", "", None])
    assert p["lang"].tolist() == ["en", "und", "und", "en", "und", "und"]
    assert p["filler"].tolist() == [False, True, False, False, True, True]
    assert p["content"].tolist() == [True, False, False, True, False, False]
    assert p["duplicate"].tolist() == [False, False, False, True, False, False]


def test_english_lemmas_on_lower_cased_tokens():
    doc = pipeline("en")("the deliveries were late and the prices cheaper")
    assert [t.lemma_ for t in doc] == ["the", "delivery", "be", "late", "and", "the", "price", "cheap"]


def test_english_comparatives_and_superlatives_keep_their_form():
    # the lookup table sends "worst" to "wrong", "better" to "well" and "most" to "much"
    doc = pipeline("en")("the worst soup, better bread, the most delicious cakes, less salt")
    assert [t.lemma_ for t in doc if t.is_alpha] == ["the", "worst", "soup", "better", "bread", "the", "most",
                                                      "delicious", "cake", "less", "salt"]
    assert score(["worst"], "en") < score(["wrong"], "en") < 0  # the superlative is the stronger blame
    assert score(["the", "most", "delicious"], "en") > score(["the", "delicious"], "en")  # "most" intensifies


def test_english_words_the_lookup_table_sends_to_another_word():
    doc = pipeline("en")("It does fit a bit small; a number of crew members put clothes on the ground.")
    assert [t.lemma_ for t in doc if t.is_alpha] == ["it", "do", "fit", "a", "bit", "small", "a", "number", "of",
                                                      "crew", "member", "put", "clothes", "on", "the", "ground"]
    assert score(["a", "number", "of", "option"], "en") == 0  # "numb" is blame
    assert score(["numb"], "en") < 0


def test_the_fallback_lexicon_leaves_out_what_is_not_an_opinion():
    # "friend", "party" and "sure" are not opinions; "drunk" would make its lemma "drink" blame
    for word in ("drink", "friend", "party", "special", "sure", "definitely", "honestly"):
        assert score([word], "en") == 0, word
    assert score(["disappoint"], "en") < 0 and score(["delight"], "en") > 0 and score(["cramp"], "en") < 0


def test_russian_lemmas_come_from_pymorphy3():
    doc = pipeline("ru")("доставки опоздали, курьеры грубили")
    assert [t.lemma_ for t in doc if t.is_alpha] == ["доставка", "опоздать", "курьер", "грубить"]


def test_russian_adverbs_and_ne_words_are_read_from_their_adjectives():
    # pymorphy3 keeps "дружелюбно" as its own normal form; "неприятный" is one word, no negator
    assert polarity("Официант встретил нас дружелюбно", "ru") == 1
    assert polarity("Очень неприятный персонал", "ru") == -1
    assert polarity("Товар некачественный, упаковка помятая", "ru") == -1
    assert polarity("Недорого и без обмана", "ru") == 1  # listed itself: не- with blame praises
    assert polarity("Нам не повезло с официантом", "ru") == -1


def test_chinese_is_segmented_into_words_not_characters():
    doc = pipeline("zh")("服务员态度很好")
    assert "服务员" in [t.text for t in doc]


def test_compared_with_what_was_imagined_is_segmented_before_the_verdict():
    # jieba's dictionary glued 中 to the verdict after 想象 (想象 / 中差, 想象 / 中好: a rating's name), hiding it
    assert Analysed("zh", "比想象中差很多").lemmas[:3] == ("比", "想象中", "差")
    assert polarity("比想象中差很多", "zh") == -1 and polarity("没有想象中好", "zh") == -1
    assert polarity("比想象中要新鲜", "zh") == 1 and polarity("比期望中好", "zh") == 1


def test_chinese_words_jieba_keeps_whole_are_read():
    # a two-character topic before a one-character word (速度慢), an idiom (以次充好), a reduplication
    for text, expected in (("发货速度慢", -1), ("前台结帐速度慢", -1), ("以次充好", -1), ("上当受骗了", -1),
                           ("态度生硬", -1), ("赞赞赞", 1), ("这次没买错", 1), ("酸酸甜甜的", 1)):
        assert polarity(text, "zh") == expected, text


def test_sentences_split_on_chinese_punctuation():
    doc = pipeline("zh")("物流太慢了。质量很好！还会再来吗？会的；谢谢")
    assert [s.text for s in doc.sents] == ["物流太慢了。", "质量很好！", "还会再来吗？", "会的；", "谢谢"]


def polarity(text: str, lang: str) -> int:
    form = matching_form(text, lang)
    return sign(score([t.lemma_ for t in pipeline(lang)(form)], lang))


@pytest.mark.parametrize(
    "text,lang,expected",
    [("good", "en", 1), ("not good", "en", -1), ("wasn't bad at all", "en", 1), ("really terrible", "en", -1),
     ("очень вкусно", "ru", 1), ("не очень вкусно", "ru", -1), ("курьер грубил", "ru", -1),
     ("很好", "zh", 1), ("不太好", "zh", -1), ("一点也不慢", "zh", 1), ("物流太慢了", "zh", -1), ("不错", "zh", 1),
     ("品質很好", "zh", 1), ("the box", "en", 0),
     # jieba glues degree words and particles to the sentiment word: 有点咸, 比较贵, 好吃的
     ("菜有点咸", "zh", -1), ("价格比较贵", "zh", -1), ("真的好吃的", "zh", 1), ("不是一般的好", "zh", 1),
     # colloquial and Cantonese negators
     ("服务员都不咋热情", "zh", -1), ("最唔满意嘅系服务", "zh", -1), ("味道不咋样", "zh", -1),
     # "not as good as" blames, "no worse than" praises; what a product does not do is negated praise
     ("不如原来的好用", "zh", -1), ("做工不比苹果差", "zh", 1), ("我不适合", "zh", -1),
     ("信号不稳定", "zh", -1),
     # "never again", and goods gone bad, without a sentiment word a lexicon of opinions would hold
     ("下次不会再买了", "zh", -1), ("三个霉了两个", "zh", -1), ("unflattering and frumpy", "en", -1)],
)
def test_polarity_with_negation_and_intensifiers(text, lang, expected):
    assert polarity(text, lang) == expected


def test_a_middling_verdict_judges_as_neutral():
    from insight.text.polarity import judge

    assert judge(["环境", "一般般"], "zh") == (0.0, True)  # judged: neutral, not "nothing said"
    assert judge(["环境", "还可以吧"], "zh") == (0.0, True)
    # a middling word the lexicon lists itself with its degree is read as that word: 很一般 blames
    assert judge(["味道", "很一般"], "zh")[0] < 0 and judge(["味道", "一般"], "zh") == (0.0, True)
    assert judge(["环境"], "zh") == (0.0, False)
    assert judge(["环境", "很", "好"], "zh")[0] > 0


def test_chinese_words_read_by_their_neighbours():
    from insight.text.polarity import judge

    assert judge(["离", "地铁", "近"], "zh")[0] > 0  # close by: praise
    assert judge(["消费", "近", "1800"], "zh") == (0.0, False)  # nearly 1800: no opinion
    # queued nearly an hour: not "close by" praise, and (since the complaint cues) a complaint
    assert judge(["排队", "近", "一个", "小时"], "zh")[0] < 0
    assert judge(["最近", "去", "了"], "zh") == (0.0, False)  # 最近 (recently) is not 最 + 近
    assert judge(["味道", "还", "可以"], "zh") == (0.0, True)  # 还可以 split in two is still middling
    assert judge(["服务", "还", "行"], "zh") == (0.0, True)
    assert judge(["可以", "自带", "酒水"], "zh") == (0.0, False)
    assert judge(["分量", "不够"], "zh")[0] < 0  # not enough
    assert judge(["皮", "不够", "脆"], "zh")[0] < 0  # not crisp enough: one complaint, not -1 and +1
    assert judge(["不值", "这个", "价"], "zh")[0] < 0  # not worth the price
    assert judge(["水果", "不值", "多少", "钱"], "zh") == (0.0, False)  # cheap (a concession), no blame
    assert judge(["不值", "几个", "钱"], "zh") == (0.0, False)


def test_chinese_praise_hoped_for_unknown_or_asked_is_no_praise():
    from insight.text.polarity import judge

    # 不知道 (don't know) negates nothing: the praise after it is unknown, the clause judges nothing either way
    assert judge(["不", "知道", "是不是", "正品", "呢"], "zh") == (0.0, True)
    assert judge(["不", "知道", "好不好", "用"], "zh") == (0.0, True)  # 好不好: a question, not 好 + 不好
    assert judge(["好不好", "用", "不", "知道"], "zh") == (0.0, True)
    assert judge(["希望", "好用"], "zh") == (0.0, True)  # hoped for
    assert judge(["能", "不能用"], "zh") == (0.0, False)  # can it be used? (not: it cannot)
    assert judge(["不", "知道", "为什么", "这么", "差"], "zh")[0] < 0  # blame stays blame
    # 不知道为什么 / 是什么原因 (for some reason) asks why, not whether: the negated praise after it is blame
    assert judge(["不", "知道", "是", "什么", "原因", "宝宝", "不太", "喜欢", "看"], "zh")[0] < 0
    assert judge(["不", "知道", "为啥", "不", "喜欢"], "zh")[0] < 0
    assert judge(["不能用"], "zh")[0] < 0
    assert judge(["很", "好用"], "zh")[0] > 0
    # high before or after a noun of which high is praise: good value; the price theme's high stays blame
    assert judge(["很", "高", "的", "性价比"], "zh")[0] > 0 and judge(["性价比", "很", "高"], "zh")[0] > 0
    assert judge(["价格", "很", "高"], "zh", {"高": -1.0})[0] < 0
    assert judge(["与", "描述", "不", "相符"], "zh")[0] < 0 and judge(["与", "描述", "相符"], "zh")[0] > 0
    # blame denied after it at the clause's end: not a single bad one, no damage at all
    assert judge(["一个", "坏", "的", "都", "没有"], "zh")[0] > 0 and judge(["一点", "破损", "都", "没有"], "zh")[0] > 0
    assert judge(["质量", "差", "没有", "办法"], "zh")[0] < 0
    # 最好 before a verb is advice ("had better"), not "the best"
    assert judge(["大家", "最好", "别买"], "zh")[0] < 0 and judge(["最好", "还是", "去", "实体店", "买"], "zh") == (0.0, False)
    assert judge(["质量", "最好"], "zh")[0] > 0 and judge(["用", "过", "最好", "的", "手机"], "zh")[0] > 0


def test_a_negated_verb_of_thinking_negates_the_clause_it_introduces():
    from insight.text.polarity import judge

    for lang, text in (("en", "I don't think it was good"), ("en", "I did not think the food was great"),
                       ("en", "I can't say it was worth it"), ("zh", "不觉得有多好"), ("zh", "说不上好"), ("zh", "谈不上好用")):
        assert judge(Analysed(lang, text.lower()).lemmas, lang)[0] < 0, text
    assert judge(Analysed("en", "i don't think it was bad").lemmas, "en")[0] > 0
    assert judge(Analysed("en", "i think it was good").lemmas, "en")[0] > 0


def test_a_hyphen_inside_a_word_is_no_clause_break_and_a_hyphenated_compound_is_one_word():
    from insight.text.lemmas import GLUE
    from insight.text.polarity import judge

    def reading(text, lang="en"):
        return Analysed(lang, text).reading

    assert reading("the wi-fi drops") == ("the", "wi", GLUE, "fi", "drop")
    assert reading("took 3-4 weeks")[1:4] == ("3", GLUE, "4")
    assert "-" in reading("fast - never drops") and "-" in reading("- slow")
    assert reading("so-so speeds")[:3] == ("so-so", GLUE, GLUE)
    assert reading("over-priced")[0] == "overpriced" and reading("two no-shows")[1] == "no-show"
    assert reading("a stress-free switch")[1:4] == ("hassle-free", GLUE, GLUE)  # (not "stress" and "free")
    assert reading("pay-as-you-go plan")[1::2][:3] == (GLUE, GLUE, GLUE)  # (one compound of four parts)
    assert reading("сделали кое-как", "ru")[1] == "кое-как"
    assert Analysed("en", "the wi-fi drops").lemmas == ("the", "wi", "-", "fi", "drop")  # (what patterns match)
    for text in ("sub-par service", "the engineer was a no-show twice", "second-rate customer service",
                 "support gave me the run-around", "over-priced and slow", "un-tasty food",
                 "support is non-responsive"):
        assert judge(reading(text), "en")[0] < 0, text
    for text in ("a stress-free switch", "world-class support", "trouble-free for years", "not a rip-off",
                 "a great non-stop flight", "a lie-flat bed which is impressive"):
        assert judge(reading(text), "en")[0] > 0, text
    assert judge(reading("so-so speeds for the price"), "en") == (0.0, True)  # (a middling verdict, as SemEval's gold)
    assert judge(reading("the nazi-like guy at the door"), "en")[0] <= 0  # (not "like" as praise)
    assert judge(reading("you can't please everyone all of the time"), "en") == (0.0, False)
    assert judge(reading("сделали всё кое-как", "ru"), "ru")[0] < 0
    assert judge(reading("отнеслись по-человечески", "ru"), "ru")[0] > 0


def test_worn_blames_as_an_adjective_not_as_the_verb_wear():
    from insight.text.polarity import judge

    def lemmas(text):
        return Analysed("en", text).lemmas

    for text in ("it can be worn casual or dressy", "made to be worn with jeans", "i have worn it twice",
                 "worn to work"):
        assert judge(lemmas(text), "en") == (0.0, False), text
    for text in ("the carpets are worn", "it looks worn out", "tired and worn rooms"):
        assert judge(lemmas(text), "en")[0] < 0, text


def test_cold_weather_is_no_cold_food_and_soggy_noodles_are_a_complaint():
    from insight.text.polarity import judge

    assert judge(["天气", "冷", "送到", "还是", "热", "的"], "zh")[0] == 0
    assert judge(["天", "这么", "冷", "还", "送", "这么", "快"], "zh")[0] > 0
    assert judge(["饭菜", "都", "冷了"], "zh")[0] < 0 and judge(["冷", "的"], "zh")[0] < 0
    assert judge(["面都", "坨了"], "zh")[0] < 0


def test_chinese_blame_asked_or_feared_is_no_blame():
    from insight.text.polarity import judge

    assert judge(["验", "一下", "有没有", "烂", "的"], "zh") == (0.0, False)  # checked whether any were rotten
    assert judge(["会", "不会", "坏"], "zh") == (0.0, False)  # will it break? (not: it won't)
    assert judge(["怕", "不脆", "了"], "zh") == (0.0, False) and judge(["担心", "会", "坏"], "zh") == (0.0, False)
    assert judge(["是不是", "坏", "了"], "zh")[0] < 0  # "is it broken?": doubt said aloud, still blame
    assert judge(["不会", "坏"], "zh")[0] > 0 and judge(["已经", "坏", "了"], "zh")[0] < 0


def test_a_chinese_topic_glued_to_its_comment_keeps_the_comments_polarity():
    # a codeframe pattern or jieba's dictionary can make one token of topic + comment (价格便宜)
    from insight.text.polarity import judge

    assert judge(["价格便宜"], "zh")[0] > 0
    assert judge(["价格不便宜"], "zh")[0] < 0
    assert judge(["味道一般"], "zh") == (0.0, True)
    assert judge(["只好"], "zh") == (0.0, False)  # one-character comments are not split off (只好: had to)


@pytest.mark.parametrize("text", ["слово " * 200_000, "a\x00b\x00c", "👍" * 50, "?!?!..." * 10, "\u200b\u200b"])
def test_hostile_comments_are_processed(text):
    p = prepare([text])
    assert len(p) == 1


@pytest.mark.parametrize("text", ["they said they would call but didn't, " * 20_000,
                                  "my previous provider was awful " * 20_000, "paying for 900mb and get 200 " * 20_000])
def test_a_huge_comment_of_cues_is_read_in_linear_time(text):
    # the cues that look back (a promise before "didn't", another company before a word of blame, the speed paid
    # for) look back a bounded number of words: read whole, 100k+ words take about a second, not hours
    import time

    from insight.text.nlp import Analysed
    from insight.text.polarity import Reading

    start = time.process_time()
    a = Analysed("en", text)
    Reading(a.lemmas, "en", a.texts).judge()
    assert time.process_time() - start < 30


def test_chinese_words_and_spaces_match_spacys_alignment():
    """Our linear-time alignment of jieba's pieces gives spaCy's get_words_and_spaces result."""
    import random

    from spacy.util import get_words_and_spaces

    from insight.text.nlp import _segmenter, _words_and_spaces

    rng = random.Random(7)
    chars = "好快慢 \n\t\u3000物流a1,。"
    texts = ["物流很快 质量好", "  前面空格", "结尾空格  ", "多个   空格\n换行", "", " ", "\u3000全角空格\u3000"]
    texts += ["".join(rng.choice(chars) for _ in range(rng.randint(0, 15))) for _ in range(500)]
    segmenter = _segmenter(frozenset())
    for text in texts:
        pieces = segmenter.cut(text)
        assert _words_and_spaces(pieces, text) == get_words_and_spaces([p for p in pieces if p], text), text


@pytest.mark.parametrize("lang,texts", [
    ("en", ["Great shoes!! Fast delivery... but the box was crushed. Would buy again?", "ok", "", "  lead space",
            "one. . two!\n\nthree", "no-end punctuation", "(quoted) \"text\" -- here; and: there"]),
    ("ru", ["Доставка быстрая! Но курьер опоздал... Спасибо.", "нет", "раз.\n два"]),
    ("zh", ["物流很快！质量一般。。。客服态度很好；会再来", "好", "第一句。 第二句！\n第三句", "没有标点"]),
])
def test_the_fast_analysis_equals_the_spacy_pipeline(lang, texts):
    """Analysed (arrays and caches) gives the tokens, lemmas, offsets and sentences of a full run."""
    from insight.text.nlp import Analysed

    for text in texts:
        a, doc = Analysed(lang, text), pipeline(lang)(text)
        assert list(a.texts) == [t.text for t in doc] and list(a.lemmas) == [t.lemma_ for t in doc]
        assert list(a.idx) == [t.idx for t in doc]
        assert [(s.start, s.end) for s in doc.sents] == list(a.sents), text
        assert list(a.punct) == [t.is_punct for t in doc] and list(a.space) == [t.is_space for t in doc]


@pytest.mark.parametrize("lang", ["en", "zh", "ru"])
def test_each_lexicon_word_is_listed_once(lang):
    # a second line for a word silently overrides the first (the later value wins): one line per word
    from pathlib import Path

    import insight.text.lexicons as lexicons

    text = (Path(lexicons.__file__).parent / f"{lang}.txt").read_text(encoding="utf-8")
    listed = [line.split("\t")[0] for line in text.splitlines() if line.strip() and not line.startswith("#")]
    assert sorted({w for w in listed if listed.count(w) > 1}) == []


CHUNKS = {
    "en": ["We flew to London. The seats were fine, staff too!", "I cannot say X. was good; Y. wasn't",
           "Mr. Smith's check-in",
           "it's 6.30 pm, gonna be late...", "wi-fi :) great", "e.g. the U.S. office", "a. b. c. ok", "end.\nNew line",
           "Don't!!! (really)", "london. london. LONDON.", "one.\n two", "tab\t here", "nbsp\xa0here"],
    "ru": ["Доставка в т.ч. курьером, в н.в. быстро.", "Спасибо, всё отлично!", "Ну... так себе, г. Москва",
           "Т.е. плохо",
           "раз.\n два"],
}


def _tokens_whole(lang, text):
    from spacy.attrs import IDX, ORTH

    nlp = pipeline(lang)
    arr = nlp.make_doc(text).to_array([ORTH, IDX])
    return [nlp.vocab.strings[o] for o in arr[:, 0].tolist()], arr[:, 1].tolist()


def _tokens_chunked(lang, text):
    from insight.text.nlp import _chunked, _lexicon

    found = _chunked(_lexicon(lang), text)
    return None if found is None else ([info[0] for info in found[0]], found[1])


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_comments_are_tokenised_chunk_by_chunk_as_the_tokenizer_does_whole(lang):
    # Analysed reads English and Russian by their space-separated chunks, each tokenised once
    for text in CHUNKS[lang] + [t.lower() for t in CHUNKS[lang]]:
        found = _tokens_chunked(lang, text)
        assert found is None or found == _tokens_whole(lang, text), text
    assert _tokens_chunked("ru", "оплата в т.ч. картой") is None  # a special case across a space: read whole
    assert _tokens_chunked("en", "two  spaces") is None


@pytest.mark.parametrize("file,lang", [("skytrax_airline.csv", "en"), ("womens_clothing.csv", "en"),
                                       ("semeval14_restaurants.csv", "en"), ("sentirueval_restaurants.csv", "ru")])
def test_chunked_tokens_equal_the_tokenizers_on_real_reviews(file, lang):
    import pandas as pd

    from tests.conftest import shared_file

    texts = pd.read_csv(shared_file(file), usecols=["text"])["text"].dropna().astype(str)
    texts = texts.sample(n=min(1500, len(texts)), random_state=5).tolist()
    checked = 0
    for text in texts + [matching_form(t, lang) for t in texts]:
        found = _tokens_chunked(lang, text)
        if found is not None:
            assert found == _tokens_whole(lang, text), text[:200]
            checked += 1
    assert checked > len(texts)
