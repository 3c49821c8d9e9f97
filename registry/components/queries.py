"""Finding components by URL and listing them; the caller owns the session."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from harvester.urls import normalise_repository_url

from ..harvest.models import RepositoryHarvest
from .models import Component, ComponentAlias

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

__all__ = ["component_by_key", "find_component", "list_components", "url_key"]


def url_key(url: str) -> str:
    """The normalised form of a repository URL that components are stored under.

    Text the URL parser refuses is kept as written (stripped), so that storing a harvest
    never fails over a URL's spelling; such a key only ever matches itself.
    """
    try:
        return normalise_repository_url(url)
    except ValueError:
        return url.strip()


def find_component(session: Session, url: str) -> Component | None:
    """The component whose canonical URL or one of whose aliases is ``url`` (any spelling)."""
    return component_by_key(session, url_key(url))


def component_by_key(session: Session, key: str) -> Component | None:
    """The component whose canonical URL or alias is the normalised ``key``."""
    component = session.scalars(select(Component).where(Component.canonical_url == key)).first()
    if component is not None:
        return component
    alias = select(ComponentAlias.component_id).where(ComponentAlias.url == key)
    return session.scalars(select(Component).where(Component.id.in_(alias))).first()


def list_components(session: Session, ids: Sequence[int] | None = None) -> Sequence[Component]:
    """Every component (or those with ``ids``) by canonical URL, with what a report shows."""
    query = (
        select(Component)
        .order_by(Component.canonical_url)
        .options(
            selectinload(Component.publisher),
            selectinload(Component.aliases),
            selectinload(Component.releases),
            selectinload(Component.current_harvest).selectinload(RepositoryHarvest.findings),
            selectinload(Component.current_harvest).selectinload(RepositoryHarvest.checks),
        )
    )
    if ids is not None:
        query = query.where(Component.id.in_(ids))
    return session.scalars(query).all()
