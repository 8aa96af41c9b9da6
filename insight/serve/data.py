"""What the workspace shows, read from the history store.

The numbers of a wave come from its newest recorded run (``insight report --wave`` records one, with
the mentions of that wave): its mentions, with the analysts' merges applied now, go through the
report's own functions (:func:`insight.drivers.theme_table`, :func:`insight.drivers.attribution`), so
a theme's impact and drivers here are the report's. A run's tables are computed once per catalog
state and kept. A sub-theme's numbers count towards its top-level theme, as in the report's tables;
a sub-theme's page has its own numbers too (:attr:`Tables.sub_themes`). A computation asked for while
another thread makes it waits for that one (a 1M-response wave's tables take a minute or two).
"""

from __future__ import annotations

import math
import threading
from collections import OrderedDict
from dataclasses import dataclass

import pandas as pd

from insight import settings
from insight.drivers import NO_THEME, attribution, theme_table
from insight.store import Store

N_BOOT = 200  # resamples of each theme's impact interval (the report's 1,000 cost 5x the time)
KEPT = 16  # computed answers kept in memory (tables per run, wave and catalog state; catalog; waves)
COUNTS = 10_000  # numbers of verbatims kept (each a few bytes; kept apart so they never push tables out)


@dataclass(frozen=True)
class Tables:
    """A run's numbers for one wave: responses, the theme table (one row per top-level theme, polarity
    "all", with ``negative``: the share of its mentions that blame it) and the drivers, with the
    analysts' merges applied; and the sub-themes' own numbers (as ``themes``: each mention counted under
    its own theme with the merges followed; no drivers, which split a response's points among
    top-level themes)."""

    responses: pd.DataFrame
    themes: pd.DataFrame
    drivers: pd.DataFrame
    sub_themes: pd.DataFrame


