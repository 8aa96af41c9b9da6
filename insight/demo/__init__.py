"""A realistic, multilingual demo survey generated from the team's own phrase templates.

The generator draws themes and their polarity per response, then a 0-10 score from them, so
comments and scores are linked the way real ones are: complaints about service or quality make
detractors, price grumbles make passives, praise makes promoters. It also plants a story to find:
returning customers are happier, app users meet crashes, and delivery trouble grows in three
summer months (a courier change). Fillers, emoji, empty comments, contact details and a few
malformed rows are mixed in so that every stage has something to handle.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pandas as pd

from insight.canonical import PASSIVE_MIN, PROMOTER_MIN
from insight.demo.phrases import EMOJI, FILLERS, OPENERS, PHRASES, PII, REGIONS
from insight.errors import OptionError

__all__ = ["COLUMNS", "generate", "write"]

COLUMNS = {
    "id": "Response ID",
    "date": "Submitted At",
    "score": "How likely are you to recommend us to a friend or colleague? (0-10)",
    "comment": "What is the main reason for your score?",
    "customer_type": "Customer type",
    "channel": "Channel",
    "region": "Region",
    "order_value": "Order value",
}

LANGS = ("en", "zh-Hans", "zh-Hant", "ru")
_LANG_P = (0.40, 0.25, 0.10, 0.25)
_START = pd.Timestamp("2025-11-01")
_END = pd.Timestamp("2026-11-01")
_TROUBLE_MONTHS = {8, 9, 10}  # Jul-Sep 2026: months since the start, 0-based

# theme: (base weight, P(negative), P(neutral), effect if negative, if neutral, if positive)
_THEMES: dict[str, tuple[float, float, float, float, float, float]] = {
    "delivery": (0.22, 0.35, 0.15, -3.0, -0.8, 0.8),
    "customer_service": (0.15, 0.35, 0.10, -3.5, -0.5, 1.0),
    "price": (0.14, 0.40, 0.30, -1.3, -0.9, 0.6),
    "product_quality": (0.16, 0.30, 0.12, -3.5, -0.7, 1.0),
    "range_stock": (0.05, 0.50, 0.15, -1.5, -0.5, 0.4),
    "website_app": (0.08, 0.50, 0.15, -2.0, -0.6, 0.4),
    "payment_checkout": (0.04, 0.45, 0.10, -2.5, -0.3, 0.3),
    "returns_refunds": (0.06, 0.50, 0.10, -3.0, -0.5, 0.7),
    "communication": (0.03, 0.60, 0.15, -1.0, -0.3, 0.3),
    "packaging": (0.03, 0.40, 0.20, -0.8, -0.2, 0.3),
    "loyalty": (0.04, 0.40, 0.20, -0.8, -0.3, 0.5),
}
_THEME_IDS = list(_THEMES)


def generate(rows: int = 3000, seed: int = 7, malformed: bool = True, id_prefix: str = "R",
             start: str | None = None, end: str | None = None) -> pd.DataFrame:
    """Generate ``rows`` survey responses as an export-like table (all values as text), their ids
    ``id_prefix`` and a number, answered between ``start`` and ``end`` (dates; default the demo's
    year, 2025-11-01 to 2026-11-01: a wave of it is a part of that year).

    Deterministic for a given ``(rows, seed, malformed)``. With ``malformed=True`` about 1% of
    rows carry problems a real export has (score 11, "ten", 7.5, empty, a repeated id, a bad
    date) so the quarantine has something to show.
    """
    if rows < 1:
        raise OptionError(f"rows must be at least 1; got {rows}")
    first, last = pd.Timestamp(start or _START), pd.Timestamp(end or _END)
    if last <= first:
        raise OptionError(f"the demo's dates must run forwards: {first.date()} to {last.date()}")
    rng = np.random.default_rng(seed)
    span = (last - first).total_seconds()
    stamps = first + pd.to_timedelta(np.sort(rng.uniform(0, span, rows)).round(), unit="s")
    months = ((stamps.year - _START.year) * 12 + stamps.month - _START.month).to_numpy()
    langs = rng.choice(LANGS, size=rows, p=_LANG_P)
    returning = rng.random(rows) < 0.6
    channel = rng.choice(["web", "app", "store"], size=rows, p=[0.45, 0.35, 0.20])
    order_value = np.round(rng.lognormal(np.log(60), 0.8, rows), 2)
    kind = rng.choice(["text", "empty", "filler", "emoji"], size=rows, p=[0.84, 0.08, 0.06, 0.02])

    scores = np.empty(rows, dtype=np.int64)
    comments: list[str] = []
    weights = np.array([w for w, *_ in _THEMES.values()])
    for i in range(rows):
        latent = 8.7 + (0.4 if returning[i] else 0.0) + {"store": 0.3, "app": -0.2, "web": 0.0}[channel[i]]
        lang = str(langs[i])
        if kind[i] != "text":
            scores[i] = _clip(latent + rng.normal(0, 1.6))
            comments.append(_contentless(kind[i], lang, rng))
            continue
        scores[i], comment = _answer(rng, lang, latent, weights, months[i] in _TROUBLE_MONTHS, str(channel[i]),
                                     bool(returning[i]))
        comments.append(comment)

    frame = pd.DataFrame(
        {
            COLUMNS["id"]: [f"{id_prefix}{100000 + i}" for i in range(rows)],
            COLUMNS["date"]: stamps.strftime("%Y-%m-%d %H:%M:%S"),
            COLUMNS["score"]: [_format_score(int(s), rng) for s in scores],
            COLUMNS["comment"]: comments,
            COLUMNS["customer_type"]: np.where(returning, "returning", "new"),
            COLUMNS["channel"]: channel,
            COLUMNS["region"]: [REGIONS[str(lang)][int(rng.integers(len(REGIONS[str(lang)])))] for lang in langs],
            COLUMNS["order_value"]: [f"{v:.2f}" for v in order_value],
        }
    )
    if malformed:
        _plant_malformed(frame, rng)
    return frame


def _answer(rng: np.random.Generator, lang: str, latent: float, weights: np.ndarray, trouble: bool, channel: str,
            returning: bool) -> tuple[int, str]:
    """One respondent's score and comment: one to three themes (delivery likelier in a month of
    trouble, the app on the app), each praised, neutral or blamed, which moves the score."""
    w = weights.copy()
    if channel == "app":
        w[_THEME_IDS.index("website_app")] *= 3
    if trouble:
        w[_THEME_IDS.index("delivery")] *= 2
    k = int(rng.choice([1, 2, 3], p=[0.55, 0.35, 0.10]))
    chosen = rng.choice(len(_THEME_IDS), size=k, replace=False, p=w / w.sum())
    parts, total = [], 0.0
    for t in chosen:
        theme = _THEME_IDS[t]
        _, p_neg, p_neu, e_neg, e_neu, e_pos = _THEMES[theme]
        if theme == "delivery" and trouble:
            p_neg = 0.7
        if theme == "website_app" and channel == "app":
            p_neg = 0.6
        if returning:
            p_neg *= 0.8
        u = rng.random()
        pol = "neg" if u < p_neg else ("neu" if u < p_neg + p_neu else "pos")
        total += {"neg": e_neg, "neu": e_neu, "pos": e_pos}[pol]
        options = PHRASES[theme][pol][lang]
        parts.append(options[int(rng.integers(len(options)))])
    score = _clip(latent + total + rng.normal(0, 1.0))
    mood = "pos" if score >= PROMOTER_MIN else ("neg" if score < PASSIVE_MIN else "neu")
    return score, _compose(parts, lang, mood, rng)


def _clip(x: float) -> int:
    return int(min(10, max(0, round(x))))


def _format_score(score: int, rng: np.random.Generator) -> str:
    """Scores as exports write them: mostly "9", sometimes "9.0", a labelled end point or full-width."""
    u = rng.random()
    if u < 0.03 and score in (0, 10):
        return f"{score} - {'Extremely likely' if score == 10 else 'Not at all likely'}"
    if u < 0.04:
        return f"{score}.0"
    if u < 0.05:
        return str(score).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    return str(score)


def _contentless(kind: str, lang: str, rng: np.random.Generator) -> str:
    if kind == "empty":
        return ""
    if kind == "filler":
        return FILLERS[lang][int(rng.integers(len(FILLERS[lang])))]
    return EMOJI[int(rng.integers(len(EMOJI)))]


def _compose(parts: list[str], lang: str, mood: str, rng: np.random.Generator) -> str:
    chinese = lang.startswith("zh")
    if chinese:
        body = "，".join(parts) + "。"
    else:
        body = ". ".join(p[0].upper() + p[1:] for p in parts) + "."
    openers = OPENERS[lang][mood]
    opener = openers[int(rng.integers(len(openers)))]
    text = f"{opener}{body}" if chinese else f"{opener} {body}".strip()
    u = rng.random()
    if u < 0.01:
        pii = PII[lang][int(rng.integers(len(PII[lang])))]
        text = f"{text}{'，' if chinese else ' '}{pii}"
    elif u < 0.04:
        text = f"{text} {EMOJI[int(rng.integers(len(EMOJI)))]}"
    return text


def _plant_malformed(frame: pd.DataFrame, rng: np.random.Generator) -> None:
    n = len(frame)
    count = max(6, n // 100)
    picks = rng.choice(n, size=min(count, n), replace=False)
    bad_scores = ["11", "ten", "", "7.5", "-1", "N/A", "99"]
    score_col, id_col, date_col = COLUMNS["score"], COLUMNS["id"], COLUMNS["date"]
    for j, i in enumerate(picks):
        what = j % 9
        if what < 7:
            frame.iat[i, frame.columns.get_loc(score_col)] = bad_scores[what]
        elif what == 7 and i > 0:
            frame.iat[i, frame.columns.get_loc(id_col)] = frame.iat[i - 1, frame.columns.get_loc(id_col)]
        else:
            frame.iat[i, frame.columns.get_loc(date_col)] = "31/02/2026"


def write(frame: pd.DataFrame, path: str | os.PathLike[str]) -> None:
    """Write the survey in the format the extension names (.csv, .xlsx, .parquet, .jsonl)."""
    path = Path(path)
    if path.parent and not path.parent.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
    suffix = path.suffix.lower()
    if suffix in (".csv", ".txt", ""):
        frame.to_csv(path, index=False, encoding="utf-8-sig")  # Excel-style export, with a BOM
    elif suffix == ".tsv":
        frame.to_csv(path, index=False, sep="\t", encoding="utf-8")
    elif suffix == ".xlsx":
        frame.to_excel(path, index=False, engine="openpyxl")
    elif suffix in (".parquet", ".pq"):
        frame.to_parquet(path, index=False)
    elif suffix in (".jsonl", ".ndjson"):
        frame.to_json(path, orient="records", lines=True, force_ascii=False)
    else:
        raise OptionError(f"cannot write {path.name}: use .csv, .tsv, .xlsx, .parquet or .jsonl")
