"""Slips put right: a remedy told soon after a problem ("sent a new one next day", "refunded the same day", "without
any fuss"), a resolver after it ("problem solved", "it was sorted the same day"), a clause after "but" that mends
what went before ("but the replacement has been great"). :mod:`insight.text.idioms` reads a word of blame so put
right as mild praise, :mod:`insight.text.excuses` quiets the complaint cues a quick remedy answers, and
:mod:`insight.text.polarity` asks here what a resolver reaches."""

from __future__ import annotations

from collections.abc import Sequence

from insight.text.complaint_cues import EN_UNITS
from insight.text.lexicons import NEGATORS

# Words that undo a problem named after them: "they fixed the problem", "解决了问题", "устранили неполадку"
# is praise (the problem word turns mildly positive; "couldn't fix the problem" is then negated again).
RESOLVERS: dict[str, frozenset[str]] = {
    "en": frozenset({"fix", "solve", "resolve", "sort", "rectify", "remedy", "address", "repair", "patch"}),
    "zh": frozenset({"解决", "解决了", "处理好", "处理好了", "处理了", "修好", "修好了", "搞定", "搞定了", "解決", "补送",
                     "补送了", "补发", "补发了", "重新送", "重送"}),
    "ru": frozenset({"решить", "устранить", "исправить", "починить", "разрешить", "восстановить", "наладить", "уладить",
                     "урегулировать", "чинить", "решать", "исправлять", "устранять", "восстанавливать", "настроить"}),
}

# a slip put right soon after: a remedy and how soon ("sent a new one next day", "engineer came out the next morning",
# "had a new one to me next day", "back up the next morning", "an engineer was out the next day", "had someone out
# within 24 hours") or how smoothly
# ("without any fuss", "no quibbles", "without me asking")
REMEDIES = frozenset({"send", "come", "replace", "swap", "arrive", "fix", "sort", "resolve", "restore", "refund",
                      "new", "replacement", "back", "engineer", "technician", "credit", "someone", "somebody",
                      "reconnect", "correct", "rectify", "amend", "change", "unlock", "rebook", "reinstate", "reissue",
                      "reactivate"})  # ("made a mistake on my bill and corrected
# it the same day", "they changed it for me in two minutes")
REMEDY_HEADS = REMEDIES | {"put", "talk"}  # where a remedy's words may start ("put right with no fuss", "talked me
# through it in five minutes": quick_remedy)
_EN_FUSS = frozenset({"fuss", "quibble", "hassle", "question", "argument", "ask", "chase", "need"})
_EN_SOON = frozenset({"immediately", "promptly", "straight", "quickly", "within", "asap", "automatically",
                      "proactively"})  # ("they spotted it and refunded it automatically")
_EN_DAYS = frozenset({"day", "morning", "afternoon", "evening", "even"})  # ("evening" is lemmatised "even")
_EN_FEW = frozenset({"a", "one", "two", "2", "couple", "few"})  # days later: soon
_EN_BY_SOON = _EN_DAYS - {"day"} | {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                                    "tomorrow", "lunchtime", "teatime", "tonight"}  # ("a replacement by Tuesday")
# Chinese: how soon, then the remedy within three words (马上 / 就 / 来 / 换, 立刻 / 重新 / 做, 很快 / 给 / 补 / 了)
ZH_SOON = frozenset({"马上", "立刻", "立即", "很快", "及时", "第一时间", "迅速", "赶紧", "当即", "随即", "立马",
                     "二话不说", "二话没说", "爽快", "痛快", "主动"})  # (and readily: 店家二话不说就给退了; 商家主动送了饮料道歉)
_ZH_REMEDY_HEADS = ("换", "重新", "重做", "重送", "补", "退", "赔", "调换", "更换", "送", "道歉")  # (骑手走错了楼，…很快就送到了)
_ZH_NOT_REMEDIES = frozenset({"退房", "退货", "退单", "退订", "退出", "换乘"})  # (很快就退房了: checked out)
_ZH_NOT = frozenset({"不", "没", "没有", "也没", "都没", "不给", "不肯", "不愿意", "拒绝"})
_ZH_ASKED = frozenset({"要求", "申请", "想", "要", "打算", "准备", "联系", "找", "让", "叫", "申请换货", "投诉", "打电话",
                       "催", "反映"})  # the customer's ask
