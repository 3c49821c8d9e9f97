"""The catalogue projection's version: what tells a copy of the projection still holds.

Every change to the projection (:mod:`registry.catalogue.projection`) gives the one row of
``catalogue_state`` a new random version in the same transaction, so a reader that saw version
``v`` knows that the entries, facet values and postings it read then are still the truth as
long as the row still says ``v``. Random rather than counted: a version is never seen twice,
also not in another database (tests make many, and a rebuilt database starts afresh), so a
copy kept under its version can never be taken for another database's.

Readers: search keeps the facet values and their postings per process under their version
(:mod:`registry.catalogue._postings`); the web layer derives its ETags from it.
"""

from __future__ import annotations

import secrets
from typing import TYPE_CHECKING

from sqlalchemy import select, update

from .models import CatalogueState

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

__all__ = ["ROW", "advance", "version"]

ROW = 1  # the one row of catalogue_state


def version(session: Session) -> str | None:
    """The projection's version; ``None`` before its first change."""
    query = select(CatalogueState.version).where(CatalogueState.id == ROW)
    return session.connection().scalar(query)


def advance(session: Session) -> str:
    """Give the projection a new version (call it with every change, in its transaction)."""
    new = secrets.token_hex(16)
    changed = session.execute(
        update(CatalogueState).where(CatalogueState.id == ROW).values(version=new)
    )
    if not changed.rowcount:  # type: ignore[attr-defined]
        session.add(CatalogueState(id=ROW, version=new))
        session.flush()
    return new
