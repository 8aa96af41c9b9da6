"""The store's database: opening it (creating or migrating its schema) and the transactions every job
of the store writes and reads in."""

from __future__ import annotations

import getpass
import hashlib
import math
import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Self

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from insight.errors import InsightError

DEFAULT_FILE = "insight.db"  # in the working folder
DEFAULT_URL = f"sqlite:///{DEFAULT_FILE}"
MIGRATIONS = Path(__file__).parent / "migrations"
WRITE_LOCK = 7262544  # PostgreSQL advisory lock key for imports and catalog changes
CHUNK = 20_000  # rows inserted at once


class StoreError(InsightError):
    """The database cannot be used, or a request names something it does not hold. The message is the
    English one the command line prints; ``key`` (with ``params``) names it among the workspace's
    strings (:mod:`insight.serve.strings`), so a page says it in the workspace's language."""

    def __init__(self, message: str, key: str | None = None, **params: object) -> None:
        super().__init__(message)
        self.key, self.params = key, params


class StoreConflict(StoreError):
    """A change refused because another was made to the same thing since it was read."""


def file_sha256(path: str | os.PathLike[str]) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def now() -> datetime:
    return datetime.now(UTC)


def actor() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in containers without a passwd entry
        return "unknown"


def number(value: object) -> float | None:
    if value is None:
        return None
    value = float(value)  # type: ignore[arg-type]
    return None if math.isnan(value) else value


class StoreBase:
    """One database: open it with :meth:`open`, which creates or migrates the schema."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @classmethod
    def open(cls, url: str | None = None, *, migrate: bool = True) -> Self:
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
        self.refresh_statistics()

    def refresh_statistics(self) -> None:
        """Let SQLite's planner know the tables' sizes (a sampled ANALYZE: milliseconds at 1M responses);
        without them it reads a theme's every mention for a page of 50 (200 ms instead of 1 ms).
        PostgreSQL keeps its own statistics."""
        if self.engine.dialect.name != "sqlite":
            return
        with self._write() as conn:
            conn.exec_driver_sql("PRAGMA analysis_limit = 1000")
            conn.exec_driver_sql("ANALYZE")

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        """One write transaction, serialised against other writers (SQLite: BEGIN IMMEDIATE;
        PostgreSQL: an advisory lock held until the transaction ends)."""
        try:
            with self.engine.connect() as conn:
                conn.execution_options(write=True)
                with conn.begin():
                    if conn.dialect.name == "postgresql":
                        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK})")
                    yield conn
        except sa.exc.DBAPIError as exc:
            raise self._connect_error(exc) from None

    def _read(self):
        try:
            return self.engine.connect()
        except sa.exc.DBAPIError as exc:
            raise self._connect_error(exc) from None


def _fold(text: str | None) -> str | None:
    """Text as a case-insensitive search compares it (any script's case)."""
    return None if text is None else text.casefold()


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
        # SQLite's lower() folds ASCII only: searches of Russian or accented text use this
        dbapi_connection.create_function("insight_fold", 1, _fold, deterministic=True)

    @sa.event.listens_for(engine, "begin")
    def _begin(conn) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("write") else "BEGIN")