# a Chinese "but" clause that mends with an apology or amends (虽然晚了十几分钟，但是骑手一直道歉; 但是商家给了补偿)
_ZH_MENDED = frozenset({"道歉", "赔礼道歉", "补偿", "赔偿", "退款", "退钱", "赔钱", "赔了"})
# a Russian "но" clause that mends with an apology or amends ("курьер немного опоздал, но позвонил заранее и извинился")
_RU_MENDED = frozenset({"извиниться", "извинение", "компенсировать", "компенсация", "предупредить", "предупреждать",
                        "извиняться", "объяснить",
                        "помочь", "скидка", "найти"})  # ("но курьер предупредил заранее", "но в чате всё объяснили",
# "курьер перепутал подъезд, но быстро нашёл")
_MENDED = {"zh": _ZH_MENDED, "ru": _RU_MENDED}
_ZH_WORTH = frozenset({"值", "值得", "值了", "物有所值", "物超所值", "值这个价"})
_ZH_THIS_PRICE = frozenset({("这个", "价"), ("这个", "价格"), ("这个", "价钱"), ("这个", "钱"), ("这", "价")})  # 值 / 这个 / 价
_CLAUSE_MARKS = frozenset({",", "，", ";", "；", ".", "。", "!", "！", "?", "？"})
_OURSELVES = frozenset({"myself", "ourselves", "сам", "сами", "самой", "самим", "自己"})
_CUSTOMER_ACTS = frozenset({"complain", "chase", "moan", "escalate", "threaten"})  # (what the customer had to do)
_FIX_REACH = 12  # English: words after a problem within which a resolver fixes it ("... it was sorted the same day")
_PROMISED = frozenset({"would", "will", "suppose", "promise", "meant", "should", "going"})  # a remedy promised, not had
_UNFIXED = frozenset({"fail", "would", "will", "should", "could", "try", "promise", "suppose", "still", "yet", "wait"})


# before "address", the noun (an email address, the wrong address): no problem addressed
_EN_ADDRESS_NOUN = frozenset({"the", "my", "your", "his", "her", "our", "their", "a", "an", "this", "that", "wrong",
                              "correct", "right", "new", "old", "email", "e", "mail", "home", "delivery", "billing",
                              "ip", "web", "postal", "full", "same", "different", "invoice", "shipping", "previous"})


def resolves(lemmas: Sequence[str], i: int, lo: int = 0) -> bool:
    """Whether the resolver at ``i`` (in a span from ``lo``) is the verb that undoes a problem: "they addressed the
    fault" (not "my email address", "delivered to the wrong address"; nor "never addressed the problem", a dealing
    denied: the problem stands, :func:`insight.text.negation.negator_reach`); nor a fix only told of, then gainsaid
    ("told my fault was fixed but nothing changed")."""
    if "but" in lemmas[i + 1:i + 5] and not _CLAIMS.isdisjoint(lemmas[max(lo, i - 6):i]):
        return False
    return lemmas[i] != "address" or i <= lo or (lemmas[i - 1] not in _EN_ADDRESS_NOUN
                                                  and lemmas[i - 1] not in NEGATORS["en"])


_CLAIMS = frozenset({"say", "tell", "claim", "assure", "insist"})


