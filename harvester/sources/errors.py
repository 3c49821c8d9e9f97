"""The errors of :mod:`harvester.sources`.

::

    SourcesError
     └── InvalidSources (ValueError)   a sources file Kataster cannot use; carries every problem
                                       found, each a :class:`SourceError` with file, line, column

:class:`SourceError` is not an exception: it is one problem at one place of a file.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["InvalidSources", "SourceError", "SourcesError"]


@dataclass(frozen=True, slots=True)
class SourceError:
    """One problem of a sources file at a 1-based line and column (both 1 for the whole file)."""

    file: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.message}"


class SourcesError(Exception):
    """Base of this package's errors."""


class InvalidSources(SourcesError, ValueError):
    """A sources file with problems; ``str()`` lists them one per line, in file order."""

    def __init__(self, errors: tuple[SourceError, ...]) -> None:
        self.errors = tuple(sorted(errors, key=lambda e: (e.line, e.column)))
        super().__init__("\n".join(str(error) for error in self.errors))
