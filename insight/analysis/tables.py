"""The tables of an analysis: theme tables per segment, mentions per scope, questions, text counts."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pandas as pd

from insight.canonical import CATEGORIES, MISSING_SEGMENT
from insight.drivers import NO_THEME, attribution, join_theme_tables, restrict, theme_table
from insight.load import question_column
from insight.themes.codeframe import Codeframe
from insight.themes.mentions import TagResult
from insight.themes.tagger import RuleTagger


def for_statistics(mentions: pd.DataFrame) -> pd.DataFrame:
    """The mention columns the theme tables and driver attribution read, the theme as a categorical
    (which they group ~30% faster than Arrow strings; same results)."""
    return mentions[["response", "top_theme", "polarity"]].astype({"top_theme": "category"})


def segments_of(responses: pd.DataFrame, by: Sequence[str]) -> list[tuple[str, str, np.ndarray]]:
    """(column, value, the responses with it) of each segment of each ``by`` column."""
    out = []
    for column in by:
        values = responses[column].astype("string").fillna(MISSING_SEGMENT)
        for value in sorted(values.unique()):
            out.append((column, value, np.flatnonzero((values == value).to_numpy())))
    return out


def theme_tables(categories: np.ndarray, mentions: pd.DataFrame, segments: list[tuple[str, str, np.ndarray]],
                  **stats) -> list[pd.DataFrame]:
    """The theme table of all the responses, then of each segment (``mentions`` as
    :func:`for_statistics` gives them: restricting them stays cheap)."""
    return [theme_table(categories, mentions, **stats), *segment_tables(categories, mentions, segments, **stats)]


def segment_tables(categories: np.ndarray, mentions: pd.DataFrame, segments: list[tuple[str, str, np.ndarray]],
                   **stats) -> list[pd.DataFrame]:
    """The theme table of each segment (``mentions`` as :func:`for_statistics` gives them)."""
    return [theme_table(categories[idx], restrict(mentions, idx), **stats) for _, _, idx in segments]


def per_segment(segments: list[tuple[str, str, np.ndarray]], categories: np.ndarray, mentions: pd.DataFrame,
                 tables: list[pd.DataFrame], label: dict[str, str], confidence: float) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The driver attribution and the theme table (``tables``, :func:`theme_tables`' per segment)
    within each segment, with the segment's column, value and the themes' labels."""
    drivers, themes = [], []
    for (column, value, idx), table in zip(segments, tables):
        for parts, frame in ((drivers, attribution(categories[idx], restrict(mentions, idx), confidence=confidence)),
                             (themes, table.copy())):
            frame.insert(0, "segment", value)
            frame.insert(0, "column", column)
            frame.insert(3, "label", frame["theme_id"].map(label).fillna(frame["theme_id"]))
            parts.append(frame)
    return (pd.concat(drivers, ignore_index=True) if drivers else pd.DataFrame(),
            pd.concat(themes, ignore_index=True) if themes else pd.DataFrame())


