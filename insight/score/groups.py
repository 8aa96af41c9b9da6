"""NPS per segment and per period: pure functions on scores and group keys."""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from insight import settings
from insight.canonical import MISSING_SEGMENT, category_codes
from insight.errors import OptionError
from insight.score.nps import NPS, compare, holm, nps_from_counts




def category_counts(scores: np.ndarray, codes: np.ndarray, n_groups: int) -> np.ndarray:
    """Counts of (detractors, passives, promoters) per group; ``codes`` are group numbers 0..n-1 (-1 = none)."""
    cat = category_codes(scores)
    pairs = codes.astype(np.int64, copy=False) * 3 + cat
    if codes.size and min(codes.min(), cat.min()) < 0:  # rows in no group, or not a 0-10 score
        pairs = pairs[(codes >= 0) & (cat >= 0)]
    flat = np.bincount(pairs, minlength=n_groups * 3)
    return flat.reshape(n_groups, 3)


def _row(key: dict[str, object], r: NPS, min_n: int) -> dict[str, object]:
    out = dict(key)
    out.update(
        n=r.n, promoters=r.promoters, passives=r.passives, detractors=r.detractors,
        nps=r.nps, ci_low=r.ci_low, ci_high=r.ci_high, low_n=r.n < min_n,
    )
    return out


def by_segment(
    scores: np.ndarray, values: pd.Series, column: str, confidence: float = settings.CONFIDENCE, min_n: int = settings.MIN_N
) -> list[dict[str, object]]:
    """NPS of each value of a segment column, each tested against the rest of the sample.

    The test is the two-sample z-test on adjusted NPS (DESIGN.md); p-values are Holm-corrected
    across the segments of this column (one family). Missing values form their own segment.
    """
    scores = np.asarray(scores)
    codes, uniques = pd.factorize(values, sort=True)  # categorical columns reuse their codes
    labels = [str(u) for u in uniques]
    if (codes < 0).any():
        codes = np.where(codes < 0, len(labels), codes)
        labels.append(MISSING_SEGMENT)
    counts = category_counts(scores, codes, len(labels))
    total = counts.sum(axis=0)
    rows, pvals = [], []
    for i, value in enumerate(labels):
        d, pa, p = (int(x) for x in counts[i])
        seg = nps_from_counts(p, pa, d, confidence)
        rd, rpa, rp = (int(x) for x in total - counts[i])
        row = _row({"column": column, "segment": str(value)}, seg, min_n)
        if rd + rpa + rp and seg.n:
            rest = nps_from_counts(rp, rpa, rd, confidence)
            z, pv = compare(seg, rest)
            row.update(rest_nps=rest.nps, diff_vs_rest=seg.nps - rest.nps, z=z, p_value=pv)
        else:  # a segment that is the whole sample has nothing to be compared with
            row.update(rest_nps=float("nan"), diff_vs_rest=float("nan"), z=float("nan"), p_value=float("nan"))
        rows.append(row)
        pvals.append(row["p_value"])
    alpha = 1.0 - confidence
    for row, q in zip(rows, holm(pvals)):
        row["p_holm"] = float(q)
        row["significant"] = bool(q < alpha)
    return rows


@dataclass(frozen=True)
class Period:
    """A period specification: calendar month/quarter/ISO week, or fixed N-day bins."""

    kind: str  # "M", "Q", "W", "Y", "D" or "wave"
    days: int = 0

    @property
    def code(self) -> str:
        return f"{self.days}D" if self.kind == "D" else self.kind

    @property
    def column(self) -> str:
        """The responses column the periods come from: the date, or the store's survey wave."""
        return "wave" if self.kind == "wave" else "submitted_at"


_PERIOD = re.compile(r"^(?:(M|Q|W|Y)|(\d+)D)$", re.IGNORECASE)


def parse_period(spec: str) -> Period:
    """Parse ``M``, ``Q``, ``W``, ``Y``, ``ND`` (N-day bins, e.g. ``90D``) or ``wave`` (survey waves of the store)."""
    if spec.strip().lower() == "wave":
        return Period("wave")
    m = _PERIOD.match(spec.strip())
    if not m:
        raise OptionError(f"unknown period {spec!r}: use M (month), Q (quarter), W (week), Y (year), ND "
                          "(e.g. 90D) or wave")
    if m.group(1):
        return Period(m.group(1).upper())
    days = int(m.group(2))
    if days < 1:
        raise OptionError(f"period length must be at least 1 day; got {spec!r}")
    return Period("D", days)


