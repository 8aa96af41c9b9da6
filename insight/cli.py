"""The ``insight`` command: a thin click layer over the library.

Library code raises :class:`insight.errors.InsightError`; this module alone turns it into one
readable line on stderr and exit code 2.
"""

from __future__ import annotations

import gc
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

import click

from insight import settings
from insight.errors import InsightError

_LOAD_OPTIONS = (
    click.option("--score-col", metavar="COL", help="Column holding the 0-10 score (default: detected from the header)."),
    click.option("--comment-col", metavar="COL", multiple=True,
                 help="Column holding the open answer (default: detected). Repeat it for a survey with several "
                      "open questions (\"Why?\", \"What should we improve?\"): their answers are read together "
                      "and one by one; without it, every column that reads like an open question is."),
    click.option("--date-col", metavar="COL", help="Column holding the submission date (default: detected)."),
    click.option("--id-col", metavar="COL", help="Column holding the response id (default: detected; a stable hash when absent)."),
    click.option("--segment", "segments", metavar="COL", multiple=True, help="A segment column to keep (repeatable)."),
    click.option("--encoding", metavar="NAME", help="File encoding (default: detected; utf-8, gb18030, big5, cp1251, koi8-r, utf-16)."),
    click.option("--sheet", metavar="NAME", help="Excel sheet to read (default: the first)."),
    click.option("--quarantine-out", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE",
                 help="Write the quarantined rows and their reasons to this CSV file."),
)


def load_options(func: Callable) -> Callable:
    for option in reversed(_LOAD_OPTIONS):
        func = option(func)
    return func


def _load(file: Path, opts: dict, extra_segments: tuple[str, ...] = (), score_required: bool = True,
          echo_notes: bool = False):
    """Load FILE with the load options; ``echo_notes`` prints how it was read (a 1-5 rating taken
    for the score, ambiguous dates, ...) on stderr, for commands that show no load summary."""
    from insight.load import load

    segments = tuple(dict.fromkeys((*opts["segments"], *extra_segments)))
    survey = load(
        file, score=opts["score_col"], comment=opts["comment_col"] or None, date=opts["date_col"], id=opts["id_col"],
        segments=segments, encoding=opts["encoding"], sheet=opts["sheet"], score_required=score_required,
    )
    if opts["quarantine_out"] is not None:
        survey.write_quarantine(opts["quarantine_out"])
    if echo_notes:
        for note in survey.info.notes:
            click.echo(f"note: {note}", err=True)
    return survey


def _codeframe_option(what: str) -> Callable:
    """``--codeframe``, default ``auto``; the help lists the codeframes shipped in the package."""
    from insight.themes.codeframe import shipped_names

    return click.option(
        "--codeframe", "codeframe_name", metavar="NAME|YAML", default="auto", show_default=True,
        help=f"{what} auto: chosen from the comments (the cross-industry core, or the pack or domain codeframe "
             f"whose words they use; why is printed); or a shipped codeframe ({', '.join(shipped_names())}) "
             "or a YAML file.")


def _resolve_codeframe(name: str, survey, jobs: int | None = None, card: dict | None = None):
    """The codeframe ``name`` stands for, chosen on ``survey``'s comments when it is ``auto`` (or the
    one a trained model was trained with, when ``card`` names one), with a note on stderr saying
    which and why. Returns what :func:`insight.analysis.analyze` takes: a Codeframe or a Choice."""
    from insight.themes.choose import AUTO, resolve_codeframe

    if name == AUTO and card and card.get("codeframe"):
        name = card["codeframe"]
        click.echo(f"note: codeframe {name} (the model's)", err=True)
    cf, choice = resolve_codeframe(name, survey.all_rows()["comment"] if name == AUTO else None, jobs or None)
    if choice is not None:
        click.echo(f"note: codeframe {cf.title}, chosen automatically: {choice.reason}", err=True)
        return choice
    return cf


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="nps-insight", prog_name="insight")
def cli() -> None:
    """nps-insight: offline, multilingual insight engine for NPS surveys."""


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
@load_options
def score(file: Path, by: tuple[str, ...], period: str | None, confidence: float, min_n: int,
          benchmarks_file: Path | None, as_json: bool, **load_opts) -> None:
    """Score FILE: NPS with its interval, by segment and by period, against benchmarks."""
    from insight.score import summarize
    from insight.score.benchmarks import load_benchmarks
    from insight.score.nps import z_value

    z_value(confidence)  # reject a bad level before reading the file
    survey = _load(file, load_opts, by)
    result = summarize(
        survey.responses, by=by, period=period, confidence=confidence, min_n=min_n,
        quarantined=survey.info.rows_quarantined, benchmarks=load_benchmarks(benchmarks_file),
    )
    result["load"] = survey.info.as_dict()
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        from insight.cli_render import print_score

        print_score(result)


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


@cli.command()
@click.argument("file", type=click.Path(path_type=Path))
@_codeframe_option("The themes to tag with.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), metavar="OUT.csv",
              help="Where to write the tagged responses (default: print a summary only).")
