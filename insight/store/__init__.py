"""History: survey waves, their responses and the analysts' theme decisions, in a database.

    store = Store.open("sqlite:///insight.db")        # or postgresql+psycopg://...; INSIGHT_DB
    store.import_survey(load("wave3.csv"), wave="2026-Q3", file_hash=..., source="wave3.csv")
    survey = store.survey(wave="2026-Q3")             # that wave and every earlier one, with a "wave" column
    store.rename("delivery", "Shipping")               # kept for every later report

SQLAlchemy 2 Core with Alembic migrations, applied when a store is opened. An import is one
transaction: it adds all of a file's new responses and its quarantine, or nothing. Imports are
serialised (SQLite: ``BEGIN IMMEDIATE``; PostgreSQL: an advisory lock), so two at once neither
corrupt nor duplicate, and a file - or a response - already stored is not added again.
"""

from __future__ import annotations

import getpass
import hashlib
import math
import os
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from insight import settings
from insight.canonical import CANONICAL, categorical, category_case
from insight.errors import InsightError
from insight.load import LoadInfo, Survey
from insight.load.columns import ColumnMap
from insight.score import json_ready
from insight.store import schema as t
from insight.themes.catalog import CatalogEntry, ThemeCatalog
from insight.themes.codeframe import LABEL_LANGS, Codeframe

__all__ = ["DEFAULT_FILE", "DEFAULT_URL", "ImportResult", "Store", "StoreError", "file_sha256"]

DEFAULT_FILE = "insight.db"  # in the working folder
DEFAULT_URL = f"sqlite:///{DEFAULT_FILE}"
MIGRATIONS = Path(__file__).parent / "migrations"
_WRITE_LOCK = 7262544  # PostgreSQL advisory lock key for imports and catalog changes
_CHUNK = 20_000


class _NothingNew(Exception):
    """Rolls back an import that would add no response."""


class StoreError(InsightError):
    """The database cannot be used, or a request names something it does not hold."""


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


def file_sha256(path: str | os.PathLike[str]) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _now() -> datetime:
    return datetime.now(UTC)


def _actor() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in containers without a passwd entry
        return "unknown"


