"""``kataster report``: what the registry stores for each component, as text or JSON."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path

import click
from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from ..components.models import Component
from ..components.queries import find_component, list_components
from ..components.serialise import serialise_component
from ..config import InvalidSettings, Settings
from ..db import OutdatedDatabase, current, head, make_engine, make_session_factory
from ._report_text import render_component

__all__ = ["report_command"]

EXIT_OK, EXIT_UNMATCHED = 0, 1


@click.command("report")
@click.argument("urls", nargs=-1, metavar="[URL]...")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
)
@click.option(
    "--lang",
    "language",
    type=click.Choice(["de", "en"]),
    default="de",
    show_default=True,
    help="Language of stored findings and check reasons in text (JSON carries both).",
)
def report_command(urls: tuple[str, ...], output_format: str, language: str) -> None:
    """Print what is stored for every component, or for those with a URL or alias given.

    URLs match in any spelling (https, .git, scp-like ssh). Exit status: 0; 1 when a given URL
    matches no component or the database cannot be read; 2 for usage errors.
    """
    try:
        settings = Settings.from_env()
    except InvalidSettings as error:
        raise click.UsageError(str(error)) from error
    engine = _open(settings.database_url)
    try:
        with make_session_factory(engine)() as session:
            components, unmatched = _select(session, urls)
            data = [serialise_component(component) for component in components]
    except SQLAlchemyError as error:
        raise click.ClickException(f"the database cannot be read: {error}") from error
    finally:
        engine.dispose()
    _print(data, output_format, language, listed_all=not urls)
    for url in unmatched:
        click.echo(f"kataster report: no component has the URL or alias {url}", err=True)
    sys.exit(EXIT_UNMATCHED if unmatched else EXIT_OK)


def _open(url: str) -> Engine:
    """An engine for a database at the newest migration, or a clear reason why not."""
    database = make_url(url).database
    is_file = url.startswith("sqlite") and database not in (None, "", ":memory:")
    if is_file and not Path(str(database)).expanduser().is_file():
        raise click.ClickException(f"no database at {database}: run `kataster harvest` first")
    try:
        at, newest = current(url), head()
    except SQLAlchemyError as error:
        raise click.ClickException(f"the database cannot be read: {error}") from error
    if at != newest:
        raise click.ClickException(str(OutdatedDatabase(at, newest)))
    return make_engine(url)


def _select(session: Session, urls: Sequence[str]) -> tuple[list[Component], list[str]]:
    """Every component without URLs; else the ones named, in order, and the unmatched URLs."""
    if not urls:
        return list(list_components(session)), []
    ids: list[int] = []
    unmatched: list[str] = []
    for url in urls:
        component = find_component(session, url)
        if component is None:
            unmatched.append(url)
        elif component.id not in ids:
            ids.append(component.id)
    by_id = {component.id: component for component in list_components(session, ids)}
    return [by_id[i] for i in ids], unmatched


def _print(
    data: list[dict[str, object]], output_format: str, language: str, *, listed_all: bool
) -> None:
    if output_format == "json":
        click.echo(json.dumps(data, indent=4, ensure_ascii=False))
    elif data:
        click.echo("\n\n".join(render_component(item, language) for item in data))
    elif listed_all:
        click.echo("No components stored.")
