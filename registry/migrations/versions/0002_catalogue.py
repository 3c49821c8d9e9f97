"""The catalogue's search projection: entries, facet values with postings, full-text index

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21 20:51:44.541182

Backward compatibility: only adds tables (and, on SQLite, a trigger on the new entry table);
the previous version never reads them. They are filled from the components there are by the
newest migration that changes the catalogue's tables (0003 now): the projection code of a
release fits only its own schema. ``kataster db reindex`` rebuilds the same content at any
time.

The full-text index is database-specific and no model (``alembic check`` skips it, see
env.py): SQLite gets the FTS5 tables ``catalogue_fts`` (every field) and
``catalogue_fts_short`` (the short fields, for ranking) with a trigger deleting an entry's
rows with it; PostgreSQL gets a table ``catalogue_fts`` with a ``tsvector`` and a GIN index.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_FULL_TEXT = {
    "sqlite": (
        "CREATE VIRTUAL TABLE catalogue_fts USING fts5("
        "name, publisher, features, descriptions, tokenize = 'ascii', prefix = '2 3')",
        "CREATE VIRTUAL TABLE catalogue_fts_short USING fts5("
        "name, publisher, features, tokenize = 'ascii', prefix = '2 3')",
        "CREATE TRIGGER catalogue_entry_fts_delete AFTER DELETE ON catalogue_entry BEGIN "
        "DELETE FROM catalogue_fts WHERE rowid = old.component_id; "
        "DELETE FROM catalogue_fts_short WHERE rowid = old.component_id; END",
    ),
    "postgresql": (
        "CREATE TABLE catalogue_fts ("
        "component_id INTEGER NOT NULL, document TSVECTOR NOT NULL, "
        "CONSTRAINT pk_catalogue_fts PRIMARY KEY (component_id), "
        "CONSTRAINT fk_catalogue_fts_component_id_catalogue_entry FOREIGN KEY (component_id) "
        "REFERENCES catalogue_entry (component_id) ON DELETE CASCADE)",
        "CREATE INDEX ix_catalogue_fts_document ON catalogue_fts USING gin (document)",
    ),
}
_DROP_FULL_TEXT = {
    "sqlite": (
        "DROP TRIGGER catalogue_entry_fts_delete",
        "DROP TABLE catalogue_fts_short",
        "DROP TABLE catalogue_fts",
    ),
    "postgresql": ("DROP TABLE catalogue_fts",),
}


def upgrade() -> None:
    op.create_table(
        "catalogue_facet_value",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("facet", sa.String(length=40), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("postings", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_catalogue_facet_value")),
        sa.UniqueConstraint("facet", "value", name=op.f("uq_catalogue_facet_value_facet_value")),
    )
    op.create_table(
        "catalogue_entry",
        sa.Column("component_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("description_de", sa.Text(), nullable=True),
        sa.Column("description_en", sa.Text(), nullable=True),
        sa.Column("publisher_id", sa.Text(), nullable=False),
        sa.Column("publisher_name", sa.Text(), nullable=False),
        sa.Column("level", sa.Integer(), nullable=True),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.Column("incomplete", sa.Boolean(), nullable=False),
        sa.Column("status", sa.Text(), nullable=True),
        sa.Column(
            "licences", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=False
        ),
        sa.Column(
            "topics", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=False
        ),
        sa.Column("last_change", sa.DateTime(timezone=True), nullable=True),
        sa.Column("logo_url", sa.Text(), nullable=True),
        sa.Column("level_rank", sa.Integer(), nullable=False),
        sa.Column("change_rank", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["component_id"],
            ["component.id"],
            name=op.f("fk_catalogue_entry_component_id_component"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("component_id", name=op.f("pk_catalogue_entry")),
    )
    with op.batch_alter_table("catalogue_entry", schema=None) as batch_op:
        batch_op.create_index(
            "ix_catalogue_entry_change_order", ["change_rank", "component_id"], unique=False
        )
        batch_op.create_index(
            "ix_catalogue_entry_maturity_order",
            ["level_rank", "change_rank", "component_id"],
            unique=False,
        )

    op.create_table(
        "catalogue_facet",
        sa.Column("component_id", sa.Integer(), nullable=False),
        sa.Column("value_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["component_id"],
            ["catalogue_entry.component_id"],
            name=op.f("fk_catalogue_facet_component_id_catalogue_entry"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["value_id"],
            ["catalogue_facet_value.id"],
            name=op.f("fk_catalogue_facet_value_id_catalogue_facet_value"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("component_id", "value_id", name=op.f("pk_catalogue_facet")),
    )
    with op.batch_alter_table("catalogue_facet", schema=None) as batch_op:
        batch_op.create_index(
            "ix_catalogue_facet_value_id_component_id", ["value_id", "component_id"], unique=False
        )

    for statement in _FULL_TEXT[op.get_bind().dialect.name]:
        op.execute(statement)


def downgrade() -> None:
    for statement in _DROP_FULL_TEXT[op.get_bind().dialect.name]:
        op.execute(statement)
    with op.batch_alter_table("catalogue_facet", schema=None) as batch_op:
        batch_op.drop_index("ix_catalogue_facet_value_id_component_id")

    op.drop_table("catalogue_facet")
    with op.batch_alter_table("catalogue_entry", schema=None) as batch_op:
        batch_op.drop_index("ix_catalogue_entry_maturity_order")
        batch_op.drop_index("ix_catalogue_entry_change_order")

    op.drop_table("catalogue_entry")
    op.drop_table("catalogue_facet_value")
