"""``analyze``: responses in, :class:`Results` out - every number the report and exports show.

A pipeline of stages, each a function of what the earlier ones produced:

1. ``_scope``: the usable responses, the period spec and the NPS per period, and the scope of the
   headline numbers (every response, or the last period's);
2. ``_tagging``: the codeframe rules (a trained model's themes added, the analysts' catalog
   applied); discovery of the themes nobody listed starts beside the next stage;
3. the scores (``insight.score.summarize``), handed to ``meanwhile`` while discovery runs;
4. ``_themes``: the theme tables, discovery's themes joined in, the mentions of the scope;
5. the drivers, segments, trends and the detractor alerts (``trends``), questions, quotes (``quotes``)
   and what to fix first (``tables``);
6. ``_assemble``: one :class:`Results`, complete.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

import numpy as np
import pandas as pd

from insight import progress, settings
from insight.analysis.discovery import EarlyDiscovery, discover, discovery_beside, fits_beside
from insight.analysis.quotes import quotes
from insight.analysis.results import Results, Scores
from insight.analysis.tables import (by_question, by_segment_late, call_lists, close_the_loop, discovered_columns,
                                     fix_first, for_statistics, mentions_of, question_cells, segment_top_drivers,
                                     segments_of, subset, text_counts, theme_tables, themes_overview)
from insight.analysis.trends import Trends, alert_groups, trend_cells, trends
from insight.drivers import attribution, join_theme_tables, theme_table
from insight.errors import InsightError
from insight.load import Survey
from insight.parallel import in_background
from insight.score import segment_columns, summarize
from insight.score.alerts import detractor_alerts
from insight.score.groups import Period, parse_period, period_keys
from insight.text.normalize import redact
from insight.themes.catalog import ThemeCatalog
from insight.themes.choose import AUTO, Choice, resolve_codeframe
from insight.themes.codeframe import Codeframe
from insight.themes.discover import Discovery, warm as warm_discovery
from insight.themes.discovered import add_discovered, with_discovered_themes
from insight.themes.mentions import TagResult
from insight.themes.model_themes import tag_comments
from insight.themes.tagger import RuleTagger

__all__ = ["Results", "Scores", "analyze", "discovery_beside"]

R = TypeVar("R")


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
    value: str | None = None,
    semantic: str = "auto",
    discovery: Callable | None = None,
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
    moderate surveys (the report draws its first charts then). ``value`` names the customer-value
    column (default: one whose header reads like it): NPS by value band and the value-weighted NPS.
    ``semantic`` (auto, on, off: :func:`insight.text.embed.decide`) says whether the semantic tier
    reads the polarity of the comments the lexicon reads nothing in (:mod:`insight.themes.silent`)
    and whether a model trained with the tier uses it (off: its text-only twin). ``discovery``: the
    process :func:`discovery_beside` started for this survey earlier, if any."""
    if isinstance(codeframe, Choice):
        cf, choice = codeframe.codeframe, codeframe
    else:
        cf, choice = resolve_codeframe(codeframe, survey.all_rows()["comment"] if codeframe == AUTO else None, n_jobs)
    if catalog is not None:
        cf = catalog.relabel(cf)
    scope = _scope(survey, period, focus_last, confidence, min_n, benchmarks)
    by = segment_columns(by, scope.responses)
    # discovery needs the tagging, and the drivers need discovery: on surveys of moderate size it
    # runs beside the scoring (on the other core, in a process forked now, which imports
    # scikit-learn meanwhile); larger ones run it in this process, so that the two never hold their
    # memory at the same time
    beside = discover_themes and fits_beside(len(scope.responses))
    start_discovery = (discovery or in_background(discover, warm=warm_discovery)) if beside else None
    early = EarlyDiscovery(survey, scope.responses, start_discovery, seed, n_jobs)  # (beside: once themes are known)
    tagger, tagged, silent_read = _tagging(scope.responses, cf, choice, catalog, model, n_jobs, semantic,
                                           early.themes_known if start_discovery is not None else None)
    pending = early.pending(tagged, tagger) if discover_themes else None
    with progress.stage("scores, drivers and segments"):
        summary, distribution = _scores(scope, by, confidence, min_n, benchmarks, value, meanwhile)
        segments = segments_of(scope.resp, by)
        stats = {"confidence": confidence, "n_boot": n_boot, "seed": seed, "min_n": min_n}
        found = _themes(scope, tagged, cf, segments, stats, pending)
        by_q, asked = by_question(tagger, scope.resp, survey.info.columns.questions, found.label, n_jobs)
        run = {"confidence": confidence, "min_n": min_n, "by": list(by), "n_boot": n_boot, "seed": seed,
               "model": model, "catalog": catalog, "choice": choice, "silent_read": silent_read}
        return _assemble(survey, scope, found, summary, distribution, segments, by_q, asked, run)


