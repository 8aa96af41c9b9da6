"""English complaints told as facts, read at their own words (FACT_WORDS): a lack, a price that jumped, a thing
that stopped, out of stock, better elsewhere, goods sent back, a smell, the loyalty penalty, a price above the one
agreed or told ("told £30, billed £45"), a link that goes, the calls it took, a delivery sent to an old address, "in
name only".
:func:`insight.text.complaints.complaint` visits these words in its scan and adds what :func:`facts` finds."""

from __future__ import annotations

from collections.abc import Sequence

from insight.text.complaint_cues import (
    CLAUSE_MARKS, EN_AGREED, EN_BILLED, EN_CANNOT_USE, EN_CAN_RETURN, EN_DEARER, EN_ELSEWHERE, EN_EXCHANGE, EN_FAVOURED,
    EN_GOES, EN_LINKS, EN_MANY, EN_NEGATORS, EN_NEGATORS_OF_SMELL, EN_NUMBERS, EN_PRICED, EN_PRICE_JUMPS, EN_RETURNED,
    EN_RIVALS, EN_SMELLS, EN_STOPPED,
)
from insight.text.cue_windows import last_index, near, number
from insight.text.lemmas import GLUE

# what ends a clause (and "I didn't get for a month")
CLAUSE_END = CLAUSE_MARKS | {"but", "and", "so", "because", "for"}
# the words of facts (session 23 on): the loyalty penalty, things that stopped, out of stock, better elsewhere, a lack,
# a price that jumped, ... (each a cue word and a word the scan visits)
FACT_WORDS = frozenset({"new", "stop", "stock", "elsewhere", "lack", "return", "back", "smell", "odor", "odour",
                        "smelt", "fraction", "attempt", "off", "catch", "run", "already", "since", "unable", "go",
                        "address", "name", "include", "£", "$", "€", "half", "third", "quarter", "tenth", "after",
                        "reason", "order", "book", "rain", "everywhere", "hang", "trail", "dangle", "just", "mid",
                        "around", "round", "ourselves", "myself", "own", "owe", "job", "remit", "responsibility"}) \
    | EN_GOES | EN_PRICE_JUMPS | EN_AGREED | EN_RIVALS


