"""GitLabForge through python-gitlab's real HTTP stack against a fake GitLab (OpenCoDE) server."""

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
from harvester.forges.gitlab import GitLabForge
from harvester.records import ForgeRelease, ForgeRepository
from tests.harvester.forges.conftest import TOKEN
from tests.harvester.forges.fake_forge import Answer
from tests.harvester.forges.fake_gitlab import FakeGitLab

UTC = datetime.UTC
GROUP_PROJECTS = "/api/v4/groups/smart-city-beispielstadt/projects"
MakeGitLab = Callable[..., GitLabForge]
WEB = "https://gitlab.opencode.de"


@pytest.fixture
def group(gitlab_server: FakeGitLab) -> str:
    return f"{gitlab_server.origin}/smart-city-beispielstadt"


def full_names(gitlab: GitLabForge, url: str) -> list[str]:
    return [project.full_name for project in gitlab.list_repositories(url)]


def project(gitlab: GitLabForge, group: str, full_name: str) -> ForgeRepository:
    found = [p for p in gitlab.list_repositories(group) if p.full_name == full_name]
    assert len(found) == 1
    return found[0]


# --- listings ------------------------------------------------------------------------------


def test_lists_the_projects_of_a_group_and_of_all_its_subgroups(
    gitlab: GitLabForge, group: str
) -> None:
    assert sorted(full_names(gitlab, group)) == [
        "smart-city-beispielstadt/beteiligung",
        "smart-city-beispielstadt/dashboard",
        "smart-city-beispielstadt/mobilitaet/parken/karten",
        "smart-city-beispielstadt/mobilitaet/parken/parkhaus-sensorik",
        "smart-city-beispielstadt/mobilitaet/verkehrsdaten-api",
    ]


def test_asks_for_subgroups_and_not_for_projects_shared_with_the_group(
    gitlab: GitLabForge, gitlab_server: FakeGitLab, group: str
) -> None:
    list(gitlab.list_repositories(group))
    first = gitlab_server.requests_to(GROUP_PROJECTS)[0]
    assert first.query["include_subgroups"].lower() == "true"
    assert first.query["with_shared"].lower() == "false"


def test_follows_the_pages_of_a_listing(
    gitlab: GitLabForge, gitlab_server: FakeGitLab, group: str
) -> None:
    list(gitlab.list_repositories(group))
    pages = [r.query.get("page", "1") for r in gitlab_server.requests_to(GROUP_PROJECTS)]
    assert pages == ["1", "2", "3"]


def test_lists_a_subgroup_named_by_its_path(gitlab: GitLabForge, group: str) -> None:
    assert sorted(full_names(gitlab, f"{group}/mobilitaet/parken")) == [
        "smart-city-beispielstadt/mobilitaet/parken/karten",
        "smart-city-beispielstadt/mobilitaet/parken/parkhaus-sensorik",
    ]


def test_reads_the_groups_page_url(gitlab: GitLabForge, gitlab_server: FakeGitLab) -> None:
    url = f"{gitlab_server.origin}/groups/smart-city-beispielstadt/mobilitaet"
    assert len(full_names(gitlab, url)) == 3


def test_finds_a_group_whose_path_is_digits_by_search(
    gitlab: GitLabForge, gitlab_server: FakeGitLab
) -> None:
    assert full_names(gitlab, f"{gitlab_server.origin}/2021") == ["2021/foerderprojekt"]
    assert gitlab_server.requests_to("/api/v4/groups/4711/projects")


def test_lists_a_users_projects_when_no_group_has_the_name(
    gitlab: GitLabForge, gitlab_server: FakeGitLab
) -> None:
    url = f"{gitlab_server.origin}/mmustermann"
    assert full_names(gitlab, url) == ["mmustermann/stadtplan-experimente"]


# --- what a project says -------------------------------------------------------------------


def test_reads_what_gitlab_says_of_a_project(gitlab: GitLabForge, group: str) -> None:
    assert project(gitlab, group, "smart-city-beispielstadt/beteiligung") == ForgeRepository(
        clone_url=f"{WEB}/smart-city-beispielstadt/beteiligung.git",
        web_url=f"{WEB}/smart-city-beispielstadt/beteiligung",
        name="beteiligung",
        full_name="smart-city-beispielstadt/beteiligung",
        description="Online-Beteiligung der Beispielstadt",
        default_branch="main",
        archived=False,
        fork=False,
        parent_url=None,
        mirror=None,
        stars=4,
        open_issues=7,
        issues_enabled=True,
        releases=(
            ForgeRelease(
                "v1.4.0", "Version 1.4", datetime.datetime(2024, 3, 1, 10, tzinfo=UTC), True
            ),
            ForgeRelease(
                "v1.3.0", "Version 1.3", datetime.datetime(2023, 10, 2, 8, tzinfo=UTC), True
            ),
        ),
        created_at=datetime.datetime(2021, 4, 12, 8, 30, tzinfo=UTC),
        pushed_at=None,
        driver="gitlab",
    )


