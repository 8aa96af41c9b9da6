"""Complaints that carry no sentiment word: non-events, waiting, durations, repetition.

Customers complain in facts as often as in opinions: "no one called back", "never arrived",
"still don't have a line", "on hold for 40 minutes", "had to call back twice", "cancelled four
times", "还没到", "等了一个多小时才送到", "уже третий день не отвечают", "звонил пять раз". None of
these holds a word a polarity lexicon knows, so a lexicon reads them as neutral - or, with "help"
in "call for help taking 35 minutes to answer", as praise. :func:`complaint` finds them in a span
of lemmas; :func:`insight.text.polarity.judge` adds what it finds to the lexicon's score.

The cues (their words, per language, are in :mod:`insight.text.complaint_cues`):

* **non-events**: a negator (or "nobody", 没人, никто) before something that should have happened
  (arrive, call back, reply, work, fix, refund; 到, 回复, 处理; ответить, прийти, починить) -
  unless it was something one should not have to do ("never had to call", "no need to chase");
  "no" / 没 / нет / без before something that should be there ("no internet", "no in-flight wifi", 没信号, нет связи);
* **waiting**: "still" with a negation (还没, 至今没, до сих пор не, так и не), "on hold";
* **durations**: a number of minutes, hours, days, weeks or months after a waiting word (wait,
  hold, queue, chase; 等了; ждать, висеть, уже) or after "took" when it took days or more, or
  minutes and hours to answer, reply or arrive - not after "within", "only", "less than";
  Chinese 一个小时才送到 (only then);
* **repetition**: "N times", "twice", "again and again", "keep ..." with a contact or problem verb
  (call, chase, explain, cancel, drop, crash), "always"/"constantly" with a problem verb, "had to"
  with a contact verb; 打了三次电话, 催了好几次, 反复; звонил пять раз, постоянно пропадает;
* **disappointment** (:mod:`insight.text.disappointment`): "too small", "way too much fabric", "слишком тесно".

Every cue counts -1 here; :func:`insight.text.polarity.judge` weighs the sum by WEIGHT against the
lexicon's words, so that a fact outweighs a mild word beside it ("help" in "call for help taking
35 minutes to answer"). The 0-10 score is never read: this is the text alone. The Chinese cues are
read in :mod:`insight.text.complaints_zh`, the Russian ones in :mod:`insight.text.complaints_ru`, the English
ones told as facts (a lack, a price that jumped, goods sent back, ...) in :mod:`insight.text.facts`.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from insight.text.complaint_cues import (
    CLAUSE_MARKS, EN_ABSENT, EN_ACTS_UP, EN_AGREED, EN_APART, EN_BEFORE_EVENT, EN_BEFORE_MISSING, EN_CANNOT_USE,
    EN_CONTACT, EN_EVENTS, EN_EXPECTED, EN_FLAT, EN_FREQUENT, EN_GOODS_EVENTS, EN_GOT, EN_GOT_AGAIN, EN_HAVE_TO,
    EN_HOPED, EN_LET_DOWN, EN_MONEY, EN_NEED, EN_NEGATORS, EN_NOT_MISSING, EN_NUMBERS, EN_PROBLEM, EN_REPAIRS,
    EN_REPEAT, EN_RIVALS, EN_SHORTFALL_BY, EN_STILL, EN_TAKE, EN_TIMES, EN_TOO, EN_UNBIDDEN, EN_UNITS,
    EN_VERBAL_NEGATORS, EN_WAITING,
)
from insight.text.complaints_ru import RU_CUE_WORDS, russian
from insight.text.complaints_zh import chinese as _chinese, zh_kind
from insight.text.cue_windows import SCOPE as _SCOPE, clause_window as _clause_window
from insight.text.cue_windows import near as _near, number as _number
from insight.text.conduct import CONDUCT_WORDS, broken_promise, conduct
from insight.text.facts import CLAUSE_END as _CLAUSE_END, FACT_WORDS, billed_for, facts
from insight.text.durations import EN_WHOLE, briefly, duration, every, own_time, put_off, whole_spent
from insight.text.disappointment import excess, idiom, seen_through, shortfall, stop_words
from insight.text.lemmas import GLUE
from insight.text.negation import denied_trouble_before
from insight.text.others import another_marks, of_another

WEIGHT = 1.5  # of a cue against the lexicon's words (which run from -2 to 2)
_PUNCT = CLAUSE_MARKS  # a clause ends here: a negator's reach, or a cue's, does not cross it


def complaint(lemmas: Sequence[str], lang: str, zh_kinds: Sequence[tuple[str, int]] | None = None) -> float:
    """Sum of the complaint cues in ``lemmas`` (one clause or sentence): 0.0 or negative.
    ``zh_kinds``: each Chinese token's cue kind (:func:`zh_kind`), when already known."""
    if lang == "en":
        return _english(lemmas)
    if lang == "zh":
        return _chinese(lemmas, zh_kinds)
    if lang == "ru":
        return russian(lemmas)
    return 0.0


