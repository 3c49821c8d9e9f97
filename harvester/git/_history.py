"""Reading history with one ``git log`` and tags with one ``git for-each-ref``."""

from __future__ import annotations

import datetime
import re

from ._process import Git
from ._tree import nul_records
from .errors import GitFailed
from .history import Commit, RawTag

__all__ = ["list_commits", "list_tags"]

_LOG_FIELDS = (
    "%H",
    "%aN",
    "%aE",
    "%at",
    "%cE",
    "%P",
    "%(trailers:key=Reviewed-by,key=Approved-by,keyonly,separator=%x2C)",
)
_LOG_FORMAT = "%x00".join(_LOG_FIELDS)
_TAG_FIELDS = (
    "%(refname)",
    "%(objecttype)",
    "%(objectname)",
    "%(committerdate:unix)",
    "%(*objecttype)",
    "%(*objectname)",
    "%(*committerdate:unix)",
)
_TAG_FORMAT = "%00".join(_TAG_FIELDS)
_OID = re.compile(rb"^[0-9a-f]{40}([0-9a-f]{24})?$")
_EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)
_LATEST = datetime.datetime(9999, 12, 31, tzinfo=datetime.UTC)


def list_commits(git: Git, commit: str, mailmap: str) -> tuple[Commit, ...]:
    """The full history reachable from ``commit``, newest first; ``mailmap`` is the blob
    holding the ``.mailmap`` to apply, or ``""`` for none."""
    args = ("log", "-z", f"--format={_LOG_FORMAT}", "--end-of-options", commit, "--")
    commits: list[Commit] = []
    fields: list[bytes] = []
    with git.stream(*args, config=(f"mailmap.blob={mailmap}",)) as chunks:
        for field in nul_records(chunks):
            fields.append(field)
            if len(fields) == len(_LOG_FIELDS):
                commits.append(_commit(fields))
                fields = []
    if fields and fields != [b""]:
        raise GitFailed("git log printed an incomplete commit record.", url=git.shown_url)
    return tuple(commits)


def _commit(fields: list[bytes]) -> Commit:
    sha, name, email, authored, committer, parents, trailers = fields
    if not _OID.match(sha):
        raise GitFailed("git log printed a commit record that cannot be read.")
    return Commit(
        sha=sha.decode("ascii"),
        author_name=_text(name),
        author_email=_text(email),
        authored_at=_utc(authored),
        committer_email=_text(committer),
        parents=len(parents.split()),
        reviewed=bool(trailers.strip()),
    )


def list_tags(git: Git) -> tuple[RawTag, ...]:
    """Every tag that points to a commit (directly or through one annotated tag)."""
    output = git.run("for-each-ref", f"--format={_TAG_FORMAT}", "refs/tags")
    tags = (_tag(line.split(b"\0")) for line in output.split(b"\n"))
    return tuple(tag for tag in tags if tag is not None)


def _tag(fields: list[bytes]) -> RawTag | None:
    if len(fields) != len(_TAG_FIELDS):
        return None
    ref, kind, oid, date, peeled_kind, peeled_oid, peeled_date = fields
    if kind == b"tag":
        kind, oid, date = peeled_kind, peeled_oid, peeled_date
    if kind != b"commit" or not _OID.match(oid):
        return None
    return RawTag(
        name=_text(ref).removeprefix("refs/tags/"),
        commit=oid.decode("ascii"),
        date=_utc(date),
    )


def _text(value: bytes) -> str:
    return value.decode("utf-8", "backslashreplace")


def _utc(seconds: bytes) -> datetime.datetime:
    """A Unix time as a UTC datetime, held within what datetime can represent."""
    try:
        value = int(seconds)
    except ValueError:
        return _EPOCH
    try:
        return _EPOCH + datetime.timedelta(seconds=value)
    except OverflowError:
        return _LATEST if value > 0 else datetime.datetime.min.replace(tzinfo=datetime.UTC)
