"""Themes over time: the change since the previous period, emerging themes, and each theme's share and
impact per period (and the cells of the report's table of them)."""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np
import pandas as pd

from insight.analysis.tables import segments_of
from insight.canonical import CATEGORIES
from insight.drivers import emerging, period_attribution
from insight.themes.codeframe import Codeframe

TREND_PERIODS = 8  # the last periods the theme trend table shows
TREND_THEMES = 15  # ... for the theme table's first themes


class Trends(NamedTuple):
    period_change: pd.DataFrame | None  # attribution of the change between the last two periods
    period_change_labels: tuple[str, str] | None
    emerging: pd.DataFrame | None
    theme_trend: pd.DataFrame  # theme_id, period, responses, share, nps, impact


def last_two(periods: list[dict]) -> tuple[int, int] | None:
    """The previous and the last of the periods with responses (``periods``: the NPS per period), if two."""
    nonempty = [i for i, r in enumerate(periods) if r["n"]]
    return (nonempty[-2], nonempty[-1]) if len(nonempty) >= 2 else None


def trends(codes: np.ndarray, keys: list, mentions: pd.DataFrame, categories: np.ndarray, periods: list[dict],
           cf: Codeframe, confidence: float) -> Trends:
    """Change since the previous period (``codes``, ``keys``: each response's period and the periods,
    as :func:`insight.score.groups.period_keys` gives them; ``periods``: the NPS per period), emerging
    themes, and each theme's share and impact per period."""
    labels = [g[0] for g in keys]
    change = change_labels = em = None
    pair = last_two(periods)
    if pair is not None:
        prev, cur = pair
        change = period_attribution(categories, codes, mentions, prev, cur)
        labels_map = {t.id: t.label_in("en") for t in cf.themes}
        change.insert(1, "label", change["theme_id"].map(labels_map).fillna(change["theme_id"]))
        change_labels = (labels[prev], labels[cur])
        em = emerging(codes, mentions, cur, confidence=confidence)
        em.insert(1, "label", em["theme_id"].map(labels_map))
    return Trends(change, change_labels, em, _per_period(codes, labels, mentions, categories))


def _per_period(codes: np.ndarray, labels: list[str], mentions: pd.DataFrame, categories: np.ndarray) -> pd.DataFrame:
    """Per period and top-level theme: share of the period's responses that mention it, the theme's
    NPS there and its remove-the-theme impact n_t (NPS_t - NPS) / (N - n_t)."""
    dated = codes >= 0
    per = np.bincount(codes[dated] * 3 + categories[dated], minlength=len(labels) * 3).reshape(-1, 3)
    rows = []
    if not mentions.empty:
        pairs = mentions[["response", "top_theme"]].drop_duplicates()
        resp = pairs["response"].to_numpy()
        pairs = pairs.assign(p=codes[resp], c=categories[resp])
        for theme, g in pairs[pairs["p"] >= 0].groupby("top_theme"):
            counts = np.bincount(g["p"] * 3 + g["c"], minlength=len(labels) * 3).reshape(-1, 3)
            for k, label in enumerate(labels):
                n_k, n_t = int(per[k].sum()), int(counts[k].sum())
                nps_k = 100.0 * (per[k, 2] - per[k, 0]) / n_k if n_k else math.nan
                nps_t = 100.0 * (counts[k, 2] - counts[k, 0]) / n_t if n_t else math.nan
                impact = n_t * (nps_t - nps_k) / (n_k - n_t) if n_t and n_k > n_t else math.nan
                rows.append({"theme_id": theme, "period": label, "responses": n_t,
                             "share": n_t / n_k if n_k else math.nan, "nps": nps_t, "impact": impact})
    return pd.DataFrame(rows, columns=["theme_id", "period", "responses", "share", "nps", "impact"])


def trend_cells(theme_trend: pd.DataFrame | None, periods: list[dict], theme_order: pd.Series
                ) -> tuple[dict[str, list[float]], dict[str, object] | None]:
    """Each theme's share per period, and the report's table of the first themes of ``theme_order``
    over the last periods ((share, impact) per period; None with fewer than two periods)."""
    if theme_trend is None or not len(theme_trend):
        return {}, None
    shares = {theme: g["share"].tolist() for theme, g in theme_trend.groupby("theme_id")}
    named = [p["period"] for p in periods if p["n"]]
    if len(named) < 2:
        return shares, None
    tt = theme_trend.set_index(["theme_id", "period"])
    shown = named[-TREND_PERIODS:]
    rows = [{"theme_id": tid, "cells": [(tt["share"].get((tid, p)), tt["impact"].get((tid, p))) for p in shown]}
            for tid in theme_order.head(TREND_THEMES) if tid in shares]
    return shares, {"periods": shown, "rows": rows}


def alert_groups(responses: pd.DataFrame, codes: np.ndarray, keys: list, mentions: pd.DataFrame,
                 categories: np.ndarray, periods: list[dict], by: list[str]
                 ) -> list[tuple[dict[str, object], int, int, int, int]]:
    """The groups whose detractor share is compared between the last two periods with responses
    (see :func:`insight.score.alerts.detractor_alerts`): all responses; each segment of the ``by``
    columns (its detractors among its responses); each top-level theme (the period's responses that
    are detractors naming it, among all the period's responses)."""
    pair = last_two(periods)
    if pair is None:
        return []
    prev, cur = pair
    span = {"from": keys[prev][0], "to": keys[cur][0]}
    detractor = categories == CATEGORIES.index("detractor")
    in_prev, in_cur = codes == prev, codes == cur

    def counts(mask: np.ndarray, among: np.ndarray) -> tuple[int, int, int, int]:
        return (int((detractor & mask & in_prev).sum()), int((among & in_prev).sum()),
                int((detractor & mask & in_cur).sum()), int((among & in_cur).sum()))

    everyone = np.ones(len(responses), dtype=bool)
    out = [({"scope": "overall", **span}, *counts(everyone, everyone))]
    for column, value, idx in segments_of(responses, by):
        mask = np.zeros(len(responses), dtype=bool)
        mask[idx] = True
        out.append(({"scope": "segment", "column": column, "value": str(value), **span}, *counts(mask, mask)))
    if not mentions.empty:
        pairs = mentions[["response", "top_theme"]].drop_duplicates()
        for theme, g in pairs.groupby("top_theme", observed=True, sort=True):
            mask = np.zeros(len(responses), dtype=bool)
            mask[g["response"].to_numpy()] = True
            out.append(({"scope": "theme", "theme_id": str(theme), **span}, *counts(mask, everyone)))
    return out