@click.option("--mentions", "mentions_out", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE.csv",
              help="Also write the long mentions table (response, theme, polarity, sentence, evidence).")
@click.option("--model", "model_path", type=click.Path(path_type=Path), metavar="models/NAME[/vN]",
              help="A trained theme model whose labels are the codeframe's theme ids; adds themes the rules miss.")
@click.option("--jobs", type=click.IntRange(min=0), default=settings.default("jobs"), show_default=True,
              help=settings.help_text("jobs"))
@click.option("--json", "as_json", is_flag=True, help="Print a JSON summary (with how the codeframe was chosen) "
              "instead of a line.")
@click.option("--discover/--no-discover", "discover_themes", default=True, show_default=True,
              help="Propose themes for the comments no codeframe theme covers, and tag them with those "
                   "(the same themes, with the same ids, as `insight report` and `insight discover` find).")
@load_options
def tag(file: Path, codeframe_name: str, output: Path | None, mentions_out: Path | None, model_path: Path | None,
        jobs: int, as_json: bool, discover_themes: bool, **load_opts) -> None:
    """Tag each response's comment with codeframe themes (and discovered ones) and a polarity per theme."""
    import pandas as pd

    from insight.safe import spreadsheet_safe
    from insight.themes.choose import Choice
    from insight.themes.discover import add_discovered, discover_uncovered
    from insight.themes.tagger import RuleTagger, add_model_themes

    model, card = _model(model_path)
    # tagging needs no score: a file of comments alone is tagged, and so are the rows quarantined
    # for their score (or date, id, ...), in file order, with the reason they were quarantined
    survey = _load(file, load_opts, score_required=False, echo_notes=True)
    resolved = _resolve_codeframe(codeframe_name, survey, jobs, card)
    codeframe = resolved.codeframe if isinstance(resolved, Choice) else resolved
    scored = survey.info.columns.score is not None
    out = survey.all_rows()
    tagger = resolved.tagger if isinstance(resolved, Choice) and resolved.tagger is not None else RuleTagger(codeframe)
    result = tagger.tag(out["comment"].tolist(), n_jobs=jobs, whole_polarity=model is not None,
                        all_lemmas=model is not None)
    if model is not None:
        result = add_model_themes(tagger, result, model)
    found = None
    if discover_themes:
        found = discover_uncovered(out["comment"].tolist(), result, _row_categories(out) if scored else None,
                                   fallback=codeframe.fallback, n_jobs=jobs or None)
        result = add_discovered(result, found, codeframe.fallback)
    if not scored:
        out = out.drop(columns=["score", "category"])  # a file of comments: nothing to show there
    out["lang"] = result.prepared["lang"].to_numpy()
    out["themes"] = ["|".join(ids) for ids in result.themes]
    out["theme_polarity"] = [json.dumps(p, ensure_ascii=False) for p in result.theme_polarity]
    if found is not None:
        label = dict(zip(found.proposals["id"], found.proposals["label"]))
        ids = ["", *found.proposals["id"]]
        out["discovered"] = [ids[max(n, 0)] for n in found.members.tolist()]
        out["discovered_label"] = [label.get(pid, "") for pid in out["discovered"]]
    questions = survey.info.columns.questions
    for question, ids in per_question(tagger, out, questions, jobs).items():
        out[f"themes: {question}"] = ["|".join(t) for t in ids]  # the themes of each open question's answers
    column = survey.info.columns.comment
    if column and not questions and column != "comment" and column not in out.columns:
        out = out.rename(columns={"comment": column})  # the file's own name for its comments
    if output is not None:
        spreadsheet_safe(out).to_csv(output, index=False, encoding="utf-8")
    if mentions_out is not None:
        mentions = result.mentions.copy()
        at = mentions["response"].to_numpy()
        mentions.insert(0, "row", out["row"].to_numpy()[at])
        mentions.insert(0, "response_id", out["response_id"].to_numpy()[at])
        spreadsheet_safe(mentions.drop(columns="response")).to_csv(mentions_out, index=False, encoding="utf-8")
    tagged = sum(1 for ids in result.themes if ids)
    content = int(result.prepared["content"].sum())
    quarantined = len(out) - len(survey.responses)
    if as_json:
        click.echo(json.dumps({
            "rows": len(out), "scored": len(survey.responses) if scored else None, "quarantined": quarantined,
            "with_content": content, "tagged": tagged, "mentions": len(result.mentions),
            "languages": {str(k): int(v) for k, v in pd.Series(out["lang"]).value_counts().items()},
            "codeframe": codeframe.title, "codeframe_choice": _choice_json(resolved),
            "discovered": _proposals_json(found.proposals) if found is not None else None,
            "questions": list(questions), "output": str(output) if output else None,
        }, ensure_ascii=False, indent=2))
        return
    click.echo(f"{len(out)} rows" + ("" if scored else " of comments, no score column")
               + (f" ({len(survey.responses)} {'scored' if scored else 'read'}, {quarantined} quarantined: tagged too, "
                  "see quarantine_reason)" if quarantined else "")
               + f": {content} with content, {tagged} tagged "
               f"({100 * tagged / max(content, 1):.0f}% of those), {len(result.mentions)} mentions"
               + (f", {len(found.proposals)} discovered themes in {int((found.members > 0).sum())} of them"
                  if found is not None else "")
               + f"; languages {({k: int(v) for k, v in pd.Series(out['lang']).value_counts().items()})}"
               + (f"; written to {output}" if output else ""))


