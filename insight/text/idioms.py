"""Praise said with a negation or a word of blame, which a lexicon reads backwards.

"Nothing to improve", "no better company", "nobody is perfect" (a negator that denies no praise:
:func:`denies_nothing`); "hard to fault", "impossible to beat", "nothing is too much trouble",
"ждать не пришлось" (a word of blame turned: :func:`idiom`); "couldn't be happier", "I don't think it was
good" (where a negator's reach starts: :func:`negator_reach`). Chinese 挑不出毛病 (cannot find a fault)
reads right with 挑不出 among the negators (:mod:`insight.text.lexicons`).
"""

from __future__ import annotations

from collections.abc import Sequence

from insight.text.lexicons import NEGATORS
from insight.text.complaints_ru import ru_clause_closes
from insight.text.conduct import complaining_habit
from insight.text.contextual import EN_VALUED, reading_here
from insight.text.denials import judges_nothing
from insight.text.others import EN_CLAUSE_ENDS, of_another
from insight.text.remedies import REMEDIES, remedied_soon, ru_remedied

# after "couldn't be": comparatives (the lemmas of "happier", "easier" are "happy", "easy"), so that
# "couldn't be happier" is praise while "can't be beaten" stays a negated word
EN_COMPARED = frozenset({"more", "better", "worse", "less", "happy", "easy", "pleased", "simple", "quick", "fast",
                         "nice", "smooth", "friendly", "kind", "good", "bad", "slow", "poor", "rude", "helpful"})
# a negated verb of thinking negates the clause it introduces, whose judgement comes a word or two later:
# "I don't think it was good", "didn't find it worth it", "不觉得有多好" - the scope counts from after its subject
RAISED = frozenset({"think", "feel", "believe", "find", "say", "觉得", "认为", "感觉", "觉着"})
_EN_IMPROVING = frozenset({"improve", "better", "upgrade", "enhance"})
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
_EN_TROUBLES = _EN_PROBLEMS | {"outage", "dropout", "delay", "error", "bug", "complaint", "breakdown", "disconnection",
                               "hiccup", "interruption", "cut", "downtime", "hassle", "trouble", "fuss", "headache"}
_EN_WHEN = frozenset({"when", "whenever", "if", "time"})
_EN_AROUND = frozenset({"during", "about", "through", "throughout"})  # a trouble as the occasion of praise
_EN_INFORMED = frozenset({"update", "inform", "post", "informed", "updated"})
_EN_RARE = frozenset({"rare", "infrequent", "uncommon", "minimal", "few"})  # "outages are rare", "few and far between"
# another company named before a word of blame takes the blame: "my previous provider was awful"
# a verb of dealing with a problem, negated, denies the dealing, not the problem: "they don't understand the
# problem", "nobody investigated the fault", "didn't address the issue" (while "never had a problem" denies it)
_EN_DEALING = frozenset({"understand", "know", "investigate", "address", "acknowledge", "mention", "diagnose",
                         "identify", "recognise", "recognize", "escalate", "tackle", "deal", "look", "handle"})
_EN_DOING = frozenset({"address", "tackle", "deal", "handle"})  # (of _EN_DEALING: doing something about it)
_EN_OBJECT_LEAD = frozenset({"the", "my", "our", "this", "that", "a", "an", "any", "with", "into", "at", "what"})
_EN_HAD = frozenset({"report", "have", "raise", "log", "encounter", "experience", "get", "be"})
_ZH_NOT_AS = frozenset({"不如", "还不如", "远不如", "都不如"})
# what a review sets below the one reviewed with 不如: cooking oneself, other shops, before (以前不如现在好)
_ZH_OTHERS = frozenset({"自己", "别家", "别人家", "其他家", "其它家", "别的店", "别的", "外面", "以前", "之前", "原来"})
IDIOM_HEADS = _EN_HARD | _EN_FAULT | _EN_NO_TROUBLE | _EN_TROUBLES | {"promise", "die", "like", "best", "better",
                                                                       "regret", "easily", "impress", "please", "fine",
                                                                       "ok", "okay", "normal", "smart"}
_EN_TEMPER = frozenset({"impress", "please", "satisfy"})  # "I'm not easily impressed": the customer's temper
_EN_SOONER = frozenset({"soon", "sooner", "earlier", "early"})  # ("sooner" is lemmatised "soon")
_EN_HARD_TO_FIND = _EN_HARD | {"struggle"}  # "I'd struggle to find anything negative"
# after a negator, a middling verdict ("nothing special", "not special": SemEval-14's annotators mostly read it
# neutral, as 一般); tried as a complaint: SemEval-14 polarity 0.780 -> 0.779
MIDDLING = frozenset({"special"})
_RU_NOT_NEEDED = frozenset({"прийтись", "пришлось", "надо", "нужно", "понадобиться"})


