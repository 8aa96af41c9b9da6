"""The ``insight`` command: a thin click layer over the library, one module per command family.

Each command parses its options, calls the library and prints; library code raises
:class:`insight.errors.InsightError`, which :func:`main` (``app``) alone turns into one readable
line on stderr and exit code 2. Importing the families registers their commands on the group.
"""

from insight.cli import codeframes, demo, models, report, score, serve, tagging, themes  # noqa: F401 - registers the commands
from insight.cli.app import cli, main, run

__all__ = ["cli", "main", "run"]
