"""What the customer sets apart from this company's doing now: a shortcoming told as past and set against "this time"
("之前点过一次没送到，这次很顺利", "Last time the driver was late, this time perfect", "I used to dread appointments and now
I don't"), what other shops do (一般外卖都很慢，这家很快; 不像别家只有几片), what the customer had thought before
(本来以为会很难吃，没想到还不错) and, in Russian, what another company did ("Раньше был клиентом другого оператора, там
постоянно списывали ..."). :func:`bygone` gives their positions; :mod:`insight.text.excuses` covers them as it covers an
excuse (no blame, no complaint cue) and :class:`insight.text.polarity.Reading` reads no praise there either."""

from __future__ import annotations

from collections.abc import Sequence

from insight.text.remedies import long_wait, only_praised

# where a clause and a sentence end (here and for the excuses' cover)
CLAUSE_END = frozenset({",", "，", ";", "；", ".", "。", "!", "！", "?", "？", "…", "~", "～", "\n", ":", "：", "but", "但",
                        "但是", "可是", "но", "а"})
SENTENCE_END = frozenset({".", "。", "!", "！", "?", "？", "…", "\n"})
_CLAUSE_END, _SENTENCE_END = CLAUSE_END, SENTENCE_END


def clause_start(lemmas: Sequence[str], k: int) -> int:
    """Where the clause that holds position ``k`` begins: after the nearest CLAUSE_END before it, or at 0."""
    while k and lemmas[k - 1] not in CLAUSE_END:
        k -= 1
    return k

# what is told as past and set against this time: "之前点过一次没送到，这次很顺利", "Last time the driver was late, this
# time perfect", 以前挺好吃的，现在变味了 - the past clauses are covered (what this time brings is read as it stands:
# 之前送错过一次，这次又送错了 still blames): neither a past blame (an excuse's cover) nor a past praise (polarity.Reading
# reads no praise there either) counts. So is what is told of other shops or of the usual against this one: 一般外卖都很慢，
# 这家很快; 别家都是半小时，这家… (一般 opens such a clause when 都 or 就 follows its noun)
_ZH_PAST = frozenset({"之前", "以前", "上次", "上回", "以往", "过去", "前几次", "前两次", "原来", "之前有", "以前有",
                      "刚开始", "一开始", "起初", "最初", "开始时", "第一次",
                      "平时", "通常", "一般来说", "一般情况下", "别家", "别的店", "别的家", "其他家", "其他店", "别人家"})
_ZH_NOW = frozenset({"这次", "这回", "这一次", "今天", "现在", "这顿", "此次", "这次的", "这家", "这家店", "这个店", "他家",
                     "最近", "如今", "这里", "这边", "这儿", "后来"})  # (之前在别家买过一次假货，这里买的都是正品)  # (以前觉得这家一般，最近换了厨师，好吃多了)
_EN_PAST = (("last", "time"), ("previously",), ("in", "the", "past"), ("before",), ("use", "to"), ("it", "use", "to"),
            ("i", "use", "to"), ("we", "use", "to"), ("they", "use", "to"))
_EN_NOW = (("this", "time"), ("now",), ("today",), ("lately",), ("recently",), ("these", "day"),
           ("the", "last", "few", "time"), ("the", "last", "couple", "of", "time"))  # ("... but the last few times")
_OPENERS = frozenset({"但", "但是", "可是", "不过", "而", "but", "and", "however", "но", "а", "и", "однако"})
# Russian: "Сначала были проблемы со скоростью, но после визита мастера всё работает отлично" ("раньше" is lemmatised
# "ранний")
_RU_PAST = frozenset({"сначала", "поначалу", "вначале", "ранний", "раньше", "прежде", "изначально"})
_RU_NOW = frozenset({"теперь", "сейчас", "после", "потом", "затем", "сегодня", "нынче"})
_EN_AGAIN = frozenset({"also", "still", "again", "too", "even"})
_RU_LATELY = frozenset({("последний",), ("последнее",)})
_PAST = {"zh": _ZH_PAST, "en": _EN_PAST, "ru": _RU_PAST}
_NOW = {"zh": _ZH_NOW, "en": _EN_NOW, "ru": _RU_NOW}


