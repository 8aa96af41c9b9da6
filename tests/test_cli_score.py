"""`insight score` and `insight demo` end to end."""

from __future__ import annotations

import csv
import json

import pytest

from insight.demo import COLUMNS, generate, write
from insight.load import load
from insight.score.nps import nps_from_counts
from tests.conftest import shared_file

TOP_KEYS = {"n", "promoters", "passives", "detractors", "nps", "ci_low", "ci_high", "quarantined"}


@pytest.fixture(scope="module")
def demo_csv(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "survey.csv"
    write(generate(1200, seed=3), path)
    return path


def test_score_json_has_the_promised_keys(demo_csv, run_cli):
    res = run_cli("score", demo_csv, "--json", "--by", "Channel", "--period", "Q")
    assert res.code == 0, res.err
    out = json.loads(res.out)
    assert TOP_KEYS <= out.keys()
    assert out["n"] == out["promoters"] + out["passives"] + out["detractors"]
    assert out["load"]["rows_read"] == out["n"] + out["quarantined"]
    assert out["by_segment"] and out["by_period"]
    for row in out["by_segment"] + out["by_period"]:
        assert TOP_KEYS - {"quarantined"} <= row.keys()
    assert sum(r["n"] for r in out["by_segment"]) == out["n"]
    assert sum(r["n"] for r in out["by_period"]) + out["undated"] == out["n"]
    assert {r["segment"] for r in out["by_segment"]} == {"web", "app", "store"}


def test_score_numbers_match_an_independent_count(demo_csv, run_cli):
    out = json.loads(run_cli("score", demo_csv, "--json").out)
    with open(demo_csv, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    raw = [r[COLUMNS["score"]].strip() for r in rows]
    ids = [r[COLUMNS["id"]] for r in rows]
    seen, scores = set(), []
    for rid, s, date in zip(ids, raw, (r[COLUMNS["date"]] for r in rows)):
        fresh = rid not in seen
        seen.add(rid)
        s = s.translate(str.maketrans("０１２３４５６７８９", "0123456789")).split(" - ")[0]
        if s.endswith(".0"):
            s = s[:-2]
        if fresh and s.isdigit() and int(s) <= 10 and date[:2] == "20":
            scores.append(int(s))
    p = sum(s >= 9 for s in scores)
    d = sum(s <= 6 for s in scores)
    expected = nps_from_counts(p, len(scores) - p - d, d)
    assert (out["n"], out["promoters"], out["detractors"]) == (len(scores), p, d)
    assert out["nps"] == pytest.approx(expected.nps)
    assert out["ci_low"] == pytest.approx(expected.ci_low)


def test_plain_output_is_a_readable_table(demo_csv, run_cli):
    res = run_cli("score", demo_csv, "--by", "Customer type", "--period", "M")
    assert res.code == 0
    assert "NPS (95% adjusted-Wald interval)" in res.out
    assert "rows read 1200 = scored" in res.out
    assert "returning" in res.out and "2026-07" in res.out
    # differences (vs the rest, vs the previous period, vs a benchmark) carry their sign, as in the report
    out = json.loads(run_cli("score", demo_csv, "--json", "--by", "Customer type").out)
    for r in out["by_segment"]:
        assert f"{r['diff_vs_rest']:+.1f}" in res.out


@pytest.mark.parametrize(
    "args,message",
    [(("--by", "nope"), "segment column 'nope' is not a column of the file"), (("--period", "fortnight"), "unknown period 'fortnight'"),
     (("--confidence", "1.5"), "confidence must be between 0 and 1")],
)
def test_option_errors_are_one_line(demo_csv, run_cli, args, message):
    res = run_cli("score", demo_csv, *args)
    assert res.code == 2
    lines = res.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"insight: error: {message}")


def test_period_without_dates_is_explained(tmp_path, run_cli):
    p = tmp_path / "a.csv"
    p.write_text("score\n9\n3\n", encoding="utf-8")
    res = run_cli("score", p, "--period", "M")
    assert res.code == 2 and "no date column was found" in res.err


def test_benchmarks_compare_with_the_interval(demo_csv, run_cli):
    out = json.loads(run_cli("score", demo_csv, "--json").out)
    by_id = {b["id"]: b for b in out["benchmarks"]}
    top = by_id["surveymonkey_global_top_quartile"]
    assert top["benchmark_nps"] == 72 and top["verdict"] == "below" and "SurveyMonkey" in top["source"]
    assert top["difference"] == pytest.approx(out["nps"] - 72)


def test_bad_benchmarks_file(tmp_path, demo_csv, run_cli):
    bad = tmp_path / "b.json"
    bad.write_text(json.dumps({"benchmarks": [{"id": "x", "label": "X", "nps": 40}]}), encoding="utf-8")
    res = run_cli("score", demo_csv, "--benchmarks", bad)
    assert res.code == 2 and "lacks source" in res.err
    bad.write_text(json.dumps({"benchmarks": [{"id": "x", "label": "X", "nps": 40, "source": "S",
                                               "labels": {"zh-hans": "甲"}}]}), encoding="utf-8")
    res = run_cli("score", demo_csv, "--benchmarks", bad)
    assert res.code == 2 and "labels {'zh-hans': '甲'}" in res.err and "zh-Hans" in res.err
    bad.write_text(json.dumps({"benchmarks": [{"id": "x", "label": "X", "nps": 40, "source": "S",
                                               "sources": {"ru": 5}}]}), encoding="utf-8")
    res = run_cli("score", demo_csv, "--benchmarks", bad)
    assert res.code == 2 and "sources {'ru': 5}" in res.err


def test_demo_is_deterministic_multilingual_and_linked_to_scores(tmp_path, run_cli):
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    assert run_cli("demo", "-o", a, "--rows", "3000").code == 0
    assert run_cli("demo", "-o", b, "--rows", "3000").code == 0
    assert a.read_bytes() == b.read_bytes()
    survey = load(a, segments=["Channel", "Customer type", "Region"])
    r = survey.responses
    text = " ".join(r["comment"].tolist())
    assert any("\u4e00" <= ch <= "\u9fff" for ch in text) and any("а" <= ch <= "я" for ch in text)
    assert "物流" in text and "品質" in text  # Traditional Chinese is there, not only Simplified
    assert {"n/a", "无", "нет"} <= set(r["comment"])
    assert (r["comment"] == "").sum() > 100
    assert 15 <= survey.info.rows_quarantined <= 60  # the planted malformed rows show
    reasons = " ".join(survey.quarantine["reason"])
    for expected in ("outside 0-10", "not a whole number", "missing score", "duplicate response id", "not a date"):
        assert expected in reasons
    # complaints sit with low scores, praise with high ones
    complaint = r["comment"].str.contains("never answered|nightmare|broke after", regex=True)
    praise = r["comment"].str.contains("great value|excellent quality|fast delivery", case=False, regex=True)
    assert r.loc[complaint, "score"].mean() + 3 < r.loc[praise, "score"].mean()
    assert set(r["Channel"]) == {"web", "app", "store"}


@pytest.mark.parametrize("ext", ["xlsx", "parquet", "jsonl"])
def test_demo_writes_other_formats(tmp_path, run_cli, ext):
    path = tmp_path / f"demo.{ext}"
    assert run_cli("demo", "-o", path, "--rows", "50").code == 0
    assert load(path).info.rows_read == 50


@pytest.mark.realdata
def test_skytrax_nps_matches_an_independent_computation(run_cli):
    path = shared_file("skytrax_airline.csv")
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    scores = [int(r["score"]) for r in rows if r["score"].strip()]
    promoters = sum(1 for s in scores if s >= 9)
    detractors = sum(1 for s in scores if s <= 6)
    res = run_cli("score", path, "--json")
    out = json.loads(res.out)
    assert out["n"] == len(scores)
    assert out["quarantined"] == len(rows) - len(scores)
    assert out["promoters"] == promoters and out["detractors"] == detractors
    assert out["nps"] == pytest.approx(100 * (promoters - detractors) / len(scores))


def test_an_nps_that_rounds_to_zero_is_printed_without_a_minus(tmp_path, run_cli):
    path = tmp_path / "flat.csv"
    path.write_text("score\n0\n" + "8\n" * 2999, encoding="utf-8")  # NPS -1/30 = -0.03
    out = run_cli("score", path).out
    assert "│ 0.0 │" in out and "-0.0" not in out
