"""Analysts' corrections of the themes read in a comment, and the theme models trained from them.

A correction adds a theme to a stored response (with its polarity; a theme already read there gets the
new polarity) or removes one, against the run whose reading the analyst saw; the newest correction of
a (response, theme) is the one that counts. ``insight train --from-store`` trains a model version from
them (:mod:`insight.themes.retrain`) and registers it here as a candidate; it becomes the store's
active model - the one ``insight report`` on the store uses - only when an analyst accepts it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import sqlalchemy as sa

from insight.store import schema as t
from insight.store.base import StoreConflict, StoreError, actor, now

ACTIONS = ("add", "remove")


@dataclass
class Corrected:
    """One response's corrections in effect: the run whose reading they correct (its newest), the themes
    added or given a polarity (theme -> polarity) and the themes removed."""

    response: int
    run_id: int | None
    last: int = 0  # the id of its newest correction
    added: dict[str, int] = field(default_factory=dict)
    removed: set[str] = field(default_factory=set)

    def labels(self, read: dict[str, int]) -> dict[str, int]:
        """The corrected reading of the response: ``read`` (theme -> polarity, as the run read it) with
        the corrections applied."""
        out = {th: p for th, p in read.items() if th not in self.removed}
        out.update(self.added)
        return out


class CorrectionJobs:
    """Corrections and trained models (a part of :class:`~insight.store.Store`)."""

    def correct(self, response: int, theme_id: str, action: str, polarity: int | None = None, *,
                by: str | None = None) -> dict[str, object]:
        """Record a correction of ``response``'s reading (its store id) and return it: ``add`` the theme
        (``polarity`` -1, 0 or 1; default 0), or ``remove`` it. The theme must be in the catalog."""
        if action not in ACTIONS:
            raise StoreError(f"unknown correction {action!r}: use add or remove")
        if action == "add":
            polarity = 0 if polarity is None else polarity
            if polarity not in (-1, 0, 1):
                raise StoreError(f"polarity {polarity!r} is not -1, 0 or 1")
        else:
            polarity = None
        with self._write() as conn:
            wave = conn.execute(sa.select(t.responses.c.wave_id).where(t.responses.c.id == response)).first()
            if wave is None:
                raise StoreError(f"no response {response} in the store", "e_no_response", id=response)
            if conn.execute(sa.select(t.themes.c.theme_id).where(t.themes.c.theme_id == theme_id)).first() is None:
                raise StoreError(f"no theme {theme_id!r} in the catalog", "e_no_theme", id=theme_id)
            run = self._reading(conn, response, wave[0])
            against = "rules" if run is None else _maker(run)
            row = {"response_id": response, "theme_id": theme_id, "action": action, "polarity": polarity,
                   "run_id": None if run is None else run["id"], "against": against, "actor": by or actor(),
                   "at": now()}
            row["id"] = conn.execute(sa.insert(t.corrections).values(**row).returning(t.corrections.c.id)).scalar_one()
        return row

    def _reading(self, conn, response: int, wave_id: int) -> dict | None:
        """The newest run that read ``response``: of its wave, or one that recorded a mention of it."""
        mentioned = sa.select(t.mentions.c.run_id).where(t.mentions.c.response_id == response)
        row = conn.execute(sa.select(t.runs.c.id, t.runs.c.codeframe, t.runs.c.settings)
                           .where(sa.or_(t.runs.c.wave_id == wave_id, t.runs.c.id.in_(mentioned)))
                           .order_by(t.runs.c.id.desc()).limit(1)).mappings().first()
        return dict(row) if row is not None else None

    def reading_run(self, response: int) -> int | None:
        """The id of the newest run that read ``response`` (None: none did)."""
        with self._read() as conn:
            wave = conn.execute(sa.select(t.responses.c.wave_id).where(t.responses.c.id == response)).first()
            run = None if wave is None else self._reading(conn, response, wave[0])
        return None if run is None else run["id"]

    def corrections(self, response: int | None = None) -> list[dict[str, object]]:
        """Every correction (of ``response`` when given), oldest first."""
        query = sa.select(t.corrections).order_by(t.corrections.c.id)
        if response is not None:
            query = query.where(t.corrections.c.response_id == response)
        with self._read() as conn:
            return [dict(r) for r in conn.execute(query).mappings()]

    def corrected(self) -> dict[int, Corrected]:
        """Per corrected response, the corrections in effect (the newest of each theme's)."""
        out: dict[int, Corrected] = {}
        for c in self.corrections():
            entry = out.setdefault(c["response_id"], Corrected(c["response_id"], c["run_id"]))
            entry.last = c["id"]
            if c["run_id"] is not None and (entry.run_id is None or c["run_id"] > entry.run_id):
                entry.run_id = c["run_id"]
            if c["action"] == "add":
                entry.added[c["theme_id"]] = int(c["polarity"])
                entry.removed.discard(c["theme_id"])
            else:
                entry.added.pop(c["theme_id"], None)
                entry.removed.add(c["theme_id"])
        return out

    def read_responses(self, run_id: int, sources: tuple[str, ...] | None = None) -> list[int]:
        """The responses run ``run_id`` found a theme in (by one of ``sources``: rule, model...), in id order."""
        query = sa.select(t.mentions.c.response_id).where(t.mentions.c.run_id == run_id).distinct()
        if sources is not None:
            query = query.where(t.mentions.c.source.in_(sources))
        with self._read() as conn:
            return sorted(pk for (pk,) in conn.execute(query))

    def readings(self, pairs: dict[int, int | None], sources: tuple[str, ...] | None = None
                 ) -> dict[int, dict[str, int]]:
        """response -> {theme: polarity} as run ``pairs[response]`` read it (its first mention of each
        theme; by one of ``sources`` when given)."""
        out: dict[int, dict[str, int]] = {pk: {} for pk in pairs}
        by_run: dict[int, list[int]] = {}
        for pk, run in pairs.items():
            if run is not None:
                by_run.setdefault(run, []).append(pk)
        with self._read() as conn:
            for run, pks in by_run.items():
                for start in range(0, len(pks), 5000):
                    query = (sa.select(t.mentions.c.response_id, t.mentions.c.theme_id, t.mentions.c.polarity)
                             .where(t.mentions.c.run_id == run, t.mentions.c.response_id.in_(pks[start:start + 5000]))
                             .order_by(t.mentions.c.id))
                    if sources is not None:
                        query = query.where(t.mentions.c.source.in_(sources))
                    found = conn.execute(query)
                    for pk, theme, polarity in found:
                        out[pk].setdefault(theme, int(polarity))
        return out

    def comments(self, pks: list[int]) -> dict[int, str]:
        """response id -> its comment."""
        out: dict[int, str] = {}
        with self._read() as conn:
            for start in range(0, len(pks), 5000):
                out.update(conn.execute(sa.select(t.responses.c.id, t.responses.c.comment)
                                        .where(t.responses.c.id.in_(pks[start:start + 5000]))).all())
        return out

    # -- trained models ----------------------------------------------------------------------------

    def register_model(self, path: str, card: dict, codeframe: str, evaluation: dict, *,
                       by: str | None = None) -> int:
        """Record a newly trained model version as a candidate; return its id."""
        with self._write() as conn:
            return conn.execute(sa.insert(t.models).values(
                path=str(path), name=str(card.get("name", "")), version=str(card.get("version", "")),
                codeframe=codeframe, status="candidate", evaluation=evaluation, trained_by=by or actor(),
                trained_at=now()).returning(t.models.c.id)).scalar_one()

    def models(self) -> list[dict[str, object]]:
        """The trained models, newest first."""
        with self._read() as conn:
            return [dict(r) for r in conn.execute(sa.select(t.models).order_by(t.models.c.id.desc())).mappings()]

    def model(self, model_id: int) -> dict[str, object]:
        with self._read() as conn:
            row = conn.execute(sa.select(t.models).where(t.models.c.id == model_id)).mappings().first()
        if row is None:
            raise StoreError(f"no model #{model_id} in the store (`insight model list` shows them)", "e_no_model",
                             id=model_id)
        return dict(row)

    def active_model(self) -> dict[str, object] | None:
        """The model an analyst accepted last (None: the rules alone)."""
        with self._read() as conn:
            row = conn.execute(sa.select(t.models).where(t.models.c.status == "active")).mappings().first()
        return dict(row) if row is not None else None

    def decide_model(self, model_id: int, accept: bool, *, by: str | None = None) -> None:
        """Accept model ``model_id`` (the active one before it is retired; a retired or rejected one
        can be accepted again) or reject a candidate."""
        with self._write() as conn:
            row = conn.execute(sa.select(t.models.c.status).where(t.models.c.id == model_id)).first()
            if row is None:
                raise StoreError(f"no model #{model_id} in the store (`insight model list` shows them)", "e_no_model",
                                 id=model_id)
            if accept and row[0] == "active":
                raise StoreConflict(f"model #{model_id} is already the active one", "e_model_active", id=model_id)
            if not accept and row[0] != "candidate":
                raise StoreConflict(f"model #{model_id} is {row[0]}: only a candidate can be rejected", "e_model_decided",
                                    id=model_id)
            stamp, who = now(), by or actor()
            if accept:
                conn.execute(sa.update(t.models).where(t.models.c.status == "active")
                             .values(status="retired", decided_by=who, decided_at=stamp))
            conn.execute(sa.update(t.models).where(t.models.c.id == model_id)
                         .values(status="active" if accept else "rejected", decided_by=who, decided_at=stamp))


def _maker(run: dict) -> str:
    """What made a run's reading: its trained model (name and version) with the rules, or the rules."""
    model = (run.get("settings") or {}).get("model_version")
    return f"model {model} + rules {run['codeframe']}" if model else f"rules {run['codeframe']}"
