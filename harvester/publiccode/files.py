"""File references in publiccode.yml, checked without the network.

The rules are those of the reference validator (italia/publiccode-parser-go v5), as
recorded in design/publiccode-standard.md section 2.7. They apply to ``logo``,
``monochromeLogo`` (both :attr:`FileKind.LOGO`), ``description.*.screenshots[i]``
(:attr:`FileKind.SCREENSHOT`) and ``legal.authorsFile`` (:attr:`FileKind.AUTHORS_FILE`):

1. A value starting with ``/`` or ``file:`` is refused (:func:`check_reference_form`).
2. A value that Go's ``url.ParseRequestURI`` accepts with a scheme (``https:``, ``data:``,
   even ``C:``) is not checked at all without the network.
3. Anything else is joined onto the base directory POSIX-style and cleaned like Go's
   ``path.Join`` (``./``, ``../``, ``//``; ``?`` and ``#`` are ordinary characters).
4. The extension (Go's ``filepath.Ext``, lowercased) must suit the kind.
5. The path must exist (a directory counts).
6. A logo ending in ``.png`` must pass Go's ``image.DecodeConfig``: signature, ``IHDR``, and
   for a paletted image its ``PLTE`` chunk, with checksums.

The functions return the reason, or ``None`` when the reference finds nothing. ``<path>`` is
the cleaned absolute path. The texts are exact:

* ``is an absolute path. Only relative paths or HTTP(s) URLs allowed`` and
  ``is a file:// URL. Only relative paths or HTTP(s) URLs allowed``; they run even with
  external checks disabled. As every reason, they are the text after the caller's own
  prefix (a screenshot's ``'<value>' is not an image: ``), and the whole message of a logo.
* ``invalid file extension for: <path>``, ``no such file: <path>``.
* PNG header (Go's ``image`` and ``image/png`` errors): ``image: unknown format``,
  ``unexpected EOF``, ``png: invalid format: chunk out of order``, ``png: invalid format:
  invalid checksum``, ``png: invalid format: non-positive dimension``, ``png: invalid
  format: bad IHDR length``, ``png: invalid format: invalid interlace method``, ``png:
  invalid format: bad PLTE length``, ``png: invalid format: Bad chunk length: <n>``, ``png:
  unsupported feature: bit depth <d>, color type <c>``, ``png: unsupported feature:
  compression method``, ``png: unsupported feature: filter method``, ``png: unsupported
  feature: dimension overflow``; ``open <path>: <errno text>`` and ``read <path>: <errno
  text>`` when the operating system refuses.

Untrusted files are read carefully: only regular files are opened (a directory, FIFO or
device named ``*.png`` gives ``image: unknown format``, as reading a directory does in Go),
they are opened non-blocking, at most :data:`_READ_BUDGET` bytes are read and at most
:data:`_MAX_CHUNKS` chunks are followed.

Where the files come from is a :class:`FileSource`: :class:`Directory` reads a folder; the
harvester passes its own source that reads a commit's tree from git's object store, so no
working tree (and no symbolic link in it) is ever involved.

Where the verdict rests on a reading of Go's source rather than on a test against it:

* Like Go's ``parseChunk``, an unknown chunk (``tEXt``, ``gAMA``, ``iCCP``) before ``IHDR``
  or ``PLTE`` is skipped once its checksum is verified. ``chunk out of order`` is a second
  ``IHDR``, a ``PLTE`` before ``IHDR``, or a ``tRNS``, ``IDAT`` or ``IEND`` before the
  header (and palette) are complete.
* Only the PNG decoder is registered with Go's ``image`` package, so a JPEG or GIF in a
  ``.png`` file is ``image: unknown format``.
* Our own bounds: a chunk too large for the remaining budget is skipped by seeking, its
  checksum unverified, and past the chunk limit the file is accepted.
"""

from __future__ import annotations

import enum
import os
import pathlib
import stat
import struct
import zlib
from dataclasses import dataclass
from typing import Protocol

from . import _gourl

__all__ = [
    "Directory",
    "FileKind",
    "FileSource",
    "FileStat",
    "check_file_reference",
    "check_reference_form",
]

_ABSOLUTE_PATH = "is an absolute path. Only relative paths or HTTP(s) URLs allowed"
_FILE_URL = "is a file:// URL. Only relative paths or HTTP(s) URLs allowed"


class FileKind(enum.Enum):
    """What a file reference names; it decides the allowed extensions and the image check."""

    LOGO = "logo"
    SCREENSHOT = "screenshot"
    AUTHORS_FILE = "authorsFile"


_EXTENSIONS: dict[FileKind, frozenset[str] | None] = {
    FileKind.LOGO: frozenset({".svg", ".svgz", ".png"}),
    FileKind.SCREENSHOT: frozenset({".jpg", ".png"}),
    FileKind.AUTHORS_FILE: None,
}


