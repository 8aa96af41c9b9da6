"""``analyze``: responses in, :class:`Results` out - every number the report and exports show.

Compute never formats and rendering never computes: the report reads only what is here.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from insight import settings
from insight.canonical import MISSING_SEGMENT
from insight.drivers import attribution, emerging, join_theme_tables, period_attribution, restrict, theme_table
from insight.errors import InsightError
from insight.load import Survey, question_column
from insight.parallel import in_background
from insight.score import summarize
from insight.score.groups import Period, parse_period, period_keys
from insight.text.normalize import redact
from insight.themes.catalog import ThemeCatalog
from insight.themes.choose import AUTO, Choice, resolve_codeframe
from insight.themes.codeframe import Codeframe
from insight.themes.discover import Discovery, Uncovered, add_discovered, fitters, with_discovered_themes
from insight.themes.tagger import RuleTagger, TagResult, add_model_themes, stack_tagged

__all__ = ["Results", "analyze"]

QUOTES_PER_THEME = 4


@dataclass
class Results:
    """Everything one analysis found. DataFrames are plain tables; ``nps`` is a plain dict."""

    nps: dict[str, object]  # n, promoters, passives, detractors, nps, ci_low, ci_high, low_n, benchmarks, ...
    themes: pd.DataFrame  # one row per top-level theme: theme_id, label, mentions, nps, impact, CI, ...
    theme_polarity: pd.DataFrame  # the same per theme x polarity (-1, 0, +1)
    drivers: pd.DataFrame  # kind, theme_id, label, contribution, p_value, q_value, significant, ...
    mentions: pd.DataFrame  # response_id, theme_id, top_theme, polarity, sentence, evidence, ...
    responses: pd.DataFrame  # the responses with lang, themes, theme_polarity
    quarantine: pd.DataFrame
    load: dict[str, object]
    codeframe: Codeframe
    distribution: list[int]  # responses per score 0..10
    segments: list[dict[str, object]] = field(default_factory=list)
    segment_drivers: pd.DataFrame | None = None  # column, segment, + the drivers columns, per segment
    segment_themes: pd.DataFrame | None = None  # column, segment, + the theme table columns, per segment
    periods: list[dict[str, object]] = field(default_factory=list)
    period: str | None = None
    period_change: pd.DataFrame | None = None  # attribution of the change between the last two periods
    period_change_labels: tuple[str, str] | None = None
    emerging: pd.DataFrame | None = None
    theme_trend: pd.DataFrame | None = None  # theme_id, period, share of responses mentioning it
    discovered: pd.DataFrame | None = None  # proposed themes for the comments no theme covers
    quotes: dict[str, list[dict[str, object]]] = field(default_factory=dict)
    languages: dict[str, int] = field(default_factory=dict)
    text: dict[str, int] = field(default_factory=dict)  # with content, fillers, empty, duplicates, tagged
    settings: dict[str, object] = field(default_factory=dict)
    catalog: dict[str, dict[str, str | None]] = field(default_factory=dict)  # theme id -> status, owner
    # with several open questions: per question and theme, the answers that name it (and how)
    questions: pd.DataFrame | None = None


@dataclass(frozen=True)
class Scores:
    """What an analysis knows before the themes: what a report can draw while discovery runs."""

    distribution: list[int]  # responses per score 0..10
    periods: list[dict[str, object]]


def analyze(
    survey: Survey,
    codeframe: Codeframe | Choice | str | None = AUTO,
    model: object | None = None,
    *,
    by: Sequence[str] = (),
    period: str | None = None,
    confidence: float = settings.CONFIDENCE,
    min_n: int = settings.MIN_N,
    n_boot: int = 1000,
    seed: int = 0,
    n_jobs: int | None = None,
    benchmarks: list[dict[str, object]] | None = None,
    discover_themes: bool = True,
    catalog: ThemeCatalog | None = None,
    focus_last: bool = False,
    meanwhile: Callable[[Scores], object] | None = None,
) -> Results:
    """Score, tag and find drivers for a loaded survey (see :func:`insight.load`).

    ``codeframe`` is a :class:`Codeframe`, a shipped name, a YAML path, or ``auto`` (the default:
    chosen on the survey's comments, quarantined rows' included, by
    :func:`insight.themes.choose.choose_codeframe`; or that choice, already made).
    ``period`` (M, Q, W, Y, ND, or ``wave`` for surveys read from the store) adds trends, the
    change since the previous period and emerging themes; it defaults to months when the survey
    has dates. ``model`` is a trained :class:`~insight.themes.model.ThemeClassifier` whose labels
    are theme ids of the codeframe: it adds the themes the rules miss. ``catalog`` applies the
    analysts' renames and merges and shows theme status. ``focus_last`` makes the headline,
    segments, drivers, themes and quotes those of the last period alone, while the trends,
    the change and emerging themes still use every period (a wave report with its history).
    ``discover_themes`` proposes themes for the comments no codeframe theme covers (the comments
    of the quarantined rows too: ``insight tag`` and ``insight discover`` see the same ones and
    give the same themes) and counts them with the codeframe's themes in the drivers, tables and
    exports. ``meanwhile`` is called with the :class:`Scores` while discovery runs beside, on
    moderate surveys (the report draws its first charts then).
    """
    if isinstance(codeframe, Choice):
        cf, choice = codeframe.codeframe, codeframe
    else:
        cf, choice = resolve_codeframe(codeframe, survey.all_rows()["comment"] if codeframe == AUTO else None, n_jobs)
    if catalog is not None:
        cf = catalog.relabel(cf)
    responses = survey.responses.reset_index(drop=True)
    if responses.empty:
        reasons = survey.quarantine["reason"].value_counts().head(3)
        shown = "; ".join(f"{r} ({n})" for r, n in reasons.items())
        raise InsightError(f"{survey.info.path}: no usable responses - all {survey.info.rows_read} rows were "
                           f"quarantined ({shown}); see --quarantine-out")
    has_dates = bool(responses["submitted_at"].notna().any())
    if period is None and has_dates:
        period = "M"
    spec = parse_period(period) if period is not None and (has_dates or period.strip().lower() == "wave") else None
    trend = summarize(responses, period=spec.code if spec else None, confidence=confidence, min_n=min_n,
                      quarantined=survey.info.rows_quarantined, benchmarks=benchmarks) if spec else {}

    # the scope of the headline numbers: every response, or the last period's
    scope = np.arange(len(responses))
    quarantine = survey.quarantine
    if focus_last and spec is not None:
        codes, _ = period_keys(responses[spec.column], spec)
        present = np.unique(codes[codes >= 0])
        if len(present):
            scope = np.flatnonzero(codes == present[-1])
            if spec.kind == "wave" and "wave" in quarantine.columns:
                quarantine = quarantine[quarantine["wave"] == responses["wave"].iloc[scope[0]]]
    focused = len(scope) < len(responses)
    resp = responses.iloc[scope].reset_index(drop=True) if focused else responses
    # discovery needs the tagging, and the drivers need discovery: on surveys of moderate size it
    # runs beside the scoring (on the other core, in a process forked now, which imports
    # scikit-learn meanwhile); larger ones run it in this process, so that the two never hold their
    # memory at the same time
    beside = discover_themes and len(responses) <= settings.default("background_discovery_rows")
    start_discovery = in_background(_discover, warm=fitters) if beside else None

    # the tagger the choice of the codeframe built (its matchers ready), unless the catalog relabelled it
    tagger = choice.tagger if choice is not None and choice.tagger is not None and catalog is None else RuleTagger(cf)
    tagged = tagger.tag(responses["comment"], n_jobs=n_jobs, whole_polarity=model is not None,
                        all_lemmas=model is not None)
    if model is not None:
        tagged = add_model_themes(tagger, tagged, model)
    if catalog is not None:
        tagged = catalog.apply(tagged, cf)
    categories = responses["category"].cat.codes.to_numpy().astype(np.int64)
    discovery = None
    if discover_themes:
        uncovered = _uncovered(survey, responses, tagged, tagger, n_jobs)
        found = start_discovery(uncovered, seed, 1) if start_discovery is not None else None
    summary = summarize(resp, by=by, confidence=confidence, min_n=min_n, quarantined=len(quarantine),
                        benchmarks=benchmarks)
    distribution = np.bincount(resp["score"].to_numpy().astype(np.int64), minlength=11).tolist()
    if meanwhile is not None:
        meanwhile(Scores(distribution, trend.get("by_period", [])))
    stats = {"confidence": confidence, "n_boot": n_boot, "seed": seed, "min_n": min_n}
    cats = categories[scope] if focused else categories
    segments = _segments(resp, by)
    # while discovery runs: the tables of the themes it cannot change (it only retags the comments
    # the fallback theme alone took); those of the fallback and discovered themes are joined after
    scored = for_statistics(_mentions_of(tagged, responses, scope if focused else None)[1])
    settled = scored[scored["top_theme"] != cf.fallback] if discover_themes else scored
    tables = _theme_tables(cats, settled, segments, **stats)
    if discover_themes:
        # members per response (the quarantined rows' come after: discovery counted them, no driver does)
        discovery = uncovered.per_row(found() if found is not None else _discover(uncovered, seed, n_jobs),
                                      len(responses))
        tagged = add_discovered(tagged, discovery, cf.fallback)
        cf = with_discovered_themes(cf, discovery.proposals)
    all_mentions, mentions = _mentions_of(tagged, responses, scope if focused else None)
    tagged_scope = _subset(tagged, scope) if focused else tagged
    scored = for_statistics(mentions)
    if discover_themes:
        changed = {cf.fallback, *discovery.proposals["id"]}
        late = _theme_tables(cats, scored[scored["top_theme"].isin(changed)], segments, **stats)
        tables = [join_theme_tables(a, b) for a, b in zip(tables, late)]

    label = {t.id: t.label_in("en") for t in cf.themes}
    table = tables[0]
    table.insert(1, "label", table["theme_id"].map(label))
    themes = _themes_overview(table, cf)
    drivers = attribution(cats, scored, confidence=confidence)
    drivers.insert(2, "label", drivers["theme_id"].map(label).fillna(drivers["theme_id"]))

    by_question, asked = _by_question(tagger, resp, survey.info.columns.questions, label, n_jobs)
    out = resp.copy(deep=False)  # copy-on-write: the new columns do not touch the survey
    out["lang"] = tagged_scope.prepared["lang"].to_numpy()
    joined: dict[int, str] = {}  # identical comments share their theme list: join each list once
    out["themes"] = [joined.get(id(ids)) or joined.setdefault(id(ids), "|".join(ids)) for ids in tagged_scope.themes]
    out["theme_polarity"] = tagged_scope.theme_polarity
    if discovery is not None:
        members = discovery.members
        out["discovered"], out["discovered_label"] = _discovered_columns(members[scope] if focused else members,
                                                                         discovery.proposals)

    load_info = survey.info.as_dict()
    if focused:
        load_info.update(rows_scored=len(resp), rows_quarantined=len(quarantine), rows_read=len(resp) + len(quarantine))
    results = Results(
        nps={k: v for k, v in summary.items() if k != "by_segment"},
        themes=themes,
        theme_polarity=table[table["polarity"] != "all"].reset_index(drop=True),
        drivers=drivers,
        mentions=mentions,
        responses=out,
        quarantine=quarantine,
        load=load_info,
        codeframe=cf,
        distribution=distribution,
        segments=summary.get("by_segment", []),
        periods=trend.get("by_period", []),
        period=trend.get("period"),
        quotes=_quotes(mentions, out, cf, asked),
        questions=by_question,
        languages={str(k): int(v) for k, v in out["lang"].value_counts().sort_index().items()},
        text=_text_counts(tagged_scope.prepared, tagged_scope.themes, cf),
        settings={"confidence": confidence, "min_n": min_n, "by": list(by), "period": trend.get("period"),
                  "codeframe": cf.title, "codeframe_choice": choice.as_dict() if choice else None,
                  "n_boot": n_boot, "seed": seed,
                  "model": None if model is None else f"{type(model).__name__} ({len(model.classes_)} labels)",
                  "focus": str(responses[spec.column].iloc[scope[0]]) if focused and spec else None},
        catalog={tid: catalog.status_of(tid) for tid in cf.ids} if catalog is not None else {},
        discovered=discovery.proposals if discovery is not None else None,
    )
    if trend:
        results.nps.update(period=trend.get("period"), undated=trend.get("undated"))
    if by:
        results.segment_drivers, results.segment_themes = _per_segment(segments, cats, scored, tables[1:], label,
                                                                       confidence)
    if results.periods:
        _add_trends(results, responses, all_mentions, categories, spec)
    if discovery is not None:
        results.text["discovery_considered"] = discovery.considered
        results.text["discovery_unassigned"] = discovery.unassigned
    return results


def _uncovered(survey: Survey, responses: pd.DataFrame, tagged: TagResult, tagger: RuleTagger,
               n_jobs: int | None) -> Uncovered:
    """The comments discovery clusters: the responses' and the quarantined rows' (tagged here: a
    few) that no codeframe theme covers - the rows ``insight tag`` and ``insight discover`` read.
    The quarantined rows come after the responses."""
    rows = survey.all_rows()
    extra = rows.loc[rows["quarantine_reason"] != "", "comment"].fillna("").astype(str).tolist()
    every = stack_tagged(tagged, tagger.tag(extra, n_jobs=n_jobs, whole_polarity=False)) if extra else tagged
    comments = [*responses["comment"].fillna("").astype(str).tolist(), *extra]
    categories = [*responses["category"].astype(str).tolist(), *(["unscored"] * len(extra))]
    return Uncovered.of(comments, every, categories, tagger.codeframe.fallback)


def _discover(uncovered: Uncovered, seed: int, n_jobs: int | None) -> Discovery:
    """Themes proposed for the uncovered comments (beside the analysis, ``n_jobs=1``: no process
    pool is started from it)."""
    return uncovered.discover(seed, n_jobs)


def _discovered_columns(members: np.ndarray, proposals: pd.DataFrame) -> tuple[pd.Categorical, pd.Categorical]:
    """Per response: the id (discovered_3) and label of the proposed theme its comment is in, else empty."""
    codes = np.maximum(members, 0).astype(np.int32)
    ids = ["", *proposals["id"]]
    labels = ["", *(f"{label} ({pid})" for pid, label in zip(proposals["id"], proposals["label"]))]
    return pd.Categorical.from_codes(codes, categories=ids), pd.Categorical.from_codes(codes, categories=labels)


def _subset(tagged: TagResult, idx: np.ndarray) -> TagResult:
    """The tagging of the responses ``idx`` only, renumbered from 0."""
    return TagResult(tagged.prepared.iloc[idx].reset_index(drop=True), restrict(tagged.mentions, idx),
                     [tagged.themes[i] for i in idx], [tagged.theme_polarity[i] for i in idx], tagged.lemmas,
                     tagged.comment_polarity)


def for_statistics(mentions: pd.DataFrame) -> pd.DataFrame:
    """The mention columns the theme tables and driver attribution read, the theme as a categorical
    (which they group ~30% faster than Arrow strings; same results)."""
    return mentions[["response", "top_theme", "polarity"]].astype({"top_theme": "category"})


def _segments(responses: pd.DataFrame, by: Sequence[str]) -> list[tuple[str, str, np.ndarray]]:
    """(column, value, the responses with it) of each segment of each ``by`` column."""
    out = []
    for column in by:
        values = responses[column].astype("string").fillna(MISSING_SEGMENT)
        for value in sorted(values.unique()):
            out.append((column, value, np.flatnonzero((values == value).to_numpy())))
    return out


def _theme_tables(categories: np.ndarray, mentions: pd.DataFrame, segments: list[tuple[str, str, np.ndarray]],
                  **stats) -> list[pd.DataFrame]:
    """The theme table of all the responses, then of each segment (``mentions`` as
    :func:`for_statistics` gives them: restricting them stays cheap)."""
    return [theme_table(categories, mentions, **stats),
            *(theme_table(categories[idx], restrict(mentions, idx), **stats) for _, _, idx in segments)]


def _per_segment(segments: list[tuple[str, str, np.ndarray]], categories: np.ndarray, mentions: pd.DataFrame,
                 tables: list[pd.DataFrame], label: dict[str, str], confidence: float) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The driver attribution and the theme table (``tables``, :func:`_theme_tables`' per segment)
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


def _mentions_of(tagged: TagResult, responses: pd.DataFrame, scope: np.ndarray | None
                 ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Every response's mentions with its response id, and those of the responses ``scope``
    (renumbered; all of them when ``scope`` is None)."""
    every = tagged.mentions.copy(deep=False)  # copy-on-write
    every.insert(0, "response_id", responses["response_id"].to_numpy()[every["response"].to_numpy()]
                 if len(every) else pd.Series(dtype="string"))
    return every, (restrict(every, scope).reset_index(drop=True) if scope is not None else every)


