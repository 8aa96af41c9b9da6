"""What the rule tagger finds: mentions (a theme, its polarity and evidence in a comment) and the
:class:`TagResult` of a tagging, with the operations that combine taggings."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import NamedTuple, Protocol

import numpy as np
import pandas as pd


class ReadsPolarity(Protocol):
    """What reads a whole comment's polarity (a :class:`~insight.themes.tagger.RuleTagger`)."""

    def comment_polarity(self, form: str, lang: str) -> int: ...


MENTION_COLUMNS = ["response", "theme_id", "top_theme", "polarity", "sentence", "evidence", "start", "end",
                   "source", "confidence"]


class Mention(NamedTuple):  # a tuple: workers send many of them back, and columns come by zip(*)
    theme_id: str
    polarity: int
    sentence: str
    evidence: str
    start: int  # character offsets in the comment's matching form
    end: int


@dataclass
class TagResult:
    """What the tagger found: per-response languages and theme lists, and the long mentions table."""

    prepared: pd.DataFrame  # lang, form, filler, content, duplicate (one row per input comment)
    mentions: pd.DataFrame  # MENTION_COLUMNS, one row per mention
    # per response (identical comments share one list and one dict: treat them as read-only)
    themes: list[list[str]]  # matched theme ids with their ancestors, codeframe order
    theme_polarity: list[dict[str, int]]  # theme id -> -1/0/+1
    # (lang, form) -> its lemmas, for discovery: of the comments the rules named no theme in, the
    # fallback aside (of every comment when tagged with all_lemmas, for a theme model)
    lemmas: dict[tuple[str, str], str] | None = None
    # (lang, form) -> the whole comment's lexicon polarity (asked when a theme the rules did not find is)
    comment_polarity: dict[tuple[str, str], int] | None = None

    def distinct_rows(self) -> tuple[list[tuple[str, str]], list[bool], dict[tuple[str, str], int]]:
        """Per response, its comment as (language, matching form) and whether it has content; and each
        distinct comment with content -> its first response (what is worked out once per comment)."""
        keys = list(zip(self.prepared["lang"].tolist(), self.prepared["form"].tolist()))
        content = self.prepared["content"].tolist()
        first: dict[tuple[str, str], int] = {}
        for i, (key, ok) in enumerate(zip(keys, content)):
            if ok:
                first.setdefault(key, i)
        return keys, content, first

    def comment_polarities(self, tagger: ReadsPolarity) -> list[int]:
        """The lexicon polarity of each response's whole comment (computed by ``tagger`` when this
        result does not carry them)."""
        keys = zip(self.prepared["lang"].tolist(), self.prepared["form"].tolist())
        if self.comment_polarity is not None:
            return [self.comment_polarity.get(key, 0) for key in keys]
        known: dict[tuple[str, str], int] = {}
        return [known[key] if key in known else known.setdefault(key, self.comment_polarity_of(key, tagger))
                for key in keys]

    def comment_polarity_of(self, key: tuple[str, str], tagger: ReadsPolarity) -> int:
        """The lexicon polarity of the whole comment ``key`` = (language, matching form)."""
        if self.comment_polarity is not None:
            return self.comment_polarity.get(key, 0)
        return tagger.comment_polarity(key[1], key[0])


def categorical(values: Sequence[str]) -> pd.Categorical:
    """A categorical of ``values`` with sorted categories, built without copying each value (a huge
    comment with thousands of mentions repeats one huge sentence: hashing it is cached by Python)."""
    index: dict[str, int] = {}
    codes = np.fromiter((index.setdefault(v, len(index)) for v in values), dtype=np.int64, count=len(values))
    order = list(index)  # first-seen order: the codes so far
    ranked = sorted(range(len(order)), key=order.__getitem__)
    position = np.empty(len(order), dtype=np.int64)
    position[ranked] = np.arange(len(order))
    return pd.Categorical.from_codes(position[codes] if len(values) else codes,
                                     categories=pd.Index([order[i] for i in ranked], dtype="str"))


def stack_tagged(first: TagResult, second: TagResult) -> TagResult:
    """Two taggings as one, ``second``'s responses after ``first``'s."""
    shifted = second.mentions.assign(response=second.mentions["response"] + len(first.themes))
    polarity = None if first.comment_polarity is None or second.comment_polarity is None else {
        **first.comment_polarity, **second.comment_polarity}
    return TagResult(pd.concat([first.prepared, second.prepared], ignore_index=True),
                     concat_mentions(first.mentions, shifted), first.themes + second.themes,
                     first.theme_polarity + second.theme_polarity, {**(first.lemmas or {}), **(second.lemmas or {})},
                     polarity)


def concat_mentions(first: pd.DataFrame, second: pd.DataFrame) -> pd.DataFrame:
    """Two mention tables one after the other, column by column: pd.concat would turn the
    categorical texts (sentence, evidence, source) into one string per row."""
    def text(values: pd.Series) -> pd.Categorical:  # categories of one dtype, whatever the column's
        if isinstance(values.dtype, pd.CategoricalDtype) and values.cat.categories.dtype == "str":
            return values.array  # as the tagger makes them: nothing to convert
        cat = pd.Categorical(values)
        return cat.set_categories(cat.categories.astype("str"))

    def joined(old: pd.Series, extra: pd.Series):
        if isinstance(old.dtype, pd.CategoricalDtype) or isinstance(extra.dtype, pd.CategoricalDtype):
            return union_sorted([text(old), text(extra)])
        return pd.concat([old, extra], ignore_index=True)

    return pd.DataFrame({name: joined(first[name].reset_index(drop=True), second[name].reset_index(drop=True))
                         for name in MENTION_COLUMNS}, columns=MENTION_COLUMNS)


