"""GiteaForge through requests against a fake Gitea/Forgejo (Codeberg) server."""

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
from harvester.forges.gitea import GiteaForge
from harvester.records import ForgeRelease, ForgeRepository
from tests.harvester.forges.conftest import TOKEN
from tests.harvester.forges.fake_forge import Answer
from tests.harvester.forges.fake_gitea import FakeGitea

CODEBERG = "https://codeberg.org"
ORG_REPOS = "/api/v1/orgs/smart-city-beispielstadt/repos"
MakeGitea = Callable[..., GiteaForge]


@pytest.fixture
def org(gitea_server: FakeGitea) -> str:
    return f"{gitea_server.origin}/smart-city-beispielstadt"


def listed(gitea: GiteaForge, url: str) -> dict[str, ForgeRepository]:
    return {repository.name: repository for repository in gitea.list_repositories(url)}


def zoned(text: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(text).astimezone(datetime.UTC)


# --- listings ------------------------------------------------------------------------------


def test_lists_every_repository_of_an_organisation_across_pages(
    gitea: GiteaForge, gitea_server: FakeGitea, org: str
) -> None:
    assert list(listed(gitea, org)) == [
        "stadtratsinfo",
        "baumkataster",
        "klimadaten",
        "wlan-karte",
        "app-muellabfuhr",
    ]
    asked = gitea_server.requests_to(ORG_REPOS)
    assert [(r.query["page"], r.query["limit"]) for r in asked] == [
        ("1", "2"),
        ("2", "2"),
        ("3", "2"),
    ]


def test_pages_by_number_and_never_follows_the_link_urls(
    gitea: GiteaForge, gitea_server: FakeGitea, org: str
) -> None:
    list(gitea.list_repositories(org))  # the Link headers name https://codeberg.org
    assert len(gitea_server.requests_to(ORG_REPOS)) == 3


def test_pages_by_the_total_count_without_link_headers(
    gitea: GiteaForge, gitea_server: FakeGitea, org: str
) -> None:
    gitea_server.links = False
    assert len(listed(gitea, org)) == 5


def test_lists_a_users_repositories_when_no_organisation_has_the_name(
    gitea: GiteaForge, gitea_server: FakeGitea
) -> None:
    found = listed(gitea, f"{gitea_server.origin}/mmustermann")
    assert [r.full_name for r in found.values()] == ["mmustermann/notizen"]


# --- what a repository says ----------------------------------------------------------------


def test_reads_what_gitea_says_of_a_repository(gitea: GiteaForge, org: str) -> None:
    assert listed(gitea, org)["stadtratsinfo"] == ForgeRepository(
        clone_url=f"{CODEBERG}/smart-city-beispielstadt/stadtratsinfo.git",
        web_url=f"{CODEBERG}/smart-city-beispielstadt/stadtratsinfo",
        name="stadtratsinfo",
        full_name="smart-city-beispielstadt/stadtratsinfo",
        description="Ratsinformationen als offene Daten",
        default_branch="main",
        archived=False,
        fork=False,
        parent_url=None,
        mirror=False,
        stars=12,
        open_issues=3,
        issues_enabled=True,
        releases=(
            ForgeRelease("v2.1.0", "Version 2.1", zoned("2024-01-10T10:05:00+01:00"), True),
            ForgeRelease("v2.0.0", "Version 2.0", zoned("2023-06-01T09:00:00+02:00"), True),
        ),
        created_at=zoned("2021-05-05T09:00:00+02:00"),
        pushed_at=None,
        driver="gitea",
    )


def test_gives_a_forks_parent_and_no_issue_count_without_issues(
    gitea: GiteaForge, org: str
) -> None:
    fork = listed(gitea, org)["baumkataster"]
    assert (fork.fork, fork.parent_url) == (True, f"{CODEBERG}/opendata/baumkataster.git")
    assert (fork.issues_enabled, fork.open_issues) == (False, None)


def test_marks_an_archived_mirror(gitea: GiteaForge, org: str) -> None:
    mirror = listed(gitea, org)["klimadaten"]
    assert (mirror.mirror, mirror.archived) == (True, True)


def test_asks_for_releases_only_when_the_repository_counts_some(
    gitea: GiteaForge, gitea_server: FakeGitea, org: str
) -> None:
    found = listed(gitea, org)
    assert found["wlan-karte"].releases == ()
    asked = {r.segments[4] for r in gitea_server.requests if r.path.endswith("/releases")}
    assert asked == {"stadtratsinfo", "app-muellabfuhr"}


def test_a_release_with_blank_notes_has_none(gitea: GiteaForge, org: str) -> None:
    assert listed(gitea, org)["app-muellabfuhr"].releases == (
        ForgeRelease("1.0.0", None, zoned("2024-02-02T08:00:00+01:00"), False),
    )


@pytest.mark.parametrize("suffix", ["", ".git", "/src/branch/main"])
def test_describes_one_repository(gitea: GiteaForge, org: str, suffix: str) -> None:
    assert (
        gitea.repository(f"{org}/baumkataster{suffix}").full_name
        == "smart-city-beispielstadt/baumkataster"
    )


def test_a_release_listing_that_fails_leaves_releases_unknown(
    gitea: GiteaForge, gitea_server: FakeGitea, org: str
) -> None:
    gitea_server.script(
        "/api/v1/repos/smart-city-beispielstadt/stadtratsinfo/releases",
        gitea_server.error(403, "error-not-found.json"),
    )
    assert gitea.repository(f"{org}/stadtratsinfo").releases is None


# --- tokens --------------------------------------------------------------------------------


def test_sends_the_token_to_its_own_instance(
    gitea: GiteaForge, gitea_server: FakeGitea, org: str
) -> None:
    gitea.repository(f"{org}/stadtratsinfo")
    assert {r.headers.get("authorization") for r in gitea_server.requests} == {f"token {TOKEN}"}


def test_sends_no_token_to_another_instance(
    make_gitea: MakeGitea, gitea_server: FakeGitea, org: str
) -> None:
    make_gitea(home=CODEBERG).repository(f"{org}/stadtratsinfo")
    assert not any("authorization" in r.headers for r in gitea_server.requests)


# --- rate limits and failures --------------------------------------------------------------


def test_waits_retry_after_seconds_after_a_429(
    gitea: GiteaForge, gitea_server: FakeGitea, sleeps: list[float], org: str
) -> None:
    gitea_server.script(
        ORG_REPOS, gitea_server.error(429, "error-server.json", **{"Retry-After": "4"})
    )
    assert len(listed(gitea, org)) == 5
    assert sleeps == [4]


def test_gives_up_when_retry_after_exceeds_max_wait(
    make_gitea: MakeGitea, gitea_server: FakeGitea, sleeps: list[float], org: str
) -> None:
    gitea_server.script(
        ORG_REPOS, gitea_server.error(429, "error-server.json", **{"Retry-After": "900"})
    )
    with pytest.raises(RateLimited) as caught:
        list(make_gitea(max_wait=60).list_repositories(org))
    assert (caught.value.retry_after, caught.value.url, sleeps) == (900, org, [])


def test_an_unknown_account_is_not_found(gitea: GiteaForge, gitea_server: FakeGitea) -> None:
    with pytest.raises(ForgeNotFound) as caught:
        list(gitea.list_repositories(f"{gitea_server.origin}/niemand"))
    assert caught.value.url == f"{gitea_server.origin}/niemand"


def test_an_unknown_repository_is_not_found(gitea: GiteaForge, org: str) -> None:
    with pytest.raises(ForgeNotFound):
        gitea.repository(f"{org}/gibt-es-nicht")


def test_lasting_server_errors_make_the_forge_unavailable(
    gitea: GiteaForge, gitea_server: FakeGitea, sleeps: list[float], org: str
) -> None:
    gitea_server.script(
        ORG_REPOS, *(gitea_server.error(503, "error-server.json") for _ in range(9))
    )
    with pytest.raises(ForgeUnavailable) as caught:
        list(gitea.list_repositories(org))
    assert caught.value.reason == "HTTP status 503"
    assert sleeps == [2, 4, 8, 16]


def test_a_forge_that_never_answers_is_unavailable(
    make_gitea: MakeGitea, silent_origin: str
) -> None:
    with pytest.raises(ForgeUnavailable) as caught:
        make_gitea().repository(f"{silent_origin}/smart-city-beispielstadt/stadtratsinfo")
    assert caught.value.reason == "no answer within 1 s"


def test_a_refused_connection_makes_the_forge_unavailable(
    make_gitea: MakeGitea, closed_origin: str
) -> None:
    with pytest.raises(ForgeUnavailable) as caught:
        list(make_gitea().list_repositories(f"{closed_origin}/smart-city-beispielstadt"))
    assert caught.value.reason == "cannot connect to the forge"


@pytest.mark.parametrize(
    "answer",
    [
        Answer(200, b"<html>Wartung</html>", {"Content-Type": "text/html"}),
        Answer.json(200, {"data": []}),
        Answer.json(200, [["kein", "Objekt"]]),
        Answer.json(200, [{"name": "ohne-clone-url"}]),
    ],
)
def test_a_strange_answer_is_a_forge_error(
    gitea: GiteaForge, gitea_server: FakeGitea, org: str, answer: Answer
) -> None:
    gitea_server.script(ORG_REPOS, answer)
    with pytest.raises(ForgeError) as caught:
        list(gitea.list_repositories(org))
    assert caught.value.url == org


def test_fields_of_the_wrong_type_are_unknown(
    gitea: GiteaForge, gitea_server: FakeGitea, org: str
) -> None:
    odd = {
        "clone_url": f"{CODEBERG}/x/y.git",
        "stars_count": "viele",
        "archived": "nein",
        "release_counter": 0,
    }
    gitea_server.script(ORG_REPOS, Answer.json(200, [odd]))
    [repository] = gitea.list_repositories(org)
    assert (repository.stars, repository.archived, repository.name) == (None, None, "")


@pytest.mark.parametrize(
    "url",
    [
        "https://codeberg.org",
        "https://codeberg.org/a/b",
        "https://user:secret@codeberg.org/smart-city-beispielstadt",
        "https://codeberg.org/..",
    ],
)
def test_rejects_a_url_that_names_no_account(gitea: GiteaForge, url: str) -> None:
    with pytest.raises(InvalidForgeURL) as caught:
        list(gitea.list_repositories(url))
    assert "secret" not in str(caught.value)
