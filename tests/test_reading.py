"""A comment read once (polarity.Reading) judges every span exactly as the per-span reading did:
the reference below is that reading, kept as it was (a loop over every token of the span), with what the
whole comment says given to it: the clauses of its wishes (insight.text.wishes), whose praise is wanted."""

from __future__ import annotations

import random

import pandas as pd
import pytest

from insight.text import polarity as P
from insight.text import token_kinds as K
from insight.text import denials as D
from insight.text import idioms as I
from insight.text import negation as N
from insight.text import remedies as R
from insight.text import zh_tokens as Z
from insight.text.bygones import bygone
from insight.text.nlp import Analysed
from insight.themes.codeframe import load_codeframe
from insight.text.polarity import Reading, lemmatise_lexicon
from insight.text.wishes import clauses, promised, wishes
from tests.conftest import shared_file


def _reference_judge(lemmas, lang, overrides=None, wished=frozenset(), wishes_said=0, later=0, excused=frozenset(),
                     quiet=None, mending=(), softened=frozenset(), mended=frozenset()):
    """``wished``: the positions in the clauses of the comment's wishes, ``wishes_said``: how many of its
    wishes are in ``lemmas`` outside ``excused`` (what the comment around the span says: insight.text.wishes);
    ``later``: what the clause after the span says when "but" opens it (2: it fixes something, 1: it only
    contrasts); ``excused``: the positions an excuse after them covers (insight.text.excuses); ``quiet``: those
    whose complaint cues are not read (the excused and those a remedy told soon after answers), ``excused`` if None;
    ``mending``: where a "but" (or a comma before a fix) opens a clause that mends what went before it
    (remedies.mends, read in the comment; one right after the span counts); ``softened``: the positions of blame made
    small before a "but" that praises strongly (read in the comment: _reference_softened); ``mended``: the positions
    before a clause that mends them, back to the nearest clause that blames, in their sentence (excuses.mended_before,
    read in the comment: their blame is put right, as a "but" that mends in the span puts it right)."""
    if lang not in P.NEGATORS:
        return 0.0, False
    classes = K.classes(lang)
    amp = P.INTENSIFIERS[lang]
    total, judged = 0.0, False
    negated_at = -P._NEG_SCOPE - 1
    boosted_at = -P._WINDOW - 1
    resolvers = P.RESOLVERS[lang]
    resolved_at = high_good_at = unsure_at = -P._NEG_SCOPE - 1
    for i, lem in enumerate(lemmas):
        kind, value, cores = K.class_of(lem, lang, classes)
        if kind == K.UNSURE:  # 希望, 不知道
            if lem in P._ZH_HOPE or (i and lemmas[i - 1] == "不" and not P._why(lemmas, i)):
                unsure_at, negated_at, judged = i, -P._NEG_SCOPE - 1, True
            continue
        if kind >= K.RESOLVER:
            if kind == K.RESOLVER:
                # (reached from its particle: "sorted out a billing mistake")
                resolved_at = i + (tuple(lemmas[i + 1:i + 2]) == ("out",)) if R.resolves(lemmas, i) else resolved_at
            else:
                high_good_at = i
            kind = K.WORD
        if kind == K.CONTEXTUAL:
            kind = K.in_context(lem, lemmas, i, lang)
            if kind == K.NUMBER:
                continue
        if kind == K.BREAK:
            negated_at = unsure_at = -P._NEG_SCOPE - 1
            continue
        if kind == K.NEGATOR:
            if lang == "en" and i and lemmas[i - 1] in ("can", "ca", "could") and i + 2 < len(lemmas) \
                    and lemmas[i + 1] == "be" and lemmas[i + 2] in N.EN_COMPARED:
                boosted_at = i + 1
                continue
            if lang == "en" and N.denies_nothing(lemmas, i, len(lemmas)):
                continue  # "nothing to improve", "nobody is perfect"
            reach, boost = N.negator_reach(lemmas, lang, i, 0, len(lemmas))  # "don't think", "not a single"
            negated_at = negated_at if reach is None else reach  # (None: "don't understand the problem")
            boosted_at = boosted_at if boost is None else boost  # "never had better"
            judged = judged or (lemmas[i + 1:i + 2] and lemmas[i + 1] in I.MIDDLING)
            continue
        if kind == K.VERDICT and not (overrides and lem in overrides and I.said_of(lemmas, i, 0, len(lemmas))):
            judged = True
            if i - negated_at == 1:
                negated_at, boosted_at = -P._NEG_SCOPE - 1, i
            continue
        if overrides:
            if cores is None:
                value = overrides.get(lem, value)
                if value and value > 0 and lem in overrides and i \
                        and (K.class_of(lemmas[i - 1], lang, classes)[1] or 0) < 0:
                    value = 0  # "poor value"
            elif not cores.isdisjoint(overrides):
                value = Z.value(lem, overrides)
        after = [i + 1, i + 2] if i + 1 < len(lemmas) and lemmas[i + 1] == "的" else [i + 1]
        if cores is not None and not {"高", "低"}.isdisjoint(cores) and (
                (high_good_at >= 0 and 0 < i - high_good_at <= P._NEG_SCOPE)
                or any(j < len(lemmas) and K.class_of(lemmas[j], lang, classes)[0] == K.HIGH_NOUN for j in after)):
            turned = next((m for m, core in Z.readings(lem) if core in ("高", "低")), 1.0) < 0  # 性价比不高
            value = (1.0 if "高" in cores else -1.0) * (-1.0 if turned else 1.0)
        elif cores is not None and lem == "好" and lemmas[i + 1:i + 2] and lemmas[i + 1] in (
                "挑剔", "抱怨", "吐槽", "挑", "挑的", "埋怨") and i and (lemmas[i - 1] in ("没什么", "没啥", "没有什么") or (
                lemmas[i - 1] in ("啥", "什么") and tuple(lemmas[i - 2:i - 1]) in (("没",), ("没有",)))):
            value = -1.5  # 没什么好挑剔的 (turned by the negator before it)
        elif cores is not None and value and value > 0 and (unsure_at >= 0 or (
                lem.endswith("得") and i + 1 < len(lemmas) and (K.class_of(lemmas[i + 1], lang, classes)[1] or 0) < 0)):
            value = 0  # 希望好用, 不知道是不是正品; 甜得 / 发腻
        elif cores is not None and value and value < 0 and i and lem[:1] in ("不", "没") and lemmas[i - 1] \
                and lem[1:].startswith(lemmas[i - 1]):
            value = 0  # 能 + 不能用
        elif cores is not None and value and value < 0 and i and _reference_asked_or_feared(lemmas[max(0, i - 2):i]):
            value = 0  # 有没有烂的, 会 + 不会坏, 怕不脆, 担心 + 会 + 坏
        elif cores is not None and value and value < 0:  # 一个坏的都没有
            rest = [w for w in lemmas[i + 1:i + 6]]
            rest = rest[1:] if rest[:1] == ["的"] else rest
            rest = rest[1:] if rest[:1] and rest[0] in ("一个", "一块", "一颗", "一粒", "一只", "一根", "一片") else rest
            rest = rest[1:] if rest[:1] in (["都"], ["也"]) else rest
            if rest[:1] in (["没有"], ["没"], ["无"]) and (len(rest) == 1 or not rest[1][:1].isalnum()
                                                         or rest[1] in ("了", "啊", "哦", "呢", "哈")):
                value = -0.8 * value
        if cores is None and value and (lem in I.IDIOM_HEADS or (value < 0 and lang in ("en", "ru"))
                                        or (i and lemmas[i - 1] == "to")):
            judged = judged or value < 0  # (a blame an idiom reads away still judges: "Problems? What problems?")
            value = I.idiom(lemmas, i, 0, len(lemmas), lang, value)  # "hard to fault", "ждать не пришлось"
        if not value:
            continue
        judged = judged or value < 0 or i not in wished  # a praise wished for, or told as past, judges nothing
        if value < 0 and i in excused:
            continue  # excused: "晚了十分钟，可以理解"
        if value > 0 and i in wished:
            continue  # wanted, not had
        if value < 0 and D.feared(lemmas, i, 0, len(lemmas), later):
            continue  # a worry the next clause undoes
        if value < 0 and i in softened:
            continue  # "a bit pricey but the service is excellent"
        if value < 0 and lang == "en" and D.own_lot(lemmas, i, 0, len(lemmas)):
            continue  # "my mum struggles with technology", "they replaced my broken screen"
        if value < 0 and i - negated_at > P._NEG_SCOPE and ((resolved_at >= 0 and 0 < i - resolved_at <= P._RESOLVED_SCOPE) or later >= 2
                          or any(c > i for c in mending) or (lang == "zh" and quiet and i in quiet) or i in mended
                          or _reference_fixed_after(lemmas, i, resolvers, lang)):
            value = -0.5 * value
        if i - boosted_at <= P._WINDOW or any(w in amp for w in lemmas[max(0, i - P._WINDOW):i]):
            value *= 1.5
        if (i - negated_at <= P._NEG_SCOPE or (i - negated_at <= P._NEG_SCOPE + 2 and negated_at >= 0 and {
                "or", "nor", "или"} & set(lemmas[negated_at + 2:i]))) and not (
                lang == "en" and value > 0 and negated_at > 0 and lemmas[negated_at - 1] in ("can", "ca", "could")
                and ("enough" in lemmas[i + 1:i + 4] or ("any" in lemmas[i + 1:i + 6] and not {"high", "more"}.isdisjoint(
                    lemmas[i + 1:i + 6])))) and not (
                lang == "en" and value < 0 and negated_at > 0 and any(  # "don't like being lied to"
                    lemmas[k] in ("like", "enjoy", "appreciate", "love", "want") and lemmas[k + 1] in ("be", "get")
                    for k in range(negated_at + 1, i - 1))) and not (  # 不烫也不凉: neither
                lang == "zh" and lem[:1] in ("不", "没") and not {"也", "又"}.isdisjoint(lemmas[negated_at + 1:i])) \
                and not (lang == "en" and value > 0 and "hesitate" in lemmas[negated_at + 1:i]) \
                and not (lang == "en" and value > 0 and lem == "ask"):  # "wouldn't hesitate", "couldn't ask for more"
            conceded = (lem in ("cheap", "cheapest", "inexpensive", "便宜", "perfect", "flawless", "дешёвый", "дешевый",
                                "идеальный")
                        or (negated_at == i - 2 and lemmas[i - 1] in ("the", "самый"))) and (  # "not the fastest but"
                later or any(w in ("but", "however", "但", "但是", "可是", "不过", "но", "однако", "зато") for w in lemmas[i + 1:]))
            tech = [w for w in lemmas[i + 2:i + 4] if w not in ("these", "those", "the", "new", "modern", "such", "all")]
            own_skill = lang == "en" and tuple(lemmas[i + 1:i + 2]) in (("with",), ("at",)) and tech[:1] and tech[0] in (
                "technology", "tech", "computer", "computers", "gadget", "gadgets", "it", "internet", "phone", "phones",
                "smartphone", "app", "apps", "online", "digital", "thing", "stuff", "this", "that", "figure", "number",
                "numbers", "form", "forms", "paperwork")  # "isn't good with technology": the customer's own skill
            value = 0.0 if conceded or own_skill else 0.4 * value if later == 3 and value > 0 else -0.8 * value
            # ("not cheap but worth it": a price conceded; "the room wasn't ready, but they upgraded us": put right)
            if value < 0 and i in excused:
                continue  # a praise denied, then excused: "蛋糕不是很甜，刚刚好"
        total += value
    found = _reference_complaint(lemmas, lang, excused if quiet is None else quiet) - wishes_said
    return total + P.WEIGHT * found, judged or bool(found)


