"""The public Python API is small and does what the README says."""

from __future__ import annotations

import insight
from insight.demo import generate, write


def test_public_surface():
    assert set(insight.__all__) == {"InsightError", "LoadError", "Survey", "analyze", "load", "open_store", "summarize",
                                    "write_report"}


def test_readme_example(tmp_path):
    path = tmp_path / "survey.csv"
    write(generate(300, seed=1), path)
    survey = insight.load(path, segments=["Channel"])
    assert survey.info.rows_read == survey.info.rows_scored + survey.info.rows_quarantined == 300
    assert list(survey.responses.columns[:6]) == ["response_id", "score", "category", "comment", "submitted_at", "row"]
    out = insight.summarize(survey.responses, by=["Channel"], period="M")
    assert out["n"] == survey.info.rows_scored
    assert len(out["by_period"]) == 12
