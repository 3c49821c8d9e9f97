"""Storing harvest records: one repository per call, one transaction per repository.

The caller owns the session and commits after each :func:`store_record` (and rolls back when
it raises, then stores the failure in a fresh transaction). Each call::

    run = start_run(session, harvester_version="0.1.0")
    outcome = store_record(session, run.id, record)      # new | changed | unchanged | failed
    resolve_canonical(session)                           # at the end of the run
    finish_run(session, run.id, {"new": 3, "failed": 1})

- OK: a new :class:`RepositoryHarvest` with findings and checks becomes the component's
  published harvest; releases are added; the journal records creation, harvest, level change
  and new releases.
- UNCHANGED: only the time of the attempt is noted; no rows, no journal entry.
- FAILED: the failure is stored and journaled, but the published harvest stays.

The catalogue's search entries of the components a call changes are refreshed in the same
transaction (:func:`registry.catalogue.projection.refresh_entries`).

Mirrors: when a record's publiccode ``url`` names another repository that is a component (or
an alias of one), the record's URL becomes that component's alias, so one component results per
canonical URL; components that declared a repository harvested later are merged into it.
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from sqlalchemy import insert, select

from harvester.records import HarvestStatus

from ..catalogue.projection import refresh_entries
from ..components.identity import add_alias, merge_component, move_alias
from ..components.models import AliasReason, Component
from ..components.queries import component_by_key, url_key
from ..db import utcnow
from ..journal import journal
from ..publishers.models import CodeHosting, Member, Publisher
from ._releases import sync_releases
from ._rows import detail_rows, harvest_row
from .errors import UnknownPublisher, UnknownRepository
from .models import CheckResult, Finding, HarvestRun, RepositoryHarvest, RunStatus

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from harvester import records

__all__ = [
    "MAX_URL_LENGTH",
    "StoreOutcome",
    "finish_run",
    "previous_commit",
    "record_listing_failure",
    "resolve_canonical",
    "start_run",
    "store_record",
    "upsert_publishers",
]

MAX_URL_LENGTH = 2048
"""A publiccode ``url`` longer than this is not taken as a canonical repository URL."""


class StoreOutcome(enum.StrEnum):
    """What storing one record did (the harvest's progress counts)."""

    NEW = "new"  # a component was created with a good harvest
    CHANGED = "changed"  # a known component got a new good harvest
    UNCHANGED = "unchanged"  # HEAD as before: nothing stored
    FAILED = "failed"  # the failure is stored, the last good harvest stays published


# --- runs ----------------------------------------------------------------------------------


def start_run(
    session: Session, *, harvester_version: str, sources: str | None = None, dry_run: bool = False
) -> HarvestRun:
    """A new run (flushed: its ``id`` is known)."""
    run = HarvestRun(harvester_version=harvester_version, sources=sources, dry_run=dry_run)
    session.add(run)
    session.flush()
    return run


def finish_run(session: Session, run_id: int, counts: Mapping[str, int]) -> HarvestRun:
    """Close the run with its counts (``new``, ``changed``, ``unchanged``, ``failed``)."""
    run = session.get_one(HarvestRun, run_id)
    for outcome in StoreOutcome:
        setattr(run, outcome.value, counts.get(outcome.value, 0))
    run.finished_at = utcnow()
    run.status = RunStatus.FINISHED
    return run


def record_listing_failure(session: Session, publisher_id: str, url: str, reason: str) -> None:
    """Journal that a publisher's code hosting could not be listed in this run."""
    details = f"{url}: {reason}"
    journal.record(session, None, journal.Action.LISTING_FAILED, details, publisher_id=publisher_id)


# --- what the harvester needs --------------------------------------------------------------


def previous_commit(
    session: Session, url: str, *, not_before: datetime.datetime | None = None
) -> tuple[str, str] | None:
    """Commit and model version of the last good harvest of ``url``, to skip an unchanged HEAD.

    The last good harvest of this very URL counts first; else the published harvest of the
    component that has the URL as canonical URL or alias (an exact mirror costs nothing).
    A harvest made before ``not_before`` does not count: judgements that depend on the date
    (recent activity, current contracts) must be made afresh now and then.
    """
    key = url_key(url)
    harvest = session.scalars(
        select(RepositoryHarvest)
        .where(RepositoryHarvest.url == key, RepositoryHarvest.status == HarvestStatus.OK)
        .order_by(RepositoryHarvest.harvested_at.desc(), RepositoryHarvest.id.desc())
        .limit(1)
    ).first()
    if harvest is None:
        component = component_by_key(session, key)
        harvest = None if component is None else component.current_harvest
    if harvest is None or harvest.commit is None or harvest.model_version is None:
        return None
    if not_before is not None and harvest.harvested_at < not_before:
        return None
    return harvest.commit, harvest.model_version


# --- storing one record --------------------------------------------------------------------


def store_record(session: Session, run_id: int, record: records.HarvestRecord) -> StoreOutcome:
    """Store one repository's record; the caller commits (see the module's docstring)."""
    key = url_key(record.url)
    if record.status is HarvestStatus.UNCHANGED:
        return _seen(session, key, record)
    if session.get(Publisher, record.publisher_id) is None:
        raise UnknownPublisher(record.publisher_id)
    declared = _declared(record, key)
    component, created = _component_for(session, record, key, declared)
    harvest = harvest_row(run_id, component.id, record, key, declared)
    session.add(harvest)
    session.flush()
    findings, checks = detail_rows(harvest.id, record)
    for model, rows in ((Finding, findings), (CheckResult, checks)):
        if rows:
            session.execute(insert(model), rows)
    if key == component.canonical_url:
        _attempted(component, record)
    if record.status is HarvestStatus.FAILED:
        journal.record(session, component, journal.Action.HARVEST_FAILED, _failure(record))
        _catalogue(session, [component.id])
        return StoreOutcome.FAILED
    first = component.current_harvest is None  # created now, or only failures so far
    _store_good(session, component, harvest, record, declared)
    _catalogue(session, [component.id])
    return StoreOutcome.NEW if created or first else StoreOutcome.CHANGED


def _seen(session: Session, key: str, record: records.HarvestRecord) -> StoreOutcome:
    component = component_by_key(session, key)
    if component is None:
        raise UnknownRepository(record.provenance.source_url)
    if key == component.canonical_url:
        _attempted(component, record)
    return StoreOutcome.UNCHANGED


def _attempted(component: Component, record: records.HarvestRecord) -> None:
    """The canonical URL's latest attempt; aliases' attempts stay on their harvest rows."""
    component.last_attempt_at = record.provenance.harvested_at
    component.last_attempt_status = record.status
    component.last_failure = record.failure if record.status is HarvestStatus.FAILED else None


def _failure(record: records.HarvestRecord) -> str:
    return f"{record.provenance.source_url}: {record.failure or 'no reason given'}"


def _declared(record: records.HarvestRecord, key: str) -> str | None:
    """The normalised publiccode ``url`` of a good harvest when it names another repository."""
    if record.status is not HarvestStatus.OK or not record.canonical_url:
        return None
    if len(record.canonical_url) > MAX_URL_LENGTH:
        return None
    declared = url_key(record.canonical_url)
    return None if declared == key else declared


def _component_for(
    session: Session, record: records.HarvestRecord, key: str, declared: str | None
) -> tuple[Component, bool]:
    """The component the record belongs to, and whether it was made now."""
    existing = component_by_key(session, key)
    target = None if declared is None else component_by_key(session, declared)
    if target is not None and not _share_history(target.current_harvest, _root(record)):
        target = None  # a claim that cannot be verified (yet) merges nothing
    if target is not None and target is not existing:
        if existing is None:
            add_alias(session, target, key, record.provenance.source_url, AliasReason.MIRROR)
        elif existing.canonical_url == key:
            merge_component(session, existing, target)
        else:
            move_alias(session, key, target)
        return target, False
    if existing is not None:
        return existing, False
    return _create(session, record, key), True


def _create(session: Session, record: records.HarvestRecord, key: str) -> Component:
    forge = record.forge
    component = Component(
        canonical_url=key,
        url=record.provenance.source_url,
        publisher_id=record.publisher_id,
        name=record.name or (forge.name if forge is not None and forge.name else None),
        description=record.description or (None if forge is None else forge.description),
        incomplete=True,
    )
    session.add(component)
    session.flush()
    journal.record(session, component, journal.Action.COMPONENT_CREATED, component.url)
    return component


def _store_good(
    session: Session,
    component: Component,
    harvest: RepositoryHarvest,
    record: records.HarvestRecord,
    declared: str | None,
) -> None:
    """Publish a good harvest where it is the best the component has, and journal it."""
    before = component.current_harvest
    session.flush()
    details = f"{record.provenance.source_url} at {record.provenance.commit}"
    journal.record(session, component, journal.Action.HARVEST_OK, details)
    if harvest.url == component.canonical_url:
        component.declared_url = declared
        component.publisher_id = record.publisher_id
    if not _publishes(component, harvest):
        return
    component.publish(harvest)
    if before is not None and before.maturity_level != harvest.maturity_level:
        change = f"{before.maturity_level} -> {harvest.maturity_level}"
        journal.record(session, component, journal.Action.LEVEL_CHANGED, change)
    added = [release.tag for release in sync_releases(component, record)]
    journal.record_many(session, component, journal.Action.RELEASE_ADDED, added)
    _absorb_mirrors(session, component)


def _publishes(component: Component, harvest: RepositoryHarvest) -> bool:
    """The canonical URL's own harvest wins; a mirror's only stands in for a missing one."""
    current = component.current_harvest
    if current is None or harvest.url == component.canonical_url:
        return True
    return current.url != component.canonical_url


def _absorb_mirrors(session: Session, component: Component) -> None:
    """Merge the components whose publiccode.yml names this one's URL as the original."""
    keys = [component.canonical_url, *(alias.url for alias in component.aliases)]
    mirrors = session.scalars(
        select(Component)
        .where(Component.declared_url.in_(keys), Component.id != component.id)
        .order_by(Component.id)
    ).all()
    for mirror in mirrors:
        if _share_history(component.current_harvest, _harvest_root(mirror.current_harvest)):
            merge_component(session, mirror, component)


def _root(record: records.HarvestRecord) -> str | None:
    return None if record.history is None else record.history.first_commit


def _harvest_root(harvest: RepositoryHarvest | None) -> str | None:
    history = None if harvest is None else harvest.history
    root = history.get("first_commit") if isinstance(history, dict) else None
    return root if isinstance(root, str) else None


def _share_history(original: RepositoryHarvest | None, root: str | None) -> bool:
    """Whether a mirror claim holds: both histories start at the same root commit.

    A publiccode.yml ``url`` is the repository's own word; a repository naming another one
    as its original is merged into it only when git shows they are the same project, so no
    repository can take over another's page. Claims that cannot be checked yet (the original
    not harvested) wait for a later run.
    """
    other = _harvest_root(original)
    return root is not None and other is not None and root == other


def resolve_canonical(session: Session) -> int:
    """Merge every component into the one its publiccode ``url`` names; the merges made.

    Idempotent: a second call finds nothing to do. Chains (A names B, B names C) end in C.
    """
    merged, targets = 0, set[int]()
    while (source_and_target := _next_merge(session)) is not None:
        merge_component(session, *source_and_target)
        targets.add(source_and_target[1].id)
        merged += 1
    _catalogue(session, targets)
    return merged


def _next_merge(session: Session) -> tuple[Component, Component] | None:
    declaring = session.scalars(
        select(Component).where(Component.declared_url.is_not(None)).order_by(Component.id)
    ).all()
    for component in declaring:
        target = component_by_key(session, component.declared_url or "")
        if target is None or target.id == component.id:
            continue
        if _share_history(target.current_harvest, _harvest_root(component.current_harvest)):
            return component, target
    return None


# --- publishers ----------------------------------------------------------------------------


def upsert_publishers(session: Session, publishers: Sequence[records.Publisher]) -> None:
    """Create or update the sources' publishers (members and code hosting replaced whole)."""
    for listed in publishers:
        stored = session.get(Publisher, listed.id)
        if stored is None:
            session.add(_publisher(listed))
            session.flush()
            action = journal.Action.PUBLISHER_CREATED
            journal.record(session, None, action, listed.name, publisher_id=listed.id)
        elif _changed(stored, listed):
            _update_publisher(stored, listed)
            session.flush()
            action = journal.Action.PUBLISHER_CHANGED
            journal.record(session, None, action, listed.name, publisher_id=listed.id)
            mine = select(Component.id).where(Component.publisher_id == listed.id)
            _catalogue(session, session.scalars(mine))


def _publisher(listed: records.Publisher) -> Publisher:
    publisher = Publisher(id=listed.id)
    _update_publisher(publisher, listed)
    return publisher


def _update_publisher(publisher: Publisher, listed: records.Publisher) -> None:
    publisher.name = listed.name
    publisher.kind = listed.kind
    publisher.round = listed.round
    publisher.category = listed.category
    publisher.members = [Member(name=m.name, ags=m.ags) for m in listed.members]
    publisher.code_hosting = [
        CodeHosting(url=c.url, group=c.group, driver=c.driver) for c in listed.code_hosting
    ]


def _changed(stored: Publisher, listed: records.Publisher) -> bool:
    fields = (stored.name, stored.kind, stored.round, stored.category)
    members = [(m.name, m.ags) for m in stored.members]
    hosting = [(c.url, c.group, c.driver) for c in stored.code_hosting]
    return (
        fields != (listed.name, listed.kind, listed.round, listed.category)
        or members != [(m.name, m.ags) for m in listed.members]
        or hosting != [(c.url, c.group, c.driver) for c in listed.code_hosting]
    )


# --- the catalogue's search projection -----------------------------------------------------


def _catalogue(session: Session, component_ids: Iterable[int]) -> None:
    """Bring the catalogue's entries of these components up to date, in this transaction
    (the entries of components merged away went with them; counts follow)."""
    ids = list(component_ids)
    if ids:
        session.flush()
        refresh_entries(session, ids)
