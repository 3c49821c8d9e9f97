"""Rows named by two strings (a facet value, a term): their ids, made where missing.

Facet values and terms are both rows with an integer id, a unique (kind, name) pair and
postings. Lookups and inserts go in chunks (an ``IN`` list of thousands of parameters is
slow to build and can pass SQLite's limit), and an insert leaves alone a row another
transaction made meanwhile (PostgreSQL; SQLite has one writer).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite

if TYPE_CHECKING:
    from sqlalchemy.orm import InstrumentedAttribute, Session

__all__ = ["CHUNK", "keyed_ids"]

CHUNK = 500
"""Names per lookup or insert."""

Key = tuple[str, str]


def keyed_ids(
    session: Session,
    columns: tuple[InstrumentedAttribute[str], InstrumentedAttribute[str]],
    keys: Iterable[Key],
    *,
    create: bool = True,
) -> dict[Key, int]:
    """The ids of the rows whose ``columns`` hold these ``keys``; missing ones are made
    (count 0, no postings), or left out when not ``create``."""
    wanted = set(keys)
    found = _existing(session, columns, wanted)
    missing = sorted(wanted - found.keys())
    if not create or not missing:
        return found
    kind, name = columns
    insert = _insert_new(session, kind.class_, [kind.key, name.key])
    for start in range(0, len(missing), CHUNK):
        rows = [
            {kind.key: k, name.key: n, "count": 0, "postings": b""}
            for k, n in missing[start : start + CHUNK]
        ]
        session.execute(insert.values(rows))
    return found | _existing(session, columns, set(missing))


def _existing(
    session: Session,
    columns: tuple[InstrumentedAttribute[str], InstrumentedAttribute[str]],
    keys: set[Key],
) -> dict[Key, int]:
    kind, name = columns
    identity = kind.class_.id
    by_kind: dict[str, list[str]] = {}
    for first, second in keys:
        by_kind.setdefault(first, []).append(second)
    found: dict[Key, int] = {}
    for first, names in by_kind.items():
        for start in range(0, len(names), CHUNK):
            chunk = names[start : start + CHUNK]
            rows = session.execute(select(name, identity).where(kind == first, name.in_(chunk)))
            found.update(((first, second), row_id) for second, row_id in rows)
    return found


def _insert_new(session: Session, model: Any, keys: list[str]) -> sqlite.Insert | postgresql.Insert:
    if session.get_bind().dialect.name == "postgresql":
        return postgresql.insert(model).on_conflict_do_nothing(index_elements=keys)
    return sqlite.insert(model).on_conflict_do_nothing(index_elements=keys)
