"""`insight themes ...`: the product managers' triage of the store's theme catalog."""

from __future__ import annotations

import json
from collections.abc import Callable

import click

from insight.cli.app import cli
from insight.cli.common import DB_OPTION
from insight.languages import UI_LANGS


@cli.group()
def themes() -> None:
    """Triage the theme catalog of the store: list, show, rename, merge, status, assign, note."""


@themes.command("list")
@DB_OPTION
@click.option("--status", "status_filter", metavar="STATUS", help="Only themes with this status.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def themes_list(db: str | None, status_filter: str | None, as_json: bool) -> None:
    """The catalog: id, label, status, owner, merges and mentions in the latest report run."""
    from insight.store import Store
    from insight.store.schema import normalize_status

    rows = Store.open(db).themes()
    if status_filter:
        rows = [r for r in rows if r["status"] == normalize_status(status_filter)]
    _show(rows, as_json, "render_catalog")


@themes.command("show")
@click.argument("theme_id")
@DB_OPTION
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def themes_show(theme_id: str, db: str | None, as_json: bool) -> None:
    """One theme: labels, status, owner, note, merged themes and its whole history."""
    from insight.store import Store

    _show(Store.open(db).theme(theme_id), as_json, "render_theme")


def _show(data, as_json: bool, renderer: str) -> None:
    """Print ``data`` as JSON, or as the terminal table ``insight.cli.render.<renderer>`` draws."""
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    from insight.cli import render

    getattr(render, renderer)(data)


@themes.command("rename")
@click.argument("theme_id")
@click.argument("label")
@click.option("--lang", type=click.Choice(list(UI_LANGS)), default="en", show_default=True)
@DB_OPTION
def themes_rename(theme_id: str, label: str, lang: str, db: str | None) -> None:
    """Give THEME_ID a new LABEL in one language; kept in every later report."""
    from insight.store import Store

    Store.open(db).rename(theme_id, label, lang)
    click.echo(f"{theme_id}: label ({lang}) is now {label!r}")


@themes.command("merge")
@click.argument("sources", nargs=-1, required=True, metavar="THEME_ID...")
@click.option("--into", required=True, metavar="THEME_ID", help="The theme they become part of.")
@DB_OPTION
def themes_merge(sources: tuple[str, ...], into: str, db: str | None) -> None:
    """Merge themes into another: their mentions, drivers and trends count towards it from now on."""
    from insight.store import Store

    store = Store.open(db)
    store.merge(sources, into)
    click.echo(f"merged {', '.join(sources)} into {store.catalog().target(into)}")


@themes.command("unmerge")
@click.argument("theme_id")
@DB_OPTION
def themes_unmerge(theme_id: str, db: str | None) -> None:
    """Undo a merge: THEME_ID is reported on its own again."""
    from insight.store import Store

    Store.open(db).unmerge(theme_id)
    click.echo(f"{theme_id} is no longer merged")


def _setter(command: str, value: str, doc: str, apply: Callable, said: Callable[[str, str], str]) -> Callable:
    """``insight themes COMMAND THEME_ID VALUE``: ``apply(store, theme_id, value)``, then say ``said(theme_id, value)``."""

    @themes.command(command, help=doc)
    @click.argument("theme_id")
    @click.argument(value, metavar=value.upper())
    @DB_OPTION
    def run(theme_id: str, db: str | None, **given: str) -> None:
        from insight.store import Store

        apply(Store.open(db), theme_id, given[value])
        click.echo(said(theme_id, given[value]))

    return run


themes_status = _setter("status", "status", 'Set the status: new, confirmed, "in progress", resolved or ignored.',
                        lambda store, theme, v: store.set_status(theme, v), lambda theme, v: f"{theme}: status {v}")
themes_assign = _setter("assign", "owner", 'Give THEME_ID an owner ("" removes the owner).',
                        lambda store, theme, v: store.assign(theme, v), lambda theme, v: f"{theme}: owner {v or '(none)'}")
themes_note = _setter("note", "text", 'Set the note on THEME_ID ("" removes it).',
                      lambda store, theme, v: store.set_note(theme, v), lambda theme, v: f"{theme}: note saved")
