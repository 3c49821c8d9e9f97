"""The demo forge answers the real Gitea driver and serves git over smart HTTP."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

import pytest
import requests

from harvester.forges.gitea import GiteaForge
from harvester.git import GitLimits, ls_remote
from registry.demo._fastimport import import_history, init_bare
from registry.demo.forge import DemoForge, ForgeListing, ForgeRelease
from registry.demo.history import Commit, Person

WHEN = datetime.datetime(2026, 5, 4, 10, tzinfo=datetime.UTC)
ANNA = Person("Anna Schneider", "anna.schneider@beispielstadt.example")


@pytest.fixture
def forge(tmp_path) -> Iterator[DemoForge]:
    root = tmp_path / "forge"
    repository = init_bare(root / "beispielstadt" / "parkleitsystem.git")
    import_history(
        repository, [Commit(WHEN, ANNA, "Erste Fassung", {"README.md": b"# P\n"})], {"v1.0.0": 0}
    )
    with DemoForge.serve(root) as forge:
        forge.publish(
            ForgeListing(
                owner="beispielstadt",
                name="parkleitsystem",
                description="Freie Parkplätze in Echtzeit",
                created_at=WHEN,
                stars=48,
                releases=(ForgeRelease("v1.0.0", WHEN, "Erste Version"),),
            )
        )
        forge.publish(
            ForgeListing(
                "beispielstadt", "alt", "Eingestellt", WHEN, archived=True, has_issues=False
            )
        )
        yield forge


@pytest.fixture
def gitea(forge) -> Iterator[GiteaForge]:
    client = GiteaForge(home=forge.base_url, timeout=10)
    yield client
    client.close()


def test_the_gitea_driver_lists_an_organisations_repositories(forge, gitea) -> None:
    listed = {r.name: r for r in gitea.list_repositories(forge.organisation_url("beispielstadt"))}
    assert set(listed) == {"parkleitsystem", "alt"}
    assert listed["alt"].archived is True and listed["alt"].issues_enabled is False
    parking = listed["parkleitsystem"]
    assert parking.clone_url == forge.clone_url("beispielstadt", "parkleitsystem")
    assert (parking.stars, parking.issues_enabled, parking.driver) == (48, True, "gitea")
    assert [(r.tag, r.has_notes) for r in parking.releases or ()] == [("v1.0.0", True)]


def test_the_gitea_driver_describes_one_repository(forge, gitea) -> None:
    found = gitea.repository(forge.web_url("beispielstadt", "parkleitsystem"))
    assert found.description == "Freie Parkplätze in Echtzeit"


def test_an_unknown_organisation_is_not_found(forge) -> None:
    response = requests.get(f"{forge.base_url}/api/v1/orgs/niemand/repos", timeout=10)
    assert response.status_code == 404


def test_git_reads_a_published_repository_over_http(forge) -> None:
    head = ls_remote(forge.clone_url("beispielstadt", "parkleitsystem"), GitLimits(timeout=20))
    assert head.branch == "main" and len(head.commit) == 40


def test_serves_no_repository_that_is_not_published(forge) -> None:
    response = requests.get(
        f"{forge.base_url}/beispielstadt/geheim.git/info/refs?service=git-upload-pack", timeout=10
    )
    assert response.status_code == 404


def test_accepts_no_push(forge) -> None:
    url = f"{forge.clone_url('beispielstadt', 'parkleitsystem')}/git-receive-pack"
    assert requests.post(url, data=b"", timeout=10).status_code == 404