def check_reference_form(value: str) -> str | None:
    """Refuse absolute paths and ``file:`` URLs (section 2.7 step 1).

    This is the only file check the reference keeps with external checks disabled.
    """
    if value.startswith("/"):
        return _ABSOLUTE_PATH
    if value.startswith("file:"):
        return _FILE_URL
    return None


@dataclass(frozen=True, slots=True)
class FileStat:
    """What a file source says about one path: a regular file (with its size) or not."""

    regular: bool
    size: int


class FileSource(Protocol):
    """Where relative file references are looked up. Paths are absolute and cleaned."""

    @property
    def root(self) -> str:
        """The absolute POSIX folder that references are joined onto (shown in messages)."""
        ...

    def stat(self, path: str) -> FileStat | None:
        """The file at ``path`` (a directory is not regular), or None when there is none."""
        ...

    def read(self, path: str, offset: int, count: int) -> bytes:
        """Up to ``count`` bytes from ``offset`` (fewer at the end); OSError when refused."""
        ...


class _OpenFailed(OSError):
    """The operating system refused to open a file (Go reports ``open <path>: ...``)."""


@dataclass(frozen=True, slots=True)
class Directory:
    """A folder of the local filesystem as a :class:`FileSource`."""

    base_dir: pathlib.Path

    @property
    def root(self) -> str:
        return str(self.base_dir)

    def stat(self, path: str) -> FileStat | None:
        try:
            status = os.stat(path)
        except (OSError, ValueError):
            return None
        return FileStat(stat.S_ISREG(status.st_mode), status.st_size)

    def read(self, path: str, offset: int, count: int) -> bytes:
        """Open non-blocking; anything that is not a regular file by now reads as empty."""
        flags = os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC
        try:
            descriptor = os.open(path, flags)
        except OSError as error:
            raise _OpenFailed(error.errno, error.strerror) from error
        try:
            if not stat.S_ISREG(os.fstat(descriptor).st_mode):
                return b""
            return os.pread(descriptor, count, offset)
        finally:
            os.close(descriptor)


def check_file_reference(value: str, kind: FileKind, base: pathlib.Path | FileSource) -> str | None:
    """Check one file reference without the network (section 2.7); return the reason or None.

    ``base`` is a folder (it must be absolute; it need not exist) or any :class:`FileSource`.
    """
    if isinstance(base, pathlib.Path):
        if not base.is_absolute():
            raise ValueError(f"base_dir must be absolute, not {str(base)!r}")
        base = Directory(base)
    reason = check_reference_form(value)
    if reason is not None or _is_absolute_uri(value):
        return reason
    path = _join_clean(base.root, value)
    allowed = _EXTENSIONS[kind]
    if allowed is not None and _extension(path) not in allowed:
        return f"invalid file extension for: {path}"
    status = base.stat(path)
    if status is None:
        return f"no such file: {path}"
    if kind is FileKind.LOGO and _extension(path) == ".png":
        return _check_png(base, path, status)
    return None


# --- paths, as Go's path.Join, path.Clean and filepath.Ext do them -----------------------


def _join_clean(base: str, value: str) -> str:
    """``path.Join(base, value)`` for an absolute ``base``."""
    parts: list[str] = []
    for part in f"{base}/{value}".split("/"):
        if part == "..":
            if parts:
                parts.pop()
        elif part not in ("", "."):
            parts.append(part)
    return "/" + "/".join(parts)


def _extension(path: str) -> str:
    """``strings.ToLower(filepath.Ext(path))``: from the last dot of the last segment."""
    name = path.rpartition("/")[2]
    dot = name.rfind(".")
    return name[dot:].lower() if dot >= 0 else ""


# --- absolute URIs, as Go's url.ParseRequestURI accepts them ------------------------------


def _is_absolute_uri(value: str) -> bool:
    """Whether Go's ``url.ParseRequestURI(value)`` succeeds with a scheme.

    Values starting with ``/`` never get here. A value Go cannot parse (``https://a b/x``)
    is a relative path, like any other text without a scheme.
    """
    try:
        return _gourl.parse_request_uri(value).scheme != ""
    except _gourl.InvalidGoURL:
        return False


# --- PNG headers, as Go's image.DecodeConfig with image/png reads them --------------------

_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_READ_BUDGET = 16 * 1024
_MAX_CHUNKS = 32
_PALETTED = 3
_VALID_COLOUR_TYPES: dict[int, frozenset[int]] = {
    1: frozenset({0, 3}),
    2: frozenset({0, 3}),
    4: frozenset({0, 3}),
    8: frozenset({0, 2, 3, 4, 6}),
    16: frozenset({0, 2, 4, 6}),
}


class _PNGError(Exception):
    """A finding of Go's decoder; ``str()`` is its message."""


def _format_error(text: str) -> _PNGError:
    return _PNGError(f"png: invalid format: {text}")


def _unsupported(text: str) -> _PNGError:
    return _PNGError(f"png: unsupported feature: {text}")


