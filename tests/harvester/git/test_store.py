"""ObjectStore: a bare blobless clone in a cache folder, read through git's object store."""

from __future__ import annotations

import datetime
import os
import shutil

import pytest

from harvester.git import (
    Commit,
    DiskBudgetExceeded,
    FileTooLarge,
    GitLimits,
    GitTimeout,
    NotAFile,
    ObjectStore,
    PathNotFound,
    RawTag,
    RepositoryNotFound,
    ls_remote,
)
from harvester.records import FileKind, TreeEntry
from tests.gitrepos import object_types, paths_under

LIMITS = GitLimits(timeout=10)
UTC = datetime.UTC
MIB = 1024 * 1024


@pytest.fixture
def app(git_repos):
    """A small repository: a README, a nested file and an executable."""
    repo = git_repos("app")
    repo.commit(
        {
            "README.md": "# App\n",
            "docs/guide/install.md": "Install it.\n",
            "run.sh": "#!/bin/sh\n",
        }
    )
    os.chmod(repo.path / "run.sh", 0o755)
    repo.commit({"run.sh": "#!/bin/sh\necho run\n"})
    return repo


def sync(url, tmp_path, limits=LIMITS):
    return ObjectStore.sync(url, tmp_path / "cache", limits)


# --- clone and fetch -------------------------------------------------------------------


def test_a_clone_holds_commits_and_trees_but_no_blobs(app, url_of, tmp_path) -> None:
    store = sync(url_of(app), tmp_path)

    types = object_types(store.path)
    assert types["commit"] == 2
    assert types["tree"] > 0
    assert types["blob"] == 0


def test_listing_the_tree_fetches_no_blob(app, url_of, tmp_path) -> None:
    store = sync(url_of(app), tmp_path)

    store.tree(store.head("main"))

    assert object_types(store.path)["blob"] == 0


def test_reading_history_and_tags_fetches_no_blob(app, url_of, tmp_path) -> None:
    app.tag("v1.0", annotated=True)
    store = sync(url_of(app), tmp_path)

    store.commits(app.head())
    store.tags()

    assert object_types(store.path)["blob"] == 0


def test_the_clone_is_bare_and_lives_in_the_cache_folder(app, served, tmp_path) -> None:
    store = sync(served(app), tmp_path)

    assert store.folder.parent == (tmp_path / "cache").resolve()
    assert store.path == store.folder / "repo.git"
    assert (store.path / "HEAD").is_file()
    assert not (store.path / "README.md").exists()


def test_head_is_the_commit_of_the_branch(app, served, tmp_path) -> None:
    store = sync(served(app), tmp_path)

    assert store.head("main") == app.head()


def test_a_fetch_brings_a_new_commit(app, url_of, tmp_path) -> None:
    url = url_of(app)
    sync(url, tmp_path)
    newer = app.commit({"README.md": "# App 2\n"})

    store = sync(url, tmp_path)

    assert store.head("main") == newer


def test_an_unchanged_fetch_keeps_the_clone(app, url_of, tmp_path) -> None:
    url = url_of(app)
    first = sync(url, tmp_path).path.stat().st_ino

    again = sync(url, tmp_path)

    assert again.path.stat().st_ino == first
    assert again.head("main") == app.head()


def test_a_fetch_brings_new_branches_and_tags_and_prunes_deleted_ones(
    app, url_of, tmp_path
) -> None:
    app.tag("v1.0")
    url = url_of(app)
    sync(url, tmp_path)
    app.branch("feature")
    app.tag("v2.0")
    app._git("tag", "-d", "v1.0")

    store = sync(url, tmp_path)

    assert [tag.name for tag in store.tags()] == ["v2.0"]
    assert store.head("feature") == app.head()


def test_a_broken_cache_is_cloned_again(app, url_of, tmp_path) -> None:
    url = url_of(app)
    store = sync(url, tmp_path)
    shutil.rmtree(store.path / "objects")

    again = sync(url, tmp_path)

    assert again.head("main") == app.head()
    assert again.read(app.head(), "README.md") == b"# App\n"


def test_a_repository_gone_since_the_last_sync_is_not_found(app, url_of, tmp_path) -> None:
    url = url_of(app)
    sync(url, tmp_path)
    shutil.rmtree(app.path)

    with pytest.raises(RepositoryNotFound):
        sync(url, tmp_path)


def test_a_failed_first_clone_leaves_no_folder(git_daemon, tmp_path) -> None:
    with pytest.raises(RepositoryNotFound):
        sync(git_daemon.url("no/such/repository.git"), tmp_path)

    assert list((tmp_path / "cache").iterdir()) == []