class Workspace:
    """The workspace's reads of one store; safe to share between the server's threads."""

    def __init__(self, store: Store, lang: str = "en") -> None:
        self.store, self.lang = store, lang
        self._kept: OrderedDict[tuple, object] = OrderedDict()
        self._counts: OrderedDict[tuple, int] = OrderedDict()  # verbatims per (run, themes, wave), apart
        self._making: dict[tuple, threading.Event] = {}  # answers being computed
        self._lock = threading.Lock()

    def _kept_or(self, key: tuple, compute):
        """The answer kept under ``key``, else ``compute()``'s, kept (the KEPT most recently used stay);
        made once when several threads ask at once (the others wait for it)."""
        while True:
            with self._lock:
                if key in self._kept:
                    self._kept.move_to_end(key)
                    return self._kept[key]
                making = self._making.get(key)
                if making is None:
                    making = self._making[key] = threading.Event()
                    break
            making.wait()  # then kept - or, when that computation failed, made again here
        try:
            value = compute()
            with self._lock:
                self._kept[key] = value
                while len(self._kept) > KEPT:
                    self._kept.popitem(last=False)
            return value
        finally:
            with self._lock:
                self._making.pop(key).set()

    def _cached(self, name: str, compute):
        """``compute()``, kept until the store changes (:meth:`Store.state`)."""
        return self._kept_or((name, self.store.state()), compute)

    def catalog_rows(self) -> dict[str, dict[str, object]]:
        """theme id -> its catalog row (label in the workspace's language)."""
        return self._cached("catalog", lambda: {
            r["theme_id"]: {**r, "label": r["labels"].get(self.lang) or r["label"]}
            for r in self.store.themes(counts=False)})

    def history(self) -> list[dict[str, object]]:
        """Each wave's NPS and interval (:meth:`Store.history`), kept until the store changes."""
        return self._cached("history", self.store.history)

    def tables(self, run: dict, wave: str | None, catalog: dict[str, dict[str, object]]) -> Tables:
        """The run's tables for ``wave`` (None: the run's own), computed once per catalog state."""
        wave = wave or run["wave"]
        key = (run["id"], wave, max((str(r["updated_at"]) for r in catalog.values()), default=""))
        return self._kept_or(key, lambda: self._computed(run, wave, catalog))

    def _computed(self, run: dict, wave: str, catalog: dict[str, dict[str, object]]) -> Tables:
        responses, mentions = self.store.run_frames(run["id"], wave)
        mentions = mentions.assign(top_theme=[top_of(tid, catalog) for tid in mentions["theme_id"]])
        categories = responses["category"].to_numpy()
        drivers = attribution(categories, mentions) if len(responses) else pd.DataFrame(
            {"kind": [], "theme_id": [], "contribution": []})
        own = [merged_of(tid, catalog) for tid in mentions["theme_id"]]
        subs = mentions.assign(top_theme=own)[[bool(catalog.get(tid, {}).get("parent")) for tid in own]]
        return Tables(responses, _theme_rows(categories, mentions), drivers, _theme_rows(categories, subs))

    def verbatims(self, run_id: int, theme_ids: list[str], *, wave: str | None = None, search: str = "",
                  offset: int = 0, limit: int = 50) -> tuple[list[dict], int]:
        """:meth:`Store.verbatims`, their number kept per run, themes and wave (a run's mentions do not
        change; a search's are counted each time)."""
        key = (run_id, tuple(theme_ids), wave)
        with self._lock:
            total = None if search else self._counts.get(key)
        rows, total_now = self.store.verbatims(run_id, theme_ids, wave=wave, search=search, offset=offset,
                                               limit=limit, total=total)
        if not search and total is None:
            with self._lock:
                self._counts[key] = total_now
                while len(self._counts) > COUNTS:
                    self._counts.popitem(last=False)
        return rows, total_now

    def warm(self) -> None:
        """Compute what the first pages need (the newest wave's tables and the previous wave's); a store
        that cannot be read now is left for the pages to report."""
        try:
            self.overview()
        except Exception:  # noqa: BLE001 - a page will show the error itself
            pass

    def overview(self) -> dict[str, object] | None:
        """The latest wave: NPS with its interval and the waves before, the themes that cost most
        ("fix first"), the themes whose share grew most since the previous wave, and the share of the
        detractors' lost points no theme explains. None when the store holds no run."""
        run = self.store.latest_run()
        if run is None:
            return None
        history = self.history()
        waves = [h["wave"] for h in history]
        wave = run["wave"]
        catalog = self.catalog_rows()
        now = self.tables(run, wave, catalog)
        themes = self._named(now.themes, catalog)
        detractor = now.drivers[now.drivers["kind"] == "detractor"]
        lost = float(detractor["contribution"].sum())
        unexplained = float(detractor.loc[detractor["theme_id"] == NO_THEME, "contribution"].sum())
        rising: list[dict[str, object]] | None = None  # None: no report of the previous wave to compare with
        earlier = self.store.latest_run(waves[waves.index(wave) - 1]) if wave in waves and waves.index(wave) else None
        if earlier is not None:
            rising = _rising(themes, now, self.tables(earlier, earlier["wave"], catalog))
        costly = themes[themes["impact"] < 0].sort_values("impact", kind="stable").head(3)
        return {"run": run, "wave": wave, "history": history,
                "current": next((h for h in history if h["wave"] == wave), None),
                "fix_first": costly.to_dict("records"),
                "rising": rising, "unexplained": unexplained / lost if lost else None,
                "responses": len(now.responses)}

    def themes(self, wave: str | None = None, status: str | None = None, owner: str | None = None
               ) -> tuple[dict | None, list[dict[str, object]]]:
        """The run of ``wave`` (default: the newest run) and the top-level themes with their numbers
        and triage, most costly first; with ``status``/``owner`` only those."""
        run = self.store.latest_run(wave)
        if run is None:
            return None, []
        catalog = self.catalog_rows()
        table = self._named(self.tables(run, None, catalog).themes, catalog)
        if status:
            table = table[table["status"] == status]
        if owner:
            table = table[table["owner"].fillna("").str.casefold() == owner.casefold()]
        return run, table.sort_values(["impact", "theme_id"], kind="stable").to_dict("records")

    def theme(self, theme_id: str, wave: str | None = None) -> dict[str, object] | None:
        """A theme's page: its catalog entry and history, its numbers in ``wave`` (default: the newest
        run's) and in each reported wave, its drivers by group, and the themes merged into it. None
        for an unknown theme."""
        catalog = self.catalog_rows()
        if theme_id not in catalog:
            return None
        entry = {**self.store.theme(theme_id, counts=False), "label": catalog[theme_id]["label"]}
        run = self.store.latest_run(wave)
        if run is None:
            return {"entry": entry, "run": None, "family": [theme_id], "children": []}
        now = self.tables(run, None, catalog)
        sub = bool(entry.get("parent"))  # a sub-theme's own numbers; a top-level theme's count its sub-themes'
        table = now.sub_themes if sub else now.themes
        row = table[table["theme_id"] == theme_id]
        drivers = [] if sub else now.drivers[now.drivers["theme_id"] == theme_id].to_dict("records")
        per_wave = []
        for h in self.history():
            of_wave = self.store.latest_run(h["wave"])
            t = None if of_wave is None else getattr(self.tables(of_wave, None, catalog),
                                                     "sub_themes" if sub else "themes")
            hit = t[t["theme_id"] == theme_id] if t is not None else pd.DataFrame()
            found = len(hit) > 0
            per_wave.append({"wave": h["wave"], "n": h["n"], "reported": of_wave is not None,
                             "responses": int(hit["responses"].iloc[0]) if found else 0,
                             "nps": float(hit["nps"].iloc[0]) if found else math.nan})
        children = [r for r in catalog.values() if r["parent"] == theme_id and not r["merged_into"]]
        if children:
            own = now.sub_themes.set_index("theme_id")
            children = [{**c, **(own.loc[c["theme_id"]].to_dict() if c["theme_id"] in own.index else
                                 {"responses": 0})} for c in children]
        return {"entry": entry, "run": run, "stats": row.iloc[0].to_dict() if len(row) else None,
                "drivers": drivers, "per_wave": per_wave, "children": children, "responses": len(now.responses),
                "family": [theme_id, *entry["merged_from"]], "sub": sub}

    def _named(self, themes: pd.DataFrame, catalog: dict[str, dict[str, object]]) -> pd.DataFrame:
        out = themes.copy()
        for column in ("label", "status", "owner", "updated_at"):
            out[column] = [catalog.get(tid, {}).get(column) for tid in out["theme_id"]]
        out["label"] = out["label"].fillna(out["theme_id"])
        return out


