"""Customer value: NPS by value band and the value-weighted NPS ("your biggest customers are not always
your promoters").

* **Bands**: the responses with a readable value, cut at its quartiles (fewer bands when values
  repeat); each band is labelled with its range and scored like a segment (adjusted-Wald interval,
  each band against the rest, Holm-corrected).
* **Value-weighted NPS**: 100 (sum of the promoters' value - sum of the detractors' value) / total
  value, i.e. the weighted mean of x = +1 / 0 / -1. Its interval comes from the linearisation
  (sandwich) variance of a weighted mean: Var = sum w_i^2 (x_i - m)^2 / (sum w_i)^2, CI = 100 (m +- z
  sqrt(Var)), clipped to [-100, 100] (method notes say so).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

import numpy as np
import pandas as pd

from insight import settings
from insight.load.columns import column_named, normalize_header
from insight.score.groups import by_segment
from insight.score.nps import PASSIVE_MIN, PROMOTER_MIN, z_value

BANDS = 4
# headers of a customer-value column, matched after normalize_header (case, spaces, underscores aside)
_VALUE_HEADERS = re.compile(
    r"(order (value|total|amount)|basket (value|size)|clv|ltv|customer (lifetime )?value|lifetime value|revenue|"
    r"spend|total spend|amount|purchase (value|amount)|arpu|"
    r"订单金额|訂單金額|客户价值|客戶價值|消费金额|消費金額|金额|金額|客单价|客單價|"
    r"сумма заказа|сумма покупки|сумма|выручка|стоимость заказа|ценность клиента)"
)
_NUMBER = re.compile(r"[-+]?\d[\d\s\u00a0,.'’]*")


def value_column(columns: Sequence[str], given: str | None = None) -> str | None:
    """The customer-value column: the one named (case and spaces aside), else the first whose header
    reads like one ("Order value", "CLV", "Revenue", "订单金额", "客户价值", "Сумма заказа")."""
    if given is not None:
        return column_named(given, list(columns))
    return next((c for c in columns if _VALUE_HEADERS.fullmatch(normalize_header(c))), None)


def parse_value(text: object) -> float:
    """A money amount as exports write it ("60", "1,234.50", "1 234,50", "$60", "¥ 60", "60 руб."); NaN
    when there is none."""
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return math.nan
    if isinstance(text, (int, float, np.integer, np.floating)):
        return float(text)
    m = _NUMBER.search(str(text))
    if m is None:
        return math.nan
    raw = re.sub(r"[\s\u00a0'’]", "", m.group(0)).rstrip(".,")
    if "," in raw and "." in raw:  # the last of the two is the decimal mark
        raw = raw.replace(",", "") if raw.rfind(".") > raw.rfind(",") else raw.replace(".", "").replace(",", ".")
    elif "," in raw:  # 1,234 (thousands) or 12,5 (decimal)
        head, _, tail = raw.rpartition(",")
        raw = raw.replace(",", "") if len(tail) == 3 and head.lstrip("+-") else raw.replace(",", ".")
    try:
        return float(raw)
    except ValueError:
        return math.nan


def parse_values(values: pd.Series) -> np.ndarray:
    """Each distinct raw value parsed once."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    lookup = np.array([parse_value(u) for u in uniques] + [math.nan], dtype=float)
    return lookup[codes]


def weighted_nps(scores: np.ndarray, weights: np.ndarray, confidence: float = settings.CONFIDENCE
                 ) -> dict[str, float]:
    """Value-weighted NPS with its linearisation interval (see the module's description)."""
    x = np.where(scores >= PROMOTER_MIN, 1.0, np.where(scores >= PASSIVE_MIN, 0.0, -1.0))
    total = float(weights.sum())
    if total <= 0:
        return {"nps": math.nan, "ci_low": math.nan, "ci_high": math.nan, "se": math.nan, "total": total}
    m = float((weights * x).sum() / total)
    se = math.sqrt(float((weights**2 * (x - m) ** 2).sum())) / total
    z = z_value(confidence)
    return {"nps": 100 * m, "ci_low": max(-100.0, 100 * (m - z * se)), "ci_high": min(100.0, 100 * (m + z * se)),
            "se": 100 * se, "total": total}


def band_labels(edges: Sequence[float]) -> list[str]:
    """Ranges of the bands cut at ``edges`` (the inner quantiles): "≤ 35", "35–60", ..., "> 120"."""
    shown = [f"{e:,.2f}".rstrip("0").rstrip(".") for e in edges]
    if not shown:
        return ["all"]
    return [f"≤ {shown[0]}", *(f"{a}–{b}" for a, b in zip(shown, shown[1:])), f"> {shown[-1]}"]


def by_value(scores: np.ndarray, raw: pd.Series, column: str, confidence: float = settings.CONFIDENCE,
             min_n: int = settings.MIN_N) -> dict[str, object]:
    """NPS by value band and the value-weighted NPS of the responses whose ``raw`` value reads as a
    number of zero or more (the others are counted, not used)."""
    values = parse_values(raw)
    ok = ~np.isnan(values) & (values >= 0)
    s, v = np.asarray(scores)[ok], values[ok]
    edges = sorted(set(np.quantile(v, [i / BANDS for i in range(1, BANDS)]).tolist())) if len(v) else []
    labels = band_labels(edges)
    band = np.searchsorted(np.array(edges), v, side="left") if edges else np.zeros(len(v), dtype=int)
    bands = by_segment(s, pd.Series(pd.Categorical.from_codes(band, categories=labels, ordered=True)),
                       column, confidence, min_n) if len(v) else []
    for row in bands:
        k = labels.index(row["segment"])
        row["value_share"] = float(v[band == k].sum() / v.sum()) if v.sum() else math.nan
    return {"column": column, "n": int(ok.sum()), "unread": int((~ok).sum()), "bands": bands,
            "weighted": weighted_nps(s, v, confidence), "method": "quartile bands; weighted NPS with a "
            "linearisation (sandwich) interval"}
