"""GitHubForge through PyGithub's real HTTP stack against a fake GitHub Enterprise server."""

from __future__ import annotations

import datetime
from collections.abc import Callable

import pytest

from harvester.forges.errors import (
    ForgeError,
    ForgeNotFound,
    ForgeUnavailable,
    InvalidForgeURL,
    RateLimited,
)
from harvester.forges.github import GitHubForge
from harvester.records import ForgeRelease, ForgeRepository
from tests.harvester.forges.conftest import TOKEN
from tests.harvester.forges.fake_forge import Answer
from tests.harvester.forges.fake_github import FakeGitHub

ORG = "https://github.com/smart-city-beispielstadt"
PORTAL = f"{ORG}/beteiligungsportal"
ORG_REPOS = "/api/v3/orgs/smart-city-beispielstadt/repos"
UTC = datetime.UTC
MakeGitHub = Callable[..., GitHubForge]


def names(repositories: list[ForgeRepository]) -> list[str]:
    return [repository.name for repository in repositories]


def listed(github: GitHubForge, url: str = ORG) -> dict[str, ForgeRepository]:
    return {repository.name: repository for repository in github.list_repositories(url)}


# --- listings ------------------------------------------------------------------------------


def test_lists_every_repository_of_an_organisation_across_pages(
    github: GitHubForge, github_server: FakeGitHub
) -> None:
    repositories = list(github.list_repositories(ORG))
    assert names(repositories) == [
        "beteiligungsportal",
        "parkleitsystem",
        "urban-data-platform",
        "sensor-gateway",
        ".github",
    ]
    assert [r.query.get("page", "1") for r in github_server.requests_to(ORG_REPOS)] == [
        "1",
        "2",
        "3",
    ]


def test_lists_a_users_repositories_when_no_organisation_has_the_name(
    github: GitHubForge,
) -> None:
    repositories = list(github.list_repositories("https://github.com/mmustermann"))
    assert [r.full_name for r in repositories] == [
        "mmustermann/muellabfuhr-kalender",
        "mmustermann/dotfiles",
    ]


def test_accepts_the_organisation_page_url(github: GitHubForge) -> None:
    repositories = list(
        github.list_repositories("https://github.com/orgs/smart-city-beispielstadt")
    )
    assert len(repositories) == 5


def test_reads_what_a_listing_says_of_a_repository(github: GitHubForge) -> None:
    parking = listed(github)["parkleitsystem"]
    assert parking == ForgeRepository(
        clone_url="https://github.com/smart-city-beispielstadt/parkleitsystem.git",
        web_url="https://github.com/smart-city-beispielstadt/parkleitsystem",
        name="parkleitsystem",
        full_name="smart-city-beispielstadt/parkleitsystem",
        description="Freie Parkplätze in Echtzeit",
        default_branch="master",
        archived=True,
        fork=False,
        parent_url=None,
        mirror=False,
        stars=5,
        open_issues=0,
        issues_enabled=True,
        releases=(),
        created_at=datetime.datetime(2020, 11, 2, 10, 0, tzinfo=UTC),
        pushed_at=datetime.datetime(2022, 1, 20, 9, 30, tzinfo=UTC),
        driver="github",
    )


def test_gives_a_forks_parent_from_the_forks_details(
    github: GitHubForge, github_server: FakeGitHub
) -> None:
    fork = listed(github)["urban-data-platform"]
    assert fork.fork is True
    assert fork.parent_url == "https://github.com/urbane-datenplattform/udp-core.git"
    assert github_server.requests_to("/api/v3/repos/smart-city-beispielstadt/urban-data-platform")


def test_fetches_details_of_forks_only(github: GitHubForge, github_server: FakeGitHub) -> None:
    list(github.list_repositories(ORG))
    details = [
        r.path for r in github_server.requests if r.segments[2] == "repos" and len(r.segments) == 5
    ]
    assert details == ["/api/v3/repos/smart-city-beispielstadt/urban-data-platform"]


def test_marks_a_pull_mirror(github: GitHubForge) -> None:
    assert listed(github)["sensor-gateway"].mirror is True


def test_leaves_open_issues_unknown_when_issues_are_disabled(github: GitHubForge) -> None:
    dotgithub = listed(github)[".github"]
    assert (dotgithub.issues_enabled, dotgithub.open_issues) == (False, None)


# --- one repository ------------------------------------------------------------------------


