"""nps-insight: an offline, multilingual insight engine for NPS surveys.

The public surface is what this module lists in ``__all__``; everything else is private.
"""

from insight.errors import InsightError, LoadError
from insight.load import Survey, load
from insight.score import summarize

__all__ = ["InsightError", "LoadError", "Survey", "load", "summarize"]
