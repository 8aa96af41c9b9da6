"""Words whose reading depends on their neighbours (:func:`reading_here`): praise or blame in one place, no
opinion, a middling verdict or a negator in another. :mod:`insight.text.polarity` classifies them as contextual
and asks here where they stand."""

from __future__ import annotations

from collections.abc import Callable, Sequence

# Chinese words whose reading depends on their neighbour: 近 is praise ("离地铁近", close by) but
# not before a number ("消费近1800", nearly 1800), nor is 快 (fast; 都快两点了: nearly two o'clock); 可以/行
# after 还 is a middling verdict ("味道还可以", the segmenter often splits 还可以 in two); 不够 is blame alone
# ("分量不够") but a negator before a sentiment word ("不够脆", not crisp enough: one complaint, not 不够 -1 and
# 脆 +1).
_ZH_NOT_BEFORE_NUMBER = frozenset({"近", "快"})  # (快两点了, 快一个小时: nearly, not fast)
_ZH_VERDICT_AFTER_HAI = frozenset({"可以", "行"})
_ZH_NEGATOR_BEFORE_WORD = frozenset({"不够"})
# 最好 is "the best" (最好的, 质量最好) but "had better" before a verb (最好别买, 最好还是去实体店买): advice
_ZH_ADVICE = frozenset({"最好"})
_ZH_ADVICE_NEXT = frozenset({"还是", "去", "先", "自己", "是", "要", "能", "提前", "直接", "买", "选", "选择", "换", "找"})
# 冷 blames cold food (饭菜冷了) but is the weather after 天气/天 (天气冷还送得这么快: praise of the rider)
_ZH_WEATHER = frozenset({"冷"})
# 不值 blames the price (不值这个价) but 不值多少钱 says a thing is cheap (虽然水果不值多少钱，但是…), as 不值钱 does
_ZH_NOT_WORTH, _ZH_HOW_MUCH = frozenset({"不值"}), frozenset({"多少", "几个", "几", "什么", "啥"})
# 垃圾 blames (垃圾, 太垃圾了: rubbish) but is the rubbish itself taken out or thrown away (帮我把垃圾带下去了, 顺便扔垃圾)
_ZH_LITERAL = frozenset({"垃圾"})
_ZH_THROWN = frozenset({"扔", "扔掉"})  # (扔 blames food thrown away: 吃了两口就扔了; not 扔垃圾)
# 好评 praises (给个好评) but not when it was asked for (骑手超时还让我给好评, 求好评)
_ZH_RATING, _ZH_ASKED = frozenset({"好评", "五星", "五星好评"}), frozenset({"让", "求", "要求", "叫", "逼"})
_ZH_RUBBISH_NEAR = frozenset({"把", "扔", "倒", "丢", "带", "拿", "收", "清理", "扔掉", "带走", "带下去", "拿走", "收走"})
# 卫生 praises (很卫生, 干净卫生: hygienic) but is the topic, hygiene, when its clause judges it after it (卫生不好, 卫生堪忧,
# 卫生让人担心): the judgement is the reading, not 卫生's own praise
_ZH_TOPIC = frozenset({"卫生"})
_ZH_JUDGED_AFTER = frozenset({"让人", "令人", "让", "令", "有待", "堪忧", "一般", "方面"})
# 不够吃 blames a portion (米饭不够吃) but praises the dish that makes one eat more (很下饭，米饭不够吃)
_ZH_TOO_GOOD_FOR = frozenset({"不够吃"})
# 不会再点 blames (won't order again) but praises before another shop (以后不会再点别家了: loyalty); 催 blames (had to
# chase) but not after 不用 (不用催就送到了: no need to chase)
_ZH_NOT_AGAIN, _ZH_OTHER_SHOPS = frozenset({"不会再点"}), frozenset({"别家", "别的", "其他", "其他家", "别人家"})
_ZH_CHASED, _ZH_NO_NEED = frozenset({"催"}), frozenset({"不用", "无需", "不需要", "不必", "没", "没有", "没用"})
# 就 after a short time and before an arrival is praise of how soon (不到半小时就送到了, 第二天就收到了, 二十分钟就到了: the
# complaint cues already read such a time as no wait; 才 is the slow one); no opinion elsewhere, nor after a wait (等了…)
_ZH_SOON = frozenset({"就"})
_ZH_TIMES = ("分钟", "小时", "钟头", "天", "周")
_ZH_DAYS = frozenset({"第二天", "当天", "次日", "隔天", "转天", "当日", "第二日", "一早"})
_ZH_ARRIVED = frozenset({"送到", "到", "到了", "收到", "送来", "来", "来了", "到货", "送达", "送过来", "发货", "发出"})
# 涨 blames a price that rose (价格涨了一倍, 资费又涨了) and is no opinion of other things (分量涨了, 涨知识)
_ZH_ROSE, _ZH_PRICES = frozenset({"涨", "涨了", "上涨", "又涨"}), frozenset({
    "价格", "价", "资费", "月租", "费用", "话费", "收费", "价钱", "房价", "套餐", "会员费", "年费", "租金", "保费", "电费",
    "运费", "配送费", "费"})
