"""The HTML report: one self-contained file, rendered from :class:`insight.analysis.Results`.

Rendering never computes statistics: it formats, translates and lays out what ``analyze`` found.
Everything user-supplied is escaped by Jinja2's autoescape; a Content-Security-Policy forbids any
request leaving the page.
"""

from __future__ import annotations

import functools
import os
import re
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd
from jinja2 import Environment, FileSystemLoader, select_autoescape

from insight import progress
from insight.drivers import EMERGING_MIN_COUNT
from insight.languages import UI_LANGUAGES
from insight.report import charts
from insight.report.exports import LISTS
from insight.report.i18n import LANGS, strings
from insight.themes import silent

__all__ = ["LANGS", "draw_charts", "render", "warm", "write_report"]

_TEMPLATES = Path(__file__).resolve().parent / "templates"
_TEMPLATE = "report.html.j2"
GENERATED_MARK = "generated-at"


def _localised(text: str, lang: str) -> str:
    """A number written the English way (``1,234.5``) with the punctuation of ``lang``."""
    return UI_LANGUAGES[lang].number(text)


def number_filters(lang: str) -> dict[str, Callable[..., str]]:
    """The Jinja2 filters that write numbers in UI language ``lang`` (``num``, ``signed``, ``pct``,
    ``pvalue``; a missing value as "–"): the report's, and the workspace's pages'."""
    numbers = {
        "num": _num,
        "signed": _signed,
        "pct": lambda v, d=0: "–" if _missing(v) else f"{_rounded(100 * v, d):.{d}f}%",
        "pvalue": lambda v: "–" if _missing(v) else ("<0.001" if v < 0.001 else f"{v:.3f}"),
    }
    return {name: (lambda *args, _show=show, **kw: _localised(_show(*args, **kw), lang))
            for name, show in numbers.items()}


