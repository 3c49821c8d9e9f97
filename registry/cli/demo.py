"""``kataster demo``: build a catalogue of fictional model projects and serve it.

The repositories, the sources file and a SQLite database go into a folder (by default
``demo`` in the data folder), which is rebuilt on every run; see :mod:`registry.demo`.
"""

from __future__ import annotations

from pathlib import Path

import click

from ..config import InvalidSettings, Settings
from ..demo import DemoError, DemoSummary, build_demo
from .serve import check_port, serve

__all__ = ["demo_command"]


@click.command("demo")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port", type=click.IntRange(1, 65535), default=5000, show_default=True, help="Port."
)
@click.option(
    "--folder",
    type=click.Path(file_okay=False, path_type=Path),
    help="Where to build the demo (default: demo/ in the data folder); rebuilt on every run.",
)
@click.option("--no-serve", is_flag=True, help="Only build the demo; do not serve it.")
def demo_command(host: str, port: int, folder: Path | None, no_serve: bool) -> None:
    """Build a demo catalogue of fictional model projects and serve it."""
    try:
        folder = folder or Settings.from_env().data_dir / "demo"
    except InvalidSettings as error:
        raise click.UsageError(str(error)) from error
    if not no_serve:
        check_port(host, port)  # fail fast, before a build of several seconds
    click.echo(f"Building the demo in {folder} ...")
    try:
        summary = build_demo(folder)
    except DemoError as error:
        raise click.ClickException(str(error)) from error
    _report(summary)
    if no_serve:
        click.echo(f"To look at it: KATASTER_DATABASE_URL={summary.database_url} kataster serve")
        return
    check_port(host, port)  # again: another program may have taken it during the build
    from ..app import create_app  # the web app's imports are for serving only (start-up cost)

    serve(create_app({"KATASTER_DATABASE_URL": summary.database_url}), host, port)


def _report(summary: DemoSummary) -> None:
    levels = ", ".join(f"{level}: {count}" for level, count in summary.levels.items())
    outcomes = ", ".join(f"{count} {outcome}" for outcome, count in sorted(summary.harvest.items()))
    click.echo(f"Demo built in {summary.seconds:.0f} s:")
    click.echo(f"  {summary.repositories} git repositories in {summary.folder / 'repositories'}")
    click.echo(f"  sources file {summary.sources}; harvest: {outcomes}")
    click.echo(f"  {summary.components} components, by maturity level: {levels}")
    click.echo(
        f"  {summary.incomplete} without publiccode.yml, {summary.archived} archived, "
        f"{summary.aliases} mirror URL(s) merged into their original"
    )
    click.echo(f"  database {summary.database_url}")
    for problem in summary.problems:
        click.echo(f"  {problem}")
