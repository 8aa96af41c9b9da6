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
from insight.analyze import analyze
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
    assert rho >= 0.6
