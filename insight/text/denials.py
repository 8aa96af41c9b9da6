"""What a word in a negator's reach is worth (:func:`denied`): turned (-0.8 of it), kept where the negation is not of
the word ("can't recommend them enough", "wouldn't hesitate to recommend", "I don't like being lied to":
:func:`keeps_sign`) or none where a low price or perfection is denied before "but" (a concession: "not the cheapest but
very reliable"); and a blame made small and conceded before strong praise (:func:`softened`); a word that judges
nothing where it stands (:func:`judges_nothing`: "looks like", "the status page said it was fine"). Where a negator's
reach
starts is :func:`insight.text.negation.negator_reach`."""

from __future__ import annotations

from collections.abc import Sequence

from insight.text.contextual import asked_for_nothing_more
from insight.text.lexicons import INTENSIFIERS


def keeps_sign(lemmas: Sequence[str], lang: str, value: float, negated_at: int, i: int, lo: int, hi: int
                 ) -> bool:
    """Whether the word at ``i``, in the reach of the negator at ``negated_at``, keeps its sign (in the span
    ``lo..hi``): "can't recommend them enough", "couldn't thank them enough", "couldn't recommend their pizza any
    higher" (while "not good enough" is negated),
    "wouldn't hesitate to recommend"; what one does not like being done ("I don't like being lied to", "don't appreciate being kept waiting": the
    liking is negated, not what follows it); in Chinese a word that bears its own negation after 也 or 又 (不烫也不凉:
    neither, not a double negation like 不是不好)."""
    if lang == "zh":
        return lemmas[i][:1] in ("不", "没") and not {"也", "又"}.isdisjoint(lemmas[negated_at + 1:i])
    if lang != "en":
        return False
    if value > 0 and "hesitate" in lemmas[negated_at + 1:i]:
        return True  # "wouldn't hesitate to recommend them": the hesitation is denied, not the recommending
    if value > 0 and lemmas[i] == "ask" and asked_for_nothing_more(lemmas, i):
        return True  # "couldn't ask for more"
    if negated_at <= lo:
        return False
    if value < 0:
        return any(lemmas[k] in _LIKING and lemmas[k + 1] in ("be", "get") for k in range(negated_at + 1, i - 1))
    after = lemmas[i + 1:min(i + 6, hi)]
    return lemmas[negated_at - 1] in ("can", "ca", "could") and ("enough" in after[:3] or (
        "any" in after and not {"high", "more"}.isdisjoint(after)))  # ("couldn't recommend it any higher")


_EN_TECH = frozenset({"technology", "tech", "computer", "computers", "gadget", "gadgets", "it", "internet", "phone",
                      "phones", "smartphone", "app", "apps", "online", "digital", "thing", "stuff", "this",
                      "that", "figure", "number", "numbers", "form", "forms", "paperwork"})
_EN_THESE = frozenset({"these", "those", "the", "new", "modern", "such", "all"})
_LIKING = frozenset({"like", "enjoy", "appreciate", "love", "want"})


# a clause that opens with a contrast turns the one before it: its problem fixed, its worry unfounded, a low price
# conceded (Russian "но", "однако" since session 33, when a "but" clause came to be read to its own end: they had
# cost SentiRuEval 0.849 -> 0.847, a fix the customers made themselves after "но не дождались")
CONTRASTS = frozenset({"but", "however", "但", "但是", "可是", "不过", "но", "однако", "зато"})
# a low price, perfection or a superlative denied, then "but": conceded ("not the cheapest but ...", "not perfect, ...,
# but ...", "not the fastest but ...")
_CONCEDED = frozenset({"cheap", "cheapest", "inexpensive", "便宜", "perfect", "flawless", "дешёвый", "дешевый",
                       "идеальный"})  # ("Не самый дешёвый вариант, но за качество готов платить")


