"""The errors of :mod:`harvester.publiccode`.

::

    PubliccodeError
     ├── InvalidDocument (ValueError)           the bytes are not one YAML document (stages 0-2)
     ├── InvalidGoURL (ValueError)              Go's url.Parse refuses the text (in ``_gourl``)
     ├── InvalidLicenceExpression (ValueError)  not an SPDX licence expression
     ├── InvalidProfile (ValueError)            a profile file whose rules we cannot run
     └── UnreachableURL (ValueError)            a URL did not answer a network check

:func:`harvester.publiccode.validate` raises none of them for a bad file: it turns every
problem of the file into a finding. They reach callers of the lower-level functions.
"""

from __future__ import annotations

__all__ = [
    "InvalidDocument",
    "InvalidLicenceExpression",
    "InvalidProfile",
    "PubliccodeError",
    "UnreachableURL",
]


class PubliccodeError(Exception):
    """Base of this package's errors."""


class InvalidDocument(PubliccodeError, ValueError):
    """The file cannot be read as one YAML document; carries the one finding to report."""

    def __init__(self, key: str, description: str, line: int = 0, column: int = 0) -> None:
        super().__init__(description)
        self.key = key
        self.description = description
        self.line = line
        self.column = column


class InvalidLicenceExpression(PubliccodeError, ValueError):
    """A ``legal.license`` value that is not a valid SPDX licence expression."""

    def __init__(self, expression: str, reason: str) -> None:
        super().__init__(f"invalid SPDX licence expression {expression!r}: {reason}")
        self.expression = expression
        self.reason = reason


class InvalidProfile(PubliccodeError, ValueError):
    """A profile file that does not describe rules we can run."""


class UnreachableURL(PubliccodeError, ValueError):
    """A URL did not answer a GET with a 2xx status; ``str()`` is the reason alone."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(reason)
        self.url = url
        self.reason = reason