def period_keys(dates: pd.Series, period: Period) -> tuple[np.ndarray, list[tuple[str, pd.Timestamp | None, pd.Timestamp | None]]]:
    """Group number per row (-1 where undated) and (label, start, end) per group, in time order.

    N-day bins start at the first date's midnight, so the bins of a file do not depend on the
    calendar; calendar periods (M, Q, W, Y) are labelled 2024-03, 2024Q1, 2024-W10, 2024.
    Periods with no responses inside the observed range are listed too (an empty month is news).
    For ``wave`` periods ``dates`` is the wave column, whose (ordered categorical) order is the
    survey order; a wave has no start or end.
    """
    if period.kind == "wave":
        values = dates if isinstance(dates.dtype, pd.CategoricalDtype) else dates.astype("category")
        codes = values.cat.codes.to_numpy().astype(np.int64)
        return codes, [(str(c), None, None) for c in values.cat.categories]
    dates = pd.to_datetime(dates)
    valid = dates.notna().to_numpy()
    codes = np.full(len(dates), -1, dtype=np.int64)
    if not valid.any():
        return codes, []
    d = dates[valid]
    if period.kind == "D":
        start = d.min().normalize()
        step = pd.Timedelta(days=period.days)
        idx = ((d - start) // step).to_numpy().astype(np.int64)
        n_bins = int(idx.max()) + 1
        groups = [
            (f"{(start + k * step).date()}..{(start + (k + 1) * step - pd.Timedelta(days=1)).date()}",
             start + k * step, start + (k + 1) * step - pd.Timedelta(days=1))
            for k in range(n_bins)
        ]
        codes[valid] = idx
        return codes, groups
    freq = {"M": "M", "Q": "Q", "W": "W-SUN", "Y": "Y"}[period.kind]
    per = d.dt.to_period(freq)
    first, last = per.min(), per.max()
    span = pd.period_range(first, last, freq=freq)
    codes[valid] = _ordinals(per, first)
    groups = [(_label(p, period.kind), p.start_time.normalize(), p.end_time.normalize()) for p in span]
    return codes, groups


def _ordinals(per: pd.Series, first: pd.Period) -> np.ndarray:
    return (per.array.asi8 - first.ordinal).astype(np.int64)


def _label(p: pd.Period, kind: str) -> str:
    if kind == "W":
        iso = p.start_time.isocalendar()
        return f"{iso.year}-W{iso.week:02d}"
    return str(p)


def by_period(
    scores: np.ndarray, dates: pd.Series, period: Period, confidence: float = settings.CONFIDENCE, min_n: int = settings.MIN_N
) -> tuple[list[dict[str, object]], int]:
    """NPS per period with the change against the previous period and its significance.

    Returns ``(rows, undated)``. The change is tested with the two-sample z-test; p-values are
    Holm-corrected across all period-to-period changes (one family).
    """
    codes, groups = period_keys(dates, period)
    undated = int((codes < 0).sum())
    counts = category_counts(np.asarray(scores), codes, len(groups))
    rows: list[dict[str, object]] = []
    prev: NPS | None = None
    pvals = []
    for (label, start, end), (d, pa, p) in zip(groups, counts):
        cur = nps_from_counts(int(p), int(pa), int(d), confidence)
        row = _row({"period": label, "start": start.date().isoformat() if start is not None else None,
                    "end": end.date().isoformat() if end is not None else None}, cur, min_n)
        if prev is not None and prev.n and cur.n:
            z, pv = compare(cur, prev)
            row.update(change=cur.nps - prev.nps, z=z, p_value=pv)
        else:
            row.update(change=float("nan"), z=float("nan"), p_value=float("nan"))
        pvals.append(row["p_value"])
        rows.append(row)
        if cur.n:
            prev = cur
    alpha = 1.0 - confidence
    for row, q in zip(rows, holm(pvals)):
        row["p_holm"] = float(q)
        row["significant"] = bool(q < alpha)
    return rows, undated
