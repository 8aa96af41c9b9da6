"""Praise said with a negation or a word of blame, which a lexicon reads backwards.

"Hard to fault", "impossible to beat", "nothing is too much trouble",
"ждать не пришлось" (a word of blame turned: :func:`idiom`). Where a negator's reach starts ("couldn't be happier",
"I don't think it was good", "nothing to improve") is :mod:`insight.text.negation`. Chinese 挑不出毛病 (cannot find a
fault) reads right with 挑不出 among the negators (:mod:`insight.text.lexicons`).
"""

from __future__ import annotations

from collections.abc import Sequence

from insight.text.lexicons import NEGATORS
from insight.text.complaints_ru import ru_clause_closes
from insight.text.contextual import EN_VALUED, reading_here
from insight.text.denials import judges_nothing
from insight.text.others import of_another
from insight.text.remedies import REMEDIES, remedied_soon, ru_remedied

_EN_HARD = frozenset({"hard", "difficult", "impossible", "tough"})
_EN_FAULT = frozenset({"fault", "criticise", "criticize", "beat", "complain", "better", "top"})
_EN_NO_TROUBLE = frozenset({"trouble", "bother", "hassle", "effort"})
# before "a promise" (not "as promised", which is lemmatised "a promise"): "broke a promise", "made a promise"
_EN_PROMISE_KINDS = frozenset({"break", "make", "empty", "false", "broken", "of", "a"})
# a problem that is the occasion of praise, not its object: "quick response when I reported a fault", "always
# helpful whenever I've had an issue", "when there was an outage they texted me updates" (the clause praises; the
# problem is when, not what, it judges)
_EN_PROBLEMS = frozenset({"fault", "problem", "issue", "glitch", "query"})
# few of them is praise: "very few outages", "fewer problems" (not "a few problems"; "hardly any" is a negator)
EN_TROUBLES = _EN_PROBLEMS | {"outage", "dropout", "delay", "error", "bug", "complaint", "breakdown", "disconnection",
                              "hiccup", "interruption", "cut", "downtime", "hassle", "trouble", "fuss", "headache"}
_EN_WHEN = frozenset({"when", "whenever", "if", "time"})
_EN_AROUND = frozenset({"during", "about", "through", "throughout"})  # a trouble as the occasion of praise
_EN_INFORMED = frozenset({"update", "inform", "post", "informed", "updated"})
_EN_RARE = frozenset({"rare", "infrequent", "uncommon", "minimal", "few"})  # "outages are rare", "few and far between"
# another company named before a word of blame takes the blame: "my previous provider was awful"
_EN_HAD = frozenset({"report", "have", "raise", "log", "encounter", "experience", "get", "be"})
IDIOM_HEADS = _EN_HARD | _EN_FAULT | _EN_NO_TROUBLE | EN_TROUBLES | {"promise", "die", "like", "best", "better",
                                                                      "regret", "easily", "impress", "please", "fine",
                                                                      "ok", "okay", "normal", "smart"}
_EN_PRICES = frozenset({"price", "cost", "fee", "bill", "tariff", "premium", "fare", "charge", "subscription"})
_EN_TEMPER = frozenset({"impress", "please", "satisfy"})  # "I'm not easily impressed": the customer's temper
_EN_SOONER = frozenset({"soon", "sooner", "earlier", "early"})  # ("sooner" is lemmatised "soon")
_EN_HARD_TO_FIND = _EN_HARD | {"struggle"}  # "I'd struggle to find anything negative"
# after a negator, a middling verdict ("nothing special", "not special": SemEval-14's annotators mostly read it
# neutral, as 一般); tried as a complaint: SemEval-14 polarity 0.780 -> 0.779
MIDDLING = frozenset({"special"})
_RU_NOT_NEEDED = frozenset({"прийтись", "пришлось", "надо", "нужно", "понадобиться"})


_EN_REFUSED = frozenset({"refuse", "fail", "decline", "neglect"})
_RU_DELIBERATED = frozenset({"выбирать", "думать", "сомневаться", "решаться", "искать", "присматриваться", "сравнивать",
                             "колебаться", "подбирать"})


