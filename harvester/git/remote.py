"""What a remote repository's HEAD is, asked with one ``git ls-remote``."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from ._process import Git
from ._urls import check_url
from .errors import EmptyRepository, GitFailed
from .limits import GitLimits

__all__ = ["RemoteHead", "ls_remote"]

_PREFERRED = ("main", "master")


_MAX_REFS_OUTPUT = 16 * 1024 * 1024  # ~150,000 branches; a server listing more is refused


@dataclass(frozen=True, slots=True)
class RemoteHead:
    """The default branch of a remote repository and the commit it points to."""

    branch: str
    commit: str


def ls_remote(url: str, limits: GitLimits) -> RemoteHead:
    """The default branch and its commit, from ``git ls-remote --symref URL HEAD``.

    Raises RepositoryNotFound, EmptyRepository, GitTimeout, GitFailed or InvalidRepositoryUrl.
    """
    check_url(url)
    with tempfile.TemporaryDirectory(prefix="kataster-git-") as home:
        git = Git(url=url, home=Path(home), timeout=limits.timeout)
        symrefs, heads = _refs(
            git.run("ls-remote", "--symref", "--", url, "HEAD", max_output=_MAX_REFS_OUTPUT)
        )
        if "HEAD" not in heads:
            shown = git.shown_url
            raise EmptyRepository(f"The repository {shown} is empty: it has no commits.", url=shown)
        commit = heads["HEAD"]
        branch = symrefs.get("HEAD") or _branch_at(git, url, commit)
    return RemoteHead(branch=branch.removeprefix("refs/heads/"), commit=commit)


def _refs(output: bytes) -> tuple[dict[str, str], dict[str, str]]:
    """ls-remote's lines as (symbolic refs: name -> target, refs: name -> commit)."""
    symrefs: dict[str, str] = {}
    refs: dict[str, str] = {}
    for line in output.decode("utf-8", "replace").splitlines():
        value, _, name = line.partition("\t")
        if value.startswith("ref: "):
            symrefs[name] = value.removeprefix("ref: ")
        else:
            refs[name] = value
    return symrefs, refs


def _branch_at(git: Git, url: str, commit: str) -> str:
    """The branch HEAD names when the server does not say (old or dumb servers): the branch
    at the same commit, ``main`` or ``master`` first."""
    _, refs = _refs(git.run("ls-remote", "--heads", "--", url, max_output=_MAX_REFS_OUTPUT))
    branches = sorted(name for name, oid in refs.items() if oid == commit)
    for name in _PREFERRED:
        if f"refs/heads/{name}" in branches:
            return name
    if not branches:
        raise GitFailed(f"The HEAD of {git.shown_url} names no branch.", url=git.shown_url)
    return branches[0]
