"""What can go wrong when the harvester talks to git.

::

    GitError                      every failure of git access; ``url`` and ``command`` as context
    ├── InvalidRepositoryUrl      (also ValueError) a URL git must never be handed
    ├── GitTimeout                a git command ran past its time limit and was killed
    ├── GitFailed                 git exited with an error (``stderr``: its trimmed, redacted words)
    ├── RepositoryNotFound        no such repository, gone, or not public
    ├── EmptyRepository           the repository exists but has no commits
    ├── DiskBudgetExceeded        the repository's cache folder grew past its budget
    ├── FileTooLarge              a blob is larger than the size cap
    ├── NotAFile                  a symbolic link, submodule or directory where a file was asked for
    └── PathNotFound              no such path in the commit's tree

Every message is a plain English sentence that is safe to show: URLs never carry their user
name or password, and git's own words are redacted the same way.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "DiskBudgetExceeded",
    "EmptyRepository",
    "FileTooLarge",
    "GitError",
    "GitFailed",
    "GitTimeout",
    "InvalidRepositoryUrl",
    "NotAFile",
    "PathNotFound",
    "RepositoryNotFound",
]


def _rebuild(cls: type[GitError], args: tuple[Any, ...], state: dict[str, Any]) -> GitError:
    error = Exception.__new__(cls)
    error.args = args
    error.__dict__.update(state)
    return error


class GitError(Exception):
    """Base class. ``url`` is the repository (credentials removed), ``command`` the git call."""

    def __init__(self, message: str, *, url: str | None = None, command: str | None = None):
        super().__init__(message)
        self.message = message
        self.url = url
        self.command = command

    def __str__(self) -> str:
        return self.message

    def __reduce__(self) -> tuple[Any, ...]:  # picklable across worker processes
        return (_rebuild, (type(self), self.args, self.__dict__))


class InvalidRepositoryUrl(GitError, ValueError):
    """The URL is empty, starts with ``-``, holds control characters or names a protocol
    the harvester does not speak (only https, http, git and local repositories; not ssh)."""


class GitTimeout(GitError):
    """A git command ran longer than ``GitLimits.timeout``; its whole process group was killed."""


class GitFailed(GitError):
    """Git exited with an error; ``stderr`` holds its message, trimmed and redacted."""

    def __init__(
        self,
        message: str,
        *,
        url: str | None = None,
        command: str | None = None,
        stderr: str = "",
    ):
        super().__init__(message, url=url, command=command)
        self.stderr = stderr


class RepositoryNotFound(GitError):
    """The repository does not exist (any more), or it is not public."""


class EmptyRepository(GitError):
    """The repository exists but has no commits, so it has no HEAD."""


class DiskBudgetExceeded(GitError):
    """The cache folder of one repository grew past ``limit`` bytes; the folder is deleted."""

    def __init__(self, message: str, *, url: str | None = None, size: int = 0, limit: int = 0):
        super().__init__(message, url=url)
        self.size = size
        self.limit = limit


class FileTooLarge(GitError):
    """A blob of ``size`` bytes at ``path`` exceeds the cap of ``limit`` bytes."""

    def __init__(self, path: str, size: int, limit: int, *, url: str | None = None):
        super().__init__(
            f"The file {path} is {size:,} bytes, more than the limit of {limit:,} bytes.",
            url=url,
        )
        self.path = path
        self.size = size
        self.limit = limit


class NotAFile(GitError):
    """``path`` is a symbolic link (``target`` is where it points), a submodule or a directory."""

    def __init__(
        self,
        path: str,
        kind: str,
        *,
        target: str | None = None,
        url: str | None = None,
    ):
        super().__init__(_not_a_file_message(path, kind, target), url=url)
        self.path = path
        self.kind = kind
        self.target = target


def _not_a_file_message(path: str, kind: str, target: str | None) -> str:
    if kind == "symlink":
        return (
            f"The path {path} is a symbolic link to {target!r}; "
            "the harvester reads only regular files and never follows links."
        )
    if kind == "submodule":
        return f"The path {path} is a submodule (a link to another repository), not a file."
    return f"The path {path} is a {kind}, not a file."


class PathNotFound(GitError):
    """The commit's tree has nothing at ``path``."""

    def __init__(self, path: str, commit: str, *, url: str | None = None):
        super().__init__(f"The commit {commit[:12]} has no file {path}.", url=url)
        self.path = path
        self.commit = commit
