"""Blame that is another company's, not this one's (English): "my previous provider was awful", "much better than
Virgin, who were terrible", "a bad experience with my last provider", "Left BT after years of rubbish speeds and
constant price rises" (:func:`of_another`); where a comment may name another company at all (:func:`another_marks`,
a quick test before the complaint cues are read); another party's slip the company overcame ("had my prescription ready
even though the surgery sent it late": :func:`despite_another`)."""

from __future__ import annotations

from collections.abc import Sequence

from insight.text.bygones import CLAUSE_END, clause_start
from insight.text.remedies import only_praised

_EN_RELATIVE = frozenset({"who", "which"})  # "better than Virgin, who were terrible": the clause is the other's
_EN_FORMER = frozenset({"previous", "old", "former", "last", "other", "another"})
_EN_COMPANIES = frozenset({"provider", "supplier", "company", "network", "isp", "bank", "insurer", "firm", "operator",
                           "dealer", "dealership", "garage", "shop", "store", "gym", "practice", "broker", "agent",
                           "airline", "carrier", "landlord", "retailer", "vendor", "lender", "crm", "platform",
                           "contractor", "agency", "builder", "courier", "dentist", "vet", "clinic", "school", "one",
                           "owner", "tenant", "occupant", "occupier", "resident"})  # ("the previous owner left ...")
# ("my old one": see _of_former)
_EN_UNITS_OF_OURS = frozenset({"other", "another", "last"})  # "another one", "the last one" may be this company's
# where an English clause ends (here and for a negator's reach in idioms)
EN_CLAUSE_ENDS = frozenset({",", ".", ";", "!", "?", "and", "but", "so"})


def another_marks(lemmas: Sequence[str]) -> list[int]:
    """Where ``lemmas`` may name another company: each "than", each "previous", "old", "other" ... before a company
    word ("my old provider"). :func:`of_another` at a word with none in the 8 before it nor the 6 after is false."""
    if "than" not in lemmas and "after" not in lemmas and _EN_FORMER.isdisjoint(lemmas):
        return []
    return [k for k, w in enumerate(lemmas)
            if w == "than" or (w in _EN_FORMER and _of_former(lemmas, k))
            or (w == "after" and _left_after(lemmas, k, k + 1))]


def of_another(lemmas: Sequence[str], lo: int, i: int) -> bool:
    """Whether the English span ``lo..i`` names another company in the 8 words before the word at ``i`` ("my previous
    provider", "my old supplier", "other networks", "than X, who ...") or right after it ("a bad experience with my
    last provider"), so that its blame is not this company's."""
    # (near it: a huge comment is not read back at every word of blame; before a clause that opens with "which" or
    # "who" too: "better than BT, which was a nightmare")
    start = max(0 if lo < len(lemmas) and lemmas[lo] in _EN_RELATIVE else lo, i - 8)
    before = lemmas[start:i]
    if "than" in before and not _EN_RELATIVE.isdisjoint(before[before.index("than"):]):
        return True  # "better than Virgin, who were terrible"
    if "after" in lemmas[max(lo, i - 12):i] and _left_after(lemmas, max(lo, i - 12), i):
        return True  # "Left BT after years of rubbish speeds and constant price rises": the one left
    if any(w in _EN_FORMER and _of_former(lemmas, k) for k, w in enumerate(before, start=start)):
        return True
    subject = clause_start(lemmas, lo - 1) if lo and lemmas[lo - 1] == "," else lo  # (and the clause's before a comma:
    # "My previous provider was a nightmare, constant outages and rude staff")
    k = subject + (lemmas[subject] in ("the", "my", "our", "a") if subject < len(lemmas) else 0)
    if i - subject <= 16 and k < len(lemmas) and lemmas[k] in _EN_FORMER and _of_former(lemmas, k):
        return True  # the span's subject: "the previous owner of our house had left the line in a mess"
    # or just after it: "a bad experience with my last provider", "awful service from my old supplier", "let down by
    # two other providers"
    k = next((k for k in range(i + 1, min(i + 4, len(lemmas))) if lemmas[k] in ("with", "from", "at", "by")), None)
    return k is not None and any(w in _EN_FORMER and _of_former(lemmas, j)
                                 for j, w in enumerate(lemmas[k + 1:k + 4], start=k + 1))


def _of_former(lemmas: Sequence[str], k: int) -> bool:
    """Whether the "previous", "old", "other" ... at ``k`` names a company ("my old provider", "another dealer", "my old
    one"; not "another one", "the last one": a second unit, or the last order, of this company's)."""
    named = [w for w in lemmas[k + 1:k + 3] if w in _EN_COMPANIES]
    return bool(named) and (named[0] != "one" or lemmas[k] not in _EN_UNITS_OF_OURS)


