"""The bounds every git operation works within."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["GitLimits"]

MIB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class GitLimits:
    """Limits for git access to one repository.

    ``timeout``: seconds one git command may run before its process group is killed.
    ``max_file_bytes``: the largest blob :meth:`ObjectStore.read` hands out.
    ``disk_budget_bytes``: the largest a repository's cache folder may grow.
    ``max_tree_entries``: entries listed from a tree before the listing is marked truncated.
    """

    timeout: float = 120.0
    max_file_bytes: int = 5 * MIB
    disk_budget_bytes: int = 1024 * MIB
    max_tree_entries: int = 200_000
