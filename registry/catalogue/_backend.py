"""What search needs of each database: the full-text index, and sets of ids in a query.

SQLite keeps an FTS5 table, PostgreSQL a ``tsvector`` column with a GIN index; both hold the
stems of :mod:`registry.catalogue._textquery` (computed in Python, so both find the same), and
both are named ``catalogue_fts`` and made by the migration. Each backend answers which entries
match a query, in every field or in one (search ranks by the best field matched), and passes
a list of ids to a query as one parameter (a long ``IN`` list costs more to build than to run).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Protocol

from ._postgresql import PostgreSQLBackend
from ._sqlite import SQLiteBackend

if TYPE_CHECKING:
    from sqlalchemy import ColumnElement, SQLColumnExpression
    from sqlalchemy.orm import Session

    from ._textquery import Streams, TextQuery

__all__ = ["Backend", "UnsupportedDatabase", "backend"]


class UnsupportedDatabase(Exception):
    """The catalogue searches SQLite and PostgreSQL only."""


class Backend(Protocol):
    def add(self, session: Session, documents: Mapping[int, Streams]) -> None:
        """Index each component's streams (``_textquery.document_terms`` of its texts, in the
        order of ``FIELDS``); none indexed yet."""

    def terms(self, session: Session, component_ids: Sequence[int]) -> dict[int, Streams]:
        """The streams indexed for these components (by field; the terms, in any order)."""

    def delete(self, session: Session, component_ids: Sequence[int]) -> None:
        """Forget these components."""

    def clear(self, session: Session) -> None:
        """Forget every component."""

    def matching(
        self, session: Session, query: TextQuery, within: int, field: str | None = None
    ) -> int:
        """The components of ``within`` (a bitmap) that match ``query`` (in ``field`` only,
        if given; ``_textquery.SHORT``: in any of the short fields)."""

    def among(self, column: SQLColumnExpression[int], ids: Sequence[int]) -> ColumnElement[bool]:
        """``column`` is one of ``ids`` (one parameter however many)."""


_BACKENDS: dict[str, Backend] = {
    "sqlite": SQLiteBackend(),
    "postgresql": PostgreSQLBackend(),
}


def backend(session: Session) -> Backend:
    """The backend of the session's database."""
    name = session.get_bind().dialect.name
    try:
        return _BACKENDS[name]
    except KeyError:
        raise UnsupportedDatabase(f"no catalogue search on {name}") from None