def _left_after(lemmas: Sequence[str], lo: int, i: int) -> bool:
    """Whether an "after" in ``lo..i`` follows a company left, said at its clause's start ("Left BT after years of
    ...", "we switched from Sky after ..."), not one the customer thinks of leaving ("thinking of leaving after ...")
    nor an unnamed one ("I left after the price rises": this company, perhaps)."""
    a = max(k for k in range(lo, i) if lemmas[k] == "after")
    j = a
    while j > 0 and lemmas[j - 1] not in EN_CLAUSE_ENDS:
        j -= 1
    j += j < a and lemmas[j] in ("i", "we")
    if j + 1 >= a or lemmas[j + 1] in ("them", "you", "it", "this", "here", "because", "when"):
        return False  # (a company named: not "I left after the price rises", "left them after ...")
    return lemmas[j] in ("leave", "ditch", "quit") or (
        lemmas[j] in ("switch", "move", "come") and "from" in lemmas[j + 1:j + 3])


# another party whose slip the company overcame (not its own place: "even though the place was packed" blames it)
_EN_PARTIES = frozenset({"surgery", "hospital", "council", "courier", "post", "postman", "supplier", "manufacturer",
                         "airline", "airport", "landlord", "builder", "developer", "bank", "insurer", "gp", "doctor",
                         "school", "government", "traffic", "weather", "other", "previous", "old", "agent", "seller"})


def despite_another(lemmas: Sequence[str]) -> set[int]:
    """An English clause "even though" another party slipped, after a clause of praise: the obstacle the company
    overcame ("Pharmacy had my prescription ready even though the surgery sent it late"; not "even though I told
    them", "even though they promised", "more than accommodating even though the place was packed")."""
    covered: set[int] = set()
    for k in range(1, len(lemmas) - 2):
        if lemmas[k] == "though" and lemmas[k - 1] == "even" and lemmas[k + 1] == "the" and k >= 3 \
                and not _EN_PARTIES.isdisjoint(lemmas[k + 2:k + 4]) \
                and only_praised(lemmas[clause_start(lemmas, k - 1):k - 1]):
            end = k + 1
            while end < len(lemmas) and lemmas[end] not in CLAUSE_END:
                end += 1
            covered.update(range(k - 1, end))
    return covered


# whose fault the customer denies: "that's hardly their fault", "not the company's fault" (not "they said it wasn't
# their fault": the company's own excuse, reported)
_EN_THEIRS = frozenset({"their", "its", "his", "her", "your", "the", "anyone", "anybody", "theirs"})
_EN_NOT_THEIRS = frozenset({(",", "not", "theirs"), ("not", "theirs"), (",", "not", "their"), ("not", "their"),
                            (",", "not", "the")})  # ("the council's fault, not theirs")
_EN_WHOSE = _EN_THEIRS | {"'s", "company", "shop", "driver", "staff"}  # ("not the company's fault")
_EN_SAID = frozenset({"say", "claim", "insist", "tell", "blame", "reply", "respond", "answer", "argue", "according"})
_EN_NOT = frozenset({"not", "n't", "never", "hardly", "barely"})


def fault_denied(lemmas: Sequence[str], i: int) -> tuple[int, int]:
    """Where the customer's denial of the company's fault begins, at the "fault" at ``i`` ("hardly their fault", "not
    the company's fault", "no fault of theirs", "the council's fault, not theirs"), or -1 (not "they said it wasn't
    their fault", nor "it's their fault"); and where its words end ("of theirs", "not theirs" with no comma)."""
    end = i + 2 * (tuple(lemmas[i + 1:i + 2]) == ("of",) or tuple(lemmas[i + 1:i + 3]) in _EN_NOT_THEIRS)
    k = i - 1
    while k > i - 4 and k >= 0 and lemmas[k] in _EN_WHOSE:
        k -= 1
    if k < 0:
        return -1, end
    if tuple(lemmas[i + 1:i + 4]) in _EN_NOT_THEIRS or tuple(lemmas[i + 1:i + 3]) in _EN_NOT_THEIRS:
        denied = True  # "that's the council's fault, not theirs"
    elif lemmas[k] == "no":  # "no fault of theirs" (not "no fault found")
        denied = tuple(lemmas[i + 1:i + 2]) == ("of",) and not _EN_THEIRS.isdisjoint(lemmas[i + 2:i + 3])
    else:  # "hardly their fault" (not "not fault")
        denied = lemmas[k] in _EN_NOT and k < i - 1
    if not denied or not _EN_SAID.isdisjoint(lemmas[max(0, k - 6):k]):
        return -1, end
    return clause_start(lemmas, k), end  # (its clause is the excuse's: "that's hardly their fault")