def is_cue(lemma: str, lang: str) -> bool:
    """Whether ``lemma`` is one of the words without which no cue can fire: :func:`complaint` of a
    span that holds none of them is 0.0 (so a comment's spans need not be read one by one)."""
    if lang == "zh":
        return bool(zh_kind(lemma)[0])
    cues = _cue_words().get(lang)
    return cues is not None and lemma in cues


_EN_DUE = frozenset({"right", "proper", "correct", "necessary"})  # "without the right equipment"
_EN_NO_EVENT = frozenset({"bother", "trouble", "hassle", "pressure", "fuss", "quibble", "stress", "drama"})


@functools.lru_cache(maxsize=1)
def _cue_words() -> dict[str, frozenset[str]]:
    """Per language, the words without which no cue can fire (a quick test before the scan)."""
    en = (EN_NEGATORS | EN_STILL | EN_WAITING | EN_TAKE | EN_TIMES | EN_REPEAT | EN_FREQUENT | EN_HAVE_TO
          | EN_HOPED | EN_TOO | EN_LET_DOWN | EN_FLAT | EN_SHORTFALL_BY
          | {"hold", "non", "nonexistent", "expect", "apart", "see", "desire", "try", "phone", "line", "place", "hole",
             "what", "start", "begin", "talk"}
          | set(EN_UNITS) | EN_WHOLE | FACT_WORDS | CONDUCT_WORDS)  # (a unit: "three weeks to answer an email")
    return {"en": frozenset(en), "ru": RU_CUE_WORDS}


@functools.lru_cache(maxsize=4)
def _starts(than: bool = True, there: bool = True) -> frozenset[str]:
    """The English words at which a cue is read (the scan visits only them); without the words of a price above the
    one agreed when the comment has no "than", nor those of a cheaper rival when it has no "there" (common words)."""
    en = (EN_NEGATORS | EN_STILL | set(EN_UNITS) | EN_WHOLE | EN_TIMES | EN_REPEAT | EN_FREQUENT | EN_HAVE_TO | EN_HOPED
          | EN_TOO
          | EN_LET_DOWN | EN_FLAT | EN_SHORTFALL_BY | {"desire", "apart", "see", "hold", "non", "nonexistent", "twice",
                                                       "repeatedly", "umpteen", "again", "keep", "time", "expect",
                                                       "place", "hole", "what", "start", "begin", "talk"}
          | FACT_WORDS | CONDUCT_WORDS)
    return frozenset(en - (set() if than else EN_AGREED) - (set() if there else EN_RIVALS))


