"""The workspace's numbers of one run: the report's theme table and drivers (:func:`insight.drivers.theme_table`,
:func:`insight.drivers.attribution`) on a run's mentions with the analysts' merges followed, and the same
on one segment's responses."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from insight import settings
from insight.drivers import attribution, theme_table

N_BOOT = 200  # resamples of each theme's impact interval (the report's 1,000 cost 5x the time)


@dataclass(frozen=True)
class Tables:
    """A run's numbers for one wave: responses, the theme table (one row per top-level theme, polarity
    "all", with ``negative``: the share of its mentions that blame it) and the drivers, with the
    analysts' merges applied; the sub-themes' own numbers (as ``themes``: each mention counted under
    its own theme with the merges followed; no drivers, which split a response's points among
    top-level themes); and ``split``: each theme's and sub-theme's responses, NPS and group shares by
    the polarity of its mentions ("-1", "0", "+1": a response may be in two when it both blames and
    praises it)."""

    responses: pd.DataFrame
    themes: pd.DataFrame
    drivers: pd.DataFrame
    sub_themes: pd.DataFrame
    split: pd.DataFrame


def each(ids: pd.Series, of) -> pd.Series:
    """``of(id)`` for each of ``ids`` (millions of mentions, a few dozen distinct ids: once per id)."""
    distinct = pd.unique(ids.to_numpy())
    return ids.map(dict(zip(distinct, (of(i) for i in distinct)))).astype(object) if len(ids) else ids.astype(object)


def catalog_state(catalog: dict[str, dict[str, object]]) -> str:
    """The catalog's state as far as numbers go: its newest change."""
    return max((str(r["updated_at"]) for r in catalog.values()), default="")


def theme_rows(categories, mentions: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """:func:`theme_table`'s "all" rows of ``mentions`` (by their ``top_theme``), with ``negative``: the
    share of a theme's mentions that blame it; and its rows by polarity ("-1", "0", "+1")."""
    table = theme_table(categories, mentions, n_boot=N_BOOT, seed=0, min_n=settings.MIN_N)
    negative = mentions[mentions["polarity"] < 0].groupby("top_theme").size()
    every = mentions.groupby("top_theme").size()
    themes = table[table["polarity"] == "all"].reset_index(drop=True)
    themes["negative"] = [negative.get(tid, 0) / every.get(tid, 1) for tid in themes["theme_id"]]
    split = table.loc[table["polarity"] != "all", ["theme_id", "polarity", "responses", "mentions", "nps",
                                                   "share_detractors", "share_passives", "share_promoters"]]
    return themes, split.reset_index(drop=True)


def within(responses: pd.DataFrame, mentions: pd.DataFrame, member: pd.Series) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The responses whose id (``pk``) ``member`` marks True (missing: not a member) and their mentions,
    renumbered."""
    keep = member.reindex(responses["pk"].to_numpy()).fillna(False).to_numpy(dtype=bool)
    position = np.cumsum(keep) - 1
    at = mentions["response"].to_numpy()
    mentions = mentions[keep[at]]
    return (responses[keep].reset_index(drop=True),
            mentions.assign(response=position[mentions["response"].to_numpy()]).reset_index(drop=True))


def segment_rows(value: str, categories: np.ndarray, mentions: pd.DataFrame) -> pd.DataFrame:
    """:meth:`insight.serve.data.Workspace.by_segment`'s rows of one segment value."""
    n = len(categories)
    counts = np.bincount(categories, minlength=3) if n else np.zeros(3, int)
    named = mentions[["response", "top_theme"]].drop_duplicates()
    cat = categories[named["response"].to_numpy()] if len(named) else np.array([], np.int8)
    per = pd.DataFrame({"theme_id": named["top_theme"].to_numpy(), "detractor": cat == 0, "promoter": cat == 2})
    per = per.groupby("theme_id").agg(responses=("detractor", "size"), d=("detractor", "sum"), p=("promoter", "sum"))
    drivers = attribution(categories, mentions) if n else pd.DataFrame({"kind": [], "theme_id": [], "contribution": []})
    points = drivers.groupby(["theme_id", "kind"])["contribution"].sum()
    ids = ["", *per.index]
    return pd.DataFrame({
        "value": value, "n": n, "segment_nps": 100 * (counts[2] - counts[0]) / n if n else math.nan,
        "theme_id": ids, "responses": [n, *per["responses"]],
        "nps": [100 * (counts[2] - counts[0]) / n if n else math.nan,
                *(100 * (per["p"] - per["d"]) / per["responses"]).to_numpy(dtype=float)],
        "lost": [float(points.get((tid, "detractor"), 0.0)) for tid in ids],
        "won": [float(points.get((tid, "promoter"), 0.0)) for tid in ids]},
        columns=["value", "n", "segment_nps", "theme_id", "responses", "nps", "lost", "won"])


def shares(tables: Tables) -> dict[str, float]:
    """Each top-level theme's share of the responses."""
    return dict(zip(tables.themes["theme_id"], tables.themes["responses"] / max(1, len(tables.responses))))


def merged_of(theme_id: str, catalog: dict[str, dict[str, object]]) -> str:
    """The theme a mention counts as now, at its own level: followed through the analysts' merges."""
    seen: set[str] = set()
    tid = theme_id
    while tid in catalog and tid not in seen and catalog[tid]["merged_into"]:
        seen.add(tid)
        tid = catalog[tid]["merged_into"]
    return tid


def top_of(theme_id: str, catalog: dict[str, dict[str, object]]) -> str:
    """The top-level theme a mention counts towards now: its root, followed through the analysts'
    merges (a merge target's own root)."""
    seen: set[str] = set()
    tid = theme_id
    while tid in catalog and tid not in seen:
        seen.add(tid)
        row = catalog[tid]
        nxt = row["merged_into"] or row["parent"]
        if not nxt:
            break
        tid = nxt
    return tid


def growing(themes: pd.DataFrame, now: Tables, before: Tables, top: int = 3) -> list[dict[str, object]]:
    """The themes whose share of responses grew most from ``before`` to ``now``."""
    earlier = shares(before)
    grown = themes.assign(share=themes["responses"] / max(1, len(now.responses)))
    grown = grown.assign(before=[earlier.get(tid, 0.0) for tid in grown["theme_id"]])
    grown = grown.assign(change=grown["share"] - grown["before"])
    return grown[grown["change"] > 0].sort_values("change", ascending=False, kind="stable").head(top).to_dict("records")
