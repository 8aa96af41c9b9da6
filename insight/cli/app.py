"""The ``insight`` group and the entry point: library errors become one readable line and exit code 2."""

from __future__ import annotations

import gc
import os
import sys
import warnings

import click

from insight import progress
from insight.errors import InsightError, Note


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="nps-insight", prog_name="insight")
def cli() -> None:
    """nps-insight: offline, multilingual insight engine for NPS surveys."""


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the CLI, turning user errors into one line and exit code 2."""
    debug = bool(os.environ.get("INSIGHT_DEBUG"))
    # A run makes millions of small objects that live to its end (tokens, mentions, per-row lists);
    # with Python's default (a young collection every 700 new objects) the collector visited them
    # again and again: ~1 s of a 100k report (11.5 -> 10.4 s with 50,000, in alternating runs)
    gc.set_threshold(50_000, 10, 10)
    warnings.showwarning = _note
    warnings.filterwarnings("default", category=Note)  # printed as notes, whatever the interpreter's filters
    if _terminal():
        progress.enable()  # long work shows a progress bar; piped output stays quiet
    try:
        code = cli.main(args=argv, prog_name="insight", standalone_mode=False)
    except InsightError as exc:
        click.echo(f"insight: error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        click.echo("insight: aborted", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        click.echo("insight: interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except OSError as exc:  # a file named on the command line that cannot be written or read
        if debug:
            raise
        where = f" ({exc.filename})" if exc.filename and str(exc.filename) not in str(exc) else ""
        click.echo(f"insight: error: {exc}{where}", err=True)
        sys.exit(2)
    except Exception as exc:  # a bug: still one line, with a way to see the traceback
        if debug:
            raise
        click.echo(f"insight: internal error: {type(exc).__name__}: {exc} (set INSIGHT_DEBUG=1 for the traceback)", err=True)
        sys.exit(1)
    finally:
        progress.disable()
    sys.exit(code if isinstance(code, int) else 0)


def run() -> None:
    """The ``insight`` command's process entry: :func:`main`, then the process ends at once, its
    output flushed, without the interpreter's tear-down (freeing a large survey's millions of
    objects one by one took ~0.5 s after a 100k report was written). Every file the command writes is
    closed and every process it started is waited for before :func:`main` returns."""
    try:
        main()
    except SystemExit as done:
        code = done.code
    else:  # (main always exits)
        code = 0
    if code is not None and not isinstance(code, int):
        print(code, file=sys.stderr)
        code = 1
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # a closed pipe: nothing more to say
        pass
    os._exit(code or 0)


def _note(message, category, filename, lineno, file=None, line=None, _shown=warnings.showwarning) -> None:
    """A library :class:`~insight.errors.Note` is printed as ``note: ...``; other warnings as Python prints them."""
    if issubclass(category, Note):
        click.echo(f"note: {message}", err=True)
    else:
        _shown(message, category, filename, lineno, file, line)


def _terminal() -> bool:
    """Whether standard error is a terminal that can show progress (not piped, not TERM=dumb, not
    turned off with INSIGHT_NO_PROGRESS=1)."""
    return (sys.stderr.isatty() and os.environ.get("TERM") != "dumb"
            and os.environ.get("INSIGHT_NO_PROGRESS", "") in ("", "0"))