def _reference_softened(lemmas, lang):
    """The positions of the comment whose blame is made small (a bit, slightly; 稍微, 有点 also right after it; небольшой)
    before a "but" in the eight words after it whose next fifteen words, to their sentence's end, hold a value of 1.5, or
    of 1 after an intensifier."""
    small = {"en": {"bit", "little", "slightly", "somewhat", "tad", "touch", "marginally", "fractionally"},
             "zh": {"稍微", "稍", "略", "略微", "有点", "有一点", "一点", "一点点", "稍稍"},
             "ru": {"небольшой", "немного", "чуть", "слегка", "незначительный", "немножко"}}.get(lang, set())
    strong = P.INTENSIFIERS[lang] | {"zh": {"确实", "真的", "真", "的确"}, "en": {"really", "truly", "genuinely"}}.get(
        lang, set())
    found = set()
    values = [(K.tokens(lang).get(w) or K.token_of(w, lang, K.tokens(lang)))[1] or 0 for w in lemmas]
    for i in range(len(lemmas)):
        if not (small & set(lemmas[max(0, i - 3):i]) or (lang == "zh" and small & set(lemmas[i + 1:i + 3]))):
            continue
        k = next((k for k in range(i + 1, min(len(lemmas), i + 9)) if lemmas[k] in P._CONTRASTS), None)
        if k is None:
            continue
        ends = [j for j in range(k + 1, min(len(lemmas), k + 16)) if lemmas[j] in {".", "!", "?", "。", "！", "？"}]
        if any(values[j] >= 1.5 or (values[j] >= 1 and lemmas[j - 1] in strong)
               for j in range(k + 1, ends[0] if ends else min(len(lemmas), k + 16))):
            found.add(i)
    return found