def _scores(scope: _Scope, by: list[str], confidence: float, min_n: int, benchmarks: list[dict[str, object]] | None,
            value: str | None, meanwhile: Callable[[Scores], object] | None) -> tuple[dict, list[int]]:
    """The scores of the scope (``summarize``) and its score distribution, handed to ``meanwhile``."""
    summary = summarize(scope.resp, by=by, confidence=confidence, min_n=min_n, quarantined=len(scope.quarantine),
                        benchmarks=benchmarks, value=value)
    distribution = np.bincount(scope.resp["score"].to_numpy().astype(np.int64), minlength=11).tolist()
    if meanwhile is not None:
        meanwhile(Scores(distribution, scope.trend.get("by_period", [])))
    return summary, distribution


@dataclass(frozen=True)
class _Scope:
    """The usable responses and the scope of the headline numbers."""

    responses: pd.DataFrame  # every usable response, numbered from 0
    resp: pd.DataFrame  # those the headline numbers are of: all, or the last period's with focus_last
    index: np.ndarray | None  # their rows in ``responses`` (None: all of them)
    quarantine: pd.DataFrame  # the quarantined rows of the scope
    spec: Period | None  # the trend period, if any
    trend: dict  # summarize's NPS per period (empty without a period)
    categories: np.ndarray  # category code per response of ``responses``
    codes: np.ndarray | None  # each response's period (period_keys; -1 undated), None without a period
    keys: list  # the periods, as period_keys gives them

    @property
    def cats(self) -> np.ndarray:
        """The category codes of the scope's responses."""
        return self.categories[self.index] if self.index is not None else self.categories


def _scope(survey: Survey, period: str | None, focus_last: bool, confidence: float, min_n: int,
           benchmarks: list[dict[str, object]] | None) -> _Scope:
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
    index, quarantine = None, survey.quarantine
    codes, keys = period_keys(responses[spec.column], spec) if spec is not None else (None, [])
    if focus_last and codes is not None:
        present = np.unique(codes[codes >= 0])
        if len(present):
            last = np.flatnonzero(codes == present[-1])
            if spec.kind == "wave" and "wave" in quarantine.columns:
                quarantine = quarantine[quarantine["wave"] == responses["wave"].iloc[last[0]]]
            index = last if len(last) < len(responses) else None
    resp = responses.iloc[index].reset_index(drop=True) if index is not None else responses
    categories = responses["category"].cat.codes.to_numpy().astype(np.int64)
    return _Scope(responses, resp, index, quarantine, spec, trend, categories, codes, keys)


def _tagging(responses: pd.DataFrame, cf: Codeframe, choice: Choice | None, catalog: ThemeCatalog | None,
             model: object | None, n_jobs: int | None, semantic: str,
             themes_known: Callable[[RuleTagger, TagResult], object] | None = None
             ) -> tuple[RuleTagger, TagResult, int]:
    """The rules' themes of every response, a trained model's added, the analysts' catalog applied; and
    how many distinct comments the semantic tier read the polarity of (:mod:`insight.themes.silent`).
    ``themes_known`` is called with the tagger and the rules' themes as soon as they are known, before the
    mentions table is built, when nothing will change them after (no model, no catalog)."""
    # the tagger the choice of the codeframe built, unless the catalog relabelled the codeframe
    tagger = choice.ready_tagger() if choice is not None and catalog is None else RuleTagger(cf)
    known = functools.partial(themes_known, tagger) if themes_known and model is None and catalog is None else None
    tagged, silent_read = tag_comments(tagger, responses["comment"], model, n_jobs, semantic, known)
    if catalog is not None:
        tagged = catalog.apply(tagged, cf)
    return tagger, tagged, silent_read


