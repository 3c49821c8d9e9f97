"""Fixtures for the whole test suite.

Git (see tests/gitrepos.py for the builders behind them):

- ``git_repos``: a factory, ``git_repos("name", branch="main")`` -> RepoBuilder in tmp_path.
- ``git_daemon``: one ``git daemon`` for the session, serving everything under pytest's base
  temporary folder; ``git_daemon.url(repo)`` is a repository's git:// URL.
- ``silent_server``: a TCP server on 127.0.0.1 that accepts connections and never answers.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.gitrepos import GitDaemon, RepoBuilder, SilentServer, serve_git_daemon, serve_silent


class RepoFactory:
    """Makes RepoBuilders in one folder: ``git_repos("app")`` is ``<root>/app``."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def __call__(self, name: str = "repo", branch: str = "main") -> RepoBuilder:
        return RepoBuilder(self.root / name, branch=branch)


@pytest.fixture
def git_repos(tmp_path: Path) -> RepoFactory:
    """A factory of real git repositories under tmp_path/repos."""
    return RepoFactory(tmp_path / "repos")


@pytest.fixture(scope="session")
def git_daemon(tmp_path_factory: pytest.TempPathFactory) -> Iterator[GitDaemon]:
    """A git daemon on 127.0.0.1 serving every repository under pytest's base temporary
    folder (so repositories made with ``git_repos`` or in ``tmp_path`` are all served)."""
    root = tmp_path_factory.getbasetemp()
    with serve_git_daemon(root) as base_url:
        yield GitDaemon(root=root, base_url=base_url)


@pytest.fixture
def silent_server() -> Iterator[SilentServer]:
    """A TCP server on 127.0.0.1 that never answers (``silent_server.url("git")``)."""
    with serve_silent() as server:
        yield server
