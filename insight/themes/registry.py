"""Versioned theme models on disk: ``models/NAME/vN/model.skops`` + ``model_card.json``.

Models are saved with skops, never pickle. Loading checks the card's file hash (a tampered file is
refused), the scikit-learn version it was trained with, and that the file holds no type outside
an allow-list (skops refuses to build anything else, so no code can run from a model file).
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import re
from datetime import datetime, timezone
from pathlib import Path

from insight.errors import InsightError

FORMAT = 3  # 2: the polarity model reads the clauses of the theme (context_vectorizer_); 3: English lemmas
# corrected where the lookup table sent a word to another ("does" -> "doe", "number" -> "numb"), and the Russian
# lexicon grown: other word and rule features
MODEL_FILE = "model.skops"
CARD_FILE = "model_card.json"
_VERSION = re.compile(r"^v(\d+)$")
# Our own classes; skops trusts scikit-learn, numpy and scipy types by default.
TRUSTED = ["insight.themes.model.ThemeClassifier", "insight.themes.polarity_model.PolarityClassifier",
           "insight.themes.model.PolarityClassifier"]  # where the models saved before 2026-12 name it


class ModelError(InsightError):
    """A model folder that cannot be used: missing, tampered, from another version, untrusted types."""


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _versions() -> dict[str, str]:
    import numpy
    import sklearn
    import skops

    from importlib.metadata import version

    return {"nps-insight": version("nps-insight"), "scikit-learn": sklearn.__version__, "skops": skops.__version__,
            "numpy": numpy.__version__, "python": platform.python_version()}


def save_model(model, folder: str | os.PathLike[str], card: dict[str, object]) -> Path:
    """Save ``model`` as the next version under ``folder`` (``models/NAME``); return the version folder."""
    import skops.io as sio

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    taken = [int(m.group(1)) for p in folder.iterdir() if (m := _VERSION.match(p.name))]
    target = folder / f"v{max(taken, default=0) + 1}"
    target.mkdir()
    sio.dump(model, target / MODEL_FILE)
    full = {"format": FORMAT, "name": folder.name, "version": target.name,
            "created": datetime.now(timezone.utc).isoformat(timespec="seconds"), **card,
            "libraries": _versions(), "model_sha256": _sha256(target / MODEL_FILE)}
    (target / CARD_FILE).write_text(json.dumps(full, indent=2, ensure_ascii=False), encoding="utf-8")
    return target


def resolve(path: str | os.PathLike[str]) -> Path:
    """``models/NAME`` -> its latest ``vN``; ``models/NAME/vN`` -> itself."""
    path = Path(path)
    if (path / CARD_FILE).exists():
        return path
    if not path.is_dir():
        raise ModelError(f"{path}: no such model folder")
    versions = sorted((int(m.group(1)), p) for p in path.iterdir() if (m := _VERSION.match(p.name)) and p.is_dir())
    if not versions:
        raise ModelError(f"{path}: no model versions (v1, v2, ...) in this folder; train one with `insight train`")
    return versions[-1][1]


def load_model(path: str | os.PathLike[str]):
    """Load a model and its card; refuse tampered files, other library versions and untrusted types."""
    import sklearn
    import skops.io as sio

    folder = resolve(path)
    card_path, model_path = folder / CARD_FILE, folder / MODEL_FILE
    try:
        card = json.loads(card_path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ModelError(f"{folder}: unreadable model card ({exc})") from None
    if card.get("format") != FORMAT:
        raise ModelError(f"{folder}: model format {card.get('format')!r} is not {FORMAT}; retrain with this version")
    if not model_path.exists():
        raise ModelError(f"{folder}: {MODEL_FILE} is missing")
    if card.get("model_sha256") != _sha256(model_path):
        raise ModelError(f"{folder}: {MODEL_FILE} does not match its model card (modified or corrupted); refusing to load")
    trained = str(card.get("libraries", {}).get("scikit-learn", ""))
    if trained.split(".")[:2] != sklearn.__version__.split(".")[:2]:
        raise ModelError(f"{folder}: trained with scikit-learn {trained or '?'}, this is {sklearn.__version__}; "
                         "retrain the model")
    try:
        untrusted = sio.get_untrusted_types(file=model_path)
    except Exception as exc:  # skops raises several types for a broken file
        raise ModelError(f"{folder}: not a readable skops file ({type(exc).__name__})") from None
    unknown = [t for t in untrusted if t not in TRUSTED]
    if unknown:
        raise ModelError(f"{folder}: the model file holds untrusted types ({', '.join(unknown[:3])}); refusing to load")
    return sio.load(model_path, trusted=untrusted), card
