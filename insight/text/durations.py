"""English complaints told in time (see :mod:`insight.text.complaints`): a wait of minutes, hours or days ("on hold
for 40 minutes", "took 3 weeks to fix", "three weeks for a router swap"), a fault every night, a booking put off
three times, a time taken slowly ("took their time sorting my fault") - and what is no complaint: "took a day to
arrive", "within 2 days", "on hold for a couple of minutes at most"."""

from __future__ import annotations

from collections.abc import Sequence

from insight.text.complaint_cues import (
    CLAUSE_MARKS, EN_AGREED, EN_AWAITED, EN_NEGATORS, EN_NUMBERS, EN_PROBLEM, EN_QUICK, EN_REPAIRS, EN_TAKE, EN_UNITS,
    EN_UNIT_WORDS, EN_WAITING,
)
from insight.text.cue_windows import few_minutes as _few_minutes, near as _near, number as _number
from insight.text.bygones import SENTENCE_END
from insight.text.facts import CLAUSE_END as _CLAUSE_END

_PUNCT = CLAUSE_MARKS
# a booking put off: "the installation date moved three times" (not "I've moved house three times")
_EN_MOVED = frozenset({"move", "change", "push", "postpone", "delay", "rearrange", "put"})
_EN_BOOKED = frozenset({"date", "appointment", "visit", "installation", "install", "slot", "booking", "delivery"})
# what is waited for, as a noun: "three weeks for a router swap", "two months for a refund"
_EN_AWAITED_JOBS = frozenset({"swap", "repair", "fix", "refund", "reply", "answer", "response", "install",
                              "installation", "engineer", "connection", "callback", "credit", "appointment", "visit",
                              "delivery", "replacement", "activation"})
# what a single day is quick for: "took a day to arrive", "took a day to fix" (not "took a day to answer an email")
_EN_ARRIVING = frozenset({"arrive", "come", "deliver", "turn", "get", "fix", "sort", "repair", "resolve", "replace"})
# "on the phone for an hour" (a wait, as on hold); "been stuck for weeks", "been pending for 3 weeks" (left waiting;
# "the application has been sitting there for a month": _EN_LEFT_SITTING)
_EN_ON_THE_LINE = {("the", "phone"), ("the", "line"), ("be", "stuck"), ("be", "pend")}
_EN_LEFT_SITTING = frozenset({"there", "idle", "untouched", "around", "unanswered", "unread"})  # (not "by the pool")
_EN_NONE = frozenset({"no", "never", "without", "zero", "not"})  # a fault denied: "with no drops"
_EN_THROWN_OUT = frozenset({"log", "kick", "throw", "boot", "sign"})  # "logs me out", "kicks us out"
# a whole day given to the company: "had to spend my whole Saturday on the phone", "wasted an entire morning"
EN_WHOLE = frozenset({"whole", "entire", "all"})
_EN_DAY_PARTS = frozenset({"day", "morning", "afternoon", "evening", "night", "weekend", "week", "saturday", "sunday",
                           "monday", "tuesday", "wednesday", "thursday", "friday", "lunch", "lunchtime", "life"})
# what a day is spent doing for the company ("spent all day trying to get through"; not "I spend all day on the phone
# for work"), and where, when the customer had to or it was to them ("had to spend my whole Saturday on the phone",
# "spent my whole day on the phone to them")
_EN_SPENT_ON = frozenset({"hold", "wait", "chase", "try", "sort", "argue", "explain", "deal", "fix", "complain"})
_EN_ON_THE_PHONE = frozenset({"phone", "line", "chat", "call", "ring", "email"})


def every(lemmas: Sequence[str], i: int) -> bool:
    """A fault told as recurring at the unit at ``i``: "drops out every night", "needs restarting every day", "logs
    me out every few days", "every 5 minutes" (a fault's verb, or one throwing the customer out, in the words
    before)."""
    recurring = (i and lemmas[i - 1] == "every") or (i > 1 and lemmas[i - 2] == "every" and (
        lemmas[i - 1] in ("few", "couple", "other") or lemmas[i - 1] in EN_NUMBERS or _number(lemmas[i - 1])))
    return bool(recurring) and (_fault_near(lemmas, i) or (
        "out" in lemmas[max(0, i - 5):i] and not _EN_THROWN_OUT.isdisjoint(lemmas[max(0, i - 7):i])))


def _fault_near(lemmas: Sequence[str], i: int) -> bool:
    """A fault's word within five words of ``i`` that is not denied: "drops every night" (not "works from home every
    day with no drops", "every day without dropping")."""
    return any(lemmas[k] in EN_PROBLEM and not (k and lemmas[k - 1] in _EN_NONE)
               for k in range(max(0, i - 5), min(len(lemmas), i + 6)) if k != i)


