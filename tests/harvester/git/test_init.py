"""The package's public API does not change by accident (STYLE.md rule 16)."""

from __future__ import annotations

import harvester.git


def test_exports_exactly_the_public_api() -> None:
    assert sorted(harvester.git.__all__) == sorted(
        [
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
    )


def test_every_exported_name_exists() -> None:
    for name in harvester.git.__all__:
        assert getattr(harvester.git, name) is not None