def denies_nothing(lemmas: Sequence[str], i: int, hi: int) -> bool:
    """The English negator at ``i`` denies no praise: "nothing to improve", "nothing better", "no better
    company" (not "no better than the old one"), "nobody is perfect", "no one is perfect", "no surprises"."""
    lem = lemmas[i]
    nxt = lemmas[i + 1] if i + 1 < hi else ""
    after = lemmas[i + 2] if i + 2 < hi else ""
    if lem in ("nothing", "no") and nxt == "to" and after in _EN_IMPROVING:
        return True
    if nxt == "better" and (lem == "nothing" or (lem == "no" and after.isalpha() and after != "than")):
        return True
    if lem == "no" and nxt == "surprise":
        return True  # "simple billing, no surprises": what is praised is the absence of shocks
    k = i + 2 if lem == "no" and nxt == "one" else i + 1
    return lem in ("nobody", "no") and tuple(lemmas[k:k + 2]) == ("be", "perfect")


_EN_REFUSED = frozenset({"refuse", "fail", "decline", "neglect"})
_RU_DELIBERATED = frozenset({"выбирать", "думать", "сомневаться", "решаться", "искать", "присматриваться", "сравнивать",
                             "колебаться", "подбирать"})


def idiom(lemmas: Sequence[str], i: int, lo: int, hi: int, lang: str, value: float) -> float:
    """The value of word ``i`` in an idiom that turns it, else ``value``: "hard to fault", "impossible to
    beat" (praise; "hard" itself nothing), "nothing is too much trouble", "ждать не пришлось" (no wait needed)."""
    lem = lemmas[i]
    if lang == "en":
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
        if value < 0 and i - 2 >= lo and lemmas[i - 1] in ("of", "about") and lemmas[i - 2] in _EN_TROUBLES:
            return 0.0  # "the hassle of outages", "a single complaint about lag": the trouble word before judges
        if value < 0 and _rarely(lemmas, lo, i):
            return 0.5  # "rarely any issues", "rarely drops", "the one time the connection dropped"
        if (lem in _EN_TROUBLES or lemmas[i - 1] == "minimal") and value < 0 and (few or _rare_after(lemmas, i, hi)):
            return 0.5  # "very few outages", "fewer problems", "less hassle" (not "a few problems"), "outages are rare"
        if lem in _EN_TROUBLES and value < 0 and _asked_away(lemmas):
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
        if lem in _EN_TROUBLES and value < 0 and not _EN_AROUND.isdisjoint(lemmas[max(lo, i - 3):i]) \
                and (_praised(lemmas, lo, hi) or _kept_informed(lemmas, lo, i)):
            return 0.0  # "kept me updated during a local outage", "great support during the outage": its occasion
    elif lang == "ru" and value < 0:
        return _ru_idiom(lemmas, i, lo, hi, value)
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
    return "get" in lemmas[max(lo, i - 5):i] and NEGATORS["en"].isdisjoint(lemmas[max(lo, i - 9):i])


def _deals_with_trouble(lemmas: Sequence[str], j: int, hi: int) -> bool:
    """Whether the object that starts at ``j`` (after a verb of dealing) is a problem: "the problem", "my
    issue", "with the fault", "into the complaint"; after a verb of doing something about it ("address", "tackle",
    "deal with") also a bare one or any word of blame: "doesn't deal with bullying", "don't address complaints",
    "doesn't tackle bad behaviour" (not "don't look bad": a look, no dealing)."""
    k = j
    while k < min(j + 3, hi) and lemmas[k] in _EN_OBJECT_LEAD:
        k += 1
    if k < hi and lemmas[j - 1] in _EN_DOING:
        from insight.text.nlp import lexicon

        values = lexicon("en")
        return any(w in _EN_TROUBLES or (values.get(w) or 0) < 0 for w in lemmas[k:min(k + 2, hi)])
    return k > j and k < hi and lemmas[k] in _EN_TROUBLES