def idiom(lemmas: Sequence[str], i: int, lo: int, hi: int, lang: str, value: float) -> float:
    """The value of word ``i`` in an idiom that turns it, else ``value``: "hard to fault", "impossible to
    beat" (praise; "hard" itself nothing), "nothing is too much trouble", "ждать не пришлось" (no wait needed)."""
    if lang == "en":
        return _en_idiom(lemmas, i, lo, hi, value)
    return _ru_idiom(lemmas, i, lo, hi, value) if lang == "ru" and value < 0 else value


def _en_idiom(lemmas: Sequence[str], i: int, lo: int, hi: int, value: float) -> float:
    """:func:`idiom` of an English word."""
    lem = lemmas[i]
    if lem == "low" and not _EN_PRICES.isdisjoint(lemmas[max(lo, i - 3):min(hi, i + 2)]):
        return 1.0  # "low prices", "prices much lower than elsewhere", "the fees are low" (not "low quality", "speeds
        # are low": a price's own theme reads it so already, this reads it so in any other)
    if lem in _EN_HARD and i + 2 < hi and lemmas[i + 1] == "to" and lemmas[i + 2] in _EN_FAULT:
        return 0.0
    if lem in _EN_FAULT and i - 2 >= lo and lemmas[i - 1] == "to" and lemmas[i - 2] in _EN_HARD:
        return 1.0
    if (lem == "easily" or lem in _EN_TEMPER or lemmas[i - 1] == "to") and i > lo:
        value = _temper_or_refusal(lemmas, i, lo, hi, value)
    if lem in _EN_NO_TROUBLE and tuple(lemmas[max(lo, i - 2):i]) == ("too", "much") \
            and "nothing" in lemmas[max(lo, i - 5):i - 2]:
        return 1.0
    if judges_nothing(lemmas, i, lo, value):
        return 0.0
    if lem == "late" and i > lo and lemmas[i - 1] in ("stay", "work", "open", "remain"):
        return 0.0  # "the vet stayed late to see our dog", "open late" (no delay)
    if lem == "die":  # "desserts to die for" (praise); "the signal dies", "the battery died"
        if i + 1 < hi and lemmas[i + 1] == "for":
            return 1.5
        return 0.5 if remedied_soon(lemmas, i) else -1.0  # (a router that died, replaced the next day)
    if lem == "promise" and value < 0 and _as_promised(lemmas, i, lo):
        return 1.0
    if lem == "promise" and value < 0 and "than" in lemmas[max(lo, i - 3):i]:
        return 0.0  # "arrived earlier than promised": the comparison judges
    before = lemmas[i - 2] if i - 2 >= lo else ""  # "very little downtime" (not "little problems": small ones)
    few = i > lo and ((lemmas[i - 1] == "few" and before != "a") or lemmas[i - 1] in ("less", "fewer", "minimal")
                      or (lemmas[i - 1] == "little" and before in ("very", "so")))
    if lem == "warn" and not {"advance", "beforehand", "ahead", "before"}.isdisjoint(lemmas[max(lo, i - 2):i + 5]):
        return 1.0  # "they warned us in advance", "a text the day before warning us": kept informed
    if value < 0 and i - 2 >= lo and lemmas[i - 1] in ("of", "about") and lemmas[i - 2] in EN_TROUBLES:
        return 0.0  # "the hassle of outages", "a single complaint about lag": the trouble word before judges
    if value < 0 and _rarely(lemmas, lo, i):
        return 0.5  # "rarely any issues", "rarely drops", "the one time the connection dropped"
    if (lem in EN_TROUBLES or lemmas[i - 1] == "minimal") and value < 0 and (few or _rare_after(lemmas, i, hi)):
        return 0.5  # "very few outages", "fewer problems", "less hassle" (not "a few problems"), "outages are rare"
    if lem in EN_TROUBLES and value < 0 and _asked_away(lemmas):
        return 0.0  # "Problems? What problems?": none
    if lem == "long" and value < 0 and i > lo and lemmas[i - 1] == "for" and NEGATORS["en"].isdisjoint(
            lemmas[max(lo, i - 3):i]) and not NEGATORS["en"].isdisjoint(lemmas[max(lo, i - 8):i - 3]):
        return 0.5  # "never on hold for long" (a negation further back than its reach: "for long" is said of none)
    if lem == "best" and i > lo and lemmas[i - 1] == "at":
        return -1.0  # "patchy at best", "average at best": at most that (not "at its best")
    if lem == "better" and (tuple(lemmas[i + 1:min(i + 3, hi)]) == ("than", "nothing") or (
            tuple(lemmas[i + 1:i + 2]) == ("before",) or tuple(lemmas[max(lo, i - 3):i]) == ("use", "to", "be"))):
        return -1.0  # "better than nothing": faint praise; "was better before the takeover", "used to be better"
    if lem == "wrong" and i - 2 >= lo and lemmas[i - 2] == "prove":
        return 1.0  # "they proved me wrong": a doubt undone
    if lem == "regret" and "only" in lemmas[max(lo, i - 2):i] and not _EN_SOONER.isdisjoint(lemmas[i + 1:i + 8]):
        return 1.0  # "my only regret is not switching sooner"
    if value < 0 and "find" in lemmas[max(lo, i - 4):i] and "anything" in lemmas[max(lo, i - 2):i] \
            and not _EN_HARD_TO_FIND.isdisjoint(lemmas[max(lo, i - 7):i]):
        return 1.0  # "I'd struggle to find anything negative", "hard to find anything wrong"
    if lem == "struggle" and tuple(lemmas[i + 1:i + 3]) == ("to", "find") and "anything" in lemmas[i + 3:i + 5]:
        return 0.0
    if value < 0 and (of_another(lemmas, lo, i) or _instead(lemmas, i, lo)):
        return 0.0  # "my previous provider was awful", "better than Virgin, who were terrible": another blamed;
        # "they know their stuff rather than reading from a script": not the case
    if value < 0 and remedied_soon(lemmas, i) and (i == lo or lemmas[i - 1] not in NEGATORS["en"]):
        return -0.5 * value  # "when the router failed they sent a new one next day": a slip quickly put right (not
        # "no waiting for an engineer, he came the next morning": no slip, and the negator turns the word)
    if value < 0 and _occasion(lemmas, i, lo, hi):
        return 0.0  # "when I had an issue they were great", "a claim after a break in"
    if lem in EN_TROUBLES and value < 0 and not _EN_AROUND.isdisjoint(lemmas[max(lo, i - 3):i]) \
            and (_praised(lemmas, lo, hi) or _kept_informed(lemmas, lo, i)):
        return 0.0  # "kept me updated during a local outage", "great support during the outage": its occasion
    return value