# (what mends after "but": :func:`mends`; "latest" is lemmatised "late")
_EN_MENDED = (("come", "back"), ("back", "up"), ("back", "to", "normal"), ("new", "one"), ("replacement",),
              ("talk", "me", "through"), ("talk", "us", "through"), ("correct",), ("handle",), ("apologetic",),
              ("apologise",), ("apologize",), ("compensate",), ("goodwill",), ("match",), ("worth",), ("help",),
              ("refund",), ("credit",), ("replace",), ("month", "free"), ("for", "free"), ("free", "of", "charge"),
              ("honour",), ("honor",), ("quick", "call"), ("latest", "version"), ("late", "version"),
              ("new", "version"), ("good", "about", "it"), ("great", "about", "it"), ("brilliant", "about", "it"),
              ("fantastic", "about", "it"), ("in", "the", "meantime"), ("let", "me", "know"), ("let", "us", "know"),
              ("call", "ahead"), ("phone", "ahead"), ("ring", "ahead"), ("day", "before", "warn"), ("warn", "us"),
              ("warn", "me"),  # ("but we had a text the day before warning us")
              ("improve",), ("what", "you", "pay", "for"), ("do", "the", "job"), ("job", "do"),
              ("no", "charge"), ("no", "extra", "charge"), ("no", "cost"), ("no", "extra", "cost"), ("still", "cheap"),
              ("still", "good"), ("still", "great"), ("still", "better"), ("still", "the", "best"), ("still", "plenty"),
              ("still", "fast"), ("still", "enough"), ("still", "more", "than", "enough"), ("still", "worth"),
              ("make", "it", "great"), ("make", "it", "better"), ("make", "it", "good"), ("make", "it", "brilliant"),
              ("exchange",), ("swap",), ("upgrade", "us"), ("upgrade", "me"), ("be", "save"), ("nothing", "be", "lose"),
              ("nothing", "lose"),
              ("ahead", "of", "schedule"), ("ahead", "of", "time"), ("on", "time"), ("make", "up", "the", "time"),
              ("make", "up", "time"), ("make", "up", "for"))  # ("departed a bit late but landed 25 min ahead of
# schedule", "but they added an extra session to make up for it")


_EN_MENDED_AT: dict[str, list[tuple[str, ...]]] = {}  # the phrases by their first word (a phrase is sought only there)
for _phrase in _EN_MENDED:
    _EN_MENDED_AT.setdefault(_phrase[0], []).append(_phrase)


def mends(words: Sequence[str], lang: str, resolvers: frozenset[str]) -> bool:
    """Whether the clause ``words`` (after "but") mends what went before: a resolver ("but they fixed it quickly"),
    or in English a thing that came back, a replacement, a help line that talked one through it, a slip handled well
    or apologised for, a price matched or honoured, a refund, a credit or something free given, help ("but the
    replacement has been great", "but support helped me reset it", "but they gave me a month free", "but it came back
    on its own", "but they handled it brilliantly", "but they matched a competitor's deal"), a stopgap ("but they gave
    me a hotspot in the meantime"), a courtesy ("but phoned ahead to let me know"), a change for the better ("used to
    be bad but they've really improved"), a shortfall conceded ("a bit pricey but you get what you pay for", "but it
    does the job", "but still cheaper than the rest"); in Chinese also 值 closing it, or an apology or amends
    (但是骑手一直道歉). Nothing denied ("but they didn't fix it", 但是没有解决, "but nobody apologised"; "without any fuss" denies
    nothing), nothing the customer did themselves."""
    if lang == "zh" and any(w in _ZH_WORTH and (k == 0 or words[k - 1] not in _ZH_NOT) and (
            k + 1 == len(words) or words[k + 1] in _CLAUSE_MARKS or words[k + 1] in ("的", "了", "啊", "呀")
            or tuple(words[k + 1:k + 3]) in _ZH_THIS_PRICE) for k, w in enumerate(words)):
        return True  # 虽然贵了点，但是食材很好，值 ("but ... worth it" closing its clause; not 但是不值得, 不过值得表扬)
    cut = next((k for k, w in enumerate(words) if w in _CLAUSE_MARKS), None)
    words = words[:cut] if cut is not None else words  # (its own clause: "но не дождались, решили ...")
    if not _OURSELVES.isdisjoint(words):
        return False  # "but I sorted it myself", "но не дождались, решили этот вопрос сами": the customer's own fix
    if lang == "en" and tuple(words[:2]) in _SINCE:  # "none since", "after that everything went like clockwork" (not
        # "after that it got worse")
        return words[0] == "none" or tuple(words[2:]) in (("nothing",), ("no", "problem"), ("no", "issue")) or (
            not _slow(words) and only_praised(words))  # ("after that nothing", "since then no problems")
    if lang == "en" and tuple(words[:1]) == ("once",) and not _slow(words) and only_praised(words):
        return True  # "but once that was done everything went smoothly": the slip got past
    negators = NEGATORS.get(lang, frozenset())
    if any(w in negators and tuple(words[k + 1:k + 2]) not in _SMOOTHLY for k, w in enumerate(words)) \
            or _slow(words):
        return False  # (nor a fix that took long: "but it took them a month to fix it", "but they finally fixed it")
    if not resolvers.isdisjoint(words) or not _MENDED.get(lang, resolvers).isdisjoint(words):
        return True
    return lang == "en" and any(tuple(words[k:k + len(m)]) == m for k, w in enumerate(words)
                                for m in _EN_MENDED_AT.get(w, ()))


