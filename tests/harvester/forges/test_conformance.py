"""The same promises, checked against every ForgeClient: the three forges, plain git, NullForge."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest

from harvester.forges import DRIVERS, ForgeClient, InvalidForgeURL
from harvester.forges.gitea import GiteaForge
from harvester.forges.github import GitHubForge
from harvester.forges.gitlab import GitLabForge
from harvester.forges.null import NullForge
from harvester.forges.plain import PlainGit
from harvester.records import ForgeRepository
from tests.harvester.forges.fake_gitea import FakeGitea
from tests.harvester.forges.fake_gitlab import FakeGitLab

SECRET = "geheim-0123456789"


@dataclass(frozen=True)
class Case:
    client: ForgeClient
    account: str  # an organisation, user or group
    repository: str


def _github(request: pytest.FixtureRequest) -> Case:
    request.getfixturevalue("github_server")
    make: Callable[..., GitHubForge] = request.getfixturevalue("make_github")
    org = "https://github.com/smart-city-beispielstadt"
    return Case(make(), org, f"{org}/beteiligungsportal")


def _gitlab(request: pytest.FixtureRequest) -> Case:
    server: FakeGitLab = request.getfixturevalue("gitlab_server")
    make: Callable[..., GitLabForge] = request.getfixturevalue("make_gitlab")
    group = f"{server.origin}/smart-city-beispielstadt"
    return Case(make(), group, f"{group}/beteiligung")


def _gitea(request: pytest.FixtureRequest) -> Case:
    server: FakeGitea = request.getfixturevalue("gitea_server")
    make: Callable[..., GiteaForge] = request.getfixturevalue("make_gitea")
    org = f"{server.origin}/smart-city-beispielstadt"
    return Case(make(), org, f"{org}/stadtratsinfo")


def _plain(request: pytest.FixtureRequest) -> Case:
    url = "https://git.beispielstadt.de/stadt/app.git"
    return Case(PlainGit(), url, url)


def _null(request: pytest.FixtureRequest) -> Case:
    url = "https://github.com/smart-city-beispielstadt/beteiligungsportal"
    return Case(NullForge(), "https://github.com/smart-city-beispielstadt", url)


@pytest.fixture(
    params=[_github, _gitlab, _gitea, _plain, _null], ids=lambda make: make.__name__[1:]
)
def case(request: pytest.FixtureRequest) -> Iterator[Case]:
    yield request.param(request)


def test_is_a_forge_client(case: Case) -> None:
    assert isinstance(case.client, ForgeClient)


def test_lists_lazily(case: Case) -> None:
    listing = case.client.list_repositories(case.account)
    assert iter(listing) is listing


def test_lists_repository_records_with_a_clone_url_and_a_driver(case: Case) -> None:
    for repository in case.client.list_repositories(case.account):
        assert isinstance(repository, ForgeRepository)
        assert repository.clone_url
        assert repository.driver in DRIVERS


def test_lists_the_same_twice(case: Case) -> None:
    first = list(case.client.list_repositories(case.account))
    assert list(case.client.list_repositories(case.account)) == first


def test_describes_one_repository_with_a_clone_url_and_a_driver(case: Case) -> None:
    repository = case.client.repository(case.repository)
    assert isinstance(repository, ForgeRepository)
    assert repository.clone_url
    assert repository.driver in DRIVERS


def test_a_described_repository_is_also_listed_unless_nothing_is(case: Case) -> None:
    listed = [r.clone_url for r in case.client.list_repositories(case.account)]
    assert not listed or case.client.repository(case.repository).clone_url in listed


@pytest.mark.parametrize("text", ["", "kein URL", "--upload-pack=evil"])
def test_rejects_text_that_is_no_url(case: Case, text: str) -> None:
    with pytest.raises(InvalidForgeURL):
        case.client.repository(text)
    with pytest.raises(InvalidForgeURL):
        list(case.client.list_repositories(text))


def test_rejects_credentials_in_urls_without_repeating_them(case: Case) -> None:
    url = case.repository.replace("://", f"://anna:{SECRET}@", 1)
    with pytest.raises(InvalidForgeURL) as caught:
        case.client.repository(url)
    assert SECRET not in str(caught.value)
    assert SECRET not in caught.value.url