def facts(lemmas: Sequence[str], i: int) -> float:
    """The cues at ``i`` of FACT_WORDS: a lack, a thing that stopped, out of stock, better elsewhere, goods sent back, a
    smell, a link that goes, the attempts or calls it took, ...; what is paid in :func:`_paid`."""
    lem = lemmas[i]
    nxt = lemmas[i + 1] if i + 1 < len(lemmas) else ""
    if lem == "lack":
        return 0.0 if any(w in EN_NEGATORS for w in lemmas[max(0, i - 2):i]) else -1.0  # not "no lack of choice"
    if lem == "stop":
        return -1.0 if nxt in EN_STOPPED else 0.0  # "the meter stopped sending readings", "stopped working"
    if lem == "stock":
        return -1.0 if tuple(lemmas[max(0, i - 2):i]) == ("out", "of") else 0.0  # "out of stock again"
    if lem == "elsewhere":  # "better deals elsewhere", "will go elsewhere": outweighs "better" (not "said elsewhere")
        return -2.0 if "than" not in lemmas[max(0, i - 2):i] and not EN_ELSEWHERE.isdisjoint(lemmas[max(0, i - 5):i]) \
            else 0.0
    if lem in ("smell", "odor", "odour", "smelt"):
        if not EN_NEGATORS_OF_SMELL.isdisjoint(lemmas[max(0, i - 3):i]):
            return 0.0  # "no smell", "not a strong smell"
        if not EN_SMELLS.isdisjoint(lemmas[max(0, i - 2):i]):
            return -2.0 if "strong" in lemmas[max(0, i - 2):i] else -1.0  # outweighs the praise of "strong"
        return -1.0 if nxt in ("of", "like") and not EN_SMELLS.isdisjoint(lemmas[i + 2:i + 4]) else 0.0
    if lem in ("return", "back"):
        return -1.0 if _sent_back(lemmas, i) else 0.0
    if lem == "off":  # "have to turn the router off and on again", "it works on and off"
        return -1.0 if tuple(lemmas[i + 1:i + 3]) == ("and", "on") or tuple(lemmas[max(0, i - 2):i]) == ("on", "and") \
            else 0.0
    if lem == "run":  # "my data runs out far too quickly" (not "never runs out", "ran out of things to say")
        if nxt != "out" or "of" in lemmas[i + 2:i + 3] or not EN_NEGATORS.isdisjoint(lemmas[max(0, i - 3):i]):
            return 0.0
        return -2.0 if "too" in lemmas[i + 2:i + 5] else -1.0  # (-2 with "too": outweighs the praise of "quickly")
    if lem == "since":  # "been trying to get a refund since March", "waiting since Monday" (not "happy since I joined")
        return -1.0 if any(w in ("wait", "try", "chase") for w in lemmas[max(0, i - 8):i]) else 0.0
    if lem == "go":  # "every time it rains the internet goes", "the signal just goes" (not "as far as the wifi goes",
        # "good signal everywhere I go")
        if nxt == "up" or (i and (number(lemmas[i - 1]) or lemmas[i - 1] in EN_NUMBERS)):
            return _gone_up_or_goes(lemmas, i, nxt)
        return -1.0 if (nxt == "" or nxt in CLAUSE_END) and not EN_LINKS.isdisjoint(lemmas[max(0, i - 3):i]) \
            and lemmas[i - 1] not in ("i", "we", "you", "they", "he", "she") \
            and "far" not in lemmas[max(0, i - 6):i] and EN_NEGATORS.isdisjoint(lemmas[max(0, i - 3):i]) else 0.0
    if lem == "unable":  # "unable to use the internet for a week", "unable to log in" (as "couldn't", "not able to")
        return -1.0 if nxt == "to" and lemmas[i + 2:i + 3] and lemmas[i + 2] in EN_CANNOT_USE \
            and EN_NEGATORS.isdisjoint(lemmas[max(0, i - 3):i]) else 0.0  # (not "never been unable to")
    if lem == "address":  # "sent the router to my old address" (not "moved from my old address")
        return -1.0 if i >= 2 and lemmas[i - 1] in ("old", "previous", "former") \
            and "to" in lemmas[max(0, i - 4):i - 1] else 0.0
    if lem == "reason":  # "charged me twice for no reason", "cut off for no apparent reason" (not "no reason to
        # complain")
        k = i - 1 - (lemmas[i - 1] in ("apparent", "good", "real", "obvious", "clear") if i else 0)
        if k >= 1 and lemmas[k] == "a" and lemmas[k - 1] == "for" \
                and not _CHEAP.isdisjoint(lemmas[max(0, k - 4):k - 1]):
            return -2.0  # "cheap for a reason": outweighs the praise of "cheap"
        return -1.0 if k >= 1 and lemmas[k] == "no" and lemmas[k - 1] == "for" else 0.0
    return _done_wrong(lemmas, i, nxt)


def _gone_up_or_goes(lemmas: Sequence[str], i: int, nxt: str) -> float:
    """At a "go" followed by "up" or after a count: a price that went up ("the price went up 20% at renewal", "bills keep
    going up"; not "the price went up a little", "prices haven't gone up"), or the goes it took ("took three goes to get
    it right", "several goes"; not "first go", "in one go", "have a go")."""
    before = lemmas[max(0, i - 4):i]
    if nxt == "up":
        return -1.0 if near(lemmas, i, EN_PRICED, 4) and EN_NEGATORS.isdisjoint(before) \
            and _SLIGHT.isdisjoint(lemmas[i + 2:i + 5]) and "little" not in lemmas[i + 2:i + 5] else 0.0
    many = (number(lemmas[i - 1]) and lemmas[i - 1] != "1") or lemmas[i - 1] in EN_MANY or (
        lemmas[i - 1] in EN_NUMBERS and lemmas[i - 1] not in ("a", "an", "one", "half"))
    return -1.0 if many and ("take" in before or "after" in before) and EN_NEGATORS.isdisjoint(before) else 0.0


