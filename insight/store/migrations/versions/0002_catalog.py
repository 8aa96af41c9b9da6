"""The theme catalog and its history; analysis runs and the mentions they found.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "themes",
        sa.Column("theme_id", sa.String(300), primary_key=True),
        sa.Column("parent", sa.String(300)),
        sa.Column("labels", sa.JSON, nullable=False),
        sa.Column("renamed", sa.JSON, nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("owner", sa.String(200)),
        sa.Column("note", sa.Text),
        sa.Column("merged_into", sa.String(300), sa.ForeignKey("themes.theme_id")),
        sa.Column("origin", sa.String(200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "theme_events",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("theme_id", sa.String(300), sa.ForeignKey("themes.theme_id"), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("old", sa.Text),
        sa.Column("new", sa.Text),
        sa.Column("actor", sa.String(200)),
    )
    op.create_index("ix_theme_events_theme_id", "theme_events", ["theme_id"])
    op.create_table(
        "runs",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("wave_id", sa.Integer, sa.ForeignKey("waves.id")),
        sa.Column("codeframe", sa.String(200), nullable=False),
        sa.Column("codeframe_hash", sa.String(64), nullable=False),
        sa.Column("model", sa.Text),
        sa.Column("settings", sa.JSON, nullable=False),
        sa.Column("responses", sa.Integer, nullable=False),
        sa.Column("nps", sa.Float),
    )
    op.create_table(
        "mentions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("run_id", sa.Integer, sa.ForeignKey("runs.id", ondelete="CASCADE"), nullable=False),
        sa.Column("response_id", sa.Integer, sa.ForeignKey("responses.id"), nullable=False),
        sa.Column("theme_id", sa.String(300), nullable=False),
        sa.Column("polarity", sa.SmallInteger, nullable=False),
        sa.Column("source", sa.String(20), nullable=False),
        sa.Column("confidence", sa.Float),
        sa.Column("evidence", sa.Text),
    )
    op.create_index("ix_mentions_run_theme", "mentions", ["run_id", "theme_id"])


def downgrade() -> None:
    for table in ("mentions", "runs", "theme_events", "themes"):
        op.drop_table(table)
