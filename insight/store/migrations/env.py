"""Alembic environment: runs on the connection :mod:`insight.store` hands over (no alembic.ini)."""

from __future__ import annotations

from alembic import context

from insight.store.schema import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    if connection.dialect.name == "postgresql":  # one migrator at a time; the lock ends with the transaction
        connection.exec_driver_sql("SELECT pg_advisory_xact_lock(7262543)")
    context.run_migrations()
