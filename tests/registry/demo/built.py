"""One demo build per test session, shared by the demo's tests and ``kataster demo``'s tests.

A build takes about ten seconds, so it is made once, through the real command
(``kataster demo --no-serve --folder ...``), the first time a test asks for it::

    @pytest.fixture(scope="session")
    def demo(tmp_path_factory) -> Built:
        return demo_built(tmp_path_factory)
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from registry.cli import main
from registry.demo.run import MARKER

__all__ = ["Built", "demo_built"]


@dataclass(frozen=True)
class Built:
    folder: Path
    database_url: str
    result: Result
    today: datetime.date


_BUILT: list[Built] = []


def demo_built(factory: pytest.TempPathFactory) -> Built:
    """The session's demo, built on first use into a folder an earlier demo left behind
    (its marker and a stale file), which the build must empty first."""
    if not _BUILT:
        folder = factory.mktemp("demo")
        (folder / MARKER).write_text("an earlier demo\n")
        (folder / "stale.txt").write_text("from an earlier demo\n")
        today = datetime.datetime.now(datetime.UTC).date()
        result = CliRunner().invoke(main, ["demo", "--no-serve", "--folder", str(folder)])
        _BUILT.append(Built(folder, f"sqlite:///{folder / 'kataster.db'}", result, today))
    return _BUILT[0]
