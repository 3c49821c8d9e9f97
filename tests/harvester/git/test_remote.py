"""ls_remote: one ``git ls-remote`` tells the default branch and its commit."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from harvester.git import (
    EmptyRepository,
    GitFailed,
    GitLimits,
    GitTimeout,
    InvalidRepositoryUrl,
    RemoteHead,
    RepositoryNotFound,
    ls_remote,
)
from tests.gitrepos import closed_port, init_bare

LIMITS = GitLimits(timeout=10)


def test_tells_the_default_branch_and_its_commit(git_repos, url_of) -> None:
    repo = git_repos("app")
    commit = repo.commit({"README.md": "# App\n"})

    assert ls_remote(url_of(repo), LIMITS) == RemoteHead(branch="main", commit=commit)


def test_tells_a_default_branch_other_than_main(git_repos, url_of) -> None:
    repo = git_repos("app", branch="trunk")
    commit = repo.commit({"README.md": "# App\n"})

    assert ls_remote(url_of(repo), LIMITS) == RemoteHead(branch="trunk", commit=commit)


def test_follows_head_when_it_moves_to_another_branch(git_repos, url_of) -> None:
    repo = git_repos("app")
    repo.commit({"README.md": "# App\n"})
    repo.branch("develop")
    repo.checkout("develop")
    commit = repo.commit({"README.md": "# App, developed\n"})

    assert ls_remote(url_of(repo), LIMITS) == RemoteHead(branch="develop", commit=commit)


def test_a_repository_that_is_gone_is_not_found(git_repos, url_of) -> None:
    repo = git_repos("app")
    repo.commit({"README.md": "# App\n"})
    url = url_of(repo)
    shutil.rmtree(repo.path)

    with pytest.raises(RepositoryNotFound, match="does not exist or is not public"):
        ls_remote(url, LIMITS)


def test_an_unknown_repository_is_not_found(git_daemon) -> None:
    with pytest.raises(RepositoryNotFound) as raised:
        ls_remote(git_daemon.url("no/such/repository.git"), LIMITS)

    assert raised.value.url == git_daemon.url("no/such/repository.git")


def test_an_empty_repository_has_its_own_error(tmp_path, url_of) -> None:
    empty = init_bare(tmp_path / "empty.git")

    with pytest.raises(EmptyRepository, match="is empty"):
        ls_remote(url_of(empty), LIMITS)


def test_a_server_that_never_answers_times_out(silent_server) -> None:
    with pytest.raises(GitTimeout, match=r"did not finish within 0\.5 seconds") as raised:
        ls_remote(silent_server.url("git"), GitLimits(timeout=0.5))

    assert raised.value.command.startswith("git ls-remote")


def test_a_refused_connection_is_a_failure() -> None:
    with pytest.raises(GitFailed, match="unable to connect"):
        ls_remote(f"git://127.0.0.1:{closed_port()}/app.git", LIMITS)


@pytest.mark.parametrize(
    "url",
    [
        "",
        "--upload-pack=touch /tmp/owned",
        "ext::sh -c touch% /tmp/owned",
        "fd::3",
        "ftp://example.org/app.git",
        "ssh://git@example.org/app.git",
        "git@example.org:stadt/app.git",
        "https://example.org/app.git\nHEAD",
    ],
)
def test_refuses_urls_git_must_never_see(url) -> None:
    with pytest.raises(InvalidRepositoryUrl):
        ls_remote(url, LIMITS)


def test_an_invalid_url_is_also_a_value_error() -> None:
    with pytest.raises(ValueError, match="only https, http, git and file"):
        ls_remote("gopher://example.org/app.git", LIMITS)


def test_a_timeout_kills_git_and_all_its_helpers(silent_server) -> None:
    url = silent_server.url("http")  # git runs git-remote-http as a child process

    with pytest.raises(GitTimeout):
        ls_remote(url, GitLimits(timeout=0.5))

    assert _eventually_none_alive(f"127.0.0.1:{silent_server.port}")


def _eventually_none_alive(text: str) -> bool:
    """True once no living process has ``text`` on its command line (SIGKILL is delivered
    asynchronously, so give the kernel a moment)."""
    deadline = time.monotonic() + 5
    while _living_processes_mentioning(text):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


def _living_processes_mentioning(text: str) -> list[str]:
    found = []
    for process in Path("/proc").glob("[0-9]*"):
        try:
            arguments = (process / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            state = (process / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except (OSError, UnicodeDecodeError, IndexError):
            continue
        if text in arguments and state not in ("Z", "X"):
            found.append(arguments)
    return found
