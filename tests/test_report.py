"""analyze() and the HTML report: sections, charts, languages, escaping, determinism, exports."""

from __future__ import annotations

import csv
import dataclasses
import re
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd
import pytest
from bs4 import BeautifulSoup

import insight
from insight.analysis import analyze
from insight.demo import COLUMNS, generate, write
from insight.drivers import NO_THEME
from insight.analysis import Scores
from insight.report import BEFORE_THEMES, draw_charts, render
from insight.report.exports import write_exports
from insight.report.i18n import LANGS, _STRINGS, strings

WHEN = datetime(2026, 11, 1, tzinfo=timezone.utc)
PAYLOADS = [
    "<script>alert('xss')</script> the delivery was late",
    "<img src=x onerror=alert(1)> terrible customer service",
    "<a href=\"javascript:alert(1)\">click</a> app crashes",
    "\"><svg onload=alert(1)> prices are too high",
]


@pytest.fixture(scope="module")
def survey_path(tmp_path_factory):
    frame = generate(800, seed=21)
    comment, channel = COLUMNS["comment"], COLUMNS["channel"]
    for i, payload in enumerate(PAYLOADS):
        frame.loc[10 + i, comment] = payload
        frame.loc[10 + i, COLUMNS["score"]] = "2"
    frame.loc[20, channel] = "<script>alert('seg')</script>"
    path = tmp_path_factory.mktemp("report") / "survey.csv"
    write(frame, path)
    return path


@pytest.fixture(scope="module")
def results(survey_path):
    survey = insight.load(survey_path, segments=["Channel"])
    return analyze(survey, "ecommerce", by=["Channel"], period="Q", n_boot=200, n_jobs=1)


def test_results_contract(results):
    assert {"n", "promoters", "passives", "detractors", "nps", "ci_low", "ci_high"} <= results.nps.keys()
    assert {"theme_id", "label", "mentions", "nps", "impact", "impact_ci_low", "impact_ci_high"} <= set(results.themes)
    assert {"theme_id", "kind", "contribution", "p_value", "q_value"} <= set(results.drivers)
    assert set(results.drivers["kind"]) == {"detractor", "passive", "promoter"}
    assert {"response_id", "theme_id", "polarity", "sentence", "evidence"} <= set(results.mentions)
    assert len(results.quarantine) == results.load["rows_quarantined"] > 0
    n, d = results.nps["n"], results.nps["detractors"]
    det = results.drivers[results.drivers["kind"] == "detractor"]["contribution"].sum()
    assert det == pytest.approx(200 * d / n)
    # the planted story: delivery is the biggest named detractor driver
    named = results.drivers[(results.drivers["kind"] == "detractor") & (results.drivers["theme_id"] != NO_THEME)]
    assert named.iloc[0]["theme_id"] == "delivery"
    assert results.period == "Q" and results.period_change is not None
    assert results.period_change["change_contribution"].sum() == pytest.approx(
        [p for p in results.periods if p["n"]][-1]["change"])


def test_the_public_api_writes_a_report(results, tmp_path):
    path = insight.write_report(results, tmp_path / "r.html", lang="ru")
    assert path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def soup_of(results, lang="en"):
    return BeautifulSoup(render(results, lang=lang, generated_at=WHEN), "html.parser")


def test_sections_and_charts(results):
    soup = soup_of(results)
    for section in ("headline", "distribution", "trend", "segments", "drivers", "themes", "changes", "emerging",
                    "close-the-loop", "data-quality", "method"):
        assert soup.find(id=section) is not None, section
    for kind in ("detractor", "passive", "promoter"):
        assert soup.find(id=f"{kind}-drivers") is not None
    assert len(soup.find_all("svg")) >= 5
    assert "Rocks" in soup.find(id="method").get_text()
    assert soup.find(id="theme-delivery").find("blockquote") is not None


