"""The store's waves: importing a survey file as (part of) a wave, and reading waves back as a survey."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from insight import progress, settings
from insight.canonical import CANONICAL, categorical, category_case
from insight.load import LoadInfo, Survey
from insight.load.columns import ColumnMap
from insight.store import schema as t
from insight.store.base import CHUNK, StoreError, now, number
from insight.themes.codeframe import Codeframe


class _NothingNew(Exception):
    """Rolls back an import that would add no response."""


@dataclass(frozen=True)
class ImportResult:
    import_id: int | None  # None when nothing was added
    wave: str
    rows_read: int
    added: int
    already_stored: int
    quarantined: int
    duplicate_file: dict[str, object] | None = None  # the earlier import of the same file

    def message(self) -> str:
        if self.duplicate_file is not None:
            d = self.duplicate_file
            return (f"already imported: this file is import #{d['id']} (wave {d['wave']!r}, "
                    f"{d['imported_at']:%Y-%m-%d %H:%M}); nothing added")
        if not self.added:
            return (f"nothing added: all {self.already_stored} usable responses are already stored"
                    + (f" ({self.quarantined} rows quarantined)" if self.quarantined else ""))
        extra = f", {self.already_stored} already stored" if self.already_stored else ""
        return (f"import #{self.import_id} into wave {self.wave!r}: {self.added} responses added{extra}, "
                f"{self.quarantined} quarantined ({self.rows_read} rows read)")


class WaveJobs:
    """Importing and reading waves (a part of :class:`~insight.store.Store`)."""

    @progress.staged("importing into the store")
    def import_survey(self, survey: Survey, *, wave: str, file_hash: str, source: str,
                      codeframe: Codeframe | None = None) -> ImportResult:
        """Add a loaded file's new responses and its quarantine to ``wave`` in one transaction.

        A file whose hash is already stored adds nothing; responses already stored (same export id,
        or for exports without ids the same row in the same wave) are skipped. ``codeframe`` adds
        its themes to the catalog (existing entries keep the analysts' decisions).
        """
        wave = wave.strip()
        if not wave:
            raise StoreError("--wave must not be empty")
        if len(wave) > 200:
            raise StoreError(f"--wave is {len(wave)} characters long; at most 200")
        info = survey.info
        r = survey.responses
        ids = r["response_id"].astype(str).tolist()
        too_long = next((i for i in ids if len(i) > t.ID_LENGTH), None)
        if too_long is not None:
            raise StoreError(f"response id {too_long[:40]!r}... is longer than {t.ID_LENGTH} characters")
        generated = info.columns.id is None
        keys = [f"{wave}/{i}" for i in ids] if generated else ids
        try:
            with self._write() as conn:
                earlier = conn.execute(
                    sa.select(t.imports.c.id, t.imports.c.imported_at, t.waves.c.name)
                    .join(t.waves, t.waves.c.id == t.imports.c.wave_id)
                    .where(t.imports.c.file_hash == file_hash)).first()
                if earlier is not None:
                    return ImportResult(None, wave, info.rows_read, 0, len(r), info.rows_quarantined,
                                        {"id": earlier.id, "wave": earlier.name, "imported_at": earlier.imported_at})
                wave_id = self._wave_id(conn, wave)
                import_id = conn.execute(sa.insert(t.imports).values(
                    file_hash=file_hash, source=source, wave_id=wave_id, imported_at=now(), format=info.format,
                    encoding=info.encoding, rows_read=info.rows_read, rows_scored=info.rows_scored,
                    rows_quarantined=info.rows_quarantined, rows_added=0, rows_already_stored=0,
                    columns={**info.columns.as_dict(), "segments": list(info.segments),
                             "kept": [c for c in r.columns if c not in CANONICAL]},
                ).returning(t.imports.c.id)).scalar_one()
                extra = [c for c in r.columns if c not in CANONICAL]  # any of them can be a segment later
                self._insert_responses(conn, r, keys, import_id, wave_id, extra)
                added = conn.execute(sa.select(sa.func.count()).select_from(t.responses)
                                     .where(t.responses.c.import_id == import_id)).scalar_one()
                if added == 0:
                    raise _NothingNew  # leave no trace of the attempt
                self._insert_quarantine(conn, survey.quarantine, import_id)
                conn.execute(sa.update(t.imports).where(t.imports.c.id == import_id)
                             .values(rows_added=added, rows_already_stored=len(r) - added))
                if codeframe is not None:
                    self._register(conn, codeframe)
        except _NothingNew:
            return ImportResult(None, wave, info.rows_read, 0, len(r), info.rows_quarantined)
        self.refresh_statistics()
        return ImportResult(import_id, wave, info.rows_read, added, len(r) - added, info.rows_quarantined)

    def _wave_id(self, conn: Connection, name: str) -> int:
        found = conn.execute(sa.select(t.waves.c.id).where(t.waves.c.name == name)).scalar()
        if found is not None:
            return found
        return conn.execute(sa.insert(t.waves).values(name=name, created_at=now())
                            .returning(t.waves.c.id)).scalar_one()

    def _insert(self, conn: Connection, table: sa.Table):
        if conn.dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import insert
        else:
            from sqlalchemy.dialects.sqlite import insert
        return insert(table).on_conflict_do_nothing(index_elements=["response_key"])

    def _insert_responses(self, conn: Connection, r: pd.DataFrame, keys: list[str], import_id: int, wave_id: int,
                          segments: Sequence[str]) -> None:
        """Insert in chunks (bounded memory); a response whose key is stored already is skipped."""
        stmt = self._insert(conn, t.responses)
        has_dates = bool(r["submitted_at"].notna().any())
        for start in range(0, len(r), CHUNK):
            part = r.iloc[start:start + CHUNK]
            dates = part["submitted_at"]
            when = [None if pd.isna(d) else d.to_pydatetime() for d in dates] if has_dates else [None] * len(part)
            seg_values = [[None if pd.isna(v) else str(v) for v in part[c].tolist()] for c in segments]
            seg_dicts = [dict(zip(segments, vals)) for vals in zip(*seg_values)] if segments else [{}] * len(part)
            rows = [
                {"response_key": k, "response_id": rid, "import_id": import_id, "wave_id": wave_id, "row": int(row),
                 "score": int(score), "comment": comment, "submitted_at": w, "segments": seg}
                for k, rid, row, score, comment, w, seg in zip(
                    keys[start:start + CHUNK], part["response_id"].astype(str).tolist(), part["row"].tolist(),
                    part["score"].tolist(), part["comment"].fillna("").astype(str).tolist(), when, seg_dicts)
            ]
            conn.execute(stmt, rows)

    def _insert_quarantine(self, conn: Connection, q: pd.DataFrame, import_id: int) -> None:
        if q.empty:
            return
        raw_cols = [c for c in q.columns if c not in ("row", "reason")]
        rows = []
        for rec in q.to_dict("records"):
            raw = {c: None if pd.isna(rec[c]) else str(rec[c]) for c in raw_cols if not _blank(rec[c])}
            rows.append({"import_id": import_id, "row": int(rec["row"]) if not pd.isna(rec["row"]) else -1,
                         "reason": str(rec["reason"]), "raw": raw})
        for start in range(0, len(rows), CHUNK):
            conn.execute(sa.insert(t.quarantine), rows[start:start + CHUNK])

    def waves(self) -> list[dict[str, object]]:
        """Waves in survey order (by their earliest response date when every wave has dates, else by creation)."""
        with self._read() as conn:
            rows = conn.execute(
                sa.select(t.waves.c.id, t.waves.c.name, t.waves.c.created_at,
                          sa.func.count(t.responses.c.id).label("n"),
                          sa.func.min(t.responses.c.submitted_at).label("first"),
                          sa.func.max(t.responses.c.submitted_at).label("last"))
                .select_from(t.waves.outerjoin(t.responses, t.responses.c.wave_id == t.waves.c.id))
                .group_by(t.waves.c.id, t.waves.c.name, t.waves.c.created_at)).all()
            imports = dict(conn.execute(sa.select(t.imports.c.wave_id, sa.func.count())
                                        .group_by(t.imports.c.wave_id)).all())
        dated = all(r.first is not None for r in rows)
        rows = sorted(rows, key=lambda r: (r.first, r.created_at, r.id) if dated else (r.created_at, r.id))
        return [{"wave": r.name, "n": int(r.n), "imports": int(imports.get(r.id, 0)),
                 "first": r.first.isoformat() if r.first else None, "last": r.last.isoformat() if r.last else None,
                 "created_at": r.created_at.isoformat()} for r in rows]

    def survey(self, wave: str | None = None, *, only: bool = False) -> Survey:
        """The stored responses of ``wave`` and every earlier one (``only``: of that wave alone).

        ``wave=None`` means the latest. The responses carry a ``wave`` column (an ordered
        categorical in survey order) and their segment columns; ``response_id`` is the store's key.
        """
        order = [w["wave"] for w in self.waves()]
        if not order:
            raise StoreError(f"the store {self.url} holds no responses yet; add a file with `insight import FILE`")
        wave = wave if wave is not None else order[-1]
        if wave not in order:
            raise StoreError(f"no wave {wave!r} in {self.url}; waves: {', '.join(order)}")
        chosen = [wave] if only else order[:order.index(wave) + 1]
        with self._read() as conn:
            ids = dict(conn.execute(sa.select(t.waves.c.name, t.waves.c.id).where(t.waves.c.name.in_(chosen))).all())
            wave_ids = [ids[w] for w in chosen]
            rows = conn.execute(
                sa.select(t.responses.c.response_key, t.responses.c.wave_id, t.responses.c.row,
                          t.responses.c.score, t.responses.c.comment, t.responses.c.submitted_at,
                          t.responses.c.segments)
                .where(t.responses.c.wave_id.in_(wave_ids))
                .order_by(t.responses.c.id)).all()
            q = conn.execute(
                sa.select(t.quarantine.c.row, t.quarantine.c.reason, t.quarantine.c.raw, t.imports.c.wave_id)
                .join(t.imports, t.imports.c.id == t.quarantine.c.import_id)
                .where(t.imports.c.wave_id.in_(wave_ids)).order_by(t.quarantine.c.id)).all()
            n_imports = conn.execute(sa.select(sa.func.count()).select_from(t.imports)
                                     .where(t.imports.c.wave_id.in_(wave_ids))).scalar_one()
        name_of = {v: k for k, v in ids.items()}
        seg_names = list(dict.fromkeys(k for r in rows for k in (r.segments or {})))
        scores = np.array([r.score for r in rows], dtype=np.int64)
        frame = pd.DataFrame({
            "response_id": pd.array([r.response_key for r in rows], dtype="string"),
            "score": scores,
            "category": categorical(scores),
            "comment": pd.array([r.comment for r in rows], dtype="string"),
            "submitted_at": pd.to_datetime(pd.Series([r.submitted_at for r in rows], dtype="object")),
            "row": np.array([r.row for r in rows], dtype=np.int64),
        })
        for name in seg_names:
            frame[name] = pd.array([(r.segments or {}).get(name) for r in rows], dtype="string")
        frame["wave"] = pd.Categorical([name_of[r.wave_id] for r in rows], categories=chosen, ordered=True)
        quarantine = pd.DataFrame({
            "row": pd.array([r.row for r in q], dtype="Int64"),
            "reason": pd.array([r.reason for r in q], dtype="string"),
        })
        for key in dict.fromkeys(k for r in q for k in r.raw):
            quarantine[key] = pd.array([r.raw.get(key) for r in q], dtype="string")
        quarantine["wave"] = pd.array([name_of[r.wave_id] for r in q], dtype="string")  # a wave report shows its own
        info = LoadInfo(
            path=f"{self.url} ({', '.join(chosen)})", format="store", encoding=None, delimiter=None, header_row=0,
            columns=ColumnMap(score="score", comment="comment", date="submitted_at", id="response_id"),
            segments=tuple(seg_names), rows_read=len(frame) + len(quarantine), rows_scored=len(frame),
            rows_quarantined=len(quarantine),
            notes=[f"{n_imports} imports in {len(chosen)} waves from the store {self.url}"],
        )
        return Survey(frame, quarantine, info)

    def history(self, confidence: float = settings.CONFIDENCE, min_n: int = settings.MIN_N) -> list[dict[str, object]]:
        """Each wave's NPS and interval, in survey order."""
        from insight.score.nps import nps_from_counts

        cat = category_case(t.responses.c.score)
        with self._read() as conn:
            counts = conn.execute(sa.select(t.responses.c.wave_id, cat.label("cat"), sa.func.count())
                                  .group_by(t.responses.c.wave_id, cat)).all()
            names = dict(conn.execute(sa.select(t.waves.c.id, t.waves.c.name)).all())
        per: dict[str, list[int]] = {}
        for wave_id, c, n in counts:
            per.setdefault(names[wave_id], [0, 0, 0])[int(c)] += int(n)
        out = []
        for w in self.waves():
            d, pa, p = per.get(str(w["wave"]), [0, 0, 0])
            r = nps_from_counts(p, pa, d, confidence)
            out.append({"wave": w["wave"], "n": r.n, "promoters": r.promoters, "passives": r.passives,
                        "detractors": r.detractors, "nps": number(r.nps), "ci_low": number(r.ci_low),
                        "ci_high": number(r.ci_high), "low_n": r.n < min_n, "first": w["first"], "last": w["last"],
                        "imports": w["imports"]})
        return out


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA or value == ""