def _instead(lemmas: Sequence[str], i: int, lo: int) -> bool:
    """Whether the word at ``i`` follows "rather than" or "instead of", no remedy between: what is not the case
    ("they know their stuff rather than reading from a script", "a new one instead of the broken one"; not "a voucher
    instead of fixing the awful line", nor advice that opens its span: "Instead of wasting your time here, ...")."""
    return any(tuple(lemmas[k:k + 2]) in (("rather", "than"), ("instead", "of"))
               and REMEDIES.isdisjoint(lemmas[k + 2:i]) for k in range(max(lo + 1, i - 5), i - 1))


def _temper_or_refusal(lemmas: Sequence[str], i: int, lo: int, hi: int, value: float) -> float:
    """The value of the English word at ``i`` in the customer's temper ("I'm not easily impressed but ...", "not easily
    pleased": no opinion of the company) or after a refusal ("refused to help", "failed to help": as "didn't help")."""
    lem = lemmas[i]
    if (lem == "easily" and not _EN_TEMPER.isdisjoint(lemmas[i + 1:min(i + 2, hi)])) or (
            lem in _EN_TEMPER and lemmas[i - 1] == "easily"):
        return 0.0
    if lem == "please" and lemmas[i + 1:i + 2] in (("everyone",), ("everybody",), ("all",)):
        return 0.0  # "you can't please everyone all of the time" (a concession, not a blame)
    if value > 0 and i - 2 >= lo and lemmas[i - 1] == "to" and lemmas[i - 2] in _EN_REFUSED:
        return -0.8 * value
    return value