def _reference_complaint(lemmas, lang, excused=frozenset()):
    """The complaint cues of ``lemmas``, read in the runs between the excused positions."""
    runs, run = [], []
    for i, lem in enumerate(lemmas):
        if i in excused:
            runs.append(run)
            run = []
        else:
            run.append(lem)
    return sum(P.complaint(tuple(r), lang) for r in [*runs, run] if r)


def _reference_fixed_after(lemmas, i, resolvers, lang):
    """A resolver in the words after the problem at ``i`` (10 in English, 4 elsewhere) before any negator or
    deferring word."""
    window = lemmas[i + 1:i + (10 if lang == "en" else 5)]
    for k, w in enumerate(window):
        if w in resolvers and R.resolves(lemmas, i + 1 + k):
            return True
        if w == "to" and (k == 0 or i + 2 + k < len(lemmas) and lemmas[i + 2 + k] == "get"):
            return False  # "a battle to get anything sorted": the fix is the aim; "slow to fix": its pace
        if w in P.NEGATORS[lang] or w in ("fail", "would", "will", "should", "could", "try", "promise", "suppose",
                                           "still", "yet", "wait"):
            return False
    return False


def _reference_asked_or_feared(before):
    """The one or two words before a Chinese blame word ask whether it is so or fear it."""
    word, earlier = before[-1], (before[0] if len(before) == 2 else "")
    if len(word) == 3 and word[0] == word[2] != "是" and word[1] in "不没":  # 有没有, 会不会; not 是不是
        return True
    if earlier and earlier != "是" and word in ("不" + earlier, "没" + earlier):  # 会 + 不会
        return True
    fears = {"怕", "担心", "生怕", "就怕", "担忧", "害怕"}
    return word in fears or (word in ("会", "要") and earlier in fears)