def denied(lemmas: Sequence[str], lang: str, value: float, negated_at: int, i: int, lo: int, hi: int, later: int
           ) -> float:
    """The value of the word at ``i`` in the reach of the negator at ``negated_at`` (in the span ``lo..hi``; ``later``:
    what the next clause says, :meth:`insight.text.polarity.Reading._later`): turned (-0.8 of it), kept
    (:func:`keeps_sign`), or none for a low price or perfection denied before "but" - a concession, not a complaint
    ("not the cheapest but very reliable", 不便宜，但是很好吃, "not perfect, but far better than anyone else") - and for
    the customer's own skill ("not very good with these things"); a praise denied that a remedy after "but" puts right
    is mild praise ("the room wasn't ready, but they upgraded us")."""
    if keeps_sign(lemmas, lang, value, negated_at, i, lo, hi):
        return value
    skill = [w for w in lemmas[i + 2:min(i + 4, hi)] if w not in _EN_THESE][:1]  # (in the span: "good with" ...)
    if lang == "en" and tuple(lemmas[i + 1:min(i + 2, hi)]) in (("with",), ("at",)) and not _EN_TECH.isdisjoint(skill):
        return 0.0  # the customer's own skill: "my dad who isn't good with technology", "I'm not great with computers"
    if (lemmas[i] in _CONCEDED or (negated_at == i - 2 and lemmas[i - 1] in ("the", "самый"))) and (
            later or not CONTRASTS.isdisjoint(lemmas[i + 1:hi])):
        return 0.0  # (and a superlative denied: "not the fastest in the area but very stable")
    if later == 3 and value > 0:
        return 0.4 * value  # a slip put right after "but", as a word of blame is (-0.5 of the blame): "the room wasn't
        # ready, but they upgraded us" (not "not so friendly but did the job": a concession, no remedy)
    return -0.8 * value


# what puts a slip right after "but" (denied; Reading._later's 3): a remedy, not a concession
REMEDIED = frozenset({"upgrade", "refund", "replace", "compensate", "apologise", "apologize", "fix", "sort",
                      "resolve", "credit", "swap", "exchange", "извиниться", "компенсировать", "вернуть", "заменить",
                      "объяснить", "помочь", "исправить", "решить", "починить", "道歉", "补偿", "退款", "解决", "换"})


# a slip made small before a "but" that praises strongly: "took a bit longer than planned but he was very tidy", "a bit
# pricey but the service is excellent", 虽然价格稍微贵一点，但是服务确实好 - conceded, not complained of (while "a bit slow
# but ok" and "slightly late, but the food was fine" stay complaints: the praise after "but" is not strong)
_DIMINISHED = {"en": frozenset({"bit", "little", "slightly", "somewhat", "tad", "touch", "marginally", "fractionally"}),
               "zh": frozenset({"稍微", "稍", "略", "略微", "有点", "有一点", "一点", "一点点", "稍稍"}),
               "ru": frozenset({"небольшой", "немного", "чуть", "слегка", "незначительный", "немножко"})}

_ZH_GLUED_SMALL = ("有点", "稍微", "有一点", "略")
_AVOWED = {"zh": frozenset({"确实", "真的", "真", "的确"}), "en": frozenset({"really", "truly", "genuinely"})}


def softened(lemmas: Sequence[str], values: Sequence[tuple], i: int, lang: str) -> bool:
    """Whether the blame at ``i`` is made small and conceded (see _DIMINISHED; ``values``: each token's class, its value
    second): a diminisher in the three words before it or, in Chinese, right after it, then a contrast within eight
    words whose clause holds strong praise (a value of 1.5 or more, or of 1 after an intensifier)."""
    small = _DIMINISHED.get(lang)
    if small is None or (small.isdisjoint(lemmas[max(0, i - 3):i]) and (
            lang != "zh" or (small.isdisjoint(lemmas[i + 1:i + 3]) and not any(
                d in lemmas[i] for d in _ZH_GLUED_SMALL)))):  # (glued by a codeframe's word: 饭 / 量有点少)
        return False
    k = next((k for k in range(i + 1, min(len(lemmas), i + 9)) if lemmas[k] in CONTRASTS), None)
    if k is None:
        return False
    amp = INTENSIFIERS[lang] | _AVOWED.get(lang, frozenset())
    end = next((j for j in range(k + 1, min(len(lemmas), k + 16)) if lemmas[j] in (".", "!", "?", "。", "！", "？")),
               min(len(lemmas), k + 16))  # (to its sentence's end: "но мастер всё сделал аккуратно, и с тех пор ...")
    return any((values[j][1] or 0) >= 1.5 or ((values[j][1] or 0) >= 1 and lemmas[j - 1] in amp)
               for j in range(k + 1, end))


