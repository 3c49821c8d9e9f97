"""The errors of :mod:`harvester.maturity`.

::

    MaturityError
     └── InvalidModel (ValueError)   a maturity model file we cannot rate with

Rating never raises for a repository: a check that fails to run becomes "unknown".
"""

from __future__ import annotations

__all__ = ["InvalidModel", "MaturityError"]


class MaturityError(Exception):
    """Base of this package's errors."""


class InvalidModel(MaturityError, ValueError):
    """A maturity model that is malformed or names checks that are not implemented.

    ``where`` is the place in the model file (``checks[3].params``), empty for the whole file.
    """

    def __init__(self, message: str, where: str = "") -> None:
        super().__init__(f"{where}: {message}" if where else message)
        self.where = where
        self.message = message
