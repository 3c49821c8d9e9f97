"""The forge registry: make_forges, driver_for, and the package's public names."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

import harvester.forges as forges
from harvester.forges import DRIVERS, ForgeClient, RateLimited, driver_for, make_forges
from tests.harvester.forges.conftest import TOKEN
from tests.harvester.forges.fake_gitea import FakeGitea
from tests.harvester.forges.fake_github import FakeGitHub
from tests.harvester.forges.fake_gitlab import FakeGitLab


def closed(clients: dict[str, ForgeClient]) -> None:
    for client in clients.values():
        close = getattr(client, "close", None)
        if close is not None:
            close()


@pytest.fixture
def registry(
    github_server: FakeGitHub,
    gitlab_server: FakeGitLab,
    gitea_server: FakeGitea,
    sleeps: list[float],
) -> Iterator[dict[str, ForgeClient]]:
    clients = make_forges(
        {"github": TOKEN, "gitlab": TOKEN, "gitea": None},
        base_urls={"github": github_server.api, "gitlab": gitlab_server.origin},
        timeout=1,
        sleep=sleeps.append,
        max_wait=100,
    )
    yield clients
    closed(clients)


def test_exports_only_its_public_names() -> None:
    assert sorted(forges.__all__) == [
        "DRIVERS",
        "ForgeClient",
        "ForgeError",
        "ForgeNotFound",
        "ForgeUnavailable",
        "InvalidForgeURL",
        "NullForge",
        "RateLimited",
        "driver_for",
        "make_forges",
    ]


def test_makes_one_client_per_driver() -> None:
    clients = make_forges({})
    try:
        assert list(clients) == list(DRIVERS)
        assert all(isinstance(client, ForgeClient) for client in clients.values())
    finally:
        closed(clients)


def test_the_github_client_uses_the_base_url_and_token(
    registry: dict[str, ForgeClient], github_server: FakeGitHub
) -> None:
    assert (
        len(
            list(
                registry["github"].list_repositories("https://github.com/smart-city-beispielstadt")
            )
        )
        == 5
    )
    assert all(TOKEN in r.headers["authorization"] for r in github_server.requests)


def test_the_gitlab_token_goes_to_the_instance_named_for_it(
    registry: dict[str, ForgeClient], gitlab_server: FakeGitLab
) -> None:
    registry["gitlab"].repository(f"{gitlab_server.origin}/smart-city-beispielstadt/beteiligung")
    assert {r.headers.get("authorization") for r in gitlab_server.requests} == {f"Bearer {TOKEN}"}


def test_the_gitea_client_without_token_sends_none(
    registry: dict[str, ForgeClient], gitea_server: FakeGitea
) -> None:
    list(registry["gitea"].list_repositories(f"{gitea_server.origin}/smart-city-beispielstadt"))
    assert not any("authorization" in r.headers for r in gitea_server.requests)


def test_waits_go_through_the_given_sleep(
    registry: dict[str, ForgeClient], gitea_server: FakeGitea, sleeps: list[float]
) -> None:
    repos = "/api/v1/orgs/smart-city-beispielstadt/repos"
    gitea_server.script(
        repos, gitea_server.error(429, "error-server.json", **{"Retry-After": "30"})
    )
    list(registry["gitea"].list_repositories(f"{gitea_server.origin}/smart-city-beispielstadt"))
    assert sleeps == [30]


def test_waits_longer_than_max_wait_are_refused(
    registry: dict[str, ForgeClient], gitea_server: FakeGitea, sleeps: list[float]
) -> None:
    repos = "/api/v1/orgs/smart-city-beispielstadt/repos"
    gitea_server.script(
        repos, gitea_server.error(429, "error-server.json", **{"Retry-After": "101"})
    )
    with pytest.raises(RateLimited):
        list(registry["gitea"].list_repositories(f"{gitea_server.origin}/smart-city-beispielstadt"))
    assert sleeps == []


@pytest.mark.parametrize(
    ("url", "driver"),
    [
        ("https://github.com/Klingenstadt-Solingen", "github"),
        ("https://GitHub.com/Klingenstadt-Solingen/app", "github"),
        ("https://gitlab.opencode.de/smart-city-muenster", "gitlab"),
        ("https://gitlab.com/stadt", "gitlab"),
        ("https://gitlab.stadt-beispiel.de/gruppe", "gitlab"),
        ("https://codeberg.org/stadt", "gitea"),
        ("https://gitea.stadt-beispiel.de/stadt", "gitea"),
        ("https://forgejo.stadt-beispiel.de/stadt", "gitea"),
        ("https://git.stadt-beispiel.de/stadt/app.git", "git"),
        ("git://github.com/stadt/app.git", "git"),
        ("git@github.com:stadt/app.git", "git"),
        ("https://mygitlab.example.org/stadt", "git"),
        ("https://[::1/", "git"),
    ],
)
def test_chooses_the_driver_by_host(url: str, driver: str) -> None:
    assert driver_for(url) == driver
