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
    for theme_id, word in silent_judging_patterns(cf):
        click.echo(f"note: theme {theme_id!r}: the Chinese pattern {word} is kept whole by the segmenter, so its "
                   f"{word[-1]} is not read; give it a value in the theme's polarity words ({{{word}: 1}} or -1)",
                   err=True)


# one-character words that judge when a pattern glues them to its topic (送餐快, 物流慢, 信号差); 卡 in 信用卡
# is a card, not "stuck", so the list is short
_JUDGING_TAILS = frozenset("快慢好差少贵")


def silent_judging_patterns(cf) -> list[tuple[str, str]]:
    """(theme id, pattern) of the Chinese patterns of ``cf`` that end in a word that judges but that
    the theme's polarity words do not value: the segmenter keeps a pattern whole, so such a mention
    reads as neutral."""
    from insight.text.normalize import matching_form
    from insight.text.polarity import judge

    out = []
    for theme in cf.themes:
        for pattern in theme.patterns.get("zh", ()):
            word = matching_form(pattern, "zh")
            if len(word) >= 3 and word[-1] in _JUDGING_TAILS and not judge([word], "zh", theme.polarity.get("zh"))[1]:
                out.append((theme.id, word))
    return out


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