def test_an_unknown_branch_is_a_clear_error(app, served, tmp_path) -> None:
    store = sync(served(app), tmp_path)

    with pytest.raises(Exception, match="branch 'gone' is not in the copy"):
        store.head("gone")


def test_a_server_that_never_answers_times_out(silent_server, tmp_path) -> None:
    with pytest.raises(GitTimeout):
        sync(silent_server.url("git"), tmp_path, GitLimits(timeout=0.5))


def test_the_cache_folder_name_is_stable_per_url(app, git_daemon, tmp_path) -> None:
    first = sync(git_daemon.url(app), tmp_path)
    second = ObjectStore(git_daemon.url(app), tmp_path / "cache", LIMITS)
    other = ObjectStore(app.url, tmp_path / "cache", LIMITS)

    assert second.folder == first.folder
    assert other.folder != first.folder


def test_remove_deletes_the_cache_folder(app, served, tmp_path) -> None:
    store = sync(served(app), tmp_path)

    store.remove()

    assert not store.folder.exists()


# --- disk budget -----------------------------------------------------------------------


def test_a_clone_over_the_disk_budget_is_refused_and_deleted(git_repos, url_of, tmp_path) -> None:
    repo = git_repos("long")
    repo.bulk_history(200)
    limits = GitLimits(timeout=10, disk_budget_bytes=4096)

    with pytest.raises(DiskBudgetExceeded, match="disk budget of 4,096 bytes") as raised:
        sync(url_of(repo), tmp_path, limits)

    assert raised.value.limit == 4096
    assert raised.value.size > 4096
    assert list((tmp_path / "cache").iterdir()) == []


def test_blobs_over_the_disk_budget_are_refused_and_deleted(git_repos, url_of, tmp_path) -> None:
    repo = git_repos("noise")
    repo.commit({"noise.bin": os.urandom(256 * 1024)})
    limits = GitLimits(timeout=10, disk_budget_bytes=128 * 1024)
    store = sync(url_of(repo), tmp_path, limits)

    with pytest.raises(DiskBudgetExceeded):
        store.read_many(repo.head(), ["noise.bin"])

    assert not store.folder.exists()


def test_disk_usage_counts_the_cache_folder(app, served, tmp_path) -> None:
    store = sync(served(app), tmp_path)

    assert 0 < store.disk_usage() < MIB


# --- the tree --------------------------------------------------------------------------


def test_the_tree_lists_files_directories_and_kinds(app, served, tmp_path) -> None:
    store = sync(served(app), tmp_path)

    tree = store.tree(app.head())

    kinds = {entry.path: entry.kind for entry in tree.entries}
    assert kinds == {
        "README.md": FileKind.FILE,
        "docs": FileKind.DIRECTORY,
        "docs/guide": FileKind.DIRECTORY,
        "docs/guide/install.md": FileKind.FILE,
        "run.sh": FileKind.EXECUTABLE,
    }
    assert not tree.truncated
    assert all(entry.size is None for entry in tree.entries)


def test_a_tree_over_the_entry_limit_is_truncated(git_repos, served, tmp_path) -> None:
    repo = git_repos("many")
    repo.commit({f"file{index}.txt": str(index) for index in range(10)})
    store = sync(served(repo), tmp_path, GitLimits(timeout=10, max_tree_entries=3))

    tree = store.tree(repo.head())

    assert tree.truncated
    assert [entry.path for entry in tree.entries] == ["file0.txt", "file1.txt", "file2.txt"]


def test_a_tree_exactly_at_the_entry_limit_is_complete(git_repos, served, tmp_path) -> None:
    repo = git_repos("three")
    repo.commit({"a": "a", "b": "b", "c": "c"})
    store = sync(served(repo), tmp_path, GitLimits(timeout=10, max_tree_entries=3))

    assert not store.tree(repo.head()).truncated


def test_names_that_are_not_utf8_are_listed_escaped(git_repos, served, tmp_path) -> None:
    repo = git_repos("names")
    repo.commit({b"caf\xe9.txt": "latin-1", "café.txt".encode(): "utf-8", b"\xff\xfe": "x"})
    store = sync(served(repo), tmp_path)

    paths = {entry.path for entry in store.tree(repo.head()).entries}

    assert paths == {"caf\\xe9.txt", "café.txt", "\\xff\\xfe"}


