"""Progress bars for long work, on a terminal only.

The library marks its long stages with :func:`stage` (reading a file, preparing and tagging the
comments, discovery, the report, the exports, an import, training); :func:`insight.parallel.map_chunks`
advances the stage it runs in, chunk by chunk. Nothing is shown unless the caller turned the
display on with :func:`enable` - the command line does, when its standard error is a terminal - so
piped output, logs and notebooks stay quiet. A display appears only once the work has lasted
:data:`DELAY` seconds (quick commands show nothing) and is erased when the work ends.

Only the process that enabled the display draws: a forked worker's calls do nothing. The display
refreshes on a thread of its own; :func:`paused` stops that thread while a process is forked (a
fork copies only the forking thread, and locks another thread held would stay locked in the child).
"""

from __future__ import annotations

import functools
import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

R = TypeVar("R")

DELAY = 2.0  # seconds of work before a display appears
REFRESH = 4  # redraws a second

_display: _Display | None = None


def nothing(n: int = 1) -> None:
    """The advance of a stage nobody sees."""


class _Display:
    """The rich progress display of this process: redrawn by a thread of its own while a stage runs,
    blank until the work has lasted ``DELAY`` seconds."""

    def __init__(self, console) -> None:
        from rich.progress import (BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn,
                                   TimeElapsedColumn, TimeRemainingColumn)

        class Delayed(Progress):
            began = 0.0

            def get_renderables(self):
                if time.monotonic() - self.began >= DELAY:
                    yield from super().get_renderables()

        self.pid = os.getpid()
        self.progress = Delayed(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                TimeElapsedColumn(), TimeRemainingColumn(), console=console, transient=True,
                                auto_refresh=False, redirect_stdout=False)  # stdout may be a pipe: left alone
        self.tasks: list[int] = []
        self.paused = 0
        self.thread: threading.Thread | None = None  # refreshing the display while it is live
        self.halt = threading.Event()

    def add(self, label: str, total: int | None) -> int:
        if not self.tasks:
            self.progress.began = time.monotonic()
        task = self.progress.add_task(label, total=total)
        self.tasks.append(task)
        self.start()
        return task

    def advance(self, task: int, n: int = 1) -> None:
        if task in self.tasks:
            self.progress.advance(task, n)

    def done(self, task: int) -> None:
        self.tasks.remove(task)
        if not self.tasks:
            self.stop()  # drawn a last time, complete, then erased
        self.progress.remove_task(task)

    def start(self) -> None:
        if self.thread is None and not self.paused and self.tasks:
            self.progress.start()
            self.halt.clear()
            self.thread = threading.Thread(target=self._refresh, name="insight-progress", daemon=True)
            self.thread.start()

    def _refresh(self) -> None:
        while not self.halt.wait(1 / REFRESH):
            self.progress.refresh()

    def stop(self) -> None:
        """Erase the display and end its thread (joined: gone when this returns)."""
        if self.thread is not None:
            self.halt.set()
            self.thread.join()
            self.thread = None
            self.progress.stop()


def enable(console=None) -> None:
    """Show progress for long work on ``console`` (default: a rich console on standard error)."""
    global _display
    if console is None:
        from rich.console import Console

        console = Console(stderr=True)
    _display = _Display(console)


def disable() -> None:
    """Show no progress any more (the display, if on screen, is erased)."""
    global _display
    if _display is not None and _display.pid == os.getpid():
        _display.stop()
    _display = None


def _active() -> _Display | None:
    return _display if _display is not None and _display.pid == os.getpid() else None


@contextmanager
def stage(label: str, total: int | None = None) -> Iterator[Callable[[int], None]]:
    """A stage of long work: yields ``advance(n)``, which counts ``n`` of its ``total`` items done
    (``total`` None: a spinner and the time it has taken)."""
    display = _active()
    if display is None:
        yield nothing
        return
    task = display.add(label, total)
    try:
        yield lambda n=1: display.advance(task, n)
    finally:
        display.done(task)


def active() -> bool:
    """Whether this process shows progress (the parallel engine splits its work for it)."""
    return _active() is not None


@contextmanager
def paused() -> Iterator[None]:
    """No refresh thread while the block runs (around a fork); the display comes back after it."""
    display = _active()
    if display is None:
        yield
        return
    display.stop()
    display.paused += 1
    try:
        yield
    finally:
        display.paused -= 1
        display.start()


def staged(label: str) -> Callable[[Callable[..., R]], Callable[..., R]]:
    """Decorator: each call of the function is a :func:`stage` named ``label`` (a spinner and its time)."""

    def decorate(func: Callable[..., R]) -> Callable[..., R]:
        @functools.wraps(func)
        def run(*args: Any, **kwargs: Any) -> R:
            with stage(label):
                return func(*args, **kwargs)

        return run

    return decorate
