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
@click.option("--id-prefix", default="R", show_default=True, metavar="TEXT",
              help="Response ids start with this (another wave of the demo: another prefix).")
@click.option("--from", "start", type=click.DateTime(["%Y-%m-%d"]), metavar="YYYY-MM-DD",
              help="The first day answers are dated (default: the demo's year, from 2025-11-01).")
@click.option("--to", "end", type=click.DateTime(["%Y-%m-%d"]), metavar="YYYY-MM-DD",
              help="The day after the last answers (default 2026-11-01).")
def demo(output: Path, rows: int, seed: int, clean: bool, id_prefix: str, start, end) -> None:
    """Generate a realistic multilingual demo survey (our own phrase templates, no real data)."""
    from insight.demo import generate, write

    frame = generate(rows, seed=seed, malformed=not clean, id_prefix=id_prefix, start=start, end=end)
    write(frame, output)
    click.echo(f"wrote {len(frame)} rows to {output}")
