"""The theme catalog: analysts' decisions about themes (labels, merges, status, owner), applied to a run.

The catalog lives in the store (``insight themes ...``); this module is the pure part. Decisions
are keyed by the stable theme id, so they apply to every later analysis - a new wave, an edited
codeframe, a retrained model - as long as the theme keeps its id:

* a rename replaces the label in the languages the analyst set, and nothing else;
* a merge sends every mention of the merged theme to the theme it was merged into (following
  chains), so its counts, drivers and trends are combined with the target's;
* status and owner are shown next to the theme wherever the report lists it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import pandas as pd

from insight.text.polarity import sign
from insight.themes.codeframe import Codeframe
from insight.themes.mentions import TagResult


@dataclass(frozen=True)
class CatalogEntry:
    theme_id: str
    labels: dict[str, str]
    renamed: tuple[str, ...] = ()  # the languages an analyst relabelled
    status: str = "new"
    owner: str | None = None
    note: str | None = None
    merged_into: str | None = None


@dataclass(frozen=True)
class ThemeCatalog:
    entries: dict[str, CatalogEntry] = field(default_factory=dict)

    def target(self, theme_id: str) -> str:
        """The theme a theme's mentions count towards: itself, or the end of its merge chain."""
        seen = {theme_id}
        entry = self.entries.get(theme_id)
        while entry is not None and entry.merged_into:
            theme_id = entry.merged_into
            if theme_id in seen:  # the store refuses cycles; never loop on a hand-edited one
                break
            seen.add(theme_id)
            entry = self.entries.get(theme_id)
        return theme_id

    def merged(self) -> dict[str, str]:
        """Theme id -> its merge target, for every merged theme."""
        return {tid: self.target(tid) for tid, e in self.entries.items() if e.merged_into}

    def relabel(self, codeframe: Codeframe) -> Codeframe:
        """The codeframe with the analysts' labels in the languages they renamed."""
        themes = []
        for theme in codeframe.themes:
            entry = self.entries.get(theme.id)
            if entry is not None and entry.renamed:
                label = dict(theme.label)
                label.update({lang: entry.labels[lang] for lang in entry.renamed if lang in entry.labels})
                theme = replace(theme, label=label)
            themes.append(theme)
        return replace(codeframe, themes=tuple(themes))

    def status_of(self, theme_id: str) -> dict[str, str | None]:
        entry = self.entries.get(theme_id)
        if entry is None:
            return {"status": "new", "owner": None}
        return {"status": entry.status, "owner": entry.owner}

    def apply(self, tagged: TagResult, codeframe: Codeframe) -> TagResult:
        """Send merged themes' mentions to their targets; recompute the per-response themes and polarity."""
        merged = self.merged()
        if not merged or tagged.mentions.empty:
            return tagged
        mentions = tagged.mentions.copy()
        mentions["theme_id"] = mentions["theme_id"].map(lambda t: merged.get(t, t))
        mentions["top_theme"] = mentions["theme_id"].map(
            lambda t: codeframe.top_level(t) if t in codeframe else t)
        # per response: the mentioned themes with their ancestors; polarity = sign of the summed mentions
        order = {tid: i for i, tid in enumerate(codeframe.ids)}
        totals: list[dict[str, int]] = [{} for _ in tagged.themes]
        for response, theme, polarity in zip(mentions["response"], mentions["theme_id"], mentions["polarity"]):
            for tid in codeframe.ancestors(theme) if theme in codeframe else (theme,):
                totals[response][tid] = totals[response].get(tid, 0) + int(polarity)
        themes = [sorted(t, key=lambda tid: (order.get(tid, len(order)), tid)) for t in totals]
        polarity = [{tid: sign(v) for tid, v in t.items()} for t in totals]
        # responses with no mention kept their (empty) lists; ones the tagger listed keep the order above
        return TagResult(tagged.prepared, pd.DataFrame(mentions), themes, polarity, tagged.lemmas,
                         tagged.comment_polarity)
