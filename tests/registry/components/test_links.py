"""Links into a repository, and which harvested URLs may become links and images."""

from __future__ import annotations

import pytest

import registry.components.links
from registry.components.links import RepositoryLinks, image_url, repository_links, safe_link
from tests.registry import factories

COMMIT = factories.COMMIT
GITHUB = RepositoryLinks("https://github.com/o/r", "github", "/o/r")
GITLAB = RepositoryLinks("https://gitlab.opencode.de/g/s/p", "gitlab", "/g/s/p")
GITEA = RepositoryLinks("https://codeberg.org/o/r", "gitea", "/o/r")


@pytest.mark.parametrize(
    "reference",
    [
        "http://example.org/logo.png",
        "data:image/png;base64,AAAA",
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        "//evil.example/logo.png",
        "ftp://example.org/logo.png",
        "../../../etc/passwd",
        "img/../../secret.png",
        "",
        None,
        42,
    ],
)
def test_unsafe_image_references_are_refused(reference: object) -> None:
    assert image_url(reference, GITHUB, COMMIT) is None


def test_an_https_image_is_used_as_it_is() -> None:
    assert image_url("https://example.org/l.png", None, None) == "https://example.org/l.png"


@pytest.mark.parametrize(
    "links, expected",
    [
        (GITHUB, f"https://raw.githubusercontent.com/o/r/{COMMIT}/img/logo%20x.png"),
        (GITLAB, f"https://gitlab.opencode.de/g/s/p/-/raw/{COMMIT}/img/logo%20x.png"),
        (GITEA, f"https://codeberg.org/o/r/raw/commit/{COMMIT}/img/logo%20x.png"),
    ],
)
def test_a_repository_image_is_a_raw_file_at_the_commit(links, expected) -> None:
    assert image_url("./img/logo x.png", links, COMMIT) == expected


def test_a_repository_image_needs_a_known_commit() -> None:
    assert image_url("logo.png", GITHUB, None) is None
    assert image_url("logo.png", GITHUB, "HEAD; rm -rf") is None


@pytest.mark.parametrize(
    "url, expected",
    [
        ("https://github.com/Owner/Repo.git", ("https://github.com/Owner/Repo", "github")),
        ("https://gitlab.opencode.de/a/b/c", ("https://gitlab.opencode.de/a/b/c", "gitlab")),
        ("https://codeberg.org/a/b/", ("https://codeberg.org/a/b", "gitea")),
        ("https://git.stadt.example/a/b", None),
        ("git://github.com/a/b", None),
        ("file:///srv/git/app", None),
        ("http://github.com/a/b", None),
        ("https://github.com/", None),
    ],
)
def test_repository_links_are_built_only_for_https_on_known_forges(url, expected) -> None:
    links = repository_links(url)
    assert (None if links is None else (links.base, links.driver)) == expected


def test_the_forges_web_url_and_driver_are_preferred() -> None:
    forge = {"web_url": "https://git.stadt.example/a/b", "driver": "gitlab"}
    links = repository_links("git://git.stadt.example/a/b", forge)
    assert links is not None
    assert links.file(COMMIT, "src/app.py", 3) == (
        f"https://git.stadt.example/a/b/-/blob/{COMMIT}/src/app.py#L3"
    )
    assert links.file(COMMIT, "tests/") == f"https://git.stadt.example/a/b/-/tree/{COMMIT}/tests"


def test_file_links_refuse_paths_that_leave_the_repository() -> None:
    assert GITHUB.file(COMMIT, "../x") is None
    assert GITHUB.file(COMMIT, "a/\x00b") is None
    assert GITHUB.commit("not-a-sha") is None


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "data:text/html,x",
        "mailto:a@b.c",
        "https:///nohost",
        " https://a.b",
        "https://a.b/\nx",
    ],
)
def test_only_http_links_with_a_host_are_links(url: str) -> None:
    assert safe_link(url) is None


def test_a_plain_https_link_is_a_link() -> None:
    assert safe_link("https://example.org/a?b=c") == "https://example.org/a?b=c"
    assert safe_link("http://example.org/", https_only=True) is None


@pytest.mark.parametrize(
    "links, expected",
    [
        (GITHUB, f"https://github.com/o/r/blob/{COMMIT}/"),
        (GITLAB, f"https://gitlab.opencode.de/g/s/p/-/blob/{COMMIT}/"),
        (GITEA, f"https://codeberg.org/o/r/src/commit/{COMMIT}/"),
    ],
)
def test_the_root_folder_at_a_commit_is_what_relative_links_resolve_against(
    links: RepositoryLinks, expected: str
) -> None:
    assert links.folder(COMMIT) == expected


@pytest.mark.parametrize(
    "links, expected",
    [
        (GITHUB, f"https://github.com/o/r/commit/{COMMIT}"),
        (GITLAB, f"https://gitlab.opencode.de/g/s/p/-/commit/{COMMIT}"),
        (GITEA, f"https://codeberg.org/o/r/commit/{COMMIT}"),
    ],
)
def test_a_commit_links_to_its_page_on_each_forge(links: RepositoryLinks, expected: str) -> None:
    assert links.commit(COMMIT) == expected


def test_a_gitea_file_links_to_its_line() -> None:
    assert GITEA.file(COMMIT, "README.md", 5) == (
        f"https://codeberg.org/o/r/src/commit/{COMMIT}/README.md#L5"
    )


def test_exports_exactly_the_public_api() -> None:
    assert sorted(registry.components.links.__all__) == [
        "RepositoryLinks",
        "image_url",
        "repository_links",
        "safe_link",
    ]