def test_describes_one_repository_with_its_releases(github: GitHubForge) -> None:
    portal = github.repository(PORTAL)
    assert (portal.full_name, portal.stars, portal.open_issues) == (
        "smart-city-beispielstadt/beteiligungsportal",
        17,
        4,
    )
    assert portal.releases == (
        ForgeRelease(
            "v2.1.0", "Version 2.1.0", datetime.datetime(2024, 4, 10, 9, 15, tzinfo=UTC), True
        ),
        ForgeRelease("v2.0.0", None, datetime.datetime(2023, 11, 20, 11, 2, tzinfo=UTC), False),
        ForgeRelease(
            "v1.0.0", "Erste Version", datetime.datetime(2021, 6, 30, 15, 0, tzinfo=UTC), True
        ),
    )


@pytest.mark.parametrize("suffix", [".git", "/", "/tree/main/docs", "/releases"])
def test_reads_a_repository_url_with_a_suffix(github: GitHubForge, suffix: str) -> None:
    assert github.repository(PORTAL + suffix).name == "beteiligungsportal"


def test_asks_again_conditionally_for_a_repository_it_fetched(
    github: GitHubForge, github_server: FakeGitHub
) -> None:
    first = github.repository(PORTAL)
    second = github.repository(PORTAL)
    asked = github_server.requests_to("/api/v3/repos/smart-city-beispielstadt/beteiligungsportal")
    details = [request for request in asked if not request.path.endswith("/releases")]
    assert [("if-none-match" in request.headers) for request in details] == [False, True]
    assert second == first


def test_fetches_no_releases_without_a_token(
    make_github: MakeGitHub, github_server: FakeGitHub
) -> None:
    github = make_github(None)
    assert github.repository(PORTAL).releases is None
    assert not github_server.requests_to(
        "/api/v3/repos/smart-city-beispielstadt/beteiligungsportal/releases"
    )


def test_sends_the_token(github: GitHubForge, github_server: FakeGitHub) -> None:
    github.repository(PORTAL)
    assert all(TOKEN in r.headers.get("authorization", "") for r in github_server.requests)


def test_sends_no_authorization_without_a_token(
    make_github: MakeGitHub, github_server: FakeGitHub
) -> None:
    make_github(None).repository(PORTAL)
    assert all("authorization" not in r.headers for r in github_server.requests)


# --- rate limits ---------------------------------------------------------------------------


@pytest.mark.parametrize("status", [403, 429])
def test_waits_until_the_reset_after_the_primary_rate_limit(
    github: GitHubForge, github_server: FakeGitHub, sleeps: list[float], status: int
) -> None:
    github_server.script(ORG_REPOS, github_server.primary_limit(status, reset_in=30))
    assert len(list(github.list_repositories(ORG))) == 5
    assert len(sleeps) == 1
    assert 29 <= sleeps[0] <= 32


@pytest.mark.parametrize("status", [403, 429])
def test_waits_retry_after_seconds_after_a_secondary_rate_limit(
    github: GitHubForge, github_server: FakeGitHub, sleeps: list[float], status: int
) -> None:
    github_server.script(ORG_REPOS, github_server.secondary_limit(status, retry_after=7))
    assert len(list(github.list_repositories(ORG))) == 5
    assert sleeps == [7]


def test_waits_a_minute_after_a_secondary_rate_limit_without_retry_after(
    github: GitHubForge, github_server: FakeGitHub, sleeps: list[float]
) -> None:
    github_server.script(ORG_REPOS, github_server.secondary_limit(403, retry_after=None))
    assert len(list(github.list_repositories(ORG))) == 5
    assert sleeps == [60]


def test_gives_up_when_the_reset_is_further_away_than_max_wait(
    make_github: MakeGitHub, github_server: FakeGitHub, sleeps: list[float]
) -> None:
    github = make_github(max_wait=600)
    github_server.script(ORG_REPOS, github_server.primary_limit(403, reset_in=3000))
    with pytest.raises(RateLimited) as caught:
        list(github.list_repositories(ORG))
    assert caught.value.retry_after is not None
    assert 2999 <= caught.value.retry_after <= 3002
    assert (caught.value.url, sleeps) == (ORG, [])


def test_gives_up_when_retry_after_exceeds_max_wait(
    make_github: MakeGitHub, github_server: FakeGitHub, sleeps: list[float]
) -> None:
    github = make_github(max_wait=600)
    github_server.script(ORG_REPOS, github_server.secondary_limit(429, retry_after=7200))
    with pytest.raises(RateLimited) as caught:
        list(github.list_repositories(ORG))
    assert (caught.value.retry_after, sleeps) == (7200, [])


