"""Discovered themes in use: the comments discovery reads (those no codeframe theme covers), the
discovered themes added to a tagging and a codeframe as first-class themes, and accepted proposals
appended to a codeframe file."""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from insight.errors import InsightError
from insight.themes.discover import Discovery, discover, text_key


def uncovered_rows(tagged, fallback: str | None) -> np.ndarray:
    """Rows of a tagging (:class:`insight.themes.tagger.TagResult`) whose comment has content and no
    theme but the codeframe's fallback: what discovery clusters. The same rule in ``report``, ``tag``
    and ``discover``, so the same comments give the same discovered themes everywhere."""
    content = tagged.prepared["content"].to_numpy()
    bare = np.fromiter((not ids or (fallback is not None and ids == [fallback]) for ids in tagged.themes),
                       dtype=bool, count=len(tagged.themes))
    return np.flatnonzero(content & bare)


@dataclass(frozen=True)
class Uncovered:
    """What discovery clusters of a tagging: the rows (:func:`uncovered_rows`), their comments and
    categories, and the tagger's language, matching form and lemmas of them - small enough to send
    to another process."""

    rows: np.ndarray
    texts: list[str]
    categories: list[str] | None
    prepared: pd.DataFrame  # lang, form
    lemmas: dict[tuple[str, str], str]
    n_rows: int  # rows of the tagging

    @classmethod
    def of(cls, comments, tagged, categories=None, fallback: str | None = None) -> Uncovered:
        rows = uncovered_rows(tagged, fallback)
        prepared = tagged.prepared[["lang", "form"]].iloc[rows].reset_index(drop=True)
        keys = set(zip(prepared["lang"].tolist(), prepared["form"].tolist()))
        return cls(rows, [str(comments[i]) for i in rows.tolist()],
                   None if categories is None else [str(categories[i]) for i in rows.tolist()], prepared,
                   {key: lem for key, lem in (tagged.lemmas or {}).items() if key in keys}, len(tagged.themes))

    def discover(self, seed: int = 0, n_jobs: int | None = None, min_size: int | None = None) -> Discovery:
        """:func:`discover` on these comments, with the tagger's lemmas (Chinese cut with the
        codeframe's words, as the tagging cut them)."""
        return discover(self.texts, self.categories, seed=seed, n_jobs=n_jobs, prepared=self.prepared,
                        lemmas=self.lemmas, min_size=min_size)

    def per_row(self, found: Discovery, n_rows: int | None = None) -> Discovery:
        """``found`` (of these comments) with its members per row of the tagging (-1: not considered),
        the first ``n_rows`` of them when given."""
        members = np.full(self.n_rows, -1, dtype=np.int32)
        if found.members is not None:
            members[self.rows] = found.members
        return Discovery(found.proposals, found.considered, found.unassigned, members[:n_rows], found.unassigned_why)


def discover_uncovered(comments, tagged, categories=None, *, fallback: str | None = None, seed: int = 0,
                       n_jobs: int | None = None, min_size: int | None = None) -> Discovery:
    """:func:`discover` on the comments no theme covers (:func:`uncovered_rows`) of a tagging.
    ``comments`` and ``categories`` are per row of the tagging, and so are the result's members."""
    uncovered = Uncovered.of(comments, tagged, categories, fallback)
    return uncovered.per_row(uncovered.discover(seed, n_jobs, min_size))