@functools.lru_cache(maxsize=None)
def _env(lang: str = "en") -> Environment:
    """The template environment of UI language ``lang``: one per process, which compiles the report's
    template once (~0.4 s) and keeps it."""
    env = Environment(loader=FileSystemLoader(_TEMPLATES), autoescape=select_autoescape(["html", "j2"]),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters.update(number_filters(lang))
    env.filters["tone"] = _tone
    return env


def _missing(v: object) -> bool:
    return v is None or (isinstance(v, float) and v != v)


def _rounded(v: float, d: int) -> float:
    """``v`` rounded to ``d`` decimals; a negative value that rounds to zero loses its minus ("-0.0")."""
    return round(v, d) + 0.0


def _num(v: object, d: int = 1) -> str:
    if _missing(v):
        return "–"
    if isinstance(v, int):
        return f"{v:,}"
    return f"{_rounded(v, d):,.{d}f}"


def _signed(v: object, d: int = 1) -> str:
    """A change or an impact with its sign; one that shows as zero has none."""
    if _missing(v):
        return "–"
    shown = _rounded(v, d)
    return f"{shown:.{d}f}" if shown == 0 else f"{shown:+.{d}f}"


def _tone(v: object, d: int = 1) -> str:
    """The CSS class of a signed figure as :func:`_signed` shows it: red below zero, green above, none at zero."""
    if _missing(v):
        return ""
    shown = _rounded(v, d)
    return "neg" if shown < 0 else "pos" if shown > 0 else ""


_VALUES = re.compile(r"'[^']*'|\"[^\"]*\"|(?<=row )\d+")
# the loader's reasons (insight.load) by kind, each with its UI string key
_REASON_KINDS = [(re.compile(pattern), key) for pattern, key in (
    (r"missing score", "q_missing_score"),
    (r"score is a true/false value .*", "q_score_bool"),
    (r"score .* is not a number 0-10", "q_score_text"),
    (r"score .* holds more than one number", "q_score_text"),
    (r"score .* is not a whole number", "q_score_fraction"),
    (r"score .* is not a number", "q_score_nan"),
    (r"score .* is a date, not 0-10", "q_score_date"),
    (r"score .* is outside 0-10", "q_score_range"),
    (r"date .* is not a date this tool reads( \(.*\))?", "q_date"),
    (r"duplicate response id .*", "q_duplicate_id"),
    (r"row has .*", "q_row_width"),
    (r"invalid JSON: .*", "q_json"),
    (r"a JSON line must be an object", "q_json_object"),
)]


def _reason_kinds(quarantine: pd.DataFrame, t: dict[str, str]) -> list[tuple[str, int]]:
    """Quarantine reasons grouped by kind, named in the report's language (a reason of no known
    kind is shown with the values inside it replaced by '…')."""
    counts: Counter = Counter()
    for reason in quarantine.get("reason", pd.Series(dtype=str)).fillna(""):
        for part in str(reason).split("; "):
            key = next((key for pattern, key in _REASON_KINDS if pattern.fullmatch(part)), None)
            counts[t[key] if key else _VALUES.sub("…", part)] += 1
    return counts.most_common()


# the driver tables: each group's title (a UI string key); the unit is its chart's
_KINDS = tuple((kind, f"{kind}_drivers", unit) for kind, (_, unit) in charts.DRIVER_CHARTS.items())


def _labelled(results, lang: str, t: dict[str, str]) -> tuple[dict[str, str], pd.DataFrame, pd.DataFrame]:
    """Theme labels in ``lang`` (a discovered theme's marked so), and the theme and driver tables with them."""
    theme_label = {th.id: th.label_in(lang) + (t["discovered_mark"] if th.discovered else "")
                   for th in results.codeframe.themes}
    themes = results.themes.copy()
    themes["label"] = themes["theme_id"].map(theme_label)
    drivers = results.drivers.copy()
    drivers["label"] = drivers["theme_id"].map(theme_label).fillna(t["no_theme"])
    return theme_label, themes, drivers


# the charts of a report, in page order (see insight.report.charts, where each is declared)
CHARTS = tuple(charts.CHARTS)
BEFORE_THEMES = tuple(charts.BEFORE_THEMES)


def draw_charts(results, lang: str = "en", only: Sequence[str] = CHARTS) -> dict[str, str]:
    """The report's charts (those named in ``only``) as inline SVG, in UI language ``lang`` — the
    slow part of rendering (vl-convert). The BEFORE_THEMES ones need only ``distribution`` and
    ``periods`` (:class:`insight.analysis.Scores` has them), so a report draws them while discovery
    still runs (see ``meanwhile`` in :func:`insight.analysis.analyze`) and passes them to :func:`render`."""
    t = strings(lang)
    source = charts.Source(results, t, UI_LANGUAGES[lang].chart_locale,
                           labelled=lambda: _labelled(results, lang, t)[1:])
    return {name: draw(source) for name, draw in charts.CHARTS.items() if name in only}


def warm(lang: str = "en") -> None:
    """Compile the report's template for ``lang`` now (a report does it while discovery runs beside:
    rendering then only fills it in)."""
    _env(lang).get_template(_TEMPLATE)


def render(results, lang: str = "en", generated_at: datetime | None = None,
           drawn: dict[str, str] | None = None, exports: str | os.PathLike[str] | None = None) -> str:
    """The report as one HTML string in UI language ``lang`` (``drawn``: its charts, if
    :func:`draw_charts` made them already; ``exports``: the folder the close-the-loop lists are
    written to beside it, which the report then names)."""
    t = strings(lang)
    theme_label, themes, drivers = _labelled(results, lang, t)
    drawn = dict(drawn or {})
    missing = [name for name in CHARTS if name not in drawn]
    if missing:
        drawn.update(draw_charts(results, lang, only=missing))
    kinds = {kind: {"title": t[key], "unit": t[unit], "rows": drivers[drivers["kind"] == kind].to_dict("records"),
                    "chart": drawn[kind]}
             for kind, key, unit in _KINDS}
    segment_drivers = [{**s, "drivers": _named(s["drivers"], theme_label)} for s in results.segment_top_drivers]
    fix_first = _named(results.fix_first, theme_label)
    alerts = [{**a, "label": theme_label.get(a["theme_id"], a["theme_id"])} if "theme_id" in a else a
              for a in results.alerts]
    change = None
    if results.period_change is not None:
        pc = results.period_change.copy()
        pc["label"] = pc["theme_id"].map(theme_label).fillna(t["no_theme"])
        change = {"labels": results.period_change_labels, "rows": pc.head(8).to_dict("records")}
    emerging = None
    if results.emerging is not None:
        em = results.emerging[results.emerging["emerging"]].copy()
        em["label"] = em["theme_id"].map(theme_label)
        emerging = em.to_dict("records")
    discovered = [{**row, "quotes": row["quotes"][:3]}
                  for row in (results.discovered.head(10).to_dict("records") if results.discovered is not None else [])]
    tables = {name: {**cells, "rows": _named(cells["rows"], theme_label)} if cells is not None else None
              for name, cells in (("theme_trends", results.theme_trend_cells), ("by_question", results.question_cells))}
    context = {
        "t": t, "lang": lang, "marks": UI_LANGUAGES[lang], "r": results, "nps": results.nps,
        "themes": themes.to_dict("records"),
        "theme_label": theme_label, "kinds": kinds, "change": change, "emerging": emerging,
        "trend": results.theme_shares, "close": results.close_the_loop, **tables,
        "status": results.catalog,
        "focus": ({"wave": results.settings["focus"], "earlier": sum(1 for p in results.periods if p["n"]) - 1}
                  if results.settings.get("focus") else None), "reasons": _reason_kinds(results.quarantine, t),
        "level": int(round(100 * float(results.settings["confidence"]))),
        "alpha": _localised(f"{1 - float(results.settings['confidence']):.3g}", lang),
        "emerging_min": EMERGING_MIN_COUNT, "silent_sure": round(100 * silent.CONFIDENT),
        "generated": (generated_at or datetime.now(timezone.utc)).strftime("%Y-%m-%d %H:%M UTC"),
        "source": os.path.basename(str(results.load.get("path", ""))),
        "codeframe_title": t["codeframe_version"].format(name=results.codeframe.name, version=results.codeframe.version)
        + (t["codeframe_on"].format(base=results.codeframe.base) if results.codeframe.base else ""),
        "charts": drawn,
        "segments": results.segments,
        "segment_drivers": segment_drivers,
        "fix_first": fix_first,
        "alerts": alerts,
        "discovered": discovered,
        "previous": _previous(results.periods),
        "generated_mark": GENERATED_MARK,
        "lists": {kind: os.path.join(str(exports), name) for kind, name in LISTS.items()} if exports else None,
    }
    return _env(lang).get_template(_TEMPLATE).render(**context)


def _named(rows: list[dict], theme_label: dict[str, str]) -> list[dict]:
    """Rows that name a theme by id, with its label in the report's language."""
    return [{**row, "label": theme_label.get(row["theme_id"], row["theme_id"])} for row in rows]


def _previous(periods: list[dict]) -> dict | None:
    nonempty = [p for p in periods if p["n"]]
    return nonempty[-1] if len(nonempty) >= 2 else None


@progress.staged("writing the report")
def write_report(results, path: str | os.PathLike[str], lang: str = "en", drawn: dict[str, str] | None = None,
                 exports: str | os.PathLike[str] | None = None) -> Path:
    """Render the report and write it to ``path`` (folders are created); see :func:`render`."""
    html = render(results, lang=lang, drawn=drawn, exports=exports)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(html, encoding="utf-8")
    return path