def test_a_submodule_is_listed_but_never_fetched(git_repos, silent_server, tmp_path) -> None:
    repo = git_repos("parent")
    repo.commit({"README.md": "# Parent\n"})
    pinned = "1234567890abcdef1234567890abcdef12345678"
    repo.submodule_link("vendor/lib", silent_server.url("git", "lib.git"), pinned)
    limits = GitLimits(timeout=5)  # following the link would hang on the silent server

    store = sync(repo.url, tmp_path, limits)
    entries = {entry.path: entry for entry in store.tree(repo.head()).entries}
    store.read_many(repo.head(), ["README.md", ".gitmodules"])

    assert entries["vendor/lib"] == TreeEntry("vendor/lib", FileKind.SUBMODULE, None, pinned)
    assert object_types(store.path)["commit"] == 2


# --- reading files ---------------------------------------------------------------------


def test_reads_a_file_by_path(app, served, tmp_path) -> None:
    store = sync(served(app), tmp_path)

    assert store.read(app.head(), "docs/guide/install.md") == b"Install it.\n"


def test_reads_a_file_by_tree_entry(app, served, tmp_path) -> None:
    store = sync(served(app), tmp_path)
    (entry,) = [e for e in store.tree(app.head()).entries if e.path == "run.sh"]

    assert store.read(app.head(), entry) == b"#!/bin/sh\necho run\n"


def test_reads_a_file_of_an_older_commit(app, served, tmp_path) -> None:
    first = app._git("rev-parse", "HEAD~1").strip()
    store = sync(served(app), tmp_path)

    assert store.read(first, "run.sh") == b"#!/bin/sh\n"


def test_a_missing_path_is_a_clear_error(app, served, tmp_path) -> None:
    store = sync(served(app), tmp_path)

    with pytest.raises(PathNotFound, match=r"has no file publiccode\.yml"):
        store.read(app.head(), "publiccode.yml")


def test_a_directory_is_not_a_file(app, served, tmp_path) -> None:
    store = sync(served(app), tmp_path)

    with pytest.raises(NotAFile, match="docs is a directory"):
        store.read(app.head(), "docs")


def test_a_symbolic_link_is_refused_with_its_target_named(git_repos, url_of, tmp_path) -> None:
    repo = git_repos("hostile")
    repo.commit({"README.md": "# Hostile\n"})
    repo.symlink("publiccode.yml", "/etc/passwd")
    store = sync(url_of(repo), tmp_path)

    with pytest.raises(NotAFile, match="symbolic link to '/etc/passwd'") as raised:
        store.read(repo.head(), "publiccode.yml")

    assert raised.value.kind == "symlink"
    assert raised.value.target == "/etc/passwd"
    assert "root:" not in str(raised.value)


def test_a_symbolic_link_is_refused_among_many_files(git_repos, url_of, tmp_path) -> None:
    repo = git_repos("hostile")
    repo.commit({"README.md": "# Hostile\n"})
    repo.symlink("LICENSE", "../../../../etc/passwd")
    store = sync(url_of(repo), tmp_path)

    with pytest.raises(NotAFile, match="LICENSE is a symbolic link"):
        store.read_many(repo.head(), ["README.md", "LICENSE"])


def test_a_submodule_is_not_a_file(git_repos, tmp_path) -> None:
    repo = git_repos("parent")
    repo.submodule_link("lib", "https://example.org/lib.git", "1" * 40)
    store = sync(repo.url, tmp_path)

    with pytest.raises(NotAFile, match="lib is a submodule"):
        store.read(repo.head(), "lib")


def test_a_blob_over_the_size_cap_is_refused(git_repos, url_of, tmp_path) -> None:
    repo = git_repos("huge")
    repo.commit({"README.md": "# Huge\n", "data.bin": b"\0" * (50 * MIB)})
    store = sync(url_of(repo), tmp_path, GitLimits(timeout=30, max_file_bytes=MIB))

    with pytest.raises(FileTooLarge) as raised:
        store.read(repo.head(), "data.bin")

    assert (raised.value.path, raised.value.size, raised.value.limit) == ("data.bin", 50 * MIB, MIB)
    assert str(raised.value) == (
        "The file data.bin is 52,428,800 bytes, more than the limit of 1,048,576 bytes."
    )


def test_a_per_call_cap_overrides_the_limit(app, served, tmp_path) -> None:
    store = sync(served(app), tmp_path)

    with pytest.raises(FileTooLarge):
        store.read(app.head(), "README.md", max_bytes=3)


def test_a_file_exactly_at_the_cap_is_read(app, served, tmp_path) -> None:
    store = sync(served(app), tmp_path)

    assert store.read(app.head(), "README.md", max_bytes=6) == b"# App\n"


def test_read_many_returns_contents_by_path(app, served, tmp_path) -> None:
    store = sync(served(app), tmp_path)

    files = store.read_many(app.head(), ["README.md", "docs/guide/install.md"])

    assert files == {"README.md": b"# App\n", "docs/guide/install.md": b"Install it.\n"}


