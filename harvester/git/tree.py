"""The listing of a commit's tree."""

from __future__ import annotations

from dataclasses import dataclass

from ..records import TreeEntry

__all__ = ["Tree"]


@dataclass(frozen=True, slots=True)
class Tree:
    """Every entry of a commit's tree (directories included), in git's order.

    ``truncated`` is set when the tree had more entries than ``GitLimits.max_tree_entries``;
    ``entries`` then holds the first ones. Sizes are ``None``: asking git for them would
    fetch every blob of a blobless clone.
    """

    entries: tuple[TreeEntry, ...]
    truncated: bool = False
