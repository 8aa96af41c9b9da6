"""The analysts' side of the workspace: the review queue (the comments the active model is least sure
of, so that a few minutes of corrections move it most) and retraining in the background.

Without an active model the queue holds the comments the rules doubt most: no theme found, then a
reading the score contradicts (a detractor's comment with no complaint read, a promoter's with no praise),
then only neutral themes. The score only orders the queue; it never decides a reading.
"""

from __future__ import annotations

import random
import threading
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from insight.errors import InsightError
from insight.text.normalize import has_content, is_filler
from insight.themes.retrain import comment_key as text_key

REVIEW_POOL = 2000  # distinct comments of the newest run the model is asked about (a seeded sample)
QUEUE = 50  # comments shown at once
SAMPLE = 20_000  # comments of the newest run read to find the pool's distinct ones


class Analysts:
    """The review queue and the retraining job of one store; safe to share between the server's threads."""

    def __init__(self, store, models_dir: str | Path, semantic: str = "auto") -> None:
        self.store, self.models_dir, self.semantic = store, Path(models_dir), semantic
        self._lock = threading.Lock()
        self._ordered: dict[tuple, list[dict]] = {}
        self.training: dict[str, object] | None = None  # the last training started here: by, started, done, ...

    # -- the review queue --------------------------------------------------------------------------

    def queue(self, limit: int = QUEUE) -> dict[str, object]:
        """The comments to review next (none already corrected, nor one with the same text) and what
        ordered them: the active model, or the rules when none is active."""
        run = self.store.latest_run()
        active = self.store.active_model()
        if run is None:
            return {"run": None, "model": active, "items": [], "pool": 0}
        key = (run["id"], None if active is None else active["id"])
        with self._lock:
            ordered = self._ordered.get(key)
        if ordered is None:
            ordered = self._order(run, active)
            with self._lock:
                self._ordered = {key: ordered}  # only the newest run and model's
        corrected = self.store.corrected()
        done = {text_key(c) for c in self.store.comments(list(corrected)).values()}
        items = [item for item in ordered if item["pk"] not in corrected and text_key(item["comment"]) not in done]
        return {"run": run, "model": active, "items": items[:limit], "pool": len(ordered), "left": len(items)}

    def _order(self, run: dict, active: dict | None) -> list[dict]:
        distinct: dict[str, tuple[int, str, int]] = {}
        # a sample bigger than the pool, for the repeated and empty comments it holds
        for pk, comment, score in self.store.run_comments(run["id"], sample=SAMPLE):
            if has_content(comment) and not is_filler(comment):  # not "n/a", "nothing", "无"
                distinct.setdefault(text_key(comment), (pk, comment, score))
        rows = list(distinct.values())
        rows = sorted(random.Random(0).sample(rows, min(REVIEW_POOL, len(rows))))
        if active is None:
            return self._doubted(run, rows)
        from insight.text.embed import tier_on, using
        from insight.themes.registry import load_model

        model, _ = load_model(active["path"])
        texts = [comment for _, comment, _ in rows]
        with using(self.store):
            if getattr(model, "semantic", 0.0) and not tier_on(self.semantic, texts):
                model = model.without_semantic()
            margins = model.decision_function(texts) - model.thresholds_ if texts else np.zeros((0, 1))
        closest = np.abs(margins).argmin(axis=1) if len(texts) else np.zeros(0, dtype=int)
        unsure = np.abs(margins)[np.arange(len(texts)), closest]
        order = np.argsort(unsure, kind="stable")
        return [{"pk": rows[i][0], "comment": rows[i][1], "score": rows[i][2],
                 "about": str(model.classes_[closest[i]]), "margin": float(unsure[i])} for i in order.tolist()]

    def _doubted(self, run: dict, rows: list[tuple[int, str, int]]) -> list[dict]:
        """Without a model: the comments the rules found no theme in, then those whose reading the score
        contradicts (a detractor's with no complaint read, a promoter's with no praise), then those read
        as neutral only; detractors and longer comments first within each."""
        read = self.store.readings({pk: run["id"] for pk, _, _ in rows})
        doubted = []
        for pk, comment, score in rows:
            found = set(read[pk].values())
            rank = (0 if not found else 1 if (score <= 6 and -1 not in found) or (score >= 9 and 1 not in found)
                    else 2 if found == {0} else None)
            if rank is not None:
                doubted.append((rank, score, -len(comment), pk, comment))
        doubted.sort()
        return [{"pk": pk, "comment": comment, "score": score, "about": None}
                for _, score, _, pk, comment in doubted]

    # -- retraining ----------------------------------------------------------------------------------

    def train(self, by: str) -> bool:
        """Start training a model from the store's corrections in the background (False: one is running)."""
        with self._lock:
            if self.training is not None and not self.training.get("finished"):
                return False
            self.training = {"by": by, "started": datetime.now(UTC), "finished": None, "model_id": None,
                             "error": None}
        threading.Thread(target=self._train, args=(by,), daemon=True, name="insight-train").start()
        return True

    def _train(self, by: str) -> None:
        from insight.text.embed import using
        from insight.themes.retrain import retrain

        outcome: dict[str, object] = {}
        try:
            with using(self.store):
                outcome["model_id"] = retrain(self.store, self.models_dir, semantic=self.semantic, by=by).model_id
        except InsightError as exc:
            outcome["error"] = str(exc)
        except Exception as exc:  # noqa: BLE001 - shown on the models page rather than lost in a thread
            outcome["error"] = f"{type(exc).__name__}: {exc}"
        with self._lock:
            self.training = {**self.training, **outcome, "finished": datetime.now(UTC)}