def _choice_json(resolved) -> dict | None:
    """How ``--codeframe auto`` chose (None when a codeframe was named)."""
    from insight.themes.choose import Choice

    return resolved.as_dict() if isinstance(resolved, Choice) else None


def _proposals_json(proposals) -> list[dict]:
    """Discovered themes as JSON: id, label, terms, size, share, shares by group, languages, quotes."""
    out = []
    for row in proposals.to_dict("records"):
        out.append({k: (None if isinstance(v, float) and v != v else v) for k, v in row.items()})
    return out


def per_question(tagger, rows, questions: tuple[str, ...], jobs: int | None) -> dict[str, list[list[str]]]:
    """Each open question's answers (of ``rows``) tagged on their own: question -> theme ids per row."""
    from insight.load import question_column

    return {q: tagger.tag(rows[question_column(q)].astype("string").fillna("").tolist(), n_jobs=jobs or None,
                          whole_polarity=False).themes for q in questions}


def _row_categories(rows) -> list[str]:
    """Per row of :meth:`insight.load.Survey.all_rows`: detractor, passive, promoter, or unscored."""
    return rows["category"].astype(str).where(rows["quarantine_reason"] == "", "unscored").tolist()


_DB_OPTION = click.option("--db", metavar="URL", help="The history store (default: $INSIGHT_DB, else sqlite:///insight.db); "
                          "postgresql+psycopg://user@host/db for PostgreSQL.")


@cli.command()
@click.argument("file", type=click.Path(path_type=Path), required=False)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE.html",
              help="Where to write the report (default: reports/<file name or wave>.html).")
@_codeframe_option("The themes to read the comments with.")
@click.option("--model", "model_path", type=click.Path(path_type=Path), metavar="models/NAME[/vN]",
              help="A trained theme model whose labels are the codeframe's theme ids; adds themes the rules miss.")
@click.option("--by", multiple=True, metavar="COL", help="Segment column to compare (repeatable).")
@click.option("--period", metavar="P", help="Trend period: M, Q, W, Y, ND or wave (default: M when there are dates; "
              "wave with --db).")
@click.option("--lang", type=click.Choice(["en", "zh-Hans", "zh-Hant", "ru"]), default="en", show_default=True,
              help="Language of the report's text (quotes stay in their own language).")
@click.option("--export", "export_dir", type=click.Path(file_okay=False, path_type=Path), metavar="DIR",
              help="Also write CSV/XLSX exports and close-the-loop lists to DIR.")
@click.option("--confidence", type=float, default=settings.default("confidence"), show_default=True,
              help=settings.help_text("confidence"))
@click.option("--min-n", type=int, default=settings.default("min_n"), show_default=True, help=settings.help_text("min_n"))
@click.option("--jobs", type=click.IntRange(min=0), default=settings.default("jobs"), show_default=True,
              help=settings.help_text("jobs"))
@_DB_OPTION
@click.option("--engine", "engine_name", type=click.Choice(["pool", "dask"]), default="pool", show_default=True,
              help="Where the per-comment work runs: local worker processes, or a Dask cluster.")
@click.option("--scheduler", metavar="ADDRESS", help="With --engine dask: a running scheduler (tcp://host:8786); "
              "default: a local cluster with one worker per core.")
@click.option("--wave", metavar="NAME", help="With no FILE: the wave of the store (--db, $INSIGHT_DB, else ./insight.db) "
              "to report on, with every earlier wave as its history (default: the latest). With FILE, --db only "
              "applies the store's theme decisions.")
@load_options
def report(file: Path | None, output: Path | None, codeframe_name: str, model_path: Path | None, by: tuple[str, ...],
           period: str | None, lang: str, export_dir: Path | None, confidence: float, min_n: int, jobs: int,
           db: str | None, engine_name: str, scheduler: str | None, wave: str | None, **load_opts) -> None:
    """Write the HTML report for FILE (or, without FILE, for a wave of the history store): NPS, trend,
    segments, drivers, themes with quotes, data quality."""
    from insight.parallel import engine

    if scheduler and engine_name != "dask":
        raise click.UsageError("--scheduler needs --engine dask")
    with engine(engine_name, scheduler=scheduler):
        _report(file, output, codeframe_name, model_path, by, period, lang, export_dir, confidence, min_n, jobs, db,
                wave, load_opts)