@dataclass(frozen=True)
class _Themes:
    """The themes stage: the codeframe and tagging with discovery's themes, the mentions, the tables."""

    codeframe: Codeframe  # with the discovered themes
    tagged: TagResult  # every response's
    discovery: Discovery | None
    all_mentions: pd.DataFrame  # every response's, with its response id
    mentions: pd.DataFrame  # the scope's
    scored: pd.DataFrame  # the scope's, as the statistics read them
    table: pd.DataFrame  # the theme table of the scope
    label: dict[str, str]  # theme id -> English label
    by_segment: Callable[[], tuple[pd.DataFrame, pd.DataFrame]]  # waits for per_segment's drivers and themes


def _themes(scope: _Scope, tagged: TagResult, cf: Codeframe, segments: list, stats: dict,
            pending: Callable[[], Discovery] | None) -> _Themes:
    """While discovery runs: the tables of the themes it cannot change (it only retags the comments
    the fallback theme alone took); those of the fallback and discovered themes are joined after.
    The segments' tables and drivers are then made beside (:func:`_beside`) while this process makes
    the scope's."""
    scored = for_statistics(mentions_of(tagged, scope.responses, scope.index)[1])
    settled = scored[scored["top_theme"] != cf.fallback] if pending is not None else scored
    tables = theme_tables(scope.cats, settled, segments, **stats)
    discovery = None
    if pending is not None:
        discovery = pending()
        tagged = add_discovered(tagged, discovery, cf.fallback)
        cf = with_discovered_themes(cf, discovery.proposals)
    all_mentions, mentions = mentions_of(tagged, scope.responses, scope.index)
    scored = for_statistics(mentions)
    # the mentions of the themes discovery changed: the fallback's and the discovered themes'
    late = (scored[scored["top_theme"].isin({cf.fallback, *discovery.proposals["id"]})]
            if discovery is not None else None)
    label = {t.id: t.label_in("en") for t in cf.themes}
    by_segment = _beside(functools.partial(by_segment_late, scope.cats, scored, late, tables[1:], segments, label,
                                           stats), len(scope.responses) if segments else 0)
    table = tables[0]
    if late is not None:
        table = join_theme_tables(table, theme_table(scope.cats, late, **stats))
    table.insert(1, "label", table["theme_id"].map(label))
    return _Themes(cf, tagged, discovery, all_mentions, mentions, scored, table, label, by_segment)


def _beside(func: Callable[[], R], rows: int) -> Callable[[], R]:
    """``func``'s result, waited for: made in a process forked now when there are ``rows`` to
    tabulate and they fit beside (:func:`_fits_beside`), else made here, now."""
    if not rows or not fits_beside(rows):
        value = func()
        return lambda: value
    return in_background(func)()


def _assemble(survey: Survey, scope: _Scope, found: _Themes, summary: dict, distribution: list[int],
              segments: list, by_q: pd.DataFrame | None, asked: dict, run: dict) -> Results:
    """The one :class:`Results` of the analysis, every field computed before it is built."""
    cf, table, confidence = found.codeframe, found.table, run["confidence"]
    themes = themes_overview(table, cf)
    drivers = attribution(scope.cats, found.scored, confidence=confidence)
    drivers.insert(2, "label", drivers["theme_id"].map(found.label).fillna(drivers["theme_id"]))
    tagged_scope = subset(found.tagged, scope.index) if scope.index is not None else found.tagged
    out = _responses_out(scope, tagged_scope, found.discovery)
    periods = scope.trend.get("by_period", [])
    moved = Trends(None, None, None, None)
    if periods:
        moved = trends(scope.codes, scope.keys, found.all_mentions, scope.categories, periods, cf, confidence)
    shares, cells = trend_cells(moved.theme_trend, periods, themes["theme_id"])
    alerts, tested = _alerts(scope, found, periods, run)
    text = text_counts(tagged_scope.prepared, tagged_scope.themes, cf)
    if found.discovery is not None:
        text.update(discovery_considered=found.discovery.considered, discovery_unassigned=found.discovery.unassigned)
    nps = {k: v for k, v in summary.items() if k not in ("by_segment", "by_value")}
    if scope.trend:
        nps.update(period=scope.trend.get("period"), undated=scope.trend.get("undated"))
    catalog = run["catalog"]
    statuses = {tid: catalog.status_of(tid) for tid in cf.ids} if catalog is not None else {}
    picked = quotes(found.mentions, out, cf, asked)
    seg_drivers = seg_themes = None
    if run["by"]:
        seg_drivers, seg_themes = found.by_segment()  # (made beside meanwhile: asked for last)
    return Results(
        nps=nps, themes=themes, theme_polarity=table[table["polarity"] != "all"].reset_index(drop=True),
        drivers=drivers, mentions=found.mentions, responses=out, quarantine=scope.quarantine,
        load=_load_info(survey, scope), codeframe=cf, distribution=distribution,
        segments=summary.get("by_segment", []), segment_drivers=seg_drivers, segment_themes=seg_themes,
        periods=periods, period=scope.trend.get("period"), period_change=moved.period_change,
        period_change_labels=moved.period_change_labels, emerging=moved.emerging, theme_trend=moved.theme_trend,
        discovered=_redacted(found.discovery.proposals) if found.discovery is not None else None,
        quotes=picked, questions=by_q,
        languages={str(k): int(v) for k, v in out["lang"].value_counts().sort_index().items()},
        text=text, settings=_settings(scope, cf, run),
        catalog=statuses, fix_first=fix_first(themes, drivers, picked, shares, statuses),
        close_the_loop=close_the_loop(out), call_lists=call_lists(out),
        segment_top_drivers=segment_top_drivers(seg_drivers),
        theme_shares=shares, theme_trend_cells=cells, question_cells=question_cells(by_q),
        alerts=alerts, alerts_tested=tested, value=summary.get("by_value"),
    )


