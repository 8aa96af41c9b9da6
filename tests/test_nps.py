"""NPS, its adjusted-Wald interval and the tests: hand-computed cases and properties."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from insight.errors import OptionError
from insight.score.nps import benjamini_hochberg, categorize, compare, holm, nps_from_counts, nps_from_scores, z_value


def test_categories_follow_the_nps_cut_points():
    assert list(categorize(np.arange(11))) == ["detractor"] * 7 + ["passive"] * 2 + ["promoter"] * 2


def test_hand_computed_interval():
    # 60 promoters, 20 passives, 20 detractors. By hand (Rocks 2016):
    # n' = 103, p' = 60.75/103 = 0.5898058, d' = 20.75/103 = 0.2014563, NPS' = 0.3883495
    # var = (0.7912621 - 0.3883495^2)/103 = (0.7912621 - 0.1508153)/103 = 0.00621793
    # SE = 0.0788538; CI = 100 (0.3883495 -+ 1.959964 * 0.0788538) = [23.380, 54.290]
    r = nps_from_counts(60, 20, 20)
    assert r.nps == 40.0
    assert r.n == 100
    assert r.adjusted == pytest.approx(38.83495, abs=1e-4)
    assert r.se == pytest.approx(7.88538, abs=1e-4)
    assert r.ci_low == pytest.approx(23.380, abs=1e-3)
    assert r.ci_high == pytest.approx(54.290, abs=1e-3)


def test_hand_computed_small_sample():
    # 3 promoters, 1 passive, 1 detractor: NPS = 40.
    # n' = 8, p' = 3.75/8 = 0.46875, d' = 1.75/8 = 0.21875, NPS' = 0.25
    # var = (0.6875 - 0.0625)/8 = 0.078125, SE = 0.2795085
    # CI = 100 (0.25 -+ 1.959964 * 0.2795085) = [-29.783, 79.783]
    r = nps_from_counts(3, 1, 1)
    assert r.nps == 40.0
    assert r.ci_low == pytest.approx(-29.783, abs=1e-3)
    assert r.ci_high == pytest.approx(79.783, abs=1e-3)


def test_all_promoters_interval_stays_in_range():
    r = nps_from_counts(1000, 0, 0)
    assert r.nps == 100.0
    assert -100 <= r.ci_low < r.ci_high <= 100


def test_empty_group_has_undefined_nps_and_interval():
    r = nps_from_counts(0, 0, 0)
    assert math.isnan(r.nps) and math.isnan(r.ci_low) and math.isnan(r.ci_high)
    assert r.n == 0


def test_negative_counts_are_rejected():
    with pytest.raises(ValueError, match="promoters must be >= 0; got -1"):
        nps_from_counts(-1, 0, 0)


def test_confidence_level_is_validated():
    assert z_value(0.95) == pytest.approx(1.959964, abs=1e-6)
    with pytest.raises(OptionError, match="got 95"):
        z_value(95)


def test_compare_hand_computed():
    # a = (60, 20, 20): NPS' = 38.83495, SE = 7.88538; b = (20, 20, 60): NPS' = -38.83495, same SE.
    # z = 77.6699 / sqrt(2 * 7.88538^2) = 77.6699 / 11.15153 = 6.9650
    z, p = compare(nps_from_counts(60, 20, 20), nps_from_counts(20, 20, 60))
    assert z == pytest.approx(6.9650, abs=1e-3)
    assert p < 1e-10


def test_holm_hand_computed():
    # sorted p: 0.01, 0.02, 0.04 -> 3*0.01=0.03, 2*0.02=0.04, 1*0.04=0.04 (monotone)
    assert holm([0.04, 0.01, 0.02]).tolist() == pytest.approx([0.04, 0.03, 0.04])
    assert np.isnan(holm([np.nan, 0.5])[0])


def test_bh_hand_computed():
    # sorted p: 0.01, 0.02, 0.04 -> 0.03, 0.03, 0.04
    assert benjamini_hochberg([0.04, 0.01, 0.02]).tolist() == pytest.approx([0.04, 0.03, 0.03])


counts = st.tuples(st.integers(0, 5000), st.integers(0, 5000), st.integers(0, 5000)).filter(lambda t: sum(t) > 0)


@given(counts)
def test_nps_and_interval_lie_in_range(c):
    r = nps_from_counts(*c)
    assert -100.0 <= r.nps <= 100.0
    assert -100.0 <= r.ci_low <= r.ci_high <= 100.0


@given(counts, st.integers(2, 50))
def test_interval_narrows_as_n_grows_with_the_same_shares(c, k):
    small = nps_from_counts(*c)
    large = nps_from_counts(*(k * x for x in c))
    assert (large.ci_high - large.ci_low) <= (small.ci_high - small.ci_low) + 1e-12
    assert large.se < small.se


@given(counts)
def test_adding_a_promoter_never_lowers_nps(c):
    p, pa, d = c
    assert nps_from_counts(p + 1, pa, d).nps >= nps_from_counts(p, pa, d).nps
    assert nps_from_counts(p, pa, d + 1).nps <= nps_from_counts(p, pa, d).nps


@settings(max_examples=50)
@given(st.lists(st.integers(0, 10), min_size=1, max_size=300), st.randoms(use_true_random=False))
def test_nps_is_invariant_to_row_order(scores, rnd):
    shuffled = list(scores)
    rnd.shuffle(shuffled)
    assert nps_from_scores(np.array(scores)) == nps_from_scores(np.array(shuffled))


@given(st.lists(st.integers(0, 10), min_size=1, max_size=300))
def test_nps_from_scores_matches_the_definition(scores):
    p = sum(s >= 9 for s in scores)
    d = sum(s <= 6 for s in scores)
    assert nps_from_scores(np.array(scores)).nps == pytest.approx(100 * (p - d) / len(scores))


@given(st.lists(st.floats(0, 1), min_size=1, max_size=30))
def test_corrections_only_raise_p_values_and_stay_below_one(ps):
    for adjusted in (holm(ps), benjamini_hochberg(ps)):
        assert np.all(adjusted >= np.array(ps) - 1e-12)
        assert np.all(adjusted <= 1.0)


def test_two_proportions_by_hand():
    from insight.score.nps import proportions_test

    # 30/200 -> 60/200: pooled 90/400 = 0.225, se = sqrt(0.225 * 0.775 * (2/200)) = 0.041758,
    # z = 0.15 / 0.041758 = 3.592, two-sided p = 0.000328
    z, p = proportions_test(30, 200, 60, 200)
    assert z == pytest.approx(3.5921, abs=1e-3) and p == pytest.approx(0.000328, abs=2e-5)
    assert math.isnan(proportions_test(0, 0, 3, 10)[1]) and math.isnan(proportions_test(0, 10, 0, 10)[1])


def test_alerts_flag_only_significant_rises_after_holm():
    from insight.score.alerts import detractor_alerts

    groups = [({"scope": "overall"}, 30, 200, 60, 200),  # p 0.0003: an alert
              ({"scope": "segment", "value": "web"}, 60, 200, 30, 200),  # a fall: never an alert
              ({"scope": "segment", "value": "app"}, 20, 100, 30, 100),  # p 0.09: not significant
              ({"scope": "theme", "value": "x"}, 0, 0, 5, 10)]  # no responses before: not tested
    alerts, tested = detractor_alerts(groups, 0.95)
    assert tested == 3 and [a["scope"] for a in alerts] == ["overall"]
    assert alerts[0]["change"] == pytest.approx(15.0) and alerts[0]["p_holm"] == pytest.approx(3 * alerts[0]["p_value"])
