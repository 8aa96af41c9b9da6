"""Options and helpers the command families share: the load options, --codeframe, --db, a trained model."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import click


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


def load_survey(file: Path, opts: dict, extra_segments: tuple[str, ...] = (), score_required: bool = True,
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
    warning = survey.info.warning_text()
    if warning:
        click.echo(f"warning: {warning}", err=True)
    if echo_notes:
        for note in survey.info.notes:
            click.echo(f"note: {note}", err=True)
    return survey


def codeframe_option(what: str) -> Callable:
    """``--codeframe``, default ``auto``; the help lists the codeframes shipped in the package."""
    from insight.themes.codeframe import shipped_names

    return click.option(
        "--codeframe", "codeframe_name", metavar="NAME|YAML", default="auto", show_default=True,
        help=f"{what} auto: chosen from the comments (the cross-industry core, or the pack or domain codeframe "
             f"whose words they use; why is printed); or a shipped codeframe ({', '.join(shipped_names())}) "
             "or a YAML file.")


def codeframe_for(name: str, survey, jobs: int | None = None, card: dict | None = None):
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


VALUE_COL_OPTION = click.option(
    "--value-col", metavar="COL", help="Customer value per response (order value, CLV, revenue): NPS by value band "
    "and the value-weighted NPS (default: a column whose header reads like one, e.g. \"Order value\", \"CLV\", "
    "\"订单金额\", \"Сумма заказа\").")


SEMANTIC_OPTION = click.option(
    "--semantic", type=click.Choice(["auto", "on", "off"]), default="auto", show_default=True,
    help="The semantic tier (sentence embeddings; the optional extra nps-insight[semantic]): the polarity of "
         "comments without a word of opinion, and models trained with it. auto: on when it "
         "is installed and at most the setting semantic_max_new comments are not embedded yet (embeddings are "
         "kept: a comment is embedded once); on; off.")


DB_OPTION = click.option("--db", metavar="URL", help="The history store (default: $INSIGHT_DB, else sqlite:///insight.db); "
                          "postgresql+psycopg://user@host/db for PostgreSQL.")


def trained_model(path: Path | None):
    """A trained theme model and its card (or None, None)."""
    if path is None:
        return None, None
    from insight.themes.registry import load_model

    return load_model(path)


def store_model(store):
    """The store's active theme model (the one an analyst accepted) and its card, said on stderr; or None, None."""
    active = store.active_model()
    if active is None:
        return None, None
    from insight.themes.registry import ModelError, load_model

    try:
        model, card = load_model(active["path"])
    except ModelError as exc:
        raise ModelError(f"the store's active model #{active['id']}: {exc} (accept another with "
                         "`insight model accept`, or name one with --model)") from None
    click.echo(f"note: themes from the store's active model {card['name']} {card['version']} (model "
               f"#{active['id']}, accepted by {active['decided_by']}) besides the rules; --model names another",
               err=True)
    return model, card