# how an English clause after a comma opens when it may mend with no resolver in it: "had a few drop outs in the first
# week, none since", "rescheduled once, after that everything went like clockwork", "went up a bit, still good value"
_SINCE = {("none", "since"), ("after", "that"), ("since", "then"), ("ever", "since"), ("from", "then")}
SINCE_WORDS = frozenset({"since", "after", "still"})


def comma_mends(words: Sequence[str], resolvers: frozenset[str]) -> bool:
    """Whether the English clause ``words`` after a comma may mend what went before (:func:`mends` then decides): a
    resolver in it ("froze twice, a software update fixed it"), or it opens with "still" or a "since then"."""
    return not resolvers.isdisjoint(words) or tuple(words[:2]) in _SINCE or tuple(words[:1]) == ("still",)


def only_praised(words: Sequence[str]) -> bool:
    """Whether English ``words`` hold a word of praise and none of blame (the lexicon's)."""
    from insight.text.nlp import lexicon

    values = lexicon("en")
    return any((values.get(w) or 0) > 0 for w in words) and not any((values.get(w) or 0) < 0 for w in words)


_SLOWLY = frozenset({"take", "eventually", "finally", "only", "终于", "请", "希望", "please", "hope", "should", "need",
                     "must", "wish", "could", "would", "бы"})  # (and asked: 但请尽快解决, "but please make an effort to
# improve"; or what could have been: "но официанты могли бы предупредить", "but they could have warned us")
def _slow(words: Sequence[str]) -> bool:
    """Whether a clause that would mend tells of a fix that took long, or one only asked for or imagined (_SLOWLY; not
    "took the time to go through everything": their care)."""
    return any(w in _SLOWLY and not (w == "take" and tuple(words[k + 1:k + 3]) in (("the", "time"), ("time", "to")))
               for k, w in enumerate(words))


_SMOOTHLY = frozenset({("any",), ("fuss",), ("quibble",), ("hassle",), ("question",), ("problem",), ("delay",),
                       ("me",), ("us",), ("charge",), ("cost",), ("extra",), ("мой",), ("лишний",), ("просьба",),
                       ("вопрос",), ("проблема",), ("напоминание",), ("проволочка",)})
# ("came back without me doing anything", "sent a booster at no charge"; "сделали перерасчёт без моих просьб")


_EN_FIX_NOUN = frozenset({"the", "a", "this", "that", "latest", "late", "last", "new", "their", "its", "quick",
                          "temporary", "security", "software"})


def resolver_at(lemmas: Sequence[str], i: int, lo: int, before: int) -> int:
    """Where the resolver at ``i`` reaches from when it resolves (:func:`resolves`: not "the wrong address"): its
    particle ("sorted out a billing mistake"), else itself; ``before`` when it does not resolve."""
    if not resolves(lemmas, i, lo) or (i > lo and lemmas[i - 1] in _EN_FIX_NOUN and lemmas[i] in ("fix", "patch")):
        return before  # (a fix named, not done: "the latest fix broke everything")
    return i + (tuple(lemmas[i + 1:i + 2]) == ("out",))


