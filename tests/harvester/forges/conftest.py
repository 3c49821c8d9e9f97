"""Fixtures for the forge clients: fake forge servers on 127.0.0.1 and a sleep that records."""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import pytest

from harvester.forges.gitea import GiteaForge
from harvester.forges.github import GitHubForge
from harvester.forges.gitlab import GitLabForge
from tests.harvester.forges.fake_forge import FakeForge
from tests.harvester.forges.fake_gitea import FakeGitea
from tests.harvester.forges.fake_github import FakeGitHub
from tests.harvester.forges.fake_gitlab import FakeGitLab

TOKEN = "ghp_secretTOKEN0123456789"  # a fake, to prove it is sent only where it belongs


Server = TypeVar("Server", bound=FakeForge)


def _serve(server: Server) -> Iterator[Server]:
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture
def github_server() -> Iterator[FakeGitHub]:
    yield from _serve(FakeGitHub())


@pytest.fixture
def gitlab_server() -> Iterator[FakeGitLab]:
    yield from _serve(FakeGitLab())


@pytest.fixture
def gitea_server() -> Iterator[FakeGitea]:
    yield from _serve(FakeGitea())


@pytest.fixture
def sleeps() -> list[float]:
    """The waits asked of the injected ``sleep``, which returns at once."""
    return []


@pytest.fixture
def make_github(
    github_server: FakeGitHub, sleeps: list[float]
) -> Iterator[Callable[..., GitHubForge]]:
    """GitHub clients for the fake server (or another base), closed after the test."""
    made: list[GitHubForge] = []

    def make(token: str | None = TOKEN, **options: Any) -> GitHubForge:
        defaults = {
            "base_url": github_server.api,
            "timeout": 1,
            "sleep": sleeps.append,
            "per_page": 2,
        }
        made.append(GitHubForge(token, **{**defaults, **options}))
        return made[-1]

    yield make
    for client in made:
        client.close()


@pytest.fixture
def make_gitlab(
    gitlab_server: FakeGitLab, sleeps: list[float]
) -> Iterator[Callable[..., GitLabForge]]:
    """GitLab clients whose token belongs to the fake server, closed after the test."""
    made: list[GitLabForge] = []

    def make(token: str | None = TOKEN, **options: Any) -> GitLabForge:
        defaults = {
            "home": gitlab_server.origin,
            "timeout": 1,
            "sleep": sleeps.append,
            "per_page": 2,
        }
        made.append(GitLabForge(token, **{**defaults, **options}))
        return made[-1]

    yield make
    for client in made:
        client.close()


@pytest.fixture
def make_gitea(gitea_server: FakeGitea, sleeps: list[float]) -> Iterator[Callable[..., GiteaForge]]:
    """Gitea clients whose token belongs to the fake server, closed after the test."""
    made: list[GiteaForge] = []

    def make(token: str | None = TOKEN, **options: Any) -> GiteaForge:
        defaults = {
            "home": gitea_server.origin,
            "timeout": 1,
            "sleep": sleeps.append,
            "per_page": 2,
        }
        made.append(GiteaForge(token, **{**defaults, **options}))
        return made[-1]

    yield make
    for client in made:
        client.close()


@pytest.fixture
def github(make_github: Callable[..., GitHubForge]) -> GitHubForge:
    return make_github()


@pytest.fixture
def gitlab(make_gitlab: Callable[..., GitLabForge]) -> GitLabForge:
    return make_gitlab()


@pytest.fixture
def gitea(make_gitea: Callable[..., GiteaForge]) -> GiteaForge:
    return make_gitea()


@pytest.fixture
def silent_origin() -> Iterator[str]:
    """A server that accepts connections and never answers."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(16)
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"


@pytest.fixture
def closed_origin() -> str:
    """An address where nothing listens: connections are refused."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"
