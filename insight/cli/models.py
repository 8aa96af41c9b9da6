"""`insight evaluate` and `insight train`: scores against gold labels, and theme models analysts retrain."""

from __future__ import annotations

import json
from pathlib import Path

import click

from insight.cli.app import cli
from insight.cli.common import DB_OPTION, SEMANTIC_OPTION
from insight.errors import TrainingError


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
@SEMANTIC_OPTION
def evaluate(gold: Path, codeframe_name: str, text_col: str, labels_col: str, polarity_col: str | None,
             map_file: Path | None, model_path: Path | None, as_json: bool, semantic: str) -> None:
    """Score tagging against gold labels: micro and per-theme P/R/F1, polarity accuracy."""
    import hashlib

    from insight.themes.codeframe import load_codeframe
    from insight.themes.evaluate import evaluate as run, load_map
    from insight.themes.tagger import RuleTagger, rule_predictor
    from insight.themes.training import read_labelled

    frame = read_labelled(gold, [text_col, labels_col] + ([polarity_col] if polarity_col else []))
    if model_path is not None:
        from insight.themes.model import model_predictor
        from insight.themes.registry import load_model

        model, card = load_model(model_path)
        predictor, label_ids = model_predictor(model, card.get("codeframe"), semantic), list(model.classes_)
        source = f"model {card['name']} {card['version']}"
        if card.get("training_data", {}).get("sha256") == hashlib.sha256(gold.read_bytes()).hexdigest():
            click.echo("note: this is the model's own training data; its honest scores are the cross-validated "
                       f"ones in the model card (micro-F1 {card['cross_validation']['micro']['f1']:.3f})", err=True)
    else:
        cf = load_codeframe(codeframe_name)
        predictor, label_ids = rule_predictor(RuleTagger(cf), semantic), cf.roots
        source = f"{cf.name} {cf.version}"
    result = run(
        frame[text_col].tolist(), frame[labels_col].tolist(), predictor, label_ids,
        load_map(map_file), frame[polarity_col].tolist() if polarity_col else None,
    )
    result["codeframe"] = source
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        from insight.cli.render import print_evaluation

        print_evaluation(result)


@cli.command()
@click.argument("labeled", type=click.Path(path_type=Path), required=False)
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
@click.option("--from-store", is_flag=True, help="No file: train on the store's corrections (made in `insight serve`) "
              "plus the rules' silver labels, compare with the active model on held-back corrections, and register "
              "the new version as a candidate (`insight model accept` makes it active).")
@DB_OPTION
@click.option("--holdout", type=click.FloatRange(0, 0.9), default=0.25, show_default=True,
              help="With --from-store: share of the corrected comments held back for the comparison.")
@click.option("--max-silver", type=click.IntRange(min=0), default=2000, show_default=True,
              help="With --from-store: other comments of the newest run trained on with the rules' themes.")
