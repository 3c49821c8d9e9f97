"""Keeping the catalogue's search projection current: entries, facet values, full text.

Ingest calls :func:`refresh_entries` with the components it changed, in the same transaction
(the caller owns the session and commits); ``kataster db reindex`` calls :func:`rebuild_all`.
A component gets an entry whatever its harvests (without a good one it is listed by its
repository's name, level unknown, incomplete); a component merged into another is deleted,
and its entry with it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import selectinload

from ..components.models import Component
from ..harvest.models import RepositoryHarvest
from . import _bitmaps, _postings, _terms, state
from ._backend import backend
from ._fields import Projected, project
from ._terms import entry_terms
from ._textquery import Streams, document_terms
from .models import (
    ALL_ENTRIES,
    CatalogueEntry,
    CatalogueFacet,
    CatalogueFacetValue,
    CatalogueTerm,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

__all__ = ["BATCH", "rebuild_all", "refresh_entries"]

BATCH = 500
"""Components loaded and written per round trip."""

_HARVEST_COLUMNS = (
    RepositoryHarvest.commit,
    RepositoryHarvest.publiccode_document,
    RepositoryHarvest.inspection,
    RepositoryHarvest.history,
    RepositoryHarvest.licences,
    RepositoryHarvest.forge,
    RepositoryHarvest.maturity_level,
)


def refresh_entries(session: Session, component_ids: Iterable[int]) -> None:
    """Make the entries of these components match them: insert, update, or delete the entry
    of a component that no longer exists (or is no component at all)."""
    _refresh_all(session, component_ids, None)


def _refresh_all(
    session: Session, component_ids: Iterable[int], collected: _terms.Collected | None
) -> None:
    """Refresh in batches; terms are applied per batch, or gathered into ``collected``."""
    ids = sorted(set(component_ids))
    touched: set[int] = set()
    for start in range(0, len(ids), BATCH):
        touched |= _refresh(session, ids[start : start + BATCH], collected)
    if ids:
        _postings.recount(session, touched)
        state.advance(session)


def rebuild_all(session: Session) -> int:
    """Build the whole projection afresh; the number of entries."""
    session.execute(delete(CatalogueFacet))
    backend(session).clear(session)
    session.execute(delete(CatalogueEntry))
    session.execute(delete(CatalogueFacetValue))
    session.execute(delete(CatalogueTerm))
    collected = _terms.Collected()
    _refresh_all(session, session.scalars(select(Component.id)).all(), collected)
    collected.write(session)
    state.advance(session)
    return session.scalar(select(func.count()).select_from(CatalogueEntry)) or 0


def _refresh(session: Session, ids: Sequence[int], collected: _terms.Collected | None) -> set[int]:
    """Refresh one batch; the ids of the facet values whose postings changed."""
    projected = {component.id: project(component) for component in _components(session, ids)}
    streams = {key: document_terms(one.texts.in_order()) for key, one in projected.items()}
    had = set(
        session.scalars(select(CatalogueFacet.value_id).where(CatalogueFacet.component_id.in_(ids)))
    )
    had_terms = {key: entry_terms(old) for key, old in backend(session).terms(session, ids).items()}
    _delete(session, ids)
    pairs = {pair for one in projected.values() for pair in one.facets} | {ALL_ENTRIES}
    value_ids = _postings.value_ids(session, pairs)
    _insert(session, projected, value_ids, streams)
    members: dict[int, list[int]] = {value_ids[ALL_ENTRIES]: list(projected)}
    for component_id, one in projected.items():
        for pair in one.facets:
            members.setdefault(value_ids[pair], []).append(component_id)
    added = {value_id: _bitmaps.from_ids(found) for value_id, found in members.items()}
    _postings.apply(session, _bitmaps.from_ids(ids), added, had | {value_ids[ALL_ENTRIES]})
    has_terms = {key: entry_terms(found) for key, found in streams.items()}
    if collected is None:
        _terms.apply(session, ids, had_terms, has_terms)
    else:
        collected.add(has_terms)
    return had | added.keys()


def _components(session: Session, ids: Sequence[int]) -> Sequence[Component]:
    return session.scalars(
        select(Component)
        .where(Component.id.in_(ids))
        .options(
            selectinload(Component.publisher),
            selectinload(Component.current_harvest).load_only(*_HARVEST_COLUMNS),
        )
    ).all()


def _delete(session: Session, ids: Sequence[int]) -> None:
    unsynchronised = {"synchronize_session": False}
    facets = delete(CatalogueFacet).where(CatalogueFacet.component_id.in_(ids))
    session.execute(facets, execution_options=unsynchronised)
    backend(session).delete(session, ids)
    entries = delete(CatalogueEntry).where(CatalogueEntry.component_id.in_(ids))
    session.execute(entries, execution_options=unsynchronised)


def _insert(
    session: Session,
    projected: dict[int, Projected],
    value_ids: dict[tuple[str, str], int],
    streams: Mapping[int, Streams],
) -> None:
    if not projected:
        return
    session.execute(insert(CatalogueEntry), [one.entry for one in projected.values()])
    rows = [
        {"component_id": component_id, "value_id": value_ids[pair]}
        for component_id, one in projected.items()
        for pair in sorted(one.facets)
    ]
    if rows:
        session.execute(insert(CatalogueFacet), rows)
    backend(session).add(session, streams)
