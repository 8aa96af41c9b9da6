"""Complaints told as what the customer will do or what the company did, in English, with no sentiment word.

* **leaving**: "thinking of leaving", "will be switching provider", "moving to another provider as soon
  as my contract ends", "looking to cancel" - an intent to go, not a past switch ("switched from BT and
  never looked back"), not "no reason to leave", not "I'll leave a review";
* **a promise broken**: "was told the engineer would call but he never did", "they said they'd ring back
  but didn't" - a promise, then "never did" or "didn't" at the end of the clause (not a fear that did
  not come true: "I was worried it would drop out but it never did"); "they don't do what they say";
* **nothing of it**: "zero customer service", "zero communication" (not "zero issues"); done "without asking";
* **two stories**: "the speed test says one thing, reality another", "sales tell you one thing and
  billing another";
* **hard selling**: "constantly trying to sell me things I don't need", "sold me a package I didn't need" (not
  "didn't try to upsell"); made to: "they made me sign a new contract" (not "made me smile");
* **less than paid for**: "signed up for 900mb, getting about 200" - a speed or allowance with its unit, then a
  smaller number got; or the number got first: "the speed test shows 12mb when I'm paying for 150".
* **praise held back**: "customer service, not so much", "I've had better", "fine when it works", "it works, most
  of the time", "nothing to shout about" - what a passive or a mild detractor says instead of blaming.

:func:`insight.text.complaints.complaint` reads them at :data:`CONDUCT_WORDS` (and a broken promise
after its negator); each counts -1 there ("I've had better" -2: it outweighs the praise of "better").
"""

from __future__ import annotations

from collections.abc import Sequence

from insight.text.complaint_cues import EN_ABSENT, EN_UNITS
from insight.text.cue_windows import last_index
from insight.text.facts import other_came

_NEGATORS = frozenset({"not", "never", "no", "nobody", "nothing", "n't", "without"})
_LEAVING = frozenset({"leave", "switch", "move", "cancel"})
# what comes before an intent: "thinking of", "will be", "going to", "looking to", "planning to" (not "worried
# about switching")
_INTENT = frozenset({"think", "consider", "plan", "will", "go", "look", "intend", "ready", "want"})
_LEFT = frozenset({"you", "them", "u", "now"})  # after "leave": the company ("thinking of leaving them")
_WHEN = frozenset({"when", "as", "once", "soon", "asap"})  # "leaving as soon as my contract ends"
# after "switch" or "move": where to ("switching provider", "moving to another provider", "move elsewhere")
_PROVIDERS = frozenset({"provider", "supplier", "company", "network", "bank", "insurer", "elsewhere", "competitor"})
_ABLE = frozenset({"can", "could", "able", "easy", "easily", "free", "freely"})
_ENDS = frozenset({",", ";", ":", ".", "!", "?", "-", "–", "—", "(", ")", "but", "and", "so", "because"})
# a promise made: "was told", "they said", "promised", "assured me", "supposed to"
_PROMISED = frozenset({"tell", "say", "promise", "assure", "suppose", "guarantee", "confirm"})
# a fear or doubt, whose "but it never did" is good news
_FEARED = frozenset({"worry", "worried", "afraid", "fear", "scared", "concern", "concerned", "nervous", "expect",
                     "think", "thought", "dread", "doubt", "hesitant", "sceptical", "skeptical"})
_STORIES = frozenset({"say", "tell", "promise", "quote", "advertise", "claim", "show"})
_SELLING = frozenset({"sell", "upsell", "charge", "bill"})  # (and "tried to charge me for it")
_GETTING = frozenset({"get", "receive", "achieve", "see"})
_UNITS = frozenset({"mb", "mbps", "meg", "megs", "megabit", "megabits", "mbit", "gb", "gig", "gigs", "gbps", "kbps"})
_ROUGHLY = frozenset({"about", "around", "only", "barely", "maybe", "like", "roughly", "approx", "approximately",
                      "just", "under", "less", "than", "a"})
_HELD_BACK = frozenset({"much", "better", "work", "time", "about", "so", "until", "choice"})
_NO_CHOICE = frozenset({"area", "available", "round", "around", "live", "offer", "postcode", "village"})
_FAIR = frozenset({"fine", "ok", "okay", "good", "great", "alright", "decent", "reliable"})  # before "until"
_TROUBLE = frozenset({"issue", "problem", "trouble", "complaint", "fault", "outage", "dropout"})
# what a customer was made to do: "they made me sign a new contract", "made us wait in all day" (not "made me smile")
_MADE_TO = frozenset({"sign", "pay", "wait", "call", "phone", "ring", "chase", "repeat", "redo", "start", "buy", "take",
                      "go", "explain", "cancel", "restart", "jump"})