def _done_wrong(lemmas: Sequence[str], i: int, nxt: str) -> float:
    """The cues at ``i`` of FACT_WORDS about what was done: a term changed mid contract, a mess left, a customer fobbed
    off, other goods sent than ordered, the attempts or calls it took; what is paid in :func:`_paid`."""
    lem = lemmas[i]
    if lem == "mid":  # a term changed while the customer is bound: "pricing changed mid contract", "raised the price
        # mid-contract"
        k = i + 1 + (nxt in ("-", GLUE))
        return -1.0 if lemmas[k:k + 1] and lemmas[k] in ("contract", "term", "agreement") and not (
            EN_PRICE_JUMPS | _CHANGED).isdisjoint(lemmas[max(0, i - 6):i]) \
            and EN_NEGATORS.isdisjoint(lemmas[max(0, i - 6):i]) else 0.0
    if lem in ("everywhere", "hang", "trail", "dangle"):  # "the engineer left cables trailing everywhere", "left dust
        # everywhere", "left a cable hanging across my wall", "left me hanging"
        return -1.0 if "leave" in lemmas[max(0, i - 5):i] and EN_NEGATORS.isdisjoint(lemmas[max(0, i - 6):i]) else 0.0
    if lem == "owe":  # money the company keeps: "they owe me £240 credit", "still owe us a refund" (not "I owe them",
        # "they don't owe me anything")
        return -1.0 if tuple(lemmas[i + 1:i + 2]) in (("me",), ("us",)) and i and lemmas[i - 1] not in ("i", "we") \
            and EN_NEGATORS.isdisjoint(lemmas[max(0, i - 3):i]) else 0.0
    if lem in ("job", "remit", "responsibility"):  # the work disowned: "the engineer said it wasn't his job", "not
        # our remit", "not their responsibility" (not "did a great job", "it was not a big job")
        return -1.0 if i >= 2 and lemmas[i - 1] in ("his", "her", "their", "its", "our", "my") \
            and not EN_NEGATORS.isdisjoint(lemmas[max(0, i - 3):i - 1]) else 0.0
    if lem in ("ourselves", "myself", "own"):  # left to cope alone: "we were left to figure it out ourselves", "left
        # us to sort it out on our own", "left to fend for myself" (not "I sorted it myself", "I'd leave it to my own
        # judgement")
        k = last_index(lemmas, "leave", max(0, i - 9), i)
        left = k > 0 and ((lemmas[k - 1] == "be" and tuple(lemmas[k + 1:k + 2]) == ("to",)) or (
            tuple(lemmas[k + 1:k + 3]) in (("us", "to"), ("me", "to"))))
        return -1.0 if left and EN_NEGATORS.isdisjoint(lemmas[max(0, k - 3):k]) else 0.0
    if lem == "just":  # fobbed off: "the live chat just sends you links to FAQs", "they just point you to the website"
        if i + 1 >= len(lemmas) or lemmas[i + 1] not in _FOBBED:
            return 0.0
        k = i + 2 + (i + 2 < len(lemmas) and lemmas[i + 2] in _FOBBED_WHOM)
        if lemmas[i + 1] == "copy" and "paste" in lemmas[i + 2:i + 4]:
            return -1.0  # "chat support just copy and pastes the same answer"
        if lemmas[i + 1] in _POINTED:  # "they just point you to the website", "just referred me to another team"
            return -1.0 if tuple(lemmas[k:k + 1]) == ("to",) else 0.0
        return -1.0 if not _FOBBED_DOCS.isdisjoint(lemmas[k:k + 5]) else 0.0  # "just sent a link to the docs" (not
        # "just sent me a new one")
    if lem == "rain":  # "parcel left in the rain", "box was left out in the rain" (not "delivered in the rain")
        return -1.0 if tuple(lemmas[i - 2:i]) == ("in", "the") and "leave" in lemmas[max(0, i - 6):i - 2] else 0.0
    if lem in ("order", "book"):  # "ordered a size 12 got a size 8", "ordered the blue one and they sent the red one"
        return -1.0 if other_came(lemmas, i) else 0.0
    if lem in ("around", "round"):  # "kept getting passed around", "passed round from one team to the next" (not "never
        # passed around")
        return -1.0 if i and lemmas[i - 1] == "pass" and EN_NEGATORS.isdisjoint(lemmas[max(0, i - 4):i]) else 0.0
    if lem == "name":  # "customer service in name only"
        return -1.0 if i and lemmas[i - 1] == "in" and nxt == "only" else 0.0
    if lem == "catch":  # "small print designed to catch you out"
        return -1.0 if "out" in lemmas[i + 1:i + 3] else 0.0
    if lem == "attempt":  # "took a few attempts to get it working", "several attempts" (not "at the first attempt")
        return -1.0 if ("take" in lemmas[max(0, i - 4):i] or (i and lemmas[i - 1] in EN_MANY)) \
            and "first" not in lemmas[max(0, i - 2):i] else 0.0
    if lem in EN_GOES:  # "it took three phone calls before they agreed", "took 4 emails", "only after six calls" (not
        # "took one call", "after two calls it was sorted")
        after = "after" in lemmas[max(0, i - 4):i] and (
            "only" in lemmas[max(0, i - 5):i] or not {"two", "couple", "2"}.intersection(lemmas[max(0, i - 3):i]))
        return -1.0 if ("take" in lemmas[max(0, i - 5):i] or after) and any(
            number(w) or (w in EN_NUMBERS and w not in ("a", "an", "one")) for w in lemmas[max(0, i - 3):i]) else 0.0
    return _paid(lemmas, i, nxt)


