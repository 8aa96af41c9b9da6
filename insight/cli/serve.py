"""`insight serve`: the web workspace on the history store."""

from __future__ import annotations

import ipaddress
import os
import secrets
from pathlib import Path

import click

from insight.cli.app import cli
from insight.cli.common import DB_OPTION, SEMANTIC_OPTION
from insight.errors import OptionError
from insight.languages import UI_LANGS

INSTALL = "pip install 'nps-insight[serve]'"


def loopback(host: str) -> bool:
    """Whether ``host`` is reachable from this machine only."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@cli.command()
@DB_OPTION
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; any other than this machine's needs a token (one is made and printed).")
@click.option("--port", type=click.IntRange(1, 65535), default=8765, show_default=True)
@click.option("--token", envvar="INSIGHT_TOKEN", metavar="TOKEN",
              help="Required of every page and API request when set (also $INSIGHT_TOKEN).")
@click.option("--lang", type=click.Choice(list(UI_LANGS)), default="en", show_default=True,
              help="Language of the pages, the theme labels and the numbers.")
@click.option("--models", "models_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("models/workspace"), show_default=True, help="Where the models trained from the corrections are saved (a version each).")
@SEMANTIC_OPTION
def serve(db: str | None, host: str, port: int, token: str | None, lang: str, models_dir: Path, semantic: str) -> None:
    """A local web workspace on the history store: overview, themes with their drivers and verbatims,
    triage (rename, merge, status, owner, note) that the next report shows, and for analysts corrections
    of comments' themes, a review queue and retraining."""
    try:
        import uvicorn

        from insight.serve.app import create_app
    except ImportError:
        raise OptionError(f"insight serve needs its optional extra: {INSTALL}") from None
    from insight.store import Store

    if not loopback(host) and not token:
        token = secrets.token_urlsafe(24)
        click.echo(f"listening beyond this machine ({host}): every request needs this token: {token}", err=True)
    store = Store.open(db)
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    click.echo(f"workspace on {store.url}: open http://{shown}:{port}/ (Ctrl-C stops it)", err=True)
    os.environ.setdefault("INSIGHT_NO_PROGRESS", "1")
    uvicorn.run(create_app(store, token=token, lang=lang, warm=True, models=models_dir,
                                  semantic=semantic), host=host, port=port, log_level="warning")