HAND = {
    "en": ["Couldn't be happier with the service, can't recommend them enough!",
           "They fixed the problem quickly but no one called back; on hold for 40 minutes, not good.",
           "Not bad at all. Still waiting for my refund after 3 weeks, had to call twice.",
           "The engineer never arrived and the price is too expensive, really disappointed.",
           "Faster delivery, cheaper prices", "Great staff, but it would be nice if they called back. Improve the app",
           "I wish the website was easier to use and the prices could be lower",
           "Hard to fault, nothing is too much trouble. Nothing to improve and no better company; nobody is perfect.",
           "Had a problem once but they fixed it quickly, I was worried, but it was painless. Zero issues",
           "Nothing special, not special at all",
           "Delivery was a bit late but understandable given the snow, the driver was rude. Not acceptable",
           "Last time the driver was late and rude, this time it was perfect. Before, slow; now quick",
           "Slow to fix anything, I pay for 900 and get 150. Had a fault but they managed to fix it",
           "An hour late but worth the wait. Two hours late and not worth the wait",
           "It used to be great, now it's awful. I used to love it but now it is slow",
           "A bit pricey but the service is excellent. Bit of a wait on the phone but the advisor was really helpful. "
           "A bit slow but ok. Wouldn't hesitate to recommend them. My dad isn't good with technology, I'm not great "
           "with these things"],
    "zh": ["性价比高，离地铁近，消费近1800元。味道还可以，但是不够脆，等了一个多小时才送到",
           "客服态度很好，解决了问题，不是一般的好！还没发货，没人理，打了三次电话",
           "价格偏贵，服务一般般，质量不错，房间很干净但是隔音很差",
           "说打开验一下有没有烂的，很好不烂，不知道会不会坏，怕不脆了，担心会坏掉，是不是坏了",
           "以前有过问题，但很快就解决了，挑不出毛病。担心会慢，但是很快",
           "虽然下雨晚了十分钟，但骑手一直道歉，可以理解。有点洒了，不影响食用，还没到的那份也补送了，不能理解",
           "之前点过一次没送到，等了两个小时，这次很顺利。上次送错了，这次又送错了",
           "骑手没打电话直接放门口，按备注来的，很好。虽然等了四十分钟，但是真的很好吃，值得等",
           "以前挺好吃的，现在变味了。之前一直点，味道很好，这次咸得要命",
           "虽然价格稍微贵一点，但是服务确实好。价格有点贵，但是还可以"],
    "ru": ["Доставка быстрая, но курьер опоздал. Никто не перезвонил, жду уже третий день.",
           "Не очень вкусно, зато недорого. Звонил пять раз, до сих пор не решили проблему.",
           "Ждать не пришлось, никаких проблем. Была проблема, но быстро исправили",
           "Немного опоздали, но это простительно. Опоздали на час, это не простительно"],
}


