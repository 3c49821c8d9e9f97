"""The database: migrations up and down on SQLite and PostgreSQL, column types, engines."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, inspect, select, text
from sqlalchemy.exc import StatementError
from sqlalchemy.orm import Session

from registry import db
from registry.db import Base, OutdatedDatabase, check, current, downgrade, head, prepare, upgrade
from registry.harvest.models import HarvestRun

TABLES = {
    "catalogue_entry",
    "catalogue_facet",
    "catalogue_facet_value",
    "catalogue_state",
    "catalogue_term",
    "check_result",
    "code_hosting",
    "component",
    "component_alias",
    "finding",
    "harvest_run",
    "journal_entry",
    "member",
    "publisher",
    "release",
    "repository_harvest",
}


def tables(url: str) -> set[str]:
    """The tables of models (the catalogue's full-text index is none: catalogue/test_migration)."""
    engine = db.make_engine(url)
    try:
        names = set(inspect(engine).get_table_names()) - {"alembic_version"}
        return {name for name in names if not name.startswith("catalogue_fts")}
    finally:
        engine.dispose()


def test_exports_exactly_the_public_api() -> None:
    assert sorted(db.__all__) == sorted(
        [
            "NAMING_CONVENTION",
            "Base",
            "CleanText",
            "JSONValue",
            "OutdatedDatabase",
            "UTCDateTime",
            "check",
            "created",
            "current",
            "downgrade",
            "head",
            "intpk",
            "make_engine",
            "make_session_factory",
            "prepare",
            "sha",
            "short",
            "upgrade",
            "utcnow",
        ]
    )


def test_an_empty_database_has_no_revision(empty_database_url: str) -> None:
    assert current(empty_database_url) is None


def test_upgrade_creates_every_table_at_the_newest_revision(empty_database_url: str) -> None:
    upgrade(empty_database_url)
    assert current(empty_database_url) == head()
    assert tables(empty_database_url) == TABLES == set(Base.metadata.tables)


def test_the_models_match_the_migrations(empty_database_url: str) -> None:
    upgrade(empty_database_url)
    assert check(empty_database_url) == []


def test_downgrade_to_base_removes_every_table(empty_database_url: str) -> None:
    upgrade(empty_database_url)
    downgrade(empty_database_url, "base")
    assert current(empty_database_url) is None
    assert tables(empty_database_url) == set()


def test_upgrade_after_downgrade_works_again(empty_database_url: str) -> None:
    upgrade(empty_database_url)
    downgrade(empty_database_url, "base")
    upgrade(empty_database_url)
    assert check(empty_database_url) == []


def test_check_refuses_a_database_behind_the_migrations(empty_database_url: str) -> None:
    with pytest.raises(OutdatedDatabase) as raised:
        check(empty_database_url)
    assert (raised.value.current, raised.value.head) == (None, head())
    assert "kataster db upgrade" in str(raised.value)


def test_prepare_makes_the_sqlite_folder_and_migrates(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'new' / 'data' / 'kataster.db'}"
    engine = db.make_engine(url)
    prepare(engine)
    engine.dispose()
    assert current(url) == head()


def test_timestamps_come_back_timezone_aware_in_utc(db_session: Session) -> None:
    berlin = datetime.timezone(datetime.timedelta(hours=2))
    started = datetime.datetime(2024, 5, 1, 14, 0, tzinfo=berlin)
    db_session.add(HarvestRun(harvester_version="0.1.0", started_at=started))
    db_session.commit()
    db_session.expire_all()
    stored = db_session.scalars(select(HarvestRun)).one().started_at
    assert stored == started
    assert stored.tzinfo is datetime.UTC
    assert stored.hour == 12


def test_naive_timestamps_are_refused(db_session: Session) -> None:
    db_session.add(HarvestRun(harvester_version="0.1.0", started_at=datetime.datetime(2024, 5, 1)))
    with pytest.raises(StatementError, match="naive datetime"):
        db_session.flush()


def test_sqlite_enforces_foreign_keys_and_uses_wal(tmp_path: Path) -> None:
    engine: Engine = db.make_engine(f"sqlite:///{tmp_path / 'k.db'}")
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() == 30000
    engine.dispose()


def test_sqlite_transactions_roll_back_completely(tmp_path: Path) -> None:
    engine = db.make_engine(f"sqlite:///{tmp_path / 'k.db'}")
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE t (x INTEGER)"))
    with engine.connect() as connection:
        connection.execute(text("INSERT INTO t VALUES (1)"))
        connection.rollback()
        assert connection.execute(text("SELECT count(*) FROM t")).scalar() == 0
    engine.dispose()


def test_constraints_are_named_by_the_convention() -> None:
    component = Base.metadata.tables["component"]
    names = {constraint.name for constraint in component.constraints}
    assert {
        "pk_component",
        "uq_component_canonical_url",
        "fk_component_publisher_id_publisher",
    } <= names