def test_gives_a_forks_parent(gitlab: GitLabForge, group: str) -> None:
    fork = project(gitlab, group, "smart-city-beispielstadt/mobilitaet/verkehrsdaten-api")
    assert (fork.fork, fork.parent_url) == (True, f"{WEB}/open-data/verkehrsdaten-api.git")


@pytest.mark.parametrize("name", ["verkehrsdaten-api", "parken/karten"])
def test_leaves_open_issues_unknown_when_issues_are_not_public(
    gitlab: GitLabForge, group: str, name: str
) -> None:
    found = project(gitlab, group, f"smart-city-beispielstadt/mobilitaet/{name}")
    assert (found.issues_enabled, found.open_issues) == (False, None)


def test_marks_an_archived_pull_mirror(gitlab: GitLabForge, group: str) -> None:
    found = project(gitlab, group, "smart-city-beispielstadt/mobilitaet/parken/parkhaus-sensorik")
    assert (found.archived, found.mirror, found.default_branch) == (True, True, "master")


def test_an_empty_project_has_no_default_branch(gitlab: GitLabForge, group: str) -> None:
    found = project(gitlab, group, "smart-city-beispielstadt/dashboard")
    assert (found.default_branch, found.description, found.releases) == (None, None, ())


def test_a_release_without_name_or_notes(gitlab: GitLabForge, group: str) -> None:
    found = project(gitlab, group, "smart-city-beispielstadt/mobilitaet/parken/karten")
    assert found.releases == (
        ForgeRelease("2024.01", None, datetime.datetime(2024, 1, 15, 15, tzinfo=UTC), False),
    )


@pytest.mark.parametrize("suffix", ["", ".git", "/", "/-/tree/main", "/-/releases"])
def test_describes_one_project_by_its_url(gitlab: GitLabForge, group: str, suffix: str) -> None:
    found = gitlab.repository(f"{group}/mobilitaet/verkehrsdaten-api{suffix}")
    assert found.full_name == "smart-city-beispielstadt/mobilitaet/verkehrsdaten-api"


def test_fetches_no_releases_when_told_not_to(
    make_gitlab: MakeGitLab, gitlab_server: FakeGitLab, group: str
) -> None:
    found = make_gitlab(releases=False).repository(f"{group}/beteiligung")
    assert found.releases is None
    assert not [r for r in gitlab_server.requests if r.path.endswith("/releases")]


def test_a_release_listing_that_fails_leaves_releases_unknown(
    gitlab: GitLabForge, gitlab_server: FakeGitLab, group: str
) -> None:
    gitlab_server.script(
        "/api/v4/projects/2001/releases", gitlab_server.error(403, "error-project-not-found.json")
    )
    assert gitlab.repository(f"{group}/beteiligung").releases is None


# --- tokens --------------------------------------------------------------------------------


def test_sends_the_token_as_bearer_to_its_own_instance(
    gitlab: GitLabForge, gitlab_server: FakeGitLab, group: str
) -> None:
    gitlab.repository(f"{group}/beteiligung")
    assert {r.headers.get("authorization") for r in gitlab_server.requests} == {f"Bearer {TOKEN}"}
    assert not any("private-token" in r.headers for r in gitlab_server.requests)


def test_sends_no_token_to_another_instance(
    make_gitlab: MakeGitLab, gitlab_server: FakeGitLab, group: str
) -> None:
    make_gitlab(home="https://gitlab.opencode.de").repository(f"{group}/beteiligung")
    assert not any("authorization" in r.headers for r in gitlab_server.requests)


# --- rate limits and failures --------------------------------------------------------------


def test_waits_retry_after_seconds_after_a_429(
    gitlab: GitLabForge, gitlab_server: FakeGitLab, sleeps: list[float], group: str
) -> None:
    gitlab_server.script(GROUP_PROJECTS, gitlab_server.rate_limited(retry_after=3))
    assert len(full_names(gitlab, group)) == 5
    assert sleeps == [3]


