"""`insight report` and `insight import`: the HTML report (of a file or a stored wave), and waves into the store."""

from __future__ import annotations

import os
from pathlib import Path

import click

from insight import settings
from insight.cli.app import cli
from insight.cli.common import (DB_OPTION, SEMANTIC_OPTION, VALUE_COL_OPTION, codeframe_for, codeframe_option,
                                load_options, load_survey, store_model, trained_model)
from insight.languages import UI_LANGS


@cli.command()
@click.argument("file", type=click.Path(path_type=Path), required=False)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE.html",
              help="Where to write the report (default: reports/<file name or wave>.html).")
@codeframe_option("The themes to read the comments with.")
@click.option("--model", "model_path", type=click.Path(path_type=Path), metavar="models/NAME[/vN]",
              help="A trained theme model whose labels are the codeframe's theme ids; adds themes the rules miss.")
@click.option("--by", multiple=True, metavar="COL", help="Segment column to compare (repeatable).")
@click.option("--period", metavar="P", help="Trend period: M, Q, W, Y, ND or wave (default: M when there are dates; "
              "wave with --db).")
@click.option("--lang", type=click.Choice(list(UI_LANGS)), default="en", show_default=True,
              help="Language of the report's text (quotes stay in their own language).")
@click.option("--export", "export_dir", type=click.Path(file_okay=False, path_type=Path), metavar="DIR",
              help="Also write CSV/XLSX exports and close-the-loop lists to DIR.")
@click.option("--confidence", type=float, default=settings.default("confidence"), show_default=True,
              help=settings.help_text("confidence"))
@click.option("--min-n", type=int, default=settings.default("min_n"), show_default=True, help=settings.help_text("min_n"))
@click.option("--jobs", type=click.IntRange(min=0), default=settings.default("jobs"), show_default=True,
              help=settings.help_text("jobs"))
@DB_OPTION
@click.option("--engine", "engine_name", type=click.Choice(["pool", "dask"]), default="pool", show_default=True,
              help="Where the per-comment work runs: local worker processes, or a Dask cluster.")
@click.option("--scheduler", metavar="ADDRESS", help="With --engine dask: a running scheduler (tcp://host:8786); "
              "default: a local cluster with one worker per core.")
@click.option("--wave", metavar="NAME", help="With no FILE: the wave of the store (--db, $INSIGHT_DB, else ./insight.db) "
              "to report on, with every earlier wave as its history (default: the latest). With FILE, --db only "
              "applies the store's theme decisions.")
@VALUE_COL_OPTION
@click.option("--fail-on-alert", is_flag=True, help="Exit with code 3 when the detractor share rose significantly "
              "since the previous period (overall, in a segment or for a theme): for a scheduled job.")
@SEMANTIC_OPTION
@load_options
def report(file: Path | None, output: Path | None, codeframe_name: str, model_path: Path | None, by: tuple[str, ...],
           period: str | None, lang: str, export_dir: Path | None, confidence: float, min_n: int, jobs: int,
           db: str | None, engine_name: str, scheduler: str | None, wave: str | None, fail_on_alert: bool,
           value_col: str | None, semantic: str, **load_opts) -> None:
    """Write the HTML report for FILE (or, without FILE, for a wave of the history store): NPS, trend,
    segments, drivers, themes with quotes, data quality."""
    from insight.parallel import engine

    if scheduler and engine_name != "dask":
        raise click.UsageError("--scheduler needs --engine dask")
    with engine(engine_name, scheduler=scheduler):
        from insight.report import svg

        svg.start()  # the charts' engine starts beside the analysis, in a helper process
        try:
            results = _report(file, output, codeframe_name, model_path, by, period, lang, export_dir, confidence,
                              min_n, jobs, db, wave, value_col, semantic, load_opts)
        finally:
            svg.stop()
    _alerts(results.alerts, fail_on_alert)


def _alerts(alerts: list[dict], fail: bool) -> None:
    """Say each alert on stderr; with ``fail``, end the command with the alert exit code when there is one."""
    from insight.score.alerts import ALERT_EXIT, alert_line

    for alert in alerts:
        click.echo(f"alert: {alert_line(alert)}", err=True)
    if fail and alerts:
        click.get_current_context().exit(ALERT_EXIT)