def fixed_after(lemmas: Sequence[str], i: int, hi: int, lang: str, resolvers: frozenset[str]) -> bool:
    """A resolver after the problem at ``i``, before ``hi``, nothing denying or deferring it between: "problem
    solved", "had one issue in 3 years and it was sorted the same day" - not "the issue was never resolved",
    "they failed to fix it", "said they would fix it". English reaches 11 words, the other languages 4 (有问题马上就处理了:
    a time and 就 may stand between)."""
    negators = NEGATORS[lang]
    for j in range(i + 1, min(i + (_FIX_REACH if lang == "en" else 5), hi)):
        w = lemmas[j]
        if w in resolvers and resolves(lemmas, j):
            return True
        if w in negators or w in _UNFIXED or (w == "to" and j + 1 < hi and lemmas[j + 1] == "get") or (
                w == "to" and j == i + 1):
            return False  # (and "a battle to get anything sorted": the fix is the aim, not what happened; "slow to
            # fix anything": the problem word governs the fix)
    return False


def remedied_soon(lemmas: Sequence[str], i: int) -> bool:
    """Whether the slip at ``i`` was put right soon after, in its sentence (the next clause too: "there was a fault
    once, engineer came out the next morning"): a remedy ("sent a new one", "came out", "replaced it") with how soon
    ("next day", "the same day", "within the hour", "straight away"), nothing denying it between ("the router
    failed and they sent a new one next day"; not "... never sent one")."""
    after = lemmas[i + 1:i + 20]
    if REMEDY_HEADS.isdisjoint(after):  # (most words of blame: nothing more is read)
        return _remedy_first(lemmas, i) or _remedied_next(lemmas, i)
    for k, w in enumerate(after):
        if w in (".", "!", "?"):
            after = after[:k]
            break
    return quick_remedy(after) or (REMEDY_HEADS.isdisjoint(after) and _remedied_next(lemmas, i))


_WHEN = frozenset({"last", "this", "next", "every", "per", "first"})  # ("last month", "my first month": when)


def long_wait(lemmas: Sequence[str], lo: int, hi: int) -> bool:
    """Whether ``lo..hi`` tells of days or more ("no internet for 2 weeks"): a slip no quick remedy puts right; not
    when it was ("a few months ago", "last year")."""
    return any(EN_UNITS.get(lemmas[k], 0) >= 3 and tuple(lemmas[k + 1:k + 2]) != ("ago",)
               and (k == 0 or lemmas[k - 1] not in _WHEN) for k in range(lo, hi))


def _remedied_next(lemmas: Sequence[str], i: int) -> bool:
    """The slip at ``i`` put right soon in the next sentence, its own saying nothing of a remedy nor of a long wait: "I
    was charged twice. I rang up and they refunded it straight away." (as :func:`insight.text.excuses.remedied`)."""
    end = next((k for k in range(i + 1, min(i + 30, len(lemmas))) if lemmas[k] in (".", "!", "?")), None)
    nxt = lemmas[end + 1:end + 25] if end is not None else ()
    if REMEDY_HEADS.isdisjoint(nxt) or long_wait(lemmas, i, end):
        return False
    stop = next((k for k, w in enumerate(nxt) if w in (".", "!", "?")), len(nxt))
    return quick_remedy(nxt[:stop])


def _remedy_first(lemmas: Sequence[str], i: int) -> bool:
    """The slip at ``i`` told as the occasion of a quick remedy told before it: "they refunded me straight away when
    I was overcharged", "replaced it the next day when it broke" (a "when" just before the slip)."""
    if lemmas[i] in _CUSTOMER_ACTS:
        return False  # "the engineer came the next day after I complained": no slip put right, a complaint answered
    k = next((k for k in range(i - 1, max(-1, i - 5), -1) if lemmas[k] in ("when", "after")), -1)
    before = lemmas[max(0, k - 10):k] if k > 0 else ()
    for j in range(len(before) - 1, -1, -1):
        if before[j] in (".", "!", "?"):
            before = before[j + 1:]
            break
    return quick_remedy(before)