_TOLD_THINGS = ("thing", "price", "amount", "figure", "date", "time", "speed")  # "quoted one price ..., billed another"
_OTHER_STORY = frozenset({"another", "different", "else", "opposite"})  # "told one thing ..., something different ..."
# what a customer is treated like when scorned: "treated like a number", "like dirt", "like a criminal"
_SCORNED = frozenset({"number", "dirt", "idiot", "criminal", "liar", "rubbish", "muck", "fool", "nuisance", "crap",
                      "shit", "cash", "cow", "nobody", "nothing"})
_OWN = frozenset({"their", "his", "her", "my", "your", "our", "a", "the"})  # "gave up their time": a gift
_REMOVED = frozenset({"feature", "option", "function", "functionality", "channel", "benefit", "perk", "service"})
CONDUCT_WORDS = _LEAVING | _OTHER_STORY | {"zero", "ask", "make", "pay", "despite", "from", "enough", "treat", "give",
                                           "though", "remove", "anyway"} \
    | _SELLING | _GETTING | _HELD_BACK
_CHARGED = frozenset({"charge", "bill", "take", "debit", "invoice"})
_DEAR = frozenset({"expensive", "pricey", "pricy", "dear", "premium", "dearer", "pricier"})
# what a customer did that the company ignored: "sales calls despite opting out" (not "despite the price")
_DESPITE_DONE = frozenset({"opt", "ask", "request", "complain", "cancel", "pay", "report", "call", "chase", "email",
                           "phone", "ring", "write", "tell", "explain", "repeatedly", "send", "submit", "provide",
                           "give", "book", "register"})  # ("estimated bills even though I send readings every month")