def _report(file: Path | None, output: Path | None, codeframe_name: str, model_path: Path | None, by: tuple[str, ...],
            period: str | None, lang: str, export_dir: Path | None, confidence: float, min_n: int, jobs: int,
            db: str | None, wave: str | None, load_opts: dict) -> None:
    from insight.analysis import analyze
    from insight.report import BEFORE_THEMES, draw_charts, write_report
    from insight.report.exports import write_exports
    from insight.score.nps import z_value
    from insight.themes.choose import AUTO, Choice
    from insight.themes.codeframe import load_codeframe

    z_value(confidence)
    if codeframe_name != AUTO:
        load_codeframe(codeframe_name)  # a bad codeframe fails before the file is read
    model, card = _model(model_path)
    drawn: dict[str, str] = {}

    def draw(scores) -> None:  # while discovery runs beside the analysis
        drawn.update(draw_charts(scores, lang, only=BEFORE_THEMES))

    from_store = file is None
    if from_store:
        from insight.store import DEFAULT_FILE, Store

        # the store `insight import` fills by default, when there is one here (no empty store is made)
        if db is None and not os.environ.get("INSIGHT_DB") and not Path(DEFAULT_FILE).is_file():
            raise click.UsageError("give a FILE to report on, or --db URL (or INSIGHT_DB) to report from the store "
                                   f"(there is no {DEFAULT_FILE} here)")
        store = Store.open(db)
        survey = store.survey(wave)
        codeframe = _resolve_codeframe(codeframe_name, survey, jobs, card)
        store.register_themes(codeframe.codeframe if isinstance(codeframe, Choice) else codeframe)
        catalog = store.catalog()
        period = period or "wave"
        wave = wave or str(survey.responses["wave"].cat.categories[-1])
        results = analyze(survey, codeframe, model, by=by, period=period, confidence=confidence, min_n=min_n,
                          n_jobs=jobs, catalog=catalog, focus_last=period.strip().lower() == "wave", meanwhile=draw)
        run_id = store.record_run(results, wave)
        output = output or Path("reports") / f"{_file_name(wave)}.html"
    else:
        if wave is not None:
            raise click.UsageError("--wave reports a wave of the store: leave out FILE "
                                   "(add the file first with `insight import FILE --wave NAME`)")
        catalog = None
        if db is not None:  # a file's report with the store's theme decisions (renames, merges, status)
            from insight.store import Store

            catalog = Store.open(db).catalog()
        survey = _load(file, load_opts, by)
        codeframe = _resolve_codeframe(codeframe_name, survey, jobs, card)
        results = analyze(survey, codeframe, model, by=by, period=period, confidence=confidence, min_n=min_n,
                          n_jobs=jobs, catalog=catalog, meanwhile=draw)
        output = output or Path("reports") / f"{file.stem}.html"
    write_report(results, output, lang=lang, drawn=drawn or None, exports=export_dir)  # drawn while discovery ran
    click.echo(f"report written to {output} (NPS {results.nps['nps']:.1f}, {results.nps['n']} responses"
               + (f"; wave {wave!r}, run #{run_id} recorded in {store.url})" if from_store else ")"))
    if export_dir is not None:
        files, notes = write_exports(results, export_dir)
        click.echo(f"{len(files)} export files written to {export_dir}")
        for note in notes:
            click.echo(f"note: {note}")


def _file_name(name: str) -> str:
    """A wave name made safe as a file name."""
    import re

    return re.sub(r"[^\w.-]+", "_", name).strip("._") or "wave"


@cli.command("import")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--wave", metavar="NAME", help="The survey wave the file belongs to (default: the file name).")
@_DB_OPTION
@_codeframe_option("Its themes are added to the theme catalog (analysts' decisions are kept).")
@load_options
def import_(file: Path, wave: str | None, db: str | None, codeframe_name: str, **load_opts) -> None:
    """Add FILE's responses to the history store as one wave, in one transaction.

    The same file (or the same responses) imported again adds nothing. Every column besides score,
    comment, date and id is kept, so any of them can be a segment (--by) later.
    """
    from insight.store import Store, file_sha256
    from insight.themes.choose import Choice

    survey = _load(file, load_opts)
    resolved = _resolve_codeframe(codeframe_name, survey)
    codeframe = resolved.codeframe if isinstance(resolved, Choice) else resolved
    store = Store.open(db)
    click.echo(f"importing {survey.info.rows_scored} responses from {file} into {store.url}", err=True)
    result = store.import_survey(survey, wave=wave if wave is not None else file.stem, file_hash=file_sha256(file),
                                 source=str(file), codeframe=codeframe)
    click.echo(result.message())


@cli.command()
@_DB_OPTION
@click.option("--confidence", type=float, default=settings.default("confidence"), show_default=True,
              help=settings.help_text("confidence"))
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list of waves instead of a table.")
def history(db: str | None, confidence: float, as_json: bool) -> None:
    """List the store's waves with their NPS and interval, in survey order."""
    from insight.score.nps import z_value
    from insight.store import Store

    z_value(confidence)
    rows = Store.open(db).history(confidence=confidence)
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    from insight.cli_render import render_history

    render_history(rows)


@cli.group()
def themes() -> None:
    """Triage the theme catalog of the store: list, show, rename, merge, status, assign, note."""


