"""`insight score` and `insight history`: NPS with intervals, from a file or from the store."""

from __future__ import annotations

import json
from pathlib import Path

import click

from insight import settings
from insight.cli.app import cli
from insight.cli.common import DB_OPTION, VALUE_COL_OPTION, load_options, load_survey


@cli.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--by", multiple=True, metavar="COL", help="Score each value of this column against the rest (repeatable).")
@click.option("--period", metavar="P", help="NPS per period: M (month), Q (quarter), W (ISO week), Y (year) or ND (N-day bins, e.g. 90D).")
@click.option("--confidence", type=float, default=settings.default("confidence"), show_default=True,
              help=settings.help_text("confidence"))
@click.option("--min-n", type=int, default=settings.default("min_n"), show_default=True,
              help=settings.help_text("min_n"))
@click.option("--benchmarks", "benchmarks_file", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE",
              help="Benchmarks JSON file (default: the shipped one, which cites its sources).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of tables.")
@VALUE_COL_OPTION
@load_options
def score(file: Path, by: tuple[str, ...], period: str | None, confidence: float, min_n: int,
          benchmarks_file: Path | None, as_json: bool, value_col: str | None, **load_opts) -> None:
    """Score FILE: NPS with its interval, by segment and by period, against benchmarks."""
    from insight.score import summarize
    from insight.score.benchmarks import load_benchmarks
    from insight.score.nps import z_value

    z_value(confidence)  # reject a bad level before reading the file
    survey = load_survey(file, load_opts, by)
    result = summarize(
        survey.responses, by=by, period=period, confidence=confidence, min_n=min_n,
        quarantined=survey.info.rows_quarantined, benchmarks=load_benchmarks(benchmarks_file), value=value_col,
    )
    result["load"] = survey.info.as_dict()
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        from insight.cli.render import print_score

        print_score(result)


@cli.command()
@DB_OPTION
@click.option("--confidence", type=float, default=settings.default("confidence"), show_default=True,
              help=settings.help_text("confidence"))
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list of waves instead of a table.")
@click.option("--fail-on-alert", is_flag=True, help="Exit with code 3 when the detractor share of the latest wave "
              "rose significantly over the one before: for a scheduled job.")
def history(db: str | None, confidence: float, as_json: bool, fail_on_alert: bool) -> None:
    """List the store's waves with their NPS and interval, in survey order; flag a significant rise of
    the detractor share in the latest wave (its "alert" in --json)."""
    from insight.score.alerts import ALERT_EXIT, alert_line, wave_alert
    from insight.score.nps import z_value
    from insight.store import Store

    z_value(confidence)
    rows = Store.open(db).history(confidence=confidence)
    alert = wave_alert(rows, confidence)
    for row in rows:
        row["alert"] = alert if row is rows[-1] else None
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        from insight.cli.render import render_history

        render_history(rows)
    if alert is not None:
        click.echo(f"alert: {alert_line(alert)}", err=True)
        if fail_on_alert:
            click.get_current_context().exit(ALERT_EXIT)
