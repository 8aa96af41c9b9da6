"""Drivers: hand-computed impact and attribution; exact additivity as a property."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from insight.drivers import NO_THEME, attribution, emerging, period_attribution, theme_table

D, PA, P = 0, 1, 2


def mentions(rows):
    return pd.DataFrame(rows, columns=["response", "top_theme", "polarity"])


# 6 responses: two detractors blaming delivery (one also price), a passive lukewarm on price,
# two promoters praising service, one promoter with no comment themes.
CATS = np.array([D, D, PA, P, P, P])
MENTIONS = mentions([(0, "delivery", -1), (1, "delivery", -1), (1, "price", -1), (2, "price", 0),
                     (3, "service", 1), (4, "service", 1)])


def test_attribution_hand_computed():
    a = attribution(CATS, MENTIONS)
    got = {(r.kind, r.theme_id): r.contribution for r in a.itertuples()}
    # a detractor costs 200/6 points: response 0 all to delivery, response 1 split delivery/price
    assert got[("detractor", "delivery")] == pytest.approx(200 / 6 * 1.5)
    assert got[("detractor", "price")] == pytest.approx(200 / 6 * 0.5)
    assert got[("detractor", NO_THEME)] == pytest.approx(0)
    assert got[("passive", "price")] == pytest.approx(100 / 6)
    assert got[("promoter", "service")] == pytest.approx(200 / 6)
    assert got[("promoter", NO_THEME)] == pytest.approx(100 / 6)


def test_attribution_adds_up_to_the_nps_gap():
    a = attribution(CATS, MENTIONS)
    nps = 100 * (3 - 2) / 6
    lost = a[a.kind != "promoter"].contribution.sum()
    won = a[a.kind == "promoter"].contribution.sum()
    assert 100 - lost == pytest.approx(nps)
    assert won - a[a.kind == "detractor"].contribution.sum() / 2 == pytest.approx(nps)


def test_theme_table_hand_computed_impact():
    t = theme_table(CATS, MENTIONS, n_boot=200)
    row = t[(t.theme_id == "delivery") & (t.polarity == "all")].iloc[0]
    # NPS_all = 100 (3 - 2)/6 = 16.67; without delivery: 4 responses, 3 promoters, 0 detractors -> 75
    assert row.nps == -100.0 and row.responses == 2 and row.mentions == 2
    assert row.impact == pytest.approx(100 / 6 - 75)
    # the formula n_t (NPS_t - NPS_all) / (N - n_t)
    assert row.impact == pytest.approx(2 * (-100 - 100 / 6) / 4)
    assert row.impact_ci_low <= row.impact <= row.impact_ci_high
    assert row.share_detractors == 1.0 and row.share_promoters == 0.0
    assert set(t.polarity) == {"all", "-1", "0", "+1"}


def test_period_attribution_explains_the_change_exactly():
    cats = np.array([P, P, D, PA, D, D, P, PA])
    periods = np.array([0, 0, 0, 0, 1, 1, 1, 1])
    m = mentions([(2, "delivery", -1), (4, "delivery", -1), (5, "price", -1), (5, "delivery", -1),
                  (3, "app", 0), (7, "price", 0)])
    out = period_attribution(cats, periods, m, 0, 1)
    nps0 = 100 * (2 - 1) / 4
    nps1 = 100 * (1 - 2) / 4
    assert out.change_contribution.sum() == pytest.approx(nps1 - nps0)
    # by hand: delivery lost 50 then 75 points, price 0 then 50, app 25 then 0
    got = dict(zip(out.theme_id, out.change_contribution))
    assert got == pytest.approx({"delivery": -25.0, "price": -50.0, "app": 25.0, NO_THEME: 0.0})
    assert out.iloc[0].theme_id == "price"  # the biggest mover first


def test_emerging_theme_is_flagged():
    periods = np.repeat([0, 1, 2, 3], 200)
    rows = [(i, "delivery", -1) for i in range(600, 660)]  # 30% of period 3, never before
    rows += [(i, "price", -1) for i in range(0, 800, 20)]  # steady 5%
    out = emerging(periods, mentions(rows), 3, min_count=10)
    flagged = out[out.emerging]
    assert flagged.theme_id.tolist() == ["delivery"]
    assert bool(flagged.iloc[0].new)
    assert not out[out.theme_id == "price"].emerging.any()


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_attribution_is_exact_for_random_data(data):
    n = data.draw(st.integers(1, 60))
    cats = np.array(data.draw(st.lists(st.integers(0, 2), min_size=n, max_size=n)))
    rows = data.draw(st.lists(st.tuples(st.integers(0, n - 1), st.sampled_from(["a", "b", "c"]),
                                        st.sampled_from([-1, 0, 1])), max_size=3 * n))
    a = attribution(cats, mentions(rows))
    p, d = int((cats == 2).sum()), int((cats == 0).sum())
    pa = n - p - d
    sums = a.groupby("kind").contribution.sum()
    assert sums.get("detractor", 0.0) == pytest.approx(200 * d / n)
    assert sums.get("passive", 0.0) == pytest.approx(100 * pa / n)
    assert sums.get("promoter", 0.0) == pytest.approx(100 * p / n)
    assert (a.contribution >= -1e-12).all()
    # and the whole does not depend on row order
    shuffled = mentions(rows).sample(frac=1, random_state=1)
    b = attribution(cats, shuffled)
    pd.testing.assert_frame_equal(a.reset_index(drop=True), b.reset_index(drop=True))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["delivery", "Zed", "ä", "服务", "discovered_10", "discovered_2"]),
                          st.integers(0, 60), st.integers(-1, 1)), max_size=80),
       st.sampled_from([None, (-1,), (1,), (-1, 0)]))
def test_responses_with_each_theme_its_distinct_responses_sorted(rows, polarities):
    from insight.drivers import _responses_with

    mentions = pd.DataFrame({"response": pd.Series([r for _, r, _ in rows], dtype=np.int64),
                             "top_theme": pd.Series([t for t, _, _ in rows], dtype="str"),
                             "polarity": pd.Series([p for _, _, p in rows], dtype=np.int64)})
    expected: dict[str, set[int]] = {}
    for theme, response, polarity in rows:
        if polarities is None or polarity in polarities:
            expected.setdefault(theme, set()).add(response)
    got = _responses_with(mentions, polarities)
    assert list(got) == sorted(expected)
    for theme, responses in got.items():
        assert responses.dtype == np.int64 and responses.tolist() == sorted(expected[theme])
