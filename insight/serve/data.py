"""What the workspace shows, read from the history store.

The numbers of a wave come from its newest recorded run (``insight report --wave`` records one, with
the mentions of that wave): its mentions, with the analysts' merges applied now, go through the
report's own functions (:func:`insight.drivers.theme_table`, :func:`insight.drivers.attribution`), so
a theme's impact and drivers here are the report's. A run's tables are computed once per catalog
state and kept. A sub-theme's numbers count towards its top-level theme, as in the report's tables;
a sub-theme's page has its own numbers too (:attr:`insight.serve.numbers.Tables.sub_themes`). A segment's numbers (one value
of a segment column: "Channel = App") are the same tables on that segment's responses alone. A
computation asked for while another thread makes it waits for that one (a 1M-response wave's tables
take a minute or two).
"""

from __future__ import annotations

import math
import threading
from collections import OrderedDict

import numpy as np
import pandas as pd

from insight.drivers import NO_THEME, attribution
from insight.serve.numbers import (Tables, catalog_state, each, growing, merged_of, segment_rows, shares, theme_rows,
                                   top_of, within)
from insight.store import Store

KEPT = 16  # computed answers kept in memory (tables per run, wave and catalog state; catalog; waves)
COUNTS = 10_000  # numbers of verbatims kept (each a few bytes; kept apart so they never push tables out)
SEGMENT_VALUES = 12  # a segment column's most common values offered as filters and compared on a theme's page
MAX_SEGMENT_VALUES = 50  # a column with more distinct values (ids, amounts) is not offered as a segment
SORTS = {  # the themes list's columns: sort key -> (column, most-first order is descending)
    "theme": ("label", False), "responses": ("responses", True), "detractors": ("share_detractors", True),
    "promoters": ("share_promoters", True), "blaming": ("negative", True), "nps": ("nps", False),
    "impact": ("impact", False), "lost": ("lost", True), "won": ("won", True), "trend": ("trend", True),
    "status": ("status", False), "owner": ("owner", False)}


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

    def tables(self, run: dict, wave: str | None, catalog: dict[str, dict[str, object]],
               segment: tuple[str, str] | None = None) -> Tables:
        """The run's tables for ``wave`` (None: the run's own), computed once per catalog state; with
        ``segment`` (column, value), of that segment's responses alone."""
        wave = wave or run["wave"]
        key = (run["id"], wave, catalog_state(catalog), segment)
        return self._kept_or(key, lambda: self._computed(run, wave, catalog, segment))

    def _frames(self, run: dict, wave: str | None, catalog: dict[str, dict[str, object]]
                ) -> tuple[pd.DataFrame, pd.DataFrame]:
        """The run's responses of ``wave`` and their mentions with ``top_theme`` (merges applied now)."""
        responses, mentions = self.store.run_frames(run["id"], wave)
        return responses, mentions.assign(top_theme=each(mentions["theme_id"], lambda tid: top_of(tid, catalog)))

    def _computed(self, run: dict, wave: str | None, catalog: dict[str, dict[str, object]],
                  segment: tuple[str, str] | None) -> Tables:
        responses, mentions = self._frames(run, wave, catalog)
        if segment is not None:
            responses, mentions = within(responses, mentions, self.segment_column(segment[0], wave) == segment[1])
        categories = responses["category"].to_numpy()
        drivers = attribution(categories, mentions) if len(responses) else pd.DataFrame(
            {"kind": [], "theme_id": [], "contribution": []})
        own = each(mentions["theme_id"], lambda tid: merged_of(tid, catalog))
        subs = mentions.assign(top_theme=own)[each(own, lambda tid: bool(catalog.get(tid, {}).get("parent")))
                                              .to_numpy(dtype=bool)]
        (themes, split), (sub_themes, sub_split) = theme_rows(categories, mentions), theme_rows(categories, subs)
        return Tables(responses, themes, drivers, sub_themes, pd.concat([split, sub_split], ignore_index=True))

    def segment_column(self, name: str, wave: str | None) -> pd.Series:
        """:meth:`Store.segment_column`, kept until the store changes."""
        return self._cached(("segment", name, wave), lambda: self.store.segment_column(name, wave))

    def segments(self, wave: str | None) -> dict[str, list[tuple[str, int]]]:
        """The columns stored with ``wave``'s responses (every wave's when None) that split them into
        segments (2 to MAX_SEGMENT_VALUES distinct values): column -> its SEGMENT_VALUES most common
        values with their numbers of responses."""
        def compute() -> dict[str, list[tuple[str, int]]]:
            out = {}
            for name in self.store.segment_names(wave):
                counts = self.store.segment_counts(name, wave, MAX_SEGMENT_VALUES)
                if counts is not None and len(counts) >= 2:
                    out[name] = counts[:SEGMENT_VALUES]
            return out
        return self._cached(("segments", wave), compute)

    def segment(self, wave: str | None, text: str | None) -> tuple[str, str] | None:
        """The (column, value) a filter's "column=value" names among ``wave``'s segments; None for none
        or one that is not there (a column's name may hold "=": the known names decide)."""
        if not text:
            return None
        for name, values in self.segments(wave).items():
            if text.startswith(name + "=") and text[len(name) + 1:] in {v for v, _ in values}:
                return name, text[len(name) + 1:]
        return None

    def by_segment(self, run: dict, wave: str | None, catalog: dict[str, dict[str, object]], name: str
                   ) -> pd.DataFrame:
        """Every top-level theme's numbers in each of segment column ``name``'s most common values: one
        row per (value, theme) with value, n and segment_nps (the segment's responses and NPS),
        theme_id, responses (the segment's responses naming it), nps (theirs), lost and won (its
        detractor and promoter drivers' points within the segment); and per value a row of theme ""
        (the segment alone). Computed once per catalog state."""
        wave = wave or run["wave"]

        def compute() -> pd.DataFrame:
            responses, mentions = self._frames(run, wave, catalog)
            column = self.segment_column(name, wave)
            parts = []
            for value, _ in self.segments(wave).get(name, []):
                r, m = within(responses, mentions, column == value)
                parts.append(segment_rows(value, r["category"].to_numpy(), m))
            return pd.concat(parts, ignore_index=True) if parts else segment_rows("", np.array([], np.int8),
                                                                                   mentions.head(0))
        return self._kept_or(("by", run["id"], wave, catalog_state(catalog), name), compute)

    def verbatims(self, run_id: int, theme_ids: list[str], *, wave: str | None = None, search: str = "",
                  polarity: int | None = None, offset: int = 0, limit: int = 50) -> tuple[list[dict], int]:
        """:meth:`Store.verbatims`, their number kept per run, themes, wave and polarity (a run's mentions
        do not change; a search's are counted each time)."""
        key = (run_id, tuple(theme_ids), wave, polarity)
        with self._lock:
            total = None if search else self._counts.get(key)
        rows, total_now = self.store.verbatims(run_id, theme_ids, wave=wave, search=search, polarity=polarity,
                                               offset=offset, limit=limit, total=total)
        if not search and total is None:
            with self._lock:
                self._counts[key] = total_now
                while len(self._counts) > COUNTS:
                    self._counts.popitem(last=False)
        return rows, total_now

    def warm(self) -> None:
        """Compute what the first pages need (the newest wave's tables and the previous wave's, its
        segments and the themes' numbers in the first of them); a store that cannot be read now is
        left for the pages to report."""
        try:
            self.overview()
            run = self.store.latest_run()
            segments = self.segments(run["wave"])
            if segments:
                self.by_segment(run, None, self.catalog_rows(), next(iter(segments)))
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
        wave = run["wave"]
        catalog = self.catalog_rows()
        now = self.tables(run, wave, catalog)
        themes = self._named(now.themes, catalog, run)
        detractor = now.drivers[now.drivers["kind"] == "detractor"]
        lost = float(detractor["contribution"].sum())
        unexplained = float(detractor.loc[detractor["theme_id"] == NO_THEME, "contribution"].sum())
        rising: list[dict[str, object]] | None = None  # None: no report of the previous wave to compare with
        earlier = self.previous_run(wave)
        if earlier is not None:
            rising = growing(themes, now, self.tables(earlier, earlier["wave"], catalog))
        costly = themes[themes["impact"] < 0].sort_values("impact", kind="stable").head(3)
        return {"run": run, "wave": wave, "history": history,
                "current": next((h for h in history if h["wave"] == wave), None),
                "fix_first": costly.to_dict("records"),
                "rising": rising, "unexplained": unexplained / lost if lost else None,
                "responses": len(now.responses)}

    def previous_run(self, wave: str | None) -> dict | None:
        """The newest run of the wave before ``wave``; None for the first wave or one not reported."""
        waves = [h["wave"] for h in self.history()]
        return self.store.latest_run(waves[waves.index(wave) - 1]) if wave in waves and waves.index(wave) else None

    def themes(self, wave: str | None = None, status: str | None = None, owner: str | None = None,
               segment: tuple[str, str] | None = None, sort: str = "impact", descending: bool | None = None
               ) -> tuple[dict | None, list[dict[str, object]]]:
        """The run of ``wave`` (default: the newest run) and the top-level themes with their numbers,
        drivers (``lost``: its detractor driver's points, the NPS its detractors' blame costs; ``won``:
        its promoter driver's), ``trend`` (the change of its share of responses since the previous
        wave's report, in points; NaN without one) and triage; with ``status``/``owner``/``segment``
        only those (a segment's numbers are its responses' alone). Sorted by ``sort`` (a key of SORTS;
        most costly first by default), ``descending`` or the column's own order."""
        run = self.store.latest_run(wave)
        if run is None:
            return None, []
        table = self._cached(("themes", run["id"], segment), lambda: self._theme_list(run, segment))
        if status:
            table = table[table["status"] == status]
        if owner:
            table = table[table["owner"].fillna("").str.casefold() == owner.casefold()]
        column, most_first = SORTS.get(sort, SORTS["impact"])
        descending = most_first if descending is None else descending
        key = table[column].fillna("").astype(str).str.casefold() if table[column].dtype == object else table[column]
        table = table.assign(_key=key).sort_values(["_key", "theme_id"], ascending=[not descending, True],
                                                   kind="stable", na_position="last")
        return run, table.drop(columns="_key").to_dict("records")

    def _theme_list(self, run: dict, segment: tuple[str, str] | None) -> pd.DataFrame:
        """:meth:`themes`' table of ``run`` (in ``segment``), before its filters and order."""
        catalog = self.catalog_rows()
        now = self.tables(run, None, catalog, segment)
        table = self._named(now.themes, catalog, run)
        points = now.drivers.groupby(["theme_id", "kind"])["contribution"].sum() if len(now.drivers) else None
        for column, kind in (("lost", "detractor"), ("won", "promoter")):
            table[column] = [float(points.get((tid, kind), 0.0)) if points is not None else 0.0
                             for tid in table["theme_id"]]
        table["share"] = table["responses"] / max(1, len(now.responses))
        earlier = self.previous_run(run["wave"])
        before = {} if earlier is None else shares(self.tables(earlier, None, catalog, segment))
        table["trend"] = [100 * (share - before[tid]) if tid in before else (100 * share if before else math.nan)
                          for tid, share in zip(table["theme_id"], table["share"])]
        return table

    def theme(self, theme_id: str, wave: str | None = None, by: str | None = None) -> dict[str, object] | None:
        """A theme's page: its catalog entry and history, its numbers in ``wave`` (default: the newest
        run's) and in each reported wave, split by the polarity of its mentions, its drivers by group
        and - a top-level theme - in each value of segment column ``by`` (default: the first), and the
        themes merged into it. None for an unknown theme."""
        catalog = self.catalog_rows()
        run = self.store.latest_run(wave)
        if theme_id in catalog:
            entry = {**self.store.theme(theme_id, counts=False), "label": catalog[theme_id]["label"]}
        elif theme_id in discovered_in(run):  # not in the catalog: this run's own, no triage
            entry = {"theme_id": theme_id, "label": self.discovered_label(discovered_in(run)[theme_id], theme_id),
                     "discovered": True, "parent": None, "merged_into": None, "merged_from": [], "status": None,
                     "owner": None, "note": None, "updated_at": "", "history": []}
        else:
            return None
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
            elsewhere = bool(entry.get("discovered")) and of_wave is not None and of_wave["id"] != run["id"]
            if elsewhere:
                of_wave = None  # another run's discovered ids are other themes
            t = None if of_wave is None else getattr(self.tables(of_wave, None, catalog),
                                                     "sub_themes" if sub else "themes")
            hit = t[t["theme_id"] == theme_id] if t is not None else pd.DataFrame()
            found = len(hit) > 0
            per_wave.append({"wave": h["wave"], "n": h["n"], "reported": of_wave is not None, "elsewhere": elsewhere,
                             "responses": int(hit["responses"].iloc[0]) if found else 0,
                             "nps": float(hit["nps"].iloc[0]) if found else math.nan})
        children = [r for r in catalog.values() if r["parent"] == theme_id and not r["merged_into"]]
        if children:
            own = now.sub_themes.set_index("theme_id")
            children = [{**c, **(own.loc[c["theme_id"]].to_dict() if c["theme_id"] in own.index else
                                 {"responses": 0})} for c in children]
        split = now.split[now.split["theme_id"] == theme_id].to_dict("records")
        segments = self.segments(run["wave"])
        by = by if by in segments else next(iter(segments), None)
        in_segments = []
        if not sub and by is not None:  # every value of the column, named by the theme's responses or not
            rows = self.by_segment(run, None, catalog, by)
            found = {r["value"]: r for r in rows[rows["theme_id"] == theme_id].to_dict("records")}
            alone = {r["value"]: {**r, "responses": 0, "nps": math.nan, "lost": 0.0, "won": 0.0}
                     for r in rows[rows["theme_id"] == ""].to_dict("records")}  # the segment's own NPS
            in_segments = [found.get(value) or alone[value] for value, _ in segments[by] if value in alone]
        return {"entry": entry, "run": run, "stats": row.iloc[0].to_dict() if len(row) else None,
                "drivers": drivers, "per_wave": per_wave, "children": children, "responses": len(now.responses),
                "family": [theme_id, *entry["merged_from"]], "sub": sub, "split": split,
                "segments": list(segments), "by": by, "by_segment": in_segments}

    def _named(self, themes: pd.DataFrame, catalog: dict[str, dict[str, object]], run: dict) -> pd.DataFrame:
        """``themes`` with each theme's label and triage from the catalog; a theme discovery proposed in
        ``run`` (not in the catalog) is marked ``discovered``, with the label the run gave it."""
        found = discovered_in(run)
        out = themes.copy()
        for column in ("status", "owner", "updated_at"):
            out[column] = pd.Series([catalog.get(tid, {}).get(column) for tid in out["theme_id"]], index=out.index,
                                    dtype=object)
        out["label"] = [catalog[tid]["label"] if tid in catalog else self.discovered_label(found.get(tid), tid)
                        for tid in out["theme_id"]]
        out["discovered"] = [tid not in catalog and tid in found for tid in out["theme_id"]]
        return out

    def discovered_label(self, labels: dict[str, str] | None, theme_id: str) -> str:
        """A discovered theme's label in the workspace's language (else English, else its id)."""
        return (labels or {}).get(self.lang) or (labels or {}).get("en") or theme_id


def discovered_in(run: dict | None) -> dict[str, dict[str, str]]:
    """The themes discovery proposed in ``run``: id -> label by language (ids are the run's own)."""
    return dict(((run or {}).get("settings") or {}).get("discovered") or {})