def _theme_rows(categories, mentions: pd.DataFrame) -> pd.DataFrame:
    """:func:`theme_table`'s "all" rows of ``mentions`` (by their ``top_theme``), with ``negative``: the
    share of a theme's mentions that blame it."""
    themes = theme_table(categories, mentions, n_boot=N_BOOT, seed=0, min_n=settings.MIN_N)
    negative = mentions[mentions["polarity"] < 0].groupby("top_theme").size()
    every = mentions.groupby("top_theme").size()
    themes = themes[themes["polarity"] == "all"].reset_index(drop=True)
    themes["negative"] = [negative.get(tid, 0) / every.get(tid, 1) for tid in themes["theme_id"]]
    return themes


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


def _rising(themes: pd.DataFrame, now: Tables, before: Tables, top: int = 3) -> list[dict[str, object]]:
    """The themes whose share of responses grew most from ``before`` to ``now``."""
    earlier = dict(zip(before.themes["theme_id"], before.themes["responses"] / max(1, len(before.responses))))
    grown = themes.assign(share=themes["responses"] / max(1, len(now.responses)))
    grown = grown.assign(before=[earlier.get(tid, 0.0) for tid in grown["theme_id"]])
    grown = grown.assign(change=grown["share"] - grown["before"])
    return grown[grown["change"] > 0].sort_values("change", ascending=False, kind="stable").head(top).to_dict("records")
