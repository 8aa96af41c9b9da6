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

from insight.store.base import DEFAULT_FILE, DEFAULT_URL, StoreBase, StoreConflict, StoreError, file_sha256
from insight.store.catalog import CatalogJobs
from insight.store.corrections import CorrectionJobs
from insight.store.embeddings import EmbeddingJobs
from insight.store.runs import RunJobs
from insight.store.waves import ImportResult, WaveJobs
from insight.store.workspace import WorkspaceJobs

__all__ = ["DEFAULT_FILE", "DEFAULT_URL", "ImportResult", "Store", "StoreConflict", "StoreError", "file_sha256"]


class Store(WaveJobs, RunJobs, CatalogJobs, CorrectionJobs, EmbeddingJobs, WorkspaceJobs, StoreBase):
    """One database: open it with :meth:`open`, which creates or migrates the schema. Its jobs live in
    their own modules: the connection and migrations (``base``), waves (``waves``), runs (``runs``),
    the theme catalog (``catalog``), analysts' corrections and the models trained from them
    (``corrections``), the semantic tier's embeddings (``embeddings``: a store is an
    embedding cache) and what the workspace reads (``workspace``)."""