def _report(file: Path | None, output: Path | None, codeframe_name: str, model_path: Path | None, by: tuple[str, ...],
            period: str | None, lang: str, export_dir: Path | None, confidence: float, min_n: int, jobs: int,
            db: str | None, wave: str | None, value_col: str | None, semantic: str, load_opts: dict):
    from insight.analysis import analyze, discovery_beside
    from insight.report import BEFORE_THEMES, draw_charts, warm, write_report
    from insight.report.exports import write_exports
    from insight.score.nps import z_value
    from insight.themes.choose import AUTO, Choice
    from insight.themes.codeframe import load_codeframe

    z_value(confidence)
    if codeframe_name != AUTO:
        load_codeframe(codeframe_name)  # a bad codeframe fails before the file is read
    model, card = trained_model(model_path)
    drawn: dict[str, str] = {}

    def draw(scores) -> None:  # while discovery runs beside the analysis
        drawn.update(draw_charts(scores, lang, only=BEFORE_THEMES))
        warm(lang)

    from_store = file is None
    store = _report_store(file, db, wave)
    if store is not None and model is None:  # the model an analyst accepted in the store
        model, card = store_model(store)
    if from_store:
        survey = store.survey(wave)
        discovery = discovery_beside(survey)
        codeframe = codeframe_for(codeframe_name, survey, jobs, card)
        store.register_themes(codeframe.codeframe if isinstance(codeframe, Choice) else codeframe)
        catalog = store.catalog()
        period = period or "wave"
        wave = wave or str(survey.responses["wave"].cat.categories[-1])
        with embeddings_in(store):  # the team's embeddings, kept with its surveys
            results = analyze(survey, codeframe, model, by=by, period=period, confidence=confidence, min_n=min_n,
                              n_jobs=jobs, catalog=catalog, focus_last=period.strip().lower() == "wave",
                              meanwhile=draw, value=value_col, semantic=semantic, discovery=discovery)
        if card is not None:  # which model read the comments: what an analyst's correction of this run corrects
            results.settings["model_version"] = f"{card['name']} {card['version']}"
        run_id = store.record_run(results, wave)
        output = output or Path("reports") / f"{_file_name(wave)}.html"
    else:
        catalog = None if store is None else store.catalog()  # a file's report with the store's theme decisions
        survey = load_survey(file, load_opts, by)
        discovery = discovery_beside(survey)  # (it gets ready while the codeframe is chosen)
        codeframe = codeframe_for(codeframe_name, survey, jobs, card)
        with embeddings_in(store):
            results = analyze(survey, codeframe, model, by=by, period=period, confidence=confidence, min_n=min_n,
                              n_jobs=jobs, catalog=catalog, meanwhile=draw, value=value_col, semantic=semantic,
                              discovery=discovery)
        output = output or Path("reports") / f"{file.stem}.html"
    write_report(results, output, lang=lang, drawn=drawn or None, exports=export_dir)  # drawn while discovery ran
    click.echo(f"report written to {output} (NPS {results.nps['nps']:.1f}, {results.nps['n']} responses"
               + (f"; wave {wave!r}, run #{run_id} recorded in {store.url})" if from_store else ")"))
    if export_dir is not None:
        files, notes = write_exports(results, export_dir)
        click.echo(f"{len(files)} export files written to {export_dir}")
        for note in notes:
            click.echo(f"note: {note}")
    return results


def _report_store(file: Path | None, db: str | None, wave: str | None):
    """The store a report reads: its waves (no FILE), or with a FILE and ``--db`` its theme decisions
    and active model; None for a file alone."""
    if file is not None and wave is not None:
        raise click.UsageError("--wave reports a wave of the store: leave out FILE "
                               "(add the file first with `insight import FILE --wave NAME`)")
    if file is not None and db is None:
        return None  # (without importing the store: SQLAlchemy costs a quarter of a second)
    from insight.store import DEFAULT_FILE, Store

    # the store `insight import` fills by default, when there is one here (no empty store is made)
    if file is None and db is None and not os.environ.get("INSIGHT_DB") and not Path(DEFAULT_FILE).is_file():
        raise click.UsageError("give a FILE to report on, or --db URL (or INSIGHT_DB) to report from the store "
                               f"(there is no {DEFAULT_FILE} here)")
    return Store.open(db)


def embeddings_in(store):
    """A block whose embeddings are kept in ``store`` (with none: the user's cache file)."""
    from contextlib import nullcontext

    from insight.text.embed import using

    return using(store) if store is not None else nullcontext()


def _file_name(name: str) -> str:
    """A wave name made safe as a file name."""
    import re

    return re.sub(r"[^\w.-]+", "_", name).strip("._") or "wave"


@cli.command("import")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--wave", metavar="NAME", help="The survey wave the file belongs to (default: the file name).")
@DB_OPTION
@codeframe_option("Its themes are added to the theme catalog (analysts' decisions are kept).")
@load_options
def import_(file: Path, wave: str | None, db: str | None, codeframe_name: str, **load_opts) -> None:
    """Add FILE's responses to the history store as one wave, in one transaction.

    The same file (or the same responses) imported again adds nothing. Every column besides score,
    comment, date and id is kept, so any of them can be a segment (--by) later.
    """
    from insight.store import Store, file_sha256
    from insight.themes.choose import Choice

    survey = load_survey(file, load_opts)
    resolved = codeframe_for(codeframe_name, survey)
    codeframe = resolved.codeframe if isinstance(resolved, Choice) else resolved
    store = Store.open(db)
    click.echo(f"importing {survey.info.rows_scored} responses from {file} into {store.url}", err=True)
    result = store.import_survey(survey, wave=wave if wave is not None else file.stem, file_hash=file_sha256(file),
                                 source=str(file), codeframe=codeframe)
    click.echo(result.message())