def _by_question(tagger: RuleTagger, responses: pd.DataFrame, questions: Sequence[str], label: dict[str, str],
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


def _themes_overview(table: pd.DataFrame, cf: Codeframe) -> pd.DataFrame:
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


def _text_counts(prepared: pd.DataFrame, themes: list[list[str]], cf: Codeframe) -> dict[str, int]:
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


def _stable_key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _quotes(mentions: pd.DataFrame, responses: pd.DataFrame, cf: Codeframe,
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


def _add_trends(results: Results, responses: pd.DataFrame, mentions: pd.DataFrame, categories: np.ndarray,
                spec: Period) -> None:
    """Change since the previous period, emerging themes, and each theme's share and impact per period."""
    codes, groups = period_keys(responses[spec.column], spec)
    labels = [g[0] for g in groups]
    nonempty = [i for i, r in enumerate(results.periods) if r["n"]]
    if len(nonempty) >= 2:
        prev, cur = nonempty[-2], nonempty[-1]
        change = period_attribution(categories, codes, mentions, prev, cur)
        labels_map = {t.id: t.label_in("en") for t in results.codeframe.themes}
        change.insert(1, "label", change["theme_id"].map(labels_map).fillna(change["theme_id"]))
        results.period_change = change
        results.period_change_labels = (labels[prev], labels[cur])
        em = emerging(codes, mentions, cur, confidence=float(results.settings["confidence"]))
        em.insert(1, "label", em["theme_id"].map(labels_map))
        results.emerging = em
    # per period and top-level theme: share of the period's responses that mention it, the theme's
    # NPS there and its remove-the-theme impact n_t (NPS_t - NPS) / (N - n_t)
    dated = codes >= 0
    per = np.bincount(codes[dated] * 3 + categories[dated], minlength=len(groups) * 3).reshape(-1, 3)
    rows = []
    if not mentions.empty:
        pairs = mentions[["response", "top_theme"]].drop_duplicates()
        resp = pairs["response"].to_numpy()
        pairs = pairs.assign(p=codes[resp], c=categories[resp])
        for theme, g in pairs[pairs["p"] >= 0].groupby("top_theme"):
            counts = np.bincount(g["p"] * 3 + g["c"], minlength=len(groups) * 3).reshape(-1, 3)
            for k, label in enumerate(labels):
                n_k, n_t = int(per[k].sum()), int(counts[k].sum())
                nps_k = 100.0 * (per[k, 2] - per[k, 0]) / n_k if n_k else math.nan
                nps_t = 100.0 * (counts[k, 2] - counts[k, 0]) / n_t if n_t else math.nan
                impact = n_t * (nps_t - nps_k) / (n_k - n_t) if n_t and n_k > n_t else math.nan
                rows.append({"theme_id": theme, "period": label, "responses": n_t,
                             "share": n_t / n_k if n_k else math.nan, "nps": nps_t, "impact": impact})
    results.theme_trend = pd.DataFrame(rows, columns=["theme_id", "period", "responses", "share", "nps", "impact"])
