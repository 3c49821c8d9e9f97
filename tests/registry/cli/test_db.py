"""``kataster db``: upgrade, downgrade, current, check and reindex through the command line."""

from __future__ import annotations

from click.testing import CliRunner, Result
from sqlalchemy import delete

from registry.catalogue.models import CatalogueEntry
from registry.cli import main
from registry.db import head, make_engine, make_session_factory
from registry.harvest.ingest import start_run, store_record, upsert_publishers
from tests.registry import factories


def db(database_url: str, *args: str) -> Result:
    return CliRunner().invoke(main, ["db", *args], env={"KATASTER_DATABASE_URL": database_url})


def test_upgrade_migrates_to_the_newest_revision(empty_database_url: str) -> None:
    result = db(empty_database_url, "upgrade")
    assert (result.exit_code, result.output) == (0, f"database at {head()}\n")


def test_current_tells_whether_the_database_is_the_newest(empty_database_url: str) -> None:
    assert db(empty_database_url, "current").output == (
        f"base (no Kataster tables) (newest is {head()})\n"
    )
    db(empty_database_url, "upgrade")
    assert db(empty_database_url, "current").output == f"{head()} (newest)\n"


def test_check_passes_when_the_models_match_the_migrations(empty_database_url: str) -> None:
    db(empty_database_url, "upgrade")
    result = db(empty_database_url, "check")
    assert (result.exit_code, result.output) == (0, "the models match the migrations\n")


def test_check_of_an_unmigrated_database_fails_clearly(empty_database_url: str) -> None:
    result = db(empty_database_url, "check")
    assert result.exit_code == 1
    assert "run `kataster db upgrade`" in result.output


def test_downgrade_to_base_removes_the_tables(empty_database_url: str) -> None:
    db(empty_database_url, "upgrade")
    result = db(empty_database_url, "downgrade", "base")
    assert (result.exit_code, result.output) == (0, "database at base\n")


def test_an_unknown_revision_is_reported_without_a_traceback(empty_database_url: str) -> None:
    result = db(empty_database_url, "upgrade", "nonsense")
    assert result.exit_code == 1
    assert "nonsense" in result.output
    assert "Traceback" not in result.output


def test_an_unreachable_database_is_reported_without_a_traceback() -> None:
    result = db("postgresql+psycopg://postgres@127.0.0.1:1/none?connect_timeout=2", "current")
    assert result.exit_code == 1
    assert result.output.startswith("Error: ")


# --- kataster db reindex (the catalogue's search projection) -------------------------------


def test_reindex_rebuilds_the_catalogue_and_counts_its_entries(empty_database_url: str) -> None:
    db(empty_database_url, "upgrade")
    engine = make_engine(empty_database_url)
    try:
        with make_session_factory(engine).begin() as session:
            upsert_publishers(session, [factories.publisher()])
            run = start_run(session, harvester_version="0.1.0")
            store_record(session, run.id, factories.ok_record())
            session.execute(delete(CatalogueEntry))
    finally:
        engine.dispose()
    result = db(empty_database_url, "reindex")
    assert (result.exit_code, result.output) == (0, "1 catalogue entries\n")


def test_reindex_of_an_unmigrated_database_fails_clearly(empty_database_url: str) -> None:
    result = db(empty_database_url, "reindex")
    assert result.exit_code == 1
    assert "run `kataster db upgrade`" in result.output
