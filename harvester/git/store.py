"""One repository's objects in a local cache: a bare blobless partial clone, read with git.

There is no working tree, so nothing a repository contains is ever written as a file: a
symbolic link is a blob holding its target's name, a huge file is a blob whose size is
checked before it is read.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterable
from pathlib import Path

from ..records import FileKind, TreeEntry
from ._blobs import fetch_missing, read_blobs
from ._history import list_commits, list_tags
from ._process import Git
from ._sync import (
    REPOSITORY,
    budget_watcher,
    check_budget,
    folder_name,
    folder_size,
    guard_budget,
    sync_folder,
)
from ._tree import entries_at, list_tree
from ._urls import check_url, shown
from .errors import EmptyRepository, GitFailed, PathNotFound
from .history import Commit, RawTag
from .limits import GitLimits
from .tree import Tree

__all__ = ["ObjectStore"]


class ObjectStore:
    """The cached object store of the repository at ``url``, in a folder of ``cache_root``.

    ``ObjectStore(url, cache_root, limits)`` opens the cache as it is; :meth:`sync` clones or
    fetches first. Every method runs git within ``limits``.
    """

    def __init__(self, url: str, cache_root: Path | str, limits: GitLimits) -> None:
        check_url(url)
        self.url = shown(url)
        self.folder = Path(cache_root).resolve() / folder_name(url)
        self.limits = limits
        self._source = url
        self._git = Git(url=url, home=self.folder, timeout=limits.timeout, git_dir=self.path)

    @classmethod
    def sync(cls, url: str, cache_root: Path | str, limits: GitLimits) -> ObjectStore:
        """Clone ``url`` into the cache (blobless, bare, with tags) or fetch what is new."""
        store = cls(url, cache_root, limits)
        sync_folder(store.folder, url, limits)
        return store

    @property
    def path(self) -> Path:
        """The bare repository."""
        return self.folder / REPOSITORY

    @property
    def cloned(self) -> bool:
        """Whether the cache already holds a clone (a first :meth:`sync` clones afresh)."""
        return (self.path / "HEAD").is_file()

    def default_branch(self) -> str:
        """The remote's default branch as the clone recorded it (its HEAD).

        Only a fresh clone knows it for sure: fetching later does not move HEAD, so after a
        fetch ask :func:`ls_remote`. Raises EmptyRepository when HEAD names no commit.
        """
        ref = self._git.run("symbolic-ref", "--quiet", "HEAD").decode("utf-8", "replace").strip()
        branch = ref.removeprefix("refs/heads/")
        try:
            self.head(branch)
        except GitFailed:
            raise EmptyRepository(
                f"The repository {self.url} is empty: it has no commits.", url=self.url
            ) from None
        return branch

    def head(self, branch: str) -> str:
        """The commit at the tip of ``branch``."""
        ref = f"refs/heads/{branch}^{{commit}}"
        args = ("rev-parse", "--verify", "--quiet", "--end-of-options", ref)
        try:
            return self._git.run(*args).decode("ascii").strip()
        except GitFailed:
            raise GitFailed(
                f"The branch {branch!r} is not in the copy of {self.url}.", url=self.url
            ) from None

    def tree(self, commit: str) -> Tree:
        """Every entry of the commit's tree, at most ``limits.max_tree_entries``."""
        return list_tree(self._git, commit, self.limits.max_tree_entries)

    def read(
        self, commit: str, path_or_entry: str | TreeEntry, max_bytes: int | None = None
    ) -> bytes:
        """One regular file's content (an entry is read by its object id).

        Raises PathNotFound, NotAFile (symbolic links name their target), FileTooLarge
        (over ``max_bytes``, by default ``limits.max_file_bytes``) or DiskBudgetExceeded.
        """
        (entry,) = self._resolve(commit, [path_or_entry])
        with guard_budget(self.folder, self._source, self.limits):
            content = read_blobs(self._git, [entry], self._cap(max_bytes), self._watch())
            self._check_budget()
        return content[entry.path]

    def read_many(
        self,
        commit: str,
        entries: Iterable[str | TreeEntry],
        max_bytes: int | None = None,
    ) -> dict[str, bytes]:
        """Several files' contents by path, their missing blobs fetched in one round trip.
        Raises as :meth:`read` does, for the first entry that cannot be read."""
        resolved = self._resolve(commit, entries)
        with guard_budget(self.folder, self._source, self.limits):
            fetch_missing(self._git, commit, {entry.oid for entry in resolved}, self._watch())
            self._check_budget()
            contents = read_blobs(self._git, resolved, self._cap(max_bytes), self._watch())
        return contents

    def commits(self, commit: str) -> tuple[Commit, ...]:
        """The full history reachable from ``commit``, newest first, with the ``.mailmap``
        at ``commit`` applied (when it is a regular file within the size cap)."""
        return list_commits(self._git, commit, self._mailmap(commit))

    def tags(self) -> tuple[RawTag, ...]:
        """Every tag that points to a commit, with the commit's date."""
        return list_tags(self._git)

    def disk_usage(self) -> int:
        """Bytes the cache folder holds."""
        return folder_size(self.folder)

    def remove(self) -> None:
        """Delete the cache folder."""
        shutil.rmtree(self.folder, ignore_errors=True)

    def _resolve(self, commit: str, items: Iterable[str | TreeEntry]) -> list[TreeEntry]:
        listed = list(items)
        paths = [item for item in listed if isinstance(item, str)]
        found = entries_at(self._git, commit, paths) if paths else {}
        resolved = []
        for item in listed:
            entry = item if isinstance(item, TreeEntry) else found.get(item.strip("/"))
            if entry is None:
                raise PathNotFound(str(item), commit, url=self.url)
            resolved.append(entry)
        return resolved

    def _mailmap(self, commit: str) -> str:
        """The ``.mailmap`` blob to apply, ``""`` for none (symbolic links are ignored, as
        git ignores them in a working tree)."""
        entry = entries_at(self._git, commit, [".mailmap"]).get(".mailmap")
        if entry is None or entry.kind not in (FileKind.FILE, FileKind.EXECUTABLE):
            return ""
        self.read(commit, entry)  # fetched and held to the size cap
        return entry.oid

    def _cap(self, max_bytes: int | None) -> int:
        return self.limits.max_file_bytes if max_bytes is None else max_bytes

    def _watch(self) -> Callable[[], None]:
        return budget_watcher(self.folder, self._source, self.limits.disk_budget_bytes)

    def _check_budget(self) -> None:
        check_budget(self.folder, self._source, self.limits.disk_budget_bytes)
