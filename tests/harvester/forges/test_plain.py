"""PlainGit: the URL is the repository; nothing is asked of any server."""

from __future__ import annotations

import pytest

from harvester.forges.errors import InvalidForgeURL
from harvester.forges.plain import PlainGit
from harvester.records import ForgeRepository

pytestmark = pytest.mark.disable_socket  # any connection attempt would fail these tests

URL = "https://git.beispielstadt.de/smart-city/abfallkalender.git"


def test_lists_exactly_the_repository_at_the_url() -> None:
    assert list(PlainGit().list_repositories(URL)) == [ForgeRepository(clone_url=URL, driver="git")]


def test_describes_a_repository_by_its_url_alone() -> None:
    assert PlainGit().repository(URL) == ForgeRepository(clone_url=URL, driver="git")


@pytest.mark.parametrize(
    "url",
    [
        "http://git.beispielstadt.de/app",
        "git://git.beispielstadt.de/app.git",
        "ssh://git@git.beispielstadt.de/stadt/app.git",
        "git@git.beispielstadt.de:stadt/app.git",
        "file:///srv/git/app.git",
    ],
)
def test_accepts_the_urls_git_fetches_from(url: str) -> None:
    assert PlainGit().repository(url).clone_url == url


@pytest.mark.parametrize(
    "url",
    [
        "",
        "--upload-pack=touch /tmp/pwned",
        "ext::sh -c touch% /tmp/pwned",
        "fd::17",
        "ftp://git.beispielstadt.de/app",
        "/srv/git/app.git",
        "https://git.beispielstadt.de/a b",
        "https://git.beispielstadt.de/app\n",
    ],
)
def test_rejects_what_git_must_not_be_handed(url: str) -> None:
    with pytest.raises(InvalidForgeURL):
        PlainGit().repository(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://anna:geheim123@git.beispielstadt.de/app",
        "https://geheim123@git.beispielstadt.de/app",
    ],
)
def test_rejects_credentials_without_repeating_them(url: str) -> None:
    with pytest.raises(InvalidForgeURL) as caught:
        PlainGit().repository(url)
    assert "geheim123" not in str(caught.value)
