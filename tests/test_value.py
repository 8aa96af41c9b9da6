"""Customer value: parsing amounts, value bands and the value-weighted NPS, checked by hand."""

from __future__ import annotations

import json
import math

import numpy as np
import pandas as pd
import pytest

from insight.score.value import by_value, parse_value, value_column, weighted_nps


@pytest.mark.parametrize("raw,expected", [
    ("60", 60.0), ("1,234.50", 1234.5), ("1 234,50", 1234.5), ("$60", 60.0), ("¥ 60", 60.0), ("60 руб.", 60.0),
    ("12,5", 12.5), ("1.234,5", 1234.5), (60, 60.0), ("", math.nan), ("n/a", math.nan), (None, math.nan),
])
def test_amounts_as_exports_write_them(raw, expected):
    got = parse_value(raw)
    assert (math.isnan(got) and math.isnan(expected)) or got == expected


def test_value_columns_are_found_by_their_headers():
    assert value_column(["Score", "Order value", "Channel"]) == "Order value"
    assert value_column(["评分", "订单金额"]) == "订单金额"
    assert value_column(["Оценка", "Сумма заказа"]) == "Сумма заказа"
    assert value_column(["score", "CLV"]) == "CLV"
    assert value_column(["score", "comment"]) is None
    assert value_column(["score", "Basket"], "basket") == "Basket"


def test_weighted_nps_by_hand():
    # promoters worth 100 and 300, a passive 50, a detractor 50: (400 - 50) / 500 = 70
    scores, w = np.array([10, 9, 7, 3]), np.array([100.0, 300.0, 50.0, 50.0])
    got = weighted_nps(scores, w, 0.95)
    # m = 0.7; sum w^2 (x - m)^2 = 100^2*0.09 + 300^2*0.09 + 50^2*0.49 + 50^2*2.89 = 900 + 8100 + 1225 + 7225 = 17450
    se = math.sqrt(17450) / 500
    assert got["nps"] == pytest.approx(70.0)
    assert got["ci_low"] == pytest.approx(100 * (0.7 - 1.959964 * se), abs=1e-3)
    assert got["ci_high"] == pytest.approx(min(100.0, 100 * (0.7 + 1.959964 * se)), abs=1e-3)
    # equal weights: the plain NPS
    assert weighted_nps(scores, np.ones(4))["nps"] == pytest.approx(25.0)


def test_bands_are_quartiles_labelled_with_their_ranges():
    scores = np.array([0, 3, 6, 7, 8, 9, 10, 10] * 25)
    values = pd.Series([str(v) for v in [10, 20, 30, 40, 50, 60, 70, 80] * 25] + [])
    out = by_value(scores, values, "Order value")
    assert [b["segment"] for b in out["bands"]] == ["≤ 27.5", "27.5–45", "45–62.5", "> 62.5"]
    assert [b["n"] for b in out["bands"]] == [50, 50, 50, 50]
    assert out["bands"][0]["nps"] == pytest.approx(-100.0) and out["bands"][-1]["nps"] == pytest.approx(100.0)
    assert sum(b["value_share"] for b in out["bands"]) == pytest.approx(1.0)
    assert out["n"] == 200 and out["unread"] == 0


def test_score_json_and_report_show_value(tmp_path, run_cli):
    from insight.demo import generate, write

    path = tmp_path / "demo.csv"
    write(generate(600, seed=3), path)
    out = json.loads(run_cli("score", path, "--json").out)
    assert out["by_value"]["column"] == "Order value" and len(out["by_value"]["bands"]) == 4
    assert -100 <= out["by_value"]["weighted"]["nps"] <= 100
    res = run_cli("score", path, "--json", "--value-col", "nope")
    assert res.code == 2 and "'nope'" in res.err
    report = tmp_path / "r.html"
    assert run_cli("report", path, "-o", report, "--lang", "ru").code == 0
    html = report.read_text(encoding="utf-8")
    assert 'id="value"' in html and "NPS, взвешенный по ценности" in html


def test_a_detected_column_without_amounts_is_left_out(tmp_path, run_cli):
    path = tmp_path / "s.csv"
    path.write_text("score,Amount\n" + "".join(f"{i % 11},{'some' if i % 2 else 'many'}\n" for i in range(40)),
                    encoding="utf-8")
    assert "by_value" not in json.loads(run_cli("score", path, "--json").out)
    named = json.loads(run_cli("score", path, "--json", "--value-col", "amount").out)["by_value"]
    assert named["n"] == 0 and named["unread"] == 40 and named["bands"] == []
