"""Facet values and their postings: integer ids, entry counts and bitmaps of component ids.

Writers (the projection) lock the rows they change, in id order, so concurrent refreshes on
PostgreSQL wait for each other instead of losing each other's bits; SQLite has one writer
anyway.

Readers (search) take :func:`current`: every value with its postings, loaded once per process
and projection version (:mod:`.state`) and kept while the version stands. That is no cache of
answers: every search still asks the database which version holds, and a version changes in
the transaction that changes any posting, so what is kept is exactly what the database holds
(a few megabytes at 100,000 entries; the newest :data:`KEPT_VERSIONS` versions are kept, for
processes that serve more than one database, as tests do).
"""

from __future__ import annotations

import array
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select, update

from ..publishers.models import Publisher
from . import _bitmaps, state
from ._bitmaps import Stored, ids
from ._keyed import keyed_ids
from .models import ALL_ENTRIES, CatalogueEntry, CatalogueFacetValue, CatalogueState

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

__all__ = [
    "KEPT_VERSIONS",
    "Index",
    "Pair",
    "Value",
    "all_entries",
    "apply",
    "bitmaps",
    "current",
    "recount",
    "value_ids",
]

Pair = tuple[str, str]
"""A (facet, value)."""

_VALUE = CatalogueFacetValue


@dataclass(frozen=True, slots=True)
class Value:
    id: int
    facet: str
    value: str
    count: int


# --- reading -------------------------------------------------------------------------------

KEPT_VERSIONS = 4


@dataclass(frozen=True, slots=True)
class Index:
    """Every value some entry has (the row of every entry included), their postings as best
    counted, and the publishers' names (the publisher facet's labels)."""

    values: tuple[Value, ...]
    stored: Mapping[int, Stored]
    publisher_names: Mapping[str, str]
    _bitmaps: dict[int, int] = field(default_factory=dict)
    _codes: dict[str, tuple[tuple[int, ...], array.array[int]]] = field(default_factory=dict)

    def bitmap(self, value_id: int) -> int:
        """A value's postings as a bitmap (converted once)."""
        found = self._bitmaps.get(value_id)
        if found is None:
            found = self._bitmaps[value_id] = _bitmaps.as_bitmap(self.stored[value_id])
        return found

    def codes(self, facet: str) -> tuple[tuple[int, ...], array.array[int]]:
        """For a facet of one value per entry: its value ids, and per component id the
        position of its value among them plus one (0: none). Made once."""
        found = self._codes.get(facet)
        if found is None:
            found = self._codes[facet] = self._coded(facet)
        return found

    def _coded(self, facet: str) -> tuple[tuple[int, ...], array.array[int]]:
        values = tuple(value.id for value in self.values if value.facet == facet)
        size = max((self.bitmap(value_id).bit_length() for value_id in values), default=0)
        codes = array.array("I", bytes(4 * size))
        for position, value_id in enumerate(values, start=1):
            members = self.stored[value_id]
            for component_id in members if not isinstance(members, int) else ids(members):
                codes[component_id] = position
        return values, codes


_kept: dict[str, Index] = {}
_lock = threading.Lock()


def current(session: Session) -> Index:
    """The values and postings of the projection the session sees (see the module's text)."""
    version = state.version(session)
    kept = _kept.get(version) if version is not None else None
    if kept is not None:
        return kept
    loaded, version = _load(session)
    if version is not None:
        with _lock:
            _kept[version] = loaded
            for stale in list(_kept)[:-KEPT_VERSIONS]:
                del _kept[stale]
    return loaded