def _paid(lemmas: Sequence[str], i: int, nxt: str) -> float:
    """The cues at ``i`` of FACT_WORDS about what is paid: a price that jumped, a price above the one agreed or told,
    a fraction of what is paid for, charged for what was sent back or included, cheaper rivals, the loyalty penalty."""
    lem = lemmas[i]
    if lem in EN_PRICE_JUMPS:  # "premium doubled", "prices rising" (not "a double room", "no price rises", "the price
        # rise was small")
        return -1.0 if near(lemmas, i, EN_PRICED, 4) and EN_NEGATORS.isdisjoint(lemmas[max(0, i - 4):i]) \
            and _SLIGHT.isdisjoint(lemmas[max(0, i - 3):i + 6]) else 0.0
    if lem == "fraction":  # "a fraction of the speed I pay for" (not "a fraction of the price": cheap)
        return -1.0 if nxt == "of" and EN_PRICED.isdisjoint(lemmas[i + 2:i + 5]) else 0.0
    if lem in ("half", "third", "quarter", "tenth"):  # "half the speed I pay for", "a third of the advertised speed"
        if tuple(lemmas[max(0, i - 2):i]) == ("less", "than") and not _PAID_OUT.isdisjoint(lemmas[max(0, i - 5):i + 6]):
            return -1.0  # "paid out less than half of what it cost to repair", "refunded less than half"
        return -1.0 if not _PROMISED.isdisjoint(lemmas[i + 1:i + 7]) and EN_PRICED.isdisjoint(lemmas[i + 1:i + 4]) \
            else 0.0  # (not "half an hour", "half the price I paid")
    if lem == "new" and nxt == "customer" and near(lemmas, i, EN_FAVOURED, 6):
        return -2.0  # the loyalty penalty: "they treat new customers better" (outweighs "treat", "better")
    if lem == "already":  # "charged me for a router I had already sent back", "billed for a month I'd already paid"
        return -1.0 if billed_for(lemmas, i) else 0.0
    if lem == "after":  # "charged me for a month after I left", "still billing me after I cancelled"
        return -1.0 if _billed_after_leaving(lemmas, i) else 0.0
    if lem == "include":  # "charged for calls that are supposed to be included" (something included was billed)
        return -1.0 if tuple(lemmas[max(0, i - 3):i]) in (("suppose", "to", "be"), ("meant", "to", "be")) \
            and not EN_BILLED.isdisjoint(lemmas[max(0, i - 10):i - 3]) else 0.0
    if lem in _CURRENCIES:  # "told my contract would be £30 and the first bill was £45", "£200 more than last year"
        return -1.0 if _dearer_than_told(lemmas, i) or _more_than_before(lemmas, i) else 0.0
    if lem in EN_RIVALS:  # "there are cheaper options", "there are better deals out there"
        return -2.0 if i >= 2 and lemmas[i - 1] in ("cheap", "better") and "there" in lemmas[max(0, i - 4):i - 1] \
            else 0.0  # (outweighs the praise of "better")
    if lem in EN_AGREED:  # "bill is higher than quoted", "charged more than I was told"
        k = last_index(lemmas, "than", max(0, i - 4), i)
        return -1.0 if k > 0 and lemmas[k - 1] in EN_DEARER and not EN_PRICED.isdisjoint(lemmas[max(0, k - 6):k]) \
            else 0.0
    return 0.0


