"""GitLimits: the defaults every harvest starts from."""

from __future__ import annotations

import dataclasses

import pytest

from harvester.git import GitLimits


def test_the_defaults_are_generous_but_bounded() -> None:
    limits = GitLimits()

    assert limits.timeout == 120
    assert limits.max_file_bytes == 5 * 1024 * 1024
    assert limits.disk_budget_bytes == 1024 * 1024 * 1024
    assert limits.max_tree_entries == 200_000


def test_limits_cannot_be_changed_once_made() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        GitLimits().timeout = 1  # type: ignore[misc]