def test_every_chart_is_a_valid_vega_lite_spec(results, monkeypatch):
    # the report skips altair's validation (a quarter of a second per report): the specs are checked here
    import altair as alt
    from altair.utils.schemapi import validate_jsonschema

    from insight.report import CHARTS, charts

    specs = []
    monkeypatch.setattr(charts, "svg_of", lambda spec, locale=None: specs.append(spec) or "<svg></svg>")
    drawn = draw_charts(results)
    assert set(drawn) == set(CHARTS) and len(specs) >= 5
    schema = alt.vegalite.v6.schema.core.load_schema()
    for spec in specs:
        assert validate_jsonschema(spec, schema, raise_error=False) is None, spec.get("mark", spec.get("layer"))
    specs[0]["mark"] = {"type": "no such mark"}
    assert validate_jsonschema(specs[0], schema, raise_error=False) is not None  # (the check can fail)


def test_nothing_is_fetched_from_outside(results):
    html = render(results, generated_at=WHEN)
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"].startswith("default-src 'none'")
    assert not soup.find_all("link") and not soup.find_all("iframe")
    for tag in soup.find_all(src=True):
        assert tag["src"].startswith("data:")
    for tag in soup.find_all(href=True):
        assert tag["href"].startswith("#")
    assert not re.search(r"(src|href)\s*=\s*[\"']?\s*(https?:)?//", html)


def test_user_text_is_escaped_and_runs_nothing(results):
    quotes = {"delivery": [{"text": p, "polarity": -1, "score": 2} for p in PAYLOADS]}
    soup = soup_of(dataclasses.replace(results, quotes=quotes))
    scripts = soup.find_all("script")
    assert len(scripts) == 1 and "alert" not in scripts[0].get_text()
    for tag in soup.find_all(True):
        assert not any(attr.lower().startswith("on") for attr in tag.attrs), tag
        assert not str(tag.get("href", "")).lower().startswith("javascript:")
    text = soup.get_text()
    assert "<script>alert('seg')</script>" in text  # the segment value is shown as text
    shown = " ".join(b.get_text() for b in soup.find_all("blockquote"))
    for payload in PAYLOADS:
        assert payload in shown


@pytest.mark.parametrize("lang,heading", [("en", "Net Promoter Score"), ("zh-Hans", "净推荐值"),
                                          ("zh-Hant", "淨推薦值"), ("ru", "Индекс NPS")])
def test_four_languages(results, lang, heading):
    soup = soup_of(results, lang)
    assert soup.html["lang"] == lang
    assert soup.find(id="headline").find("h2").get_text() == heading
    benchmarks = soup.find(id="headline").find("table").get_text()
    if lang == "en":
        assert "Global average (SurveyMonkey)" in benchmarks
    else:  # the label in the report's language; the cited source as published
        assert "Global average" not in benchmarks and "SurveyMonkey" in benchmarks
    alpha = "0,05" if lang == "ru" else "0.05"
    assert f"q < {alpha}" in soup.find(id="drivers").get_text()  # what bold means among the drivers
    assert all(strings(lang)[f"lang_{code}"] in soup.find(id="data-quality").get_text() for code in ("en", "zh", "ru"))
    # the theme table's last column is the share of responses, first and last period, not an NPS
    assert soup.find(id="theme-table").find_all("th")[-1].get_text() == strings(lang)["share_trend"]
    method = soup.find(id="method").get_text()
    assert "NPS = 100·(P − D)/N" in method and "{" not in method
    assert ("two-sided" in method) == (lang == "en")


def test_every_ui_string_is_translated():
    from insight.score.benchmarks import LANGS as BENCHMARK_LANGS
    from insight.themes.codeframe import LABEL_LANGS

    assert BENCHMARK_LANGS == LABEL_LANGS == LANGS  # benchmark and theme labels name the report's languages
    for key, values in _STRINGS.items():
        assert len(values) == len(LANGS) and all(values), key
        # the same placeholders in every language
        assert len({frozenset(re.findall(r"\{(\w+)\}", v)) for v in values}) == 1, key