def test_read_many_fetches_missing_blobs_in_one_round_trip(git_repos, url_of, tmp_path) -> None:
    repo = git_repos("five")
    repo.commit({f"file{index}.txt": f"content {index}\n" for index in range(5)})
    store = sync(url_of(repo), tmp_path)
    packs = set((store.path / "objects" / "pack").glob("*.pack"))
    entries = [e for e in store.tree(repo.head()).entries]

    files = store.read_many(repo.head(), entries)

    new_packs = set((store.path / "objects" / "pack").glob("*.pack")) - packs
    assert len(new_packs) == 1
    assert object_types(store.path)["blob"] == 5
    assert files["file3.txt"] == b"content 3\n"


def test_read_many_fetches_only_what_is_missing(git_repos, url_of, tmp_path) -> None:
    repo = git_repos("two")
    repo.commit({"a.txt": "a\n", "b.txt": "b\n"})
    store = sync(url_of(repo), tmp_path)
    store.read_many(repo.head(), ["a.txt", "b.txt"])
    packs = set((store.path / "objects" / "pack").glob("*.pack"))

    assert store.read_many(repo.head(), ["a.txt", "b.txt"]) == {"a.txt": b"a\n", "b.txt": b"b\n"}
    assert set((store.path / "objects" / "pack").glob("*.pack")) == packs


def test_read_many_with_nothing_to_read_is_empty(app, served, tmp_path) -> None:
    store = sync(served(app), tmp_path)

    assert store.read_many(app.head(), []) == {}


def test_read_many_refuses_a_blob_over_the_cap(git_repos, url_of, tmp_path) -> None:
    repo = git_repos("big")
    repo.commit({"README.md": "# Big\n", "LICENSE": "x" * 5000})
    store = sync(url_of(repo), tmp_path, GitLimits(timeout=10, max_file_bytes=4096))

    with pytest.raises(FileTooLarge, match="LICENSE is 5,000 bytes"):
        store.read_many(repo.head(), ["README.md", "LICENSE"])


# --- history -------------------------------------------------------------------------


def test_commits_list_the_whole_history_newest_first(git_repos, served, tmp_path) -> None:
    repo = git_repos("history")
    repo.commit({"a": "1"}, author=("Ada", "ada@example.org"), date=_at(2023, 5, 1))
    repo.commit(
        {"a": "2"},
        author=("Bob", "bob@example.org"),
        committer=("Forge", "noreply@forge.example"),
        date=_at(2024, 2, 29),
    )
    store = sync(served(repo), tmp_path)

    commits = store.commits(repo.head())

    assert [commit.author_name for commit in commits] == ["Bob", "Ada"]
    assert commits[0] == Commit(
        sha=repo.head(),
        author_name="Bob",
        author_email="bob@example.org",
        authored_at=_at(2024, 2, 29),
        committer_email="noreply@forge.example",
        parents=1,
        reviewed=False,
    )
    assert commits[1].parents == 0


def test_commits_follow_every_parent_of_a_merge(git_repos, served, tmp_path) -> None:
    repo = git_repos("merge")
    repo.commit({"a": "1"})
    repo.branch("side")
    repo.commit({"a": "2"})
    repo.checkout("side")
    repo.commit({"b": "1"}, message="Side work")
    repo.checkout("main")
    repo._git(
        "merge",
        "-q",
        "--no-edit",
        "side",
        GIT_AUTHOR_NAME="M",
        GIT_AUTHOR_EMAIL="m@x",
        GIT_COMMITTER_NAME="M",
        GIT_COMMITTER_EMAIL="m@x",
    )
    store = sync(served(repo), tmp_path)

    commits = store.commits(repo.head())

    assert len(commits) == 4
    assert commits[0].parents == 2


def test_commits_apply_the_mailmap_at_the_commit(git_repos, url_of, tmp_path) -> None:
    repo = git_repos("mailmap")
    repo.commit({"a": "1"}, author=("ada", "ada@old.example"))
    repo.commit(
        {".mailmap": "Ada Lovelace <ada@example.org> <ada@old.example>\n"},
        author=("Bob", "bob@example.org"),
        committer=("ada", "ada@old.example"),
    )
    store = sync(url_of(repo), tmp_path)

    commits = store.commits(repo.head())

    assert (commits[1].author_name, commits[1].author_email) == (
        "Ada Lovelace",
        "ada@example.org",
    )
    assert commits[0].committer_email == "ada@example.org"