def whole_spent(lemmas: Sequence[str], i: int) -> bool:
    """Whether "whole", "entire" or "all" at ``i`` tells of a day given up to the company: "had to spend my whole
    Saturday on the phone", "wasted an entire morning", "lost a whole day", "spent all day trying to get through" (not
    "spent the whole weekend streaming with no buffering", "I spend all day on the phone for work", "never had to
    spend all day on it")."""
    if i + 1 >= len(lemmas) or lemmas[i + 1] not in _EN_DAY_PARTS:
        return False
    before = lemmas[max(0, i - 4):i]
    if not EN_NEGATORS.isdisjoint(before):
        return False
    if "waste" in before or "lose" in before:
        return True
    after = lemmas[i + 2:i + 8]
    return "spend" in before and (not _EN_SPENT_ON.isdisjoint(after) or (
        (("have", "to") in zip(before, before[1:]) or "them" in after) and not _EN_ON_THE_PHONE.isdisjoint(after)))


def put_off(lemmas: Sequence[str], i: int) -> bool:
    """A booking put off, near the count of times at ``i``: "the installation date moved three times", "the visit
    was rescheduled twice" (not "I've moved house three times")."""
    return _near(lemmas, i, _EN_MOVED, 6) and _near(lemmas, i, _EN_BOOKED, 6)


_EN_THEIR = frozenset({"their", "there", "its", "his", "her", "your", "sweet"})
_EN_SLOW_AT = EN_AWAITED | EN_REPAIRS | {"sort", "reply", "refund", "process", "deal"}


def own_time(lemmas: Sequence[str], i: int) -> bool:
    """Whether "time" at ``i`` is one taken slowly: "took their time sorting my fault", "taking their sweet time" (not
    "took the time to explain", "took their time to explain everything": care)."""
    if i < 2 or lemmas[i - 1] not in _EN_THEIR or not EN_TAKE.intersection(lemmas[max(0, i - 3):i - 1]):
        return False
    return lemmas[i - 1] == "sweet" or (i + 1 < len(lemmas) and lemmas[i + 1] in _EN_SLOW_AT) \
        or tuple(lemmas[i + 1:i + 3]) in (("to", "reply"), ("to", "respond"), ("to", "answer"), ("to", "get"))


def briefly(lemmas: Sequence[str], i: int) -> bool:
    """Whether the hold at ``i`` is told as brief: "on hold for a couple of minutes at most", "only on hold for 2
    minutes", "on hold for under a minute"."""
    for k in range(i + 1, min(i + 8, len(lemmas))):
        if lemmas[k] in _PUNCT or lemmas[k] == "but":
            return False
        if EN_UNITS.get(lemmas[k]) == 1:
            around = lemmas[max(0, i - 3):k + 3]
            return _few_minutes(lemmas[k - 1], 1) or not EN_QUICK.isdisjoint(around) or "most" in around \
                or "max" in around or "tops" in around
    return False


# what the customer took a while to do themselves: "took a while to get used to", "a few days to learn"
_EN_LEARNING = frozenset({"learn", "adjust", "adapt", "hang", "accustom", "familiarise", "familiarize"})


# who spends time for the customer (their effort, not a wait): "the engineer spent an extra hour sorting it out"
_EN_STAFF = frozenset({"engineer", "technician", "installer", "he", "she", "they", "staff", "guy", "lady", "man",
                       "nurse", "doctor", "agent", "advisor", "adviser", "team", "tech", "fitter"})