@themes.command("list")
@_DB_OPTION
@click.option("--status", "status_filter", metavar="STATUS", help="Only themes with this status.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def themes_list(db: str | None, status_filter: str | None, as_json: bool) -> None:
    """The catalog: id, label, status, owner, merges and mentions in the latest report run."""
    from insight.store import Store
    from insight.store.schema import normalize_status

    rows = Store.open(db).themes()
    if status_filter:
        rows = [r for r in rows if r["status"] == normalize_status(status_filter)]
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    from insight.cli_render import render_catalog

    render_catalog(rows)


@themes.command("show")
@click.argument("theme_id")
@_DB_OPTION
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def themes_show(theme_id: str, db: str | None, as_json: bool) -> None:
    """One theme: labels, status, owner, note, merged themes and its whole history."""
    from insight.store import Store

    entry = Store.open(db).theme(theme_id)
    if as_json:
        click.echo(json.dumps(entry, ensure_ascii=False, indent=2))
        return
    from insight.cli_render import render_theme

    render_theme(entry)


@themes.command("rename")
@click.argument("theme_id")
@click.argument("label")
@click.option("--lang", type=click.Choice(["en", "zh-Hans", "zh-Hant", "ru"]), default="en", show_default=True)
@_DB_OPTION
def themes_rename(theme_id: str, label: str, lang: str, db: str | None) -> None:
    """Give THEME_ID a new LABEL in one language; kept in every later report."""
    from insight.store import Store

    Store.open(db).rename(theme_id, label, lang)
    click.echo(f"{theme_id}: label ({lang}) is now {label!r}")


@themes.command("merge")
@click.argument("sources", nargs=-1, required=True, metavar="THEME_ID...")
@click.option("--into", required=True, metavar="THEME_ID", help="The theme they become part of.")
@_DB_OPTION
def themes_merge(sources: tuple[str, ...], into: str, db: str | None) -> None:
    """Merge themes into another: their mentions, drivers and trends count towards it from now on."""
    from insight.store import Store

    store = Store.open(db)
    store.merge(sources, into)
    click.echo(f"merged {', '.join(sources)} into {store.catalog().target(into)}")


@themes.command("unmerge")
@click.argument("theme_id")
@_DB_OPTION
def themes_unmerge(theme_id: str, db: str | None) -> None:
    """Undo a merge: THEME_ID is reported on its own again."""
    from insight.store import Store

    Store.open(db).unmerge(theme_id)
    click.echo(f"{theme_id} is no longer merged")


@themes.command("status")
@click.argument("theme_id")
@click.argument("status", metavar="STATUS")
@_DB_OPTION
def themes_status(theme_id: str, status: str, db: str | None) -> None:
    """Set the status: new, confirmed, "in progress", resolved or ignored."""
    from insight.store import Store

    Store.open(db).set_status(theme_id, status)
    click.echo(f"{theme_id}: status {status}")


@themes.command("assign")
@click.argument("theme_id")
@click.argument("owner")
@_DB_OPTION
def themes_assign(theme_id: str, owner: str, db: str | None) -> None:
    """Give THEME_ID an owner ("" removes the owner)."""
    from insight.store import Store

    Store.open(db).assign(theme_id, owner)
    click.echo(f"{theme_id}: owner {owner or '(none)'}")


@themes.command("note")
@click.argument("theme_id")
@click.argument("text")
@_DB_OPTION
def themes_note(theme_id: str, text: str, db: str | None) -> None:
    """Set the note on THEME_ID ("" removes it)."""
    from insight.store import Store

    Store.open(db).set_note(theme_id, text)
    click.echo(f"{theme_id}: note saved")


@cli.command()
@click.argument("file", type=click.Path(path_type=Path))
@_codeframe_option("Comments this codeframe's rules tag are left out (unless --all).")
@click.option("--all", "all_comments", is_flag=True, help="Cluster all comments, not only the untagged ones.")
@click.option("--min-size", type=click.IntRange(min=2), help="Smallest proposal (default: 1% of the comments, at least 5).")
@click.option("--seed", type=int, default=0, show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), metavar="themes.csv",
              help="Write the proposals (label, size, shares, quotes) to a CSV file.")
@click.option("--members", "members_out", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE.csv",
              help="Write every comment considered with its proposal (or 'unassigned'), to read them all "
                   "before accepting one.")
@click.option("--append-to", type=click.Path(dir_okay=False, path_type=Path), metavar="YAML",
              help="Append the proposals named with --accept to this codeframe file.")