def test_same_input_same_report(results, survey_path):
    # the second time as the report command does it: charts drawn while discovery runs
    seen = {}

    def draw(scores):
        seen["scores"] = scores
        seen["drawn"] = draw_charts(scores, only=BEFORE_THEMES)

    again = analyze(insight.load(survey_path, segments=["Channel"]), "ecommerce", by=["Channel"], period="Q",
                    n_boot=200, n_jobs=1, meanwhile=draw)
    assert isinstance(seen["scores"], Scores) and again.discovered is not None
    a = render(results, generated_at=WHEN)
    b = render(again, generated_at=datetime(2030, 1, 1, tzinfo=timezone.utc), drawn=seen["drawn"])
    diff = [(x, y) for x, y in zip(a.splitlines(), b.splitlines()) if x != y]
    assert len(a.splitlines()) == len(b.splitlines())
    assert len(diff) == 1 and "generated-at" in diff[0][0]


def test_exports_are_complete_and_spreadsheet_safe(results, tmp_path):
    written, notes = write_exports(results, tmp_path)
    files = {p.name: p for p in written}
    assert notes == []
    assert {"responses.csv", "responses.xlsx", "themes.csv", "drivers.csv", "call_back_detractors.csv",
            "win_over_passives.csv", "ask_promoters_for_review.csv"} <= set(files)
    det = pd.read_csv(files["call_back_detractors.csv"], dtype=str, keep_default_na=False)
    pas = pd.read_csv(files["win_over_passives.csv"], dtype=str, keep_default_na=False)
    pro = pd.read_csv(files["ask_promoters_for_review.csv"], dtype=str, keep_default_na=False)
    assert len(det) + len(pas) + len(pro) == results.nps["n"]
    assert set(det["category"]) == {"detractor"} and "themes" in det.columns
    with open(files["responses.csv"], encoding="utf-8", newline="") as fh:
        for row in csv.reader(fh):
            for cell in row:
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


@pytest.mark.parametrize("beside", [True, False])  # discovery beside the analysis, or after it
def test_exported_responses_name_the_discovered_theme_they_are_in(survey_path, tmp_path, monkeypatch, beside):
    from insight import settings

    if not beside:
        import dataclasses

        monkeypatch.setitem(settings._BY_NAME, "background_discovery_rows",
                            dataclasses.replace(settings._BY_NAME["background_discovery_rows"], default=0))
    # a codeframe that covers delivery only leaves the rest to discovery
    cf = tmp_path / "cf.yaml"
    cf.write_text("themes:\n  - id: delivery\n    label: {en: Delivery}\n    patterns: {en: [delivery]}\n",
                  encoding="utf-8")
    res = analyze(insight.load(survey_path), str(cf), n_boot=50, n_jobs=1)
    assert len(res.discovered) >= 3
    files = {p.name: p for p in write_exports(res, tmp_path)[0]}
    out = pd.read_csv(files["responses.csv"], dtype=str, keep_default_na=False)
    counts = out["discovered"].value_counts()
    # a proposal's size counts the quarantined rows' comments too (as `insight tag` and `discover` do)
    assert all(0 < counts[pid] <= size for pid, size in zip(res.discovered["id"], res.discovered["size"]))
    found = out[out["discovered"] != ""]
    assert (found["themes"] == found["discovered"]).all()  # tagged with it, and with no codeframe theme
    label = dict(zip(res.discovered["id"], res.discovered["label"]))  # the label the report shows, with the id
    assert (out["discovered_label"] == [f"{label[i]} ({i})" if i else "" for i in out["discovered"]]).all()


def test_the_workbook_holds_the_responses_csv_cells(results, tmp_path, monkeypatch):
    import openpyxl

    from insight.report import exports

    files = {p.name: p for p in write_exports(results, tmp_path)[0]}
    book = openpyxl.load_workbook(files["responses.xlsx"], read_only=True)
    rows = [["" if v is None else str(v) for v in row] for row in book.active.iter_rows(values_only=True)]
    with open(files["responses.csv"], encoding="utf-8", newline="") as fh:
        assert rows == list(csv.reader(fh))
    # a survey longer than a worksheet: no workbook (an older one is removed), and a note why
    monkeypatch.setattr(exports, "EXCEL_MAX_ROWS", 10)
    written, notes = write_exports(results, tmp_path)
    assert "responses.xlsx" not in {p.name for p in written} and not (tmp_path / "responses.xlsx").exists()
    assert len(notes) == 1 and "do not fit in an Excel sheet" in notes[0]