def _ru_idiom(lemmas: Sequence[str], i: int, lo: int, hi: int, value: float) -> float:
    """:func:`idiom` of a Russian word of blame: a promise kept or compared ("всё как обещали", "быстрее, чем
    обещали"), a wait not needed ("ждать не пришлось"), a trouble said absent ("проблем нет")."""
    lem = lemmas[i]
    if lem in ("долго", "долгий") and not _RU_DELIBERATED.isdisjoint((*lemmas[max(0, i - 1):i], *lemmas[i + 1:i + 2])):
        return 0.0  # "долго выбирала страховую", "долго искал": the customer's own choosing, no wait
    if lem in ("обещать", "пообещать") and (said := [w for w in lemmas[max(lo, i - 3):i] if w in ("как", "чем")]):
        return 1.0 if said[-1] == "как" else 0.0
    if ru_remedied(lemmas, i, lo):
        return -0.5 * value  # "вернули деньги за брак без лишних вопросов": a fault quickly put right
    if i + 2 < hi and lemmas[i + 1] == "не" and lemmas[i + 2] in _RU_NOT_NEEDED:
        return -0.8 * value
    if "нет" in lemmas[i + 1:i + 5]:
        j = lemmas.index("нет", i + 1)
        if NEGATORS["ru"].isdisjoint(lemmas[i + 1:j]) and ru_clause_closes(lemmas, j + 1):
            return -0.8 * value  # "проблем нет", "проблем с интернетом нет": none (the negator after its noun)
    return value


def _as_promised(lemmas: Sequence[str], i: int, lo: int) -> bool:
    """Whether the "promise" at ``i`` (in a span from ``lo``) says a promise was kept: "as promised" ("as" is
    lemmatised "a"; not "broke a promise"), "exactly what they promised", "installed on the day they promised" (not
    "didn't come on the day they promised"), "I get the speed I was promised" (not "I never get ...")."""
    if i > lo and ((lemmas[i - 1] in ("as", "a") and i - 2 >= lo and lemmas[i - 2] not in _EN_PROMISE_KINDS)
                   or "what" in lemmas[max(lo, i - 3):i]):
        return True
    if "on" in lemmas[max(lo, i - 5):i] and not {"day", "date", "time"}.isdisjoint(lemmas[max(lo, i - 4):i]) \
            and NEGATORS["en"].isdisjoint(lemmas[max(lo, i - 12):i]):
        return True
    return not {"get", "exactly"}.isdisjoint(lemmas[max(lo, i - 6):i]) and NEGATORS["en"].isdisjoint(
        lemmas[max(lo, i - 9):i])  # ("we get exactly the speed we were promised")


def _asked_away(lemmas: Sequence[str]) -> bool:
    """Whether a comment asks a trouble away: "Problems? What problems?" (the membership tests first, in C: most
    comments hold no "?" and "what" at all)."""
    return "?" in lemmas and "what" in lemmas and any(
        lemmas[k] == "what" and lemmas[k + 1] in EN_TROUBLES and lemmas[k + 2] == "?" for k in range(len(lemmas) - 2))


def _rare_after(lemmas: Sequence[str], i: int, hi: int) -> bool:
    """The trouble at ``i`` said to be rare in the words after it: "outages are rare", "few and far between" (not
    "delayed a few hours")."""
    return any(w in _EN_RARE and (w != "few" or lemmas[k - 1] != "a")
               for k, w in enumerate(lemmas[i + 1:min(i + 4, hi)], start=i + 1))


