"""Logos: an https URL as it is, a repository path as the forge's raw file, anything else none."""

from __future__ import annotations

import pytest

from registry.catalogue._logos import logo_url

COMMIT = "1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b"
GITHUB = "https://github.com/Stadt-Musterstadt/portal.git"
OPENCODE = "https://gitlab.opencode.de/stadt-musterstadt/apps/portal.git"


def test_an_https_url_is_kept() -> None:
    url = "https://cdn.example.org/logo.svg"
    assert logo_url(url, GITHUB, COMMIT, "github") == url


def test_a_path_on_github_is_the_raw_file_at_the_commit() -> None:
    assert logo_url("docs/logo.png", GITHUB, COMMIT, "github") == (
        f"https://raw.githubusercontent.com/Stadt-Musterstadt/portal/{COMMIT}/docs/logo.png"
    )


def test_a_path_on_a_gitlab_is_the_raw_file_at_the_commit() -> None:
    assert logo_url("./logo.svg", OPENCODE, COMMIT, "gitlab") == (
        f"https://gitlab.opencode.de/stadt-musterstadt/apps/portal/-/raw/{COMMIT}/logo.svg"
    )


def test_a_self_hosted_gitlab_is_known_by_its_driver() -> None:
    repository = "https://git.musterstadt.de/digital/portal"
    assert logo_url("/logo.svg", repository, COMMIT, "gitlab") == (
        f"https://git.musterstadt.de/digital/portal/-/raw/{COMMIT}/logo.svg"
    )


def test_characters_of_the_path_are_quoted() -> None:
    found = logo_url("bilder/logo groß?.png", GITHUB, COMMIT, "github")
    assert found is not None and found.endswith("/bilder/logo%20gro%C3%9F%3F.png")


@pytest.mark.parametrize(
    "logo",
    [
        "http://example.org/logo.png",
        "data:image/png;base64,AAAA",
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "//evil.example/logo.png",
        "../logo.png",
        "img/../../logo.png",
        "img/%2e%2e/x\\..\\logo.png",
        "ftp://example.org/logo.png",
        "https://",
        "https://exa mple.org/logo.png",
        "logo.png\n",
        "",
        None,
        42,
        ["logo.png"],
    ],
)
def test_anything_else_is_no_logo(logo: object) -> None:
    assert logo_url(logo, GITHUB, COMMIT, "github") is None


@pytest.mark.parametrize(
    ("repository", "commit", "driver"),
    [
        ("https://codeberg.org/musterstadt/portal", COMMIT, "gitea"),  # no known raw URL
        ("http://github.com/musterstadt/portal", COMMIT, "github"),  # not https
        ("https://github.com/musterstadt/portal/tree/main", COMMIT, "github"),
        ("https://github.com/musterstadt", COMMIT, "github"),
        (GITHUB, None, "github"),  # no commit
        (GITHUB, "main", "github"),  # a branch moves; a commit does not
        ("https://gitlab.com/portal", COMMIT, "gitlab"),
    ],
)
def test_a_path_without_a_known_raw_address_is_no_logo(
    repository: str, commit: str | None, driver: str
) -> None:
    assert logo_url("logo.png", repository, commit, driver) is None
