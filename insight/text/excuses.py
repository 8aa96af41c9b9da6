"""Excuses: a shortcoming the customer excuses is no complaint.

"下雨晚了十分钟，可以理解", "就是配送费有点贵，不过可以接受", "送得慢我能理解", "有点洒了，不影响食用", "a bit late
but understandable", "опоздали, но это простительно": the customer names what went wrong and says, in the
same sentence, that it does not count against them. :func:`excused` gives the positions such an excuse
covers - back to the nearest clause before it that blames something, within its sentence - and
:class:`insight.text.polarity.Reading` takes no blame and no complaint cue from them (a theme named there
reads as neither praised nor blamed). A slip told as past against "this time" is covered too
(:func:`insight.text.bygones.bygone`), and one that "doesn't bother" the customer ("occasional slowdowns but nothing
that bothers me"), is "hardly their fault" or was "because of the weather". The complaint
cues of an English slip remedied soon after are quieted as well (:func:`remedied`: "a double charge, refunded the
same day"), while its words of blame are read as put right (:mod:`insight.text.remedies`).

What is no excuse: one that is denied ("不能理解", "不能接受", "not acceptable", "не простительно"), one that
does not close its clause ("理解错了", "接受了退款" - the word means something else there), and, in
Chinese, 理解 or 接受 without the "can" that makes them a concession (我理解你的意思: understanding, not
forgiving). What follows the excuse in its sentence is not excused: "送餐慢我能理解，但是菜都是冷的" still
blames the cold food.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from insight.text.bygones import CLAUSE_END as _CLAUSE_END, SENTENCE_END as _SENTENCE_END, bygone, clause_start, \
    days_gone, overcome_start
from insight.text.complaint_cues import EN_UNITS
from insight.text.conduct import paid_for_conceded
from insight.text.durations import counted_on_one_hand
from insight.text.excuses_zh import ZH_APOLOGY, ZH_LET_PASS, apology_head, zh_alone, zh_caused
from insight.text.others import despite_another, fault_denied
from insight.text.remedies import REMEDY_HEADS, RU_REMEDIES, ZH_SOON, long_wait, quick_remedy, ru_quick, zh_remedy_at

# said of a shortcoming in Chinese, standing alone: 情有可原, 无伤大雅, 问题不大, 瑕不掩瑜, 不要紧 (not 无所谓 or
# 没关系: 服务员根本无所谓 - they do not care - and 和酒店没关系 - nothing to do with the hotel - are no excuses)
_ZH_IDIOMS = frozenset({"情有可原", "无伤大雅", "问题不大", "瑕不掩瑜", "不要紧", "不碍事", "可以原谅", "能原谅",
                        "不影响", "可以接受", "能接受", "可以理解", "能理解", "可理解",
                        "刚好", "刚刚好", "正好", "恰到好处", "刚合适", "正合适"})  # (不是很甜，刚刚好: not too sweet, just right)
# 理解, 接受, 原谅, 体谅 after a "can" (可以 / 能 / 也能): a concession
_ZH_CONCEDED = frozenset({"理解", "接受", "原谅", "体谅", "计较"})
_ZH_CAN = frozenset({"可以", "能", "能够", "可", "还能", "也能", "都能", "还可以", "也可以"})

# after 不影响 one word may follow: 不影响食用, 不影响使用, 不影响口感
_ZH_UNHARMED = frozenset({"食用", "使用", "口感", "味道", "吃", "心情", "整体", "体验", "品尝"})
_ZH_NOT = frozenset({"不", "并不", "也不", "不会", "没", "没有", "并没有", "丝毫不", "一点不"})
# what may follow an English excuse in its clause: "understandable given the snow"
_EN_REASONS = frozenset({"give", "given", "consider", "considering", "because", "due", "as", "since", "with", "for"})
_EN = frozenset({"understandable", "forgivable", "acceptable", "excusable", "forgiveable"})
# the customer's own fussiness ("the router is a bit ugly, and that's me being picky", "I'm just fussy")
_EN_PICKY = frozenset({"picky", "fussy", "nitpick", "nitpicking", "pedantic"})
_EN_SELF = frozenset({"i", "me", "we", "us"})
_EN_HEADED = _EN_PICKY | {"worth", "make", "expect", "bad", "problem"}  # (the excuses whose start their helpers find)
_RU = frozenset({"простительно", "простительный", "терпимо", "терпимый", "некритично", "некритичный",
                 "простить", "извинительно", "мелочь", "пустяк"})  # ("подождать пару минут, но это мелочи")
_RU_TRIFLE = frozenset({"мелочь", "пустяк"})
# the customer's own fault or device ("сама виновата", "но это скорее проблема телефона"; not "виноват магазин")
_RU_OWN = frozenset({"виноватый", "проблема"})
# a cause outside the company's hands, in Russian ("заказ задержали из-за погоды", "рейс отменили из-за снегопада")
_RU_WEATHER = frozenset({"погода", "снегопад", "метель", "ливень", "гроза", "туман", "гололёд", "гололед", "ураган"})
_RU_EXCUSES = _RU_TRIFLE | _RU_OWN | _RU_WEATHER
_RU_WEATHER_SLIPS = frozenset({"задержать", "задерживать", "опоздать", "отменить", "перенести", "задержка", "опоздание",
                               "отмена"})
_RU_DEVICES = frozenset({"телефон", "смартфон", "устройство", "компьютер", "ноутбук"})
_RU_TRIFLE_LEAD = frozenset({"это", "но", "а", "всё", "все", "просто", ",", "такой"})  # (not "даже в мелочах")
# a cause outside the company's hands: "delayed an hour because of weather", "due to the snow" (the slip it causes is
# excused: the customer says so by naming it)
_EN_WEATHER = frozenset({"weather", "snow", "storm", "fog", "ice", "wind", "flood", "flooding", "lightning",
                         "heatwave", "blizzard", "hurricane", "gale"})
_EN_CAUSED = frozenset({"because", "due", "owe"})
_EN_WHERE = frozenset({"in", "at", "over", "across", "around"})  # where the weather was
_EN_WEATHER_SLIPS = frozenset({"delay", "late", "cancel", "divert", "slow", "outage", "down", "lose", "drop", "close",
                               "wait", "hold", "bumpy", "turbulence", "turbulent", "reschedule", "postpone"})
_EN_FAULTS = frozenset({"fault", "error", "mistake"})  # ("my bank's error, not theirs": others.fault_denied)
# what the word before makes an excuse: 按 / 备注 (as noted: 没打电话直接放门口，按备注来的), 值得 / 等 (worth the wait),
# "worth the wait"
_LED = {"zh": {"备注": ("按", "按照", "照", "遵照"), "要求": ("按", "按照", "照", "遵照"), "等": ("值得",)},
        "en": {"wait": ("the",)}, "ru": {}}
# "worth it" excuses a wait only ("a bit of a wait to get connected but worth it"; "pricey but worth it" still blames
# the price, as SemEval-14's annotators read it: conflict)
_EN_WAITED = frozenset({"wait", "while", "delay", "long", "age", "late", "slow", "forever"})
# a shortcoming that does not trouble the customer: "occasional slowdowns but nothing that bothers me", "doesn't
# bother us", "I don't mind" (at its clause's end: not "I don't mind paying more", nor "it bothers me")
_STOPS = frozenset({".", "!", ",", ";", "?"})
_EN_UNBOTHERED = frozenset({"bother", "mind", "affect", "major", "serious", "deal"})  # "nothing major", "doesn't
# affect it", "no big deal"
# a shortcoming said to suit someone: 口味偏淡，适合老人 (not 不适合小孩: denied; 适合 alone, "suitable", is praise)
_ZH_SUITS = frozenset({"老人", "老年人", "小孩", "孩子", "小朋友", "宝宝", "我", "我们", "女生", "减肥", "清淡", "养胃",
                       "家里人", "长辈"})
WORDS = {"zh": _ZH_IDIOMS | _ZH_CONCEDED | {"影响", "适合"} | set(_LED["zh"]) | ZH_APOLOGY,
         "en": _EN | _EN_UNBOTHERED | _EN_WEATHER | set(_LED["en"]) | _EN_PICKY | _EN_FAULTS
         | {"since", "worth", "expect", "make", "bad", "problem"},
         "ru": _RU | _RU_OWN | _RU_WEATHER}

_NEGATORS = frozenset({"不", "没", "没有", "不太", "不能", "不可以", "无法", "不可", "not", "n't", "never", "hardly",
                       "barely", "не"})
_TAIL = frozenset({"的", "了", "吧", "啦", "哈", "呀", "啊", "嘛", "呢", "哦", "来", "做", "放", "送", "办", "the", "really",
                   "enough", "though", "anyway", "me", "us", "much", "too", "вполне",
                   "впрочем"})  # may follow the excuse in its clause


def excused(lemmas: Sequence[str], lang: str, blames: Callable[[int], bool] | None = None,
            past: set[int] | None = None, faults: Callable[[int, int], bool] | None = None) -> frozenset[int]:
    """The positions of ``lemmas`` that an excuse covers (the excuse's own words included), and the clauses
    of a shortcoming told as past when "this time" follows in the sentence (:func:`bygone`); empty when
    there is none (most comments: no excuse's word at all).

    An excuse covers the clauses before it back to the nearest one that ``blames`` (a position -> whether a
    word there blames or cues a complaint), within its sentence and after any earlier excuse: it excuses
    the last shortcoming named, not all of them ("包装太差，有点洒了，不影响食用" still blames the packing).
    Without ``blames`` (or with no blame before it) it covers back to the sentence's start. ``past``: :func:`bygone`
    of ``lemmas``, when the caller has it already. ``faults``: whether a span ``lo..hi`` blames or complains (an
    English "since" clause that does not - "hasn't happened since" - excuses the slip before it; none without it)."""
    words = WORDS.get(lang)
    if words is None:
        return frozenset()
    covered = set(past) if past is not None else bygone(lemmas, lang)
    if lang == "en" and "hand" in lemmas:
        covered |= counted_on_one_hand(lemmas)
    if lang == "en" and "though" in lemmas:
        covered |= despite_another(lemmas)
    if lang == "en" and "pay" in lemmas:
        covered |= paid_for_conceded(lemmas)
    if lang == "en" and "after" in lemmas:
        covered |= overcome_start(lemmas)
    if lang == "en" and "day" in lemmas:
        covered |= days_gone(lemmas)
    if lang == "zh":
        covered |= zh_caused(lemmas)
    if words.isdisjoint(lemmas):
        return frozenset(covered)
    start = 0  # where the current sentence (or what follows the last excuse) begins
    for i, lem in enumerate(lemmas):
        if lem in _SENTENCE_END:
            start = i + 1
        elif lem in words:
            head = _since_head(lemmas, i, faults) if lem == "since" else _excuse_head(lemmas, i, lang)
            if head >= 0:  # (a cause outside the company's hands covers from the slip it names: _not_theirs)
                lo = head if lem in _EN_WEATHER else _reach(lemmas, start, head, blames, faults)
                covered.update(range(lo, i + 1))
                start = i + 1
    return frozenset(covered)


def remedied(lemmas: Sequence[str], lang: str, blames: Callable[[int], bool] | None = None,
             faults: Callable[[int, int], bool] | None = None) -> frozenset[int]:
    """The positions whose complaint cues a remedy told soon after answers: "One issue with a double charge, refunded
    the same day", "Lost connection once, they gave me a credit without me asking" - back to the nearest clause before
    it that blames, within its sentence (:func:`insight.text.remedies.quick_remedy`: a remedy, how soon or how smoothly,
    nothing denying it to the sentence's end; in English, when its own sentence blames nothing before it, back into
    the sentence before, if that one blames). In English the words of blame there are read by
    :func:`insight.text.idioms.idiom` (a slip put right soon: mild praise); in Chinese (小哥送错了马上就来换了:
    :func:`insight.text.remedies.zh_remedy_at`) and Russian ("деньги списали дважды, вернули в тот же день":
    :func:`insight.text.remedies.ru_quick`) :class:`insight.text.polarity.Reading` reads them as put right.
    ``faults``: whether a span blames or complains (the nearest clause that does is where the cover begins; a word of
    ``blames`` when it is not given)."""
    heads = {"en": REMEDY_HEADS, "zh": ZH_SOON, "ru": RU_REMEDIES}.get(lang)
    if heads is None or heads.isdisjoint(lemmas):
        return frozenset()
    covered: set[int] = set()
    start, told = 0, 0  # (told: where the sentence before starts)
    for end in [k for k, lem in enumerate(lemmas) if lem in _SENTENCE_END] + [len(lemmas)]:  # sentence by sentence
        for r in [r for r in range(start + (lang != "en"), end) if lemmas[r] in heads]:  # (English: "Refunded ...")
            own = r  # (an English remedy is read from its clause's start: "they promised an engineer the next day")
            while lang != "zh" and own > start and lemmas[own - 1] not in _CLAUSE_END:
                own -= 1
            if zh_remedy_at(lemmas, r, end) if lang == "zh" else ru_quick(lemmas[own:end]) if lang == "ru" \
                    else quick_remedy(lemmas[own:end]):
                lo = _reach(lemmas, start, r, blames, faults)  # (a clause that only holds a cue's word blames nothing)
                if lang == "en" and lo == start and told < start and not _blamed(lemmas, start, r, blames, faults) \
                        and _blamed(lemmas, told, start - 1, blames, faults):
                    lo = _reach(lemmas, told, start - 1, blames, faults)  # the slip told in the sentence before: "I was
                    # charged twice. I rang up and they refunded it straight away."
                if not long_wait(lemmas, lo, r):
                    covered.update(range(lo, r))  # (not after a wait of days: "no internet for 2 weeks, engineer
                    # came the next day"; but "a few months ago", "last year": when)
        told, start = start, end + 1
    return frozenset(covered)


def mended_before(lemmas: Sequence[str], at: Sequence[int], faults: Callable[[int, int], bool]) -> frozenset[int]:
    """The positions whose complaint cues a clause that mends answers (``at``: where its "but" stands,
    :func:`insight.text.remedies.mends`): back to the nearest clause before it that blames or complains, within its
    sentence ("The app crashed a few times but the latest version is much better", "needed a reset twice in the first
    week, after that nothing"; not after a wait of days: "no internet for two weeks but they fixed it", nor a fault told
    as ongoing: "keeps crashing but they solved it")."""
    covered: set[int] = set()
    for c in at:
        start = c
        while start and lemmas[start - 1] not in _SENTENCE_END:
            start -= 1
        lo = _reach(lemmas, start, c, None, faults)
        if not long_wait(lemmas, lo, c) and not any(w in _ONGOING and (w != "every" or lemmas[k + 1] in _EVERY_TIME)
                                                     for k, w in enumerate(lemmas[lo:c], start=lo)):
            covered.update(range(lo, c))  # ("in the first week", "this year": when, not a wait)
    return frozenset(covered)


# a fault told as ongoing, which one fix does not answer: "The app keeps crashing but customer service solved it"
_ONGOING = frozenset({"keep", "still", "always", "constantly", "continually", "every", "forever", "repeatedly"})
_EVERY_TIME = frozenset({*EN_UNITS, "time", "few", "other", "single", "couple", "night", "morning", "evening", "now",
                         "so", "weekend", "year"})  # ("every day", "every other week"; not "like with every provider")


def _reach(lemmas: Sequence[str], start: int, head: int, blames: Callable[[int], bool] | None,
           faults: Callable[[int, int], bool] | None = None) -> int:
    """Where the cover of the excuse that begins at ``head`` begins: the start of the nearest clause before
    it (what its own clause says before it included) that holds a blame - a word of ``blames``, or a span that
    ``faults`` when that is given - else ``start``."""
    if faults is None and blames is None:
        return start
    k = head
    while k > start:
        lo = k - 1
        while lo > start and lemmas[lo - 1] not in _CLAUSE_END:
            lo -= 1
        if faults(lo, k) if faults is not None else any(blames(j) for j in range(lo, k)):
            return lo
        k = lo
    return start


def _blamed(lemmas: Sequence[str], lo: int, hi: int, blames: Callable[[int], bool] | None,
            faults: Callable[[int, int], bool] | None) -> bool:
    """Whether ``lo..hi`` blames: a span ``faults``, else a word of ``blames``."""
    return faults(lo, hi) if faults is not None else blames is not None and any(blames(j) for j in range(lo, hi))


def _since_head(lemmas: Sequence[str], i: int, faults: Callable[[int, int], bool] | None) -> int:
    """Where the English clause of the "since" at ``i`` begins when it tells that all has been well since a slip:
    "been perfect since", "hasn't happened since", "but since then it's been perfect", "fine ever since" (a clause
    that ``faults`` nothing; not "it's been slow ever since", not "since the price went up" - a reason); else -1."""
    n = len(lemmas)
    if not ((i + 1 < n and lemmas[i + 1] == "then") or (i and lemmas[i - 1] == "ever")
            or i + 1 == n or lemmas[i + 1] in _CLAUSE_END):
        return -1
    head = clause_start(lemmas, i)
    end = i
    while end < n and lemmas[end] not in _CLAUSE_END:
        end += 1
    return -1 if faults is None or faults(head, end) else head


def _excuse_head(lemmas: Sequence[str], i: int, lang: str) -> int:
    """Where the excuse whose word is at ``i`` begins (可以 of 可以 / 理解, 不 of 不 / 影响), or -1 when the word
    excuses nothing: denied, not closing its clause (an English reason may follow: "understandable given the
    snow"), and in Chinese 理解 or 接受 without a "can" before it (可以理解, 也能接受), 影响 without a "not", a word
    that needs the word before it to excuse (按 / 备注, 值得 / 等, "worth the wait") without it, "worth it" but after
    a wait, "expected" but opening its clause or after "to be"."""
    lem, head = lemmas[i], i
    led = _LED[lang].get(lem)
    if led is not None:  # 按 / 备注, 值得 / 等, "worth the wait"
        if not i or lemmas[i - 1] not in led or (lang == "en" and (i < 2 or lemmas[i - 2] != "worth")):
            return -1
        head = i - 1 - (lang == "en")
        if any(w in _NEGATORS for w in lemmas[max(0, head - 2):head]):
            return -1  # "not worth the wait"
    elif lang == "en" and lem in _EN_HEADED:  # "worth it", "make up for it", "me being picky", "which I expected"
        head, lem, i = _made_up(lemmas, i) if lem in ("worth", "make") else _expected(lemmas, i) if lem == "expect" \
            else _no_harm(lemmas, i) if lem in ("bad", "problem") else _own_fuss(lemmas, i)
        if head < 0:
            return -1
    elif (lang == "en" and (lem in _EN_WEATHER or lem in _EN_FAULTS)) or (lang == "ru" and lem in _RU_EXCUSES):
        head, i = _not_theirs(lemmas, i, lang)
        if head < 0:
            return -1
        if lem in _EN_WEATHER and i + 1 < len(lemmas) and lemmas[i + 1] in _EN_WHERE:  # "due to a storm in Chicago"
            i = next((k - 1 for k in range(i + 2, min(i + 6, len(lemmas) + 1))
                      if k == len(lemmas) or lemmas[k] in _CLAUSE_END), i)
    elif lang == "zh" and lem in ZH_APOLOGY:  # 晚了十几分钟，小哥一直道歉 (not 道歉有什么用, 一句道歉都没有)
        head = apology_head(lemmas, i)
        if head < 0:
            return -1
    elif lang == "zh" and lem == "适合":
        if i + 1 >= len(lemmas) or lemmas[i + 1] not in _ZH_SUITS or (i and lemmas[i - 1] in _NEGATORS):
            return -1
        lem = "适合" + lemmas[i + 1]
        while i + 1 < len(lemmas) and lemmas[i + 1] in _ZH_SUITS:
            i += 1  # (the clause must close after whom it suits: 适合老人小孩)
    elif lang == "zh" and lem == "影响":
        if not i or lemmas[i - 1] not in _ZH_NOT:
            return -1
        lem, head = "不影响", i - 1
    elif lang == "zh":
        if lem in _ZH_CONCEDED:
            if (tuple(lemmas[i + 1:i + 2]) == (lem,) or zh_alone(lemmas, i)) and (
                    not i or lemmas[i - 1] in _CLAUSE_END):
                return i  # 理解理解 (a concession said twice, at its clause's start), or 理解 a clause alone
            if not i or lemmas[i - 1] not in (ZH_LET_PASS if lem == "计较" else _ZH_CAN):
                return -1
            head = i - 1
        if head and lemmas[head - 1] in _NEGATORS:
            return -1  # 不 / 可以接受, 不 / 可以 / 理解 (不能理解, 没法接受: no "can" of ours)
    elif lang == "en" and lem in _EN_UNBOTHERED:
        head = next((k for k in range(i - 1, max(-1, i - 4), -1) if lemmas[k] in _NEGATORS or lemmas[k] == "nothing"
                     or (lem == "deal" and lemmas[k] == "no")), -1)
        if head < 0:
            return -1  # "it bothers me"
        if lem == "bother" and head >= 1 and lemmas[head - 1] == "do" and (head == 1 or lemmas[head - 2] in _STOPS) \
                and tuple(lemmas[i + 1:i + 2]) not in (("me",), ("us",)):
            return -1  # "Don't bother": advice to stay away, not a slip excused (not "slow at times, don't bother me")
    elif any(w in _NEGATORS for w in lemmas[max(0, i - 2):i]):
        return -1  # "not acceptable", "не простительно"
    k = i + 1
    if lem == "不影响" and k < len(lemmas) and lemmas[k] in _ZH_UNHARMED:
        k += 1
    if lem == "affect" and tuple(lemmas[k:k + 1]) in (("my",), ("our",), ("the",)):
        k += 2  # "nothing that affects my work", "doesn't affect the service"
    while k < len(lemmas) and lemmas[k] in _TAIL:
        k += 1
    closes = k == len(lemmas) or lemmas[k] in _CLAUSE_END or (lang == "en" and lemmas[k] in _EN_REASONS)
    return head if closes else -1


_EN_IFFY = frozenset({"to", "if", "would", "could", "should", "might", "hope", "unless"})  # (a make-up not had)


def _own_fuss(lemmas: Sequence[str], i: int) -> tuple[int, str, int]:
    """The English excuse of the customer's own fussiness at ``i`` ("the router is a bit ugly, and that's me being
    picky"; not "staff were picky about ID", "I'm not being picky"): its clause's start, or -1."""
    if i < 2 or "be" not in lemmas[i - 3:i] or any(w in _NEGATORS for w in lemmas[max(0, i - 3):i]):
        return -1, "", i
    head = clause_start(lemmas, i)
    return (-1 if _EN_SELF.isdisjoint(lemmas[head:i]) else head), lemmas[i], i


def _no_harm(lemmas: Sequence[str], i: int) -> tuple[int, str, int]:
    """The English excuse "which isn't bad" at "bad" (``i``) after a slip ("on hold for about 10 minutes, which isn't
    bad these days"), or "so no problem" at "problem" ("... but we had a text the day before warning us, so no
    problem"): where it begins and where its words end, or -1."""
    if lemmas[i] == "problem":
        lead = 2 if tuple(lemmas[max(0, i - 2):i]) == ("so", "no") else 3 if tuple(lemmas[max(0, i - 3):i]) == (
            "so", "not", "a") else 0
        return (i - lead if lead else -1), "problem", i
    k = i - 1 - (i >= 1 and lemmas[i - 1] in ("too", "that", "so"))
    if k < 2 or tuple(lemmas[k - 2:k + 1]) != ("which", "be", "not"):
        return -1, "", i
    end = i
    while end + 1 < len(lemmas) and lemmas[end + 1] not in _CLAUSE_END and end - i < 3:
        end += 1  # ("these days", "for a Monday")
    return k - 2, "bad", end


def _expected(lemmas: Sequence[str], i: int) -> tuple[int, str, int]:
    """Where the English excuse at "expect" (``i``) begins and where its words end (-1 when there is none): "lost
    connection during a storm, expected really", "to be expected", "ran 20 minutes late, which I expected on a Monday"
    (not "slower than expected", "as expected": a shortfall measured, not excused)."""
    if i >= 2 and tuple(lemmas[i - 2:i]) == ("to", "be"):
        return i - 2, "expect", i
    if i >= 2 and lemmas[i - 2] == "which" and lemmas[i - 1] in ("i", "we"):
        end = i
        while end + 1 < len(lemmas) and lemmas[end + 1] not in _CLAUSE_END and end - i < 6:
            end += 1  # (when it was expected may follow: "on a Monday")
        return i - 2, "expect", end
    return (i if not i or lemmas[i - 1] in _CLAUSE_END else -1), "expect", i


def _made_up(lemmas: Sequence[str], i: int) -> tuple[int, str, int]:
    """The English excuse at "worth" or "make" (``i``): where it begins, its words and where they end (-1 when there is
    none): "a bit of a wait ... but worth it" (after a wait only: "pricey but worth it" still blames the price), "a bit
    clunky, though the teachers more than make up for it" (its clause; not "nothing makes up for it", "if the food
    were good enough to make up for it")."""
    if lemmas[i] == "worth":
        if tuple(lemmas[i + 1:i + 2]) != ("it",) or _EN_WAITED.isdisjoint(lemmas[max(0, i - 12):i]) \
                or any(w in _NEGATORS for w in lemmas[max(0, i - 2):i]):
            return -1, "", i
        return i, "worth it", i + 1  # (the clause must close after "it")
    head = clause_start(lemmas, i)
    if tuple(lemmas[i + 1:i + 3]) != ("up", "for") or any(w in _NEGATORS or w == "nothing"
                                                           for w in lemmas[max(0, i - 3):i]) \
            or not _EN_IFFY.isdisjoint(lemmas[head:i]):
        return -1, "", i  # (nor "if the food were good enough to make up for it")
    return head, "make up for", i + 2 + (tuple(lemmas[i + 3:i + 4]) in (("it",), ("that",), ("this",)))


def _not_theirs(lemmas: Sequence[str], i: int, lang: str) -> tuple[int, int]:
    """Where the excuse at ``i`` begins and where its word ends: a cause outside the company's hands ("delayed because
    of the weather", "due to snow"), its fault denied ("that's hardly their fault", "no fault of theirs"), a trifle
    ("но это мелочи"; not "это не мелочь", "даже в мелочах"); -1 when there is none."""
    lem = lemmas[i]
    if lang == "ru" and lem in _RU_WEATHER:  # "задержали из-за погоды" (from the slip it caused)
        cause = i - 1 if i >= 3 and lemmas[i - 1] == "за" and lemmas[i - 3] == "из" else -1
        return next((k for k in range(cause - 1, max(-1, cause - 6), -1) if lemmas[k] in _RU_WEATHER_SLIPS), -1), i
    if lang == "ru" and lem == "виноватый":  # "сама виновата"
        return (i - 1 if i and lemmas[i - 1] == "сам" else -1), i
    if lang == "ru" and lem == "проблема":  # "но это скорее проблема телефона"
        mine = tuple(lemmas[i + 1:i + 2]) == ("мой",)  # ("проблема моего телефона"; not "проблема моего счёта")
        said = i >= 1 and lemmas[i - 1] in ("это", "скорее") and i + 1 + mine < len(lemmas) \
            and lemmas[i + 1 + mine] in _RU_DEVICES
        return (i - 1 if said else -1), i + 1 + mine
    if lang == "ru":
        lead = not i or lemmas[i - 1] in _RU_TRIFLE_LEAD or lemmas[i - 1] in _CLAUSE_END
        return (i if lead and _NEGATORS.isdisjoint(lemmas[max(0, i - 2):i]) else -1), i
    if lem in _EN_WEATHER:  # (from the slip it caused: "delayed an hour because of the weather")
        cause = next((k for k in range(i - 1, max(-1, i - 5), -1) if lemmas[k] in _EN_CAUSED), -1)
        return next((k for k in range(cause - 1, max(-1, cause - 7), -1) if lemmas[k] in _EN_WEATHER_SLIPS), -1), i
    return fault_denied(lemmas, i)
