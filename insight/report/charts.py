"""The report's charts: declared with altair (Vega-Lite) and rendered to inline SVG by vl-convert (no
JavaScript, no network, a few KB each), and registered by name in :data:`CHARTS`.

A chart is added here and nowhere else in the code: a drawing function of plain rows, and a
``@chart("name")`` function that takes them from :class:`Source` (the :class:`insight.analysis.Results`,
the report language's strings and number locale, and the theme and driver tables labelled in it).
``insight.report.draw_charts`` draws every registered chart; the template places it as
``charts.name``.

altair is imported by the chart functions, not with the module: a report draws its charts while
discovery runs, and its 0.2 s import then costs nothing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

import pandas as pd

from insight.drivers import NO_THEME
from insight.report.svg import draw as svg_of

if TYPE_CHECKING:
    import altair as alt

PROMOTER, PASSIVE, DETRACTOR = "#1a9850", "#bdbdbd", "#d73027"
FONT = "system-ui, -apple-system, 'Segoe UI', 'Noto Sans', 'WenQuanYi Micro Hei', sans-serif"
# Room left of the theme labels of the bar and impact charts: vl-convert lays the labels out with the
# width of the font it measures with (its own Liberation Sans when no font of FONT is installed), and a
# browser may draw them up to ~13% wider (DejaVu Sans, Linux's system-ui): a 27-letter label lost its
# first letters. Labels are cut at 180 px as measured, so 24 px is enough for any of them.
LABELS_PADDING = {"left": 24, "top": 5, "right": 5, "bottom": 5}


# the report page's content width (its max-width 1040 px less 2 x 24 px of padding): the charts that stand
# alone use it; the driver charts share it two by two
PAGE_WIDTH = 990

def _svg(chart: alt.TopLevelMixin, locale: str | None) -> str:
    """The chart as SVG; ``locale``: the d3-format locale of its axes' numbers (None: English)."""
    spec = chart.configure(font=FONT).configure_view(stroke=None).to_dict(validate=False)  # (tests validate them)
    svg = svg_of(spec, locale)  # (in the report's helper process, when it has one: insight.report.svg)
    # The SVG goes inline: drop the XML prolog if any; vl-convert escapes text content.
    return svg[svg.index("<svg"):]


def distribution(counts: list[int], labels: dict[str, str], locale: str | None = None) -> str:
    import altair as alt

    cat = [labels["detractors"]] * 7 + [labels["passives"]] * 2 + [labels["promoters"]] * 2
    df = pd.DataFrame({"score": list(range(11)), "n": counts, "group": cat})
    chart = alt.Chart(df).mark_bar().encode(
        x=alt.X("score:O", title=None, axis=alt.Axis(labelAngle=0)),
        y=alt.Y("n:Q", title=labels["responses"]),
        color=alt.Color("group:N", scale=alt.Scale(domain=[labels["detractors"], labels["passives"],
                                                           labels["promoters"]],
                                                   range=[DETRACTOR, PASSIVE, PROMOTER]),
                        legend=alt.Legend(title=None, orient="top")),
    ).properties(width=PAGE_WIDTH - 60, height=190)
    return _svg(chart, locale)


def trend(periods: list[dict], labels: dict[str, str], locale: str | None = None) -> str:
    import altair as alt

    df = pd.DataFrame([p for p in periods if p["n"]])
    base = alt.Chart(df).encode(x=alt.X("period:O", title=None, sort=None, axis=alt.Axis(labelAngle=-40)))
    band = base.mark_area(opacity=0.18, color="#3366cc").encode(y=alt.Y("ci_low:Q", title="NPS"), y2="ci_high:Q")
    line = base.mark_line(point=True, color="#3366cc").encode(y="nps:Q")
    return _svg((band + line).properties(width=PAGE_WIDTH - 60, height=220), locale)


def drivers(rows: pd.DataFrame, color: str, title: str, locale: str | None = None, unexplained: str | None = None
            ) -> str:
    """A driver bar chart: each theme's contribution, largest first; the bar labelled ``unexplained``
    (what no theme explains) grey and last, so a team sees how much that is."""
    import altair as alt

    df = rows[["label", "contribution"]].copy()
    order = [*df.loc[df["label"] != unexplained].sort_values("contribution", ascending=False, kind="stable")["label"],
             *df.loc[df["label"] == unexplained, "label"]]
    chart = alt.Chart(df).mark_bar().encode(
        x=alt.X("contribution:Q", title=title, axis=alt.Axis(tickCount=6)),
        y=alt.Y("label:N", sort=order, title=None),
        color=alt.condition(alt.datum.label == (unexplained or ""), alt.value(PASSIVE), alt.value(color)),
    ).properties(width=380, height=max(40, 22 * len(df)), padding=LABELS_PADDING)
    return _svg(chart, locale)