def _sent_back(lemmas: Sequence[str], i: int) -> bool:
    """Whether ``return`` or ``back`` at ``i`` tells of goods sent back: "returned it", "had to return them",
    "sent it back", "took them back"."""
    if lemmas[i] == "back":
        return i >= 2 and lemmas[i - 1] in EN_RETURNED and lemmas[i - 2] in ("send", "take", "ship", "mail")
    if lemmas[i] == "return" and i and lemmas[i - 1] in ("i", "we") \
            and (i + 1 == len(lemmas) or lemmas[i + 1] in CLAUSE_END):
        return True  # "charged for a router I returned"
    if i + 1 >= len(lemmas) or lemmas[i + 1] not in EN_RETURNED \
            or not EN_CAN_RETURN.isdisjoint(lemmas[max(0, i - 3):i]):
        return False  # "easy to return", "you can return it", "if it doesn't fit, return it"
    return EN_EXCHANGE.isdisjoint(lemmas[i + 2:i + 7])  # "returned it for a smaller size": an exchange


_SLIGHT = frozenset({"small", "minor", "tiny", "slight", "modest", "reasonable"})  # (not "little": "with little warning")
_FOBBED = frozenset({"send", "point", "refer", "direct", "redirect", "link", "copy"})
_FOBBED_WHOM = frozenset({"you", "me", "us"})
_FOBBED_DOCS = frozenset({"faq", "faqs", "doc", "docs", "article", "website", "documentation", "page", "help"})
_POINTED = frozenset({"point", "refer", "direct", "redirect"})
_PAID_OUT = frozenset({"pay", "refund", "cost", "offer", "give", "compensate", "settle", "value", "worth"})
_CHEAP = frozenset({"cheap", "cheaper", "cheapest", "price", "inexpensive"})
_CHANGED = frozenset({"change", "alter", "raise", "put", "up", "increase", "hike"})
_CAME = frozenset({"get", "receive", "send"})
_FRAME = frozenset({"a", "an", "the", "it", "them", "my", "our", "on", "in", "at", "for", "to", "and", "but", "of", ",",
                    ".", "i", "we", "they", "be", "have", "instead"})  # (no word told apart by what stands beside it)


def other_came(lemmas: Sequence[str], i: int) -> bool:
    """Whether what was ordered (booked, paid for) at ``i`` and what came are told apart by a word beside one they
    share: "ordered a size 12 got a size 8", "ordered the blue one, they sent the red one", "ordered 2 pizzas and got 1
    pizza", "paid for a sea view, got a view of the car park" (not "ordered on Monday and got it Tuesday", "ordered a
    large and got a large", "booked a double room and got a lovely double room")."""
    g = next((k for k in range(i + 2, min(i + 7, len(lemmas))) if lemmas[k] in _CAME), None)
    if g is None or not EN_NEGATORS.isdisjoint(lemmas[i:g + 1]):
        return False
    ordered, came = lemmas[i + 1:g], lemmas[g + 1:g + 7]
    for p, word in enumerate(ordered):
        if word in _FRAME or word not in came:
            continue
        had, got = _beside(ordered, p), _beside(came, came.index(word))
        if had and got and had.isdisjoint(got):
            return True
    return False


