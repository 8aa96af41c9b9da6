"""What moves NPS: theme impact, additive driver attribution, change between periods, emerging themes.

Pure functions on two plain inputs:

* ``categories``: one code per response, 0 = detractor, 1 = passive, 2 = promoter;
* ``mentions``: the long table with at least ``response`` (0-based index into ``categories``),
  ``top_theme`` and ``polarity`` (-1/0/+1).

Formulas (DESIGN.md, "Statistics"):

* Theme NPS and its adjusted-Wald interval over the responses that mention the theme.
* Remove-the-theme impact: NPS_all - NPS_without = n_t (NPS_t - NPS_all) / (N - n_t), with a
  bootstrap interval. The statistic depends only on the 2 x 3 table (mentions / does not mention
  x category), so resampling responses is exactly a multinomial draw over its six cells.
* Additive attribution. NPS = 100 - 100 (Pa + 2 D) / N: a detractor costs 200/N points against a
  perfect score, a passive 100/N; a promoter earns 100/N. Each response's points are shared
  equally among the themes it mentions with the qualifying polarity - blame (-1) for detractors,
  blame or lukewarm (-1, 0) for passives, praise (+1) for promoters. That is the Shapley value of
  the coverage game "points of the responses that mention at least one theme in S", so the parts
  are exact and add up: detractor drivers + their "(no theme)" remainder = 200 D / N, passive
  drivers + remainder = 100 Pa / N, promoter drivers + remainder = 100 P / N.
* Period-over-period: the same attribution per period; the change in NPS equals minus the change
  in points lost, theme by theme plus the remainder - again exact.
* Significance: two-proportion z-tests, Benjamini-Hochberg across the themes of one family.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pandas as pd

from insight import settings
from insight.score.nps import benjamini_hochberg, compare, nps_from_counts

__all__ = ["KINDS", "NO_THEME", "attribution", "emerging", "join_theme_tables", "period_attribution", "restrict",
           "theme_table"]

KINDS = ("detractor", "passive", "promoter")
NO_THEME = "(no theme)"
# Which mentions explain each kind of respondent, and what one respondent is worth in NPS points.
QUALIFYING = {"detractor": (-1,), "passive": (-1, 0), "promoter": (1,)}
POINTS = {"detractor": 200.0, "passive": 100.0, "promoter": 100.0}
_CODE = {"detractor": 0, "passive": 1, "promoter": 2}


def restrict(mentions: pd.DataFrame, idx: np.ndarray) -> pd.DataFrame:
    """The mentions of the responses ``idx`` (sorted), renumbered 0..len(idx)-1 like ``categories[idx]``."""
    local = mentions[mentions["response"].isin(idx)].copy()
    local["response"] = np.searchsorted(idx, local["response"].to_numpy())
    return local


def _responses_with(mentions: pd.DataFrame, polarities: Sequence[int] | None = None) -> dict[str, np.ndarray]:
    """Theme -> sorted distinct response indices that mention it (with one of ``polarities``)."""
    m = mentions if polarities is None else mentions[mentions["polarity"].isin(polarities)]
    if m.empty:
        return {}
    # the distinct (theme, response) pairs as one sorted integer each: by theme, then by response
    codes, themes = pd.factorize(m["top_theme"], sort=True)
    responses = m["response"].to_numpy().astype(np.int64)
    width = int(responses.max()) + 1
    pairs = np.unique(codes[codes >= 0].astype(np.int64) * width + responses[codes >= 0])
    bounds = np.searchsorted(pairs // width, np.arange(len(themes) + 1))
    return {str(t): pairs[bounds[k]:bounds[k + 1]] % width for k, t in enumerate(themes)}


def _counts(categories: np.ndarray, idx: np.ndarray | None = None) -> tuple[int, int, int]:
    """(promoters, passives, detractors) among ``categories`` (or the rows ``idx``)."""
    c = categories if idx is None else categories[idx]
    b = np.bincount(c, minlength=3)
    return int(b[2]), int(b[1]), int(b[0])


def _two_proportion_p(x1: int, n1: int, x2: int, n2: int) -> float:
    """Two-sided p-value of the pooled two-proportion z-test (NaN when undefined)."""
    if n1 == 0 or n2 == 0:
        return math.nan
    pooled = (x1 + x2) / (n1 + n2)
    se = math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
    if se == 0:
        return math.nan
    z = (x1 / n1 - x2 / n2) / se
    return math.erfc(abs(z) / math.sqrt(2))


def impact_interval(
    t_counts: tuple[int, int, int], rest_counts: tuple[int, int, int], confidence: float, n_boot: int, seed: int
) -> tuple[float, float]:
    """Bootstrap percentile interval of the remove-the-theme impact (multinomial over the 2x3 table)."""
    cells = np.array(t_counts + rest_counts, dtype=float)  # P, Pa, D with theme; P, Pa, D without
    n = int(cells.sum())
    if n == 0 or cells[:3].sum() == 0 or cells[3:].sum() == 0:
        return math.nan, math.nan
    rng = np.random.default_rng(seed)
    draws = rng.multinomial(n, cells / n, size=n_boot).astype(float)
    nt = draws[:, :3].sum(axis=1)
    nr = draws[:, 3:].sum(axis=1)
    nps_all = 100 * (draws[:, 0] + draws[:, 3] - draws[:, 2] - draws[:, 5]) / n
    with np.errstate(invalid="ignore", divide="ignore"):
        nps_rest = 100 * (draws[:, 3] - draws[:, 5]) / nr
    impact = np.where((nt > 0) & (nr > 0), nps_all - nps_rest, np.nan)
    impact = impact[~np.isnan(impact)]
    if impact.size == 0:
        return math.nan, math.nan
    alpha = 1 - confidence
    lo, hi = np.quantile(impact, [alpha / 2, 1 - alpha / 2])
    return float(lo), float(hi)


def theme_table(
    categories: np.ndarray,
    mentions: pd.DataFrame,
    *,
    confidence: float = settings.CONFIDENCE,
    n_boot: int = 1000,
    seed: int = 0,
    min_n: int = settings.MIN_N,
) -> pd.DataFrame:
    """One row per theme and per theme x polarity (``polarity`` "all", "-1", "0", "+1").

    Columns: theme_id, polarity, responses, mentions, share_promoters / share_passives /
    share_detractors (the share of each group that mentions it), nps, ci_low, ci_high, impact,
    impact_ci_low, impact_ci_high, p_value (theme NPS vs the rest), q_value (BH within a polarity),
    low_n.
    """
    categories = np.asarray(categories)
    n = len(categories)
    group_sizes = np.bincount(categories, minlength=3)
    everyone = _counts(categories)
    rows = []
    families = [("all", None), ("-1", (-1,)), ("0", (0,)), ("+1", (1,))]
    for label, pols in families:
        subset = mentions if pols is None else mentions[mentions["polarity"].isin(pols)]
        mention_counts = subset.groupby("top_theme").size()
        for theme, idx in _responses_with(mentions, pols).items():
            t = _counts(categories, idx)
            rest = (everyone[0] - t[0], everyone[1] - t[1], everyone[2] - t[2])  # those who do not mention it
            t_nps = nps_from_counts(*t, confidence)
            rest_nps = nps_from_counts(*rest, confidence)
            all_nps = 100 * (t[0] + rest[0] - t[2] - rest[2]) / n
            impact = all_nps - rest_nps.nps if rest_nps.n else math.nan
            lo, hi = impact_interval(t, rest, confidence, n_boot, seed)
            p = compare(t_nps, rest_nps)[1] if rest_nps.n else math.nan
            b = np.bincount(categories[idx], minlength=3)
            rows.append({
                "theme_id": theme, "polarity": label, "responses": len(idx),
                "mentions": int(mention_counts.get(theme, 0)),
                "share_promoters": b[2] / group_sizes[2] if group_sizes[2] else math.nan,
                "share_passives": b[1] / group_sizes[1] if group_sizes[1] else math.nan,
                "share_detractors": b[0] / group_sizes[0] if group_sizes[0] else math.nan,
                "nps": t_nps.nps, "ci_low": t_nps.ci_low, "ci_high": t_nps.ci_high,
                "impact": impact, "impact_ci_low": lo, "impact_ci_high": hi,
                "p_value": p, "low_n": len(idx) < min_n,
            })
    table = pd.DataFrame(rows, columns=[
        "theme_id", "polarity", "responses", "mentions", "share_promoters", "share_passives", "share_detractors",
        "nps", "ci_low", "ci_high", "impact", "impact_ci_low", "impact_ci_high", "p_value", "low_n"])
    return _with_q_values(table)


_FAMILIES = ("all", "-1", "0", "+1")


def _with_q_values(table: pd.DataFrame) -> pd.DataFrame:
    """``table`` with its q-values: Benjamini-Hochberg within each polarity family."""
    table["q_value"] = np.nan
    for label in _FAMILIES:
        sel = table["polarity"] == label
        table.loc[sel, "q_value"] = benjamini_hochberg(table.loc[sel, "p_value"].to_numpy())
    return table


def join_theme_tables(first: pd.DataFrame, second: pd.DataFrame) -> pd.DataFrame:
    """The :func:`theme_table` of two disjoint sets of themes as one: each theme's row depends on
    that theme alone (its bootstrap has the same seed whatever the others), so this equals the
    table of all the mentions at once - rows in its order, q-values over every theme."""
    if not len(first) or not len(second):
        return (first if len(first) else second).reset_index(drop=True)
    both = pd.concat([first.drop(columns="q_value"), second.drop(columns="q_value")], ignore_index=True)
    order = both["polarity"].map({label: i for i, label in enumerate(_FAMILIES)})
    both = both.iloc[np.lexsort((both["theme_id"].astype(str).to_numpy(), order.to_numpy()))].reset_index(drop=True)
    return _with_q_values(both)


def _lost_points(categories: np.ndarray, mentions: pd.DataFrame, kind: str) -> tuple[dict[str, float], int]:
    """Theme -> points of ``kind`` respondents attributed to it (Shapley shares), plus NO_THEME;
    and the number of ``kind`` respondents with no qualifying mention."""
    n = len(categories)
    members = np.flatnonzero(categories == _CODE[kind])
    out: dict[str, float] = {}
    if n == 0 or members.size == 0:
        return out, 0
    unit = POINTS[kind] / n
    q = mentions[mentions["polarity"].isin(QUALIFYING[kind])][["response", "top_theme"]].drop_duplicates()
    q = q[q["response"].isin(members)]
    if not q.empty:
        per_response = q.groupby("response")["top_theme"].transform("size").to_numpy()
        shares = pd.Series(unit / per_response, index=q.index)
        for theme, value in shares.groupby(q["top_theme"].to_numpy()).sum().items():
            out[str(theme)] = float(value)
    unexplained = members.size - (q["response"].nunique() if not q.empty else 0)
    out[NO_THEME] = unit * unexplained
    return out, unexplained


def attribution(categories: np.ndarray, mentions: pd.DataFrame, *, confidence: float = settings.CONFIDENCE) -> pd.DataFrame:
    """Detractor, passive and promoter drivers: one row per (kind, theme), plus a NO_THEME row per kind.

    Columns: kind, theme_id, contribution (NPS points: lost for detractor/passive, won for
    promoter), respondents (of that kind mentioning the theme with the qualifying polarity),
    share_of_kind, rate_with / rate_without (the kind's share among all respondents who do / do
    not make such a mention), p_value (two-proportion z-test of those rates), q_value (BH within
    the kind), significant. Per kind, contributions sum exactly to 200 D/N, 100 Pa/N or 100 P/N.
    """
    categories = np.asarray(categories)
    n = len(categories)
    alpha = 1 - confidence
    rows = []
    for kind in KINDS:
        code = _CODE[kind]
        in_kind = categories == code
        k_total = int(in_kind.sum())
        with_theme = _responses_with(mentions, QUALIFYING[kind])
        points, none = _lost_points(categories, mentions, kind)
        kind_rows = []
        for theme, idx in with_theme.items():
            x1 = int(in_kind[idx].sum())
            if x1 == 0:
                continue
            n1 = len(idx)
            x2, n2 = k_total - x1, n - n1
            kind_rows.append({
                "kind": kind, "theme_id": theme, "contribution": points.get(theme, 0.0), "respondents": x1,
                "share_of_kind": x1 / k_total, "rate_with": x1 / n1, "rate_without": x2 / n2 if n2 else math.nan,
                "p_value": _two_proportion_p(x1, n1, x2, n2),
            })
        q = benjamini_hochberg([r["p_value"] for r in kind_rows])
        for r, qv in zip(kind_rows, q):
            r["q_value"] = float(qv)
            r["significant"] = bool(qv < alpha) and r["rate_with"] > r["rate_without"]
        kind_rows.sort(key=lambda r: (-r["contribution"], r["theme_id"]))
        rows.extend(kind_rows)
        if k_total:
            rows.append({
                "kind": kind, "theme_id": NO_THEME, "contribution": points.get(NO_THEME, 0.0), "respondents": none,
                "share_of_kind": none / k_total, "rate_with": math.nan, "rate_without": math.nan,
                "p_value": math.nan, "q_value": math.nan, "significant": False,
            })
    return pd.DataFrame(rows, columns=["kind", "theme_id", "contribution", "respondents", "share_of_kind",
                                       "rate_with", "rate_without", "p_value", "q_value", "significant"])


def period_attribution(
    categories: np.ndarray, periods: np.ndarray, mentions: pd.DataFrame, previous: int, current: int
) -> pd.DataFrame:
    """Which themes explain the change in NPS from period ``previous`` to ``current``.

    ``periods`` is a period number per response (-1 = undated). Returns one row per theme (plus
    NO_THEME) with ``lost_previous``, ``lost_current`` (points lost to detractors and passives
    mentioning it, Shapley shares within each period) and ``change_contribution`` = lost_previous -
    lost_current; the contributions sum exactly to NPS_current - NPS_previous.
    """
    categories = np.asarray(categories)
    periods = np.asarray(periods)
    lost: dict[int, dict[str, float]] = {}
    for p in (previous, current):
        idx = np.flatnonzero(periods == p)
        local = restrict(mentions, idx)
        cats = categories[idx]
        total: dict[str, float] = {}
        for kind in ("detractor", "passive"):
            for theme, value in _lost_points(cats, local, kind)[0].items():
                total[theme] = total.get(theme, 0.0) + value
        lost[p] = total
    themes = sorted(set(lost[previous]) | set(lost[current]), key=lambda t: (t == NO_THEME, t))
    rows = [{
        "theme_id": t, "lost_previous": lost[previous].get(t, 0.0), "lost_current": lost[current].get(t, 0.0),
        "change_contribution": lost[previous].get(t, 0.0) - lost[current].get(t, 0.0),
    } for t in themes]
    out = pd.DataFrame(rows, columns=["theme_id", "lost_previous", "lost_current", "change_contribution"])
    return out.sort_values("change_contribution", key=lambda s: s.abs(), ascending=False, kind="stable").reset_index(drop=True)


EMERGING_MIN_COUNT = 10  # responses mentioning a theme in the latest period before it can be emerging


def emerging(
    periods: np.ndarray,
    mentions: pd.DataFrame,
    current: int,
    *,
    trailing: int = 3,
    min_count: int = EMERGING_MIN_COUNT,
    confidence: float = settings.CONFIDENCE,
) -> pd.DataFrame:
    """Themes (x polarity) whose share of responses grew in period ``current`` against the trailing periods.

    The share in the current period is compared with the pooled share of up to ``trailing``
    previous periods (one-sided two-proportion z-test, BH-corrected across themes). A theme is
    ``emerging`` when the increase is significant and it has at least ``min_count`` responses now;
    themes never seen before are ``new``.
    """
    periods = np.asarray(periods)
    now_idx = np.flatnonzero(periods == current)
    past_mask = (periods < current) & (periods >= current - trailing) & (periods >= 0)
    past_idx = np.flatnonzero(past_mask)
    n_now, n_past = len(now_idx), len(past_idx)
    rows = []
    for label, pols in (("-1", (-1,)), ("0", (0,)), ("+1", (1,))):
        for theme, idx in _responses_with(mentions, pols).items():
            x_now = int(np.isin(idx, now_idx).sum())
            x_past = int(np.isin(idx, past_idx).sum())
            if x_now == 0:
                continue
            share_now = x_now / n_now if n_now else math.nan
            share_past = x_past / n_past if n_past else math.nan
            p = _two_proportion_p(x_now, n_now, x_past, n_past)
            if not math.isnan(p):
                p = p / 2 if share_now > share_past else 1 - p / 2  # one-sided: an increase
            rows.append({"theme_id": theme, "polarity": label, "responses_now": x_now, "share_now": share_now,
                         "responses_before": x_past, "share_before": share_past, "p_value": p})
    out = pd.DataFrame(rows, columns=["theme_id", "polarity", "responses_now", "share_now", "responses_before",
                                      "share_before", "p_value"])
    out["q_value"] = benjamini_hochberg(out["p_value"].to_numpy()) if len(out) else []
    alpha = 1 - confidence
    out["new"] = (out["responses_before"] == 0) & (out["responses_now"] >= min_count) & (n_past > 0)
    out["emerging"] = (out["q_value"] < alpha) & (out["responses_now"] >= min_count)
    return out.sort_values(["emerging", "q_value"], ascending=[False, True], kind="stable").reset_index(drop=True)