def quick_remedy(words: Sequence[str]) -> bool:
    """Whether ``words`` (a slip's sentence, after it or before it) tell of a remedy and how soon ("sent a new one
    next day", "refunded me straight away"), nothing denying or only promising it."""
    smooth = [k for k, w in enumerate(words)
              if (w in _EN_FUSS and (not {"without", "no", "any"}.isdisjoint(words[max(0, k - 2):k])
                                     or "without" in words[max(0, k - 4):k]))  # ("without me having to chase")
              or (w == "one" and "call" in words[k + 1:k + 3] and (k == 0 or words[k - 1] not in ("no", "any")))
              # ("one phone call and it was fixed"; not "no one called back")
              or (w == "talk" and tuple(words[k + 2:k + 3]) == ("through",))  # "support talked me through it"
              or (w == "until" and tuple(words[max(0, k - 3):k]) in _STAYED)  # "stayed on the line until it was fixed"
              or (w == "ask" and tuple(words[max(0, k - 2):k]) in (("before", "i"), ("before", "we")))]  # unasked
    if smooth:  # "refunded the difference without any fuss": a smooth remedy, as a quick one is
        words = [w for w in words if w not in ("without", "no")]
    put_right = any((words[k] == "put" and words[k + 1] in ("right", "straight"))
                    or (words[k] == "talk" and tuple(words[k + 2:k + 3]) == ("through",))
                    for k in range(len(words) - 1))
    if (REMEDIES.isdisjoint(words) and not put_right) or _remedy_denied(words) or not _PROMISED.isdisjoint(words):
        return False  # (no remedy; "never sent one"; "said they would send someone next day": promised, not had)
    return bool(smooth) or any(
        w in _EN_SOON or (w in ("next", "same") and k + 1 < len(words) and words[k + 1] in _EN_DAYS)
        or (w == "later" and k >= 2 and words[k - 1] == "day" and words[k - 2] in _EN_FEW)  # "two days later"
        or (w == "same" and k + 1 < len(words) and words[k + 1] == "week")  # "sent an engineer the same week"
        or (w == "in" and k + 2 < len(words) and EN_UNITS.get(words[k + 2], 9) <= 2)  # "changed it in two minutes"
        or (w == "by" and k + 1 < len(words) and words[k + 1] in _EN_BY_SOON)  # "a replacement by Tuesday"
        for k, w in enumerate(words))


def _remedy_denied(words: Sequence[str]) -> bool:
    """Whether a negator in ``words`` denies their remedy: in the remedy's own clause ("never sent one", "sent one but
    not until a week later"), or after it where a fix or the thing itself is denied ("sent an engineer, who couldn't
    fix it", "but it doesn't work either"); not a later clause that denies a trouble ("sent a new one the next day and
    it hasn't dropped once since", "..., no problems since")."""
    negators = NEGATORS["en"]
    if negators.isdisjoint(words):
        return False
    r = next((k for k, w in enumerate(words) if w in REMEDY_HEADS), 0)
    cut = next((k for k in range(r + 1, len(words)) if words[k] in (",", ";") or (
        words[k] == "and" and k + 1 < len(words) and words[k + 1] in _NEW_SUBJECTS)), len(words))
    rest = words[cut:]
    return not negators.isdisjoint(words[:cut]) or ("but" in rest[:3] and not negators.isdisjoint(rest)) or any(
        w in negators and not _UNDONE.isdisjoint(rest[k + 1:k + 4]) for k, w in enumerate(rest))


_NEW_SUBJECTS = frozenset({"it", "i", "we", "you", "there", "everything", "all", "they", "that", "the"})
_UNDONE = REMEDIES | {"fix", "solve", "resolve", "work", "help", "turn", "bother"}  # (denied after the remedy)