def test_the_workbook_writer_keeps_every_kind_of_cell(tmp_path):
    import math

    import openpyxl

    from insight.report.xlsx import EXCEL_CELL_CHARS, write_workbook

    frame = pd.DataFrame({
        "text": ["plain", " spaced ", "<b>&amp; \"q\" 'x'", "bell\x07 and tab\t", None, "x" * 40_000],
        "number": [1, 2, 3, 4, 5, 6],
        "float": [1.5, float("nan"), float("inf"), -2.0, 1e20, 0.1],
        "flag": [True, False, True, False, True, False],
        "when": pd.to_datetime(["2026-01-02 03:04:05", None, "2026-12-31 00:00:00", "2026-01-01 00:00:00",
                               "2026-01-01 00:00:00", "2026-01-01 00:00:00"]),
        "mixed": [1, 1.0, True, "1", None, "один 一"],
        "一 列": ["中文", "Русский", "中文", "", "繁體", "emoji 😀"],
    })
    path = write_workbook(frame, tmp_path / "t.xlsx", sheet="Answers & more")
    book = openpyxl.load_workbook(path, read_only=True)
    assert book.sheetnames == ["Answers & more"]
    rows = list(book.active.iter_rows(values_only=True))
    assert rows[0] == tuple(frame.columns)
    assert [r[0] for r in rows[1:]] == ["plain", " spaced ", "<b>&amp; \"q\" 'x'", "bell and tab\t", None,
                                        "x" * EXCEL_CELL_CHARS]
    assert [r[1] for r in rows[1:]] == [1, 2, 3, 4, 5, 6]
    floats = [r[2] for r in rows[1:]]
    assert floats[0] == 1.5 and floats[1] is None and floats[2] == "inf" and floats[3:] == [-2.0, 1e20, 0.1]
    assert [r[3] for r in rows[1:]] == [True, False, True, False, True, False]
    assert rows[1][4] == "2026-01-02 03:04:05" and rows[2][4] is None
    assert [r[5] for r in rows[1:]] == ["1", "1.0", "True", "1", None, "один 一"]
    assert [r[6] for r in rows[1:]] == ["中文", "Русский", "中文", "", "繁體", "emoji 😀"]
    assert not math.isnan(rows[1][2])
    assert not (tmp_path / "t.xlsx.part").exists()


def test_report_command(survey_path, results, tmp_path, run_cli):
    out = tmp_path / "r.html"
    res = run_cli("report", survey_path, "-o", out, "--lang", "zh-Hant", "--by", "Channel", "--export", tmp_path / "x")
    assert res.code == 0, res.err
    assert "淨推薦值" in out.read_text(encoding="utf-8")
    assert (tmp_path / "x" / "responses.xlsx").exists()
    # the report names the close-the-loop lists written beside it (and no longer says to run --export)
    close = BeautifulSoup(out.read_text(encoding="utf-8"), "html.parser").find(id="close-the-loop")
    named = [code.get_text() for code in close.find_all("code")]
    assert len(named) == 3 and all(Path(name).is_file() for name in named)
    assert "--export" not in close.get_text() and "--export" in soup_of(results).find(id="close-the-loop").get_text()
    bad = run_cli("report", survey_path, "--model", "models/x")
    assert bad.code == 2 and bad.err.strip() == "insight: error: models/x: no such model folder"


