"""Several open questions per survey ("Why?" and "What should we improve?"): found, read together
and question by question, nothing silently dropped (issue 19)."""

from __future__ import annotations

import pandas as pd
import pytest

import insight
from insight.analysis import analyze

ROWS = [("1", "3", "The engineer never turned up", "Send engineers on time", "web"),
        ("2", "9", "Fast and reliable broadband", "Nothing really", "app"),
        ("3", "6", "On hold for an hour every time I call", "Answer the phone faster", "web"),
        ("4", "10", "Great value for money", "", "app"),
        ("5", "2", "Broadband keeps dropping out", "Fix the connection, it drops every night", "web")]


@pytest.fixture
def survey_path(tmp_path):
    path = tmp_path / "q.csv"
    pd.DataFrame(ROWS, columns=["id", "score", "Why did you give this score?", "What should we improve?",
                                "Channel"]).to_csv(path, index=False)
    return path


def test_every_open_question_is_found_and_read_together(survey_path):
    survey = insight.load(survey_path)
    assert survey.info.columns.questions == ("Why did you give this score?", "What should we improve?")
    assert survey.responses["comment"].tolist()[0] == "The engineer never turned up\nSend engineers on time"
    assert survey.responses["comment"].tolist()[3] == "Great value for money"  # an empty answer adds nothing
    assert "What should we improve?" in survey.responses.columns  # each question keeps its own column
    assert any("2 open questions" in note for note in survey.info.notes)  # said, not silently dropped


def test_named_questions_and_a_single_one(survey_path, tmp_path):
    survey = insight.load(survey_path, comment=["What should we improve?", "Why did you give this score?"])
    assert survey.info.columns.questions == ("What should we improve?", "Why did you give this score?")
    one = insight.load(survey_path, comment="Why did you give this score?")
    assert one.info.columns.questions == () and one.responses["comment"].iloc[0] == "The engineer never turned up"
    plain = tmp_path / "plain.csv"
    plain.write_text("score,comment,Channel\n9,fast,web\n3,slow,app\n", encoding="utf-8")
    assert insight.load(plain).info.columns.questions == ()  # a category column is no open question


def test_themes_per_question_and_quotes_that_say_which_question(survey_path):
    results = analyze(insight.load(survey_path), "telecom", n_boot=20, n_jobs=1)
    q = results.questions
    assert set(q["question"]) == {"Why did you give this score?", "What should we improve?"}
    install = q[q["theme_id"] == "installation"].set_index("question")
    assert install.loc["Why did you give this score?", "negative"] == 1
    assert install.loc["What should we improve?", "answers"] == 4  # one respondent left it empty
    quotes = [quote for theme in results.quotes.values() for quote in theme]
    assert any(quote["question"] == "What should we improve?" and quote["text"] == "Send engineers on time"
               for quote in quotes)


def test_tag_and_report_show_each_question(survey_path, tmp_path, run_cli):
    out = tmp_path / "tagged.csv"
    assert run_cli("tag", survey_path, "--codeframe", "telecom", "-o", out).code == 0
    tagged = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert "themes: What should we improve?" in tagged.columns and "themes: Why did you give this score?" in tagged.columns
    assert "installation" in tagged["themes: Why did you give this score?"].iloc[0]
    html = tmp_path / "r.html"
    assert run_cli("report", survey_path, "--codeframe", "telecom", "-o", html, "--lang", "zh-Hans").code == 0
    from bs4 import BeautifulSoup

    page = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
    assert page.find(id="questions") is not None
    assert "回答 “What should we improve?”" in page.get_text(" ")