# the help line stayed with the customer until the fix: a remedy had there and then
_STAYED = frozenset({("on", "the", "line"), ("on", "the", "phone"), ("stay", "with", "me"), ("stay", "with", "us"),
                     ("on", "the", "call")})


# Russian: a fault put right, told in its clause: a remedy ("вернули деньги", "заменили", "поменяли") with how soon or
# how smoothly ("без лишних вопросов", "сразу", "на следующий день")
RU_REMEDIES = frozenset({"вернуть", "заменить", "поменять", "обменять", "переделать", "возместить", "компенсировать",
                         "перевыпустить"})
_RU_SOON = frozenset({"сразу", "быстро", "моментально", "оперативно", "мгновенно", "тотчас", "незамедлительно"})
_RU_SMOOTH = frozenset({"вопрос", "проблема", "проволочка", "спор", "разговор", "претензия"})
_RU_UNDONE = frozenset({"обещать", "пообещать", "должный", "обязаться", "отказаться", "отказать", "пришлось",
                        "прийтись", "требовать", "добиваться"})  # (a remedy promised, refused or fought for)
_SENTENCE_MARKS = frozenset({".", "。", "!", "！", "?", "？"})


def ru_remedied(lemmas: Sequence[str], i: int, lo: int) -> bool:
    """Whether the Russian fault at ``i`` is put right in its clause (from ``lo``) or the rest of its sentence:
    "вернули деньги за брак без лишних вопросов", "брак сразу заменили", "пришёл брак, поменяли на следующий день", "был
    сбой, деньги списались дважды, вернули в тот же день" (not "брак не заменили", "обещали быстро заменить брак",
    "брак, вернуть деньги отказались")."""
    words = lemmas[max(lo, i - 8):i + 16]  # (to the sentence's end, past the span: as remedied_soon reads)
    k_fault = i - max(lo, i - 8)
    cut_lo = max((k + 1 for k, w in enumerate(words[:k_fault]) if w in _CLAUSE_MARKS), default=0)
    cut_hi = next((k for k in range(k_fault + 1, len(words)) if words[k] in _SENTENCE_MARKS), len(words))
    return ru_quick(words[cut_lo:cut_hi])


def ru_quick(words: Sequence[str]) -> bool:
    """Whether the Russian ``words`` tell of a remedy (:data:`RU_REMEDIES`) had soon or smoothly ("сразу", "в тот же
    день", "без лишних вопросов"), nothing denying, promising, refusing or fought for."""
    smooth = any(w == "без" and not _RU_SMOOTH.isdisjoint(words[k + 1:k + 3]) for k, w in enumerate(words))
    if RU_REMEDIES.isdisjoint(words) or any(w in NEGATORS["ru"] and not (w == "без" and smooth) for w in words) \
            or not _RU_UNDONE.isdisjoint(words):
        return False
    return smooth or not _RU_SOON.isdisjoint(words) or any(
        w == "день" and k and words[k - 1] in ("следующий", "же") for k, w in enumerate(words))


def zh_remedy_at(lemmas: Sequence[str], r: int, end: int) -> bool:
    """Whether the Chinese word of how soon at ``r`` (马上, 立刻, 很快) opens a remedy within three words before
    ``end``, nothing denying it nor asking for it (小哥送错了马上就来换了, 洒了，商家立刻重新做了一份; not 没有马上换,
    当即要求换货, 很快就到了)."""
    if lemmas[r - 1] in _ZH_NOT or not _ZH_ASKED.isdisjoint(lemmas[max(0, r - 4):r]):
        return False  # (联系京东客服马上就退款了: a complaint answered, not a slip put right)
    for w in lemmas[r + 1:min(r + 4, end)]:
        if w in _ZH_NOT or w in _ZH_ASKED:
            return False  # (当即要求换货: what the customer asked for)
        if w.startswith(_ZH_REMEDY_HEADS) and w not in _ZH_NOT_REMEDIES:
            return True
    return False