def bygone(lemmas: Sequence[str], lang: str) -> set[int]:
    """The clauses from one that opens with a past marker (之前, 上次, "last time", "used to") to one of the same
    sentence that opens with "this time" (这次, 这回, 现在, "this time", "now"), after a contrast or not: what the
    customer sets against this time (之前一直点，味道很好，这次咸得要命: both past clauses); in English also a clause of
    the start ("at first", "initially") before one that says "now" or "since" anywhere ("slow speeds at first, they
    adjusted the line and now it's flying", "some dropouts at first but ... it's been perfect since"), a clause that
    tells what "used to" be after a short subject, and a next sentence that opens with "Now" ("Signal used to be
    dire. Now full bars everywhere"); in Chinese also a clause that opens "unlike" other shops (不像别家只有几片), and
    one of what the customer had thought before one that turns it (本来以为会很难吃，没想到还不错); in Russian the same of
    "сначала", "раньше" against "после", "теперь", "в последние …" ("Сначала были проблемы со скоростью, но после
    визита мастера всё работает"), and what another company did."""
    others = _unlike_others(lemmas) if lang == "zh" and not _ZH_UNLIKE.isdisjoint(lemmas) else set()
    if lang == "ru":
        others = _ru_others(lemmas) if not _RU_FORMER.isdisjoint(lemmas) else others
    elif lang not in ("zh", "en"):
        return others
    thoughts = lang == "zh" and not _ZH_THOUGHT.isdisjoint(lemmas)
    firsts = [p for p in (p for p, w in enumerate(lemmas) if w in _EN_FIRST_WORDS) if lemmas[p] == "initially"
              or tuple(lemmas[p - 1:p + 1]) in _EN_FIRST or tuple(lemmas[p:p + 2]) in _EN_FIRST] \
        if lang == "en" and not _EN_FIRST_WORDS.isdisjoint(lemmas) else []  # where "at first" and its kin are told
    if not thoughts and ((_PAST_WORDS[lang].isdisjoint(lemmas) and not firsts) or (
            _NOW_WORDS[lang].isdisjoint(lemmas) and not (firsts and "since" in lemmas))):
        return others
    starts = [k for k in range(len(lemmas)) if k == 0 or lemmas[k - 1] in _CLAUSE_END or (
        lemmas[k] == "now" and lemmas[k - 1] == "and")]  # ("I used to dread appointments and now I don't")
    covered: set[int] = others
    for n, k in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(lemmas)
        first = bool(firsts) and any(k <= p < end for p in firsts)  # "slow speeds at first, ... now it's flying"
        thought = thoughts and _thought(lemmas, k)  # 本来以为会很难吃，没想到还不错
        before = lang == "en" and end >= 2 and tuple(lemmas[end - 2:end]) == ("before", "but")  # ("I've had issues
        # with estate agents before but this team kept me updated")
        if not (first or thought or before or _opens(lemmas, k, lang, _PAST) or _usual(lemmas, k, lang) or (
                lang == "en" and _used_to(lemmas, k, end))):
            continue
        for m, j in enumerate(starts[n + 1:], start=n + 1):
            if not _SENTENCE_END.isdisjoint(lemmas[end - 1:j]) and not (
                    lang == "en" and m == n + 1 and lemmas[j - 1] in _SENTENCE_END and lemmas[j] == "now"
                    and _EN_AGAIN.isdisjoint(lemmas[j:starts[m + 1] if m + 1 < len(starts) else len(lemmas)])):
                break  # (another sentence; but in English the next may open with "now": "used to be dire until they
                # put a new mast up. Now full bars everywhere" - not 之前没送到。这次也很慢, nor "... Now it's still slow")
            now = j + (lemmas[j] in _OPENERS)
            nxt = starts[m + 1] if m + 1 < len(starts) else len(lemmas)  # (where the clause at j ends)
            if now < len(lemmas) and (_opens(lemmas, now, lang, _NOW) or (before and lemmas[now] in ("this", "these"))
                                      or (first and not {"now", "since"}.isdisjoint(lemmas[j:nxt]))
                                      or (thought and not _ZH_TURNED.isdisjoint(lemmas[j:j + 3]))):  # (吃完才发现挺饱的)
                covered.update(range(k, j))
                covered.update(_outgrown(lemmas, k, j))
                break
    return covered


def _outgrown(lemmas: Sequence[str], k: int, j: int) -> range:
    """The English clause at ``j`` when it only denies, now, the trouble the past clause at ``k`` told: "I used to dread
    appointments and now I don't" (its "don't" is no complaint; not "it used to work, now it doesn't")."""
    end = j
    while end < len(lemmas) and lemmas[end] not in _CLAUSE_END:
        end += 1
    said = [w for w in lemmas[j:end] if w not in ("and", "now", "i", "we", "it", "they")]
    verb = next((lemmas[p + 2] for p in range(k, j - 2) if tuple(lemmas[p:p + 2]) == ("use", "to")), "")
    if said not in (["do", "not"], ["be", "not"], ["have", "not"]) or not verb:
        return range(0)
    from insight.text.nlp import lexicon

    return range(j, end) if (lexicon("en").get(verb) or 0) < 0 else range(0)


