"""Databases for the registry's tests: a real SQLite file and the real PostgreSQL server, and
the application on them (``app``, ``client``; a module may define its own).

``db_session`` is parametrised over both. Each PostgreSQL test session works in a schema of its
own (``kataster_test_<random>``), dropped at the end, so runs never see each other's tables;
tables are emptied after every test. PostgreSQL tests are skipped, with the reason, only when
the server does not answer.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

import registry.catalogue.models
import registry.components.models
import registry.harvest.models
import registry.journal.models
import registry.publishers.models  # noqa: F401 - every table on Base.metadata
from registry.app import create_app
from registry.db import Base, make_engine, make_session_factory, upgrade

POSTGRESQL = os.environ.get("KATASTER_TEST_POSTGRESQL", "postgresql://postgres@127.0.0.1:5432/test")
BACKENDS = ["sqlite", "postgresql"]


def _postgresql_available() -> str | None:
    """``None`` when the server answers, else why not."""
    try:
        with psycopg.connect(POSTGRESQL, connect_timeout=5):
            return None
    except psycopg.Error as error:
        return f"PostgreSQL at {POSTGRESQL} is unreachable: {error}"


@contextlib.contextmanager
def empty_database(backend: str, folder: Path) -> Iterator[str]:
    """The URL of an empty database: a new SQLite file, or a new PostgreSQL schema."""
    if backend == "sqlite":
        yield f"sqlite:///{folder / 'kataster.db'}"
        return
    reason = _postgresql_available()
    if reason is not None:
        pytest.skip(reason)
    schema = f"kataster_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(POSTGRESQL, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
    try:
        base = POSTGRESQL.replace("postgresql://", "postgresql+psycopg://", 1)
        yield f"{base}?options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(POSTGRESQL, autocommit=True) as admin:
            admin.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=BACKENDS)
def empty_database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database without any table, for each backend."""
    with empty_database(request.param, tmp_path) as url:
        yield url


@pytest.fixture(scope="session", params=BACKENDS)
def database_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """A database migrated to the newest revision, for each backend, shared by the session."""
    with empty_database(request.param, tmp_path_factory.mktemp(request.param)) as url:
        upgrade(url)
        yield url


@pytest.fixture(scope="session")
def engine(database_url: str) -> Iterator[Engine]:
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def db_session(engine: Engine) -> Iterator[Session]:
    """A session on a migrated database whose tables are emptied after the test."""
    session = make_session_factory(engine)()
    try:
        yield session
    finally:
        session.rollback()
        session.close()
        _empty_tables(engine)


def _empty_tables(engine: Engine) -> None:
    tables = list(reversed(Base.metadata.sorted_tables))
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            names = ", ".join(f'"{table.name}"' for table in tables)
            connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        else:
            for table in tables:
                connection.execute(table.delete())


@pytest.fixture
def app(database_url: str) -> Iterator[Flask]:
    """The application on the test session's migrated database (emptied after each test)."""
    app = create_app({"TESTING": True, "KATASTER_DATABASE_URL": database_url})
    yield app
    engine = app.extensions["kataster"].engine
    if engine is not None:
        engine.dispose()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()