def union_sorted(parts: Sequence[pd.Categorical]) -> pd.Categorical:
    """``union_categoricals(parts, sort_categories=True)`` of categoricals of strings (categories of
    dtype "str"), by pyarrow's hashing and sorting: pandas converted every category to a Python
    string (~0.1 s per column of a 100k survey's sentences). UTF-8's byte order is the strings'
    code point order, so the categories come in the same order."""
    import pyarrow as pa
    import pyarrow.compute as pc

    own = [pa.array(part.categories.array) for part in parts]
    categories = pc.unique(pa.concat_arrays(own))
    categories = categories.take(pc.sort_indices(categories))
    codes = []
    for part, cats in zip(parts, own):
        at = pc.index_in(cats, value_set=categories).to_numpy(zero_copy_only=False).astype(np.int64)
        codes.append(np.append(at, -1)[part.codes])  # (a missing value, code -1, stays missing)
    return pd.Categorical.from_codes(np.concatenate(codes) if codes else np.array([], dtype=np.int64),
                                     dtype=pd.CategoricalDtype(pd.Index(pd.array(categories, dtype="str"))))


def with_whole_comment_mentions(mentions: pd.DataFrame, rows: Sequence[int], theme_ids: Sequence[str],
                                top_themes: Sequence[str], polarity: Sequence[int], sentences: Sequence[str],
                                source: str, confidence: Sequence[float]) -> pd.DataFrame:
    """``mentions`` with one more mention per response of ``rows`` that points at no words of its
    comment (start and end -1, no evidence: a discovered theme's, the semantic tier's reading), the
    table kept sorted by response (each response's own mentions first)."""
    n = len(rows)
    added = pd.DataFrame({"response": np.array(rows, dtype=np.int64), "theme_id": pd.Series(theme_ids, dtype="str"),
                          "top_theme": pd.Series(top_themes, dtype="str"),
                          "polarity": np.array(polarity, dtype=np.int64),
                          "sentence": pd.Series(sentences, dtype="str"), "evidence": pd.Series([""] * n, dtype="str"),
                          "start": np.full(n, -1, dtype=np.int64), "end": np.full(n, -1, dtype=np.int64),
                          "source": pd.Series([source] * n, dtype="str"),
                          "confidence": np.array(confidence, dtype=np.float64)}, columns=MENTION_COLUMNS)
    joined = concat_mentions(mentions, added)
    return joined.take(np.argsort(joined["response"].to_numpy(), kind="stable")).reset_index(drop=True)


def spread(table: pd.DataFrame, found_of: Sequence[Sequence[Mention]], code: np.ndarray) -> pd.DataFrame:
    """The mentions of every response: ``table`` holds each distinct comment's mentions (``found_of``)
    one after the other, ``code`` gives each response's distinct comment (-1: none); by index arrays,
    with no Python object per response."""
    count = np.array([len(f) for f in found_of], dtype=np.int64)
    start = np.concatenate([[0], np.cumsum(count)[:-1]]) if len(count) else count
    rows = np.flatnonzero(code >= 0)
    rows = rows[count[code[rows]] > 0]
    per_row = count[code[rows]]
    first = np.repeat(start[code[rows]], per_row)
    offset = np.arange(per_row.sum()) - np.repeat(np.cumsum(per_row) - per_row, per_row)
    mentions = table.take(first + offset).reset_index(drop=True)
    mentions.insert(0, "response", np.repeat(rows, per_row))
    return mentions


def mention_table(found_of: Sequence[Sequence[Mention]], source: str, top: dict[str, str]) -> pd.DataFrame:
    """The mentions of each distinct comment, one after the other (MENTION_COLUMNS but the response),
    ``top``: theme id -> its top-level theme; the long texts repeat with their comment: stored once each (categorical), not once per row."""
    every = [m for found in found_of for m in found]
    # a column at a time (zip(*every) over 150,000 mentions took four times as long)
    theme_ids, polarity, sentence, evidence, starts, ends = (list(map(itemgetter(k), every)) for k in range(6))
    return pd.DataFrame({
        "theme_id": pd.Series(theme_ids, dtype="str"),
        "top_theme": pd.Series([top[t] for t in theme_ids], dtype="str"),
        "polarity": np.array(polarity, dtype=np.int64),
        "sentence": categorical(sentence),
        "evidence": categorical(evidence),
        "start": np.array(starts, dtype=np.int64),
        "end": np.array(ends, dtype=np.int64),
        "source": pd.Categorical.from_codes(np.zeros(len(every), dtype=np.int64),
                                            categories=pd.Index([source] if every else [], dtype="str")),
        "confidence": np.ones(len(every)),
    }, columns=MENTION_COLUMNS[1:])
