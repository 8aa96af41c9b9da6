"""Settings are documented; exported cells cannot run as spreadsheet formulas."""

from __future__ import annotations

import pandas as pd
import pytest

from insight.safe import safe_cell, spreadsheet_safe
from insight.settings import SETTINGS
from tests.conftest import ROOT


def test_every_setting_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for s in SETTINGS:
        assert f"`{s.name}`" in readme, f"setting {s.name} is not in the README"
        assert str(s.default) in readme


@pytest.mark.parametrize("payload", ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\t=x", "\r=x", "−1", "＝1+1"])
def test_formula_like_text_is_neutralised(payload):
    assert safe_cell(payload) == "'" + payload


@pytest.mark.parametrize("value", ["hello", "", "9", 5, -3.0, None])
def test_other_values_are_untouched(value):
    assert safe_cell(value) == value


def test_frames_are_made_safe_column_by_column():
    frame = pd.DataFrame({"comment": ["=HYPERLINK(\"http://x\")", "ok"], "score": [9, -1], "=bad": ["a", "b"]})
    out = spreadsheet_safe(frame)
    assert out["comment"].tolist() == ["'=HYPERLINK(\"http://x\")", "ok"]
    assert out["score"].tolist() == [9, -1]  # numbers stay numbers
    assert list(out.columns) == ["comment", "score", "'=bad"]
    assert frame["comment"][0].startswith("=")  # the input is not modified