# a worry the next clause undoes ("I was sceptical but ...", "I was dreading the switch after horror stories from
# friends, but it was painless") and, in English, what was feared ("I was worried the move would be chaos but the
# removal men were careful": a blame after a worry and a "would", in its clause)
WORRIES = frozenset({"worry", "worried", "nervous", "concerned", "apprehensive", "sceptical", "skeptical", "dread",
                     "hesitant", "doubt", "think", "assume", "imagine", "担心", "害怕", "怕", "犹豫"})  # ("I thought
# fibre would be a hassle to install but it was done in two hours")
_EN_FEARED = frozenset({"would", "will", "might", "could", "may", "go"})  # ("was going to be a nightmare")
_EN_BREAKS = frozenset({",", ";", ".", "!", "?", "but", "because", "as", "since", "so"})


def feared(lemmas: Sequence[str], i: int, lo: int, hi: int, later: int) -> bool:
    """Whether the blame at ``i`` (in the span ``lo..hi``; ``later``: what the next clause says) is a worry, or what was
    feared, that a contrast after it in the span, or the next clause, undoes (see WORRIES)."""
    if not later and CONTRASTS.isdisjoint(lemmas[i + 1:hi]):
        return False
    if lemmas[i] in WORRIES or tuple(lemmas[i:i + 2]) == ("horror", "story") or (
            lemmas[i] == "worst" and tuple(lemmas[max(lo, i - 2):i]) == ("expect", "the")):
        return True  # (and "I expected the worst, but ...")
    k = next((k for k in range(i - 1, max(lo - 1, i - 8), -1) if lemmas[k] in WORRIES or lemmas[k] in _EN_BREAKS), -1)
    return k >= 0 and lemmas[k] in WORRIES and (not _EN_FEARED.isdisjoint(lemmas[k + 1:i]) or lemmas[k + 1] == "about")
    # ("I was worried about losing my email address when switching, but they explained how to keep it")


# the customer's own lot, no blame of the company (English): their own skill ("my mum struggles with technology",
# "I'm hopeless with computers", "my son struggled with maths"), a fear they once had, their own loss ("even though
# I'd lost the receipt"), a broken thing the company mended ("they replaced my broken phone screen", "fixed our faulty
# boiler", "refunded the fraudulent payments"; not "refused to replace my broken phone"), a card guarded after a
# theft, the mishap a claim is about, an ailment ("back pain")
_EN_GENERIC_TECH = frozenset({"technology", "tech", "computer", "computers", "gadget", "gadgets", "digital", "maths",
                              "math", "reading", "spelling", "english", "science", "homework", "exam", "exams"})
_EN_FEARS = frozenset({"terrify", "scare", "frighten", "dread", "hate", "fear"})  # "appointments used to terrify me"
_EN_OWN_THINGS = frozenset({"receipt", "ticket", "card", "password", "pin", "key", "keys", "wallet", "purse", "paperwork",
                            "passport", "reference", "login", "details"})
_EN_AILING = frozenset({"ill", "sick", "unwell", "poorly", "injure", "injured", "hospitalise", "hospitalize"})
_EN_PEOPLE = frozenset({"i", "we", "he", "she", "mum", "mom", "dad", "husband", "wife", "son", "daughter", "partner",
                        "father", "mother", "child", "baby", "grandmother", "grandfather", "nan", "gran"})
_EN_TEMPERS = frozenset({"struggle", "dislike", "panic", "nervous", "anxious", "afraid", "terrified", "scared",
                         "worry"})
