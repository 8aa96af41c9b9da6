"""Wishes: what a customer asks for is what they lack.

"Faster delivery", "Better customer service please", "It would be nice if they called back", "I wish
the app was easier to use", "Improve the app", "Please answer the phone", "could be cheaper",
"Побыстрее доставку": each names a theme with a word of praise (fast, better, nice, easy, improve) that
is wanted, not had. A lexicon reads them as praise; they are the answers to "what should we improve?"
and among the commonest reasons a detractor gives. :func:`wishes` finds where a wish is said;
:class:`insight.text.polarity.Reading` gives no praise in the clause that holds it and counts it a
shortfall (-1, as a complaint cue).

What is not a wish: a comparison ("faster than the others", "better than expected", "дешевле, чем у
других"), a comparative in a description ("longer in the back", "thicker material" inside a longer
review: the lead-comparative reading is kept to short answers that start with one), advice to other
customers ("make sure you buy it", "please keep it up"), "best wishes", the hope to come back.
Comparatives and imperatives are told by the word as written (``texts``: "faster" and "fast" share a
lemma), so they are read only where the tokens' texts are known; the frames of "wish", "would be
nice", "could be" + comparative need the lemmas only for "wish", "would" and "if only".
"""

from __future__ import annotations

from collections.abc import Sequence

# clause marks: a wish's clause ends at them, a lead comparative or an imperative starts after them
_MARKS = frozenset({",", ";", ":", "(", ")", "-", "–", "—", ".", "!", "?", "…", "\n", "but", "and",
                    "however", "though", "although", "а", "но", "и", "также", "однако"})
_LEAD_WORDS = 12  # a short answer: at most this many tokens for its lead comparatives to be wishes

# verbs that ask for a change when they open a clause in the base form: "Improve the app", "Fix the wifi",
# "Hire more staff", "Answer the phone", "Stop charging me twice" (not "Train was late": a verb follows)
# (not "add", "bring", "cut", "size": advice to other customers - "add a belt", "bring a jacket")
EN_CHANGE = frozenset({"improve", "fix", "reduce", "lower", "hire", "offer", "provide", "stop", "speed",
                       "update", "upgrade", "sort", "employ", "invest", "introduce", "change", "answer", "respond",
                       "listen", "increase", "extend", "simplify", "make", "reply", "refund", "restore",
                       "communicate"})
# an imperative opens a sentence: after a comma or "and" the subject is often only left out ("very flowy, and
# provide so much airflow")
_SENTENCE_MARKS = frozenset({".", "!", "?", "…", "\n", ";"})
_EN_AUX = frozenset({"be", "have", "do", "will", "would", "can", "could", "should", "must", "may", "might", "sure",
                     "'s", "up"})  # after a noun that looks like a verb ("Train was late"), "make sure", "make up"
_EN_TO = frozenset({"listen", "respond", "reply", "answer", "communicate"})  # "listen to": not "upgrade to j class"
# after "please": advice or thanks, not a request for change ("please keep it up", "please don't change")
_EN_KEEP = frozenset({"keep", "continue", "stay", "do", "never", "carry", "remain", "note", "be", "enjoy", "try"})
# "would be nice", "would help", "would appreciate", "would have been good": what is wanted
EN_WANTED = frozenset({"nice", "good", "great", "better", "helpful", "useful", "lovely", "ideal", "preferable",
                       "handy", "appreciate", "help", "cool", "wonderful", "brilliant", "beneficial", "improvement",
                       "welcome", "appreciated", "excellent", "fantastic", "perfect", "awesome"})
_EN_WOULD_BETWEEN = frozenset({"be", "have", "really", "very", "so", "also", "definitely", "much", "a", "lot", "bit",
                               "little", "an"})
_EN_ASKED = frozenset({"if", "to", "have"})  # after "would be nice": "if they called", "to have", "having"
_EN_MODAL = frozenset({"can", "could", "should", "must", "need", "have"})  # "could be cheaper", "needs to be faster"
_EN_FRAMES = frozenset({"wish", "would", "only"}) | _EN_MODAL
_EN_OPENERS = EN_CHANGE | {"please", "pls", "plz"}
_EN_WORDS = _EN_FRAMES | _EN_OPENERS  # without one of them, only a lead comparative can be a wish
_EN_HITS = _EN_FRAMES | _MARKS
_EN_COMPARATIVES = frozenset({"better", "more", "less", "fewer"})
_EN_NOT_LEAD = frozenset({"than", "still", "yet", "now", "so", "already", "off", "and", "of", "or", "known"})
_EN_COMPARING = frozenset({"than", "compare", "vs", "versus", "other", "others", "previous", "before", "last"})
_EN_NEGATORS = frozenset({"not", "n't", "never", "no"})
_EN_NOT_WISHED = frozenset({"list", "i", "we", "to", "us", "me", "and", "for", "you", "him", "her", "them"})
_EN_GREETING = frozenset({"best", "good", "warm", "kind", "my", "our", "your", "with", "all", "the"})
_EN_SOFTENERS = frozenset({"slightly", "bit", "little", "a", "maybe", "perhaps", "just", "even"})