def _load(session: Session) -> tuple[Index, str | None]:
    """The index and the version it belongs to, read in one statement (one snapshot, also
    on PostgreSQL)."""
    version = select(CatalogueState.version).where(CatalogueState.id == state.ROW).scalar_subquery()
    query = select(_VALUE.id, _VALUE.facet, _VALUE.value, _VALUE.count, _VALUE.postings, version)
    rows = session.connection().execute(query.where(_VALUE.count > 0)).all()
    found = tuple(
        Value(value_id, facet, value, count) for value_id, facet, value, count, *_ in rows
    )
    stored = {row[0]: _bitmaps.loaded(row[4]) for row in rows}
    seen = rows[0][5] if rows else None  # nothing to keep of an empty catalogue
    names = dict(session.connection().execute(select(Publisher.id, Publisher.name)).all())
    return Index(found, stored, names), seen


def bitmaps(session: Session, ids: Iterable[int]) -> dict[int, int]:
    """The postings of these values, as bitmaps."""
    return {value_id: _bitmaps.decode(data) for value_id, data in _stored(session, ids)}


def _stored(session: Session, ids: Iterable[int]) -> list[tuple[int, bytes]]:
    wanted = sorted(set(ids))
    if not wanted:
        return []
    query = select(_VALUE.id, _VALUE.postings).where(_VALUE.id.in_(wanted))
    return [(value_id, data) for value_id, data in session.connection().execute(query)]


def all_entries(session: Session) -> tuple[int, int]:
    """The id of the row of every entry, and the bitmap of every entry."""
    value_id = value_ids(session, [ALL_ENTRIES])[ALL_ENTRIES]
    return value_id, bitmaps(session, [value_id]).get(value_id, 0)


def value_ids(session: Session, pairs: Iterable[Pair], *, create: bool = True) -> dict[Pair, int]:
    """The ids of these values; missing ones are made, or left out when not ``create``."""
    return keyed_ids(session, (_VALUE.facet, _VALUE.value), pairs, create=create)


# --- writing -------------------------------------------------------------------------------


def apply(
    session: Session, refreshed: int, added: Mapping[int, int], touched: Iterable[int]
) -> None:
    """Take the ``refreshed`` components out of the ``touched`` values' postings, then put in
    the ``added`` bits (value id -> bitmap). :func:`recount` brings the counts up to date."""
    changed = sorted(set(touched) | added.keys())
    if not changed:
        return
    rows = session.execute(
        select(_VALUE.id, _VALUE.postings)
        .where(_VALUE.id.in_(changed))
        .order_by(_VALUE.id)
        .with_for_update()
    )
    keep = ~refreshed
    updates = []
    for value_id, data in rows:
        bitmap = _bitmaps.decode(data) & keep | added.get(value_id, 0)
        updates.append({"id": value_id, "postings": _bitmaps.encode(bitmap)})
    session.execute(update(_VALUE), updates)


def recount(session: Session, value_ids: Iterable[int] | None = None) -> None:
    """Count the entries of these values (all when ``None``) from their postings.

    When entries went away without a refresh (a merged component's entry goes with it), the
    bitmap of every entry is made afresh from the entries and every value is recounted: its
    postings lose the bits of the entries that are gone.
    """
    every_id, every = all_entries(session)
    entries = session.scalar(select(func.count()).select_from(CatalogueEntry)) or 0
    if every.bit_count() != entries:
        every = _bitmaps.from_ids(session.scalars(select(CatalogueEntry.component_id)))
        value_ids = None
    query = select(_VALUE.id, _VALUE.count, _VALUE.postings).where(_VALUE.id != every_id)
    if value_ids is not None:
        query = query.where(_VALUE.id.in_(sorted(set(value_ids))))
    updates: list[dict[str, Any]] = [
        {"id": every_id, "count": entries, "postings": _bitmaps.encode(every)}
    ]
    for value_id, count, data in session.execute(query):
        bitmap = _bitmaps.decode(data)
        kept = bitmap & every
        if kept != bitmap or kept.bit_count() != count:
            updates.append(
                {"id": value_id, "count": kept.bit_count(), "postings": _bitmaps.encode(kept)}
            )
    session.execute(update(_VALUE), updates)
