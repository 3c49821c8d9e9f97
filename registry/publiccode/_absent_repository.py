"""The repository a pasted or uploaded publiccode.yml belongs to, which the page does not have.

``logo``, ``monochromeLogo``, screenshots and ``legal.authorsFile`` may name files relative to
the repository's root. Without the repository, whether they exist (and whether a PNG logo
decodes) cannot be known. This :class:`~harvester.publiccode.FileSource` lets the validator run
every check that needs no file (absolute paths, ``file:`` URLs, the extension) and notes each
path it would have had to look at, so the page can list them as unchecked instead of guessing
"missing": to the validator, every such path holds a well-formed one-pixel PNG header, which
passes the checks for every kind of file reference.
"""

from __future__ import annotations

import struct
import zlib

from harvester.publiccode import FileStat

__all__ = ["AbsentRepository"]


def _png_header() -> bytes:
    """The signature and ``IHDR`` chunk of a 1x1 RGBA PNG: all Go's DecodeConfig reads."""
    header = struct.pack(">IIBBBBB", 1, 1, 8, 6, 0, 0, 0)
    chunk = b"IHDR" + header
    return (
        b"\x89PNG\r\n\x1a\n"
        + struct.pack(">I", len(header))
        + chunk
        + struct.pack(">I", zlib.crc32(chunk))
    )


_STAND_IN = _png_header()


class AbsentRepository:
    """A file source that has every file, and remembers which ones it was asked about."""

    root = "/"

    def __init__(self) -> None:
        self._asked: dict[str, None] = {}

    @property
    def unchecked(self) -> tuple[str, ...]:
        """The paths asked about, relative to the repository's root, in the order asked."""
        return tuple(path.removeprefix("/") for path in self._asked)

    def stat(self, path: str) -> FileStat:
        self._asked.setdefault(path)
        return FileStat(regular=True, size=len(_STAND_IN))

    def read(self, path: str, offset: int, count: int) -> bytes:
        return _STAND_IN[offset : offset + count]
