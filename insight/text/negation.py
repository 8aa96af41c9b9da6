"""Where a negator's reach starts (:func:`negator_reach`): "couldn't be happier" boosts, "I don't think it was good"
negates from the word after "think", "never had any billing issues" from the words after "any"; a negator that denies
no praise ("nothing to improve", "no better company", "nobody is perfect": :func:`denies_nothing`) or a trouble
denied before it ("never had an issue that wasn't resolved": :func:`denied_trouble_before`) negates nothing. What a
word in its reach is worth is :mod:`insight.text.denials`."""

from __future__ import annotations

from collections.abc import Sequence

from insight.text.conduct import complaining_habit
from insight.text.idioms import EN_TROUBLES
from insight.text.lexicons import NEGATORS
from insight.text.others import EN_CLAUSE_ENDS

# after "couldn't be": comparatives (the lemmas of "happier", "easier" are "happy", "easy"), so that
# "couldn't be happier" is praise while "can't be beaten" stays a negated word
EN_COMPARED = frozenset({"more", "better", "worse", "less", "happy", "easy", "pleased", "simple", "quick", "fast",
                         "nice", "smooth", "friendly", "kind", "good", "bad", "slow", "poor", "rude", "helpful"})
# a negated verb of thinking negates the clause it introduces, whose judgement comes a word or two later:
# "I don't think it was good", "didn't find it worth it", "不觉得有多好" - the scope counts from after its subject
RAISED = frozenset({"think", "feel", "believe", "find", "say", "觉得", "认为", "感觉", "觉着"})
_EN_IMPROVING = frozenset({"improve", "better", "upgrade", "enhance"})
# a verb of dealing with a problem, negated, denies the dealing, not the problem: "they don't understand the
# problem", "nobody investigated the fault", "didn't address the issue" (while "never had a problem" denies it)
_EN_DEALING = frozenset({"understand", "know", "investigate", "address", "acknowledge", "mention", "diagnose",
                         "identify", "recognise", "recognize", "escalate", "tackle", "deal", "look", "handle"})
_EN_DOING = frozenset({"address", "tackle", "deal", "handle"})  # (of _EN_DEALING: doing something about it)
_EN_OBJECT_LEAD = frozenset({"the", "my", "our", "this", "that", "a", "an", "any", "with", "into", "at", "what"})
_ZH_NOT_AS = frozenset({"不如", "还不如", "远不如", "都不如"})
# what a review sets below the one reviewed with 不如: cooking oneself, other shops, before (以前不如现在好)
_ZH_OTHERS = frozenset({"自己", "别家", "别人家", "其他家", "其它家", "别的店", "别的", "外面", "以前", "之前", "原来"})


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
        return any(w in EN_TROUBLES or (values.get(w) or 0) < 0 for w in lemmas[k:min(k + 2, hi)])
    return k > j and k < hi and lemmas[k] in EN_TROUBLES


def denied_trouble_before(lemmas: Sequence[str], i: int) -> bool:
    """Whether the English negator at ``i`` opens a clause said of a trouble denied before it: "never had an issue that
    wasn't resolved", "no problems they didn't sort out" (a denial denied: every trouble was resolved), or a fix
    denied of what is not broken."""
    k = i - 1
    while k > i - 5 and k > 0 and lemmas[k] in _EN_SAID_OF:
        k -= 1
    if k == i - 1:
        return _unbroken(lemmas, i)
    if lemmas[k] not in EN_TROUBLES:  # "never had a bill I didn't understand", "never met a member of staff who
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
        trouble = next((k for k in range(i + 2, min(i + 8, hi)) if lemmas[k] in EN_TROUBLES), None)
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