_RU_COMPARATIVES = frozenset({"больше", "меньше", "лучше", "дешевле", "быстрее", "проще", "удобнее", "вежливее",
                              "вкуснее", "чаще", "побольше", "поменьше", "получше", "подешевле", "побыстрее",
                              "попроще", "поудобнее", "повежливее", "почаще", "пораньше", "подольше"})
_RU_NOT_LEAD = frozenset({"чем", "всего", "всех", "и", "не", "нет"})
_RU_COMPARING = frozenset({"чем", "другой", "прошлый", "раньше"})


def wishes(lemmas: Sequence[str], texts: Sequence[str] | None, lang: str) -> list[int]:
    """The positions at which a wish is said in a comment (its ``lemmas`` and, when known, its tokens'
    ``texts``): each is a shortfall, and its clause holds no praise (:func:`clauses`)."""
    if lang == "en":
        return _english(lemmas, texts)
    if lang == "ru" and texts is not None:
        return _lead(lemmas, texts, _ru_comparative, _RU_NOT_LEAD, _RU_COMPARING)
    return []


def clauses(lemmas: Sequence[str], at: Sequence[int]) -> set[int]:
    """The positions of the clauses that hold the wishes ``at``: "Cheaper prices would be nice" wants the
    cheap prices said before "would"."""
    wished: set[int] = set()
    n = len(lemmas)
    for i in at:
        lo = i
        while lo > 0 and lemmas[lo - 1] not in _MARKS:
            lo -= 1
        hi = i + 1
        while hi < n and lemmas[hi] not in _MARKS:
            hi += 1
        wished.update(range(lo, hi))
    return wished


def _starts(lemmas: Sequence[str]) -> list[int]:
    """Where a clause starts: the first token, and each word after a clause mark."""
    return [i for i, lem in enumerate(lemmas) if lem not in _MARKS and (i == 0 or lemmas[i - 1] in _MARKS)]


def _english(lemmas: Sequence[str], texts: Sequence[str] | None) -> list[int]:
    lead = _lead(lemmas, texts, _en_comparative, _EN_NOT_LEAD, _EN_COMPARING) if texts is not None else []
    if _EN_WORDS.isdisjoint(lemmas):
        return lead  # (most comments: no frame's word, no opener)
    hits = [i for i, lem in enumerate(lemmas) if lem in _EN_HITS]
    found = [i for i in hits if lemmas[i] in _EN_FRAMES and _en_frame(lemmas, texts, i)] + lead
    if texts is not None:
        n = len(lemmas)
        for i in [0, *(k + 1 for k in hits if lemmas[k] in _MARKS)]:
            if i >= n or lemmas[i] not in _EN_OPENERS:
                continue
            nxt = lemmas[i + 1] if i + 1 < len(lemmas) else ""
            word = texts[i].lower()
            if word in ("please", "pls", "plz") and nxt.isalpha() and nxt not in _EN_KEEP:
                found.append(i)  # "Please answer the phone", "please call me back"
            elif word == lemmas[i] and word in EN_CHANGE and nxt.isalpha() \
                    and (nxt not in _EN_AUX or (word, nxt) == ("speed", "up")) \
                    and (nxt != "to" or word in _EN_TO) \
                    and (i == 0 or lemmas[i - 1] in _SENTENCE_MARKS) and not _subject(lemmas, texts, i):
                found.append(i)  # "Improve the app", "Hire more staff", "Stop charging me twice"
    return sorted(set(found))


_EN_HABITUAL = frozenset({"always", "never", "usually", "often", "consistently", "regularly", "constantly"})


def _subject(lemmas: Sequence[str], texts: Sequence[str], i: int) -> bool:
    """Whether the word at ``i`` opens a noun phrase that is the subject of a verb after it, not an imperative:
    "Speed test always shows 300mb", "Upgrade process was easy", "Answer times are quick"."""
    return any((lem == "be" and text.lower() != "be") or lem in _EN_HABITUAL
               for lem, text in zip(lemmas[i + 2:i + 4], texts[i + 2:i + 4]))


