"""Which URLs are one component: aliases, and merging a mirror's component into the original.

Keys are normalised repository URLs (:func:`registry.components.queries.url_key`). Every change
is journaled; the caller owns the session.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select, update

from ..harvest.models import RepositoryHarvest
from ..journal import journal
from ..journal.models import JournalEntry
from .models import AliasReason, Component, ComponentAlias

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

__all__ = ["add_alias", "merge_component", "move_alias"]


def add_alias(
    session: Session, component: Component, key: str, raw_url: str, reason: AliasReason
) -> ComponentAlias | None:
    """Make ``key`` lead to ``component``; ``None`` when it already does."""
    if key == component.canonical_url or any(a.url == key for a in component.aliases):
        return None
    alias = ComponentAlias(url=key, raw_url=raw_url, reason=reason)
    component.aliases.append(alias)
    session.flush()
    journal.record(session, component, journal.Action.ALIAS_ADDED, f"{raw_url} ({reason})")
    return alias


def move_alias(session: Session, key: str, target: Component) -> None:
    """The alias ``key`` of another component now leads to ``target`` (marked as a mirror)."""
    alias = session.scalars(select(ComponentAlias).where(ComponentAlias.url == key)).one()
    alias.reason = AliasReason.MIRROR
    _move_alias(session, alias, target)


def merge_component(session: Session, source: Component, target: Component) -> None:
    """``source`` is a mirror of ``target``: its URLs, harvests and history move to ``target``.

    ``target`` keeps its own published harvest; it takes the mirror's only when it has none.
    ``source`` is deleted, and its journal entries now name ``target``.
    """
    for alias in list(source.aliases):
        _move_alias(session, alias, target)
    _move_releases(source, target)
    if target.current_harvest is None and source.current_harvest is not None:
        target.publish(source.current_harvest)
    source.current_harvest = None
    _move_harvests(session, source, target)
    session.execute(
        update(JournalEntry)
        .where(JournalEntry.component_id == source.id)
        .values(component_id=target.id)
    )
    source_url, source_key, source_id = source.url, source.canonical_url, source.id
    session.delete(source)
    session.flush()
    add_alias(session, target, source_key, source_url, AliasReason.MIRROR)
    details = f"{source_url} (component {source_id}) is a mirror of {target.url}"
    journal.record(session, target, journal.Action.COMPONENT_MERGED, details)


def _move_alias(session: Session, alias: ComponentAlias, target: Component) -> None:
    target.aliases.append(alias)
    session.flush()
    details = f"{alias.raw_url} ({alias.reason})"
    journal.record(session, target, journal.Action.ALIAS_ADDED, details)


def _move_releases(source: Component, target: Component) -> None:
    known = {release.tag for release in target.releases}
    for release in list(source.releases):
        if release.tag not in known:
            target.releases.append(release)


def _move_harvests(session: Session, source: Component, target: Component) -> None:
    harvests = session.scalars(
        select(RepositoryHarvest).where(RepositoryHarvest.component_id == source.id)
    )
    for harvest in harvests:
        harvest.component = target
    session.flush()
