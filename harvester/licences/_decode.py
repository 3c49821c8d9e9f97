"""A licence file's bytes as text: bounded, byte-order marks honoured, never an exception."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

__all__ = ["MAX_TEXT_BYTES", "Decoded", "decode"]

MAX_TEXT_BYTES = 256 * 1024
"""Longer texts are cut to this many bytes (the longest licence texts are about 60 KiB)."""

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@dataclass(frozen=True, slots=True)
class Decoded:
    """The text, and whether the bytes were cut at :data:`MAX_TEXT_BYTES`."""

    text: str
    cut: bool


def decode(data: bytes | str) -> Decoded:
    """Bytes to text: a byte-order mark chooses UTF-8/16/32, else UTF-8; bytes that do not
    decode become U+FFFD, NUL characters are dropped. A str is only cut."""
    if isinstance(data, str):
        cut = len(data) > MAX_TEXT_BYTES
        return Decoded(data[:MAX_TEXT_BYTES].replace("\0", ""), cut)
    cut = len(data) > MAX_TEXT_BYTES
    data = data[:MAX_TEXT_BYTES]
    encoding = "utf-8"
    for bom, name in _BOMS:
        if data.startswith(bom):
            data, encoding = data[len(bom) :], name
            break
    return Decoded(data.decode(encoding, errors="replace").replace("\0", ""), cut)
