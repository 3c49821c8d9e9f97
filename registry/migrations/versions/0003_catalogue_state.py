"""The catalogue projection's version, its term postings, PostgreSQL's short vector, the fill

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-21 23:50:00.000000

Backward compatibility: only adds tables (and on PostgreSQL two columns with defaults and a
GIN index, to ``catalogue_fts``), which the previous version never reads. The upgrade then builds the catalogue's projection from the components there are, in the same
transaction (about a second per thousand components), with the projection code of the release
that brings this migration (it moved here from 0002: that code now also writes this table).
Should a later migration change the catalogue's tables, the fill must move on to it again.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "catalogue_state",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("version", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_catalogue_state")),
    )
    op.create_table(
        "catalogue_term",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("field", sa.String(length=40), nullable=False),
        sa.Column(
            "term", sa.Text().with_variant(sa.Text(collation="C"), "postgresql"), nullable=False
        ),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("postings", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_catalogue_term")),
        sa.UniqueConstraint("field", "term", name=op.f("uq_catalogue_term_field_term")),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "ALTER TABLE catalogue_fts "
            "ADD COLUMN short_document TSVECTOR NOT NULL DEFAULT CAST('' AS tsvector), "
            "ADD COLUMN streams TEXT NOT NULL DEFAULT ''"
        )
        op.execute(
            "CREATE INDEX ix_catalogue_fts_short_document ON catalogue_fts "
            "USING gin (short_document)"
        )
    _fill()


def _fill() -> None:
    """Project the components there are (a new database has none)."""
    connection = op.get_bind()
    if not connection.execute(sa.text("SELECT count(*) FROM component")).scalar():
        return
    from registry.catalogue.projection import rebuild_all  # only on a database with data

    with Session(bind=connection) as session:  # joins the migration's transaction
        rebuild_all(session)
        session.flush()


def downgrade() -> None:
    op.drop_table("catalogue_term")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX ix_catalogue_fts_short_document")
        op.execute("ALTER TABLE catalogue_fts DROP COLUMN short_document, DROP COLUMN streams")
    op.drop_table("catalogue_state")