def _en_frame(lemmas: Sequence[str], texts: Sequence[str] | None, i: int) -> bool:
    """A wish framed by the word at ``i``: "I wish ...", "if only", "would be nice", "could be cheaper"."""
    lem = lemmas[i]
    before = lemmas[i - 1] if i else ""
    nxt = lemmas[i + 1] if i + 1 < len(lemmas) else ""
    if lem == "wish":  # not the customer's own doing ("I wish I had bought two"), nor "wished to sleep", "wished us"
        return before not in _EN_GREETING and nxt.isalpha() and nxt not in _EN_NOT_WISHED \
            and not (texts and texts[i].lower() == "wishes")
    if lem == "only":
        return before == "if"
    if lem == "would":  # "would be nice if", "would have been good to", "would help", "would appreciate"
        for k in range(i + 1, min(i + 5, len(lemmas))):  # (not "would be great for the holidays", "a great buy")
            w = lemmas[k]
            if w in EN_WANTED:
                return (w in ("help", "appreciate") or not _EN_ASKED.isdisjoint(lemmas[k + 1:k + 3])) \
                    and not _negated(lemmas, i)
            if w not in _EN_WOULD_BETWEEN:
                return False
        return False
    # could / should / must be, need(s) / have to be, + a comparative: "could be cheaper", "needs to be faster"
    k = i + 2 if lem in ("need", "have") and nxt == "to" else i + 1 if lem not in ("need", "have") else len(lemmas)
    if k >= len(lemmas) or lemmas[k] not in ("be", "get", "become") or texts is None or texts[i].lower() == "can":
        return False  # (not "it can be slower at weekends": what happens, not what should)
    k += 1
    while k < len(lemmas) and lemmas[k] in ("a", "bit", "little", "much", "way", "lot", "slightly", "far"):
        k += 1
    return k < len(lemmas) and _en_comparative(texts[k].lower(), lemmas[k]) and "than" not in lemmas[k + 1:k + 6] \
        and not _negated(lemmas, i)


def _negated(lemmas: Sequence[str], i: int) -> bool:
    """"wouldn't be better", "couldn't be happier": a negator beside the modal at ``i``."""
    return not _EN_NEGATORS.isdisjoint(lemmas[max(0, i - 2):i + 2])


def _en_comparative(word: str, lemma: str) -> bool:
    """"faster" (fast), "easier" (easy), "bigger" (big), "better", "more" - not "worse" (blame already)."""
    return word in _EN_COMPARATIVES or (word.endswith("er") and word != lemma and len(lemma) >= 3
                                        and word[:2] == lemma[:2])


def _ru_comparative(word: str, lemma: str) -> bool:
    """"побыстрее" (быстрый), "дешевле", "вежливее", "больше" - not "хорошее", "свежей" (the neuter and
    feminine of an adjective in -ий end alike: the comparative ending is read only on an adjective in -ый)."""
    return word in _RU_COMPARATIVES or (word != lemma and word.endswith(("ее", "ей")) and lemma.endswith("ый")
                                        and len(word) > 4 and word.removeprefix("по")[:3] == lemma[:3])


def _lead(lemmas: Sequence[str], texts: Sequence[str], comparative, not_lead: frozenset[str],
          comparing: frozenset[str]) -> list[int]:
    """Comparatives that open the clauses of a short answer that opens with one: "Faster delivery",
    "Cheaper prices, quicker refunds", "Побыстрее доставку" (not "Faster than the others")."""
    if len(lemmas) > _LEAD_WORDS or not comparing.isdisjoint(lemmas):
        return []
    found = []
    for i in _starts(lemmas):
        k = i
        while k < len(lemmas) - 1 and lemmas[k] in _EN_SOFTENERS:
            k += 1  # "a bit cheaper", "slightly faster"
        nxt = lemmas[k + 1] if k + 1 < len(lemmas) else ""
        if comparative(texts[k].lower(), lemmas[k]) and nxt.isalpha() and nxt not in not_lead:
            found.append(k)
        elif i == 0:
            return []  # the answer does not open with a comparative
    return found


def promised(lemmas: Sequence[str]) -> set[int]:
    """The English words told as promised, not had: what follows "said they would" or "promised they'd" in its clause
    ("They said they'd credit my account but never did": no credit praised), and what was thought or expected before a
    "but" ("I thought it would be great but it was a mess"; not "I think it will be great")."""
    out: set[int] = set()
    if _SAID.isdisjoint(lemmas):
        return out
    n = len(lemmas)
    for k in [k for k, w in enumerate(lemmas) if w in _SAID]:
        j = next((j for j in range(k + 1, min(k + 4, n)) if lemmas[j] in ("would", "will")), None)
        if j is None:
            continue
        end = j + 1
        while end < n and lemmas[end] not in _MARKS and lemmas[end] != "but":
            end += 1
        if lemmas[k] in _THOUGHT and (end == n or lemmas[end] != "but"):
            continue
        out.update(range(j + 1, end))
    return out


_THOUGHT = frozenset({"think", "expect", "hope", "assume", "imagine"})  # (before a "but" only)
_SAID = frozenset({"say", "promise", "tell", "assure", "claim", "guarantee"}) | _THOUGHT

