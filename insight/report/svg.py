"""Vega-Lite specifications to SVG (vl-convert), in a helper process when a report has started one.

vl-convert's first drawing in a process starts its JavaScript engine: ~0.6 s, holding the GIL, and a
report drew its first chart after the tagging, when every second counts. ``insight report`` starts a
helper process (:func:`start`) before it reads the file: the helper starts the engine while the
report chooses its codeframe and loads its language pipelines (one process's work: the other core is
idle then), and draws every chart sent to it. Without a helper (a library call, a platform without
``fork``, a helper that failed) a chart is drawn in this process: the same SVG either way.
"""

from __future__ import annotations

import multiprocessing
import sys
import threading
from typing import Any

from insight.parallel import can_fork_alone

# the smallest chart: drawing it starts the engine
_WARM = {"$schema": "https://vega.github.io/schema/vega-lite/v5.json", "data": {"values": [{"x": 1}]},
         "mark": "bar", "encoding": {"x": {"field": "x", "type": "ordinal"}}}

_PATIENCE = 60.0  # seconds a drawing may take in the helper before this process draws it itself
_helper: tuple[Any, Any, Any] | None = None  # (process, request sender, answer receiver)
_lock = threading.Lock()  # one request at a time: an answer is read by the thread that asked


def draw(spec: dict, locale: str | None = None) -> str:
    """The SVG of Vega-Lite ``spec``; ``locale``: the d3-format locale of its axes' numbers (None: English)."""
    with _lock:
        if _helper is not None:
            _, send, receive = _helper
            try:
                send.send((spec, locale))
                if not receive.poll(_PATIENCE):
                    raise TimeoutError
                ok, svg = receive.recv()
            except (OSError, EOFError, ValueError):  # gone, or stuck (a TimeoutError is an OSError): draw here
                ok, svg = False, None
                _close()
            if ok:
                return svg
    return _draw(spec, locale)  # (a spec the helper failed on fails here, with vl-convert's own message)


def _draw(spec: dict, locale: str | None) -> str:
    import vl_convert as vlc

    return vlc.vegalite_to_svg(spec, format_locale=locale) if locale else vlc.vegalite_to_svg(spec)


def start() -> None:
    """Fork the helper now, unless one runs, this process has another thread (a fork copies it
    half-way), has drawn with vl-convert already (its engine's threads do not survive a fork: the
    helper's first drawing would wait forever) or cannot fork. The helper ends when :func:`stop`
    is called or this process ends."""
    global _helper
    if _helper is not None or "vl_convert" in sys.modules or not can_fork_alone():
        return
    ctx = multiprocessing.get_context("fork")
    requests, send = ctx.Pipe(duplex=False)
    receive, answers = ctx.Pipe(duplex=False)
    process = ctx.Process(target=_serve, args=(requests, send, receive, answers), daemon=True)
    process.start()
    requests.close()
    answers.close()
    _helper = (process, send, receive)


def stop() -> None:
    """End the helper (it has drawn the report's charts): its memory is given back now."""
    with _lock:
        _close()


def _close() -> None:
    global _helper
    if _helper is None:
        return
    process, send, receive = _helper
    _helper = None
    send.close()  # the helper reads the end of its requests and returns
    receive.close()
    process.join(timeout=5)
    if process.is_alive():
        process.terminate()
        process.join(timeout=5)  # (reaped: a stuck helper is gone when this returns)


def _serve(requests, send, receive, answers) -> None:
    """The helper: start the engine, then answer each (spec, locale) with (True, SVG), or (False,
    None) when vl-convert fails on it, until the requests end."""
    global _helper
    _helper = None  # (this process draws itself)
    send.close()
    receive.close()
    try:
        _draw(_WARM, None)
    except Exception:  # noqa: BLE001 - each request meets the same problem and says so
        pass
    while True:
        try:
            spec, locale = requests.recv()
        except (EOFError, OSError):
            return
        try:
            answer = (True, _draw(spec, locale))
        except Exception:  # noqa: BLE001 - the caller draws it itself, and reports the error
            answer = (False, None)
        try:
            answers.send(answer)
        except OSError:
            return
