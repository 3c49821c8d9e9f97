"""Keeping one repository's cache folder up to date: a bare blobless clone the first time,
an incremental fetch afterwards, a fresh clone when the cached one no longer works, and the
folder's size held within its disk budget (checked while git runs and after it ends).

Layout: ``<cache_root>/<hash of the URL>/repo.git``; the folder is also git's HOME.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from ._process import Git
from ._urls import shown
from .errors import DiskBudgetExceeded, GitFailed
from .limits import GitLimits

__all__ = [
    "REPOSITORY",
    "budget_watcher",
    "check_budget",
    "folder_name",
    "folder_size",
    "guard_budget",
    "sync_folder",
]

REPOSITORY = "repo.git"
_CLONE = ("clone", "--quiet", "--bare", "--filter=blob:none", "--no-local", "--template=")
_FETCH = (
    "fetch",
    "--quiet",
    "--prune",
    "--force",
    "--no-write-fetch-head",
    "--recurse-submodules=no",
    "origin",
    "+refs/heads/*:refs/heads/*",
    "+refs/tags/*:refs/tags/*",
)


def folder_name(url: str) -> str:
    """A stable folder name for a URL."""
    return hashlib.sha256(url.encode("utf-8", "surrogateescape")).hexdigest()[:32]


def sync_folder(folder: Path, url: str, limits: GitLimits) -> None:
    """Bring ``folder`` up to date with the repository at ``url``."""
    with guard_budget(folder, url, limits):
        if (folder / REPOSITORY).is_dir():
            try:
                _fetch(folder, url, limits)
            except GitFailed:  # a broken cache (or a hiccup): a fresh clone settles it
                _clone(folder, url, limits)
        else:
            _first_clone(folder, url, limits)
        check_budget(folder, url, limits.disk_budget_bytes)


@contextlib.contextmanager
def guard_budget(folder: Path, url: str, limits: GitLimits) -> Iterator[None]:
    """Delete the folder when the block ends with DiskBudgetExceeded."""
    try:
        yield
    except DiskBudgetExceeded:
        shutil.rmtree(folder, ignore_errors=True)
        raise


def _first_clone(folder: Path, url: str, limits: GitLimits) -> None:
    """Clone into a fresh folder; a clone that fails leaves no folder behind."""
    shutil.rmtree(folder, ignore_errors=True)
    try:
        _clone(folder, url, limits)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise


def _fetch(folder: Path, url: str, limits: GitLimits) -> None:
    git = Git(url=url, home=folder, timeout=limits.timeout, git_dir=folder / REPOSITORY)
    git.run(*_FETCH, watch=budget_watcher(folder, url, limits.disk_budget_bytes))


def _clone(folder: Path, url: str, limits: GitLimits) -> None:
    """Clone into a staging folder, then put it in place of any previous clone."""
    folder.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix="clone-", dir=folder))
    try:
        git = Git(url=url, home=folder, timeout=limits.timeout)
        watch = budget_watcher(staging, url, limits.disk_budget_bytes)
        git.run(*_CLONE, "--", url, str(staging), watch=watch)
        _replace(folder / REPOSITORY, staging)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _replace(target: Path, staging: Path) -> None:
    if target.exists():
        retired = Path(tempfile.mkdtemp(prefix="retired-", dir=target.parent))
        os.rename(target, retired / REPOSITORY)
        shutil.rmtree(retired, ignore_errors=True)
    os.rename(staging, target)


def budget_watcher(path: Path, url: str, limit: int) -> Callable[[], None]:
    """A check of the folder's size to run while git runs."""

    def watch() -> None:
        check_budget(path, url, limit)

    return watch


def check_budget(path: Path, url: str, limit: int) -> None:
    """Raise DiskBudgetExceeded when the files under ``path`` exceed ``limit`` bytes."""
    size = folder_size(path)
    if size > limit:
        raise DiskBudgetExceeded(
            f"The repository {shown(url)} needs more than its disk budget of {limit:,} bytes "
            f"({size:,} bytes so far); its cache was deleted.",
            url=shown(url),
            size=size,
            limit=limit,
        )


def folder_size(path: Path) -> int:
    """Bytes in the files under ``path`` (files that vanish meanwhile count as empty)."""
    total = 0
    for root, _, files in os.walk(path):
        for name in files:
            with contextlib.suppress(FileNotFoundError):
                total += os.lstat(os.path.join(root, name)).st_size
    return total
