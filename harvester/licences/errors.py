"""The errors of :mod:`harvester.licences`.

::

    LicencesError
     └── InvalidManifest (ValueError)   a manifest that cannot be read (bad JSON/TOML/XML, too
                                        large, a DOCTYPE); carries ``path`` and ``reason``

The public functions raise none of them for a bad file: :func:`manifest_licences` reports a
manifest it cannot read as having no licence fields, and :func:`identify_text` turns any
bytes into a verdict. They reach callers of the per-format readers.
"""

from __future__ import annotations

__all__ = ["InvalidManifest", "LicencesError"]


class LicencesError(Exception):
    """Base of this package's errors."""


class InvalidManifest(LicencesError, ValueError):
    """A package manifest that cannot be read."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
