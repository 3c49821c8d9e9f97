"""Errors of storing harvest records.

::

    IngestError
    ├── UnknownPublisher     a record names a publisher that was not stored first
    └── UnknownRepository    an UNCHANGED record for a URL no component has
"""

from __future__ import annotations

__all__ = ["IngestError", "UnknownPublisher", "UnknownRepository"]


class IngestError(Exception):
    """A record the registry cannot store as it is."""


class UnknownPublisher(IngestError):
    """The record's publisher is not in the registry: store the sources' publishers first."""

    def __init__(self, publisher_id: str) -> None:
        super().__init__(f"unknown publisher {publisher_id!r}: upsert the publishers first")
        self.publisher_id = publisher_id


class UnknownRepository(IngestError):
    """An UNCHANGED record needs an earlier good harvest of its URL, and there is none."""

    def __init__(self, url: str) -> None:
        super().__init__(f"{url}: unchanged, but no component has this URL")
        self.url = url
