"""Alembic's environment: migrate the connection registry.db passes, or KATASTER_DATABASE_URL."""

from __future__ import annotations

from typing import Any

from alembic import context
from alembic.autogenerate.api import AutogenContext
from sqlalchemy import JSON, Connection

import registry.catalogue.models
import registry.components.models
import registry.harvest.models
import registry.journal.models
import registry.publishers.models  # noqa: F401 - every model's table on Base.metadata
from registry.config import Settings
from registry.db import Base, CleanText, UTCDateTime, make_engine

_PLAIN_TYPES = {UTCDateTime: "sa.DateTime(timezone=True)", CleanText: "sa.Text()"}


def _render_item(kind: str, item: Any, autogen_context: AutogenContext) -> str | bool:
    """Kataster's column types as the plain types they store: migrations never import them."""
    if kind != "type":
        return False
    if type(item) in _PLAIN_TYPES:
        return _PLAIN_TYPES[type(item)]
    if isinstance(item, JSON) and "postgresql" in getattr(item, "_variant_mapping", {}):
        autogen_context.imports.add("from sqlalchemy.dialects import postgresql")
        return 'sa.JSON().with_variant(postgresql.JSONB(), "postgresql")'
    return False


_FULL_TEXT_TABLE = "catalogue_fts"
"""The catalogue's full-text index (migration 0002): FTS5 virtual tables (``catalogue_fts``,
``catalogue_fts_short``) with their shadow tables on SQLite, a table with a tsvector on
PostgreSQL. It is no model, so autogenerate and ``alembic check`` leave it alone."""


def _include_object(
    item: Any, name: str | None, kind: str, reflected: bool, compare_to: Any
) -> bool:
    if kind == "table" and name is not None:
        return name != _FULL_TEXT_TABLE and not name.startswith(f"{_FULL_TEXT_TABLE}_")
    return True


_OPTIONS: dict[str, Any] = {
    "target_metadata": Base.metadata,
    "include_object": _include_object,
    "render_as_batch": True,  # SQLite alters tables by copying them; PostgreSQL alters in place
    "compare_type": True,
    "render_item": _render_item,
}


def _url() -> str:
    return context.config.get_main_option("sqlalchemy.url") or Settings.from_env().database_url


def _migrate(connection: Connection) -> None:
    context.configure(connection=connection, **_OPTIONS)
    with context.begin_transaction():
        context.run_migrations()


def run() -> None:
    """Online with the passed connection or a new one; offline (``--sql``) as a script."""
    if context.is_offline_mode():
        context.configure(url=_url(), literal_binds=True, **_OPTIONS)
        with context.begin_transaction():
            context.run_migrations()
        return
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _migrate(connection)
        return
    engine = make_engine(_url(), foreign_keys=False)
    try:
        with engine.connect() as new_connection:
            _migrate(new_connection)
    finally:
        engine.dispose()


run()
