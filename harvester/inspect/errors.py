"""The errors of :mod:`harvester.inspect`.

::

    InspectError
     └── InvalidHistory (ValueError)   no commits to measure, or an ``as_of`` without time zone

Nothing a repository contains raises them: odd trees, texts and dates become facts. They
signal a caller's mistake.
"""

from __future__ import annotations

__all__ = ["InspectError", "InvalidHistory"]


class InspectError(Exception):
    """Base of this package's errors."""


class InvalidHistory(InspectError, ValueError):
    """The history cannot be measured from what was given (``str()`` says why)."""
