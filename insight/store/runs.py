"""The store's runs: each report's numbers and mentions, recorded for the trends of later waves."""

from __future__ import annotations

import hashlib

import sqlalchemy as sa

from insight.score import json_ready
from insight.store import schema as t
from insight.store.base import CHUNK, now, number
from insight.themes.codeframe import LABEL_LANGS, Codeframe


class RunJobs:
    """Recording and listing runs (a part of :class:`~insight.store.Store`)."""

    def record_run(self, results, wave: str | None) -> int:
        """Record an analysis of stored responses: its settings (with ``discovered``: the labels of the
        themes discovery proposed in this run, whose ids are this run's own) and the mentions it found
        (as tagged)."""
        cf = results.codeframe
        discovered = {th.id: {lang: th.label_in(lang) for lang in LABEL_LANGS} for th in cf.themes if th.discovered}
        with self._write() as conn:
            wave_id = conn.execute(sa.select(t.waves.c.id).where(t.waves.c.name == wave)).scalar() if wave else None
            run_id = conn.execute(sa.insert(t.runs).values(
                started_at=now(), wave_id=wave_id, codeframe=f"{cf.name} {cf.version}",
                codeframe_hash=_codeframe_hash(cf), model=results.settings.get("model"),
                settings=json_ready({**results.settings, "discovered": discovered}), responses=int(results.nps["n"]),
                nps=number(results.nps["nps"])).returning(t.runs.c.id)).scalar_one()
            raw = results.mentions
            if len(raw):
                keys = results.responses["response_id"].astype(str).to_numpy()[raw["response"].to_numpy()]
                key_to_id: dict[str, int] = {}
                uniq = list(dict.fromkeys(keys.tolist()))
                for start in range(0, len(uniq), 5000):
                    part = uniq[start:start + 5000]
                    key_to_id.update(conn.execute(sa.select(t.responses.c.response_key, t.responses.c.id)
                                                  .where(t.responses.c.response_key.in_(part))).all())
                rows = [{"run_id": run_id, "response_id": key_to_id[k], "theme_id": str(th), "polarity": int(p),
                         "source": str(s), "confidence": number(c), "evidence": str(e)[:1000]}
                        for k, th, p, s, c, e in zip(keys, raw["theme_id"], raw["polarity"], raw["source"],
                                                     raw["confidence"], raw["evidence"]) if k in key_to_id]
                for start in range(0, len(rows), CHUNK):
                    conn.execute(sa.insert(t.mentions), rows[start:start + CHUNK])
        self.refresh_statistics()
        return run_id

    def runs(self) -> list[dict[str, object]]:
        with self._read() as conn:
            rows = conn.execute(sa.select(t.runs).order_by(t.runs.c.id)).mappings().all()
        return [dict(r) for r in rows]


def _codeframe_hash(cf: Codeframe) -> str:
    text = repr([(th.id, th.parent, sorted(th.patterns.items()), sorted(th.exclude.items()))
                 + ((sorted(th.context.items()),) if th.context else ()) for th in cf.themes])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
