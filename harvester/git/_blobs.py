"""Reading blobs from the object store of a blobless clone, within a size cap.

Missing blobs are fetched first, all in one round trip (a partial clone's promisor fetch by
object id); if the server refuses that, ``git cat-file`` fetches them one by one. Sizes are
checked before any content is read.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence

from ..records import FileKind, TreeEntry
from ._process import Git
from .errors import FileTooLarge, GitFailed, NotAFile

__all__ = ["fetch_missing", "read_blobs"]

_READABLE = frozenset({FileKind.FILE, FileKind.EXECUTABLE})
_LINK_TARGET_BYTES = 4096
_FETCH_BY_ID = (
    "fetch",
    "--quiet",
    "--no-tags",
    "--no-write-fetch-head",
    "--recurse-submodules=no",
    "--filter=blob:none",
    "--stdin",
    "origin",
)


def read_blobs(
    git: Git,
    entries: Sequence[TreeEntry],
    limit: int,
    watch: Callable[[], None] | None = None,
) -> dict[str, bytes]:
    """The contents of regular files; NotAFile or FileTooLarge for anything else. ``watch``
    runs while missing blobs are fetched lazily (the disk budget)."""
    for entry in entries:
        if entry.kind not in _READABLE:
            raise _not_a_file(git, entry)
    oids = sorted({entry.oid for entry in entries})
    sizes = _sizes(git, oids, watch)
    for entry in entries:
        if sizes[entry.oid] > limit:
            raise FileTooLarge(entry.path, sizes[entry.oid], limit, url=git.shown_url)
    contents = _contents(git, oids)
    return {entry.path: contents[entry.oid] for entry in entries}


def fetch_missing(
    git: Git, commit: str, oids: set[str], watch: Callable[[], None] | None = None
) -> None:
    """Fetch the blobs among ``oids`` that the store lacks, in one round trip. A server that
    refuses requests by object id is left to the lazy fetches of ``git cat-file``."""
    missing = _missing(git, commit) & oids
    if not missing:
        return
    stdin = "".join(f"{oid}\n" for oid in sorted(missing)).encode("ascii")
    with contextlib.suppress(GitFailed):  # refused: cat-file fetches lazily instead
        git.run(
            *_FETCH_BY_ID, stdin=stdin, watch=watch, config=("fetch.negotiationAlgorithm=noop",)
        )


def _missing(git: Git, commit: str) -> set[str]:
    """The objects of ``commit``'s tree that are not in the store (fetches nothing)."""
    args = ("rev-list", "--objects", "--missing=print", "--no-walk", "--end-of-options", commit)
    lines = git.run(*args).decode("ascii", "replace").splitlines()
    return {line[1:] for line in lines if line.startswith("?")}


def _sizes(
    git: Git, oids: Sequence[str], watch: Callable[[], None] | None = None
) -> dict[str, int]:
    """Each blob's size; ``cat-file`` fetches a missing blob before it answers."""
    if not oids:
        return {}
    stdin = "".join(f"{oid}\n" for oid in oids).encode("ascii")
    check = "--batch-check=%(objectname) %(objecttype) %(objectsize)"
    output = git.run("cat-file", check, stdin=stdin, watch=watch)
    sizes: dict[str, int] = {}
    for line in output.decode("ascii", "replace").splitlines():
        oid, _, rest = line.partition(" ")
        kind, _, size = rest.partition(" ")
        if kind != "blob" or not size.isdigit():
            raise GitFailed(
                f"The blob {oid} could not be fetched from {git.shown_url}.", url=git.shown_url
            )
        sizes[oid] = int(size)
    return sizes


def _contents(git: Git, oids: Sequence[str]) -> dict[str, bytes]:
    """Blob contents from one ``git cat-file --batch`` (sizes already checked)."""
    if not oids:
        return {}
    stdin = "".join(f"{oid}\n" for oid in oids).encode("ascii")
    output = git.run("cat-file", "--batch", stdin=stdin)
    contents: dict[str, bytes] = {}
    position = 0
    while position < len(output):
        oid, size, start = _header(git, output, position)
        contents[oid] = output[start : start + size]
        position = start + size + 1  # the content is followed by a newline
    return contents


def _header(git: Git, output: bytes, position: int) -> tuple[str, int, int]:
    """``<oid> <type> <size>`` at ``position``: the oid, the size and where the content starts."""
    end = output.find(b"\n", position)
    fields = output[position:end].decode("ascii", "replace").split(" ")
    if end < 0 or len(fields) != 3 or not fields[2].isdigit():
        raise GitFailed(f"git cat-file gave an unreadable answer for {git.shown_url}.")
    return fields[0], int(fields[2]), end + 1


def _not_a_file(git: Git, entry: TreeEntry) -> NotAFile:
    if entry.kind is not FileKind.SYMLINK:
        return NotAFile(entry.path, entry.kind.value, url=git.shown_url)
    return NotAFile(entry.path, "symlink", target=_link_target(git, entry), url=git.shown_url)


def _link_target(git: Git, entry: TreeEntry) -> str | None:
    """Where a symbolic link points: its blob's text (never the filesystem's)."""
    try:
        if _sizes(git, [entry.oid])[entry.oid] > _LINK_TARGET_BYTES:
            return None
        return _contents(git, [entry.oid])[entry.oid].decode("utf-8", "backslashreplace")
    except (GitFailed, ValueError):
        return None