def duration(lemmas: Sequence[str], i: int) -> float:
    """-1 for a duration at ``i`` (a unit) that someone waited: "on hold for 40 minutes", "waited 2
    hours", "took 3 weeks", "taking 35 minutes to answer"; 0 for "within 2 days", "took 10 minutes"."""
    unit = EN_UNITS[lemmas[i]]
    before = lemmas[max(0, i - 8):i]
    if i >= 2 and lemmas[i - 1] in EN_UNIT_WORDS and (lemmas[i - 2] in EN_NUMBERS or _number(lemmas[i - 2])):
        before, i_number = lemmas[max(0, i - 9):i - 1], i - 2  # "five working days", "3 business days"
    else:
        i_number = i - 1
    counted = i and (lemmas[i_number] in EN_NUMBERS or _number(lemmas[i_number]) or lemmas[i] in ("age", "ages")
                     or (unit >= 3 and lemmas[i - 1] in EN_TAKE | {"wait", "for"}))  # "takes days", "for weeks"
    if lemmas[i_number] == "last" and unit >= 4:
        return -1.0 if _overrun(lemmas, i_number) else 0.0  # "promised a call back in 24 hours, that was last month"
    if not counted or _few_minutes(lemmas[i_number], unit) or (i_number and lemmas[i_number - 1] == "exactly"):
        return 0.0  # (and "it took exactly three weeks", as it was told it would)
    if any(w in EN_QUICK for w in lemmas[max(0, i - 4):i]):
        return 0.0
    negated = any(w in EN_NEGATORS for w in before)
    if negated and unit >= 3 and i_number and lemmas[i_number - 1] == "for" and _unable(before):
        return -1.0  # an inability that lasted days: "they couldn't transfer my service for a month"
    pairs = set(zip(before, before[1:]))  # "been trying to ...", "on the phone for an hour"
    waited = any(w in EN_WAITING and not (w == "spend" and k and before[k - 1] in _EN_STAFF)
                 for k, w in enumerate(before)) or ("try", "to") in pairs or bool(pairs & _EN_ON_THE_LINE) or any(
        a == "be" and b == "sit" and c in _EN_LEFT_SITTING for a, b, c in zip(before, before[1:], before[2:]))
    if waited or (i + 1 < len(lemmas) and lemmas[i + 1] in ("later", "ago")
                  and _near(lemmas, i, EN_NEGATORS | {"still"}, 6, after_only=True)):
        return 0.0 if negated else -1.0
    after = lemmas[i + 1:i + 4]
    if after[:2] in (["on", "the"], ("on", "the")) and after[2:] and after[2] in _EN_ON_THE_PHONE and not negated \
            and (unit == 2 or (unit == 1 and lemmas[i_number].isdecimal() and int(lemmas[i_number]) >= 30)):
        return -1.0  # "over an hour on the phone", "45 minutes on the line" (not "10 minutes on the phone")
    if any(w in EN_TAKE for w in before):
        if unit <= 3 and "to" in after and (not _EN_LEARNING.isdisjoint(lemmas[i + 2:i + 6])
                                            or ("get", "use") in zip(lemmas[i + 2:i + 5], lemmas[i + 3:i + 6])):
            return 0.0  # "took a while to get used to the new layout", "a few days to learn": the customer's own
            # learning, not a wait
        if not {"would", "will"}.isdisjoint(before[-4:]) and "exactly" in lemmas[i + 1:i + 10]:
            return 0.0  # "told it would take three weeks and it took exactly three weeks": an estimate kept
        if unit == 3 and lemmas[i_number] in ("a", "an", "one") and not _EN_ARRIVING.isdisjoint(after):
            return 0.0  # "the router took a day to arrive", "took a day to fix": by the next day
        if unit >= 3:
            return -2.0  # "took 3 weeks", "took a month to fix": outweighs the praise of the fix that came late
        if "to" in after and any(w in EN_AWAITED for w in after):
            return -1.0  # "taking 35 minutes to answer"
    if unit >= 3 and after[:1] in (["to"], ("to",)) and any(w in EN_AWAITED for w in after[1:]):
        return -1.0  # "three weeks to answer an email" (days or more, "took" left unsaid)
    if unit >= 3 and after[:1] in (["for"], ("for",)) and (i_number == 0 or lemmas[i_number - 1] in _CLAUSE_END) \
            and not _EN_AWAITED_JOBS.isdisjoint(lemmas[i + 2:i + 7]):
        return -1.0  # "Three weeks for a simple router swap", "2 months for a refund" (not "5 years for the same
        # price")
    if unit >= 3 and not negated and _overrun(lemmas, i_number):
        return -1.0  # "told I'd get a new router in 48 hours, it's been two weeks" (a time told, overrun)
    return 0.0


def _unable(before: Sequence[str]) -> bool:
    """Whether ``before`` (the words before a duration) says in its last clause that something could not be done
    ("couldn't transfer my service for", "unable to log in for"; not "Can't fault them, been with them for")."""
    k = next((k for k in range(len(before) - 1, -1, -1) if before[k] in _EN_BREAKS or before[k] == "unable" or (
        before[k] == "not" and k and before[k - 1] in ("can", "could"))), None)
    return k is not None and before[k] not in _EN_BREAKS


_EN_BREAKS = frozenset({",", ".", ";", "!", "?", "but"})


def _overrun(lemmas: Sequence[str], i_number: int) -> bool:
    """Whether the time counted at ``i_number`` tells how long ago something was told or promised: "told I'd get a new
    router in 48 hours, it's been two weeks", "promised a call back within a day, that was last month"."""
    return bool(i_number) and lemmas[i_number - 1] == "be" \
        and not EN_AGREED.isdisjoint(lemmas[max(0, i_number - 16):i_number])


def counted_on_one_hand(lemmas: Sequence[str]) -> set[int]:
    """The rest of an English clause that says its slips can be counted "on one hand" ("can count on one hand the
    number of times the internet has gone down"): rare, no complaint."""
    covered: set[int] = set()
    for k in range(len(lemmas) - 3):
        if tuple(lemmas[k:k + 4]) == ("count", "on", "one", "hand"):
            end = k
            while end < len(lemmas) and lemmas[end] not in SENTENCE_END:
                end += 1
            covered.update(range(k, end))
    return covered