# (their values where they read as words: they are in no lexicon)
ZH_VALUED = {"就": 1.0, **dict.fromkeys(_ZH_ROSE, -1.0)}
ZH_CONTEXTUAL = (_ZH_SOON | _ZH_NOT_AGAIN | _ZH_CHASED | _ZH_TOPIC | _ZH_NOT_BEFORE_NUMBER | _ZH_VERDICT_AFTER_HAI
                 | _ZH_NEGATOR_BEFORE_WORD | _ZH_ADVICE | _ZH_WEATHER | _ZH_NOT_WORTH | _ZH_LITERAL | _ZH_THROWN
                 | _ZH_RATING | _ZH_TOO_GOOD_FOR | _ZH_ROSE)
# English: "worn" blames as an adjective (worn carpets, it looks worn) but is the verb "wear" in the passive
# after a modal ("can be worn casual", "to be worn with jeans"), in the perfect ("I have worn it twice") and
# before a preposition ("worn to work"): no opinion there
EN_WORN = frozenset({"worn"})
_EN_MODALS = frozenset({"can", "could", "will", "would", "should", "may", "might", "must", "to"})
_EN_AFTER_WORN = frozenset({"with", "over", "under", "as", "to", "for"})
# "update" and "inform" praise where customers were kept so ("kept us updated throughout", "kept me well informed",
# "regular updates") and blame where they were not ("never updated us", "no updates", "nobody informed me"); else
# they are no opinion ("the app update", "I informed them I was moving")
# "pants" blames after "is" in British speech ("the wifi is pants") and is trousers elsewhere ("these pants are
# great"); "dead" blames ("the line is dead") but is "very" before a word with a value ("dead reliable", "dead easy");
# "spot" praises before "on" ("spot on"); "limited" (lemma "limit") blames where it describes ("reporting is very
# limited", "limited options") but is no opinion as a noun ("my credit limit", "no data limits"); "let" blames in "let
# me down" (so that "never let me down" is praise) and is no opinion elsewhere; "understanding" (lemma "understand")
# praises as an adjective ("they were very understanding") and is no opinion as a verb; "hidden" blames before a fee
# or a term ("hidden admin fees") and is no opinion elsewhere ("a hidden gem")
# (their value: they are in no lexicon; "went above and beyond", not "beyond repair"); "stuff" praises in "they know
# their stuff"
EN_VALUED = {"update": 1.0, "inform": 1.0, "pants": -1.0, "pant": -1.0, "beyond": 2.0, "spot": 1.5, "else": -1.0,
             "limit": -1.0, "let": -1.0, "understand": 1.0, "hide": -1.0, "patient": 1.0, "ask": 1.5, "tin": 1.5,
             "stuff": 1.5}
# "interest" and "energy" praise ("of great interest", "the energy of the place") but are a bank's or a utility's
# trade before what they qualify ("interest rates", "interest free", "energy supplier", "energy bills"); "fraud"
# blames but names the bank's guard before a team or a check ("the fraud team called me straight away")
_EN_TRADE = {"interest": frozenset({"rate", "free", "only", "charge", "payment", "earn", "account"}),
             "energy": frozenset({"supplier", "company", "bill", "provider", "tariff", "price", "usage", "firm",
                                  "account", "meter", "deal", "plan", "cost", "efficient", "saving", "switch"}),
             "fraud": frozenset({"team", "department", "dept", "protection", "prevention", "detection", "alert",
                                 "check", "service", "unit", "line", "monitoring", "system", "guarantee", "squad"})}