_EN_MENDERS = frozenset({"replace", "fix", "repair", "swap", "mend", "exchange", "sort", "refund", "reverse", "waive"})
# a card or account guarded after a theft or fraud ("when my card was cloned they blocked it"; not "they blocked my
# card for no reason")
_EN_GUARDS = frozenset({"block", "freeze", "stop", "lock"})
# a mishap an insurance claim is about ("claim paid within a week of the accident"; not "the app crashed when I made
# my claim": no crash nor break here)
_EN_MISHAPS = frozenset({"accident", "flood", "burglary", "theft", "fire", "collision", "injury"})
_EN_BODY = frozenset({"back", "neck", "knee", "shoulder", "hip", "joint", "tooth", "head", "chest", "stomach", "leg",
                      "foot", "wrist", "ankle", "nerve", "chronic", "sport", "sports"})  # ("back pain", "knee injury")
_EN_CLAIMED = frozenset({"claim", "insurer", "insurance", "payout", "policy", "cover", "assessor"})
_EN_THEFTS = frozenset({"clone", "steal", "stolen", "hack", "compromise", "skim", "scam", "fraud", "fraudulent"})
_EN_NOT_DONE = frozenset({"refuse", "fail", "to", "wait", "will", "would", "should", "could", "try", "want", "ask",
                          "not", "n't", "never", "no"})


def own_lot(lemmas: Sequence[str], i: int, lo: int, hi: int) -> bool:
    """Whether the English word of blame at ``i`` (in the span ``lo..hi``) tells of the customer's own lot (see above),
    not of the company."""
    if tuple(lemmas[i + 1:min(i + 2, hi)]) in (("with",), ("at",)) \
            and not _EN_GENERIC_TECH.isdisjoint(lemmas[i + 2:min(i + 4, hi)]):
        return True  # "struggles with technology"
    if lemmas[i] in _EN_AILING and i - 2 >= lo and lemmas[i - 1] in ("be", "get", "fall") \
            and lemmas[i - 2] in _EN_PEOPLE:
        return True  # "after I was ill", "when my husband fell ill"
    if lemmas[i] == "lose" and ((not _EN_OWN_THINGS.isdisjoint(lemmas[i + 1:min(i + 4, hi)])
                                 and not {"i", "we"}.isdisjoint(lemmas[max(lo, i - 3):i]))
                                or tuple(lemmas[i + 1:i + 2]) == ("property",)):
        return True  # "I'd lost the receipt", "I lost my card", "the lost property team"
    if lemmas[i] in ("complain", "moan", "criticise", "criticize") \
            and tuple(lemmas[max(lo, i - 2):i]) == ("first", "to"):
        return True  # the customer's own temper: "I'm usually the first to complain about estate agents, but ..."
    if lemmas[i] in _EN_FEARS and i - 2 >= lo and tuple(lemmas[i - 2:i]) == ("use", "to"):
        return True  # the customer's own fear, once: "Dentist appointments used to terrify me"
    if lemmas[i] in ("hate", "dislike", "dread") and i > lo and lemmas[i - 1] in ("i", "we") \
            and tuple(lemmas[i + 1:i + 2]) in (("phone",), ("call",), ("ring",), ("contact",), ("chase",)):
        return True  # the customer's own dislike: "I hate phoning companies but their chat is excellent"
    if lemmas[i] in _EN_FEARS | _EN_TEMPERS and _of_their_own(lemmas, i, lo):
        return True  # "the nurse was patient with my son who hates needles", "my mum, who is nervous of dentists"
    if lemmas[i] in ("pain", "ache", "injury") and i - 2 >= lo and lemmas[i - 1] in _EN_BODY \
            and lemmas[i - 2] in ("my", "his", "her", "our", "of", "for"):
        return True  # the customer's ailment: "after two years of back pain", "for my knee injury" (not "the seat gave
        # me back pain")
    if lemmas[i] in _EN_MISHAPS and not _EN_CLAIMED.isdisjoint(lemmas[max(lo, i - 10):i]):
        return True  # the customer's mishap a claim is about: "claim paid within a week of the accident"
    if lemmas[i] in _EN_GUARDS and not _EN_THEFTS.isdisjoint(lemmas[max(lo, i - 8):i]) \
            and _EN_NOT_DONE.isdisjoint(lemmas[max(lo, i - 3):i]) and not {"it", "card"}.isdisjoint(lemmas[i + 1:i + 3]):
        return True  # "when my card was cloned abroad they blocked it" (not "... they froze my account for weeks")
    k = next((k for k in range(i - 1, max(lo - 1, i - 4), -1) if lemmas[k] in _EN_MENDERS), None)
    return k is not None and k + 1 < i and all(w in ("my", "our", "the", "a", "his", "her") for w in lemmas[k + 1:i]) \
        and _EN_NOT_DONE.isdisjoint(lemmas[max(lo, k - 3):k])  # "replaced my broken screen"