@click.option("--accept", metavar="IDS", help="Comma-separated proposal ids to append (e.g. discovered_1,discovered_3).")
@click.option("--json", "as_json", is_flag=True, help="Print the proposals (and how the codeframe was chosen) as JSON.")
@load_options
def discover(file: Path, codeframe_name: str, all_comments: bool, min_size: int | None, seed: int,
             output: Path | None, members_out: Path | None, append_to: Path | None, accept: str | None,
             as_json: bool, **load_opts) -> None:
    """Propose themes for the comments no codeframe theme covers."""
    from insight.errors import OptionError
    from insight.safe import spreadsheet_safe
    from insight.themes.choose import Choice
    from insight.themes.discover import append_to_codeframe, discover as run, discover_uncovered
    from insight.themes.tagger import RuleTagger

    if (append_to is None) != (accept is None):
        raise OptionError("--append-to and --accept go together")
    # Discovery needs no score: a file of comments alone is read, and comments of rows without a
    # usable score count too.
    survey = _load(file, load_opts, score_required=False, echo_notes=True)
    resolved = _resolve_codeframe(codeframe_name, survey)
    cf = resolved.codeframe if isinstance(resolved, Choice) else resolved
    rows = survey.all_rows()
    comments = rows["comment"].tolist()
    categories = _row_categories(rows) if survey.info.columns.score is not None and survey.info.rows_scored else None
    if all_comments:
        found = run(comments, categories, min_size=min_size, seed=seed)
    else:  # the comments no theme covers, as `insight report` and `insight tag` find them: the same themes
        found = discover_uncovered(comments, RuleTagger(cf).tag(comments, whole_polarity=False), categories,
                                   fallback=cf.fallback, seed=seed, min_size=min_size)
    p = found.proposals
    why = ", ".join(f"{n} {reason}" for reason, n in found.unassigned_why.items())
    say = (lambda text: click.echo(text, err=True)) if as_json else click.echo  # with --json, stdout is the JSON
    if not as_json:
        say(f"{found.considered} comments considered, {len(p)} proposed themes, "
            f"{found.unassigned} unassigned ({100 * found.unassigned / max(found.considered, 1):.0f}%"
            + (f": {why})" if why else ")"))
    for row in ([] if as_json else p.itertuples()):
        shares = ("" if row.share_detractors != row.share_detractors else
                  f"; detractors {100 * row.share_detractors:.0f}% / promoters {100 * row.share_promoters:.0f}%")
        click.echo(f"  {row.id}: {row.label}  ({row.size} comments, {100 * row.share:.0f}%{shares})")
        for quote in row.quotes[:3]:
            click.echo(f"      “{quote[:120]}”")
    if output is not None:
        spreadsheet_safe(p.assign(quotes=[" || ".join(q) for q in p["quotes"]])).to_csv(output, index=False)
    if members_out is not None:
        import numpy as np
        import pandas as pd

        ids = found.member_ids()
        label = dict(zip(p["id"], p["label"]))
        at = [i for i, pid in enumerate(ids) if pid is not None]
        members = pd.DataFrame({"row": rows["row"].to_numpy()[at], "response_id": rows["response_id"].to_numpy()[at],
                                "proposal": [ids[i] or "unassigned" for i in at],
                                "label": [label.get(ids[i], "") for i in at],
                                "comment": [comments[i] for i in at]})
        number = found.members[at]  # discovered_1, discovered_2, ..., then the unassigned (0)
        order = np.lexsort((members["row"].to_numpy(), np.where(number > 0, number, np.iinfo(np.int32).max)))
        spreadsheet_safe(members.take(order)).to_csv(members_out, index=False, encoding="utf-8")
    if append_to is not None:
        ids = append_to_codeframe(append_to, p, [a.strip() for a in accept.split(",") if a.strip()])
        say(f"appended {', '.join(ids)} to {append_to}")
    if as_json:
        click.echo(json.dumps({"considered": found.considered, "unassigned": found.unassigned,
                               "unassigned_why": found.unassigned_why, "codeframe": cf.title,
                               "codeframe_choice": _choice_json(resolved), "proposals": _proposals_json(p)},
                              ensure_ascii=False, indent=2))


@cli.group()
def codeframe() -> None:
    """Check and show codeframes."""


@codeframe.command("validate")
@click.argument("yaml_file", metavar="YAML")
def codeframe_validate(yaml_file: str) -> None:
    """Validate a codeframe; errors name the line and field."""
    from insight.themes.codeframe import load_codeframe

    cf = load_codeframe(yaml_file)
    subs = sum(1 for t in cf.themes if t.parent)
    click.echo(f"{cf.source}: valid codeframe {cf.name!r} version {cf.version}"
               + (f" on {cf.base}" if cf.base else "") + f": {len(cf.roots)} top-level themes, {subs} sub-themes")


@codeframe.command("show")
@click.argument("yaml_file", metavar="NAME|YAML")
@click.option("--lang", type=click.Choice(["en", "zh-Hans", "zh-Hant", "ru"]), default="en", show_default=True)
def codeframe_show(yaml_file: str, lang: str) -> None:
    """Print the theme tree with labels in one language, and the patterns that need context words."""
    from rich.console import Console
    from rich.markup import escape
    from rich.tree import Tree

    from insight.themes.codeframe import load_codeframe

    cf = load_codeframe(yaml_file)
    tree = Tree(f"{cf.name} (version {cf.version}" + (f", on {cf.base})" if cf.base else ")"))
    nodes = {}
    pat_lang = "zh" if lang.startswith("zh") else lang
    for theme in cf.themes:
        parent = nodes.get(theme.parent, tree) if theme.parent else tree
        n = theme.pattern_count(pat_lang)
        node = parent.add(f"[bold]{escape(theme.label_in(lang))}[/bold]  ({theme.id}; {n} pattern{'' if n == 1 else 's'})")
        for rule in theme.context.get(pat_lang, ()):
            node.add(f"[dim]{escape(rule.describe())}[/dim]")
        nodes[theme.id] = node
    Console().print(tree)


