"""A forge that knows nothing, for dry runs and tests: it lists no repositories."""

from __future__ import annotations

from collections.abc import Iterator

from ..records import ForgeRepository
from .plain import checked_git_url

__all__ = ["NullForge"]


class NullForge:
    """Lists nothing; describes a repository by its (checked) URL alone, like plain git."""

    def list_repositories(self, url: str) -> Iterator[ForgeRepository]:
        """No repositories, whatever the (checked) URL."""
        checked_git_url(url)
        return iter(())

    def repository(self, url: str) -> ForgeRepository:
        """``ForgeRepository(clone_url=url)``: nothing but the URL is known."""
        return ForgeRepository(clone_url=checked_git_url(url), driver="git")