def _english(lemmas: Sequence[str]) -> float:
    cues = _cue_words()["en"]
    if cues.isdisjoint(lemmas):
        return 0.0
    total = 0.0
    n = len(lemmas)
    fired: set[int] = set()  # one cue per event word
    starts = _starts("than" in lemmas, "there" in lemmas)
    marks = another_marks(lemmas)  # (a cue of another company's fault is none: "my old provider kept dropping out")
    for i in [i for i, lem in enumerate(lemmas) if lem in starts
              and not (marks and any(i - 8 <= k <= i + 6 for k in marks) and of_another(lemmas, 0, i))]:
        lem = lemmas[i]
        nxt = lemmas[i + 1] if i + 1 < n else ""
        if lem in EN_NEGATORS:
            total += _en_not_done(lemmas, i, fired)
        elif lem in EN_STILL and any(w in EN_NEGATORS or w == "wait" for w in lemmas[i + 1:i + 4]):
            total -= 0.5  # "still waiting", "still don't have a line" (the rest is counted by its own cue)
        elif lem == "hold" and i and lemmas[i - 1] == "on":
            if EN_NEGATORS.isdisjoint(lemmas[max(0, i - 4):i - 1]) and not briefly(lemmas, i):
                total -= 1.0  # "on hold" (not "no waiting on hold", "on hold for a couple of minutes at most")
        elif lem == "nonexistent" or (lem == "non" and nxt in ("-", GLUE, "existent")
                                      and "existent" in lemmas[i + 1:i + 3]):
            total -= 1.5
        elif lem in EN_UNITS and every(lemmas, i):
            total -= 1.0  # "needs restarting every day", "drops out every night", "logs me out every few days"
        elif lem in EN_UNITS:
            total += duration(lemmas, i)
        elif lem in EN_WHOLE and whole_spent(lemmas, i):
            total -= 1.0  # "had to spend my whole Saturday on the phone", "wasted an entire morning"
        elif lem == "time" and own_time(lemmas, i):
            total -= 2.0 if lemmas[i - 1] == "sweet" else 1.0  # "took their time sorting it", "their sweet time"
        elif (repeated := _repeats(lemmas, i, nxt)) is not None:
            total += repeated
        elif lem in EN_HAVE_TO and nxt == "to" and _had_to(lemmas, i):
            total -= 0.7  # "had to call back", "have to chase them", "the hub has to be restarted most mornings"
        elif lem in EN_HOPED and ((nxt == "to" and any(w in ("love", "like") for w in lemmas[i + 2:i + 4]))
                                  or (lem == "hope" and i and lemmas[i - 1] == "high")):
            # a hope let down: "had high hopes", "I really wanted to love this" - the love is what was not, so
            # the cue outweighs it, intensified too (3 x WEIGHT against "really love", 3)
            total -= 3.0
        elif lem in EN_SHORTFALL_BY and shortfall(lemmas, i):
            total -= 2.0  # "needs improvement", "could be better": outweighs the praise of "improvement", "better"
        elif lem == "expect" and not {"more", "better"}.isdisjoint(lemmas[i + 1:i + 5]) \
                and "than" not in lemmas[max(0, i - 1):i + 5]:
            total -= 1.0  # "I expected more", "expected a lot more" (not "better than expected", "more than expected")
        elif (lem == "apart" and i and lemmas[i - 1] in EN_APART) or (lem == "see" and seen_through(lemmas, i)):
            if not any(w in EN_NEGATORS for w in lemmas[max(0, i - 4):i]):
                total -= 1.0  # "fell apart", "came apart", "see-through", "you can see right through it"
        elif lem in FACT_WORDS:
            total += facts(lemmas, i)
        elif lem in CONDUCT_WORDS:
            total += conduct(lemmas, i)  # "thinking of leaving", "says one thing, does another", "trying to sell"
        elif idiom(lemmas, i):
            total -= 1.0  # "let me down", "fell flat", "leaves a lot to be desired"
        elif lem in EN_TOO and excess(lemmas, i, "en"):
            total -= 1.0  # "too small", "way too much fabric", "took too long"
    return total