def _check_png(source: FileSource, path: str, status: FileStat) -> str | None:
    """Decode the header of a regular file; other files are unknown formats."""
    if not status.regular:
        return "image: unknown format"
    try:
        return _decode_config(_Reader(source, path, status.size))
    except _OpenFailed as error:
        return f"open {path}: {_errno_text(error)}"
    except OSError as error:
        return f"read {path}: {_errno_text(error)}"


def _errno_text(error: OSError) -> str:
    """Go's wording of an errno: the C library's, lowercased."""
    return (error.strerror or str(error)).lower()


@dataclass
class _Reader:
    """Bounded reads from a regular file of known size in a file source."""

    source: FileSource
    path: str
    size: int
    position: int = 0
    budget: int = _READ_BUDGET

    def read(self, count: int) -> bytes:
        """Up to ``count`` bytes; fewer only at the end of the file."""
        data = b""
        while len(data) < count:
            piece = self.source.read(self.path, self.position + len(data), count - len(data))
            if not piece:
                break
            data += piece
        self.position += len(data)
        self.budget -= len(data)
        return data

    def read_exact(self, count: int) -> bytes:
        """Exactly ``count`` bytes, or Go's ``unexpected EOF``."""
        data = self.read(count)
        if len(data) < count:
            raise _PNGError("unexpected EOF")
        return data

    def skip(self, count: int) -> None:
        """Seek past ``count`` bytes that are known to exist."""
        if self.position + count > self.size:
            raise _PNGError("unexpected EOF")
        self.position += count


@dataclass
class _Header:
    """What the decoder has seen so far: ``IHDR``'s colour type and bit depth."""

    depth: int = 0
    colour_type: int | None = None
    done: bool = False
    crc: int = 0


def _decode_config(reader: _Reader) -> str | None:
    """``image.DecodeConfig``: sniff the signature, then read chunks until the config is known."""
    if reader.read(len(_SIGNATURE)) != _SIGNATURE:
        return "image: unknown format"
    header = _Header()
    try:
        for _ in range(_MAX_CHUNKS):
            _read_chunk(reader, header)
            if header.done:
                return None
    except _PNGError as error:
        return str(error)
    return None


def _read_chunk(reader: _Reader, header: _Header) -> None:
    """One step of Go's ``parseChunk(configOnly=true)``."""
    length, kind = struct.unpack(">I4s", reader.read_exact(8))
    header.crc = zlib.crc32(kind)
    if kind == b"IHDR" and header.colour_type is None:
        _parse_ihdr(reader, header, length)
    elif kind == b"PLTE" and header.colour_type is not None:
        _parse_plte(reader, header, length)
    elif kind in (b"IHDR", b"PLTE", b"tRNS", b"IDAT", b"IEND"):
        raise _format_error("chunk out of order")
    else:
        _skip_chunk(reader, header, length)


def _parse_ihdr(reader: _Reader, header: _Header, length: int) -> None:
    """Go's ``parseIHDR``: every field is checked before the checksum."""
    if length != 13:
        raise _format_error("bad IHDR length")
    data = reader.read_exact(13)
    header.crc = zlib.crc32(data, header.crc)
    width, height, depth, colour_type, compression, filtering, interlace = struct.unpack(
        ">iiBBBBB", data
    )
    if compression != 0:
        raise _unsupported("compression method")
    if filtering != 0:
        raise _unsupported("filter method")
    if interlace not in (0, 1):
        raise _format_error("invalid interlace method")
    if width <= 0 or height <= 0:
        raise _format_error("non-positive dimension")
    if width * height >= 1 << 60:
        raise _unsupported("dimension overflow")
    if colour_type not in _VALID_COLOUR_TYPES.get(depth, frozenset()):
        raise _unsupported(f"bit depth {depth}, color type {colour_type}")
    _verify_checksum(reader, header)
    header.depth, header.colour_type = depth, colour_type
    header.done = colour_type != _PALETTED


def _parse_plte(reader: _Reader, header: _Header, length: int) -> None:
    """Go's ``parsePLTE`` for a paletted image: 1 to 2**depth entries of three bytes."""
    entries = length // 3
    if length % 3 != 0 or not 0 < entries <= min(256, 1 << header.depth):
        raise _format_error("bad PLTE length")
    header.crc = zlib.crc32(reader.read_exact(3 * entries), header.crc)
    _verify_checksum(reader, header)
    header.done = True


def _skip_chunk(reader: _Reader, header: _Header, length: int) -> None:
    """Skip an unknown chunk, verifying its checksum when it fits in the read budget."""
    if length > 0x7FFFFFFF:
        raise _format_error(f"Bad chunk length: {length}")
    if length + 4 > reader.budget:
        reader.skip(length)
        reader.read_exact(4)
        return
    header.crc = zlib.crc32(reader.read_exact(length), header.crc)
    _verify_checksum(reader, header)


def _verify_checksum(reader: _Reader, header: _Header) -> None:
    """Go's ``verifyChecksum``: the next four bytes are the CRC of type and data."""
    (expected,) = struct.unpack(">I", reader.read_exact(4))
    if expected != header.crc:
        raise _format_error("invalid checksum")
