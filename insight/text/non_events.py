"""English non-events: a negator before what should have happened or should be there ("never arrived", "no one
called back", "doesn't fit", "no internet", "couldn't get an appointment", "they don't know what they are doing") -
unless it was something one should not have to do ("never had to call", "no need to chase") or a trouble denied ("no
problem they couldn't fix"). Read for :func:`insight.text.complaints.complaint` (one of its English cues)."""

from __future__ import annotations

from collections.abc import Sequence

from insight.text.complaint_cues import (
    CLAUSE_MARKS as _PUNCT, EN_ABSENT, EN_AGREED, EN_BEFORE_EVENT, EN_BEFORE_MISSING, EN_CANNOT_USE, EN_EVENTS,
    EN_EXPECTED, EN_GOODS_EVENTS, EN_GOT, EN_GOT_AGAIN, EN_NEED, EN_NOT_MISSING, EN_UNBIDDEN, EN_VERBAL_NEGATORS,
)
from insight.text.conduct import broken_promise
from insight.text.cue_windows import SCOPE as _SCOPE, clause_window as _clause_window
from insight.text.disappointment import stop_words
from insight.text.facts import CLAUSE_END as _CLAUSE_END, billed_for
from insight.text.lemmas import GLUE
from insight.text.negation import denied_trouble_before

_EN_DUE = frozenset({"right", "proper", "correct", "necessary"})  # "without the right equipment"
_EN_NO_EVENT = frozenset({"bother", "trouble", "hassle", "pressure", "fuss", "quibble", "stress", "drama"})


def en_not_done(lemmas: Sequence[str], i: int, fired: set[int]) -> float:
    """-1 when the negator at ``i`` says something that should have happened did not ("never arrived",
    "no one called back", "doesn't fit") or something that should be there is not ("no internet");
    ``fired``: the event words already counted (one cue each), updated."""
    n = len(lemmas)
    lem = lemmas[i]
    nxt = lemmas[i + 1] if i + 1 < n else ""
    if _flat_denial(lemmas, i, nxt) or _nothing_came(lemmas, i):
        return -1.0
    if denied_trouble_before(lemmas, i):
        return 0.0  # "never had an issue that wasn't resolved", "no problem they couldn't fix": none unresolved
    first = _denied_from(lemmas, i, nxt)
    window = _clause_window(lemmas, first, _SCOPE)
    if any(w in EN_NEED and (w != "have" or (j + 1 < n and lemmas[j + 1] == "to"))
           for j, w in enumerate(window[:3], start=first)):
        return 0.0  # "never had to call", "no need to chase", "don't hesitate" (not "nobody has called")
    if (lem == "no" and nxt in _EN_NO_EVENT) or (tuple(window[:1]) == ("know",) and "exist" in window[1:3]) \
            or nxt in ("many", "much"):  # ("there were not many flights arriving": a count, not an event)
        return 0.0  # "it was no bother", "no pressure", "features we didn't know existed" (not "didn't know about")
    k = _missing(lemmas, i + 1) if lem in ("no", "without") else None
    if k is not None and k not in fired:
        fired.add(k)
        return -1.0  # "no internet", "no reply", "no one", "without signal", "no in-flight entertainment"
    if "get" in window[:2] or "receive" in window[:2]:
        j = first + (window.index("get") if "get" in window[:2] else window.index("receive"))
        got = lemmas[j + 1:j + 4]
        # (at the clause's end: "paying for speeds I never get", "said I'd get a voucher, never got it"; "don't get
        # what I pay for"; not "never get speed problems")
        if (not EN_GOT.isdisjoint(got) and _EN_TROUBLE_NOUNS.isdisjoint(got)) or j + 1 == n \
                or lemmas[j + 1] in _CLAUSE_END or (lemmas[j + 1] in EN_GOT_AGAIN and (
                    j + 2 == n or lemmas[j + 2] in _CLAUSE_END)) \
                or (tuple(lemmas[j + 1:j + 2]) == ("what",) and "pay" in lemmas[j + 2:j + 5]):
            if j not in fired:
                fired.add(j)
                return -1.0  # "couldn't get an appointment", "never got a refund", "didn't get a reply"
    k = first + 2 if tuple(window[:2]) == ("seem", "to") else first  # "nobody seems to know ..."
    if tuple(lemmas[k:k + 2]) == ("know", "what") and k + 2 < n and lemmas[k + 2] != "to" \
            and _goings_on(lemmas[k + 3:k + 6]):
        return -1.0  # "they don't know what they are doing", "nobody knows what's going on" (not "what to do")
    if lem in ("nobody", "no") and "know" in lemmas[first:first + 5] \
            and tuple(lemmas[lemmas.index("know", first) + 1:][:2]) == ("how", "to"):
        return -1.0  # "nobody at the branch knew how to help" (not "I don't know how they do it so cheap")
    if window and window[0] in EN_UNBIDDEN and billed_for(lemmas, i):
        return -1.0  # "charged for things I never ordered", "billed for a service I didn't use"
    if tuple(window[:1]) in (("what",), ("the",)):  # "not what I expected", "not the speed advertised"
        if any(w in EN_EXPECTED or (window[0] == "the" and w in EN_AGREED) for w in lemmas[first + 1:first + 5]):
            return -1.0  # ("wasn't what I was hoping for", "not the package I was sold", "not the price I was quoted")
    able = first + (tuple(window[:1]) == ("be",))  # "haven't been able to use the internet", "not able to log in"
    if tuple(lemmas[able:able + 2]) == ("able", "to") and able + 2 < n and lemmas[able + 2] in EN_CANNOT_USE:
        return -1.0
    if tuple(window[:1]) == ("let",) and lemmas[first + 1:first + 2] and lemmas[first + 1] in ("me", "us") \
            and "down" not in lemmas[first + 2:first + 5]:
        return -1.0  # "wouldn't let me downgrade", "won't let us cancel" (not "never let me down")
    if lem in EN_VERBAL_NEGATORS and window and (
            window[0] in EN_GOODS_EVENTS
            or (len(window) > 1 and window[0] in EN_BEFORE_EVENT and window[1] in EN_GOODS_EVENTS)
            or (window[0] in EN_CANNOT_USE and i and lemmas[i - 1] in ("can", "ca", "could"))):
        return -1.0  # "doesn't fit", "didn't even last a week", "can't stream anything", "couldn't log in"
    for j, w in enumerate(window, start=first):
        if w == "exist" and _EN_TROUBLE_NOUNS.isdisjoint(lemmas[max(0, i - 4):i]) and j not in fired:
            fired.add(j)
            return -1.0  # "the 5G they advertise doesn't exist where I live" (not "problems don't exist")
        if (w in EN_EVENTS or (w == "get" and j + 1 < n and lemmas[j + 1] in ("back", "through"))) and j not in fired \
                and _EN_TROUBLE_NOUNS.isdisjoint(lemmas[first:j]) and not (  # (not "never a problem getting through")
                    w in ("hear", "see") and not _EN_TROUBLE_NOUNS.isdisjoint(lemmas[j + 1:j + 4])) \
                and not (w in _EN_OWN_TELLING and _by_customer(lemmas, i)):  # (nor "I did not tell the engineer")
            # (nor "haven't heard a single complaint", "never seen an outage")
            fired.add(j)
            return -1.0  # "never arrived", "didn't call back", "nobody has got back to me"
    return 0.0