@cli.command()
@click.argument("gold", type=click.Path(path_type=Path))
@click.option("--codeframe", "codeframe_name", metavar="NAME|YAML", default="ecommerce", show_default=True)
@click.option("--text-col", default="text", show_default=True)
@click.option("--labels-col", default="labels", show_default=True)
@click.option("--polarity-col", metavar="COL", help="JSON label -> polarity per row (e.g. sublabels_json).")
@click.option("--map", "map_file", type=click.Path(dir_okay=False, path_type=Path), metavar="MAP.yaml",
              help="Translate gold label names to theme ids (gold: theme_id).")
@click.option("--model", "model_path", type=click.Path(path_type=Path), metavar="models/NAME[/vN]",
              help="Evaluate a trained model (latest version unless one is named) instead of the codeframe rules.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def evaluate(gold: Path, codeframe_name: str, text_col: str, labels_col: str, polarity_col: str | None,
             map_file: Path | None, model_path: Path | None, as_json: bool) -> None:
    """Score tagging against gold labels: micro and per-theme P/R/F1, polarity accuracy."""
    import hashlib

    from insight.themes.codeframe import load_codeframe
    from insight.themes.evaluate import evaluate as run, load_map
    from insight.themes.tagger import RuleTagger, rule_predictor

    frame = _gold_frame(gold, [text_col, labels_col] + ([polarity_col] if polarity_col else []))
    if model_path is not None:
        from insight.themes.model import model_predictor
        from insight.themes.registry import load_model

        model, card = load_model(model_path)
        predictor, label_ids = model_predictor(model, card.get("codeframe")), list(model.classes_)
        source = f"model {card['name']} {card['version']}"
        if card.get("training_data", {}).get("sha256") == hashlib.sha256(gold.read_bytes()).hexdigest():
            click.echo("note: this is the model's own training data; its honest scores are the cross-validated "
                       f"ones in the model card (micro-F1 {card['cross_validation']['micro']['f1']:.3f})", err=True)
    else:
        cf = load_codeframe(codeframe_name)
        predictor, label_ids, source = rule_predictor(RuleTagger(cf)), cf.roots, f"{cf.name} {cf.version}"
    result = run(
        frame[text_col].tolist(), frame[labels_col].tolist(), predictor, label_ids,
        load_map(map_file), frame[polarity_col].tolist() if polarity_col else None,
    )
    result["codeframe"] = source
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        from insight.cli_render import print_evaluation

        print_evaluation(result)


@cli.command()
@click.argument("labeled", type=click.Path(path_type=Path))
@click.option("--text-col", default="text", show_default=True)
@click.option("--labels-col", default="labels", show_default=True, help="|-separated labels per row.")
@click.option("--polarity-col", metavar="COL",
              help="JSON label -> polarity per row: also train a polarity-per-theme model.")
@click.option("--codeframe", "codeframe_name", metavar="NAME|YAML",
              help="Use this codeframe's rule hits and polarity as features (recommended).")
@click.option("-o", "--output", type=click.Path(file_okay=False, path_type=Path), required=True, metavar="models/NAME",
              help="Model folder; each training adds a version vN inside it.")
@click.option("--folds", type=click.IntRange(min=2), default=5, show_default=True, help="Cross-validation folds.")
@click.option("--seed", type=int, default=0, show_default=True)
@click.option("--bootstrap", is_flag=True,
              help="No labels: train on the codeframe rules' themes (silver labels) of a survey export's comments.")