def test_what_runs_beside_gives_what_runs_here(survey_path, tmp_path, monkeypatch):
    # discovery forked early (as the report command does: insight.analysis.discovery_beside), forked by
    # analyze, or run in this process; the segments' tables and drivers made beside or here: one result
    import dataclasses

    from insight import settings
    from insight.analysis import discovery_beside

    cf = tmp_path / "cf.yaml"  # (delivery alone: the rest is left to discovery)
    cf.write_text("themes:\n  - id: delivery\n    label: {en: Delivery}\n    patterns: {en: [delivery]}\n",
                  encoding="utf-8")
    survey = insight.load(survey_path, segments=["Channel"])
    early = discovery_beside(survey)
    assert early is not None
    runs = [analyze(survey, str(cf), by=["Channel"], n_boot=50, n_jobs=1, discovery=early),
            analyze(survey, str(cf), by=["Channel"], n_boot=50, n_jobs=1)]
    monkeypatch.setitem(settings._BY_NAME, "background_discovery_rows",
                        dataclasses.replace(settings._BY_NAME["background_discovery_rows"], default=0))
    assert discovery_beside(survey) is None
    runs.append(analyze(survey, str(cf), by=["Channel"], n_boot=50, n_jobs=1))
    assert len(runs[0].discovered) >= 3 and len(runs[0].segment_themes)
    for again in runs[1:]:
        pd.testing.assert_frame_equal(again.discovered, runs[0].discovered)
        for name in ("drivers", "themes", "segment_drivers", "segment_themes", "mentions"):
            pd.testing.assert_frame_equal(getattr(again, name), getattr(runs[0], name))


def test_drivers_per_segment(results):
    sd = results.segment_drivers
    assert set(sd["column"]) == {"Channel"}
    for segment, g in sd.groupby("segment"):
        # within each segment the attribution is exact too
        idx = results.responses["Channel"].astype("string") == segment
        n = int(idx.sum())
        d = int((results.responses.loc[idx, "category"] == "detractor").sum())
        assert g[g["kind"] == "detractor"]["contribution"].sum() == pytest.approx(200 * d / n)
    soup = soup_of(results)
    assert "Detractor drivers by segment" in soup.find(id="segments").get_text()


def test_discovered_themes_section(results):
    assert results.discovered is not None
    soup = soup_of(results)
    assert soup.find(id="discovered") is not None
    if len(results.discovered):
        assert results.discovered.iloc[0]["label"] in soup.find(id="emerging").get_text()


def test_theme_table_per_segment(results):
    st = results.segment_themes
    assert {"column", "segment", "theme_id", "polarity", "nps", "impact", "impact_ci_low", "q_value"} <= set(st)
    app = st[(st["segment"] == "app") & (st["polarity"] == "all")].set_index("theme_id")
    idx = results.responses["Channel"].astype("string") == "app"
    with_theme = results.responses[idx]["themes"].str.split("|").apply(lambda t: "website_app" in t)
    assert app.loc["website_app", "responses"] == int(with_theme.sum())


@pytest.mark.parametrize(
    "content,expect",
    [("score\n9\n3\n10\n", "report written"),  # no comments, no dates
     ("score,comment,date\n9,great delivery,2024-01-01\n", "report written"),  # a single response
     ("score,comment\n9,n/a\n3,nothing\n8,-\n", "report written"),  # only fillers
     ("score,comment\nten,hello\neleven,bad\n", "no usable responses - all 2 rows were quarantined")],
)
def test_report_on_thin_or_unusable_files(tmp_path, run_cli, content, expect):
    path = tmp_path / "in.csv"
    path.write_text(content, encoding="utf-8")
    res = run_cli("report", path, "-o", tmp_path / "r.html")
    assert "Traceback" not in res.err
    assert expect in (res.out + res.err)
    assert res.code == (0 if expect == "report written" else 2)


def test_quarantine_reasons_are_named_in_the_reports_language(results):
    from insight.report import _REASON_KINDS

    reasons = [part for r in results.quarantine["reason"] for part in str(r).split("; ")]
    assert reasons and all(any(p.fullmatch(r) for p, _ in _REASON_KINDS) for r in reasons), reasons
    zh = soup_of(results, "zh-Hans").find(id="data-quality").get_text()
    kinds = {key for r in reasons for p, key in _REASON_KINDS if p.fullmatch(r)}
    assert all(strings("zh-Hans")[key] in zh for key in kinds)
    assert "missing score" not in zh


@pytest.mark.parametrize("raw", [None, "", True, float("nan"), 7.5, "7.5", "ten", "11", -1, "2024-01-02", "7-8",
                                 __import__("datetime").date(2024, 1, 2)])
def test_every_score_reason_has_a_kind(raw):
    from insight.load.values import parse_score
    from insight.report import _REASON_KINDS

    _, reason = parse_score(raw)
    assert reason is not None and any(p.fullmatch(reason) for p, _ in _REASON_KINDS), reason


