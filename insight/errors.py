"""Exceptions raised by the library.

Library code raises these with a message that names the offending file, row, column or value;
only :mod:`insight.cli` turns them into one readable line and an exit code.
"""

from __future__ import annotations


class InsightError(Exception):
    """Base class for every error a user can cause and fix (bad file, bad option, bad value)."""

    exit_code = 2


class LoadError(InsightError):
    """A survey export cannot be read: missing file, unreadable encoding, no score column, ..."""


class ColumnError(LoadError):
    """A column cannot be found, is ambiguous, or was named but does not exist."""


class OptionError(InsightError):
    """An option value is invalid (unknown period, bad confidence level, ...)."""


class TrainingError(InsightError):
    """Labelled data that cannot train a model (one class, too few examples, ...)."""


class Note(UserWarning):
    """Not an error: something a user should know about a run (the semantic tier was left off, and
    why). Given as a warning, so a library user sees it once; the CLI prints it as ``note: ...``."""
