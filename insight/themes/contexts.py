"""What a polarity model reads about a theme in a comment: the lemmas of the clauses in which the rules found it
("the waiter was rude" of "the pasta was great but the waiter was rude"), or the whole comment's
(:meth:`insight.themes.tagger.RuleTagger.theme_contexts`)."""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence

from insight.text.nlp import Analysed, segmenter_words
from insight.text.polarity import CLAUSE_BREAKS
from insight.themes.codeframe import PATTERN_LANGS
from insight.themes.mentions import TagResult


def theme_contexts(result: TagResult, asked: Sequence[tuple[int, str]], lineage: Mapping[str, Sequence[str]],
                   zh_words: Sequence[str]) -> list[str]:
    """Per ``(response, theme id)`` asked about: the space-joined lemmas of the clauses in which
    ``result`` found the theme or one of its sub-themes ("the waiter was rude" of "the pasta was
    great but the waiter was rude"), or of the whole comment when it found neither; what a
    polarity model reads about that theme."""
    m = result.mentions
    starts: dict[tuple[int, str], list[int]] = {}
    for rid, tid, start in zip(m["response"].tolist(), m["theme_id"].tolist(), m["start"].tolist()):
        if start < 0:  # a model's theme: no words of the comment to point at
            continue
        for theme in lineage.get(tid, (tid,)):
            starts.setdefault((rid, theme), []).append(start)
    langs, forms = result.prepared["lang"].tolist(), result.prepared["form"].tolist()
    analysed: dict[int, tuple[Analysed, list[int], list[int], list[int]]] = {}
    out = []
    with segmenter_words(zh_words):
        for rid, theme in asked:
            lang, form = langs[rid], forms[rid]
            if lang not in PATTERN_LANGS:
                out.append(form)
                continue
            if rid not in analysed:
                a = Analysed(lang, form)
                analysed[rid] = (a, *_clauses(a, lang))
            a, sent_of, clause_start, clause_end = analysed[rid]
            if (rid, theme) not in starts:
                out.append(a.lemma_string())
                continue
            tokens: set[int] = set()
            for start in starts[(rid, theme)]:
                j = max(0, bisect.bisect_right(a.idx, start) - 1)
                s_lo, s_hi = a.sents[sent_of[j]]
                tokens.update(range(max(s_lo, clause_start[j]), min(s_hi, clause_end[j])))
            out.append(" ".join(a.lemmas[j] for j in sorted(tokens) if not a.punct[j] and not a.space[j]))
    return out


def _clauses(a: Analysed, lang: str) -> tuple[list[int], list[int], list[int]]:
    """Per token of ``a``: its sentence, and the start and end of its clause (after the previous
    clause break, up to the next one; the sentence bounds them further)."""
    n = len(a.lemmas)
    breaks = CLAUSE_BREAKS[lang]
    is_break = [lem in breaks for lem in a.lemmas]
    sent_of = [0] * n
    for k, (lo, hi) in enumerate(a.sents):
        sent_of[lo:hi] = [k] * (hi - lo)
    # linear, not per match
    clause_start, clause_end = [0] * n, [n] * n
    last = 0
    for j, brk in enumerate(is_break):
        clause_start[j] = last
        if brk:
            last = j + 1
    nxt = n
    for j in range(n - 1, -1, -1):
        if is_break[j]:
            nxt = j
        clause_end[j] = nxt
    return sent_of, clause_start, clause_end