# what the customer may not have done themselves: "I did not tell the engineer", "we never called them" (not "they
# never called", "I was never told")
_EN_OWN_TELLING = frozenset({"tell", "inform", "call", "ring", "phone", "email", "contact", "notify", "warn", "complain"})


def _by_customer(lemmas: Sequence[str], i: int) -> bool:
    """Whether the negator at ``i`` denies what the customer did: "I did not ...", "we never ..." (its subject, "i" or
    "we", right before it or before its "do"/"have"), not "I was never told" (a passive: the company did not)."""
    k = i - 1 - (i >= 1 and lemmas[i - 1] in ("do", "have", "would", "will"))
    return k >= 0 and lemmas[k] in ("i", "we") and "be" not in lemmas[i + 1:i + 3]


def _denied_from(lemmas: Sequence[str], i: int, nxt: str) -> int:
    """Where what the negator at ``i`` denies starts: the next word, after "no one" the one after ("no one called
    back"), in an inverted clause its verb ("not once have they called back", "never once did the engineer turn up")."""
    if lemmas[i] == "no" and nxt == "one":
        return i + 2
    if nxt == "once" and i + 3 < len(lemmas) and lemmas[i + 2] in ("have", "do", "be") \
            and lemmas[i + 3] in _EN_SUBJECTS:
        return i + 4 + (lemmas[i + 3] in ("the", "my", "our", "their", "an", "a"))
    return i + 1


_EN_SUBJECTS = frozenset({"i", "we", "they", "you", "he", "she", "it", "anyone", "anybody", "someone", "somebody",
                          "the", "my", "our", "their", "an", "a"})


