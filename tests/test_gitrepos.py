"""The git fixtures build what they promise (tests/gitrepos.py)."""

from __future__ import annotations

import datetime
import socket

import pytest

from tests.gitrepos import RepoBuilder, git, init_bare, object_types, serve_silent

UTC = datetime.UTC


def _log(repo: RepoBuilder, format: str) -> list[str]:
    return repo._git("log", f"--format={format}").splitlines()


def test_commits_are_an_hour_apart_by_default(tmp_path) -> None:
    repo = RepoBuilder(tmp_path / "app")
    repo.commit({"a": "1"})
    repo.commit({"a": "2"})

    assert _log(repo, "%aI") == ["2024-01-01T13:00:00+00:00", "2024-01-01T12:00:00+00:00"]


def test_a_commit_of_none_deletes_the_file(tmp_path) -> None:
    repo = RepoBuilder(tmp_path / "app")
    repo.commit({"a": "1", "b": "2"})
    repo.commit({"a": None})

    assert repo._git("ls-tree", "--name-only", "HEAD").split() == ["b"]


def test_trailers_end_the_message(tmp_path) -> None:
    repo = RepoBuilder(tmp_path / "app")
    repo.commit({"a": "1"}, message="Fix", trailers={"Reviewed-by": "Bob <bob@example.org>"})

    assert _log(repo, "%(trailers:key=Reviewed-by,valueonly)")[0] == "Bob <bob@example.org>"


def test_bulk_history_spreads_commits_and_authors_and_tags(tmp_path) -> None:
    repo = RepoBuilder(tmp_path / "app")
    repo.bulk_history(
        5,
        authors=[("Ada", "ada@example.org"), ("Bob", "bob@example.org")],
        start=datetime.datetime(2024, 1, 1, tzinfo=UTC),
        end=datetime.datetime(2024, 1, 5, tzinfo=UTC),
        tags_every=2,
    )

    assert _log(repo, "%an %as") == [
        "Ada 2024-01-05",
        "Bob 2024-01-04",
        "Ada 2024-01-03",
        "Bob 2024-01-02",
        "Ada 2024-01-01",
    ]
    assert repo._git("tag").split() == ["v0.1.0", "v0.2.0"]


def test_bulk_history_continues_an_existing_history(tmp_path) -> None:
    repo = RepoBuilder(tmp_path / "app")
    first = repo.commit({"README.md": "# App\n"})
    repo.bulk_history(3)
    repo.commit({"NEWS": "more\n"})

    assert len(_log(repo, "%H")) == 5
    assert _log(repo, "%H")[-1] == first
    assert (repo.path / "history.txt").read_text() == "line 3\n"


def test_a_submodule_link_is_a_gitlink_with_its_gitmodules(tmp_path) -> None:
    repo = RepoBuilder(tmp_path / "app")
    repo.submodule_link("vendor/lib", "https://example.org/lib.git", "1" * 40)
    repo.commit({"README.md": "# App\n"})

    tree = repo._git("ls-tree", "-r", "HEAD")

    assert f"160000 commit {'1' * 40}\tvendor/lib" in tree
    assert "url = https://example.org/lib.git" in (repo.path / ".gitmodules").read_text()


def test_an_empty_bare_repository_has_no_objects(tmp_path) -> None:
    assert sum(object_types(init_bare(tmp_path / "empty.git")).values()) == 0


def test_the_daemon_serves_repositories_under_its_root(git_daemon, git_repos) -> None:
    repo = git_repos("served")
    commit = repo.commit({"a": "1"})

    assert git("ls-remote", git_daemon.url(repo), "HEAD").split() == [commit, "HEAD"]


def test_the_silent_server_accepts_and_never_answers() -> None:
    with serve_silent() as server, socket.create_connection((server.host, server.port)) as client:
        client.settimeout(0.2)
        with pytest.raises(TimeoutError):
            client.recv(1)