def conduct(lemmas: Sequence[str], i: int) -> float:
    """The cue at the word ``i`` (one of :data:`CONDUCT_WORDS`): -1 when it tells of leaving, two stories, hard
    selling, nothing of it, less than paid for or praise held back (-2 for "I've had better", which outweighs the
    praise of "better"); else 0."""
    lem = lemmas[i]
    before = lemmas[max(0, i - 4):i]
    if lem == "despite" or (lem == "though" and i and lemmas[i - 1] == "even"):
        # "I keep getting sales calls despite opting out", "charged despite cancelling", "card declined even though I
        # told them I was travelling"
        k = i + 1 + (tuple(lemmas[i + 1:i + 2]) in (("i",), ("we",)))
        k += tuple(lemmas[k:k + 1]) in (("have",), ("do",), ("already",), ("would",))  # ("even though I'd sent them":
        # "'d" is read "would")
        return -1.0 if tuple(lemmas[k:k + 1]) and lemmas[k] in _DESPITE_DONE else 0.0
    if lem == "from":  # "went from 70 to 30 mbps after the upgrade"
        return -1.0 if _fell(lemmas, i) else 0.0
    if lem == "ask":  # "switched my package without asking" (not "without passengers asking", "without even asking")
        return -1.0 if i and lemmas[i - 1] == "without" else 0.0
    if lem == "zero":  # "zero customer service", "zero communication" (not "zero issues")
        after = lemmas[i + 1:i + 4]
        return -1.0 if not EN_ABSENT.isdisjoint(after) and _TROUBLE.isdisjoint(after) else 0.0
    if lem == "enough":  # "I've had enough of them", "had enough" (fed up; not "we have enough data")
        return -1.0 if i and lemmas[i - 1] == "have" and (i + 1 == len(lemmas) or lemmas[i + 1] in _ENDS
                                                          or lemmas[i + 1] == "of") else 0.0
    if lem == "treat":  # "treated like a number", "treat you like dirt" (outweighs the praise of "treat")
        return -2.0 if not _SCORNED.isdisjoint(lemmas[i + 1:i + 5]) and "like" in lemmas[i + 1:i + 4] else 0.0
    if lem == "else" and i and lemmas[i - 1] == "nothing" and not _NO_CHOICE.isdisjoint(lemmas[i + 1:i + 5]):
        return -1.0  # "only with them because there's nothing else in my area": no choice, no loyalty
    if lem in _HELD_BACK:  # ("I've had better": outweighs the praise of "better" itself)
        return (-2.0 if lem == "better" else -1.0) if _held_back(lemmas, i) else 0.0
    if not _NEGATORS.isdisjoint(before):
        return 0.0  # "no reason to leave", "would never switch", "didn't try to upsell"
    if lem in _LEAVING:
        return -1.0 if _intends(lemmas, i) else 0.0
    if lem == "anyway":  # charged all the same: "moved to a fixed tariff and got charged the variable rate anyway",
        # "they took the payment anyway" (not "I paid anyway", "thanks anyway")
        before = lemmas[max(0, i - 7):i]
        return -1.0 if not _CHARGED.isdisjoint(before) and _NEGATORS.isdisjoint(before) \
            and {"i", "we"}.isdisjoint(before[:2]) else 0.0
    if lem == "remove":  # "the new update removed the one feature I used", "they removed channels we paid for"
        return -1.0 if not _REMOVED.isdisjoint(lemmas[i + 1:i + 5]) else 0.0
    if lem == "give":  # "kept getting passed around until I gave up", "I've given up on them" (not "never gave up",
        # "gave up their own time to help")
        return -1.0 if tuple(lemmas[i + 1:i + 2]) == ("up",) and (
            i + 2 == len(lemmas) or lemmas[i + 2] not in _OWN) else 0.0
    if lem in _OTHER_STORY:  # "says one thing, reality another", "told one thing on the phone, something else in
        # the shop"
        k = max(last_index(lemmas, w, max(0, i - 10), i) for w in _TOLD_THINGS)  # "quoted one price, billed another"
        return -1.0 if k > 1 and lemmas[k - 1] == "one" and not _STORIES.isdisjoint(lemmas[max(0, k - 4):k]) \
            else 0.0
    if lem == "make":  # "they made me sign a new 24 month contract"
        return -1.0 if i + 2 < len(lemmas) and lemmas[i + 1] in ("me", "us", "you") and lemmas[i + 2] in _MADE_TO \
            else 0.0
    if lem == "pay":  # "the speed test shows 12mb when I'm paying for 150", "paid for a sea view, got a view of the car
        # park"
        return -1.0 if i + 2 < len(lemmas) and lemmas[i + 1] == "for" and (
            _paying_for_more(lemmas, i + 2) or other_came(lemmas, i)) else 0.0
    if lem in _GETTING:  # (and "cheap, but you get what you pay for")
        paid_for = tuple(lemmas[max(0, i - 2):i]) == ("but", "you") \
            and tuple(lemmas[i + 1:i + 5]) == ("what", "you", "pay", "for")
        all_got = lem == "get" and tuple(lemmas[max(0, i - 2):i]) in (("all", "i"), ("all", "we")) \
            and tuple(lemmas[i + 1:i + 2]) == ("be",)  # "all I got was a £5 credit": a meagre answer
        return -1.0 if paid_for or all_got or _less_than_paid(lemmas, i) else 0.0
    if tuple(lemmas[max(0, i - 2):i]) == ("try", "to"):
        return -1.0  # "trying to sell me things", "they still tried to charge me for it"
    after = lemmas[i + 1:i + 8]  # "sold me a package I didn't need", "keep selling me things I don't want"
    return -1.0 if any(w in ("need", "want", "use") and not _NEGATORS.isdisjoint(after[max(0, k - 2):k])
                       for k, w in enumerate(after)) else 0.0


def paid_for_conceded(lemmas: Sequence[str]) -> set[int]:
    """The words of "but you get what you pay for" after a high price conceded in its sentence, which the quality then
    justifies ("not the cheapest but you get what you pay for", "a bit pricey but ..."; not "cheap, but ...")."""
    out: set[int] = set()
    for i in range(2, len(lemmas) - 4):
        if tuple(lemmas[i - 2:i + 5]) == ("but", "you", "get", "what", "you", "pay", "for"):
            before = lemmas[max(0, i - 12):i - 2]
            before = before[max((k + 1 for k, w in enumerate(before) if w in (".", "!", "?")), default=0):]
            if not _DEAR.isdisjoint(before) or ("cheap" in before and not _NEGATORS.isdisjoint(before)):
                out.update(range(i - 2, i + 5))
    return out


def _amount(lemmas: Sequence[str], k: int) -> tuple[float, bool] | None:
    """The number at ``k`` ("900", "900mb", "1,000") and whether a unit of speed or data goes with it."""
    word = lemmas[k]
    digits = word.replace(",", "")
    head = digits.rstrip("abcdefghijklmnopqrstuvwxyz/")
    try:
        value = float(head)
    except ValueError:
        return None
    unit = head != digits and digits[len(head):] in _UNITS
    return value, unit or (k + 1 < len(lemmas) and lemmas[k + 1] in _UNITS)


