"""The charts' helper process (insight.report.svg): the same SVG as drawn here, and never a hang."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from insight.report import svg

SPEC = {"$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "data": {"values": [{"score": s, "n": n} for s, n in enumerate([3500, 1200, 4100, 1500, 5900, 9200, 2600, 5300, 5800, 9700, 9300])]},
        "mark": "bar", "encoding": {"x": {"field": "score", "type": "ordinal"}, "y": {"field": "n", "type": "quantitative"}}}


def test_the_helper_draws_what_this_process_would():
    # in a fresh process: this one has drawn with vl-convert already, so it starts no helper
    code = textwrap.dedent(f"""
        from insight.languages import UI_LANGUAGES
        from insight.report import svg
        spec, ru = {SPEC!r}, UI_LANGUAGES["ru"].chart_locale
        svg.start()
        assert svg._helper is not None
        drawn = [svg.draw(spec), svg.draw(spec, ru)]
        process = svg._helper[0]
        svg.stop()
        assert svg._helper is None and not process.is_alive()
        assert drawn == [svg._draw(spec, None), svg._draw(spec, ru)] and drawn[0] != drawn[1]
        assert drawn[0].startswith("<svg")
        print("same")
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == "same"


def test_no_helper_once_this_process_has_drawn():
    svg._draw(SPEC, None)  # vl-convert's engine runs here now: a forked helper's would hang
    svg.start()
    assert svg._helper is None
    assert svg.draw(SPEC).startswith("<svg")


def test_a_stuck_helper_is_left_and_the_chart_drawn_here(monkeypatch):
    import multiprocessing
    import time

    ctx = multiprocessing.get_context("fork")
    requests, send = ctx.Pipe(duplex=False)
    receive, answers = ctx.Pipe(duplex=False)
    stuck = ctx.Process(target=time.sleep, args=(60,), daemon=True)
    stuck.start()
    monkeypatch.setattr(svg, "_helper", (stuck, send, receive))
    monkeypatch.setattr(svg, "_PATIENCE", 0.5)
    started = time.monotonic()
    assert svg.draw(SPEC) == svg._draw(SPEC, None)
    assert time.monotonic() - started < 10
    assert svg._helper is None and not stuck.is_alive()