def add_discovered(tagged, discovery: Discovery, fallback: str | None):
    """The tagging with each comment of a discovered theme tagged with it (``source`` = discovery):
    its polarity is what the comment judges (the fallback theme's, which it replaces; 0 when the
    comment judges nothing), its sentence the fallback's or the comment's start. ``discovery``'s
    members are per row of ``tagged`` (:func:`discover_uncovered`)."""
    from insight.themes.mentions import TagResult, with_whole_comment_mentions

    members = discovery.members
    if members is None or not (members > 0).any():
        return tagged
    ids = ["", *discovery.proposals["id"]]
    assigned = np.flatnonzero(members > 0)
    m = tagged.mentions
    own = np.zeros(len(members), dtype=bool)
    own[assigned] = True
    replaced = own[m["response"].to_numpy()] & (m["theme_id"] == fallback).to_numpy() if fallback else \
        np.zeros(len(m), dtype=bool)
    at = np.flatnonzero(replaced)
    # the fallback's mentions of these comments are relabelled where they stand (the table stays sorted)
    mentions = m.copy(deep=False)
    if len(at):
        discovered = np.array(ids, dtype=object)[members[m["response"].to_numpy()[at]]]
        for column in ("theme_id", "top_theme"):  # a discovered theme is its own top-level theme
            values = m[column].to_numpy(dtype=object).copy()
            values[at] = discovered
            mentions[column] = pd.Series(values, dtype="str")
        source = m["source"].cat.add_categories([c for c in ["discovery"] if c not in m["source"].cat.categories])
        codes = source.cat.codes.to_numpy().copy()
        codes[at] = list(source.cat.categories).index("discovery")
        mentions["source"] = pd.Categorical.from_codes(codes, categories=source.cat.categories)
    judged = set(m["response"].to_numpy()[at].tolist())
    silent = [i for i in assigned.tolist() if i not in judged]  # judged nothing: a neutral mention
    if silent:
        forms = tagged.prepared["form"].tolist()
        theme = [ids[members[i]] for i in silent]
        mentions = with_whole_comment_mentions(mentions, silent, theme, theme, [0] * len(silent),
                                               [forms[i][:300] for i in silent], "discovery", [1.0] * len(silent))
    themes, polarity = list(tagged.themes), list(tagged.theme_polarity)
    for i in assigned.tolist():
        tid = ids[members[i]]
        themes[i] = [tid]
        polarity[i] = {tid: polarity[i].get(fallback, 0) if fallback else 0}
    return TagResult(tagged.prepared, mentions, themes, polarity, tagged.lemmas, tagged.comment_polarity)


def with_discovered_themes(codeframe, proposals: pd.DataFrame):
    """The codeframe with the discovered themes after its own (flagged ``discovered``; labelled
    in the comments' own language), so that the driver tables, theme table, exports and quotes
    name them like the codeframe's themes. The codeframe's name and version stay its own."""
    from dataclasses import replace

    from insight.themes.codeframe import Theme

    if proposals is None or not len(proposals):
        return codeframe
    extra = tuple(Theme(id=str(row.id), label={"en": str(row.label)}, discovered=True,
                        description=f"Discovered in {int(row.size)} comments the codeframe does not cover: "
                                    f"{str(row.terms).replace('|', ', ')}")
                  for row in proposals.itertuples())
    return replace(codeframe, themes=codeframe.themes + extra)


def slug(text: str) -> str:
    """A theme id from a label: ascii words joined by underscores (a hash for non-Latin labels)."""
    words = re.findall(r"[a-z0-9]+", text.lower())
    return "_".join(words[:4]) if words else "t" + text_key(text)[:8]


def append_to_codeframe(path, proposals: pd.DataFrame, accept: list[str]) -> list[str]:
    """Append accepted proposals (by id) to a codeframe YAML file as new top-level themes.

    The file's own text (comments, order) is kept; the result is validated before it is written.
    Returns the new theme ids.
    """
    import json
    from pathlib import Path

    from insight.text.langid import script_counts
    from insight.themes.codeframe import parse_codeframe

    path = Path(path)
    chosen = proposals[proposals["id"].isin(accept)]
    missing = sorted(set(accept) - set(chosen["id"]))
    if missing:
        raise InsightError(f"no proposal {missing[0]!r} (proposals: {', '.join(proposals['id'])})")
    text = path.read_text(encoding="utf-8") if path.exists() else "name: discovered\nversion: \"1\"\nthemes:\n"
    existing = parse_codeframe(text, str(path)) if path.exists() else None
    taken = set(existing.ids) if existing else set()
    new_ids, blocks = [], []
    for row in chosen.itertuples():
        tid = slug(row.label)
        base, n = tid, 2
        while tid in taken:
            tid, n = f"{base}_{n}", n + 1
        taken.add(tid)
        patterns: dict[str, list[str]] = {}
        for term in str(row.terms).split("|"):
            counts = script_counts(term)
            lang = "zh" if counts["han"] else "ru" if counts["cyrillic"] else "en"
            patterns.setdefault(lang, []).append(term)
        pats = ", ".join(f"{lang}: {json.dumps(words, ensure_ascii=False)}" for lang, words in patterns.items())
        blocks.append(
            f"  - id: {tid}\n"
            f"    label: {{en: {json.dumps(row.label, ensure_ascii=False)}}}\n"
            f"    description: {json.dumps(f'Discovered in {row.size} comments; review the label and patterns.', ensure_ascii=False)}\n"
            f"    patterns: {{{pats}}}\n"
        )
        new_ids.append(tid)
    updated = text.rstrip("\n") + "\n" + "".join(blocks)
    parse_codeframe(updated, str(path))  # never write an invalid codeframe
    path.write_text(updated, encoding="utf-8")
    return new_ids
