"""NPS and its uncertainty: pure functions on counts.

Formulas (DESIGN.md, "Statistics"):

* NPS = 100 (P - D) / N.
* Adjusted-Wald interval (Rocks, "Interval Estimation for the 'Net Promoter Score'",
  *The American Statistician* 70(4), 2016): n' = n + 3, p' = (P + 3/4)/n', d' = (D + 3/4)/n',
  NPS' = p' - d', SE = sqrt((p' + d' - (p' - d')^2) / n'), CI = 100 (NPS' +- z SE),
  clipped to the possible range [-100, 100].
* Two NPS values: z = (NPS'_1 - NPS'_2) / sqrt(SE_1^2 + SE_2^2), two-sided normal p-value.
* Families of tests are corrected with Holm (family-wise error) or Benjamini-Hochberg (FDR).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import asdict, dataclass
from statistics import NormalDist

import numpy as np

from insight import settings
# the thresholds and the categories are the canonical module's; the scoring API names them too
from insight.canonical import PASSIVE_MIN, PROMOTER_MIN, categorize, category_codes  # noqa: F401
from insight.errors import OptionError

_STD_NORMAL = NormalDist()


def z_value(confidence: float) -> float:
    """Two-sided normal quantile for ``confidence`` (1.959964 for 0.95)."""
    if not 0.0 < confidence < 1.0:
        raise OptionError(f"confidence must be between 0 and 1 (exclusive); got {confidence}")
    return _STD_NORMAL.inv_cdf(0.5 + confidence / 2.0)


@dataclass(frozen=True)
class NPS:
    """NPS of one group of responses, with its adjusted-Wald interval."""

    n: int
    promoters: int
    passives: int
    detractors: int
    nps: float
    ci_low: float
    ci_high: float
    se: float  # standard error of the adjusted estimate, in NPS points
    adjusted: float  # NPS' = 100 (p' - d'), the centre the tests use

    def as_dict(self) -> dict[str, float | int]:
        return asdict(self)


def nps_from_counts(promoters: int, passives: int, detractors: int, confidence: float = settings.CONFIDENCE) -> NPS:
    """NPS with its adjusted-Wald interval from category counts.

    With no responses the NPS and its interval are undefined (``nan``).
    """
    for name, value in (("promoters", promoters), ("passives", passives), ("detractors", detractors)):
        if value < 0:
            raise ValueError(f"{name} must be >= 0; got {value}")
    n = promoters + passives + detractors
    z = z_value(confidence)
    n_adj = n + 3.0
    p_adj = (promoters + 0.75) / n_adj
    d_adj = (detractors + 0.75) / n_adj
    centre = p_adj - d_adj
    se = math.sqrt((p_adj + d_adj - centre**2) / n_adj)
    nps = 100.0 * (promoters - detractors) / n if n else math.nan
    return NPS(
        n=n,
        promoters=promoters,
        passives=passives,
        detractors=detractors,
        nps=nps,
        ci_low=max(-100.0, 100.0 * (centre - z * se)) if n else math.nan,
        ci_high=min(100.0, 100.0 * (centre + z * se)) if n else math.nan,
        se=100.0 * se,
        adjusted=100.0 * centre,
    )


def nps_from_scores(scores: np.ndarray, confidence: float = settings.CONFIDENCE) -> NPS:
    """NPS of an array of 0-10 integer scores."""
    scores = np.asarray(scores)
    promoters = int(np.count_nonzero(scores >= PROMOTER_MIN))
    detractors = int(np.count_nonzero(scores < PASSIVE_MIN))
    return nps_from_counts(promoters, scores.size - promoters - detractors, detractors, confidence)


def compare(a: NPS, b: NPS) -> tuple[float, float]:
    """z statistic and two-sided p-value for NPS ``a`` against NPS ``b`` (independent samples)."""
    denom = math.sqrt(a.se**2 + b.se**2)
    z = (a.adjusted - b.adjusted) / denom
    return z, 2.0 * (1.0 - _STD_NORMAL.cdf(abs(z)))


def proportions_test(k1: int, n1: int, k2: int, n2: int) -> tuple[float, float]:
    """z statistic and two-sided p-value of the change from share ``k1/n1`` to ``k2/n2`` (two
    independent proportions, pooled standard error); NaN when either group is empty or the pooled
    share is 0 or 1."""
    if n1 <= 0 or n2 <= 0:
        return math.nan, math.nan
    pooled = (k1 + k2) / (n1 + n2)
    se = math.sqrt(pooled * (1.0 - pooled) * (1.0 / n1 + 1.0 / n2))
    if se == 0.0:
        return math.nan, math.nan
    z = (k2 / n2 - k1 / n1) / se
    return z, 2.0 * (1.0 - _STD_NORMAL.cdf(abs(z)))


def _adjust(p_values: list[float] | np.ndarray, step: Callable[[np.ndarray, int], np.ndarray]) -> np.ndarray:
    """Apply a step-wise correction to the non-NaN p-values (NaNs stay NaN; results capped at 1).

    ``step`` receives the sorted p-values and their count and returns the adjusted sorted values.
    """
    p = np.asarray(p_values, dtype=float)
    out = np.full(p.shape, np.nan)
    ok = ~np.isnan(p)
    m = int(ok.sum())
    if m:
        pv = p[ok]
        order = np.argsort(pv, kind="stable")
        res = np.empty(m)
        res[order] = np.minimum(step(pv[order], m), 1.0)
        out[ok] = res
    return out


def holm(p_values: list[float] | np.ndarray) -> np.ndarray:
    """Holm step-down adjusted p-values (family-wise error control); NaNs stay NaN."""
    return _adjust(p_values, lambda ps, m: np.maximum.accumulate((m - np.arange(m)) * ps))


def benjamini_hochberg(p_values: list[float] | np.ndarray) -> np.ndarray:
    """Benjamini-Hochberg adjusted p-values (q-values, FDR control); NaNs stay NaN."""
    return _adjust(p_values, lambda ps, m: np.minimum.accumulate((ps * m / np.arange(1, m + 1))[::-1])[::-1])