def _used_to(lemmas: Sequence[str], k: int, end: int) -> bool:
    """Whether the English clause ``k..end`` tells what "used to" be after a short subject: "Mobile signal at home used
    to be dire" (within its first six words)."""
    return any(tuple(lemmas[p:p + 2]) == ("use", "to") for p in range(k, min(end - 1, k + 6)))


def _unlike_others(lemmas: Sequence[str]) -> set[int]:
    """The Chinese clauses that open with "unlike" other shops (牛肉给得很多，不像别家只有几片): what they tell is the
    others' (a clause of its own: from 不像 to the clause's end)."""
    covered: set[int] = set()
    for k, lem in enumerate(lemmas):
        if lem in _ZH_UNLIKE and (k == 0 or lemmas[k - 1] in _CLAUSE_END) and lemmas[k + 1:k + 2] \
                and lemmas[k + 1] in _ZH_PAST:
            end = k
            while end < len(lemmas) and lemmas[end] not in _CLAUSE_END:
                end += 1
            covered.update(range(k, end))
    return covered


_ZH_UNLIKE = frozenset({"不像", "不同于", "不比", "不像是"})

# Russian: what another company did ("Раньше был клиентом другого оператора, там постоянно списывали за непонятные
# услуги"; "в прошлом банке ..."), up to a clause of this one (здесь, тут, теперь) or the sentence's end (not "уйду к
# другому оператору": where the customer would go)
_RU_FORMER = frozenset({"другой", "прежний", "предыдущий", "прошлый", "старый", "бывший"})
_RU_COMPANIES = frozenset({"оператор", "банк", "провайдер", "магазин", "компания", "страховая", "страховой", "такси",
                           "сервис", "поставщик", "клиника", "салон", "маркетплейс", "агрегатор", "перевозчик"})
_RU_AT = frozenset({"у", "в", "от", "с", "из", "клиент", "клиентка", "ранний", "раньше"})
_RU_HERE = frozenset({"здесь", "тут", "теперь", "сейчас", "этот", "здешний"})


def _ru_others(lemmas: Sequence[str]) -> set[int]:
    """The Russian clauses that tell of another company (see _RU_FORMER), to the next that tells of this one."""
    covered: set[int] = set()
    for k, lem in enumerate(lemmas):
        if lem not in _RU_FORMER or _RU_COMPANIES.isdisjoint(lemmas[k + 1:k + 3]) \
                or _RU_AT.isdisjoint(lemmas[max(0, k - 4):k]) or (k and lemmas[k - 1] in ("к", "на")):
            continue
        lo = k
        while lo and lemmas[lo - 1] not in _SENTENCE_END:
            lo -= 1
        end = k
        while end < len(lemmas) and lemmas[end] not in _SENTENCE_END and not (
                lemmas[end - 1] in _CLAUSE_END and lemmas[end] in _RU_HERE):
            end += 1
        covered.update(range(lo, end))
    return covered


def _thought(lemmas: Sequence[str], k: int) -> bool:
    """Whether the Chinese clause at ``k`` opens with what the customer had thought (本来以为, 原以为, 还以为)."""
    first = _zh_opening(lemmas, k)
    k += len(first) > len(lemmas[k])  # (一 / 开始 / 以为)
    return first in _ZH_THOUGHT or (first in ("本来", "原本", "原来", "我", "还", "一开始", "刚开始", "开始", "起初")
                                    and tuple(lemmas[k + 1:k + 2]) in _ZH_THOUGHT_VERBS)


# what was thought or feared before (本来以为, 本来担心要等很久，没想到第二天就修好了)
_ZH_THOUGHT_VERBS = frozenset({("以为",), ("担心",), ("害怕",), ("怕",)})


_ZH_THOUGHT = frozenset({"原以为", "本以为", "还以为", "以为", "满以为", "担心", "害怕"})
_ZH_TURNED = frozenset({"没想到", "没想", "结果", "其实", "谁知", "谁知道", "但", "但是", "可是", "不过", "然而", "竟然",
                        "才发现", "发现"})


_EN_FIRST_WORDS = frozenset({"initially", "first", "begin", "start"})  # "at first", "initially", "to begin with"
_EN_FIRST = frozenset({("at", "first"), ("to", "begin"), ("to", "start"), ("first", "week"), ("first", "month"),
                       ("first", "few"), ("we", "first"), ("i", "first")})  # ("when we first moved in")


