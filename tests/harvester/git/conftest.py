"""Fixtures for the git access tests: ``url_of`` runs a test over git:// and file://,
``served`` over git:// only (where the transport does not matter)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.gitrepos import GitDaemon, RepoBuilder, file_url

UrlOf = Callable[[RepoBuilder | Path], str]


@pytest.fixture(params=["git", "file"])
def url_of(request: pytest.FixtureRequest, git_daemon: GitDaemon) -> UrlOf:
    """The URL of a repository, served by git daemon (git://) or read locally (file://)."""
    if request.param == "git":
        return git_daemon.url
    return file_url


@pytest.fixture
def served(git_daemon: GitDaemon) -> UrlOf:
    """The git:// URL of a repository (for tests where the transport does not matter)."""
    return git_daemon.url
