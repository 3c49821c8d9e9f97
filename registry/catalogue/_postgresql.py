"""The catalogue on PostgreSQL: the table ``catalogue_fts`` with a ``tsvector``; ids as an array.

The vector is written literally (``'parkplatz':1A,7A 'sensor':2A``) from the stems Python
computed, never through a text search configuration, so PostgreSQL holds exactly what SQLite
holds: the same terms, each position weighted by its field (name A, publisher B, features C,
descriptions D). Separators take a position and are left out, so phrases do not match across
them. A GIN index serves ``@@``; the row goes with its entry (foreign key, cascade). Migration
0002 makes the table; it is no model, as SQLite has no ``tsvector``.

``short_document`` holds the short fields (name, publisher, features) again, with their own
GIN index (migration 0003): a GIN index knows neither positions nor weights, so a match in one
field (for ranking) or a phrase is checked against the stored vector itself, and the short
vector is a few hundred bytes where the whole one is kilobytes, stored out of line.
``streams`` keeps the streams themselves (a line per field, as SQLite's FTS5 table keeps them),
so a refresh knows which terms and pairs an entry had (:mod:`._terms`): a ``tsvector`` keeps
no more than 256 positions of a lexeme, too few to tell its pairs.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from sqlalchemy import ColumnElement, Integer, SQLColumnExpression, any_, cast, text
from sqlalchemy.dialects.postgresql import ARRAY

from . import _bitmaps
from ._textquery import (
    FIELDS,
    SEPARATOR,
    SHORT,
    SHORT_FIELDS,
    Phrase,
    Streams,
    TextQuery,
    Word,
    document_terms,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

__all__ = ["WEIGHTS", "PostgreSQLBackend", "tsquery", "tsvector", "tsvector_of"]

WEIGHTS = dict(zip(FIELDS, "ABCD", strict=True))
_MAX_POSITIONS_PER_TERM = 256  # PostgreSQL keeps no more

_INSERT = text(
    "INSERT INTO catalogue_fts (component_id, document, short_document, streams) "
    "VALUES (:id, CAST(:document AS tsvector), CAST(:short AS tsvector), :streams)"
)
_DELETE = text("DELETE FROM catalogue_fts WHERE component_id = ANY(:ids)")
_INDEXED = text("SELECT component_id, streams FROM catalogue_fts WHERE component_id = ANY(:ids)")
_MATCHING = {
    column: text(
        "SELECT string_agg(chunk || ' ' || bits, ' ') FROM ("
        "SELECT component_id >> 5 AS chunk, sum(CAST(1 AS BIGINT) << (component_id & 31)) AS bits "
        f"FROM catalogue_fts WHERE {column} @@ CAST(:query AS tsquery) GROUP BY 1) AS chunks"
    )
    for column in ("document", "short_document")
}


class PostgreSQLBackend:
    def add(self, session: Session, documents: Mapping[int, Streams]) -> None:
        if not documents:
            return
        rows = [
            {
                "id": key,
                "document": tsvector_of(streams),
                "short": tsvector_of(streams[: len(SHORT_FIELDS)]),
                "streams": "\n".join(" ".join(stream) for stream in streams),
            }
            for key, streams in documents.items()
        ]
        session.execute(_INSERT, rows)

    def terms(self, session: Session, component_ids: Sequence[int]) -> dict[int, Streams]:
        rows = session.execute(_INDEXED, {"ids": list(component_ids)})
        return {key: [line.split() for line in text.split("\n")] for key, text in rows}

    def delete(self, session: Session, component_ids: Sequence[int]) -> None:
        session.execute(_DELETE, {"ids": list(component_ids)})

    def clear(self, session: Session) -> None:
        session.execute(text("DELETE FROM catalogue_fts"))

    def matching(
        self, session: Session, query: TextQuery, within: int, field: str | None = None
    ) -> int:
        column = "short_document" if field in (*SHORT_FIELDS, SHORT) else "document"
        found = session.connection().scalar(_MATCHING[column], {"query": tsquery(query, field)})
        return within & _bitmaps.from_chunk_text(found)

    def among(self, column: SQLColumnExpression[int], ids: Sequence[int]) -> ColumnElement[bool]:
        return column == any_(cast(list(ids), ARRAY(Integer)))


def tsvector(texts: Sequence[str]) -> str:
    """The entry's texts (in the order of ``FIELDS``, the first few or all) as a ``tsvector``
    literal (lexemes are letters and digits only)."""
    return tsvector_of(document_terms(texts))


def tsvector_of(streams: Streams) -> str:
    """The entry's index streams (the first few fields' or all) as a ``tsvector`` literal."""
    positions: dict[str, list[str]] = {}
    position = 0
    for field, stream in zip(FIELDS, streams, strict=False):
        for term in stream:
            position += 1
            places = positions.setdefault(term, []) if term != SEPARATOR else None
            if places is not None and len(places) < _MAX_POSITIONS_PER_TERM:
                places.append(f"{position}{WEIGHTS[field]}")
    return " ".join(f"'{term}':{','.join(places)}" for term, places in positions.items())


def tsquery(query: TextQuery, field: str | None = None) -> str:
    """``query`` as a ``tsquery`` literal, restricted to ``field``'s weight if given (none for
    :data:`SHORT`: the short vector holds only those fields)."""
    weight = "" if field in (None, SHORT) else WEIGHTS[field]
    return " & ".join(_term(term, weight) for term in query.terms)


def _term(term: Word | Phrase, weight: str) -> str:
    if isinstance(term, Word):
        star = "*" if term.prefix else ""
        labels = f":{star}{weight}" if star or weight else ""
        return "(" + " | ".join(f"'{stem}'{labels}" for stem in dict.fromkeys(term.stems)) + ")"
    label = f":{weight}" if weight else ""
    return "(" + " <-> ".join(f"'{stems.german}'{label}" for stems in term.words) + ")"
