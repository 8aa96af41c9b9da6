"""Waves, imports, responses and the quarantine.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "waves",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(200), nullable=False, unique=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "imports",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("file_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("wave_id", sa.Integer, sa.ForeignKey("waves.id"), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("format", sa.String(20), nullable=False),
        sa.Column("encoding", sa.String(40)),
        sa.Column("rows_read", sa.Integer, nullable=False),
        sa.Column("rows_scored", sa.Integer, nullable=False),
        sa.Column("rows_quarantined", sa.Integer, nullable=False),
        sa.Column("rows_added", sa.Integer, nullable=False),
        sa.Column("rows_already_stored", sa.Integer, nullable=False),
        sa.Column("columns", sa.JSON, nullable=False),
    )
    op.create_index("ix_imports_wave_id", "imports", ["wave_id"])
    op.create_table(
        "responses",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("response_key", sa.String(510), nullable=False, unique=True),
        sa.Column("response_id", sa.String(300), nullable=False),
        sa.Column("import_id", sa.Integer, sa.ForeignKey("imports.id"), nullable=False),
        sa.Column("wave_id", sa.Integer, sa.ForeignKey("waves.id"), nullable=False),
        sa.Column("row", sa.Integer, nullable=False),
        sa.Column("score", sa.SmallInteger, nullable=False),
        sa.Column("comment", sa.Text, nullable=False),
        sa.Column("submitted_at", sa.DateTime),
        sa.Column("segments", sa.JSON, nullable=False),
    )
    op.create_index("ix_responses_import_id", "responses", ["import_id"])
    op.create_index("ix_responses_wave_id", "responses", ["wave_id"])
    op.create_table(
        "quarantine",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("import_id", sa.Integer, sa.ForeignKey("imports.id"), nullable=False),
        sa.Column("row", sa.Integer, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("raw", sa.JSON, nullable=False),
    )
    op.create_index("ix_quarantine_import_id", "quarantine", ["import_id"])


def downgrade() -> None:
    for table in ("quarantine", "responses", "imports", "waves"):
        op.drop_table(table)
