"""`insight demo`: the built-in demo survey."""

from __future__ import annotations

from pathlib import Path

import click

from insight import settings
from insight.cli.app import cli


@cli.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True, metavar="FILE",
              help="Where to write the survey (.csv, .xlsx, .parquet or .jsonl by extension).")
@click.option("-n", "--rows", type=click.IntRange(min=1), default=settings.default("demo_rows"), show_default=True,
              help="Number of responses.")
@click.option("--seed", type=int, default=settings.default("demo_seed"), show_default=True, help="Random seed.")
@click.option("--clean", is_flag=True, help="Leave out the deliberately malformed rows.")
def demo(output: Path, rows: int, seed: int, clean: bool) -> None:
    """Generate a realistic multilingual demo survey (our own phrase templates, no real data)."""
    from insight.demo import generate, write

    frame = generate(rows, seed=seed, malformed=not clean)
    write(frame, output)
    click.echo(f"wrote {len(frame)} rows to {output}")