def _occasion(lemmas: Sequence[str], i: int, lo: int, hi: int) -> bool:
    """Whether the English word of blame at ``i`` names the occasion of what is praised: a trouble had, then praise
    ("when I had an issue they were great", "we had an issue with a missed payment ... they were really
    understanding"), a burglary ("made a claim after a break in")."""
    if lemmas[i] == "break":  # (and a holiday: "a weekend break", "a city break")
        return (tuple(lemmas[i + 1:i + 2]) == ("in",) and i > lo and lemmas[i - 1] in ("a", "the")) or (
            i > lo and lemmas[i - 1] in _EN_HOLIDAYS)
    return lemmas[i] in EN_TROUBLES and not _EN_HAD.isdisjoint(lemmas[max(lo, i - 3):i]) and (
        (not _EN_WHEN.isdisjoint(lemmas[max(lo, i - 5):i]) and _praised(lemmas, lo, hi))
        or ("they" in lemmas[i + 1:hi] and _praised(lemmas, lemmas.index("they", i + 1), hi)))


_EN_HOLIDAYS = frozenset({"weekend", "city", "short", "summer", "winter", "spring", "christmas", "family", "ski",
                          "beach", "lunch", "coffee", "tea", "relaxing", "mini", "romantic", "golf", "spa"})


def _rarely(lemmas: Sequence[str], lo: int, i: int) -> bool:
    """Whether the word of blame at ``i`` is said to be rare: "rarely drops", "seldom an issue", "the one time the
    connection dropped", "the only time it went down", "only had one outage in 3 years" (not "every time", "one time
    too many", "one outage a week")."""
    if not {"rarely", "seldom"}.isdisjoint(lemmas[max(lo, i - 3):i]):
        return True
    if i > lo and lemmas[i - 1] in ("one", "single") and tuple(lemmas[i + 1:i + 2]) == ("in",) \
            and not {"year", "years"}.isdisjoint(lemmas[i + 2:i + 5]) \
            and NEGATORS["en"].isdisjoint(lemmas[max(lo, i - 4):i]):
        return True  # "only had one outage in 3 years" (not "never had a single outage in two years": none at all)
    return any(lemmas[k] == "time" and lemmas[k - 1] in ("one", "only") and lemmas[k - 2] == "the"
               for k in range(max(lo + 2, i - 6), i))


def _kept_informed(lemmas: Sequence[str], lo: int, i: int) -> bool:
    """"kept me updated", "kept us informed", "kept me posted" before ``i`` in the span from ``lo``."""
    return any(w == "keep" and not _EN_INFORMED.isdisjoint(lemmas[k + 1:k + 4])
               for k, w in enumerate(lemmas[lo:i], start=lo))


def _praised(lemmas: Sequence[str], lo: int, hi: int) -> bool:
    """Whether the English span ``lo..hi`` holds a word of praise (the lexicon's, or one that praises where it stands:
    "they were really understanding")."""
    from insight.text.nlp import lexicon

    values = lexicon("en")
    return any((values.get(w) or 0) > 0 or ((EN_VALUED.get(w) or 0) > 0 and reading_here(
        w, lemmas, k, lambda _: False, lo, hi) == "word") for k, w in enumerate(lemmas[lo:hi], start=lo))


def said_of(lemmas: Sequence[str], i: int, lo: int, hi: int) -> bool:
    """Whether the verdict at ``i`` is said of what stands before it, closing its clause: 味道一般, 口味一般般吧 (not
    一般外卖都是凉的, 比一般店大, 不是一般的好吃: "ordinary", before what it qualifies)."""
    nxt = lemmas[i + 1] if i + 1 < hi else ""
    return (not nxt or nxt in _VERDICT_CLOSES) and (i == lo or lemmas[i - 1] not in ("比", "不是", "并非"))


_VERDICT_CLOSES = frozenset({",", "，", ".", "。", "!", "！", "?", "？", ";", "；", "~", "～", "…", "了", "吧", "啊", "呀",
                             "啦", "哦", "哈", "呢", "而已"})