@click.option("--comment-col", metavar="COL", help="With --bootstrap: the comment column (default: detected).")
def train(labeled: Path, text_col: str, labels_col: str, polarity_col: str | None, codeframe_name: str | None,
          output: Path, folds: int, seed: int, bootstrap: bool, comment_col: str | None) -> None:
    """Train a theme model from labelled comments (or, with --bootstrap, from the rules' silver labels)."""
    import hashlib

    from insight.themes.codeframe import load_codeframe
    from insight.themes.model import ThemeClassifier, TrainingError, cross_validate
    from insight.themes.registry import save_model

    if codeframe_name is not None:
        load_codeframe(codeframe_name)  # fail early on a bad codeframe
    coverage = None
    if bootstrap:
        if codeframe_name is None:
            raise TrainingError("--bootstrap needs --codeframe: the silver labels come from its rules")
        texts, labels, coverage = _silver_labels(labeled, codeframe_name, comment_col)
    else:
        frame = _gold_frame(labeled, [text_col, labels_col] + ([polarity_col] if polarity_col else []))
        texts = frame[text_col].tolist()
        labels = [[x.strip() for x in cell.split("|") if x.strip()] for cell in frame[labels_col]]
    if polarity_col is not None and bootstrap:
        raise TrainingError("--polarity-col needs gold labels; it cannot be used with --bootstrap")
    if not any(labels):
        raise TrainingError(f"{labeled}: column {labels_col!r} has no labels")
    if len({label for row in labels for label in row}) < 2:
        raise TrainingError(f"{labeled}: only one label ({labels[next(i for i, r in enumerate(labels) if r)][0]!r}); "
                            "a theme model needs at least two")
    # Silver labels are the rules' own output: the rules must not also be features, or the model
    # would learn to copy them instead of the words around them.
    params = {"codeframe": None if bootstrap else codeframe_name, "random_state": seed}
    model = ThemeClassifier(**params).fit(texts, labels)
    metrics = cross_validate(texts, labels, params, folds=folds, seed=seed)
    card = {
        "labels": list(model.classes_), "params": model.get_params(), "codeframe": codeframe_name,
        "training_data": {"file": labeled.name, "sha256": hashlib.sha256(labeled.read_bytes()).hexdigest(),
                          "rows": len(texts), "text_col": text_col, "labels_col": labels_col,
                          "silver_labels": bootstrap},
        "cross_validation": metrics, "seed": seed,
    }
    if coverage is not None:
        coverage["with_model"] = _coverage_with_model(model, coverage.pop("_texts"), coverage.pop("_ruled"))
        card["coverage"] = coverage
    if polarity_col is not None:
        from insight.themes.polarity_model import PolarityClassifier, cross_validate_polarity, polarity_pairs

        pairs, ys, rows = polarity_pairs(texts, frame[polarity_col].tolist())
        pol_params = {"codeframe": codeframe_name}
        model.polarity_ = PolarityClassifier(**pol_params).fit(pairs, ys)
        card["polarity"] = {"params": model.polarity_.get_params(),
                            "cross_validation": cross_validate_polarity(pairs, ys, rows, pol_params, folds=folds)}
    target = save_model(model, output, card)
    click.echo(f"model saved to {target}: {len(model.classes_)} labels, {folds}-fold cross-validated "
               f"micro-F1 {metrics['micro']['f1']:.3f}"
               + (f", polarity accuracy {card['polarity']['cross_validation']['accuracy']:.3f}"
                  if "polarity" in card else "")
               + (f"; themes found in {100 * coverage['rules']:.1f}% of comments with content by the rules, "
                  f"{100 * coverage['with_model']:.1f}% with the model" if coverage else ""))


def _silver_labels(path: Path, codeframe_name: str, comment_col: str | None):
    """Comments of a survey export (with or without scores; rows quarantined for their score count
    too) and the top-level themes the rules find in them (the silver labels)."""
    from insight.load import load
    from insight.themes.codeframe import load_codeframe
    from insight.themes.tagger import RuleTagger

    comments = load(path, comment=comment_col, score_required=False).all_rows()["comment"].tolist()
    cf = load_codeframe(codeframe_name)
    result = RuleTagger(cf).tag(comments, whole_polarity=False)
    content = result.prepared["content"].tolist()
    found = [sorted({cf.top_level(t) for t in ids}) for ids in result.themes]
    texts = [c for c, f in zip(comments, found) if f]
    labels = [f for f in found if f]
    with_content = [c for c, ok in zip(comments, content) if ok]
    ruled = [bool(f) for f, ok in zip(found, content) if ok]
    return texts, labels, {"comments_with_content": len(with_content), "rules": sum(ruled) / max(1, len(ruled)),
                           "_texts": with_content, "_ruled": ruled}


def _coverage_with_model(model, texts: list[str], ruled: list[bool]) -> float:
    """Share of comments with content that get a theme from the rules or the model."""
    predicted = model.predict(texts).sum(axis=1) > 0 if texts else []
    return sum(1 for r, p in zip(ruled, predicted) if r or p) / max(1, len(texts))


def _model(path: Path | None):
    """A trained theme model and its card (or None, None)."""
    if path is None:
        return None, None
    from insight.themes.registry import load_model

    return load_model(path)


def _gold_frame(path: Path, columns: list[str]):
    from insight.errors import ColumnError
    from insight.load.readers import read_raw

    twice = next((c for c in columns if columns.count(c) > 1), None)
    if twice is not None:
        raise ColumnError(f"column {twice!r} is named for two roles (the text, the labels, the polarity); "
                          "each needs its own column")
    frame = read_raw(path).frame
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ColumnError(f"{path}: no column {missing[0]!r} (columns: {', '.join(map(repr, frame.columns))})")
    return frame[columns].astype("string").fillna("")


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the CLI, turning user errors into one line and exit code 2."""
    debug = bool(os.environ.get("INSIGHT_DEBUG"))
    # A run makes millions of small objects that live to its end (tokens, mentions, per-row lists);
    # with Python's default (a young collection every 700 new objects) the collector visited them
    # again and again: ~1 s of a 100k report (11.5 -> 10.4 s with 50,000, in alternating runs)
    gc.set_threshold(50_000, 10, 10)
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
    sys.exit(code if isinstance(code, int) else 0)