# "else" after "go anywhere", "use anyone" is going elsewhere (a blame: "going somewhere else when my contract ends";
# denied, loyalty: "wouldn't go anywhere else"); no opinion elsewhere ("I spoke to someone else")
_EN_OTHER_ONES = frozenset({"anywhere", "somewhere", "anyone", "anybody", "someone", "somebody"})
_EN_GOING = frozenset({"go", "use", "switch", "move", "look", "try", "choose", "recommend"})
EN_CONTEXTUAL = frozenset({*EN_WORN, *EN_VALUED, *_EN_TRADE, "dead", "else", "far"})  # ("far from perfect": a negator)
# Russian: подвести / подводить blame ("подвели со сроками", "ни разу не подводили": praise) but sum up before итог or
# черта ("подводя итог", "подведу итоги"); часы praise in "работает как часы" (like clockwork) and are a watch elsewhere
RU_VALUED = {"подвести": -1.0, "подводить": -1.0, "часы": 1.5}
_RU_SUMMED = frozenset({"итог", "итоги", "черта", "черту"})
CONTEXTUAL = {"en": EN_CONTEXTUAL, "ru": frozenset(RU_VALUED)}
VALUED = {"en": EN_VALUED, "ru": RU_VALUED}  # (their values where they read as words: they are in no lexicon)
_EN_KEEPING = frozenset({"keep", "regular", "regularly", "constant", "constantly", "frequent", "proactive",
                         "proactively"})
_EN_DESCRIBING = frozenset({"be", "very", "quite", "too", "so", "rather", "pretty", "extremely", "really", "fairly",
                            "bit", "somewhat", "seem", "feel", "look", "incredibly", "severely", "seriously", "super",
                            "bite"})
_EN_LIMITED = frozenset({"option", "choice", "menu", "selection", "range", "functionality", "feature", "availability",
                         "support", "stock", "space", "seating", "parking", "appointment", "slot", "access", "coverage",
                         "opening", "hour", "help", "information", "info", "customisation", "customization", "use",
                         "variety", "flexibility", "setting", "integration", "report", "reporting"})
_EN_HIDDEN = frozenset({"fee", "charge", "cost", "extra", "term", "clause", "catch", "price", "condition",
                        "exclusion", "surcharge", "admin"})
_EN_NOT = frozenset({"not", "never", "no", "nobody", "without"})
_ZH_NUMERALS = frozenset("0123456789一二两三四五六七八九十百千万半几")


def asked_for_nothing_more(lemmas: Sequence[str], i: int) -> bool:
    """Whether "ask" at ``i`` is "couldn't ask for more / better / anything more": praise."""
    return i >= 2 and lemmas[i - 2] in ("can", "ca", "could") and lemmas[i - 1] in ("not", "n't") \
        and tuple(lemmas[i + 1:i + 2]) == ("for",) and tuple(lemmas[i + 2:i + 3]) in (("more",), ("better",),
                                                                                       ("anything",), ("much",))


def reading_here(lem: str, lemmas: Sequence[str], i: int, valued: Callable[[str], bool], lo: int = 0,
                 hi: int | None = None) -> str:
    """How the contextual word ``lem`` at ``i`` reads in the span ``lo..hi`` of ``lemmas`` (the whole by default):
    "none" (no opinion here), "verdict" (middling), "negator" (before a word with a value: ``valued``) or "word"
    (its lexicon value)."""
    hi = len(lemmas) if hi is None else hi
    before = lemmas[i - 1] if i > lo else ""
    after = lemmas[i + 1] if i + 1 < hi else ""
    if lem in _ZH_SOON:  # (first: the commonest)
        soon = after in _ZH_ARRIVED and (before in _ZH_DAYS or (before.endswith(_ZH_TIMES) and (
            before[:1] in _ZH_NUMERALS or before[:1] == "半")))
        return "word" if soon and not any(w[:1] == "等" for w in lemmas[max(lo, i - 4):i - 1]) else "none"
    if lem in EN_CONTEXTUAL or lem in RU_VALUED:
        return _english_or_russian(lem, lemmas, i, valued, lo, hi, before, after)
    if lem in _ZH_ROSE:
        return "word" if not _ZH_PRICES.isdisjoint(lemmas[max(lo, i - 3):i]) else "none"
    if lem in _ZH_NOT_AGAIN:
        return "none" if after in _ZH_OTHER_SHOPS else "word"
    if lem in _ZH_CHASED:
        return "none" if before in _ZH_NO_NEED else "word"
    if lem in _ZH_RATING:
        return "none" if any(w in _ZH_ASKED for w in lemmas[max(lo, i - 3):i]) else "word"
    if lem in _ZH_WEATHER:
        return "none" if any(w in ("天气", "天", "天儿", "冬天") for w in lemmas[max(lo, i - 3):i]) else "word"
    if lem in _ZH_TOO_GOOD_FOR:  # (下饭 may stand in the clause before: the sentence around the span is read)
        return "none" if any(w.endswith("下饭") for w in lemmas[max(0, i - 8):i]) else "word"
    if lem in _ZH_NOT_BEFORE_NUMBER:
        return "none" if after[:1] in _ZH_NUMERALS else "word"
    if lem in _ZH_VERDICT_AFTER_HAI:
        return "verdict" if before in ("还", "也还", "还算", "都还") else "word"
    if lem in _ZH_NOT_WORTH:
        return "none" if after in _ZH_HOW_MUCH and "钱" in lemmas[i + 2:min(i + 4, hi)] else "word"
    if lem in _ZH_ADVICE:
        return "none" if after[:1] in ("别", "不", "没") or after in _ZH_ADVICE_NEXT else "word"
    if lem in _ZH_THROWN:
        return "none" if "垃圾" in lemmas[i + 1:min(i + 3, hi)] else "word"
    if lem in _ZH_TOPIC:
        return "none" if any(valued(w) or w in _ZH_JUDGED_AFTER or w[:1] in ("不", "没")
                             for w in lemmas[i + 1:min(i + 3, hi)]) else "word"
    if lem in _ZH_LITERAL:
        return "none" if any(w in _ZH_RUBBISH_NEAR for w in lemmas[max(lo, i - 2):min(i + 3, hi)]) else "word"
    return "negator" if valued(after) else "word"