def test_gives_up_when_githubs_secondary_wait_exceeds_max_wait(
    make_github: MakeGitHub, github_server: FakeGitHub, sleeps: list[float]
) -> None:
    github = make_github(max_wait=30)
    github_server.script(ORG_REPOS, github_server.secondary_limit(403, retry_after=None))
    with pytest.raises(RateLimited) as caught:
        list(github.list_repositories(ORG))
    assert (caught.value.retry_after, sleeps) == (60, [])


def test_gives_up_when_the_rate_limit_outlasts_the_retries(
    github: GitHubForge, github_server: FakeGitHub, sleeps: list[float]
) -> None:
    github_server.script(
        ORG_REPOS, *(github_server.primary_limit(403, reset_in=2) for _ in range(9))
    )
    with pytest.raises(RateLimited):
        list(github.list_repositories(ORG))
    assert len(sleeps) == 5


def test_a_forbidden_answer_is_no_rate_limit(
    github: GitHubForge, github_server: FakeGitHub, sleeps: list[float]
) -> None:
    github_server.script(ORG_REPOS, github_server.error(403, "error-forbidden.json"))
    with pytest.raises(ForgeError) as caught:
        list(github.list_repositories(ORG))
    assert type(caught.value) is ForgeError
    assert (caught.value.reason, sleeps) == ("HTTP status 403", [])


# --- failures ------------------------------------------------------------------------------


def test_an_unknown_account_is_not_found(github: GitHubForge) -> None:
    with pytest.raises(ForgeNotFound) as caught:
        list(github.list_repositories("https://github.com/niemand"))
    assert caught.value.url == "https://github.com/niemand"


def test_an_unknown_repository_is_not_found(github: GitHubForge) -> None:
    with pytest.raises(ForgeNotFound):
        github.repository(f"{ORG}/gibt-es-nicht")


def test_retries_a_server_error_that_passes(
    github: GitHubForge, github_server: FakeGitHub, sleeps: list[float]
) -> None:
    github_server.script(ORG_REPOS, github_server.error(502, "error-server.json"))
    assert len(list(github.list_repositories(ORG))) == 5


def test_lasting_server_errors_make_the_forge_unavailable(
    github: GitHubForge, github_server: FakeGitHub, sleeps: list[float]
) -> None:
    github_server.script(
        ORG_REPOS, *(github_server.error(500, "error-server.json") for _ in range(9))
    )
    with pytest.raises(ForgeUnavailable) as caught:
        list(github.list_repositories(ORG))
    assert caught.value.reason == "HTTP status 500"
    assert len(github_server.requests_to(ORG_REPOS)) == 6
    assert sleeps == [2, 4, 8, 16]  # urllib3's backoff, through the injected sleep


def test_a_forge_that_never_answers_is_unavailable(
    make_github: MakeGitHub, silent_origin: str
) -> None:
    github = make_github(base_url=f"{silent_origin}/api/v3")
    with pytest.raises(ForgeUnavailable) as caught:
        github.repository(PORTAL)
    assert caught.value.reason == "no answer within 1 s"


def test_a_refused_connection_makes_the_forge_unavailable(
    make_github: MakeGitHub, closed_origin: str
) -> None:
    github = make_github(base_url=f"{closed_origin}/api/v3")
    with pytest.raises(ForgeUnavailable) as caught:
        github.repository(PORTAL)
    assert caught.value.reason == "cannot connect to the forge"


def test_a_scrambled_answer_is_a_forge_error(
    github: GitHubForge, github_server: FakeGitHub
) -> None:
    github_server.script(
        ORG_REPOS, Answer(200, b"<html>Wartungsarbeiten</html>", {"Content-Type": "text/html"})
    )
    with pytest.raises(ForgeError):
        list(github.list_repositories(ORG))


@pytest.mark.parametrize(
    "url",
    [
        "https://gitlab.com/smart-city-beispielstadt",
        "ftp://github.com/smart-city-beispielstadt",
        "https://github.com/",
        "https://github.com/a/b",
        "https://github.com/%2e%2e",
    ],
)
def test_rejects_a_url_that_names_no_github_account(github: GitHubForge, url: str) -> None:
    with pytest.raises(InvalidForgeURL):
        list(github.list_repositories(url))


def test_rejects_an_account_url_as_repository(github: GitHubForge) -> None:
    with pytest.raises(InvalidForgeURL):
        github.repository(ORG)
