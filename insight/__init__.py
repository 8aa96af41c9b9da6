"""nps-insight: an offline, multilingual insight engine for NPS surveys.

The public surface is what this module lists in ``__all__``; everything else is private.
"""

from insight.errors import InsightError, LoadError
from insight.load import Survey, load
from insight.score import summarize


def analyze(*args, **kwargs):
    """Score, tag and find drivers: see :func:`insight.analysis.analyze`."""
    from insight.analysis import analyze as _analyze

    return _analyze(*args, **kwargs)


def write_report(results, path, lang: str = "en"):
    """Write the HTML report: see :func:`insight.report.write_report`."""
    from insight.report import write_report as _write_report

    return _write_report(results, path, lang=lang)


def open_store(url: str | None = None):
    """Open the history store (default ``INSIGHT_DB``, else ``sqlite:///insight.db``): see :class:`insight.store.Store`."""
    from insight.store import Store

    return Store.open(url)


__all__ = ["InsightError", "LoadError", "Survey", "analyze", "load", "open_store", "summarize", "write_report"]