def _opens(lemmas: Sequence[str], k: int, lang: str, marks: dict) -> bool:
    """Whether the clause at ``k`` opens with one of the words (Chinese, Russian) or phrases (English) of ``marks``."""
    if lang == "zh":
        return _zh_opening(lemmas, k) in marks["zh"]
    if lang == "ru":  # ("в последние полгода", "за последний год")
        return lemmas[k] in marks["ru"] or (lemmas[k] in ("в", "за") and tuple(lemmas[k + 1:k + 2]) in _RU_LATELY)
    return any(tuple(lemmas[k:k + len(p)]) == p for p in marks["en"])


def _zh_opening(lemmas: Sequence[str], k: int) -> str:
    """The Chinese word that opens the clause at ``k``: 一 / 开始 and 刚 / 开始 (as the segmenter leaves them) read as
    one word."""
    if lemmas[k] in ("一", "刚") and tuple(lemmas[k + 1:k + 2]) == ("开始",):
        return lemmas[k] + "开始"
    if lemmas[k] in _ZH_SWITCHED:  # 换了这家以后…, 换过来之后…: "since switching to this one" opens this time
        j = k + 1 + (tuple(lemmas[k + 1:k + 2]) == ("了",))
        if j < len(lemmas) and lemmas[j] in _ZH_NOW:
            return lemmas[j]
        if (j < len(lemmas) and lemmas[j] in _ZH_AFTER) or (
                lemmas[k] == "换" and tuple(lemmas[j:j + 2]) in _ZH_OVER_AFTER):
            return "现在"
    return lemmas[k]


_ZH_SWITCHED = frozenset({"换", "换成", "换到", "改用", "转到", "转", "来到", "换过来", "转过来", "换了过来"})
_ZH_AFTER = frozenset({"之后", "以后", "后"})
_ZH_OVER_AFTER = frozenset({("过来", "之后"), ("过来", "以后"), ("过来", "后")})


def _usual(lemmas: Sequence[str], k: int, lang: str) -> bool:
    """Whether the Chinese clause at ``k`` tells of the usual: 一般 / 外卖 / 都很慢 (一般 as "usually": 都 or 就 after its
    noun)."""
    return lang == "zh" and lemmas[k] == "一般" and tuple(lemmas[k + 2:k + 3]) in (("都",), ("就",))


_PAST_WORDS = {"zh": _ZH_PAST | {"一般", "开始"}, "en": frozenset({"last", "previously", "past", "before", "use"}),
               "ru": _RU_PAST}
_NOW_WORDS = {"zh": _ZH_NOW | _ZH_SWITCHED, "en": frozenset({"this", "now", "today", "lately", "recently", "these",
                                                                "few", "couple"}),  # (a word of each of _EN_NOW)
              "ru": _RU_NOW | {"последний", "последнее"}}


_EN_SLOW_FIX = frozenset({"finally", "eventually", "still"})  # ("after 3 weeks it finally works": a slow fix)


def overcome_start(lemmas: Sequence[str]) -> set[int]:
    """The opening "after" clause of an English sentence whose main clause only praises, nothing of a slow fix nor a
    long wait in either: a start overcome ("After a rocky start with a delayed installation, everything has been
    faultless", "After a few teething problems, it's been perfect"; not "After three weeks of waiting, it finally
    works", "After a rocky start, it got worse")."""
    covered: set[int] = set()
    for k in [k for k, w in enumerate(lemmas) if w == "after" and (not k or lemmas[k - 1] in SENTENCE_END)]:
        comma = next((j for j in range(k + 2, min(k + 14, len(lemmas))) if lemmas[j] in CLAUSE_END), None)
        if comma is None or lemmas[comma] != ",":
            continue
        end = next((j for j in range(comma + 1, len(lemmas)) if lemmas[j] in SENTENCE_END), len(lemmas))
        main = lemmas[comma + 1:end]
        if only_praised(main) and _EN_SLOW_FIX.isdisjoint(lemmas[k:end]) and not long_wait(lemmas, k, comma) \
                and {"not", "n't", "no", "never"}.isdisjoint(main):
            covered.update(range(k, comma))
    return covered


def days_gone(lemmas: Sequence[str]) -> set[int]:
    """An English "gone are the days of ..." (or "when ..."), to its clause's end: a trouble the customer has left
    behind ("Gone are the days of constant dropouts"), no blame now."""
    covered: set[int] = set()
    for k in range(len(lemmas) - 3):
        if tuple(lemmas[k:k + 4]) == ("go", "be", "the", "day"):
            end = k + 4
            while end < len(lemmas) and lemmas[end] not in CLAUSE_END:
                end += 1
            covered.update(range(k, end))
    return covered