@click.option("--accept", is_flag=True, help="With --from-store: make the new version active at once.")
@SEMANTIC_OPTION
def train(labeled: Path | None, text_col: str, labels_col: str, polarity_col: str | None, codeframe_name: str | None,
          output: Path, folds: int, seed: int, bootstrap: bool, comment_col: str | None, from_store: bool,
          db: str | None, holdout: float, max_silver: int, accept: bool, semantic: str) -> None:
    """Train a theme model from labelled comments (or, with --bootstrap, from the rules' silver labels; with
    --from-store, from the analysts' corrections in the store)."""
    import hashlib

    if from_store:
        if labeled is not None or bootstrap or polarity_col:
            raise click.UsageError("--from-store trains on the store: give no LABELED file, --bootstrap or "
                                   "--polarity-col")
        _train_from_store(db, output, codeframe_name, holdout, seed, max_silver, accept, semantic)
        return
    if labeled is None:
        raise click.UsageError("give the LABELED file to train on (or --from-store)")
    if accept:
        raise click.UsageError("--accept is for --from-store (a model trained from a file is used with --model)")

    from insight.text.embed import tier_on
    from insight.themes.codeframe import load_codeframe
    from insight.themes.registry import save_model
    from insight.themes.training import check_labels, read_labelled, silver_labels, split_labels, train_theme_model

    if codeframe_name is not None:
        load_codeframe(codeframe_name)  # fail early on a bad codeframe
    silver = None
    if bootstrap:
        if codeframe_name is None:
            raise TrainingError("--bootstrap needs --codeframe: the silver labels come from its rules")
        silver = silver_labels(labeled, codeframe_name, comment_col)
        texts, labels = silver.texts, silver.labels
    else:
        frame = read_labelled(labeled, [text_col, labels_col] + ([polarity_col] if polarity_col else []))
        texts, labels = frame[text_col].tolist(), split_labels(frame[labels_col].tolist())
    if polarity_col is not None and bootstrap:
        raise TrainingError("--polarity-col needs gold labels; it cannot be used with --bootstrap")
    check_labels(labels, str(labeled), labels_col)
    training_data = {"file": labeled.name, "sha256": hashlib.sha256(labeled.read_bytes()).hexdigest(),
                     "rows": len(texts), "text_col": text_col, "labels_col": labels_col, "silver_labels": bootstrap}
    model, card = train_theme_model(texts, labels, codeframe=codeframe_name, silver=silver, folds=folds, seed=seed,
                                    polarity_cells=frame[polarity_col].tolist() if polarity_col else None,
                                    training_data=training_data, semantic=tier_on(semantic, texts))
    target = save_model(model, output, card)
    metrics, coverage = card["cross_validation"], card.get("coverage")
    click.echo(f"model saved to {target}: {len(model.classes_)} labels, {folds}-fold cross-validated "
               f"micro-F1 {metrics['micro']['f1']:.3f}"
               + (" with the semantic tier" if card["semantic"] else "")
               + (f", polarity accuracy {card['polarity']['cross_validation']['accuracy']:.3f}"
                  if "polarity" in card else "")
               + (f"; themes found in {100 * coverage['rules']:.1f}% of comments with content by the rules, "
                  f"{100 * coverage['with_model']:.1f}% with the model" if coverage else ""))


def _train_from_store(db: str | None, output: Path, codeframe_name: str | None, holdout: float, seed: int,
                      max_silver: int, accept: bool, semantic: str) -> None:
    from insight.cli.render import print_retrained
    from insight.store import Store
    from insight.themes.retrain import retrain

    store = Store.open(db)
    found = retrain(store, output, codeframe=codeframe_name, holdout=holdout, seed=seed, max_silver=max_silver,
                    semantic=semantic)
    print_retrained(found.model_id, found.path, found.evaluation)
    if accept:
        store.decide_model(found.model_id, accept=True)
        click.echo(f"model #{found.model_id} accepted: `insight report` on {store.url} now uses it")
    else:
        click.echo(f"not active yet: `insight model accept {found.model_id}` makes `insight report` on the store "
                   "use it, "
                   f"`insight model reject {found.model_id}` sets it aside")


@cli.group()
def model() -> None:
    """The store's theme models trained from corrections: list them, accept one (the reports use it), reject one."""


@model.command("list")
@DB_OPTION
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def model_list(db: str | None, as_json: bool) -> None:
    """Every model trained with --from-store: status, who trained and decided, held-back scores."""
    from insight.store import Store

    rows = Store.open(db).models()
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2, default=lambda v: v.isoformat()))
        return
    from insight.cli.render import print_models

    print_models(rows)


@model.command("accept")
@click.argument("model_id", type=int)
@DB_OPTION
def model_accept(model_id: int, db: str | None) -> None:
    """Make model MODEL_ID the active one: `insight report` on the store adds its themes to the rules'."""
    from insight.store import Store

    store = Store.open(db)
    store.decide_model(model_id, accept=True)
    click.echo(f"model #{model_id} ({store.model(model_id)['path']}) is active")


@model.command("reject")
@click.argument("model_id", type=int)
@DB_OPTION
def model_reject(model_id: int, db: str | None) -> None:
    """Set candidate MODEL_ID aside (it stays on disk and listed)."""
    from insight.store import Store

    Store.open(db).decide_model(model_id, accept=False)
    click.echo(f"model #{model_id} rejected")
