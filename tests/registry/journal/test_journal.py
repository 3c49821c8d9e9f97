"""The change journal: a global serial that only grows, stamped on the component it concerns."""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

import registry.journal.journal
from registry.components.models import Component
from registry.harvest.ingest import upsert_publishers
from registry.journal.journal import MAX_DETAILS, Action, last_serial, record, record_many
from registry.journal.models import JournalEntry
from tests.registry import factories


def a_component(session: Session) -> Component:
    upsert_publishers(session, [factories.publisher()])
    component = Component(
        canonical_url=factories.KEY, url=factories.URL, publisher_id=factories.PUBLISHER_ID
    )
    session.add(component)
    session.flush()
    return component


def test_exports_exactly_the_public_api() -> None:
    assert set(registry.journal.journal.__all__) == {
        "MAX_DETAILS",
        "Action",
        "last_serial",
        "record_many",
        "record",
    }


def test_serials_strictly_increase(db_session: Session) -> None:
    component = a_component(db_session)
    serials = [record(db_session, component, Action.HARVEST_OK).id for _ in range(5)]
    db_session.commit()
    assert serials == sorted(set(serials))
    assert len(serials) == 5


def test_serials_are_never_reused_after_a_deletion(db_session: Session) -> None:
    component = a_component(db_session)
    first = record(db_session, component, Action.HARVEST_OK).id
    second = record(db_session, component, Action.HARVEST_OK).id
    db_session.commit()
    db_session.execute(delete(JournalEntry).where(JournalEntry.id == second))
    db_session.commit()
    assert record(db_session, component, Action.HARVEST_OK).id > second > first


def test_the_component_remembers_its_latest_serial(db_session: Session) -> None:
    component = a_component(db_session)
    entry = record(db_session, component, Action.RELEASE_ADDED, "v1.0.0")
    assert component.last_serial == entry.id


def test_an_entry_keeps_action_details_and_time(db_session: Session) -> None:
    component = a_component(db_session)
    entry = record(db_session, component, Action.LEVEL_CHANGED, "2 -> 3")
    db_session.commit()
    stored = db_session.get_one(JournalEntry, entry.id)
    assert (stored.action, stored.details, stored.component_id) == (
        "level changed",
        "2 -> 3",
        component.id,
    )
    assert stored.submitted_at.tzinfo is not None


def test_long_details_are_cut(db_session: Session) -> None:
    entry = record(db_session, None, Action.HARVEST_FAILED, "x" * 10_000)
    assert entry.details is not None
    assert len(entry.details) == MAX_DETAILS
    assert entry.details.endswith("…")


def test_publisher_entries_name_the_publisher(db_session: Session) -> None:
    upsert_publishers(db_session, [factories.publisher()])
    entry = db_session.scalars(select(JournalEntry)).one()
    assert (entry.publisher_id, entry.component_id) == (factories.PUBLISHER_ID, None)


def test_the_last_serial_is_the_newest_entry(db_session: Session) -> None:
    assert last_serial(db_session) is None
    entry = record(db_session, None, Action.PUBLISHER_CREATED)
    assert last_serial(db_session) == entry.id


def test_record_many_appends_one_entry_per_detail_in_order(db_session: Session) -> None:
    component = a_component(db_session)
    entries = record_many(db_session, component, Action.RELEASE_ADDED, ["v1.0", "v1.1"])
    assert [entry.details for entry in entries] == ["v1.0", "v1.1"]
    assert entries[0].id < entries[1].id
    assert component.last_serial == entries[1].id


def test_record_many_with_nothing_to_record_changes_nothing(db_session: Session) -> None:
    component = a_component(db_session)
    before = component.last_serial
    assert record_many(db_session, component, Action.RELEASE_ADDED, []) == []
    assert component.last_serial == before
