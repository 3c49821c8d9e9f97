"""Git errors: clear sentences that never show credentials, and picklable with their context."""

from __future__ import annotations

import pickle

import pytest

from harvester.git import (
    FileTooLarge,
    GitError,
    GitFailed,
    GitLimits,
    GitTimeout,
    InvalidRepositoryUrl,
    NotAFile,
    ObjectStore,
    RepositoryNotFound,
    ls_remote,
)
from tests.gitrepos import closed_port

SECRET = "s3cr3t-T0KEN"
LIMITS = GitLimits(timeout=10)


def _shown(error: GitError) -> str:
    """Everything an error would show: its message, URL, command and git's own words."""
    return " ".join(
        str(part)
        for part in (error, error.url, error.command, getattr(error, "stderr", ""))
        if part is not None
    )


@pytest.mark.parametrize(
    "template",
    [
        "http://kataster:{secret}@127.0.0.1:{port}/app.git",
        "https://{secret}@127.0.0.1:{port}/app.git",
        "git://kataster:{secret}@127.0.0.1:{port}/app.git",
    ],
)
def test_a_failed_ls_remote_never_shows_credentials(template) -> None:
    url = template.format(secret=SECRET, port=closed_port())

    with pytest.raises(GitFailed) as raised:
        ls_remote(url, LIMITS)

    assert SECRET not in _shown(raised.value)
    assert "127.0.0.1" in str(raised.value)


def test_a_timeout_never_shows_credentials(silent_server) -> None:
    url = silent_server.url("http", userinfo=f"kataster:{SECRET}")

    with pytest.raises(GitTimeout) as raised:
        ls_remote(url, GitLimits(timeout=0.5))

    assert SECRET not in _shown(raised.value)
    assert raised.value.url == silent_server.url("http")


def test_a_failed_clone_never_shows_credentials(tmp_path) -> None:
    url = f"http://kataster:{SECRET}@127.0.0.1:{closed_port()}/app.git"

    with pytest.raises(GitFailed) as raised:
        ObjectStore.sync(url, tmp_path / "cache", LIMITS)

    assert SECRET not in _shown(raised.value)


def test_an_invalid_url_never_shows_credentials() -> None:
    with pytest.raises(InvalidRepositoryUrl) as raised:
        ls_remote(f"gopher://kataster:{SECRET}@example.org/app.git", LIMITS)

    assert SECRET not in _shown(raised.value)


def test_a_credentialed_store_shows_its_url_without_credentials(tmp_path) -> None:
    store = ObjectStore(f"https://kataster:{SECRET}@example.org/app.git", tmp_path, LIMITS)

    assert store.url == "https://example.org/app.git"


@pytest.mark.parametrize(
    "error",
    [
        RepositoryNotFound("gone", url="git://example.org/app", command="git ls-remote"),
        GitFailed("failed", url="git://example.org/app", stderr="fatal: no"),
        FileTooLarge("data.bin", 2048, 1024, url="git://example.org/app"),
        NotAFile("publiccode.yml", "symlink", target="/etc/passwd"),
    ],
)
def test_errors_survive_pickling_with_their_context(error) -> None:
    copy = pickle.loads(pickle.dumps(error))

    assert type(copy) is type(error)
    assert str(copy) == str(error)
    assert vars(copy) == vars(error)


def test_not_a_file_names_what_the_path_is() -> None:
    assert str(NotAFile("vendor/lib", "submodule")) == (
        "The path vendor/lib is a submodule (a link to another repository), not a file."
    )