def _beside(words: Sequence[str], p: int) -> set[str]:
    """The words that tell the one at ``p`` apart: its neighbours but the frame's, and the word after an "of" ("a view
    of the car park")."""
    out = {words[k] for k in (p - 1, p + 1) if 0 <= k < len(words) and words[k] not in _FRAME}
    if p + 1 < len(words) and words[p + 1] == "of":
        out.update([w for w in words[p + 2:p + 4] if w not in _FRAME][:1])
    return out


_LEFT = frozenset({"leave", "cancel", "switch", "close", "terminate", "end", "move", "port"})


def _billed_after_leaving(lemmas: Sequence[str], i: int) -> bool:
    """Whether "after" at ``i`` tells of a charge for a time after the customer left: "charged me for a month after I
    left", "kept billing us after we cancelled" (not "they didn't charge me after I cancelled")."""
    if tuple(lemmas[i + 1:i + 2]) not in (("i",), ("we",)) or _LEFT.isdisjoint(lemmas[i + 2:i + 5]):
        return False
    for k in range(i - 1, max(-1, i - 9), -1):
        if lemmas[k] in CLAUSE_END - {"for"}:
            return False
        if lemmas[k] in EN_BILLED or lemmas[k] in ("payment", "money"):  # ("took a payment after we switched")
            return EN_NEGATORS.isdisjoint(lemmas[max(0, k - 4):k])
    return False


def billed_for(lemmas: Sequence[str], i: int) -> bool:
    """Whether the words before the negator at ``i`` say what was charged for: "charged for things I never
    ordered", "paying for channels I never watch" (not "I pay for what I use and never use the extras")."""
    for k in range(i - 1, max(-1, i - 9), -1):
        if lemmas[k] in CLAUSE_END - {"for"}:
            return False
        if lemmas[k] in EN_BILLED:
            return "for" in lemmas[k + 1:i]
    return False


_CURRENCIES = frozenset({"£", "$", "€"})
_PROMISED = frozenset({"pay", "promise", "advertise", "sign", "quote", "sell", "contract", "guarantee"})
_TOLD = EN_AGREED - {"state"}  # an amount told, quoted, promised, advertised, agreed


def _money(lemmas: Sequence[str], k: int) -> float | None:
    """The amount after the currency sign at ``k`` ("£", "30"), if a number follows it."""
    try:
        return float(lemmas[k + 1].replace(",", "")) if k + 1 < len(lemmas) else None
    except ValueError:
        return None


def _more_than_before(lemmas: Sequence[str], i: int) -> bool:
    """Whether the amount at ``i`` is told as a rise: "£200 more than last year", "$15 a month more than before",
    "£10 more than it used to be"."""
    k = last_index(lemmas, "more", i + 2, min(i + 6, len(lemmas)))
    return k > 0 and tuple(lemmas[k + 1:k + 2]) == ("than",) and not _BEFORE.isdisjoint(lemmas[k + 2:k + 6]) \
        and EN_NEGATORS.isdisjoint(lemmas[max(0, i - 4):i])


_BEFORE = frozenset({"last", "before", "previously", "previous", "use"})  # ("than it used to be")


def _dearer_than_told(lemmas: Sequence[str], i: int) -> bool:
    """Whether the amount at ``i``, billed ("the first bill was £45", "charged £60"), is over a tenth more than an
    amount told earlier in the comment ("told my contract would be £30", "quoted £25 a month")."""
    billed = _money(lemmas, i)
    before = lemmas[max(0, i - 5):i]
    if billed is None or (EN_PRICED.isdisjoint(before) and EN_BILLED.isdisjoint(before)):
        return False
    for j in range(max(0, i - 20), i - 2):
        told = _money(lemmas, j) if lemmas[j] in _CURRENCIES else None
        if told is not None and not _TOLD.isdisjoint(lemmas[max(0, j - 8):j]) and billed > told * 1.1:
            return True
    return False