def _less_than_paid(lemmas: Sequence[str], i: int) -> bool:
    """"Signed up for 900mb, getting about 200 on a good day": a smaller number after the word of getting at ``i``
    than a number with a unit of speed or data earlier in its sentence (less than two thirds of it)."""
    k = i + 1
    while k < min(i + 4, len(lemmas)) and lemmas[k] in _ROUGHLY:
        k += 1
    got = _amount(lemmas, k) if k < len(lemmas) else None
    if got is None:
        return False
    for j in range(_sentence_start(lemmas, i), i):
        paid = _amount(lemmas, j)  # (a number promised or paid for needs no unit: "I was promised 900 and I get
        # around 300", "I pay for 900 and get 150")
        if paid is not None and (paid[1] or not _STORIES.isdisjoint(lemmas[max(0, j - 2):j])
                                 or tuple(lemmas[max(0, j - 2):j]) == ("pay", "for")) and got[0] < paid[0] * 2 / 3:
            return True
    return False


def _fell(lemmas: Sequence[str], i: int) -> bool:
    """"from 70 to 30 mbps": a speed (a number with a unit of speed or data) that fell by a third or more from the
    number after "from" at ``i``."""
    was = _amount(lemmas, i + 1) if i + 1 < len(lemmas) else None
    if was is None or tuple(lemmas[i + 2:i + 3]) != ("to",) or i + 3 >= len(lemmas):
        return False
    now = _amount(lemmas, i + 3)
    return now is not None and (was[1] or now[1]) and now[0] < was[0] * 2 / 3


def _paying_for_more(lemmas: Sequence[str], k: int) -> bool:
    """"12mb when I'm paying for 150": the number at ``k`` (paid for) is more than half again a number with a
    unit of speed or data earlier in its sentence (what is got)."""
    paid = _amount(lemmas, k)
    if paid is None:
        return False
    start = _sentence_start(lemmas, k)
    for j in range(start, k - 2):
        got = _amount(lemmas, j)  # (a speed test's number needs no unit: "the speed test shows 30 but I pay for 200")
        if got is not None and (got[1] or not _MEASURED.isdisjoint(lemmas[start:j])) and got[0] < paid[0] * 2 / 3:
            return True
    return False


_MEASURED = frozenset({"speed", "speedtest", "test", "download", "upload", "mbps"})


def _held_back(lemmas: Sequence[str], i: int) -> bool:
    """Praise held back at ``i``: "... not so much.", "... less so" and "I've had better" at the clause's end, "when it
    works", "fine until you need them", "works, most of the time", "nothing to shout about" / "write home about", "no
    (other) choice"."""
    lem, n = lemmas[i], len(lemmas)
    end = i + 1 >= n or lemmas[i + 1] in _ENDS
    if lem == "much":
        return end and tuple(lemmas[max(0, i - 2):i]) == ("not", "so")
    if lem == "so":  # "speed is fine, customer service less so"
        return end and i >= 1 and lemmas[i - 1] == "less"
    if lem == "until":  # "fine until you need to speak to someone", "great until something goes wrong"
        return i >= 1 and lemmas[i - 1] in _FAIR
    if lem == "choice":  # "only with them because there's no other choice"
        return i >= 1 and (lemmas[i - 1] == "no" or tuple(lemmas[max(0, i - 2):i]) == ("no", "other"))
    if lem == "better":  # ("never had better" is praise)
        return end and i >= 1 and lemmas[i - 1] in ("have", "see") and _NEGATORS.isdisjoint(lemmas[max(0, i - 4):i])
    if lem == "work":  # "fine when it works", "great when it's working"
        return tuple(lemmas[max(0, i - 2):i]) == ("when", "it") \
            or tuple(lemmas[max(0, i - 3):i]) == ("when", "it", "be")
    if lem == "time":
        return tuple(lemmas[max(0, i - 3):i]) == ("most", "of", "the") and "work" in lemmas[max(0, i - 7):i - 3]
    return i >= 2 and lemmas[i - 1] in ("shout", "home") and "nothing" in lemmas[max(0, i - 5):i]


_WARY = frozenset({"sceptical", "skeptical", "worried", "worry", "nervous", "apprehensive", "hesitant", "wary",
                   "dread", "dreading"})  # (a switch feared, then made)