def _asked_away(lemmas: Sequence[str]) -> bool:
    """Whether a comment asks a trouble away: "Problems? What problems?" (the membership tests first, in C: most
    comments hold no "?" and "what" at all)."""
    return "?" in lemmas and "what" in lemmas and any(
        lemmas[k] == "what" and lemmas[k + 1] in _EN_TROUBLES and lemmas[k + 2] == "?" for k in range(len(lemmas) - 2))


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
    return lemmas[i] in _EN_TROUBLES and not _EN_HAD.isdisjoint(lemmas[max(lo, i - 3):i]) and (
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


def denied_trouble_before(lemmas: Sequence[str], i: int) -> bool:
    """Whether the English negator at ``i`` opens a clause said of a trouble denied before it: "never had an issue that
    wasn't resolved", "no problems they didn't sort out" (a denial denied: every trouble was resolved), or a fix
    denied of what is not broken."""
    k = i - 1
    while k > i - 5 and k > 0 and lemmas[k] in _EN_SAID_OF:
        k -= 1
    if k == i - 1:
        return _unbroken(lemmas, i)
    if lemmas[k] not in _EN_TROUBLES:  # "never had a bill I didn't understand", "never met a member of staff who
        # wasn't friendly": every one was
        m = next((m for m in range(k - 1, max(0, k - 4), -1) if lemmas[m] in _EN_ANY_ONE), 0)
        return (m > 0 and any(w in NEGATORS["en"] for w in lemmas[max(0, m - 3):m])) or _unbroken(lemmas, i)
    return any(w in NEGATORS["en"] for w in lemmas[max(0, k - 4):k])


def _unbroken(lemmas: Sequence[str], i: int) -> bool:
    """"If it ain't broke don't fix it", "ain't broke so not fixing it": the negator at ``i`` before a fix of what
    is not broken (loyalty, no fault)."""
    return "fix" in lemmas[i + 1:i + 3] and any(lemmas[k] == "break" and lemmas[k - 1] in NEGATORS["en"]
                                                for k in range(max(1, i - 4), i))


_EN_SAID_OF = frozenset({"that", "which", "who", "they", "we", "i", "you", "it", "he", "she", "be", "do", "have", "can",
                         "ca", "could", "would", "will", "wo"})  # (between a trouble and the negator of a clause of it)
_EN_ANY_ONE = frozenset({"a", "an", "any", "one", "single"})


def negator_reach(lemmas: Sequence[str], lang: str, i: int, lo: int, hi: int) -> tuple[int | None, int | None]:
    """Where the negator at ``i`` starts a negation and where it starts a boost (None: no change): "don't
    think [it] was good" negates from the word after "think"; "couldn't be happier" boosts; "nothing to
    improve", "nobody is perfect" do neither."""
    k = i + 1 + (tuple(lemmas[i + 1:i + 3]) in (("have", "be"), ("have", "go")))  # ("couldn't have been easier",
    # "couldn't have gone smoother")
    j = k + 1 + (tuple(lemmas[k + 1:k + 2]) == ("any",))  # the word compared ("couldn't be any slower")
    if lang == "en" and i > lo and lemmas[i - 1] in ("can", "ca", "could") and j < hi and lemmas[k] in ("be", "go") \
            and lemmas[j] in EN_COMPARED:
        return None, i + 1  # "couldn't be happier", "can't be more helpful", "couldn't have been easier": praise
    if lang == "en" and i > lo and lemmas[i - 1] in ("can", "ca", "could") and i + 3 < hi \
            and lemmas[i + 1] in ("ask", "wish", "want", "hope") and lemmas[i + 2] == "for" \
            and not {"better", "more"}.isdisjoint(lemmas[i + 3:min(i + 5, hi)]):
        return None, i + 1  # "couldn't ask for better", "could not wish for a better provider"
    if lang == "en" and lemmas[i] == "never" and i + 2 < hi and lemmas[i + 1] in ("have", "see") \
            and "better" in lemmas[i + 2:i + 4]:
        return None, i + 1  # "never had better", "I've never seen a better one": praise, not its negation
    if complaining_habit(lemmas, i, lo, hi):
        return None, None  # "I never complain but ...", 本人从来不差评: the complaint that follows stands
    if lang == "en" and (denies_nothing(lemmas, i, hi) or denied_trouble_before(lemmas, i)):
        return None, None  # "nothing to improve", "no better company", "nobody is perfect", "no issue not fixed"
    if lang == "en" and "single" in lemmas[i + 1:min(i + 4, hi)]:
        return lemmas.index("single", i + 1) - 1, None  # "not had a single problem", "never a single issue"
    if lang == "en" and "any" in lemmas[i + 2:min(i + 4, hi)]:
        return lemmas.index("any", i + 2) - 1, None  # "never had any billing issues": the words after "any" denied
    if lang == "en" and (other := next((k for k in range(i + 2, min(i + 5, hi)) if lemmas[k] in ("anywhere", "anyone",
                                                                                                 "anybody")), None)):
        return other - 1, None  # "won't be going anywhere else": where to, denied
    if lang == "en" and i + 1 < hi and lemmas[i + 1] in _EN_DEALING and _deals_with_trouble(lemmas, i + 2, hi):
        return None, None  # "they don't understand the problem": the problem stands
    if lang == "en" and tuple(lemmas[i + 1:i + 4]) == ("go", "out", "of") and "to" in lemmas[i + 5:i + 8]:
        return lemmas.index("to", i + 5), None  # "wouldn't go out of my way to recommend them": the recommending denied
    if lang == "en" and lemmas[i] in ("not", "never") and tuple(lemmas[i + 1:i + 2]) == ("bother",) \
            and tuple(lemmas[i + 2:i + 3]) not in (("me",), ("us",)):
        return None, None  # "don't bother", "they never bother to call back": the bother stands (not "no bother", "it
        # didn't bother me")
    if lang == "en" and tuple(lemmas[i + 1:i + 2]) == ("make",) and "feel" in lemmas[i + 2:min(i + 5, hi)]:
        return lemmas.index("feel", i + 2), None  # "they never make you feel stupid": the feeling is what is denied
    if lang == "en" and tuple(lemmas[i + 1:i + 3]) in (("have", "to"), ("need", "to")):
        return i + 2, None  # "didn't have to wait long": what follows "have to" is what is denied
    if lang == "en" and tuple(lemmas[i + 1:i + 4]) == ("remember", "the", "last"):
        # "can't remember the last outage": the outage, long ago, is what is denied ("the last time it went down": the
        # clause after "time")
        return (i + 5 if tuple(lemmas[i + 4:i + 5]) == ("time",) else i + 3), None
    if lang == "en" and tuple(lemmas[i + 1:i + 2]) == ("remember",):
        trouble = next((k for k in range(i + 2, min(i + 8, hi)) if lemmas[k] in _EN_TROUBLES), None)
        return (trouble - 1 if trouble is not None else None), None  # "I don't remember ever having a problem"
    if lang == "en" and tuple(lemmas[i + 1:i + 3]) == ("to", "like") and "what" in lemmas[max(lo, i - 3):i]:
        return None, None  # "what's not to like": praise
    if lang == "en" and lemmas[i] == "none" and tuple(lemmas[i + 1:i + 3]) == ("of", "the"):
        return i + 2, None  # "none of the usual hassle": what follows "of the" is denied
    if lang == "en" and lemmas[i] in ("not", "never") and tuple(lemmas[i + 1:i + 2]) == ("once",) \
            and tuple(lemmas[i + 2:i + 3]) in (("have",), ("do",), ("be",)):
        # "not once has the connection let me down": the clause, to its end or eight words on, is denied (a start of
        # the negation beyond a word denies it too)
        end = next((k for k in range(i + 3, min(hi, i + 9)) if lemmas[k] in EN_CLAUSE_ENDS), min(hi, i + 9))
        return max(i + 3, end - 4), None
    if lang == "en" and not {"reason", "cause"}.isdisjoint(lemmas[i + 1:i + 3]) and "to" in lemmas[i + 2:i + 4]:
        return lemmas.index("to", i + 2), None  # "never had reason to complain", "no cause to complain"
    if lang == "zh" and lemmas[i] in _ZH_NOT_AS and not _ZH_OTHERS.isdisjoint(lemmas[max(lo, i - 3):i]):
        return None, None  # 自己做不如点外卖方便, 别家不如这家好吃: the praise after 不如 is the reviewed one's
    if lang == "zh" and i + 1 < hi and lemmas[i + 1].startswith("几"):
        return None, None  # 没 / 几天 / 就 / 坏了: "within days", a count (not many), not the breaking denied
    if lang == "zh" and i + 2 < hi and lemmas[i + 1] in ("这么", "这样", "如此") and "过" in lemmas[i + 2:i + 5] \
            and lemmas[i] in ("没", "没有", "从没", "从来没", "从来没有", "从未"):
        return None, i + 1  # 从来没这么好吃过, 没吃过这么好的: never so good before (praise, not its negation)
    if lang == "zh" and i + 2 < hi and lemmas[i + 1] == "让":
        return i + 2, None  # 没 / 让 / 我 / 等 / 太久: what the customer was (not) made to bear is denied
    return (i + 2 if i + 1 < hi and lemmas[i + 1] in RAISED else i), None


def said_of(lemmas: Sequence[str], i: int, lo: int, hi: int) -> bool:
    """Whether the verdict at ``i`` is said of what stands before it, closing its clause: 味道一般, 口味一般般吧 (not
    一般外卖都是凉的, 比一般店大, 不是一般的好吃: "ordinary", before what it qualifies)."""
    nxt = lemmas[i + 1] if i + 1 < hi else ""
    return (not nxt or nxt in _VERDICT_CLOSES) and (i == lo or lemmas[i - 1] not in ("比", "不是", "并非"))


_VERDICT_CLOSES = frozenset({",", "，", ".", "。", "!", "！", "?", "？", ";", "；", "~", "～", "…", "了", "吧", "啊", "呀",
                             "啦", "哦", "哈", "呢", "而已"})
