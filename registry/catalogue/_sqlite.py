"""The catalogue on SQLite: FTS5 tables, and ids as a JSON array.

``catalogue_fts`` has one row per entry (``rowid`` = component id), one column per field,
holding the stem stream of :func:`registry.catalogue._textquery.document_terms` separated by
spaces; the ``ascii`` tokenizer splits exactly there (every non-ASCII character is part of a
token), and prefix indexes of 2 and 3 characters keep short prefixes fast. It answers which
entries match. ``catalogue_fts_short`` holds the short fields (name, publisher, features)
again: a match in one of them (for ranking) then costs what those fields hold, not what the
descriptions hold. A trigger deletes an entry's rows with it, also when a component's
deletion cascades. Migration 0002 makes all three.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from sqlalchemy import ColumnElement, SQLColumnExpression, func, select, text

from . import _bitmaps
from ._textquery import FIELDS, SHORT, SHORT_FIELDS, Phrase, Streams, TextQuery, Word

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

__all__ = ["SQLiteBackend", "fts5_query"]

_TABLES = ("catalogue_fts", "catalogue_fts_short")
_INSERT = text(
    "INSERT INTO catalogue_fts (rowid, name, publisher, features, descriptions) "
    "VALUES (:id, :name, :publisher, :features, :descriptions)"
)
_INSERT_SHORT = text(
    "INSERT INTO catalogue_fts_short (rowid, name, publisher, features) "
    "VALUES (:id, :name, :publisher, :features)"
)
_INDEXED = text(
    "SELECT rowid, name, publisher, features, descriptions FROM catalogue_fts "
    "WHERE rowid IN (SELECT value FROM json_each(:ids))"
)
_MATCHING = {
    table: text(
        "SELECT group_concat(chunk || ' ' || bits, ' ') FROM ("
        f"SELECT rowid >> 5 AS chunk, sum(1 << (rowid & 31)) AS bits FROM {table} "
        f"WHERE {table} MATCH :query GROUP BY 1)"
    )
    for table in _TABLES
}


class SQLiteBackend:
    def add(self, session: Session, documents: Mapping[int, Streams]) -> None:
        if not documents:
            return
        rows = [_row(component_id, streams) for component_id, streams in documents.items()]
        session.execute(_INSERT, rows)
        session.execute(_INSERT_SHORT, [_short(row) for row in rows])

    def terms(self, session: Session, component_ids: Sequence[int]) -> dict[int, Streams]:
        rows = session.execute(_INDEXED, {"ids": json.dumps(list(component_ids))})
        return {row[0]: [text.split() for text in row[1:]] for row in rows}

    def delete(self, session: Session, component_ids: Sequence[int]) -> None:
        ids = {"ids": json.dumps(list(component_ids))}
        for table in _TABLES:
            where = "rowid IN (SELECT value FROM json_each(:ids))"
            session.execute(text(f"DELETE FROM {table} WHERE {where}"), ids)

    def clear(self, session: Session) -> None:
        for table in _TABLES:
            session.execute(text(f"DELETE FROM {table}"))

    def matching(
        self, session: Session, query: TextQuery, within: int, field: str | None = None
    ) -> int:
        table = _TABLES[1] if field in (*SHORT_FIELDS, SHORT) else _TABLES[0]
        expression = {"query": fts5_query(query, field)}
        found = session.connection().scalar(_MATCHING[table], expression)
        return within & _bitmaps.from_chunk_text(found)

    def among(self, column: SQLColumnExpression[int], ids: Sequence[int]) -> ColumnElement[bool]:
        listed = func.json_each(json.dumps(list(ids))).table_valued("value")
        return column.in_(select(listed.c.value))


def _row(component_id: int, streams: Streams) -> dict[str, object]:
    return {"id": component_id} | {f: " ".join(s) for f, s in zip(FIELDS, streams, strict=True)}


def _short(row: dict[str, object]) -> dict[str, object]:
    return {key: row[key] for key in ("id", *SHORT_FIELDS)}


def fts5_query(query: TextQuery, field: str | None = None) -> str:
    """``query`` in FTS5's syntax; every token is a quoted stem (letters and digits only).
    ``field`` restricts it to one column (:data:`SHORT`: the short table's every column)."""
    expression = " AND ".join(_term(term) for term in query.terms)
    return expression if field in (None, SHORT) else f"{{{field}}} : ({expression})"


def _term(term: Word | Phrase) -> str:
    if isinstance(term, Word):
        star = "*" if term.prefix else ""
        return "(" + " OR ".join(f'"{stem}"{star}' for stem in dict.fromkeys(term.stems)) + ")"
    return "(" + " + ".join(f'"{stems.german}"' for stems in term.words) + ")"
