"""What one analysis found: :class:`Results` (complete, never changed after it is built) and
:class:`Scores` (what is known before the themes)."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from insight.themes.codeframe import Codeframe


@dataclass(frozen=True)
class Results:
    """Everything one analysis found, built once and complete: the report, the exports, the store and
    the terminal only format it. DataFrames are plain tables; ``nps`` is a plain dict."""

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
    # what the report shows, worked out here so that rendering only formats:
    close_the_loop: dict[str, tuple[int, int]] = field(default_factory=dict)  # category -> (responses, with a comment)
    # category -> positions in ``responses`` of its close-the-loop list, in the order to contact them
    call_lists: dict[str, np.ndarray] = field(default_factory=dict)
    # per segment (detractors): column, segment and its three top drivers (theme_id, contribution, significant)
    segment_top_drivers: list[dict[str, object]] = field(default_factory=list)
    theme_shares: dict[str, list[float]] = field(default_factory=dict)  # theme id -> share per period
    # the theme table's first themes over the last periods: {"periods": [...], "rows": [{"theme_id", "cells":
    # [(share, impact) per period]}]}, with two periods or more
    theme_trend_cells: dict[str, object] | None = None
    # with several open questions: {"questions", "answers" (answered per question), "rows": [{"theme_id",
    # "cells": [{"share", "negative"} or None per question]}]}, the themes most named first
    question_cells: dict[str, object] | None = None
    # the themes that cost the most NPS points, with what the report's "fix first" box says of each
    # (see insight.analysis.tables.fix_first)
    fix_first: list[dict[str, object]] = field(default_factory=list)
    # a significant rise of the detractor share since the previous period, overall, per segment and per
    # theme (Holm over the alerts_tested groups); see insight.score.alerts
    alerts: list[dict[str, object]] = field(default_factory=list)
    alerts_tested: int = 0
    # customer value: NPS by value band and the value-weighted NPS (insight.score.value.by_value), or None
    value: dict[str, object] | None = None


@dataclass(frozen=True)
class Scores:
    """What an analysis knows before the themes: what a report can draw while discovery runs."""

    distribution: list[int]  # responses per score 0..10
    periods: list[dict[str, object]]