def _comments(lang: str, file: str | None) -> list[str]:
    texts = list(HAND[lang])
    if file:
        frame = pd.read_csv(shared_file(file), usecols=["text"])["text"].dropna().astype(str)
        texts += frame.sample(n=min(150, len(frame)), random_state=3).tolist()
    return texts


def _overrides(lang: str) -> list[dict[str, float] | None]:
    cf = load_codeframe("core")
    return [None] + [lemmatise_lexicon(t.polarity[lang], lang) for t in cf.themes if lang in t.polarity][:4]


def _check(lang: str, texts: list[str]) -> int:
    rng = random.Random(11)
    checked = 0
    for text in texts:
        a = Analysed(lang, text)
        lemmas = a.lemmas
        at = wishes(lemmas, a.texts, lang)
        wished = clauses(lemmas, at) | bygone(lemmas, lang)  # (a praise set against this time counts for nothing)
        wished |= promised(lemmas) if lang == "en" else set()  # (nor one promised, not had)
        r = Reading(lemmas, lang, a.texts)
        ex = r._excused  # (the excuses' reach depends on the words' values: insight.text.excuses)
        quiet = r._quiet  # (and where a remedy told soon after answers the complaint cues: excuses.remedied)
        n = len(lemmas)
        softened = _reference_softened(lemmas, lang)
        spans = [(0, n)] + [tuple(sorted(rng.sample(range(n + 1), 2))) for _ in range(8)] if n > 1 else [(0, n)]
        for overrides in _overrides(lang):
            for lo, hi in spans:
                inside = frozenset(i - lo for i in wished if lo <= i < hi)
                said = sum(lo <= i < hi and i not in quiet for i in at)
                excuse = frozenset(i - lo for i in ex if lo <= i < hi)
                hush = frozenset(i - lo for i in quiet if lo <= i < hi)
                mending = [c - lo for c, lem in enumerate(lemmas) if lo <= c <= hi and (
                           (lem in P._MENDERS and (lem != "so" or lemmas[c + 1:c + 2] and lemmas[c + 1] in P._SUBJECTS))
                           or (lem in P._COMMAS and lang == "en"
                               and not P.RESOLVERS[lang].isdisjoint(lemmas[c + 1:c + P._MEND_REACH])))
                           and R.mends(lemmas[c + 1:c + P._MEND_REACH], lang, P.RESOLVERS[lang])]
                soft = frozenset(i - lo for i in softened if lo <= i < hi)
                mended = frozenset(i - lo for i in r._mended if lo <= i < hi)
                expected = _reference_judge(lemmas[lo:hi], lang, overrides, inside, said, r._later(hi), excuse, hush,
                                            mending, soft, mended)
                assert r.judge(lo, hi, overrides) == expected, (text, lo, hi)
                assert r.complaint(lo, hi) == _reference_complaint(lemmas[lo:hi], lang, hush) - said
                checked += 1
    return checked


