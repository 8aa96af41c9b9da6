"""Driver validation on real airline reviews: what the text says drives detractors must agree with
what the reviewers' own sub-ratings say (Skytrax: seat, cabin staff, food, entertainment, ground
service, wifi, value for money).

Both rankings use one statistic, so they measure the same thing: the detractor-rate lift
P(detractor | blames the aspect) - P(detractor | does not). From the text, "blames" is a negative
mention of the theme found by the airline codeframe; from the sub-ratings, a rating of 1-2 out of 5.
The lift is a rate, so aspects that few reviewers rated (wifi, ground service) are not pushed down
by their missing ratings.
"""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

import insight
from insight.analysis import analyze
from tests.conftest import shared_file

ASPECTS = {"seat_comfort": "seat_comfort", "cabin_staff": "cabin_staff", "food_beverages": "food_beverages",
           "inflight_entertainment": "inflight_entertainment", "ground_service": "ground_service",
           "wifi": "wifi_connectivity", "value_money": "value_money"}


@pytest.mark.realdata
@pytest.mark.slow
def test_text_drivers_agree_with_sub_ratings():
    survey = insight.load(shared_file("skytrax_airline.csv"))
    results = analyze(survey, "airline", n_boot=100)
    det = results.drivers[results.drivers["kind"] == "detractor"].set_index("theme_id")
    responses = survey.responses
    is_detractor = responses["score"].to_numpy() <= 6
    ratings = [json.loads(cell) for cell in responses["sublabels_json"]]
    rows = []
    for theme, key in ASPECTS.items():
        low = np.array([key in r and r[key] <= 2 for r in ratings])
        truth = is_detractor[low].mean() - is_detractor[~low].mean()
        text = det.loc[theme, "rate_with"] - det.loc[theme, "rate_without"] if theme in det.index else np.nan
        rows.append({"aspect": theme, "sub_ratings": truth, "text": text})
    table = pd.DataFrame(rows).set_index("aspect")
    rho = table["sub_ratings"].rank().corr(table["text"].rank())
    print("\ndetractor-rate lift by aspect (rank 1 = strongest driver):")
    print(table.assign(rank_sub_ratings=table["sub_ratings"].rank(ascending=False),
                       rank_text=table["text"].rank(ascending=False)).round(3).to_string())
    print(f"Spearman rho = {rho:.3f}")
    # how much of that is the sample: the same lifts on reviewers resampled with replacement
    m = results.mentions
    blamed = m[m["polarity"] == -1]
    text_blame = np.column_stack([np.isin(np.arange(len(responses)), blamed.loc[blamed["top_theme"] == theme, "response"])
                                  for theme in ASPECTS])
    low_rating = np.column_stack([[key in r and r[key] <= 2 for r in ratings] for key in ASPECTS.values()])
    assert np.allclose(_lifts(is_detractor, text_blame), table["text"].to_numpy())  # the drivers' own numbers
    rng = np.random.default_rng(0)
    rhos = []
    for _ in range(500):
        i = rng.integers(0, len(responses), len(responses))
        a, b = _lifts(is_detractor[i], low_rating[i]), _lifts(is_detractor[i], text_blame[i])
        rhos.append(pd.Series(a).rank().corr(pd.Series(b).rank()))
    lo, hi = np.nanpercentile(rhos, [5, 95])
    print(f"bootstrap (500 resamples of reviewers): 90% interval [{lo:.2f}, {hi:.2f}], "
          f"rho >= 0.6 in {np.mean(np.array(rhos) >= 0.6):.0%}")
    assert rho >= 0.6


def _lifts(is_detractor: np.ndarray, flagged: np.ndarray) -> np.ndarray:
    """Per column of ``flagged``: P(detractor | flagged) - P(detractor | not)."""
    n_with = flagged.sum(axis=0)
    with_rate = (flagged & is_detractor[:, None]).sum(axis=0) / np.maximum(n_with, 1)
    without_rate = (~flagged & is_detractor[:, None]).sum(axis=0) / np.maximum(len(flagged) - n_with, 1)
    return with_rate - without_rate