def _flat_denial(lemmas: Sequence[str], i: int, nxt: str) -> bool:
    """Whether the negator at ``i`` (``nxt`` after it) says in a set phrase that a thing was not as it should be:
    "nowhere near", "never again", "didn't even knock", "got nowhere", "the service is not", a promise broken, the
    right equipment without which a visit was for nothing."""
    n = len(lemmas)
    lem = lemmas[i]
    if (lem == "nowhere" and nxt == "near") or broken_promise(lemmas, i):
        return True  # "nowhere near the speed they promised", "said they would call back but never did"
    if lem == "not" and i and lemmas[i - 1] in ("be", "do") and (i + 1 == n or lemmas[i + 1] in _PUNCT) \
            and "if" not in lemmas[max(0, i - 4):i]:  # (not "it's bland if you don't")
        return True  # "the broadband is fine, the customer service is not": what the sentence denied, left unsaid
    if lem == "not" and (nxt == "anymore" or (nxt == "any" and tuple(lemmas[i + 2:i + 3]) == ("more",))) and (
            i + 2 + (nxt == "any") >= n or lemmas[i + 2 + (nxt == "any")] in _PUNCT):
        return True  # "Used to be good, not any more"
    if (lem == "never" and nxt == "again") or (lem in ("not", "never") and nxt == "even" and i + 2 < n
                                               and lemmas[i + 2] not in _EN_UNNOTICED):
        return True  # "never again"; "the engineer didn't even knock" (not "didn't even notice the switch")
    if i and lemmas[i - 1] == "get" and (lem == "nowhere" or (lem == "nothing" and (
            nxt in ("for", "back", "in", "out") or i + 1 == n or nxt in _PUNCT))):  # (not "nothing but help")
        return True  # "on the phone for an hour and got nowhere", "12 years a customer and got nothing for it"
    return _without_due(lemmas, i)  # "turned up without the right equipment", "didn't have the right parts"


# "didn't even ..." is a complaint but after these ("didn't even notice the switch", "not even once")
_EN_UNNOTICED = frozenset({"notice", "realise", "realize", "know", "feel", "need", "have", "think", "mind", "once",
                           "close", "hesitate", "blink", "wait", "consider", "a"})
_EN_TROUBLE_NOUNS = frozenset({"issue", "problem", "fault", "complaint", "outage", "error", "bug", "trouble"})


def _goings_on(words: Sequence[str]) -> bool:
    """What is done or going on: "(what they are) doing", "(what is) going on", "(what is) happening"."""
    return "do" in words or "happen" in words or ("go", "on") in zip(words, words[1:])


def _missing(lemmas: Sequence[str], j: int) -> int | None:
    """Where, from ``j`` on, after "no" or "without", stands something that should be there (EN_ABSENT),
    the words before it describing it ("no in-flight entertainment", "no more snacks", "no free wifi")."""
    for k in range(j, min(j + 4, len(lemmas))):
        w = lemmas[k]
        if w in EN_ABSENT:  # (not "no wifi problems": no trouble with it; not "without an engineer visit")
            return None if not EN_NOT_MISSING.isdisjoint(lemmas[k + 1:k + 2]) or lemmas[k - 1] == "traffic" else k
            # (nor "no traffic shaping": a throttling none)
        if not (w in EN_BEFORE_MISSING or (w.isalpha() and (
                w not in stop_words("en") or lemmas[k + 1:k + 2] in (("-",), (GLUE,))))):
            return None
    return None


def _without_due(lemmas: Sequence[str], i: int) -> bool:
    """"without the right equipment", "without any proper explanation", "didn't have the right parts", "without
    the cable he needed": what was due, lacking (the negator or "without" at ``i``)."""
    nxt = lemmas[i + 1] if i + 1 < len(lemmas) else ""
    k = i + 1 + (lemmas[i] in ("not", "never") and nxt == "have")  # (the article after "without", "didn't have")
    if not ((lemmas[i] == "without" or k == i + 2) and tuple(lemmas[k:k + 1]) in (("the",), ("a",), ("any",))):
        return False
    # "the right parts", or what was needed: "turned up without the cable he needed"
    return (k + 1 < len(lemmas) and lemmas[k + 1] in _EN_DUE) or any(
        lemmas[j] in ("he", "she", "they", "we", "i") and lemmas[j + 1] in ("need", "require")
        for j in range(k + 2, min(k + 5, len(lemmas) - 1)))


def _nothing_came(lemmas: Sequence[str], i: int) -> bool:
    """"They apologised but nothing changed", "I complained and nothing happened", "but nothing was done": what was
    said or asked came to nothing (after "but", "and" or "yet"; not "nothing has changed in years, still great")."""
    k = i + 1
    while k < len(lemmas) and lemmas[k] in ("have", "be", "ever", "really", "actually"):
        k += 1
    return lemmas[i] == "nothing" and i > 0 and lemmas[i - 1] in ("but", "and", "yet") and k < len(lemmas) \
        and lemmas[k] in ("change", "happen", "improve", "do", "come")
