"""Does the engine read customers' complaints correctly, out of the box, on industries nobody wrote rules for?

The check of issue 19, built from the real reviews in ``../shared/data`` (never copied into the
repository): each review set is written as a file of comments alone (id and text: no score, so the
rating cannot leak into the reading) and run through ``insight tag`` with its default settings, as a
CX team would. The review's own rating or label then says what a correct reading is:

* a **negative** review (1-2 of 5, 1-4 of 10, or labelled negative) should yield a *complaint*;
* a **positive** one (5 of 5, 9-10 of 10, or labelled positive) should yield none (a *false complaint*);
  reported for all positive reviews and for the short ones (NPS comments are short; a long review
  that is positive overall often criticises something real);

a complaint counted two ways: a theme whose polarity in the review is negative (`insight tag`'s
``theme_polarity`` column: the sign of the sum of its mentions' polarities, so a theme praised in one
sentence and blamed in another may sum to praise) and, as issue 19 words its targets, at least one
negative theme mention (the ``--mentions`` table; what the report's detractor drivers count);
* every review should be *explained*: a codeframe theme or a discovered one.

Reviews count when they are substantive: three words or more (Chinese: five characters or more).
Each set is split in two halves by a hash of the review id: ``dev`` (read, used to improve the
rules) and ``test`` (only measured; never read, never tuned on). Run::

    .venv/bin/python eval/reading.py [--split dev|test|both] [--max N] [--json OUT.json] [--keep DIR]

``--keep DIR`` keeps the tagged files (for reading the dev half's errors).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


@dataclass(frozen=True)
class ReviewSet:
    name: str
    file: str
    kind: str  # "label" (sublabels_json sentiment), "5" (1-5 rating) or "10" (1-10 rating)
    category: str | None = None  # zh_online_shopping: one product category


SETS = (
    ReviewSet("hotel (zh)", "zh_chnsenticorp_htl.csv", "label"),
    ReviewSet("fruit (zh)", "zh_online_shopping.csv", "label", "水果"),
    ReviewSet("shampoo (zh)", "zh_online_shopping.csv", "label", "洗发水"),
    ReviewSet("tablets (zh)", "zh_online_shopping.csv", "label", "平板"),
    ReviewSet("clothes (zh)", "zh_online_shopping.csv", "label", "衣服"),
    ReviewSet("computers (zh)", "zh_online_shopping.csv", "label", "计算机"),
    ReviewSet("books (zh)", "zh_online_shopping.csv", "label", "书籍"),
    ReviewSet("clothing (en)", "womens_clothing.csv", "5"),
    ReviewSet("airline (en)", "skytrax_airline.csv", "10"),
    ReviewSet("airport (en)", "skytrax_airport.csv", "10"),
    ReviewSet("seat (en)", "skytrax_seat.csv", "10"),
)


def half(review_id: str) -> str:
    """``dev`` or ``test``: a fixed split by a hash of the id."""
    return "dev" if hashlib.sha1(review_id.encode("utf-8")).digest()[0] % 2 == 0 else "test"


def reviews(spec: ReviewSet, split: str, limit: int) -> pd.DataFrame:
    """id, text, truth (-1 negative, +1 positive, 0 in between) of one set's half, at most ``limit``
    reviews (the first by id hash: a fixed sample)."""
    frame = pd.read_csv(DATA / spec.file, dtype=str, keep_default_na=False)
    meta = frame["sublabels_json"].map(json.loads)
    if spec.category is not None:
        frame = frame[meta.map(lambda m: (m.get("_meta") or {}).get("category") == spec.category)]
        meta = meta[frame.index]
    if spec.kind == "label":
        truth = meta.map(lambda m: {"positive": 1, "negative": -1}.get(m.get("sentiment"), 0))
    else:
        score = pd.to_numeric(frame["score"], errors="coerce")
        low, high = (2, 5) if spec.kind == "5" else (4, 9)
        truth = score.map(lambda s: -1 if s <= low else 1 if s >= high else 0)
    frame = frame.assign(truth=truth)
    frame = frame[frame["id"].map(half) == split] if split != "both" else frame
    order = frame["id"].map(lambda i: hashlib.sha1(i.encode("utf-8")).hexdigest())
    frame = frame.assign(_order=order).sort_values("_order").head(limit)
    return frame[["id", "text", "truth"]].reset_index(drop=True)


def substantive(text: str) -> bool:
    han = sum("\u4e00" <= ch <= "\u9fff" for ch in text)
    return han >= 5 if han else len(text.split()) >= 3


def short(text: str) -> bool:
    """As long as most NPS comments: at most 30 words (Chinese: 50 characters). Long reviews that
    are positive overall often criticise something too; a short positive one rarely does."""
    han = sum("\u4e00" <= ch <= "\u9fff" for ch in text)
    return han <= 50 if han else len(text.split()) <= 30


def measure(spec: ReviewSet, split: str, limit: int, workdir: Path, extra: list[str]) -> dict[str, object]:
    data = reviews(spec, split, limit)
    source = workdir / f"{Path(spec.file).stem}-{spec.category or 'all'}-{split}.csv"
    out, mentions = source.with_suffix(".tagged.csv"), source.with_suffix(".mentions.csv")
    data[["id", "text"]].rename(columns={"text": "comment"}).to_csv(source, index=False)
    cmd = [sys.executable, "-m", "insight", "tag", str(source), "-o", str(out), "--mentions", str(mentions), *extra]
    run = subprocess.run(cmd, capture_output=True, text=True)
    if run.returncode:
        raise SystemExit(f"{' '.join(cmd)} failed: {run.stderr.strip()}")
    tagged = pd.read_csv(out, dtype=str, keep_default_na=False)
    polarity = tagged["theme_polarity"].map(json.loads)
    blamed = pd.read_csv(mentions, dtype={"response_id": str}, keep_default_na=False)
    blamed = set(blamed.loc[blamed["polarity"].astype(int) < 0, "response_id"])
    data = data.assign(themes=tagged["themes"], complaint=polarity.map(lambda p: -1 in p.values()),
                       mention=tagged["response_id"].isin(blamed).to_numpy(), explained=tagged["themes"] != "")
    data = data[data["text"].map(substantive)]
    neg, pos = data[data["truth"] < 0], data[data["truth"] > 0]
    short_pos = pos[pos["text"].map(short)]
    return {
        "set": spec.name, "split": split, "reviews": len(data), "negative": len(neg), "positive": len(pos),
        "explained": float(data["explained"].mean()) if len(data) else float("nan"),
        "explained_negative": float(neg["explained"].mean()) if len(neg) else float("nan"),
        "complaint_in_negative": float(neg["complaint"].mean()) if len(neg) else float("nan"),
        "false_complaint_in_positive": float(pos["complaint"].mean()) if len(pos) else float("nan"),
        "short_positive": len(short_pos),
        "false_complaint_in_short_positive": float(short_pos["complaint"].mean()) if len(short_pos) else float("nan"),
        "negative_mention_in_negative": float(neg["mention"].mean()) if len(neg) else float("nan"),
        "negative_mention_in_positive": float(pos["mention"].mean()) if len(pos) else float("nan"),
        "negative_mention_in_short_positive": float(short_pos["mention"].mean()) if len(short_pos) else float("nan"),
        "codeframe": next((line for line in run.stderr.splitlines() if "codeframe" in line), ""),
    }


def main(argv: list[str] | None = None) -> list[dict[str, object]]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=["dev", "test", "both"], default="dev")
    parser.add_argument("--max", type=int, default=1500, help="reviews per set and half (default 1500)")
    parser.add_argument("--set", dest="only", action="append", help="only the sets whose name contains this")
    parser.add_argument("--json", type=Path, help="also write the rows as JSON")
    parser.add_argument("--keep", type=Path, help="keep the tagged files in this folder")
    parser.add_argument("tag_args", nargs="*", help="extra arguments for insight tag (after --)")
    args = parser.parse_args(argv)
    if not DATA.is_dir():
        raise SystemExit(f"no evaluation data at {DATA}")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        workdir = args.keep or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        splits = ["dev", "test"] if args.split == "both" else [args.split]
        for spec in SETS:
            if args.only and not any(o in spec.name for o in args.only):
                continue
            for split in splits:
                row = measure(spec, split, args.max, workdir, args.tag_args)
                rows.append(row)
                print(f"{row['set']:<16} {split:<5} n={row['reviews']:>5}  explained {row['explained']:6.1%}  "
                      f"complaint in negative {row['complaint_in_negative']:6.1%} (n={row['negative']})  "
                      f"false complaint in positive {row['false_complaint_in_positive']:6.1%} (n={row['positive']}), "
                      f"short {row['false_complaint_in_short_positive']:6.1%} (n={row['short_positive']}); "
                      f"a negative mention: in negative {row['negative_mention_in_negative']:6.1%}, in positive "
                      f"{row['negative_mention_in_positive']:6.1%}, short "
                      f"{row['negative_mention_in_short_positive']:6.1%}  {row['codeframe']}", flush=True)
    if args.json:
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=2), encoding="utf-8")
    return rows


if __name__ == "__main__":
    main()