def test_every_date_reason_has_a_kind():
    from insight.load.values import parse_dates
    from insight.report import _REASON_KINDS

    _, reasons, _ = parse_dates(pd.Series(["someday", "9999-12-31", "0001-01-01"], dtype="string"))
    assert all(r is not None and any(p.fullmatch(r) for p, _ in _REASON_KINDS) for r in reasons), reasons


def test_a_figure_that_rounds_to_zero_has_no_sign_or_colour(results):
    themes = results.themes.copy()
    first = themes.index[0]
    themes.loc[first, ["impact", "impact_ci_high"]] = [-0.04, -0.001]
    soup = soup_of(dataclasses.replace(results, themes=themes))
    link = soup.select_one(f'#theme-table a[href="#theme-{themes.loc[first, "theme_id"]}"]')
    cells = link.find_parent("tr").find_all("td")
    assert cells[4].get_text() == "0.0" and not {"neg", "pos"} & set(cells[4]["class"])
    assert cells[5].get_text().endswith("… 0.0")
    assert "-0.0" not in soup.get_text() and "-0%" not in soup.get_text()


def test_without_periods_the_theme_table_has_no_share_column(results):
    soup = soup_of(dataclasses.replace(results, theme_trend=None, theme_shares={}, theme_trend_cells=None))
    header = [th.get_text() for th in soup.find(id="theme-table").find_all("th")]
    assert strings("en")["share_trend"] not in header and len(header) == 7
    assert all(len(tr.find_all("td")) == 7 for tr in soup.find(id="theme-table").find_all("tr")[1:])


def test_russian_reports_write_numbers_the_russian_way(results):
    from insight.report import _env

    ru, en = _env("ru").filters, _env("en").filters
    assert (ru["num"](1234.56), ru["num"](12345), ru["signed"](-0.04), ru["pct"](0.473), ru["pvalue"](0.0123)) == (
        "1\u00a0234,6", "12\u00a0345", "0,0", "47%", "0,012")
    assert (en["num"](1234.56), en["signed"](2.25, 2), en["pvalue"](0.0001)) == ("1,234.6", "+2.25", "<0.001")
    soup = soup_of(results, "ru")
    assert re.fullmatch(r"-?\d+,\d", soup.find(id="headline").find(class_="big").get_text())  # the NPS
    assert not re.search(r"\d\.\d", soup.find(id="theme-table").get_text() + soup.find(id="drivers").get_text())


def test_driver_charts_show_what_no_theme_explains(results):
    from bs4 import BeautifulSoup

    from insight.report.i18n import strings

    html = render(results, generated_at=WHEN)
    chart = BeautifulSoup(html, "html.parser").find(id="drivers")
    assert chart is not None and strings("en")["no_theme"] in chart.get_text(" ")
    svgs = chart.find_all("svg")
    assert svgs and any(strings("en")["no_theme"] in svg.get_text(" ") for svg in svgs)


@pytest.mark.parametrize("lang", ["zh-Hans", "zh-Hant", "ru"])
def test_method_notes_header_and_benchmarks_speak_the_reports_language(results, lang):
    # the impact formula's "NPS_without theme", the benchmark's source and "Codeframe: ecommerce 4"
    # were English in every report (issue 22, item 5)
    text = soup_of(results, lang).get_text()
    assert "without theme" not in text and "NPS_all" not in text
    assert "global benchmark data" not in text
    v = results.codeframe.version
    version = {"zh-Hans": f"ecommerce，第 {v} 版", "zh-Hant": f"ecommerce，第 {v} 版", "ru": f"ecommerce, версия {v}"}[lang]
    assert version in text
    assert {"zh-Hans": "NPS_去除该主题", "zh-Hant": "NPS_去除該主題", "ru": "NPS_без темы"}[lang] in text


def test_a_pack_is_named_with_its_base(results):
    from insight.themes.codeframe import load_codeframe

    text = soup_of(dataclasses.replace(results, codeframe=load_codeframe("telecom"))).get_text()
    assert "telecom, version 5 (a pack on core 12)" in text


