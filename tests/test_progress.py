"""Progress bars: shown on a terminal for long work, quiet otherwise, never a change in results."""

from __future__ import annotations

import io
import os
import threading
import time

import pytest
from rich.console import Console

from insight import parallel, progress
from insight.cli import app


@pytest.fixture
def screen(monkeypatch):
    """A terminal the display draws on at once (no delay); yields what was written to it."""
    monkeypatch.setattr(progress, "DELAY", 0.0)
    out = io.StringIO()
    progress.enable(Console(file=out, force_terminal=True, width=100))
    yield out
    progress.disable()


def _double(items):
    return [2 * x for x in items]


def _pid(_):
    return os.getpid()


def _drawing() -> bool:
    return any(t.name == "insight-progress" for t in threading.enumerate())


def test_a_stage_draws_its_label_and_count_then_leaves(screen):
    with progress.stage("tagging comments", total=4) as advance:
        for _ in range(4):
            advance(1)
        assert _drawing()  # the display's refresh thread
    drawn = screen.getvalue()
    assert "tagging comments" in drawn and "4/4" in drawn
    assert not _drawing()  # stopped (joined) with the last stage
    assert not progress._display.tasks


def test_standard_output_is_not_taken_over_by_the_display(screen, capsys):
    with progress.stage("work"):
        print("a JSON line for a pipe")
    out, _ = capsys.readouterr()
    assert out == "a JSON line for a pipe\n"
    assert "a JSON line" not in screen.getvalue()


def test_nothing_is_drawn_before_the_delay(monkeypatch):
    out = io.StringIO()
    progress.enable(Console(file=out, force_terminal=True, width=100))
    try:
        with progress.stage("quick work"):
            time.sleep(0.3)
    finally:
        progress.disable()
    assert "quick work" not in out.getvalue()


def test_without_a_display_stages_cost_nothing_and_show_nothing(capsys):
    assert not progress.active()
    with progress.stage("anything", total=3) as advance:
        advance(3)
    assert capsys.readouterr() == ("", "")


def test_map_chunks_advances_to_the_total_with_the_same_results(screen):
    items = list(range(5000))
    one = parallel.map_chunks(_double, items, n_jobs=1, label="doubling")  # cut into chunks for the bar
    two = parallel.map_chunks(_double, items, n_jobs=2, label="doubling")  # a forked pool
    assert one == two == _double(items)
    assert "5000/5000" in screen.getvalue()


def test_workers_are_forked_without_the_display_thread_and_do_not_draw(screen):
    alone = threading.active_count() == 1  # (earlier tests' clusters may leave threads behind)
    with progress.stage("work"):
        assert _drawing()
        with progress.paused():
            assert not _drawing()
        assert _drawing()
        # the display's thread is stopped around the fork: the work still goes to another process
        pid = parallel.in_background(_pid)(None)()
        assert pid != os.getpid() or not alone
        assert parallel.in_background(lambda _: progress.active())(None)() is not alone
        assert progress.active()


def test_the_command_line_shows_progress_only_on_a_terminal(monkeypatch):
    monkeypatch.delenv("INSIGHT_NO_PROGRESS", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.setattr("sys.stderr", io.StringIO())  # piped
    assert not app._terminal()

    class Tty(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.setattr("sys.stderr", Tty())
    assert app._terminal()
    monkeypatch.setenv("INSIGHT_NO_PROGRESS", "1")
    assert not app._terminal()
    monkeypatch.setenv("INSIGHT_NO_PROGRESS", "0")
    monkeypatch.setenv("TERM", "dumb")
    assert not app._terminal()