@pytest.mark.parametrize("lang", sorted(HAND))
def test_a_reading_judges_every_span_as_the_span_alone_is_judged(lang):
    assert _check(lang, HAND[lang]) > 20


@pytest.mark.parametrize("lang,file", [("en", "skytrax_airline.csv"), ("en", "semeval14_restaurants.csv"),
                                       ("zh", "zh_online_shopping.csv"), ("zh", "asap_sample.csv"),
                                       ("ru", "sentirueval_restaurants.csv")])
def test_a_reading_judges_every_span_of_real_reviews_as_before(lang, file):
    assert _check(lang, _comments(lang, file)) > 500


def test_a_language_without_a_lexicon_judges_nothing():
    assert Reading(("bonjour", "merci"), "fr").judge() == (0.0, False)
    assert Reading((), "en").judge() == (0.0, False)


def _reference_zh_readings(token, topic=True):
    out = [(1.0, token)]
    if 2 <= len(token) <= Z.LONGEST:
        for neg in Z.NEGATORS_LONGEST_FIRST:
            if token.startswith(neg) and len(token) > len(neg):
                out += [(-0.8 * f, core) for f, core in _reference_zh_readings(token[len(neg):], topic)]
        for prefix, factor in Z.PREFIXES:
            if token.startswith(prefix) and len(token) > len(prefix):
                out += [(factor * f, core) for f, core in _reference_zh_readings(token[len(prefix):], topic)]
        for particle in Z.PARTICLES:
            if token.endswith(particle) and len(token) > len(particle):
                out += _reference_zh_readings(token[:-len(particle)], topic)
        if topic and len(token) > 2:
            out += _reference_zh_readings(token[1:])
    return tuple(dict.fromkeys(out))


def test_chinese_readings_tried_by_first_and_last_character_are_those_of_every_word():
    """The glued negators, degree words and particles are looked up by the token's first or last
    character: the readings (and their order) are those of trying every one."""
    words = list(P.lexicon("zh"))[:3000] + [w + p for w in ("好吃", "贵", "慢") for p in Z.PARTICLES]
    words += [m + w for m, _ in Z.PREFIXES for w in ("贵", "好吃的", "不慢")]
    words += [n + w for n in Z.NEGATORS_LONGEST_FIRST for w in ("太贵", "好", "快了")]
    for word in words:
        for topic in (True, False):
            assert Z.readings(word, topic) == _reference_zh_readings(word, topic), word