def test_fix_first_names_the_three_costliest_themes_at_the_top(results):
    # a CX lead had to assemble the priority herself (issue 22, item 4)
    soup = soup_of(results)
    box = soup.find(id="fix-first")
    assert box is not None and box.find_previous("section") is None  # the first section of the report
    items = box.find_all("li")
    worst = results.themes[results.themes["impact"] < 0].sort_values("impact").head(3)
    assert len(items) == len(worst) == 3
    for item, (_, theme) in zip(items, worst.iterrows()):
        text = item.get_text(" ", strip=True)
        assert text.startswith(theme["label"])
        assert f"costs {-theme['impact']:.1f} NPS points" in text and "of detractors" in text
        assert all("q-1" in q["class"] for q in item.find_all("blockquote"))
    first = results.fix_first[0]
    assert first["quotes"] and all(q["polarity"] < 0 for q in first["quotes"])
    assert first["mixed"] == (first["praised"] >= 0.5 * first["blamed"] > 0)


def test_fix_first_speaks_the_reports_language_and_leaves_when_nothing_costs(results):
    text = soup_of(results, "zh-Hans").find(id="fix-first").get_text()
    assert "优先改进" in text and "的贬损者提到" in text
    assert soup_of(dataclasses.replace(results, fix_first=[])).find(id="fix-first") is None


def test_empty_sections_are_one_line_notes(tmp_path):
    # a file of scores alone, no dates, no segments: the drivers, themes and emerging sections
    # showed empty charts and tables (issue 22, item 6)
    p = tmp_path / "bare.csv"
    p.write_text("id,score\n" + "".join(f"{i},{i % 11}\n" for i in range(60)), encoding="utf-8")
    soup = soup_of(analyze(insight.load(p), "ecommerce", n_boot=50, n_jobs=1), "ru")
    t = strings("ru")
    for section, note in (("drivers", "no_comments"), ("themes", "no_comments"), ("emerging", "no_periods"),
                          ("trend", "no_periods"), ("segments", "no_segments")):
        part = soup.find(id=section)
        assert part.find("p", class_="note").get_text() == t[note], section
        assert not part.find("svg") and not part.find("table"), section


def test_the_standalone_charts_use_the_page_width(results):
    import re

    soup = soup_of(results)
    for section in ("distribution", "trend", "themes"):
        width = float(soup.find(id=section).find("svg")["width"])
        assert 900 <= width <= 1000, (section, width)
    assert re.search(r"\.chart svg \{ max-width: 100%", str(soup))  # and narrower on a small screen


def test_alerts_flag_rising_detractors_overall_by_segment_and_theme(tmp_path, run_cli):
    # issue 22, item 11: at the top of the report, on the terminal, and --fail-on-alert exits 3
    rows = ["id,date,score,comment,Channel"]
    for month in (1, 2, 3):
        for k in range(300):
            channel = "app" if k % 2 else "web"
            if month == 3 and channel == "app" and k % 3:
                score, comment = [0, 1, 2, 3, 4][k % 5], "the delivery was late again"
            else:
                score, comment = [9, 10, 9, 8, 7, 10, 6][k % 7], ["great prices", "nice app", "good service"][k % 3]
            rows.append(f"{month}-{k},2026-0{month}-{1 + k % 27:02d},{score},{comment},{channel}")
    path = tmp_path / "rise.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    out = tmp_path / "rise.html"
    res = run_cli("report", path, "--by", "Channel", "-o", out, "--lang", "zh-Hans", "--fail-on-alert")
    assert res.code == 3, res.err
    assert "alert: detractors rose in Channel = app" in res.err and "alert: detractors naming Delivery rose" in res.err
    soup = BeautifulSoup(out.read_text(encoding="utf-8"), "html.parser")
    box = soup.find(id="alerts")
    assert box is not None and box.find_previous("section") is None  # the report's first section
    text = box.get_text(" ", strip=True)
    assert "警报" in text and "Channel: app" in text and "全部回答" in text
    assert "2026-02 → 2026-03" in text
    assert run_cli("report", path, "--by", "Channel", "-o", out).code == 0  # without the flag: a report, exit 0
