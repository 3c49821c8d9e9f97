"""A commit's tree as the validator's file source: logo and screenshot references are looked
up in git's object store, never on a disk, so a repository cannot point them at the harvester's
own files. Paths are shown rooted at ``/`` (``no such file: /img/logo.png``).

Only a PNG logo's blob is fetched (its header is decoded); for every other reference the tree
entry alone answers, so a reference never costs a download.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .git import GitError
from .publiccode import FileStat
from .records import FileKind, TreeEntry

if TYPE_CHECKING:
    from .git import ObjectStore

__all__ = ["TreeFiles"]


class TreeFiles:
    """The files of one commit, read lazily and at most once each (within the size cap)."""

    root = "/"

    def __init__(self, store: ObjectStore, commit: str, entries: Sequence[TreeEntry]) -> None:
        self._store = store
        self._commit = commit
        self._entries = {entry.path: entry for entry in entries}
        self._blobs: dict[str, bytes] = {}

    def entry(self, path: str) -> TreeEntry | None:
        """The tree entry at a repository path (without a leading slash)."""
        return self._entries.get(path)

    def stat(self, path: str) -> FileStat | None:
        entry = self._entries.get(path.lstrip("/"))
        if entry is None:
            return None
        if entry.kind not in (FileKind.FILE, FileKind.EXECUTABLE):
            return FileStat(regular=False, size=0)  # directories, links, submodules
        if not path.lower().endswith(".png"):
            return FileStat(regular=True, size=0)  # existence is all that is checked
        try:  # a PNG logo's header is decoded: its blob is needed anyway
            return FileStat(regular=True, size=len(self._blob(entry.path)))
        except OSError:
            return FileStat(regular=True, size=0)  # the read fails again, with its reason

    def read(self, path: str, offset: int, count: int) -> bytes:
        return self._blob(path.lstrip("/"))[offset : offset + count]

    def _blob(self, path: str) -> bytes:
        if path not in self._blobs:
            try:
                self._blobs[path] = self._store.read(self._commit, path)
            except GitError as error:  # git's refusal becomes the validator's read error
                raise OSError(str(error)) from error
        return self._blobs[path]
