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
non-events in :mod:`insight.text.non_events`, the English ones told as facts (a lack, a price that jumped, goods sent
back, ...) in :mod:`insight.text.facts`.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from insight.text.complaint_cues import (
    EN_ACTS_UP, EN_AGREED, EN_APART, EN_CONTACT, EN_FLAT, EN_FREQUENT, EN_HAVE_TO, EN_HOPED, EN_LET_DOWN,
    EN_MONEY, EN_NEGATORS, EN_NUMBERS, EN_PROBLEM, EN_REPAIRS, EN_REPEAT, EN_RIVALS, EN_SHORTFALL_BY, EN_STILL, EN_TAKE,
    EN_TIMES, EN_TOO, EN_UNITS, EN_WAITING,
)
from insight.text.complaints_ru import RU_CUE_WORDS, russian
from insight.text.complaints_zh import chinese as _chinese, zh_kind
from insight.text.cue_windows import near as _near, number as _number
from insight.text.conduct import CONDUCT_WORDS, conduct
from insight.text.facts import FACT_WORDS, facts
from insight.text.durations import EN_WHOLE, briefly, duration, every, own_time, put_off, whole_spent
from insight.text.disappointment import excess, idiom, seen_through, shortfall
from insight.text.lemmas import GLUE
from insight.text.non_events import en_not_done
from insight.text.others import another_marks, of_another

WEIGHT = 1.5  # of a cue against the lexicon's words (which run from -2 to 2)


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
            total += en_not_done(lemmas, i, fired)
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


def _acts_up_before(lemmas: Sequence[str], i: int) -> bool:
    """"needs resetting constantly", "drops out randomly": a fault's verb just before ``i``."""
    k = i - 1 - (i > 1 and lemmas[i - 1] in ("out", "off", "down"))
    if k >= 1 and lemmas[k] in ("me", "us", "you") and lemmas[k + 1] == "out":
        k -= 1  # "logs me out constantly", "kicks us out randomly"
        return lemmas[k] in ("log", "kick", "throw", "boot", "cut")
    return k >= 0 and lemmas[k] in EN_ACTS_UP


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
