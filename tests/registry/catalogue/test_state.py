"""The projection's version: new with every change to the projection, in its transaction."""

from __future__ import annotations

from sqlalchemy.orm import Session

from registry.catalogue import state
from registry.catalogue.projection import rebuild_all, refresh_entries
from tests.registry.catalogue.conftest import Catalogue


def test_a_database_without_projection_has_no_version(db_session: Session) -> None:
    assert state.version(db_session) is None


def test_advance_gives_a_new_version_each_time(db_session: Session) -> None:
    first = state.advance(db_session)
    second = state.advance(db_session)
    assert state.version(db_session) == second != first


def test_storing_a_harvest_changes_the_version(catalogue: Catalogue) -> None:
    catalogue.add("Parkleitsystem")
    before = state.version(catalogue.session)
    catalogue.add("Mängelmelder")
    assert state.version(catalogue.session) not in (None, before)


def test_refreshing_nothing_keeps_the_version(catalogue: Catalogue) -> None:
    catalogue.add("Parkleitsystem")
    before = state.version(catalogue.session)
    refresh_entries(catalogue.session, [])
    assert state.version(catalogue.session) == before


def test_a_rebuild_changes_the_version_also_of_an_empty_catalogue(db_session: Session) -> None:
    before = state.advance(db_session)
    rebuild_all(db_session)
    assert state.version(db_session) not in (None, before)


def test_a_rolled_back_change_leaves_the_committed_version(catalogue: Catalogue) -> None:
    catalogue.add("Parkleitsystem")
    catalogue.session.commit()
    committed = state.version(catalogue.session)
    catalogue.add("Mängelmelder")
    catalogue.session.rollback()
    assert state.version(catalogue.session) == committed
