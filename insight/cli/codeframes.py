"""`insight codeframe validate|show`."""

from __future__ import annotations


import click

from insight.cli.app import cli
from insight.languages import UI_LANGS


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
@click.option("--lang", type=click.Choice(list(UI_LANGS)), default="en", show_default=True)
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