class Store:
    """One database: open it with :meth:`open`, which creates or migrates the schema."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    # -- opening and migrating -------------------------------------------------------------------

    @classmethod
    def open(cls, url: str | None = None, *, migrate: bool = True) -> Store:
        """Open (and create or upgrade) the store at ``url``; default ``INSIGHT_DB``, else ``sqlite:///insight.db``."""
        url = url or os.environ.get("INSIGHT_DB") or DEFAULT_URL
        try:
            parsed = sa.make_url(url)
        except sa.exc.ArgumentError:
            raise StoreError(f"--db {url!r} is not a database URL (e.g. sqlite:///insight.db, "
                             "postgresql+psycopg://user@host/db)") from None
        if parsed.get_backend_name() not in ("sqlite", "postgresql"):
            raise StoreError(f"--db: {parsed.get_backend_name()!r} databases are not supported; use sqlite or postgresql")
        # no pool: a command holds a connection only while it works, and none outlives the Store
        kwargs: dict[str, object] = {"poolclass": sa.pool.NullPool}
        if parsed.get_backend_name() == "sqlite":
            kwargs["connect_args"] = {"timeout": 300}  # wait for another import rather than fail
            if parsed.database and parsed.database != ":memory:":
                Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        try:
            engine = sa.create_engine(parsed, **kwargs)
        except ImportError as exc:  # the driver is an optional extra
            raise StoreError(f"--db {parsed.render_as_string(hide_password=True)}: {exc}; "
                             "install it with pip install 'nps-insight[postgres]'") from None
        if engine.dialect.name == "sqlite":
            _sqlite_events(engine)
        store = cls(engine)
        if migrate:
            store.upgrade()
        return store

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    def _connect_error(self, exc: Exception) -> StoreError:
        first = str(getattr(exc, "orig", exc)).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return StoreError(f"cannot use the database {self.url}: {first}")

    def _alembic(self, connection: Connection | None = None):
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        cfg.attributes["connection"] = connection
        return cfg

    def revision(self) -> str | None:
        """The schema revision the database is at (``None`` for an empty database)."""
        from alembic.runtime.migration import MigrationContext

        try:
            with self.engine.connect() as conn:
                return MigrationContext.configure(conn).get_current_revision()
        except sa.exc.DBAPIError as exc:
            raise self._connect_error(exc) from None

    def head(self) -> str:
        from alembic.script import ScriptDirectory

        return ScriptDirectory.from_config(self._alembic()).get_current_head()  # the scripts: no database

    def upgrade(self, revision: str = "head") -> None:
        """Migrate the schema to ``revision`` (default: the newest); a no-op when it is there."""
        from alembic import command

        if revision == "head" and self.revision() == self.head():
            return
        with self._write() as conn:
            command.upgrade(self._alembic(conn), revision)

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        """One write transaction, serialised against other writers (SQLite: BEGIN IMMEDIATE;
        PostgreSQL: an advisory lock held until the transaction ends)."""
        try:
            with self.engine.connect() as conn:
                conn.execution_options(write=True)
                with conn.begin():
                    if conn.dialect.name == "postgresql":
                        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_WRITE_LOCK})")
                    yield conn
        except sa.exc.DBAPIError as exc:
            raise self._connect_error(exc) from None

    # -- imports -------------------------------------------------------------------------------------

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
                    file_hash=file_hash, source=source, wave_id=wave_id, imported_at=_now(), format=info.format,
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
        return ImportResult(import_id, wave, info.rows_read, added, len(r) - added, info.rows_quarantined)

    def _wave_id(self, conn: Connection, name: str) -> int:
        found = conn.execute(sa.select(t.waves.c.id).where(t.waves.c.name == name)).scalar()
        if found is not None:
            return found
        return conn.execute(sa.insert(t.waves).values(name=name, created_at=_now())
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
        for start in range(0, len(r), _CHUNK):
            part = r.iloc[start:start + _CHUNK]
            dates = part["submitted_at"]
            when = [None if pd.isna(d) else d.to_pydatetime() for d in dates] if has_dates else [None] * len(part)
            seg_values = [[None if pd.isna(v) else str(v) for v in part[c].tolist()] for c in segments]
            seg_dicts = [dict(zip(segments, vals)) for vals in zip(*seg_values)] if segments else [{}] * len(part)
            rows = [
                {"response_key": k, "response_id": rid, "import_id": import_id, "wave_id": wave_id, "row": int(row),
                 "score": int(score), "comment": comment, "submitted_at": w, "segments": seg}
                for k, rid, row, score, comment, w, seg in zip(
                    keys[start:start + _CHUNK], part["response_id"].astype(str).tolist(), part["row"].tolist(),
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
        for start in range(0, len(rows), _CHUNK):
            conn.execute(sa.insert(t.quarantine), rows[start:start + _CHUNK])

    # -- reading ---------------------------------------------------------------------------------------

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

    def _read(self):
        try:
            return self.engine.connect()
        except sa.exc.DBAPIError as exc:
            raise self._connect_error(exc) from None

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
                        "detractors": r.detractors, "nps": _num(r.nps), "ci_low": _num(r.ci_low),
                        "ci_high": _num(r.ci_high), "low_n": r.n < min_n, "first": w["first"], "last": w["last"],
                        "imports": w["imports"]})
        return out

    # -- runs --------------------------------------------------------------------------------------------

    def record_run(self, results, wave: str | None) -> int:
        """Record an analysis of stored responses: its settings and the mentions it found (as tagged)."""
        cf = results.codeframe
        with self._write() as conn:
            wave_id = conn.execute(sa.select(t.waves.c.id).where(t.waves.c.name == wave)).scalar() if wave else None
            run_id = conn.execute(sa.insert(t.runs).values(
                started_at=_now(), wave_id=wave_id, codeframe=f"{cf.name} {cf.version}",
                codeframe_hash=_codeframe_hash(cf), model=results.settings.get("model"),
                settings=json_ready(results.settings), responses=int(results.nps["n"]),
                nps=_num(results.nps["nps"])).returning(t.runs.c.id)).scalar_one()
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
                         "source": str(s), "confidence": _num(c), "evidence": str(e)[:1000]}
                        for k, th, p, s, c, e in zip(keys, raw["theme_id"], raw["polarity"], raw["source"],
                                                     raw["confidence"], raw["evidence"]) if k in key_to_id]
                for start in range(0, len(rows), _CHUNK):
                    conn.execute(sa.insert(t.mentions), rows[start:start + _CHUNK])
        return run_id

    def runs(self) -> list[dict[str, object]]:
        with self._read() as conn:
            rows = conn.execute(sa.select(t.runs).order_by(t.runs.c.id)).mappings().all()
        return [dict(r) for r in rows]

    # -- the theme catalog ---------------------------------------------------------------------------------

    def register_themes(self, codeframe: Codeframe) -> int:
        """Add the codeframe's themes that the catalog lacks; refresh labels an analyst did not set."""
        with self._write() as conn:
            return self._register(conn, codeframe)

    def _register(self, conn: Connection, codeframe: Codeframe) -> int:
        existing = {r.theme_id: r for r in conn.execute(sa.select(t.themes.c.theme_id, t.themes.c.labels,
                                                                  t.themes.c.renamed))}
        added = 0
        now = _now()
        for theme in codeframe.themes:
            labels = {lang: theme.label_in(lang) for lang in LABEL_LANGS}
            row = existing.get(theme.id)
            if row is None:
                conn.execute(sa.insert(t.themes).values(
                    theme_id=theme.id, parent=theme.parent, labels=labels, renamed=[], status="new",
                    origin=f"{codeframe.name} {codeframe.version}", created_at=now, updated_at=now))
                conn.execute(sa.insert(t.theme_events).values(
                    theme_id=theme.id, at=now, action="created", new=labels["en"],
                    actor=f"codeframe {codeframe.name}"))
                added += 1
                continue
            kept = {lang: row.labels.get(lang) for lang in row.renamed}
            merged = {**labels, **{k: v for k, v in kept.items() if v}}
            if merged != row.labels:
                conn.execute(sa.update(t.themes).where(t.themes.c.theme_id == theme.id).values(labels=merged))
        return added

    def catalog(self) -> ThemeCatalog:
        with self._read() as conn:
            rows = conn.execute(sa.select(t.themes)).mappings().all()
        return ThemeCatalog({r["theme_id"]: CatalogEntry(
            r["theme_id"], dict(r["labels"]), tuple(r["renamed"]), r["status"], r["owner"], r["note"],
            r["merged_into"]) for r in rows})

    def themes(self) -> list[dict[str, object]]:
        """The catalog, one dict per theme, in id order, with mentions in the latest run."""
        with self._read() as conn:
            rows = conn.execute(sa.select(t.themes).order_by(t.themes.c.theme_id)).mappings().all()
            last = conn.execute(sa.select(sa.func.max(t.runs.c.id))).scalar()
            counts = dict(conn.execute(
                sa.select(t.mentions.c.theme_id, sa.func.count(sa.distinct(t.mentions.c.response_id)))
                .where(t.mentions.c.run_id == last).group_by(t.mentions.c.theme_id)).all()) if last else {}
        catalog = ThemeCatalog({r["theme_id"]: CatalogEntry(r["theme_id"], dict(r["labels"]), merged_into=r["merged_into"])
                                for r in rows})
        combined: dict[str, int] = {}
        for tid, n in counts.items():
            combined[catalog.target(tid)] = combined.get(catalog.target(tid), 0) + int(n)
        return [{**{k: r[k] for k in ("theme_id", "parent", "status", "owner", "note", "merged_into", "origin")},
                 "label": r["labels"].get("en") or r["theme_id"], "labels": dict(r["labels"]),
                 "renamed": list(r["renamed"]), "mentions_last_run": combined.get(r["theme_id"], 0) if not r["merged_into"] else 0,
                 "updated_at": r["updated_at"].isoformat()} for r in rows]

    def theme(self, theme_id: str) -> dict[str, object]:
        """One theme with its history - merged themes' history included."""
        entry = next((r for r in self.themes() if r["theme_id"] == theme_id), None)
        if entry is None:
            raise self._unknown(theme_id)
        catalog = self.catalog()
        family = [tid for tid in catalog.entries if catalog.target(tid) == theme_id]
        with self._read() as conn:
            events = conn.execute(sa.select(t.theme_events).where(t.theme_events.c.theme_id.in_(family))
                                  .order_by(t.theme_events.c.at, t.theme_events.c.id)).mappings().all()
            waves = conn.execute(
                sa.select(t.waves.c.name, sa.func.count(sa.distinct(t.mentions.c.response_id)))
                .select_from(t.mentions.join(t.responses, t.responses.c.id == t.mentions.c.response_id)
                             .join(t.waves, t.waves.c.id == t.responses.c.wave_id))
                .where(t.mentions.c.run_id == sa.select(sa.func.max(t.runs.c.id)).scalar_subquery(),
                       t.mentions.c.theme_id.in_(family))
                .group_by(t.waves.c.name)).all()
        entry["merged_from"] = sorted(tid for tid in family if tid != theme_id)
        entry["history"] = [{"theme_id": e["theme_id"], "at": e["at"].isoformat(), "action": e["action"],
                             "old": e["old"], "new": e["new"], "actor": e["actor"]} for e in events]
        entry["mentions_by_wave"] = dict(waves)
        return entry

    def _unknown(self, theme_id: str) -> StoreError:
        known = [r["theme_id"] for r in self.themes()]
        hint = ", ".join(k for k in known if theme_id.split(".")[0] in k)[:200] or ", ".join(known[:12])
        if not known:
            return StoreError(f"the theme catalog of {self.url} is empty; `insight import` or `insight report --db` fills it")
        return StoreError(f"no theme {theme_id!r} in the catalog; known: {hint}")

    def _change(self, theme_id: str, action: str, values: dict[str, object], old: object, new: object) -> None:
        with self._write() as conn:
            found = conn.execute(sa.select(t.themes.c.theme_id).where(t.themes.c.theme_id == theme_id)).scalar()
            if found is None:
                raise self._unknown(theme_id)
            conn.execute(sa.update(t.themes).where(t.themes.c.theme_id == theme_id)
                         .values(**values, updated_at=_now()))
            conn.execute(sa.insert(t.theme_events).values(
                theme_id=theme_id, at=_now(), action=action, old=None if old is None else str(old),
                new=None if new is None else str(new), actor=_actor()))

    def _get(self, theme_id: str) -> dict[str, object]:
        with self._read() as conn:
            row = conn.execute(sa.select(t.themes).where(t.themes.c.theme_id == theme_id)).mappings().first()
        if row is None:
            raise self._unknown(theme_id)
        return dict(row)

    def rename(self, theme_id: str, label: str, lang: str = "en") -> None:
        label = label.strip()
        if not label:
            raise StoreError("a theme label must not be empty")
        if lang not in LABEL_LANGS:
            raise StoreError(f"--lang {lang!r}: use one of {', '.join(LABEL_LANGS)}")
        row = self._get(theme_id)
        labels = {**row["labels"], lang: label}
        renamed = sorted({*row["renamed"], lang})
        self._change(theme_id, "rename", {"labels": labels, "renamed": renamed},
                     f"{lang}: {row['labels'].get(lang)}", f"{lang}: {label}")

    def merge(self, sources: Iterable[str], into: str) -> None:
        """Merge themes into ``into``: their mentions count towards it in every later report.

        Merging into a theme that was itself merged goes to the end of its chain, so no cycle can form.
        """
        catalog = self.catalog()
        if into not in catalog.entries:
            raise self._unknown(into)
        target = catalog.target(into)
        sources = list(dict.fromkeys(sources))
        for source in sources:
            if source not in catalog.entries:
                raise self._unknown(source)
            if source == target:
                why = "a theme cannot be merged into itself" if source == into else f"{into!r} is merged into {source!r}"
                raise StoreError(f"cannot merge {source!r} into {into!r}: {why}")
            if catalog.entries[source].merged_into and catalog.target(source) == target:
                raise StoreError(f"{source!r} is already merged into {target!r}")
        for source in sources:
            self._change(source, "merge", {"merged_into": target}, catalog.entries[source].merged_into, target)
            self._change(target, "absorb", {}, None, source)

    def unmerge(self, theme_id: str) -> None:
        row = self._get(theme_id)
        if not row["merged_into"]:
            raise StoreError(f"{theme_id!r} is not merged into another theme")
        self._change(theme_id, "unmerge", {"merged_into": None}, row["merged_into"], None)

    def set_status(self, theme_id: str, status: str) -> None:
        status = t.normalize_status(status)
        if status not in t.STATUSES:
            raise StoreError(f"unknown status {status!r}: use one of {', '.join(t.STATUSES)}")
        row = self._get(theme_id)
        self._change(theme_id, "status", {"status": status}, row["status"], status)

    def assign(self, theme_id: str, owner: str | None) -> None:
        owner = (owner or "").strip() or None
        row = self._get(theme_id)
        self._change(theme_id, "assign", {"owner": owner}, row["owner"], owner)

    def set_note(self, theme_id: str, note: str) -> None:
        row = self._get(theme_id)
        self._change(theme_id, "note", {"note": note.strip() or None}, row["note"], note.strip() or None)


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA or value == ""


def _num(value: object) -> float | None:
    if value is None:
        return None
    value = float(value)  # type: ignore[arg-type]
    return None if math.isnan(value) else value


def _codeframe_hash(cf: Codeframe) -> str:
    text = repr([(th.id, th.parent, sorted(th.patterns.items()), sorted(th.exclude.items()))
                 + ((sorted(th.context.items()),) if th.context else ()) for th in cf.themes])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _sqlite_events(engine: Engine) -> None:
    """SQLite: foreign keys on, WAL journal, and BEGIN IMMEDIATE so writers queue instead of deadlocking."""

    @sa.event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None  # let SQLAlchemy's BEGIN below be the only one
        cur = dbapi_connection.cursor()
        cur.execute("PRAGMA foreign_keys = ON")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = NORMAL")
        cur.close()

    @sa.event.listens_for(engine, "begin")
    def _begin(conn) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("write") else "BEGIN")