def test_a_mailmap_that_is_a_symbolic_link_is_ignored(git_repos, served, tmp_path) -> None:
    repo = git_repos("mailmap")
    repo.commit({"a": "1"}, author=("ada", "ada@old.example"))
    repo.symlink(".mailmap", "/etc/passwd")
    store = sync(served(repo), tmp_path)

    commits = store.commits(repo.head())

    assert commits[-1].author_email == "ada@old.example"


def test_a_mailmap_over_the_size_cap_is_refused(git_repos, served, tmp_path) -> None:
    repo = git_repos("mailmap")
    repo.commit({".mailmap": "# padding\n" * 1000})
    store = sync(served(repo), tmp_path, GitLimits(timeout=10, max_file_bytes=1000))

    with pytest.raises(FileTooLarge, match=r"\.mailmap"):
        store.commits(repo.head())


def test_commits_tell_reviewed_by_and_approved_by_trailers(git_repos, served, tmp_path) -> None:
    repo = git_repos("reviews")
    repo.commit({"a": "1"}, trailers={"Reviewed-by": "Bob <bob@example.org>"})
    repo.commit({"a": "2"}, trailers=[("Approved-by", "Eve <eve@example.org>")])
    repo.commit({"a": "3"}, trailers={"Signed-off-by": "Ada <ada@example.org>"})
    repo.commit({"a": "4"}, message="Reviewed-by: is only mentioned here")
    store = sync(served(repo), tmp_path)

    reviewed = [commit.reviewed for commit in store.commits(repo.head())]

    assert reviewed == [False, False, True, True]


def test_a_long_history_is_read_whole(git_repos, served, tmp_path) -> None:
    repo = git_repos("long")
    authors = [("Ada", "ada@example.org"), ("Bob", "bob@example.org")]
    repo.bulk_history(200, authors=authors, start=_at(2022, 1, 1), end=_at(2024, 1, 1))
    store = sync(served(repo), tmp_path)

    commits = store.commits(repo.head())

    assert len(commits) == 200
    assert commits[-1].authored_at == _at(2022, 1, 1)
    assert commits[0].authored_at == _at(2024, 1, 1)
    assert {commit.author_name for commit in commits} == {"Ada", "Bob"}


def test_tags_annotated_and_lightweight_with_their_commits_dates(
    git_repos, served, tmp_path
) -> None:
    repo = git_repos("tags")
    first = repo.commit({"a": "1"}, date=_at(2023, 3, 1))
    repo.tag("v1.0.0")
    second = repo.commit({"a": "2"}, date=_at(2024, 4, 1))
    repo.tag("v2.0.0", annotated=True, date=_at(2024, 6, 1))
    repo.tag("docs-tree", target="HEAD^{tree}")
    store = sync(served(repo), tmp_path)

    assert store.tags() == (
        RawTag(name="v1.0.0", commit=first, date=_at(2023, 3, 1)),
        RawTag(name="v2.0.0", commit=second, date=_at(2024, 4, 1)),
    )


def test_bulk_history_tags_are_listed(git_repos, served, tmp_path) -> None:
    repo = git_repos("bulk")
    repo.bulk_history(100, tags_every=25)
    store = sync(served(repo), tmp_path)

    assert [tag.name for tag in store.tags()] == ["v0.1.0", "v0.2.0", "v0.3.0", "v0.4.0"]


# --- isolation -----------------------------------------------------------------------


def test_the_users_git_configuration_and_environment_are_ignored(
    app, git_daemon, tmp_path, monkeypatch
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / ".gitconfig").write_text(
        f'[url "file:///nowhere/"]\n\tinsteadOf = {git_daemon.base_url}/\n'
        "[core]\n\thooksPath = /nowhere/hooks\n"
        '[alias]\n\tfetch = "!touch owned"\n'
    )
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home))
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(home / ".gitconfig"))
    monkeypatch.setenv("GIT_DIR", str(tmp_path / "elsewhere"))
    monkeypatch.setenv("GIT_CONFIG_PARAMETERS", "'url.file:///nowhere/.insteadof'='git://'")
    before = paths_under(tmp_path, exclude=[tmp_path / "cache"])

    head = ls_remote(git_daemon.url(app), LIMITS)
    store = sync(git_daemon.url(app), tmp_path)
    store.read_many(app.head(), ["README.md"])
    store.commits(app.head())

    assert store.head("main") == head.commit == app.head()
    assert paths_under(tmp_path, exclude=[tmp_path / "cache"]) == before


def _at(year: int, month: int, day: int) -> datetime.datetime:
    return datetime.datetime(year, month, day, 12, 0, tzinfo=UTC)
