"""``kataster db``: the database's schema migrations (the Procfile's release phase upgrades),
and rebuilding the catalogue's search projection (``reindex``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import click
from alembic.util import CommandError
from sqlalchemy.exc import SQLAlchemyError

from .. import db
from ..catalogue.projection import rebuild_all
from ..config import InvalidSettings, Settings

__all__ = ["db_group"]

_T = TypeVar("_T")


@click.group("db")
def db_group() -> None:
    """Migrate the database of KATASTER_DATABASE_URL (default: SQLite in the data folder)."""


@db_group.command("upgrade")
@click.argument("revision", default="head")
def upgrade_command(revision: str) -> None:
    """Migrate up to REVISION (default: the newest)."""
    url = _database_url()
    _run(lambda: db.upgrade(url, revision))
    click.echo(f"database at {_run(lambda: db.current(url))}")


@db_group.command("downgrade")
@click.argument("revision")
def downgrade_command(revision: str) -> None:
    """Migrate down to REVISION (``base``: remove every Kataster table and its data)."""
    url = _database_url()
    _run(lambda: db.downgrade(url, revision))
    click.echo(f"database at {_run(lambda: db.current(url)) or 'base'}")


@db_group.command("current")
def current_command() -> None:
    """Print the database's revision and whether it is the newest."""
    url = _database_url()
    revision, newest = _run(lambda: db.current(url)), db.head()
    state = "newest" if revision == newest else f"newest is {newest}"
    click.echo(f"{revision or 'base (no Kataster tables)'} ({state})")


@db_group.command("check")
def check_command() -> None:
    """Check that the models match the migrations (exit status 1 when they differ)."""
    url = _database_url()
    try:
        differences = _run(lambda: db.check(url))
    except db.OutdatedDatabase as error:
        raise click.ClickException(str(error)) from error
    if differences:
        for difference in differences:
            click.echo(difference)
        raise click.ClickException("the models differ from the migrations: write a migration")
    click.echo("the models match the migrations")


@db_group.command("reindex")
def reindex_command() -> None:
    """Rebuild the catalogue's search entries from every component (one transaction)."""
    url = _database_url()
    at, newest = _run(lambda: db.current(url)), db.head()
    if at != newest:
        raise click.ClickException(str(db.OutdatedDatabase(at, newest)))
    click.echo(f"{_run(lambda: _reindex(url))} catalogue entries")


def _reindex(url: str) -> int:
    engine = db.make_engine(url)
    try:
        with db.make_session_factory(engine).begin() as session:
            return rebuild_all(session)
    finally:
        engine.dispose()


def _database_url() -> str:
    try:
        return Settings.from_env().database_url
    except InvalidSettings as error:
        raise click.UsageError(str(error)) from error


def _run(action: Callable[[], _T]) -> _T:
    """The database's and Alembic's errors as a message, not a traceback."""
    try:
        return action()
    except (SQLAlchemyError, CommandError) as error:
        raise click.ClickException(str(error)) from error
