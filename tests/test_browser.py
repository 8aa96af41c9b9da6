"""The report in a real browser: Debian chromium driven by Playwright (never `playwright install`).

Checks that the sections render, charts are there, nothing is requested from outside the file,
the console stays clean, and hostile comments are shown as text without running. Writes one
screenshot per language under reports/screenshots/.
"""

from __future__ import annotations

import dataclasses
import os
from datetime import datetime, timezone
from pathlib import Path

import pytest

import insight
from insight.analysis import analyze
from insight.demo import COLUMNS, generate, write
from insight.report import render
from tests.conftest import ROOT

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
PAYLOADS = [
    "<script>window.__xss = 1; alert(1)</script> the delivery was late",
    "<img src=x onerror=\"window.__xss = 2\"> terrible customer service",
    "<a href=\"javascript:window.__xss = 3\">click me</a> the app crashes",
    "\"><svg onload=\"window.__xss = 4\"> prices are too high",
    "<iframe src=\"https://example.com\"></iframe> packaging was torn",
]


EMOJI = "Fast delivery 👍🎉"


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("/usr/bin/chromium is missing in CI (make test installs it)")
        pytest.skip("Debian chromium is not installed (make test installs it as root)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    folder = tmp_path_factory.mktemp("browser")
    frame = generate(900, seed=4)
    frame.loc[5, COLUMNS["channel"]] = "<script>window.__xss = 9</script>"
    survey_path = folder / "survey.csv"
    write(frame, survey_path)
    results = analyze(insight.load(survey_path, segments=["Channel"]), by=["Channel"], n_boot=200, n_jobs=1)
    quotes = [{"text": p, "polarity": -1, "score": 1} for p in PAYLOADS] + [{"text": EMOJI, "polarity": 1, "score": 10}]
    results = dataclasses.replace(results, quotes={**results.quotes, "delivery": quotes})
    paths = {}
    for lang in ("en", "zh-Hans", "zh-Hant", "ru"):
        path = folder / f"report.{lang}.html"
        path.write_text(render(results, lang=lang, generated_at=datetime(2026, 11, 1, tzinfo=timezone.utc)),
                        encoding="utf-8")
        paths[lang] = path
    return paths


@pytest.mark.parametrize("lang", ["en", "zh-Hans", "zh-Hant", "ru"])
def test_report_in_chromium(browser, reports, lang):
    page = browser.new_page(viewport={"width": 1100, "height": 1400})
    requests, console, dialogs = [], [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("console", lambda m: console.append((m.type, m.text)) if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: console.append(("pageerror", str(e))))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    url = reports[lang].as_uri()
    page.goto(url)
    page.wait_for_load_state("load")
    for section in ("headline", "distribution", "trend", "segments", "drivers", "themes", "close-the-loop",
                    "data-quality", "method"):
        assert page.locator(f"#{section}").is_visible(), section
    assert page.locator("svg").count() >= 5
    assert page.locator("#distribution svg").bounding_box()["height"] > 50
    # every label drawn inside its chart, in the browser's font (vl-convert lays out in the one it has)
    cut = page.evaluate("""() => [...document.querySelectorAll("svg")].flatMap(svg => {
        const box = svg.getBoundingClientRect();
        return [...svg.querySelectorAll("text")].filter(t => {
            const r = t.getBoundingClientRect();
            return r.width > 0 && (r.left < box.left - 0.5 || r.right > box.right + 0.5);
        }).map(t => t.textContent);
    })""")
    assert cut == []
    # open the drill-down holding the hostile quotes, click the javascript: link text, sort a table
    page.locator("#theme-delivery summary").click()
    page.locator("#theme-delivery blockquote").first.wait_for()
    page.locator("#theme-table th[data-sort]").first.click()
    # numbers sort as numbers, written the report language's way (Russian: 1 234,5): the theme NPS
    # cells are given values with thousands and more decimals than the themes have, then sorted
    written = ["1\u00a0234,5", "-3,1", "999,0", "12,25", "-1\u00a0000,0", "+7,5"] if lang == "ru" else \
        ["1,234.5", "-3.1", "999.0", "12.25", "-1,000.0", "+7.5"]
    page.evaluate("""written => document.querySelectorAll("#theme-table tr td:nth-child(3)")
        .forEach((cell, i) => { cell.textContent = written[i % written.length]; })""", written)
    page.locator("#theme-table th").nth(2).click()
    shown = page.eval_on_selector_all("#theme-table tr td:nth-child(3)", "cells => cells.map(c => c.textContent)")
    values = [float(v.replace("\u00a0", "").replace(",", "." if lang == "ru" else "")) for v in shown]
    assert len(values) > 3 and values in (sorted(values), sorted(values, reverse=True)), shown
    page.fill("#theme-filter", "zzz")
    assert page.evaluate("window.__xss") is None
    assert dialogs == []
    assert [u for u in requests if u != url] == []
    assert console == []
    text = page.locator("#theme-delivery").inner_text()
    assert "<script>window.__xss = 1; alert(1)</script>" in text
    assert "<img src=x onerror=" in text
    shots = ROOT / "reports" / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    page.fill("#theme-filter", "")
    page.screenshot(path=str(shots / f"report-{lang}.png"), full_page=True)
    page.close()


def test_emoji_in_quotes_are_drawn_in_colour(browser, reports):
    # a quote's emoji drew as an empty box (issue 22, item 9): the page's fonts must draw them, in colour
    page = browser.new_page(viewport={"width": 1100, "height": 900})
    page.goto(reports["en"].as_uri())
    page.locator("#theme-delivery summary").click()
    quote = page.locator("#theme-delivery blockquote", has_text="Fast delivery")
    quote.wait_for()
    coloured = quote.evaluate("""el => {
        const canvas = document.createElement("canvas");
        canvas.width = 160; canvas.height = 64;
        const ctx = canvas.getContext("2d");
        ctx.font = "48px " + getComputedStyle(el).fontFamily;
        ctx.fillText("👍🎉", 2, 52);
        const d = ctx.getImageData(0, 0, 160, 64).data;
        let n = 0;
        for (let i = 0; i < d.length; i += 4) {
            if (d[i + 3] > 128 && Math.max(d[i], d[i + 1], d[i + 2]) - Math.min(d[i], d[i + 1], d[i + 2]) > 80) n++;
        }
        return n;
    }""")
    assert coloured > 200, coloured
    assert "👍🎉" in quote.inner_text()
    page.close()