def _intends(lemmas: Sequence[str], i: int) -> bool:
    """An intent to go at the word of leaving ``i``: where to ("switching to another provider"), when ("leaving
    as soon as my contract ends") or an intent said before it ("thinking of leaving", "looking to cancel")."""
    lem, before = lemmas[i], lemmas[max(0, i - 3):i]
    after = lemmas[i + 1] if i + 1 < len(lemmas) else ""
    if not _ABLE.isdisjoint(before) or after == "from" or not _WARY.isdisjoint(before):
        return False  # "you can cancel any time", "switched from BT", "I was sceptical about switching supplier"
    if lem in ("switch", "move") and not _PROVIDERS.isdisjoint(lemmas[i + 1:i + 5]):
        return not _done_switch(lemmas, i)
    if lem != "cancel" and (after in _WHEN or tuple(lemmas[i + 1:i + 3]) == ("a", "soon")):
        return True  # ("as" is lemmatised "a")
    if lem == "leave" and tuple(before[-2:]) in (("i", "be"), ("we", "be")) and (not after or after in _ENDS
                                                                                or after in _LEFT):
        return True  # "contract ends soon and I'm leaving" (not "I'm leaving a review")
    if _INTENT.isdisjoint(before):
        return False
    if lem == "leave":
        return not after or after in _ENDS or after in _LEFT
    if lem == "cancel":
        return not after or after in _ENDS or (after in ("my", "the", "our") and "contract" in lemmas[i + 1:i + 4])
    return not after or after in _ENDS


def _done_switch(lemmas: Sequence[str], i: int) -> bool:
    """The switch at ``i`` is the subject of what follows, a move already made: "Switching energy supplier took no
    effort at all", "Moving provider was painless" (at its sentence's start, a verb after it before any break)."""
    if i and lemmas[i - 1] not in _ENDS:
        return False
    for k, w in enumerate(lemmas[i + 1:i + 7], start=i + 1):
        if w in _ENDS:
            return False
        if w in ("be", "take", "go") or (
                w == "in" and EN_UNITS.get(lemmas[k + 2] if k + 2 < len(lemmas) else "", 9) <= 2):
            return True  # (and "Switched energy supplier in 10 minutes online": done, in minutes; not "in 2 weeks")
    return False


def broken_promise(lemmas: Sequence[str], i: int) -> bool:
    """The negator at ``i`` ends a promise broken: "... would call but he never did", "said they'd ring back but
    didn't" ("do" at the clause's end, a promise earlier in the sentence, no fear before it)."""
    j = i + 1
    if tuple(lemmas[j:j + 2]) == ("do", "what") and not _PROMISED.isdisjoint(lemmas[j + 2:j + 5]):
        return True  # "they don't do what they say (they will)"
    if j >= len(lemmas) or lemmas[j] != "do" or (j + 1 < len(lemmas) and lemmas[j + 1] not in _ENDS):
        if not (lemmas[i] == "not" and i and lemmas[i - 1] == "do" and (j >= len(lemmas) or lemmas[j] in _ENDS)):
            return False  # ("didn't" is "do" "not": the "do" before)
    earlier = lemmas[_sentence_start(lemmas, i):i]
    return not _PROMISED.isdisjoint(earlier) and _FEARED.isdisjoint(earlier)


def _sentence_start(lemmas: Sequence[str], i: int) -> int:
    """Where the sentence of the word at ``i`` starts, looking back _LOOK_BACK words at most (a huge comment
    without a full stop is not read back to its start at every cue)."""
    start = i
    while start > max(0, i - _LOOK_BACK) and lemmas[start - 1] not in (".", "!", "?"):
        start -= 1
    return start


_LOOK_BACK = 40


_COMPLAINING = frozenset({"complain", "moan", "grumble", "whinge", "差评", "给差评", "投诉", "抱怨", "吐槽"})
_ME = frozenset({"i", "we", "我", "本人", "我们"})
_NOW_HOWEVER = frozenset({"but", "however", "until", "但", "但是", "可是", "不过", "这次", "忍不住", "差评", "差评了"})


def complaining_habit(lemmas: Sequence[str], i: int, lo: int, hi: int) -> bool:
    """Whether the negator at ``i`` (in the span ``lo..hi``) denies the customer's own habit of complaining before a
    "but" or its like: "I never complain but this time I have to", "I don't normally leave bad reviews, however",
    本人网购从来不差评，就冲客服……差评了, 从来不给差评的我也忍不住了 - a preface to a complaint, not praise (not "I never
    complain about them", "never had to complain")."""
    after = lemmas[i + 1:min(i + 5, hi)]
    said = next((k for k, w in enumerate(after, start=i + 1) if w in _COMPLAINING
                 or (w == "review" and lemmas[k - 1] in ("bad", "negative"))), None)
    if said is None or "to" in lemmas[i + 1:said] or _ME.isdisjoint(lemmas[max(lo, i - 3):i] + lemmas[said + 1:said + 4]):
        return False
    return not _NOW_HOWEVER.isdisjoint(lemmas[said + 1:])