def impact(themes: pd.DataFrame, labels: dict[str, str], locale: str | None = None) -> str:
    import altair as alt

    df = themes[["label", "impact", "impact_ci_low", "impact_ci_high"]].dropna().copy()
    base = alt.Chart(df).encode(y=alt.Y("label:N", sort=alt.EncodingSortField("impact", order="ascending"), title=None))
    rule = base.mark_rule(color="#555").encode(x=alt.X("impact_ci_low:Q", title=labels["impact"], axis=alt.Axis(tickCount=6)),
                                               x2="impact_ci_high:Q")
    point = base.mark_point(filled=True, size=60).encode(
        x="impact:Q",
        color=alt.condition(alt.datum.impact < 0, alt.value(DETRACTOR), alt.value(PROMOTER)),
    )
    zero = alt.Chart(pd.DataFrame({"x": [0]})).mark_rule(strokeDash=[3, 3], color="#999").encode(x="x:Q")
    return _svg((zero + rule + point).properties(width=PAGE_WIDTH - 240, height=max(40, 22 * len(df)),
                                                 padding=LABELS_PADDING), locale)


@dataclass
class Source:
    """What a chart is drawn from: ``results``, the UI strings ``t``, the d3 number ``locale`` (None:
    English) and ``labelled``, which makes the theme and driver tables with each theme's label in the
    report's language (made once, and only when a chart that needs themes is drawn)."""

    results: Any
    t: dict[str, str]
    locale: str | None
    labelled: Callable[[], tuple[pd.DataFrame, pd.DataFrame]] = field(repr=False)

    @cached_property
    def tables(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        return self.labelled()


# name -> the function drawing it from a Source ("" when there is nothing to draw), in page order
CHARTS: dict[str, Callable[[Source], str]] = {}
# the charts that need no themes: a report draws them while discovery still runs
BEFORE_THEMES: list[str] = []


def chart(name: str, *, before_themes: bool = False) -> Callable[[Callable[[Source], str]], Callable[[Source], str]]:
    """Register a chart of the report under ``name`` (``before_themes``: it reads only ``distribution``
    and ``periods``, which :class:`insight.analysis.Scores` has too)."""
    def register(draw: Callable[[Source], str]) -> Callable[[Source], str]:
        CHARTS[name] = draw
        if before_themes:
            BEFORE_THEMES.append(name)
        return draw
    return register


@chart("distribution", before_themes=True)
def _distribution(src: Source) -> str:
    return distribution(src.results.distribution, src.t, src.locale)


@chart("trend", before_themes=True)
def _trend(src: Source) -> str:
    periods = src.results.periods
    return trend(periods, src.t, src.locale) if sum(1 for p in periods if p["n"]) >= 2 else ""


@chart("impact")
def _impact(src: Source) -> str:
    themes, _ = src.tables
    return impact(themes, src.t, src.locale) if len(themes) else ""


# each group's driver chart: its colour and the unit of its axis (a UI string key)
DRIVER_CHARTS = {"detractor": (DETRACTOR, "points_lost"), "passive": ("#f0a500", "points_lost"),
                 "promoter": (PROMOTER, "points_won")}


def _driver_chart(kind: str, color: str, unit: str) -> Callable[[Source], str]:
    def draw(src: Source) -> str:
        """The ten themes that explain most of the group's points and the part no theme explains."""
        _, drivers_ = src.tables
        rows = drivers_[drivers_["kind"] == kind]
        shown = pd.concat([rows[rows["theme_id"] != NO_THEME].head(10), rows[rows["theme_id"] == NO_THEME]])
        shown = shown[shown["contribution"] > 0]
        return drivers(shown, color, src.t[unit], src.locale, unexplained=src.t["no_theme"]) if len(shown) else ""
    return draw


for _kind, (_color, _unit) in DRIVER_CHARTS.items():
    chart(_kind)(_driver_chart(_kind, _color, _unit))