_EN_OWNERS = frozenset({"their", "his", "her", "your", "the", "its"})


def _english_or_russian(lem: str, lemmas: Sequence[str], i: int, valued: Callable[[str], bool], lo: int, hi: int,
                        before: str, after: str) -> str:
    """:func:`reading_here` of an English or Russian contextual word (``before``, ``after``: its neighbours)."""
    if lem == "часы":
        return "word" if before == "как" and "работать" in lemmas[max(lo, i - 4):i] else "none"
    if lem in RU_VALUED:
        return "none" if not _RU_SUMMED.isdisjoint(lemmas[i + 1:min(i + 3, hi)]) else "word"
    if lem in EN_WORN:
        verb = before == "have" or (before == "be" and i - 1 > lo and lemmas[i - 2] in _EN_MODALS) or (
            after in _EN_AFTER_WORN)
        return "none" if verb else "word"
    if lem in _EN_TRADE:
        return "none" if after in _EN_TRADE[lem] else "word"
    if lem == "dead":
        return "none" if valued(after) else "word"
    if lem == "far":
        return "negator" if after == "from" else "none"
    if lem == "else":
        return "word" if before in _EN_OTHER_ONES and not _EN_GOING.isdisjoint(lemmas[max(lo, i - 4):i - 1]) else "none"
    if lem == "spot":  # "the engineer was spot on" (not "spotted a fault", "on the spot")
        return "word" if after == "on" else "none"
    if lem == "beyond":
        return "word" if tuple(lemmas[max(lo, i - 2):i]) == ("above", "and") else "none"
    if lem == "tin":  # "does (exactly) what it says on the tin" (praise; not "doesn't do what it says on the tin")
        before = lemmas[max(lo, i - 9):i]
        said = tuple(lemmas[max(lo, i - 3):i]) == ("say", "on", "the")
        return "word" if said and _EN_NOT.isdisjoint(before) and "n't" not in before else "none"
    if lem == "ask":  # "couldn't ask for more", "can't ask for better service" (praise; its negator keeps its sign:
        # insight.text.denials.keeps_sign); no opinion elsewhere ("I asked for a refund", "asked for more time")
        return "word" if asked_for_nothing_more(lemmas, i) else "none"
    if lem == "let":  # "they let me down" blames, and "never let me down" praises (not "let me know", "let us cancel")
        return "word" if after in ("me", "us", "you", "down") and "down" in lemmas[i + 1:min(i + 3, hi)] else "none"
    if lem == "patient" and after == "with":  # "so patient with my mum" (not "as a patient")
        return "word"
    if lem in ("understand", "patient"):  # "they were really understanding", "so patient" (kind; not "I don't
        # understand the bill", "the patient")
        return "word" if before in ("be", "very", "so", "extremely", "incredibly", "most", "super") or (
            before == "really" and i - 2 >= lo and lemmas[i - 2] == "be") else "none"
    if lem == "hide":  # "hidden fees", "hidden charges" (lemma "hide"; not "a hidden gem")
        return "word" if after in _EN_HIDDEN else "none"
    if lem == "limit":
        return "word" if before in _EN_DESCRIBING or after in _EN_LIMITED else "none"
    if lem == "stuff":  # "the advisors know their stuff" (able; not "all my stuff arrived")
        return "word" if i - 2 >= lo and lemmas[i - 2] == "know" and before in _EN_OWNERS else "none"
    if lem in ("pants", "pant"):
        return "word" if "be" in lemmas[max(lo, i - 2):i] else "none"
    if lem in EN_VALUED:
        before_it = lemmas[max(lo, i - 3):i]
        return "word" if not _EN_KEEPING.isdisjoint(before_it) or not _EN_NOT.isdisjoint(before_it) else "none"
    return "negator" if valued(after) else "word"
