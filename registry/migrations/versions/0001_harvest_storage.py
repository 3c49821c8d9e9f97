"""Publishers, components, harvests and the change journal

Revision ID: 0001
Revises:
Create Date: 2026-11-21 19:04:45.309466

Backward compatibility: the first migration; it only creates tables, so nothing earlier can
break.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "harvest_run",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("sources", sa.Text(), nullable=True),
        sa.Column("harvester_version", sa.String(length=40), nullable=False),
        sa.Column("new", sa.Integer(), nullable=False),
        sa.Column("changed", sa.Integer(), nullable=False),
        sa.Column("unchanged", sa.Integer(), nullable=False),
        sa.Column("failed", sa.Integer(), nullable=False),
        sa.Column("dry_run", sa.Boolean(), nullable=False),
        sa.Column(
            "status",
            sa.Enum("running", "finished", name="runstatus", native_enum=False, length=40),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_harvest_run")),
    )
    op.create_table(
        "publisher",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("round", sa.Integer(), nullable=True),
        sa.Column("category", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_publisher")),
    )
    op.create_table(
        "code_hosting",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("publisher_id", sa.Text(), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("group", sa.Boolean(), nullable=False),
        sa.Column("driver", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["publisher_id"],
            ["publisher.id"],
            name=op.f("fk_code_hosting_publisher_id_publisher"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_code_hosting")),
    )
    op.create_table(
        "component",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("canonical_url", sa.Text(), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("publisher_id", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("incomplete", sa.Boolean(), nullable=False),
        sa.Column("archived", sa.Boolean(), nullable=True),
        sa.Column("fork", sa.Boolean(), nullable=True),
        sa.Column("parent_url", sa.Text(), nullable=True),
        sa.Column("mirror", sa.Boolean(), nullable=True),
        sa.Column("single_commit_snapshot", sa.Boolean(), nullable=False),
        sa.Column("declared_url", sa.Text(), nullable=True),
        sa.Column("current_harvest_id", sa.Integer(), nullable=True),
        sa.Column("last_attempt_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column(
            "last_attempt_status",
            sa.Enum(
                "ok", "unchanged", "failed", name="harveststatus", native_enum=False, length=40
            ),
            nullable=True,
        ),
        sa.Column("last_failure", sa.Text(), nullable=True),
        sa.Column("last_serial", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["publisher_id"], ["publisher.id"], name=op.f("fk_component_publisher_id_publisher")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_component")),
        sa.UniqueConstraint("canonical_url", name=op.f("uq_component_canonical_url")),
    )
    with op.batch_alter_table("component", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_component_declared_url"), ["declared_url"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_component_publisher_id"), ["publisher_id"], unique=False
        )

    op.create_table(
        "member",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("publisher_id", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("ags", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["publisher_id"],
            ["publisher.id"],
            name=op.f("fk_member_publisher_id_publisher"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_member")),
    )
    op.create_table(
        "component_alias",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("component_id", sa.Integer(), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("raw_url", sa.Text(), nullable=False),
        sa.Column(
            "reason",
            sa.Enum(
                "listed",
                "mirror",
                "renamed",
                "fork",
                name="aliasreason",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["component_id"],
            ["component.id"],
            name=op.f("fk_component_alias_component_id_component"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_component_alias")),
        sa.UniqueConstraint("url", name=op.f("uq_component_alias_url")),
    )
    with op.batch_alter_table("component_alias", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_component_alias_component_id"), ["component_id"], unique=False
        )

    op.create_table(
        "journal_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("component_id", sa.Integer(), nullable=True),
        sa.Column("publisher_id", sa.Text(), nullable=True),
        sa.Column("details", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["component_id"],
            ["component.id"],
            name=op.f("fk_journal_entry_component_id_component"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["publisher_id"],
            ["publisher.id"],
            name=op.f("fk_journal_entry_publisher_id_publisher"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_journal_entry")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("journal_entry", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_journal_entry_component_id"), ["component_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_journal_entry_publisher_id"), ["publisher_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_journal_entry_submitted_at"), ["submitted_at"], unique=False
        )

    op.create_table(
        "release",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("component_id", sa.Integer(), nullable=False),
        sa.Column("tag", sa.Text(), nullable=False),
        sa.Column("commit", sa.String(length=64), nullable=True),
        sa.Column("date", sa.DateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Text(), nullable=False),
        sa.Column(
            "scheme",
            sa.Enum(
                "pep440",
                "semver",
                "calver",
                "raw",
                name="versionscheme",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("name", sa.Text(), nullable=True),
        sa.Column("from_tag", sa.Boolean(), nullable=False),
        sa.Column("from_forge", sa.Boolean(), nullable=False),
        sa.Column("has_notes", sa.Boolean(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["component_id"],
            ["component.id"],
            name=op.f("fk_release_component_id_component"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_release")),
        sa.UniqueConstraint("component_id", "tag", name=op.f("uq_release_component_id_tag")),
    )
    op.create_table(
        "repository_harvest",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("component_id", sa.Integer(), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("source_url", sa.Text(), nullable=False),
        sa.Column("commit", sa.String(length=64), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "ok", "unchanged", "failed", name="harveststatus", native_enum=False, length=40
            ),
            nullable=False,
        ),
        sa.Column("failure", sa.Text(), nullable=True),
        sa.Column("harvested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("harvester_version", sa.String(length=40), nullable=False),
        sa.Column("model_version", sa.String(length=40), nullable=True),
        sa.Column("declared_url", sa.Text(), nullable=True),
        sa.Column("name", sa.Text(), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("incomplete", sa.Boolean(), nullable=False),
        sa.Column("publiccode_path", sa.Text(), nullable=True),
        sa.Column("publiccode_raw", sa.Text(), nullable=True),
        sa.Column(
            "publiccode_document",
            sa.JSON().with_variant(postgresql.JSONB(), "postgresql"),
            nullable=True,
        ),
        sa.Column("publiccode_valid", sa.Boolean(), nullable=True),
        sa.Column(
            "inspection", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=True
        ),
        sa.Column(
            "history", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=True
        ),
        sa.Column(
            "licences", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=True
        ),
        sa.Column(
            "health", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=True
        ),
        sa.Column("forge", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=True),
        sa.Column("maturity_level", sa.Integer(), nullable=True),
        sa.Column("archived", sa.Boolean(), nullable=True),
        sa.Column("capped_by_licence", sa.Boolean(), nullable=True),
        sa.Column(
            "blocking", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=True
        ),
        sa.Column("single_commit_snapshot", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["component_id"],
            ["component.id"],
            name=op.f("fk_repository_harvest_component_id_component"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["run_id"], ["harvest_run.id"], name=op.f("fk_repository_harvest_run_id_harvest_run")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_repository_harvest")),
    )
    with op.batch_alter_table("repository_harvest", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_repository_harvest_component_id"), ["component_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_repository_harvest_run_id"), ["run_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_repository_harvest_url"), ["url"], unique=False)

    # component and repository_harvest refer to each other: this key comes second
    with op.batch_alter_table("component", schema=None) as batch_op:
        batch_op.create_foreign_key(
            batch_op.f("fk_component_current_harvest_id_repository_harvest"),
            "repository_harvest",
            ["current_harvest_id"],
            ["id"],
            ondelete="SET NULL",
        )

    op.create_table(
        "check_result",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("harvest_id", sa.Integer(), nullable=False),
        sa.Column("check_id", sa.String(length=40), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column(
            "outcome",
            sa.Enum(
                "pass",
                "fail",
                "unknown",
                "not_applicable",
                name="checkoutcome",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("value", sa.Text(), nullable=True),
        sa.Column("threshold", sa.Text(), nullable=True),
        sa.Column("reason_de", sa.Text(), nullable=False),
        sa.Column("reason_en", sa.Text(), nullable=False),
        sa.Column(
            "evidence", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=False
        ),
        sa.Column("model_version", sa.String(length=40), nullable=False),
        sa.Column("commit", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["harvest_id"],
            ["repository_harvest.id"],
            name=op.f("fk_check_result_harvest_id_repository_harvest"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_check_result")),
    )
    with op.batch_alter_table("check_result", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_check_result_harvest_id"), ["harvest_id"], unique=False
        )

    op.create_table(
        "finding",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("harvest_id", sa.Integer(), nullable=False),
        sa.Column(
            "origin",
            sa.Enum("publiccode", "licence", name="findingorigin", native_enum=False, length=40),
            nullable=False,
        ),
        sa.Column("type", sa.String(length=40), nullable=False),
        sa.Column("severity", sa.String(length=40), nullable=True),
        sa.Column("code", sa.Text(), nullable=True),
        sa.Column("key", sa.Text(), nullable=True),
        sa.Column("path", sa.Text(), nullable=True),
        sa.Column("line", sa.Integer(), nullable=True),
        sa.Column("column", sa.Integer(), nullable=True),
        sa.Column("message_de", sa.Text(), nullable=True),
        sa.Column("message_en", sa.Text(), nullable=True),
        sa.Column(
            "licences", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=True
        ),
        sa.ForeignKeyConstraint(
            ["harvest_id"],
            ["repository_harvest.id"],
            name=op.f("fk_finding_harvest_id_repository_harvest"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_finding")),
    )
    with op.batch_alter_table("finding", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_finding_harvest_id"), ["harvest_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("finding", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_finding_harvest_id"))

    op.drop_table("finding")
    with op.batch_alter_table("check_result", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_check_result_harvest_id"))

    op.drop_table("check_result")
    with op.batch_alter_table("component", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_component_current_harvest_id_repository_harvest"), type_="foreignkey"
        )
    with op.batch_alter_table("repository_harvest", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_repository_harvest_url"))
        batch_op.drop_index(batch_op.f("ix_repository_harvest_run_id"))
        batch_op.drop_index(batch_op.f("ix_repository_harvest_component_id"))

    op.drop_table("repository_harvest")
    op.drop_table("release")
    with op.batch_alter_table("journal_entry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_journal_entry_submitted_at"))
        batch_op.drop_index(batch_op.f("ix_journal_entry_publisher_id"))
        batch_op.drop_index(batch_op.f("ix_journal_entry_component_id"))

    op.drop_table("journal_entry")
    with op.batch_alter_table("component_alias", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_component_alias_component_id"))

    op.drop_table("component_alias")
    op.drop_table("member")
    with op.batch_alter_table("component", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_component_publisher_id"))
        batch_op.drop_index(batch_op.f("ix_component_declared_url"))

    op.drop_table("component")
    op.drop_table("code_hosting")
    op.drop_table("publisher")
    op.drop_table("harvest_run")