def _repeats(lemmas: Sequence[str], i: int, nxt: str) -> float | None:
    """The cue of a fault or a contact told as repeated at ``i`` ("called 5 times", "called twice", "keeps dropping",
    "constantly drops", "freezes all the time"): its weight, 0 when ``i`` is a word of repetition that tells of none
    ("twice as fast"), None when ``i`` is no such word."""
    n = len(lemmas)
    lem = lemmas[i]
    if lem in EN_TIMES and i and (lemmas[i - 1] in EN_NUMBERS or _number(lemmas[i - 1])) \
            and lemmas[i - 1] not in ("a", "an", "one", "first", "half", "another"):
        if _near(lemmas, i, EN_CONTACT | EN_PROBLEM, 6) or put_off(lemmas, i):
            return -1.0  # "cancelled four times", "called 5 times", "installation date moved three times"
        return 0.0
    if lem in ("twice", "repeatedly", "umpteen") or (lem == "again" and nxt == "and"):
        as_ = nxt in ("as", "a") and (i + 2 >= n or lemmas[i + 2] not in EN_UNITS)  # "as" is lemmatised "a"
        if not as_ and (_near(lemmas, i, EN_CONTACT | EN_PROBLEM | EN_MONEY, 6) or put_off(lemmas, i)):
            return -1.0  # "called twice", "the visit was moved twice" (not "twice as fast")
        return 0.0
    if lem == "keep" and (nxt in (EN_CONTACT | EN_PROBLEM | {"on"})
                          or (nxt in ("log", "kick", "time", "throw") and "out" in lemmas[i + 2:i + 5])):
        return -1.0  # "keeps dropping", "kept calling", "keep on chasing"
    if lem in EN_FREQUENT and (_near(lemmas, i, EN_PROBLEM - EN_REPAIRS, 3, after_only=True)
                               or (lem != "always" and _acts_up_before(lemmas, i))):  # "resetting constantly"
        return -1.0  # "constantly drops", "always goes down" (not "they always fix things quickly")
    if lem in EN_FREQUENT and nxt == "need" and tuple(lemmas[i + 2:i + 3]) in _TENDED \
            and (i == 0 or lemmas[i - 1] not in ("i", "we", "you")):
        return -1.0  # "self checkouts always need assistance", "it constantly needs restarting" (not "I always need")
    if lem == "time" and i >= 2 and lemmas[i - 2] in ("all", "every") and lemmas[i - 1] == "the" \
            and _near(lemmas, i, EN_PROBLEM, 5):
        return -1.0  # "freezes all the time", "drops every time"
    if lem == "time" and i >= 2 and lemmas[i - 1] == "every" and _acts_up_before(lemmas, i - 1):
        return -1.0  # "logs me out every time I switch screens", "crashes every time"
    return None


# what a thing that should run alone is said to need often
_TENDED = {(w,) for w in ("assistance", "help", "attention", "restart", "restarting", "reset", "resetting", "reboot",
                          "rebooting", "fix", "fixing", "repair", "repairing", "replace", "replacing", "charge",
                          "charging")}


def _nothing_came(lemmas: Sequence[str], i: int) -> bool:
    """"They apologised but nothing changed", "I complained and nothing happened", "but nothing was done": what was
    said or asked came to nothing (after "but", "and" or "yet"; not "nothing has changed in years, still great")."""
    k = i + 1
    while k < len(lemmas) and lemmas[k] in ("have", "be", "ever", "really", "actually"):
        k += 1
    return lemmas[i] == "nothing" and i > 0 and lemmas[i - 1] in ("but", "and", "yet") and k < len(lemmas) \
        and lemmas[k] in ("change", "happen", "improve", "do", "come")


def _acts_up_before(lemmas: Sequence[str], i: int) -> bool:
    """"needs resetting constantly", "drops out randomly": a fault's verb just before ``i``."""
    k = i - 1 - (i > 1 and lemmas[i - 1] in ("out", "off", "down"))
    if k >= 1 and lemmas[k] in ("me", "us", "you") and lemmas[k + 1] == "out":
        k -= 1  # "logs me out constantly", "kicks us out randomly"
        return lemmas[k] in ("log", "kick", "throw", "boot", "cut")
    return k >= 0 and lemmas[k] in EN_ACTS_UP


def _en_not_done(lemmas: Sequence[str], i: int, fired: set[int]) -> float:
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


def _had_to(lemmas: Sequence[str], i: int) -> bool:
    """Whether "have to" at ``i`` tells of a contact or a repair the customer was made to make: "had to call back",
    "the hub has to be restarted" (not "never had to call", "only had to call once", "I had to write a review", "I
    can't remember the last time I had to phone them")."""
    n = len(lemmas)
    if i + 2 >= n or not (lemmas[i + 2] in EN_CONTACT or (
            lemmas[i + 2] == "be" and i + 3 < n and lemmas[i + 3] in EN_ACTS_UP | EN_REPAIRS)):
        return False
    if any(w in EN_NEGATORS or w in ("no", "rare", "rarely", "seldom", "once", "only")
           for w in lemmas[max(0, i - 3):i]):
        return False
    if "remember" in lemmas[max(0, i - 7):i] and not EN_NEGATORS.isdisjoint(lemmas[max(0, i - 9):i]):
        return False  # (the last time it was needed is forgotten)
    return "once" not in lemmas[i + 3:i + 5] and "review" not in lemmas[i + 3:i + 6]
