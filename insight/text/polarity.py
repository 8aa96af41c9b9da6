"""Polarity of a span of lemmas from per-language lexicons, with negation and intensifiers.

"not good", "не очень", "不太好" flip or soften; "一点也不慢" (not slow at all) turns a complaint
word into praise. The score's sign is the polarity: +1 praise, -1 blame, 0 neither.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence

from insight.text.claims_zh import broken_claims
from insight.text.complaints import WEIGHT, complaint
from insight.text.bygones import bygone
from insight.text.excuses import excused, mended_before, remedied
from insight.text.lexicons import CLAUSE_BREAKS, INTENSIFIERS, NEGATORS, VERDICTS  # noqa: F401
from insight.text.polarity_zh import NEG_SCOPE, ZH_HOPE as _ZH_HOPE
from insight.text.polarity_zh import in_place as _zh_in_place, why as _why
from insight.text.nlp import lemmatise_lexicon, lexicon  # noqa: F401 (the lexicons keyed by lemma; imported from here)
from insight.text.denials import CONTRASTS as _CONTRASTS, REMEDIED, denied, feared, own_lot, softened
from insight.text.idioms import IDIOM_HEADS, MIDDLING, idiom, said_of
from insight.text.negation import negator_reach
from insight.text.remedies import RESOLVERS, SINCE_WORDS, comma_mends, fixed_after, mends, resolver_at
from insight.text.token_kinds import (
    BREAK as _BREAK, CONTEXTUAL as _CONTEXTUAL, HIGH_NOUN as _HIGH_NOUN, NEGATOR as _NEGATOR, NO_CUE as _NO_CUE,
    NUMBER as _NUMBER, RESOLVER as _RESOLVER, UNSURE as _UNSURE, VERDICT as _VERDICT, WORD as _WORD,
    in_context as _in_context, token_of as _token_of, tokens as _tokens,
)
from insight.text.wishes import clauses, promised, wishes
from insight.text.zh_tokens import value as _zh_value

_WINDOW = 3
_NEG_SCOPE = NEG_SCOPE  # (polarity_zh)
_OR = frozenset({"or", "nor", "или"})


def score(lemmas: Sequence[str], lang: str, overrides: Mapping[str, float] | None = None) -> float:
    """Summed polarity of ``lemmas`` (a clause or sentence) in language ``lang``.

    A negator flips (and softens: "not great" is mild blame) every sentiment word after it up
    to the end of its clause ("won't go there again for a good meal"); a word right after an
    intensifier counts 1.5 times. ``overrides`` are a theme's own polarity words, consulted
    before the lexicon.
    """
    return judge(lemmas, lang, overrides)[0]


_RESOLVED_SCOPE = 3  # words after a resolver that it reaches (measured: 5 cost SemEval a point)
_COMMAS = frozenset({",", "，", ";", "；"})
_MENDERS = _CONTRASTS | {"so"}
_MEND_REACH = 14  # the words after "but" read for a mend ("but they gave me a mobile hotspot in the meantime")
_SUBJECTS = frozenset({"they", "we", "i", "he", "she", "the", "someone", "an", "a"})

_NOTHING: frozenset[int] = frozenset()
def judge(lemmas: Sequence[str], lang: str, overrides: Mapping[str, float] | None = None) -> tuple[float, bool]:
    """:func:`score` of ``lemmas`` and whether they judge at all: a sentiment word, a middling
    verdict ("一般", "还可以") or a complaint without either (:mod:`insight.text.complaints`: "no one
    called back", "on hold for 40 minutes") was found. "不是一般的好" (not the ordinary good) is
    strong praise, and so are "can't recommend them enough" and "couldn't be happier".

    Each distinct token is classified once per process (break, negator, verdict or word with its
    lexicon value); a theme's own words are consulted only for the tokens they could change. To judge
    several spans of one comment, read it once: :class:`Reading`.
    """
    return Reading(lemmas, lang).judge(0, len(lemmas), overrides)


class Reading:
    """A comment's lemmas with each token classified once: :meth:`judge` of any span of it (a
    clause, a sentence, the whole comment) equals :func:`judge` of that span's lemmas, with what the
    comment around the span says besides (the clauses of its wishes, :mod:`insight.text.wishes`; a next
    clause that turns the span with "but", :meth:`_later`), and visits only the tokens that can change
    the verdict (a break, a negator, a verdict, a word with a value, a word 高/低; the few a theme's own
    words could change) and the complaint cues.
    """

    __slots__ = ("lemmas", "lang", "_cls", "_active", "_cues", "_zh_kinds", "_judged", "_breaks", "_wishes",
                 "_wished", "_excused", "_quiet", "_mending", "_mended")

    def __init__(self, lemmas: Sequence[str], lang: str, texts: Sequence[str] | None = None) -> None:
        """``texts``: the tokens as written, when known (a comparative or an imperative is told by them:
        :mod:`insight.text.wishes`)."""
        self.lemmas, self.lang = lemmas, lang
        self._wishes = wishes(lemmas, texts, lang)  # what is asked for: a shortfall, its clause no praise
        past = bygone(lemmas, lang)  # (nor is a praise set against this time: 以前挺好吃的，现在变味了)
        self._wished = clauses(lemmas, self._wishes) | past if self._wishes else past
        if lang == "en":  # (and what was promised, not had: "said they'd credit my account but never did")
            self._wished = self._wished | promised(lemmas)
        self._zh_kinds: list[tuple[str, int]] | None = None  # when a Chinese span is first read for complaints
        self._judged: dict[tuple[int, int, int], tuple[float, bool]] = {}  # (lo, hi, id of the overrides)
        self._breaks: list[int] | None = None
        if lang not in NEGATORS:
            self._cls, self._active, self._cues, self._excused, self._quiet = [], [], [], _NOTHING, _NOTHING
            self._mending, self._mended = [], _NOTHING
            return
        table = _tokens(lang)
        cls = [table.get(lem) or _token_of(lem, lang, table) for lem in lemmas]  # (never an empty tuple)
        self._cls = cls
        self._active = [i for i, t in enumerate(cls) if t[3]]
        self._cues = [i for i, t in enumerate(cls) if t[4]]
        if lang == "zh" and (shown := [i for i in self._cues if cls[i][4][0] == "shown"]):
            # (说是现做的，结果是微波炉热的: "hot" is no praise)
            self._wished = self._wished | broken_claims(lemmas, shown)
        # "晚了十分钟，可以理解": no blame, no complaint in what an excuse covers (insight.text.excuses)
        def blames(i: int) -> bool:  # a word that cues a complaint or blames
            return bool(cls[i][4]) or (cls[i][1] or 0) < 0

        def faults(lo: int, hi: int) -> bool:  # a span that blames or makes a complaint
            return any((cls[j][1] or 0) < 0 for j in range(lo, hi)) or complaint(lemmas[lo:hi], lang) < 0

        self._excused = excused(lemmas, lang, blames, past, faults)
        # and no complaint cue where a remedy told soon after answers it ("a double charge, refunded the same day")
        answered = remedied(lemmas, lang, blames, faults)  # (empty but in English and Chinese: 小哥送错了马上就来换了)
        self._quiet = self._excused | answered if answered else self._excused
        resolvers = RESOLVERS[lang]  # "but" clauses that mend what went before ("... but it was corrected on the bill")
        self._mending = [c for c, lem in enumerate(lemmas) if (lem in _MENDERS and (lem != "so" or (
            c + 1 < len(lemmas) and lemmas[c + 1] in _SUBJECTS)) or (lem in _COMMAS and lang == "en" and comma_mends(
                lemmas[c + 1:c + _MEND_REACH], resolvers))) and mends(lemmas[c + 1:c + _MEND_REACH], lang, resolvers)
        ] if not _MENDERS.isdisjoint(lemmas) or (lang == "en" and not (
            resolvers.isdisjoint(lemmas) and SINCE_WORDS.isdisjoint(lemmas))) else []
        # (and "so they sent a booster", not "so good"; in English after a comma a fix: "froze twice, a software
        # update fixed it" - in Chinese what follows a comma is as often the customer's own 搞定 or a 请尽快解决)
        self._mended = mended_before(lemmas, self._mending, faults) if self._mending else _NOTHING
        if self._mended:  # the complaint cues a mending clause answers ("crashed a few times but the new version ..."),
            self._quiet = self._quiet | self._mended  # and its words of blame are put right ("weak in the basement,
            # like with every provider, but wifi calling sorts that out")
        if lang == "zh":  # (in Chinese whatever is quieted is put right: 小哥送错了马上就来换了)
            self._mended = self._quiet

    def breaks(self) -> list[int]:
        """The positions of the clause breaks (commas, "but", "但是", "но", ...: CLAUSE_BREAKS); found once."""
        if self._breaks is None:
            cls = self._cls
            self._breaks = [i for i in self._active if cls[i][0] == _BREAK]
        return self._breaks

    def uncrossed(self, lo: int, s_lo: int) -> int:
        """Where the sentence from ``s_lo`` starts for the clause at ``lo`` that judges nothing: after the last "but"
        (但, но) or a clause that mends before it ("the hub is ugly but the wifi reaches every room"; what comes after a
        "but" still tells on what went before: "was told the engineer would call but he never did")."""
        lemmas, breaks, mending = self.lemmas, self.breaks(), self._mending
        for c in reversed(breaks[bisect.bisect_left(breaks, s_lo):bisect.bisect_left(breaks, lo)]):
            if lemmas[c] in _CONTRASTS:
                return c + 1
        # (nor from before a clause that mends it: "didn't reach the loft so they sent a booster at no charge")
        return max([s_lo, *(c + 1 for c in mending if s_lo <= c < lo)])

    def complaint(self, lo: int = 0, hi: int | None = None) -> float:
        """:func:`insight.text.complaints.complaint` of the span ``lo..hi``."""
        hi = len(self.lemmas) if hi is None else hi
        if not self._quiet or self._quiet.isdisjoint(range(lo, hi)):
            return self._complaint(lo, hi)
        total, run = 0.0, lo  # what the span holds outside the excused positions, run by run
        for i in range(lo, hi + 1):
            if i == hi or i in self._quiet:
                total += self._complaint(run, i) if run < i else 0.0
                run = i + 1
        return total

    def _complaint(self, lo: int, hi: int) -> float:
        wished = -float(sum(lo <= i < hi for i in self._wishes)) if self._wishes else 0.0
        cues = self._cues
        k = bisect.bisect_left(cues, lo)
        if k == len(cues) or cues[k] >= hi:
            return wished
        if self.lang != "zh":
            return wished + complaint(self.lemmas[lo:hi], self.lang)
        if self._zh_kinds is None:
            self._zh_kinds = [t[4] or _NO_CUE for t in self._cls]
        return wished + complaint(self.lemmas[lo:hi], "zh", self._zh_kinds[lo:hi])

    def _positions(self, lo: int, hi: int, overrides: Mapping[str, float] | None) -> list[int]:
        """The tokens of ``lo..hi`` that can change its verdict, and those the theme's own words could give a value."""
        active, lemmas, cls = self._active, self.lemmas, self._cls
        positions = active[bisect.bisect_left(active, lo):bisect.bisect_left(active, hi)]
        if overrides:
            extra = [i for i in range(lo, hi)
                     if (lemmas[i] in overrides if cls[i][2] is None else not cls[i][2].isdisjoint(overrides))]
            if extra:
                positions = sorted({*positions, *extra})
        return positions

    def _set_aside(self, i: int, value: float, later: int, lo: int, hi: int) -> bool:
        """Whether the word ``i`` of ``value`` counts for nothing: a shortcoming the customer excuses ("晚了十分钟，可以
        理解"), a praise wanted, not had ("would be nice if ...", "Faster delivery": the wish is counted as a cue), a
        worry the next clause undoes ("I was sceptical but ..."), a slip made small and conceded ("a bit pricey but
        the service is excellent": :func:`insight.text.denials.softened`)."""
        if value < 0:
            return i in self._excused or feared(self.lemmas, i, lo, hi, later) or softened(
                    self.lemmas, self._cls, i, self.lang) or (self.lang == "en" and own_lot(self.lemmas, i, lo, hi))
        return i in self._wished

    def _later(self, hi: int) -> int:
        """What the clause after the span ``..hi`` says, when "but" (但) opens it: 2 when it mends
        something ("but they fixed it quickly", 但很快就解决了: the problem before is resolved), 3 when it does
        so with a remedy (:data:`insight.text.denials.REMEDIED`: "but they upgraded us"), 1 when it only
        contrasts (a worry before it was unfounded), else 0."""
        lemmas = self.lemmas
        if 0 < hi <= len(lemmas) and lemmas[hi - 1] in _CONTRASTS:  # a clause cut after its break word
            k = hi - 1
        else:
            k = hi + 1 if hi < len(lemmas) and lemmas[hi] in _COMMAS else hi
            if k >= len(lemmas) or lemmas[k] not in _CONTRASTS:
                return 0
        after = lemmas[k + 1:k + _MEND_REACH]
        if not mends(after, self.lang, RESOLVERS[self.lang]):
            return 1
        return 3 if not REMEDIED.isdisjoint(after) else 2

    def judge(self, lo: int = 0, hi: int | None = None, overrides: Mapping[str, float] | None = None
              ) -> tuple[float, bool]:
        """:func:`judge` of the span ``lo..hi`` (token positions; the whole comment by default);
        each span is judged once (a clause, its sentence and the whole comment are often one)."""
        hi = len(self.lemmas) if hi is None else hi
        key = (lo, hi, id(overrides) if overrides else 0)
        found = self._judged.get(key)
        if found is None:
            found = self._judged[key] = self._judge(lo, hi, overrides)
        return found

    def _judge(self, lo: int, hi: int, overrides: Mapping[str, float] | None) -> tuple[float, bool]:
        lang = self.lang
        if lang not in NEGATORS:
            return 0.0, False
        lemmas, cls = self.lemmas, self._cls
        positions = self._positions(lo, hi, overrides)
        amp = INTENSIFIERS[lang]
        total, judged = 0.0, False
        later = self._later(hi)  # "had a problem once but they fixed it", "was worried but it was painless"
        # positions are absolute: "before the span" is below lo, the span's windows end at hi
        far = lo - _NEG_SCOPE - 1
        negated_at = resolved_at = high_good_at = unsure_at = far
        boosted_at = lo - _WINDOW - 1
        for i in positions:
            lem = lemmas[i]
            kind, value, cores, _, _ = cls[i]
            if kind == _UNSURE:  # 希望, 不知道: what follows in the clause is hoped for or unknown (a judgement: none)
                if lem in _ZH_HOPE or (i > lo and lemmas[i - 1] == "不" and not _why(lemmas, i)):
                    unsure_at, negated_at, judged = i, far, True
                continue
            if kind >= _RESOLVER:
                if kind == _RESOLVER:
                    resolved_at = resolver_at(lemmas, i, lo, resolved_at)
                else:
                    high_good_at = i
                kind = _WORD
            if kind == _CONTEXTUAL:
                kind = _in_context(lem, lemmas, i, lang, lo, hi)
                if kind == _NUMBER:  # 近 before a number means "nearly", 最好 before a verb "had better", "can be worn"
                    continue
            if kind == _BREAK:
                negated_at = unsure_at = far
                continue
            if kind == _NEGATOR:
                neg, boost = negator_reach(lemmas, lang, i, lo, hi)
                negated_at, boosted_at = negated_at if neg is None else neg, boosted_at if boost is None else boost
                judged = judged or (i + 1 < hi and lemmas[i + 1] in MIDDLING)  # "nothing special": a middling verdict
                continue
            if kind == _VERDICT and not (overrides and lem in overrides and said_of(lemmas, i, lo, hi)):
                judged = True  # (a theme may value one said of it: food_delivery's 味道一般)
                if i - negated_at == 1:  # "not ordinary": the negation strengthens what follows
                    negated_at, boosted_at = far, i
                continue
            if overrides:
                value = _theme_value(lem, value, cores, overrides, i > lo and (cls[i - 1][1] or 0) < 0)
            if cores is not None:
                value = _zh_in_place(value, cores, i, lemmas, cls, _HIGH_NOUN, lo, hi, high_good_at, unsure_at)
            elif value and (lem in IDIOM_HEADS or (value < 0 and lang != "zh") or (i > lo and lemmas[i - 1] == "to")):
                # "hard to fault", "ждать не пришлось", "проблем нет"; a blame read away judges ("Problems? What
                judged, value = judged or value < 0, idiom(lemmas, i, lo, hi, lang, value)  # problems?")
            if not value:
                continue
            judged = judged or value < 0 or i not in self._wished  # (a praise wished for or bygone judges nothing)
            if self._set_aside(i, value, later, lo, hi):
                continue
            if value < 0 and i - negated_at > _NEG_SCOPE and (
                    (resolved_at >= lo and 0 < i - resolved_at <= _RESOLVED_SCOPE) or later >= 2
                    or any(i < c <= hi for c in self._mending) or i in self._mended
                    or fixed_after(lemmas, i, hi, lang, RESOLVERS[lang])):  # (not a blame denied: "no pressure")
                value = -0.5 * value  # "fixed the problem", "解决了一家人的洗头问题", "problem solved", 送错了马上来换了
            if i - boosted_at <= _WINDOW or not amp.isdisjoint(lemmas[max(lo, i - _WINDOW):i]):
                value *= 1.5
            if i - negated_at <= _NEG_SCOPE or (i - negated_at <= _NEG_SCOPE + 2 and negated_at >= lo  # ("no fees
                                                and not _OR.isdisjoint(lemmas[negated_at + 2:i])):  # or any ads")
                value = denied(lemmas, lang, value, negated_at, i, lo, hi, later)
                if value < 0 and i in self._excused:
                    continue  # a praise denied, then excused: "蛋糕不是很甜，刚刚好"
            total += value
        found = self.complaint(lo, hi)
        return total + WEIGHT * found, judged or bool(found)


def _theme_value(lem: str, value: float | None, cores: frozenset[str] | None, overrides: Mapping[str, float],
                 after_blame: bool) -> float | None:
    """``lem``'s value among a theme's own words (``overrides``), else ``value``; a theme's praise right after a word of
    blame is none ("poor value", "bad value for money")."""
    if cores is not None:
        return _zh_value(lem, overrides) if not cores.isdisjoint(overrides) else value
    own = overrides.get(lem, value)
    return 0 if lem in overrides and own and own > 0 and after_blame else own


def sign(value: float) -> int:
    """-1, 0 or +1."""
    return (value > 0) - (value < 0)
