"""Quotes: whole comments that show each theme, blame first, chosen deterministically and redacted."""

from __future__ import annotations

import hashlib

import numpy as np
import pandas as pd

from insight.text.normalize import redact
from insight.themes.codeframe import Codeframe

QUOTES_PER_THEME = 4


def _stable_key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def quotes(mentions: pd.DataFrame, responses: pd.DataFrame, cf: Codeframe,
            asked: dict[tuple[int, str], tuple[str, str]] | None = None) -> dict[str, list[dict[str, object]]]:
    """Up to QUOTES_PER_THEME redacted quotes per top-level theme, blame first, chosen deterministically.

    Quotes are whole comments in their original language and script - with several open questions,
    the answer to the question in which the theme was named, and that question (``asked``:
    (response, theme) -> (question, answer)) - readable length (20-300 characters) first, then comments about fewer themes, then shorter, ties broken by a hash of
    the text.
    """
    if mentions.empty:
        return {}
    comments = responses["comment"].fillna("")
    lengths = comments.str.len().to_numpy()
    nonblank = (comments.str.strip() != "").to_numpy()
    comments = comments.to_numpy()
    scores = responses["score"].to_numpy()
    out: dict[str, list[dict[str, object]]] = {}
    m = mentions[["response", "top_theme", "polarity"]].drop_duplicates(["response", "top_theme"])
    focus_of = m.groupby("response")["top_theme"].size()  # quotes about one theme say more about it
    focus = np.zeros(len(responses), dtype=np.int64)
    focus[focus_of.index.to_numpy()] = focus_of.to_numpy()
    for theme, group in m.groupby("top_theme", sort=False):
        picks = []
        for pol in (-1, 1, 0):
            cand = group[group["polarity"] == pol]["response"].to_numpy()
            cand = cand[nonblank[cand]]
            need, got, seen = (2 if pol else 1), 0, set()
            # order by (outside 20-300 characters, themes in the response, length), then by text hash;
            # the hash is computed only for the leading groups of equal keys that are needed
            bad, foc, length = ~((lengths[cand] >= 20) & (lengths[cand] <= 300)), focus[cand], lengths[cand]
            order = np.lexsort((length, foc, bad))
            keys = np.column_stack([bad[order], foc[order], length[order]])
            bounds = np.flatnonzero(np.any(keys[1:] != keys[:-1], axis=1)) + 1
            for lo, hi in zip([0, *bounds.tolist()], [*bounds.tolist(), len(order)]):
                members = [(str(comments[i]), int(i)) for i in cand[order[lo:hi]]]
                members.sort(key=lambda t: _stable_key(t[0]))
                for text, i in members:
                    if text in seen:
                        continue
                    seen.add(text)
                    question, answer = (asked or {}).get((i, str(theme)), (None, text))
                    picks.append({"text": redact(answer), "polarity": pol, "score": int(scores[i]),
                                  "question": question})
                    got += 1
                    if got >= need:
                        break
                if got >= need:
                    break
        out[str(theme)] = picks[:QUOTES_PER_THEME]
    return out
