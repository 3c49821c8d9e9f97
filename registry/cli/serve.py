"""``kataster serve``: the catalogue on Werkzeug's development server.

For production, run the WSGI app with gunicorn (the Procfile's ``web``); this command is for
trying Kataster out and for development. The configured database is migrated first when it is
new or behind (a line says so). A port that is taken is a one-line error, not a traceback.
"""

from __future__ import annotations

import errno
import ipaddress
import socket
from pathlib import Path
from typing import TYPE_CHECKING

import click
from alembic.util import CommandError
from sqlalchemy.exc import SQLAlchemyError
from werkzeug.serving import is_running_from_reloader, run_simple

from ..config import InvalidSettings, Settings
from ..db import current, head, make_engine, prepare

if TYPE_CHECKING:
    from flask import Flask
    from sqlalchemy import Engine

__all__ = ["check_port", "is_loopback", "prepare_database", "serve", "serve_command"]

_LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain"})


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port", type=click.IntRange(1, 65535), default=5000, show_default=True, help="Port."
)
@click.option(
    "--debug/--no-debug",
    default=False,
    show_default=True,
    help="Reload on code changes and show Werkzeug's interactive debugger (loopback only).",
)
def serve_command(host: str, port: int, debug: bool) -> None:
    """Serve the catalogue of KATASTER_DATABASE_URL with the development server."""
    if debug and not is_loopback(host):
        raise click.UsageError("--debug shows an interactive debugger: use it only on 127.0.0.1")
    try:
        url = Settings.from_env().database_url
    except InvalidSettings as error:
        raise click.UsageError(str(error)) from error
    if not is_running_from_reloader():  # the reloader's child finds both done
        check_port(host, port)
        prepare_database(url)
    from ..app import create_app  # the web app's imports are for serving only (start-up cost)

    serve(create_app(), host, port, debug=debug)


def is_loopback(host: str) -> bool:
    """Whether ``host`` names this machine only (127.0.0.0/8, ::1, localhost)."""
    if host.lower() in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_port(host: str, port: int) -> None:
    """Raise a one-line :class:`click.ClickException` when ``host:port`` cannot be listened on."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as Werkzeug does
        try:
            probe.bind((host, port))
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                raise click.ClickException(
                    f"port {port} on {host} is in use: stop the other program or choose "
                    "another port with --port"
                ) from None
            reason = error.strerror or str(error)
            raise click.ClickException(f"cannot listen on {host}:{port}: {reason}") from None


def prepare_database(url: str) -> None:
    """Migrate the database at ``url`` to the newest revision when it is new or behind."""
    engine = make_engine(url)
    shown = engine.url.render_as_string(hide_password=True)
    try:
        _make_sqlite_folder(engine)
        newest = head()
        if current(url) != newest:
            click.echo(f"Migrating the database {shown} to {newest} ...")
            prepare(engine)
    except (SQLAlchemyError, CommandError, OSError) as error:
        raise click.ClickException(f"the database {shown} cannot be used: {error}") from error
    finally:
        engine.dispose()


def _make_sqlite_folder(engine: Engine) -> None:
    """A new SQLite file's folder (the default lives in the data folder, maybe not made yet)."""
    database = engine.url.database
    if engine.dialect.name == "sqlite" and database not in (None, "", ":memory:"):
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)


def serve(app: Flask, host: str, port: int, *, debug: bool = False) -> None:
    """Serve ``app`` until Ctrl+C (with ``debug``: reloader and debugger)."""
    if not is_running_from_reloader():
        shown = f"[{host}]" if ":" in host else host
        click.echo(f"Kataster serves http://{shown}:{port}/ (Ctrl+C stops)")
    run_simple(host, port, app, use_reloader=debug, use_debugger=debug, threaded=True)
