"""Git access for the harvester, with the git command-line tool only.

::

    head = ls_remote(url, limits)                          # one ls-remote: branch and commit
    store = ObjectStore.sync(url, cache_root, limits)      # blobless bare clone, or fetch
    commit = store.head(head.branch)
    tree = store.tree(commit)                              # Tree(entries, truncated)
    files = store.read_many(commit, [e for e in tree.entries if e.path == "README.md"])
    history, tags = store.commits(commit), store.tags()

Files are read from git's object store, never from a working tree (there is none): symbolic
links are refused with their target named, blobs over ``GitLimits.max_file_bytes`` are
refused before they are read, each git command is killed (with its whole process group) after
``GitLimits.timeout`` seconds, and a cache folder that outgrows ``GitLimits.disk_budget_bytes``
is deleted. Git runs without system or global configuration, hooks, credential prompts or
submodules; HOME is a folder the harvester owns. Errors are :mod:`harvester.git.errors`.
"""

from __future__ import annotations

from .errors import (
    DiskBudgetExceeded,
    EmptyRepository,
    FileTooLarge,
    GitError,
    GitFailed,
    GitTimeout,
    InvalidRepositoryUrl,
    NotAFile,
    PathNotFound,
    RepositoryNotFound,
)
from .history import Commit, RawTag
from .limits import GitLimits
from .remote import RemoteHead, ls_remote
from .store import ObjectStore
from .tree import Tree

__all__ = [
    "Commit",
    "DiskBudgetExceeded",
    "EmptyRepository",
    "FileTooLarge",
    "GitError",
    "GitFailed",
    "GitLimits",
    "GitTimeout",
    "InvalidRepositoryUrl",
    "NotAFile",
    "ObjectStore",
    "PathNotFound",
    "RawTag",
    "RemoteHead",
    "RepositoryNotFound",
    "Tree",
    "ls_remote",
]