def test_waits_until_the_reset_after_a_429_without_retry_after(
    gitlab: GitLabForge, gitlab_server: FakeGitLab, sleeps: list[float], group: str
) -> None:
    gitlab_server.script(GROUP_PROJECTS, gitlab_server.rate_limited(retry_after=None, reset_in=20))
    assert len(full_names(gitlab, group)) == 5
    assert len(sleeps) == 1
    assert 19 <= sleeps[0] <= 22


def test_gives_up_when_retry_after_exceeds_max_wait(
    make_gitlab: MakeGitLab, gitlab_server: FakeGitLab, sleeps: list[float], group: str
) -> None:
    gitlab_server.script(GROUP_PROJECTS, gitlab_server.rate_limited(retry_after=7200))
    with pytest.raises(RateLimited) as caught:
        list(make_gitlab(max_wait=600).list_repositories(group))
    assert (caught.value.retry_after, caught.value.url, sleeps) == (7200, group, [])


def test_gives_up_when_the_rate_limit_outlasts_the_retries(
    gitlab: GitLabForge, gitlab_server: FakeGitLab, sleeps: list[float], group: str
) -> None:
    gitlab_server.script(
        GROUP_PROJECTS, *(gitlab_server.rate_limited(retry_after=1) for _ in range(9))
    )
    with pytest.raises(RateLimited):
        list(gitlab.list_repositories(group))
    assert sleeps == [1, 1, 1, 1, 1]


def test_an_unknown_group_or_user_is_not_found(
    gitlab: GitLabForge, gitlab_server: FakeGitLab
) -> None:
    with pytest.raises(ForgeNotFound) as caught:
        list(gitlab.list_repositories(f"{gitlab_server.origin}/niemand"))
    assert caught.value.url == f"{gitlab_server.origin}/niemand"


def test_an_unknown_subgroup_is_not_found(gitlab: GitLabForge, group: str) -> None:
    with pytest.raises(ForgeNotFound):
        list(gitlab.list_repositories(f"{group}/gibt-es-nicht"))


def test_an_unknown_project_is_not_found(gitlab: GitLabForge, group: str) -> None:
    with pytest.raises(ForgeNotFound):
        gitlab.repository(f"{group}/gibt-es-nicht")


def test_lasting_server_errors_make_the_forge_unavailable(
    gitlab: GitLabForge, gitlab_server: FakeGitLab, sleeps: list[float], group: str
) -> None:
    gitlab_server.script(
        GROUP_PROJECTS, *(gitlab_server.error(500, "error-server.json") for _ in range(9))
    )
    with pytest.raises(ForgeUnavailable) as caught:
        list(gitlab.list_repositories(group))
    assert caught.value.reason == "HTTP status 500"
    assert sleeps == [2, 4, 8, 16]


def test_a_forge_that_never_answers_is_unavailable(
    make_gitlab: MakeGitLab, silent_origin: str
) -> None:
    with pytest.raises(ForgeUnavailable) as caught:
        list(make_gitlab().list_repositories(f"{silent_origin}/smart-city-beispielstadt"))
    assert caught.value.reason == "no answer within 1 s"


def test_a_refused_connection_makes_the_forge_unavailable(
    make_gitlab: MakeGitLab, closed_origin: str
) -> None:
    with pytest.raises(ForgeUnavailable):
        make_gitlab().repository(f"{closed_origin}/smart-city-beispielstadt/beteiligung")


def test_a_scrambled_answer_is_a_forge_error(
    gitlab: GitLabForge, gitlab_server: FakeGitLab, group: str
) -> None:
    gitlab_server.script(GROUP_PROJECTS, Answer.json(200, {"unerwartet": True}))
    with pytest.raises(ForgeError):
        list(gitlab.list_repositories(group))


def test_a_project_without_clone_url_is_a_forge_error(
    gitlab: GitLabForge, gitlab_server: FakeGitLab, group: str
) -> None:
    gitlab_server.script(GROUP_PROJECTS, Answer.json(200, [{"id": 1, "name": "kaputt"}]))
    with pytest.raises(ForgeError) as caught:
        list(gitlab.list_repositories(group))
    assert caught.value.url == group


@pytest.mark.parametrize(
    "url",
    ["https://gitlab.opencode.de", "https://gitlab.opencode.de/groups", "mailto:stadt@example.org"],
)
def test_rejects_a_url_that_names_no_group(gitlab: GitLabForge, url: str) -> None:
    with pytest.raises(InvalidForgeURL):
        list(gitlab.list_repositories(url))


def test_rejects_a_group_url_as_project(gitlab: GitLabForge, group: str) -> None:
    with pytest.raises(InvalidForgeURL):
        gitlab.repository(group)