def by_segment_late(categories: np.ndarray, scored: pd.DataFrame, late: pd.DataFrame | None,
                    settled: list[pd.DataFrame], segments: list, label: dict[str, str], stats: dict
                    ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """:func:`per_segment`'s drivers and theme tables: ``settled`` (the segments' tables made while
    discovery ran) joined with those of ``late``, the mentions of the themes discovery changed (the
    fallback and discovered ones; None: no discovery)."""
    tables = settled
    if late is not None:
        tables = [join_theme_tables(a, b) for a, b in zip(settled, segment_tables(categories, late, segments, **stats))]
    return per_segment(segments, categories, scored, tables, label, stats["confidence"])


def mentions_of(tagged: TagResult, responses: pd.DataFrame, scope: np.ndarray | None
                 ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Every response's mentions with its response id, and those of the responses ``scope``
    (renumbered; all of them when ``scope`` is None)."""
    every = tagged.mentions.copy(deep=False)  # copy-on-write
    every.insert(0, "response_id", responses["response_id"].to_numpy()[every["response"].to_numpy()]
                 if len(every) else pd.Series(dtype="string"))
    return every, (restrict(every, scope).reset_index(drop=True) if scope is not None else every)


def subset(tagged: TagResult, idx: np.ndarray) -> TagResult:
    """The tagging of the responses ``idx`` only, renumbered from 0."""
    return TagResult(tagged.prepared.iloc[idx].reset_index(drop=True), restrict(tagged.mentions, idx),
                     [tagged.themes[i] for i in idx], [tagged.theme_polarity[i] for i in idx], tagged.lemmas,
                     tagged.comment_polarity)


def discovered_columns(members: np.ndarray, proposals: pd.DataFrame) -> tuple[pd.Categorical, pd.Categorical]:
    """Per response: the id (discovered_3) and label of the proposed theme its comment is in, else empty."""
    codes = np.maximum(members, 0).astype(np.int32)
    ids = ["", *proposals["id"]]
    labels = ["", *(f"{label} ({pid})" for pid, label in zip(proposals["id"], proposals["label"]))]
    return pd.Categorical.from_codes(codes, categories=ids), pd.Categorical.from_codes(codes, categories=labels)


def by_question(tagger: RuleTagger, responses: pd.DataFrame, questions: Sequence[str], label: dict[str, str],
                 n_jobs: int | None) -> tuple[pd.DataFrame | None, dict[tuple[int, str], tuple[str, str]]]:
    """Each open question's answers tagged on their own (a survey with several): per question and
    top-level theme, how many answered it, how many of them name the theme and with which polarity;
    and for each (response, theme) the first question whose answer names it, with that answer."""
    if not questions:
        return None, {}
    rows, asked = [], {}
    for question in questions:
        answers = responses[question_column(question)].astype("string").fillna("").str.strip()
        tagged = tagger.tag(answers.tolist(), n_jobs=n_jobs, whole_polarity=False)
        answered = int((answers != "").sum())
        pairs = tagged.mentions[["response", "top_theme", "polarity"]]
        texts = answers.tolist()
        first = pairs.drop_duplicates(["response", "top_theme"])
        for response, theme in zip(first["response"].tolist(), first["top_theme"].astype(str).tolist()):
            if (response, theme) not in asked:
                asked[(response, theme)] = (question, texts[response])
        per = pairs.groupby(["top_theme", "response"])["polarity"].sum().apply(np.sign).reset_index()
        for theme, g in per.groupby("top_theme", sort=True):
            counts = g["polarity"].value_counts()
            rows.append({"question": question, "theme_id": str(theme), "label": label.get(str(theme), str(theme)),
                         "answers": answered, "responses": len(g), "share": len(g) / answered if answered else math.nan,
                         "negative": int(counts.get(-1, 0)), "neutral": int(counts.get(0, 0)),
                         "positive": int(counts.get(1, 0))})
    columns = ["question", "theme_id", "label", "answers", "responses", "share", "negative", "neutral", "positive"]
    return pd.DataFrame(rows, columns=columns), asked


def themes_overview(table: pd.DataFrame, cf: Codeframe) -> pd.DataFrame:
    """Top-level themes (polarity "all") with their mention counts by polarity."""
    roots = set(cf.roots)
    overall = table[(table["polarity"] == "all") & table["theme_id"].isin(roots)].copy()
    for pol, name in (("-1", "negative"), ("0", "neutral"), ("+1", "positive")):
        part = table[table["polarity"] == pol].set_index("theme_id")["responses"]
        overall[f"responses_{name}"] = overall["theme_id"].map(part).fillna(0).astype(int)
    order = {tid: i for i, tid in enumerate(cf.ids)}
    overall = overall.sort_values("impact", key=lambda s: s.abs(), ascending=False, kind="stable")
    overall["codeframe_order"] = overall["theme_id"].map(order)
    overall["discovered"] = overall["theme_id"].map({t.id: t.discovered for t in cf.themes}).fillna(False).astype(bool)
    return overall.drop(columns="polarity").reset_index(drop=True)


def text_counts(prepared: pd.DataFrame, themes: list[list[str]], cf: Codeframe) -> dict[str, int]:
    """How the comments were read: with content, fillers, duplicates, tagged (any theme), and of the
    comments with content, those a codeframe theme names, those only the fallback theme takes
    (judged, nothing named), those a discovered theme explains, and those nothing explains."""
    content = prepared["content"].to_numpy()
    discovered = {t.id for t in cf.themes if t.discovered}
    kind = np.zeros(len(themes), dtype=np.int8)  # 0 nothing, 1 codeframe, 2 fallback only, 3 discovered
    for i, ids in enumerate(themes):
        if ids:
            kind[i] = 3 if ids[0] in discovered else 2 if ids == [cf.fallback] else 1
    counts = np.bincount(kind[content], minlength=4)
    return {
        "responses": len(prepared),
        "with_content": int(content.sum()),
        "fillers": int(prepared["filler"].sum()),
        "duplicates": int(prepared["duplicate"].sum()),
        "tagged": int(sum(1 for t in themes if t)),
        "by_codeframe": int(counts[1]), "by_fallback": int(counts[2]), "by_discovery": int(counts[3]),
        "unexplained": int(counts[0]),
    }


def segment_top_drivers(segment_drivers: pd.DataFrame | None, n: int = 3) -> list[dict[str, object]]:
    """Per segment, its ``n`` top detractor drivers (the part no theme explains left out)."""
    if segment_drivers is None or not len(segment_drivers):
        return []
    sd = segment_drivers
    out = []
    for (column, segment), g in sd[(sd["kind"] == "detractor") & (sd["theme_id"] != NO_THEME)].groupby(
            ["column", "segment"], sort=False):
        top = g.sort_values("contribution", ascending=False, kind="stable").head(n)
        out.append({"column": column, "segment": segment, "drivers": [
            {"theme_id": r.theme_id, "contribution": r.contribution, "significant": r.significant}
            for r in top.itertuples()]})
    return out


def question_cells(questions: pd.DataFrame | None, n: int = 15) -> dict[str, object] | None:
    """The table of themes by open question: the ``n`` themes most named, each question's share and
    blame (None without several questions)."""
    if questions is None or not len(questions):
        return None
    q = questions
    order = q.groupby("theme_id")["responses"].sum().sort_values(ascending=False, kind="stable").index[:n]
    asked = list(dict.fromkeys(q["question"]))
    cells = {(r.theme_id, r.question): {"share": r.share, "negative": r.negative} for r in q.itertuples()}
    return {"questions": asked,
            "answers": [int(q.loc[q["question"] == name, "answers"].iloc[0]) for name in asked],
            "rows": [{"theme_id": tid, "cells": [cells.get((tid, name)) for name in asked]} for tid in order]}


def close_the_loop(responses: pd.DataFrame) -> dict[str, tuple[int, int]]:
    """Per category: its responses, and those of them with a comment (the close-the-loop lists' sizes)."""
    has_comment = responses["comment"].fillna("").str.strip() != ""
    return {cat: (int((responses["category"] == cat).sum()), int(((responses["category"] == cat) & has_comment).sum()))
            for cat in CATEGORIES}


def call_lists(responses: pd.DataFrame) -> dict[str, np.ndarray]:
    """The close-the-loop lists: per category, the positions of its responses in ``responses`` in the
    order to contact them - detractors lowest score first, promoters highest first, and in each
    category those who explained themselves first; then by response id."""
    silent = (responses["comment"].fillna("").str.strip() == "").to_numpy()
    keys = pd.DataFrame({"category": responses["category"].to_numpy(), "score": responses["score"].to_numpy(),
                         "silent": silent, "response_id": responses["response_id"].to_numpy(),
                         "at": np.arange(len(responses))})
    order = {"detractor": (["score", "silent", "response_id"], True),
             "passive": (["silent", "response_id"], True),
             "promoter": (["silent", "score", "response_id"], [True, False, True])}
    return {cat: keys[keys["category"] == cat].sort_values(by, ascending=up, kind="stable")["at"].to_numpy()
            for cat, (by, up) in order.items()}


FIX_FIRST = 3  # themes in the report's "fix first" box
MIXED_PRAISE = 0.5  # a theme praised by at least this share of those who blame it is "both"


def fix_first(themes: pd.DataFrame, drivers: pd.DataFrame, quotes: dict[str, list[dict[str, object]]],
              shares: dict[str, list[float]], catalog: dict[str, dict[str, str | None]]) -> list[dict[str, object]]:
    """The themes that cost the most NPS points (most negative impact, with its interval), each with
    the detractors who name it (count and share), its share of responses in the previous and the
    last period, its triage status, two blaming quotes, and how many blame and praise it (``mixed``:
    praised by at least half as many as blame it)."""
    detractors = drivers[drivers["kind"] == "detractor"].set_index("theme_id")
    out = []
    for row in themes[themes["impact"] < 0].sort_values("impact", kind="stable").head(FIX_FIRST).itertuples():
        named = detractors.loc[row.theme_id] if row.theme_id in detractors.index else None
        periods = [s for s in shares.get(row.theme_id, []) if s == s]  # the periods with responses
        neg, pos = int(row.responses_negative), int(row.responses_positive)
        out.append({
            "theme_id": row.theme_id, "impact": float(row.impact), "ci_low": float(row.impact_ci_low),
            "ci_high": float(row.impact_ci_high),
            "detractors": int(named["respondents"]) if named is not None else 0,
            "share_detractors": float(named["share_of_kind"]) if named is not None else 0.0,
            "trend": (periods[-2], periods[-1]) if len(periods) >= 2 else None,
            "status": catalog.get(row.theme_id),
            "quotes": [q for q in quotes.get(row.theme_id, []) if q["polarity"] < 0][:2],
            "blamed": neg, "praised": pos, "mixed": neg > 0 and pos >= MIXED_PRAISE * neg,
        })
    return out
