"""Migration 0002: the catalogue's tables and full-text index, up and down, filled on upgrade."""

from __future__ import annotations

from sqlalchemy import inspect, text

from registry import db
from registry.catalogue.search import SearchQuery, search
from registry.db import check, downgrade, upgrade

CATALOGUE_TABLES = {"catalogue_entry", "catalogue_facet", "catalogue_facet_value"}


def names(url: str) -> set[str]:
    """Tables, and on SQLite triggers too, whose name starts with ``catalogue``."""
    engine = db.make_engine(url)
    try:
        with engine.connect() as connection:
            found = set(inspect(connection).get_table_names())
            if engine.dialect.name == "sqlite":
                rows = connection.execute(text("SELECT name FROM sqlite_master"))
                found |= {name for (name,) in rows}
        return {name for name in found if name.startswith("catalogue")}
    finally:
        engine.dispose()


def test_upgrade_adds_the_tables_and_the_full_text_index(empty_database_url: str) -> None:
    upgrade(empty_database_url)
    found = names(empty_database_url)
    assert CATALOGUE_TABLES | {"catalogue_fts"} <= found
    if empty_database_url.startswith("sqlite"):
        assert {"catalogue_fts_short", "catalogue_entry_fts_delete"} <= found
    assert check(empty_database_url) == []


def test_downgrade_removes_everything_it_added(empty_database_url: str) -> None:
    upgrade(empty_database_url, "0001")
    before = names(empty_database_url)
    upgrade(empty_database_url)
    downgrade(empty_database_url, "0001")
    assert names(empty_database_url) == before == set()
    upgrade(empty_database_url)
    assert check(empty_database_url) == []


def test_upgrade_fills_the_catalogue_from_the_components_there_are(
    empty_database_url: str,
) -> None:
    upgrade(empty_database_url, "0001")
    engine = db.make_engine(empty_database_url)
    try:
        with engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO publisher (id, name, kind, created_at) "
                    "VALUES ('musterstadt', 'Stadt Musterstadt', 'municipality', :now)"
                ),
                {"now": "2026-01-01T00:00:00+00:00"},
            )
            connection.execute(
                text(
                    "INSERT INTO component (id, canonical_url, url, publisher_id, incomplete, "
                    "single_commit_snapshot, created_at, updated_at) VALUES (7, :url, :url, "
                    "'musterstadt', :no, :no, :now, :now)"
                ),
                {
                    "url": "https://github.com/musterstadt/parkleitsystem",
                    "no": False,
                    "now": "2026-01-01T00:00:00+00:00",
                },
            )
        upgrade(empty_database_url)
        with db.make_session_factory(engine)() as session:
            result = search(session, SearchQuery(text="Parkleitsystem"))
        assert [(hit.component_id, hit.name, hit.level) for hit in result.hits] == [
            (7, "parkleitsystem", None)
        ]
    finally:
        engine.dispose()
