"""The demo's errors::

DemoError
├── InvalidDemoFolder (ValueError)   the folder holds something that is not a demo
├── DatabaseNotEmpty (ValueError)    the database already holds Kataster tables
└── DemoGitError                     git failed while building a repository
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["DatabaseNotEmpty", "DemoError", "DemoGitError", "InvalidDemoFolder"]


class DemoError(Exception):
    """The demo could not be built."""


class InvalidDemoFolder(DemoError, ValueError):
    """``folder`` exists, is not empty and was not made by ``kataster demo``: it is left alone."""

    def __init__(self, folder: Path) -> None:
        super().__init__(
            f"{folder} is not empty and holds no earlier demo; choose another folder with --folder"
        )
        self.folder = folder


class DatabaseNotEmpty(DemoError, ValueError):
    """The demo only fills an empty database, so it never mixes into real data."""

    def __init__(self, url: str) -> None:
        super().__init__(
            f"the database {url} already holds Kataster tables; the demo needs an empty one"
        )
        self.url = url


class DemoGitError(DemoError):
    """A git command failed while a demo repository was built (the message has git's words)."""
