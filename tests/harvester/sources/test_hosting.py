"""Code hosting entries: drivers and groups by default from the URL, or as written."""

from __future__ import annotations

from pathlib import Path

import pytest

from harvester.sources import InvalidSources, load_sources, load_sources_file

DATA = Path(__file__).parents[2] / "data" / "sources"

DEFAULTS = [
    ("https://github.com/owner", "github", True),
    ("https://github.com/owner/repo", "github", False),
    ("https://gitlab.com/group/subgroup", "gitlab", True),
    ("https://gitlab.opencode.de/group/project.git", "gitlab", False),
    ("https://codeberg.org/verein", "gitea", True),
    ("https://codeberg.org/verein/app", "gitea", False),
    ("https://git.example.org/stadt/app", "git", False),
    ("git://example.org/stadt/other.git", "git", False),
    ("ssh://git@example.org/stadt/third.git", "git", False),
    ("file:///srv/git/fourth.git", "git", False),
    ("file://localhost/srv/git/fifth", "git", False),
    ("https://gitlab.example.org/one/project", "gitlab", False),
    ("https://git.example.org/gitea-org", "gitea", True),
]


def test_driver_and_group_default_from_the_url() -> None:
    (publisher,) = load_sources_file(DATA / "valid" / "group_and_driver_defaults.yml")
    found = [(h.url, h.driver, h.group) for h in publisher.code_hosting]
    assert found == DEFAULTS


def _hosting(entry: str) -> bytes:
    return f"publishers:\n  - id: a\n    name: A\n    kind: other\n    codeHosting: [{entry}]\n".encode()


def test_a_written_driver_wins_over_the_host() -> None:
    (publisher,) = load_sources(_hosting("{url: 'https://github.com/o/r', driver: git}"))
    assert (publisher.code_hosting[0].driver, publisher.code_hosting[0].group) == ("git", False)


def test_a_gitlab_group_may_be_written_as_one_project() -> None:
    (publisher,) = load_sources(_hosting("{url: 'https://gitlab.com/g/p', group: false}"))
    assert publisher.code_hosting[0].group is False


def test_the_same_repository_twice_in_one_publisher_is_an_error() -> None:
    entries = "{url: 'https://github.com/o/r'}, {url: 'https://github.com/O/R.git'}"
    with pytest.raises(InvalidSources, match=r":5:58: repository URL .* is listed twice"):
        load_sources(_hosting(entries))


def test_a_group_and_a_repository_inside_it_may_both_be_listed() -> None:
    entries = "{url: 'https://github.com/o'}, {url: 'https://github.com/o/r'}"
    (publisher,) = load_sources(_hosting(entries))
    assert len(publisher.code_hosting) == 2


def test_a_file_url_and_its_git_twin_are_different_repositories() -> None:
    entries = "{url: 'file:///srv/r'}, {url: 'file:///srv/r.git'}"
    (publisher,) = load_sources(_hosting(entries))
    assert len(publisher.code_hosting) == 2
