"""Harvest runs and a component's harvest history."""

from __future__ import annotations

import datetime

from sqlalchemy.orm import Session

from registry.components.queries import find_component
from registry.harvest.ingest import start_run, store_record, upsert_publishers
from registry.harvest.queries import harvests_of, recent_runs
from tests.registry import factories


def test_recent_runs_come_newest_first(db_session: Session) -> None:
    first = start_run(db_session, harvester_version="0.1.0")
    second = start_run(db_session, harvester_version="0.1.0")
    assert list(recent_runs(db_session)) == [second, first]
    assert list(recent_runs(db_session, limit=1)) == [second]


def test_a_components_harvests_come_newest_first_failures_included(db_session: Session) -> None:
    upsert_publishers(db_session, [factories.publisher()])
    run = start_run(db_session, harvester_version="0.1.0")
    later = factories.NOW + datetime.timedelta(days=1)
    store_record(db_session, run.id, factories.ok_record())
    store_record(db_session, run.id, factories.failed_record(at=later))
    component = find_component(db_session, factories.URL)
    assert component is not None
    assert [h.status for h in harvests_of(db_session, component.id)] == ["failed", "ok"]