def _of_their_own(lemmas: Sequence[str], i: int, lo: int) -> bool:
    """Whether the word at ``i`` stands in a relative clause about one of the customer's own ("my son who hates
    needles", "my mum, who is nervous"): "who" a word or two before it, after "my"/"our" and a person."""
    k = next((k for k in range(i - 1, max(lo - 1, i - 4), -1) if lemmas[k] == "who"), None)
    if k is None:
        return False
    j = k - 1 - (k - 1 > lo and lemmas[k - 1] == ",")
    return j - 1 >= lo and lemmas[j] in _EN_PEOPLE and lemmas[j - 1] in ("my", "our", "his", "her")


# "like" after these is a likeness, no liking: "looks like cardboard", "feels like a sack" ("nothing like the picture"
# stays a negated likeness: a complaint)
_EN_LIKENESS = frozenset({"look", "feel", "sound", "seem", "smell", "taste", "act", "treat", "something", "anything",
                          "more", "just", "exactly", "much", "bit"})
_EN_OTHERS = frozenset({"other", "others", "most", "many", "every", "all", "some", "everyone", "everybody"})
_EN_LIKER = frozenset({"i", "we", "you", "they", "really", "do", "would", "also", "still", "not", "n't", "to", "just"})
# what the company says, not what the customer finds: "the status page said everything was fine", "they insisted the
# line was ok" (the customer's own "fine" stands: "it's been fine since")
_EN_SAID = frozenset({"say", "claim", "insist", "tell", "show", "report"})
_EN_ALONE_AFTER = frozenset({"be", "feel", "leave", "all", "me", "us", "them", "him", "her", "myself", "ourselves",
                             "very", "so", "completely", "totally", "on", "let"})  # "alone" that blames: "left me
# alone", "let alone customer service" (much less)


_EN_WHOSE_MOCK = frozenset({"his", "her", "my", "their", "our", "the", "a"})  # "a B in his mock"
_EN_SMART_THINGS = frozenset({"meter", "meters", "tv", "tvs", "phone", "phones", "card", "home", "hub", "watch",
                              "speaker", "plug", "thermostat", "device", "devices", "lock"})


def judges_nothing(lemmas: Sequence[str], i: int, lo: int, value: float) -> bool:
    """Whether the English word at ``i`` (after ``lo``) judges nothing where it stands: a likeness ("looks like the old
    one", "tastes like cardboard", "hasn't gone up like other providers"; not "I really like it", "we like most of the
    channels"), the company's own word ("the status page said everything was fine"), "alone" as "only" ("the reporting
    alone has saved us hours"; not "left alone", "I felt alone"), a mock exam ("got a B in his mock"), a device's name
    ("smart meter")."""
    lem = lemmas[i]
    nxt = lemmas[i + 1] if i + 1 < len(lemmas) else ""
    if lem == "smart":  # a device's name: "smart meter", "smart TV" (not "a smart young engineer")
        return nxt in _EN_SMART_THINGS
    if lem == "mock":  # a practice exam: "mock exams", "a B in his mock" (not "they mock their customers")
        return nxt in ("exam", "test", "interview") or (i > lo and lemmas[i - 1] in _EN_WHOSE_MOCK)
    if i <= lo:
        return False
    if lem == "like":
        return lemmas[i - 1] in _EN_LIKENESS or (nxt in _EN_OTHERS and lemmas[i - 1] not in _EN_LIKER)
    if lem in ("fine", "ok", "okay", "normal"):
        return value > 0 and i - 2 >= lo and lemmas[i - 1] == "be" \
            and not _EN_SAID.isdisjoint(lemmas[max(lo, i - 5):i - 2])
    return lem == "alone" and lemmas[i - 1] not in _EN_ALONE_AFTER
