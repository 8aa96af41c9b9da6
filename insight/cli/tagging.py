"""`insight tag` and `insight discover`: themes per response, and proposals for what no theme covers."""

from __future__ import annotations

import json
from pathlib import Path

import click

from insight import settings
from insight.cli.app import cli
from insight.cli.common import (SEMANTIC_OPTION, codeframe_for, codeframe_option, load_options, load_survey,
                                trained_model)


@cli.command()
@click.argument("file", type=click.Path(path_type=Path))
@codeframe_option("The themes to tag with.")
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
@SEMANTIC_OPTION
@load_options
def tag(file: Path, codeframe_name: str, output: Path | None, mentions_out: Path | None, model_path: Path | None,
        jobs: int, as_json: bool, discover_themes: bool, semantic: str, **load_opts) -> None:
    """Tag each response's comment with codeframe themes (and discovered ones) and a polarity per theme."""
    import pandas as pd

    from insight.safe import spreadsheet_safe
    from insight.themes.surveys import tag_survey

    model, card = trained_model(model_path)
    # tagging needs no score: a file of comments alone is tagged, and so are the rows quarantined
    # for their score (or date, id, ...), in file order, with the reason they were quarantined
    survey = load_survey(file, load_opts, score_required=False, echo_notes=True)
    resolved = codeframe_for(codeframe_name, survey, jobs, card)
    tagged = tag_survey(survey, resolved, model, discover_themes=discover_themes, n_jobs=jobs, semantic=semantic)
    out, result, found, scored = tagged.table, tagged.result, tagged.discovery, survey.info.columns.score is not None
    if output is not None:
        spreadsheet_safe(out).to_csv(output, index=False, encoding="utf-8")
    if mentions_out is not None:
        spreadsheet_safe(tagged.mentions()).to_csv(mentions_out, index=False, encoding="utf-8")
    tagged_rows = sum(1 for ids in result.themes if ids)
    content = int(result.prepared["content"].sum())
    quarantined = len(out) - len(survey.responses)
    languages = {str(k): int(v) for k, v in pd.Series(out["lang"]).value_counts().items()}
    if as_json:
        click.echo(json.dumps({
            "rows": len(out), "scored": len(survey.responses) if scored else None, "quarantined": quarantined,
            "with_content": content, "tagged": tagged_rows, "mentions": len(result.mentions), "languages": languages,
            "codeframe": tagged.codeframe.title, "codeframe_choice": _choice_json(resolved),
            "discovered": _proposals_json(found.proposals) if found is not None else None,
            "questions": list(survey.info.columns.questions), "output": str(output) if output else None,
        }, ensure_ascii=False, indent=2))
        return
    click.echo(f"{len(out)} rows" + ("" if scored else " of comments, no score column")
               + (f" ({len(survey.responses)} {'scored' if scored else 'read'}, {quarantined} quarantined: tagged too, "
                  "see quarantine_reason)" if quarantined else "")
               + f": {content} with content, {tagged_rows} tagged "
               f"({100 * tagged_rows / max(content, 1):.0f}% of those), {len(result.mentions)} mentions"
               + (f", {len(found.proposals)} discovered themes in {int((found.members > 0).sum())} of them"
                  if found is not None else "")
               + f"; languages {languages}"
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


@cli.command()
@click.argument("file", type=click.Path(path_type=Path))
@codeframe_option("Comments this codeframe's rules tag are left out (unless --all).")
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
    from insight.themes.discovered import append_to_codeframe
    from insight.themes.surveys import discover_survey, members_table

    if (append_to is None) != (accept is None):
        raise OptionError("--append-to and --accept go together")
    # Discovery needs no score: a file of comments alone is read, and comments of rows without a
    # usable score count too.
    survey = load_survey(file, load_opts, score_required=False, echo_notes=True)
    resolved = codeframe_for(codeframe_name, survey)
    cf = resolved.codeframe if isinstance(resolved, Choice) else resolved
    found = discover_survey(survey, cf, all_comments=all_comments, min_size=min_size, seed=seed)
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
        spreadsheet_safe(members_table(found, survey.all_rows())).to_csv(members_out, index=False, encoding="utf-8")
    if append_to is not None:
        ids = append_to_codeframe(append_to, p, [a.strip() for a in accept.split(",") if a.strip()])
        say(f"appended {', '.join(ids)} to {append_to}")
    if as_json:
        click.echo(json.dumps({"considered": found.considered, "unassigned": found.unassigned,
                               "unassigned_why": found.unassigned_why, "codeframe": cf.title,
                               "codeframe_choice": _choice_json(resolved), "proposals": _proposals_json(p)},
                              ensure_ascii=False, indent=2))
