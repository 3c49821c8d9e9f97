"""Discover: the repositories a forge lists become targets, and a forge cannot name local ones."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from harvester.discover import DiscoveryFailure, Target, discover
from harvester.forges.gitea import GiteaForge
from harvester.records import CodeHosting, Publisher
from tests.harvester.forges.fake_forge import Answer
from tests.harvester.forges.fake_gitea import FakeGitea

LISTING = "/api/v1/orgs/smart-city/repos"


@pytest.fixture
def gitea_server() -> Iterator[FakeGitea]:
    server = FakeGitea()
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture
def gitea(gitea_server: FakeGitea) -> Iterator[GiteaForge]:
    client = GiteaForge(home=gitea_server.origin, timeout=1, releases=False)
    yield client
    client.close()


def listing(*clone_urls: str) -> Answer:
    repositories = [
        {"name": f"repo{n}", "full_name": f"smart-city/repo{n}", "clone_url": url}
        for n, url in enumerate(clone_urls)
    ]
    return Answer.json(200, repositories, **{"X-Total-Count": str(len(repositories))})


def publisher(url: str) -> Publisher:
    hosting = CodeHosting(url=url, group=True, driver="gitea")
    return Publisher(
        id="mpsc-musterstadt", name="Musterstadt", kind="model-project", code_hosting=(hosting,)
    )


def test_a_forge_cannot_name_a_repository_on_the_harvesters_own_disk(
    gitea: GiteaForge, gitea_server: FakeGitea
) -> None:
    gitea_server.script(
        LISTING,
        listing("https://codeberg.org/smart-city/app.git", "file:///etc/secrets", "/srv/private"),
    )
    found = list(discover([publisher(f"{gitea_server.origin}/smart-city")], {"gitea": gitea}))
    targets = [item.url for item in found if isinstance(item, Target)]
    refused = [item for item in found if isinstance(item, DiscoveryFailure)]
    assert targets == ["https://codeberg.org/smart-city/app.git"]
    assert [item.url for item in refused] == ["file:///etc/secrets", "/srv/private"]
    assert all("clone URL" in item.reason for item in refused)


def test_a_forge_that_does_not_know_the_group_is_a_failure_with_its_reason(
    gitea: GiteaForge, gitea_server: FakeGitea
) -> None:
    gitea_server.script(LISTING, Answer.json(404, {"message": "Not Found"}))
    gitea_server.script(
        "/api/v1/users/smart-city/repos", Answer.json(404, {"message": "Not Found"})
    )
    url = f"{gitea_server.origin}/smart-city"
    found = list(discover([publisher(url)], {"gitea": gitea}))
    assert found == [DiscoveryFailure("mpsc-musterstadt", url, "not found on the forge")]


def test_a_driver_that_is_not_configured_is_a_failure(gitea_server: FakeGitea) -> None:
    url = f"{gitea_server.origin}/smart-city"
    found = list(discover([publisher(url)], {}))
    assert found == [
        DiscoveryFailure("mpsc-musterstadt", url, "no forge driver 'gitea' is configured")
    ]
