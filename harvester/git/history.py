"""A branch's history as git tells it: commits and tags."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

__all__ = ["Commit", "RawTag"]


@dataclass(frozen=True, slots=True)
class Commit:
    """One commit. Names and e-mail addresses have the ``.mailmap`` at the branch's HEAD
    applied; ``parents`` counts parents (2 or more: a merge); ``reviewed`` is set when the
    message has a ``Reviewed-by`` or ``Approved-by`` trailer."""

    sha: str
    author_name: str
    author_email: str
    authored_at: datetime.datetime  # UTC
    committer_email: str
    parents: int
    reviewed: bool


@dataclass(frozen=True, slots=True)
class RawTag:
    """A tag (annotated or lightweight), the commit it points to and that commit's committer
    date (UTC). Tags of trees or blobs, and tags of tags of tags, are not listed."""

    name: str
    commit: str
    date: datetime.datetime
