"""Plain-terminal rendering of CLI results (rich tables). Rendering only: no numbers are computed here."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table


def _num(value: object, digits: int = 1, signed: bool = False) -> str:
    """A number as shown (``signed``: a difference, with its sign unless it shows as zero)."""
    if value is None:
        return "–"
    if isinstance(value, float):
        shown = round(value, digits) + 0.0  # + 0.0: no "-0.0" for a tiny negative
        return f"{shown:+.{digits}f}" if signed and shown else f"{shown:.{digits}f}"
    return str(value)


def _p(value: object) -> str:
    if value is None:
        return "–"
    return "<0.001" if value < 0.001 else f"{value:.3f}"


def _interval(low: object, high: object) -> str:
    return f"[{_num(low)}, {_num(high)}]"


def _group_table(title: str, key: tuple[str, str], rows: list[dict], extra: list[tuple[str, str]]) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column(key[1])
    for header in ("n", "NPS", "interval", *(h for _, h in extra)):
        table.add_column(header, justify="right", no_wrap=True)
    table.add_column("", no_wrap=True)
    for r in rows:
        flags = [f for f, on in (("sig.", r.get("significant")), ("low n", r.get("low_n"))) if on]
        cells = [str(r[key[0]]), str(r["n"]), _num(r["nps"]), _interval(r["ci_low"], r["ci_high"])]
        cells += [_p(r.get(k)) if k.startswith("p_") else _num(r.get(k), signed=True) for k, _ in extra]
        cells.append(" ".join(flags))
        table.add_row(*cells)
    return table


def print_score(result: dict, console: Console | None = None) -> None:
    """Print the result of ``insight score`` as tables."""
    console = console or Console()
    info = result["load"]
    cols = info["columns"]
    console.print(
        f"[bold]{info['path']}[/bold]  {info['format']}"
        + (f", {info['encoding']}" if info["encoding"] else "")
        + f"; score column {cols['score']!r}"
        + (f", comment {cols['comment']!r}" if cols["comment"] else "")
        + (f", date {cols['date']!r}" if cols["date"] else "")
    )
    console.print(
        f"rows read {info['rows_read']} = scored {info['rows_scored']} + quarantined {info['rows_quarantined']}"
    )
    for note in info["notes"]:
        console.print(f"note: {note}")
    conf = int(round(result["confidence"] * 100))
    table = Table(title=f"NPS ({conf}% adjusted-Wald interval)", title_justify="left")
    for header in ("n", "promoters", "passives", "detractors", "NPS", "interval"):
        table.add_column(header, justify="right")
    n = result["n"] or 1
    table.add_row(
        str(result["n"]),
        f"{result['promoters']} ({100 * result['promoters'] / n:.0f}%)",
        f"{result['passives']} ({100 * result['passives'] / n:.0f}%)",
        f"{result['detractors']} ({100 * result['detractors'] / n:.0f}%)",
        f"[bold]{_num(result['nps'])}[/bold]" + (" (low n)" if result["low_n"] else ""),
        _interval(result["ci_low"], result["ci_high"]),
    )
    console.print(table)
    bench = Table(title="Benchmarks", title_justify="left")
    for header in ("benchmark", "NPS", "difference", "our interval is"):
        bench.add_column(header)
    for b in result["benchmarks"]:
        bench.add_row(b["label"], _num(b["benchmark_nps"], 0), _num(b["difference"], signed=True), b["verdict"])
    console.print(bench)
    if "by_segment" in result:
        for column in dict.fromkeys(r["column"] for r in result["by_segment"]):
            console.print(_group_table(
                f"By {column} (each vs the rest of the sample; Holm-corrected)", ("segment", column),
                [r for r in result["by_segment"] if r["column"] == column],
                [("diff_vs_rest", "vs rest"), ("p_holm", "p (Holm)")],
            ))
    if result.get("by_value"):
        value = result["by_value"]
        w = value["weighted"]
        console.print(_group_table(
            f"By {value['column']} band (quartiles; each vs the rest, Holm-corrected)", ("segment", "band"),
            value["bands"], [("diff_vs_rest", "vs rest"), ("p_holm", "p (Holm)")],
        ))
        console.print(f"value-weighted NPS {_num(w['nps'])} {_interval(w['ci_low'], w['ci_high'])} "
                      f"({value['n']} responses with a value, {value['unread']} without)")
    if "by_period" in result:
        console.print(_group_table(
            f"By period ({result['period']}; change vs the previous period, Holm-corrected)", ("period", "period"),
            result["by_period"], [("change", "change"), ("p_holm", "p (Holm)")],
        ))
        if result.get("undated"):
            console.print(f"{result['undated']} scored response(s) have no date and are not in any period")
    console.print(f"sig. = significant at {conf}% after correction; low n = fewer than {result['min_n']} responses")


def print_evaluation(result: dict, console: Console | None = None) -> None:
    """Print the result of ``insight evaluate``."""
    console = console or Console()
    table = Table(title=f"Theme detection ({result['n']} comments; {result.get('codeframe', '')})", title_justify="left")
    for h in ("theme", "precision", "recall", "F1", "support"):
        table.add_column(h, justify="right" if h != "theme" else "left")
    for theme, m in result["per_label"].items():
        table.add_row(theme, f"{m['precision']:.3f}", f"{m['recall']:.3f}", f"{m['f1']:.3f}", str(m["support"]))
    micro, base = result["micro"], result["baseline_every_label"]
    table.add_row("[bold]micro[/bold]", f"{micro['precision']:.3f}", f"{micro['recall']:.3f}",
                  f"[bold]{micro['f1']:.3f}[/bold]", "")
    table.add_row("every label (trivial)", f"{base['precision']:.3f}", f"{base['recall']:.3f}", f"{base['f1']:.3f}", "")
    console.print(table)
    if result.get("polarity_accuracy") is not None:
        console.print(
            f"polarity accuracy given the theme: [bold]{result['polarity_accuracy']:.3f}[/bold] over "
            f"{result['polarity_n']} pairs (majority class {result['polarity_baseline_majority']:.3f}; "
            f"{result['polarity_excluded_conflict']} conflict/both pairs excluded)"
        )
    if result["unmapped_labels"]:
        shown = ", ".join(f"{k} ({v})" for k, v in list(result["unmapped_labels"].items())[:8])
        console.print(f"ignored gold labels (not mapped to a theme): {shown}")


def render_history(rows: list[dict], console: Console | None = None) -> None:
    """Print ``insight history``: one line per wave."""
    console = console or Console()
    if not rows:
        console.print("the store holds no waves yet; add one with `insight import FILE --wave NAME`")
        return
    table = Table(title="Waves (survey order)", title_justify="left")
    for header in ("wave", "n", "NPS", "interval", "from", "to", "imports"):
        table.add_column(header, justify="left" if header in ("wave", "from", "to") else "right")
    for r in rows:
        table.add_row(escape(str(r["wave"])), str(r["n"]), _num(r["nps"]) + (" (low n)" if r["low_n"] else ""),
                      _interval(r["ci_low"], r["ci_high"]), (r["first"] or "–")[:10], (r["last"] or "–")[:10],
                      str(r["imports"]))
    console.print(table)


def render_catalog(rows: list[dict], console: Console | None = None) -> None:
    """Print ``insight themes list``."""
    console = console or Console()
    table = Table(title="Theme catalog (mentions: in the latest run)", title_justify="left")
    # ids are what `themes merge/rename/...` take: on a narrow terminal they (and labels) fold onto
    # the next line rather than end in an ellipsis (80 columns cut "customer_service.attitude" to
    # "customer_ser…"), and the owner and merged-into columns are left out while no theme has one
    shown = [("id", lambda r: escape(r["theme_id"])), ("label", lambda r: escape(r["label"])),
             ("status", lambda r: r["status"])]
    if any(r["owner"] for r in rows):
        shown.append(("owner", lambda r: escape(r["owner"] or "–")))
    if any(r["merged_into"] for r in rows):
        shown.append(("merged into", lambda r: escape(r["merged_into"] or "")))
    shown.append(("mentions", lambda r: str(r["mentions_last_run"]) if not r["merged_into"] else "–"))
    for header, _ in shown:
        table.add_column(header, justify="right" if header == "mentions" else "left", overflow="fold")
    for r in rows:
        table.add_row(*(cell(r) for _, cell in shown))
    console.print(table)


def render_theme(entry: dict, console: Console | None = None) -> None:
    """Print ``insight themes show``."""
    console = console or Console()
    console.print(f"[bold]{escape(entry['theme_id'])}[/bold]: {escape(entry['label'])}  status {entry['status']}"
                  f", owner {escape(entry['owner'] or '–')}")
    labels = ", ".join(f"{k}: {escape(v)}" for k, v in entry["labels"].items())
    console.print(f"labels: {labels}")
    if entry.get("parent"):
        console.print(f"part of: {escape(entry['parent'])}")
    if entry["merged_into"]:
        console.print(f"merged into: {escape(entry['merged_into'])}")
    if entry["merged_from"]:
        console.print(f"merged from: {escape(', '.join(entry['merged_from']))}")
    if entry["note"]:
        console.print(f"note: {escape(entry['note'])}")
    if entry["mentions_by_wave"]:
        console.print("responses mentioning it in the latest run, by wave: "
                      + ", ".join(f"{escape(str(k))} {v}" for k, v in entry["mentions_by_wave"].items()))
    table = Table(title="History", title_justify="left")
    for header in ("when", "theme", "action", "from", "to", "by"):
        table.add_column(header)
    for e in entry["history"]:
        table.add_row(e["at"][:19], escape(e["theme_id"]), e["action"], escape(e["old"] or ""), escape(e["new"] or ""),
                      escape(e["actor"] or ""))
    console.print(table)


def _reading_row(name: str, scores: dict) -> list[str]:
    micro, polarity = scores["micro"], scores["polarity"]
    return [escape(name), f"{micro['precision']:.3f}", f"{micro['recall']:.3f}", f"{micro['f1']:.3f}",
            f"{polarity['right']}/{polarity['asked']}" if polarity["asked"] else "–"]


def print_retrained(model_id: int, path: object, evaluation: dict, console: Console | None = None) -> None:
    """Print ``insight train --from-store``: what the model learnt from, and the held-back comparison."""
    console = console or Console()
    console.print(f"model #{model_id} saved to {escape(str(path))} (a candidate): trained on "
                  f"{evaluation['trained_on']} comments, {evaluation['trained_on'] - evaluation['silver']} of them "
                  f"corrected, {evaluation['silver']} with the rules' themes")
    for key, text in (("rare_labels", "themes too rare to learn (fewer than 2 comments)"),
                      ("unknown_themes", "corrected themes not in the codeframe, left out")):
        if evaluation.get(key):
            console.print(f"note: {text}: {escape(', '.join(evaluation[key]))}")
    if evaluation.get("note"):
        console.print(f"note: {escape(evaluation['note'])}")
    if "previous" not in evaluation:
        console.print(f"no comparison: {evaluation['corrected']} corrected comments are too few to hold any back")
        return
    table = Table(title=f"Reading of the {evaluation['held_back']} held-back corrected comments "
                        "(themes and sub-themes)",
                  title_justify="left")
    for header in ("reading", "precision", "recall", "F1", "polarity right"):
        table.add_column(header, justify="left" if header == "reading" else "right")
    table.add_row(*_reading_row(evaluation["previous"]["name"], evaluation["previous"]))
    table.add_row(*_reading_row(f"model {evaluation['model']} + rules", evaluation["new"]))
    console.print(table)


def print_models(rows: list[dict], console: Console | None = None) -> None:
    """Print ``insight model list``."""
    console = console or Console()
    if not rows:
        console.print("no models trained from the store yet: `insight train --from-store -o models/NAME`")
        return
    table = Table(title="Theme models trained from corrections (newest first)", title_justify="left")
    for header in ("id", "model", "status", "trained", "by", "held back", "F1 before", "F1 new", "decided by"):
        table.add_column(header, overflow="fold")
    for r in rows:
        e = r["evaluation"]
        held = "previous" in e
        table.add_row(str(r["id"]), escape(f"{r['name']} {r['version']}"), r["status"], str(r["trained_at"])[:16],
                      escape(r["trained_by"]), str(e.get("held_back", 0)),
                      f"{e['previous']['micro']['f1']:.3f}" if held else "–",
                      f"{e['new']['micro']['f1']:.3f}" if held else "–", escape(r["decided_by"] or "–"))
    console.print(table)
