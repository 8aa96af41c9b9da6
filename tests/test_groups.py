"""NPS by segment and by period."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from insight.errors import OptionError
from insight.score.groups import by_period, by_segment, parse_period, period_keys
from insight.score.nps import compare, holm, nps_from_counts


def test_segment_is_tested_against_the_rest():
    scores = np.array([10, 10, 9, 0, 8, 3, 3, 3, 7, 10])
    seg = pd.Series(["a", "a", "a", "a", "a", "b", "b", "b", "b", "b"])
    rows = {r["segment"]: r for r in by_segment(scores, seg, "s", min_n=3)}
    # a: 3 promoters, 1 passive, 1 detractor -> 40; b: 1, 1, 3 -> -40.
    assert rows["a"]["nps"] == 40.0 and rows["b"]["nps"] == -40.0
    assert rows["a"]["rest_nps"] == -40.0 and rows["a"]["diff_vs_rest"] == 80.0
    z, p = compare(nps_from_counts(3, 1, 1), nps_from_counts(1, 1, 3))
    assert rows["a"]["z"] == pytest.approx(z)
    assert rows["a"]["p_holm"] == pytest.approx(holm([p, p])[0])
    assert not rows["a"]["low_n"]


def test_missing_segment_values_form_their_own_group():
    rows = by_segment(np.array([9, 9, 0]), pd.Series(["x", None, None], dtype="string"), "s")
    assert {r["segment"] for r in rows} == {"x", "(missing)"}
    assert all(r["low_n"] for r in rows)


def test_single_segment_has_nothing_to_compare_with():
    (row,) = by_segment(np.array([9, 9, 0]), pd.Series(["x", "x", "x"]), "s")
    assert np.isnan(row["p_value"]) and not row["significant"]


@pytest.mark.parametrize("spec,code", [("M", "M"), ("q", "Q"), ("W", "W"), ("90D", "90D"), ("Y", "Y")])
def test_period_specs(spec, code):
    assert parse_period(spec).code == code


@pytest.mark.parametrize("spec", ["", "month", "0D", "-3D", "D"])
def test_bad_period_specs_are_rejected(spec):
    with pytest.raises(OptionError):
        parse_period(spec)


def test_monthly_periods_include_empty_months_and_change():
    dates = pd.Series(pd.to_datetime(["2024-01-05", "2024-01-20", "2024-03-02", "2024-03-03", None]))
    scores = np.array([10, 10, 0, 0, 9])
    rows, undated = by_period(scores, dates, parse_period("M"), min_n=1)
    assert undated == 1
    assert [r["period"] for r in rows] == ["2024-01", "2024-02", "2024-03"]
    assert [r["n"] for r in rows] == [2, 0, 2]
    assert rows[0]["nps"] == 100.0 and rows[2]["nps"] == -100.0
    # March is compared with January, the last period that had answers.
    assert rows[2]["change"] == -200.0
    assert rows[2]["p_value"] == pytest.approx(compare(nps_from_counts(0, 0, 2), nps_from_counts(2, 0, 0))[1])
    assert not rows[2]["significant"]  # two answers a month prove nothing


def test_week_and_quarter_labels():
    dates = pd.Series(pd.to_datetime(["2024-03-04", "2024-03-10", "2024-03-11"]))
    codes, groups = period_keys(dates, parse_period("W"))
    assert [g[0] for g in groups] == ["2024-W10", "2024-W11"]
    assert codes.tolist() == [0, 0, 1]
    codes, groups = period_keys(dates, parse_period("Q"))
    assert [g[0] for g in groups] == ["2024Q1"]


def test_n_day_bins_start_at_the_first_date():
    dates = pd.Series(pd.to_datetime(["2024-01-01 10:00", "2024-03-30 00:00", "2024-03-31 00:00", "2024-07-01 00:00"]))
    codes, groups = period_keys(dates, parse_period("90D"))
    assert codes.tolist() == [0, 0, 1, 2]
    assert groups[0][0] == "2024-01-01..2024-03-30"


def test_period_rows_do_not_depend_on_row_order():
    rng = np.random.default_rng(0)
    dates = pd.Series(pd.Timestamp("2024-01-01") + pd.to_timedelta(rng.integers(0, 365, 500), unit="D"))
    scores = rng.integers(0, 11, 500)
    order = rng.permutation(500)
    a, _ = by_period(scores, dates, parse_period("Q"))
    b, _ = by_period(scores[order], dates.iloc[order].reset_index(drop=True), parse_period("Q"))
    assert pd.DataFrame(a).equals(pd.DataFrame(b))
