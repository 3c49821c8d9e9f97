"""Listing trees with ``git ls-tree`` (never ``-l``: sizes would fetch every blob)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..records import FileKind, TreeEntry
from ._process import Git
from .tree import Tree

__all__ = ["entries_at", "list_tree", "nul_records"]

_BY_MODE = {
    "100755": FileKind.EXECUTABLE,
    "120000": FileKind.SYMLINK,
    "160000": FileKind.SUBMODULE,
    "040000": FileKind.DIRECTORY,
}
_BY_TYPE = {"blob": FileKind.FILE, "tree": FileKind.DIRECTORY, "commit": FileKind.SUBMODULE}


def list_tree(git: Git, commit: str, max_entries: int) -> Tree:
    """Every entry of ``commit``'s tree, at most ``max_entries`` (then marked truncated)."""
    entries: list[TreeEntry] = []
    args = ("ls-tree", "-r", "-t", "-z", "--full-tree", "--end-of-options", commit)
    with git.stream(*args) as chunks:
        for record in nul_records(chunks):
            if len(entries) == max_entries:
                return Tree(tuple(entries), truncated=True)  # leaving the block stops git
            entries.append(_entry(record))
    return Tree(tuple(entries))


def entries_at(git: Git, commit: str, paths: Iterable[str]) -> dict[str, TreeEntry]:
    """The entries at exactly these paths (missing paths are absent from the result)."""
    wanted = {path.strip("/") for path in paths} - {""}
    if not wanted:
        return {}
    args = ("ls-tree", "-z", "--full-tree", "--end-of-options", commit, "--", *sorted(wanted))
    found = (_entry(record) for record in nul_records([git.run(*args)]))
    return {entry.path: entry for entry in found if entry.path in wanted}


def nul_records(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """The NUL-terminated records in a stream of output chunks."""
    pending = b""
    for chunk in chunks:
        pending += chunk
        *complete, pending = pending.split(b"\0")
        yield from complete
    if pending:
        yield pending


def _entry(record: bytes) -> TreeEntry:
    """``<mode> SP <type> SP <oid> TAB <path>``; names as UTF-8, invalid bytes as ``\\xNN``."""
    meta, _, raw_path = record.partition(b"\t")
    mode, kind, oid = meta.decode("ascii", "replace").split(" ", 2)
    return TreeEntry(
        path=raw_path.decode("utf-8", "backslashreplace"),
        kind=_BY_MODE.get(mode) or _BY_TYPE.get(kind, FileKind.FILE),
        size=None,
        oid=oid,
    )
