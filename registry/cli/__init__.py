"""The ``kataster`` command: one entry point, a thin click shell per subcommand."""

from __future__ import annotations

import click

from .db import db_group
from .demo import demo_command
from .harvest import harvest_command
from .report import report_command
from .serve import serve_command
from .validate import validate_command

__all__ = ["main"]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kataster")
def main() -> None:
    """Kataster: the registry of reusable open-source software for municipalities."""


main.add_command(validate_command)
main.add_command(harvest_command)
main.add_command(report_command)
main.add_command(db_group)
main.add_command(serve_command)
main.add_command(demo_command)
