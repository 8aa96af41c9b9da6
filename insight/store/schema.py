"""The store's tables (SQLAlchemy Core). Alembic migrations in ``migrations/versions`` create them.

A test compares this metadata with the migrated schema, so the two cannot drift apart.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    SmallInteger,
    String,
    Table,
    Text,
)

metadata = MetaData()

ID_LENGTH = 300  # response ids and theme ids; longer ones are refused on import

waves = Table(
    "waves", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(200), nullable=False, unique=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

imports = Table(
    "imports", metadata,
    Column("id", Integer, primary_key=True),
    Column("file_hash", String(64), nullable=False, unique=True),  # sha256 of the file's bytes
    Column("source", Text, nullable=False),
    Column("wave_id", Integer, ForeignKey("waves.id"), nullable=False, index=True),
    Column("imported_at", DateTime(timezone=True), nullable=False),
    Column("format", String(20), nullable=False),
    Column("encoding", String(40)),
    Column("rows_read", Integer, nullable=False),
    Column("rows_scored", Integer, nullable=False),
    Column("rows_quarantined", Integer, nullable=False),
    Column("rows_added", Integer, nullable=False),
    Column("rows_already_stored", Integer, nullable=False),
    Column("columns", JSON, nullable=False),  # the column map and segment columns
)

responses = Table(
    "responses", metadata,
    Column("id", Integer, primary_key=True),
    # The export's own id, or "<wave>/<row hash>" for a generated one: identical rows of two
    # waves are two answers, identical rows imported twice into one wave are one.
    Column("response_key", String(ID_LENGTH + 210), nullable=False, unique=True),
    Column("response_id", String(ID_LENGTH), nullable=False),
    Column("import_id", Integer, ForeignKey("imports.id"), nullable=False, index=True),
    Column("wave_id", Integer, ForeignKey("waves.id"), nullable=False, index=True),
    Column("row", Integer, nullable=False),
    Column("score", SmallInteger, nullable=False),
    Column("comment", Text, nullable=False),
    Column("submitted_at", DateTime),
    Column("segments", JSON, nullable=False),
)

quarantine = Table(
    "quarantine", metadata,
    Column("id", Integer, primary_key=True),
    Column("import_id", Integer, ForeignKey("imports.id"), nullable=False, index=True),
    Column("row", Integer, nullable=False),
    Column("reason", Text, nullable=False),
    Column("raw", JSON, nullable=False),
)

# -- revision 0002: the theme catalog, its history, and analysis runs with their mentions ----------

themes = Table(
    "themes", metadata,
    Column("theme_id", String(ID_LENGTH), primary_key=True),
    Column("parent", String(ID_LENGTH)),
    Column("labels", JSON, nullable=False),  # {en, zh-Hans, zh-Hant, ru}: the codeframe's, or an analyst's rename
    Column("renamed", JSON, nullable=False),  # languages whose label an analyst set (kept over the codeframe's)
    Column("status", String(20), nullable=False),
    Column("owner", String(200)),
    Column("note", Text),
    Column("merged_into", String(ID_LENGTH), ForeignKey("themes.theme_id")),
    Column("origin", String(200), nullable=False),  # codeframe name it first came from
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

theme_events = Table(
    "theme_events", metadata,
    Column("id", Integer, primary_key=True),
    Column("theme_id", String(ID_LENGTH), ForeignKey("themes.theme_id"), nullable=False, index=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("action", String(20), nullable=False),
    Column("old", Text),
    Column("new", Text),
    Column("actor", String(200)),
)

runs = Table(
    "runs", metadata,
    Column("id", Integer, primary_key=True),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("wave_id", Integer, ForeignKey("waves.id")),
    Column("codeframe", String(200), nullable=False),
    Column("codeframe_hash", String(64), nullable=False),
    Column("model", Text),
    Column("settings", JSON, nullable=False),
    Column("responses", Integer, nullable=False),
    Column("nps", Float),
)

mentions = Table(
    "mentions", metadata,
    Column("id", Integer, primary_key=True),
    Column("run_id", Integer, ForeignKey("runs.id", ondelete="CASCADE"), nullable=False),
    Column("response_id", Integer, ForeignKey("responses.id"), nullable=False),
    Column("theme_id", String(ID_LENGTH), nullable=False),  # as reported: merges applied
    Column("polarity", SmallInteger, nullable=False),
    Column("source", String(20), nullable=False),
    Column("confidence", Float),
    Column("evidence", Text),
    Index("ix_mentions_run_theme", "run_id", "theme_id"),
    # revision 0004: a theme's responses in a run from the index alone (the workspace's verbatims)
    Index("ix_mentions_run_theme_response", "run_id", "theme_id", "response_id"),
)

STATUSES = ("new", "confirmed", "in progress", "resolved", "ignored")


def normalize_status(text: str) -> str:
    """A status as typed ("In-Progress", "in_progress") in its stored form ("in progress")."""
    return text.strip().lower().replace("_", " ").replace("-", " ")


# the semantic tier's embeddings (insight.text.embed): float32 vectors by (model id, 16-byte text hash)
embeddings = Table(
    "embeddings", metadata,
    Column("model", String(100), primary_key=True),
    Column("text_key", LargeBinary(16), primary_key=True),
    Column("vector", LargeBinary, nullable=False),
)

# -- revision 0005: analysts' corrections of a run's themes, and the theme models trained from them ----

corrections = Table(
    "corrections", metadata,
    Column("id", Integer, primary_key=True),
    Column("response_id", Integer, ForeignKey("responses.id"), nullable=False, index=True),
    Column("theme_id", String(ID_LENGTH), nullable=False),
    Column("action", String(10), nullable=False),  # "add" (with a polarity) or "remove"
    Column("polarity", SmallInteger),
    Column("run_id", Integer, ForeignKey("runs.id", ondelete="SET NULL")),  # the reading that was corrected
    Column("against", Text, nullable=False),  # what made that reading: "rules <codeframe>" or "model <name> <vN>"
    Column("actor", String(200), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
)

models = Table(
    "models", metadata,
    Column("id", Integer, primary_key=True),
    Column("path", Text, nullable=False),  # the model's version folder (models/NAME/vN)
    Column("name", String(200), nullable=False),
    Column("version", String(20), nullable=False),
    Column("codeframe", String(200), nullable=False),
    Column("status", String(20), nullable=False),  # candidate, active, retired, rejected
    Column("evaluation", JSON, nullable=False),  # the new and the previous reading on the held-back corrections
    Column("trained_by", String(200), nullable=False),
    Column("trained_at", DateTime(timezone=True), nullable=False),
    Column("decided_by", String(200)),
    Column("decided_at", DateTime(timezone=True)),
)

MODEL_STATUSES = ("candidate", "active", "retired", "rejected")