def _alerts(scope: _Scope, found: _Themes, periods: list[dict], run: dict) -> tuple[list[dict], int]:
    """The detractor alerts since the previous period (theme alerts with the theme's English label),
    and how many groups were tested."""
    if not periods:
        return [], 0
    groups = alert_groups(scope.responses, scope.codes, scope.keys, found.all_mentions, scope.categories, periods,
                          run["by"])
    alerts, tested = detractor_alerts(groups, run["confidence"])
    return [{**a, "label": found.label.get(a["theme_id"], a["theme_id"])} if a["scope"] == "theme" else a
            for a in alerts], tested


def _responses_out(scope: _Scope, tagged_scope: TagResult, discovery: Discovery | None) -> pd.DataFrame:
    """The scope's responses with their language, themes, theme polarities and discovered theme."""
    out = scope.resp.copy(deep=False)  # copy-on-write: the new columns do not touch the survey
    out["lang"] = tagged_scope.prepared["lang"].to_numpy()
    joined: dict[int, str] = {}  # identical comments share their theme list: join each list once
    out["themes"] = [joined.get(id(ids)) or joined.setdefault(id(ids), "|".join(ids)) for ids in tagged_scope.themes]
    out["theme_polarity"] = tagged_scope.theme_polarity
    if discovery is not None:
        members = discovery.members[scope.index] if scope.index is not None else discovery.members
        out["discovered"], out["discovered_label"] = discovered_columns(members, discovery.proposals)
    return out


def _load_info(survey: Survey, scope: _Scope) -> dict[str, object]:
    load_info = survey.info.as_dict()
    if scope.index is not None:
        load_info.update(rows_scored=len(scope.resp), rows_quarantined=len(scope.quarantine),
                         rows_read=len(scope.resp) + len(scope.quarantine))
    return load_info


def _settings(scope: _Scope, cf: Codeframe, run: dict) -> dict[str, object]:
    """How the analysis was run, as the report's method notes and the store's runs show it."""
    model, choice = run["model"], run["choice"]
    focus = None
    if scope.index is not None and scope.spec is not None:
        focus = str(scope.responses[scope.spec.column].iloc[scope.index[0]])
    return {"confidence": run["confidence"], "min_n": run["min_n"], "by": run["by"], "period": scope.trend.get("period"),
            "codeframe": cf.title, "codeframe_choice": choice.as_dict() if choice else None,
            "n_boot": run["n_boot"], "seed": run["seed"],
            "model": None if model is None else f"{type(model).__name__} ({len(model.classes_)} labels)",
            "focus": focus, "silent_read": run["silent_read"]}


def _redacted(proposals: pd.DataFrame) -> pd.DataFrame:
    """Discovered themes with their quotes redacted (PII), as everything the report shows."""
    out = proposals.copy()
    out["quotes"] = [[redact(q) for q in row] for row in out["quotes"]]
    return out
