"""Characters that change how text reads without being seen, made visible.

Submitted text and the findings that quote it may hold bidirectional controls (a right-to-left
override turns ``gnp.ogol`` into ``logo.png`` on screen), zero-width characters, a byte order
mark or control characters. Escaping keeps them from becoming markup, but not from misleading
the reader. :func:`reveal` cuts a text into pieces: plain text, and each such character as a
piece labelled with its code point (``U+202E``), which the page shows instead of the character.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import regex

__all__ = ["Piece", "reveal"]

# C0 and C1 controls (a tab stays: it is visible as a gap and YAML names it in its findings),
# format characters (Cf: bidi controls, zero-width, BOM, soft hyphen, tags) and the Unicode
# line and paragraph separators.
_HIDDEN = regex.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\p{Cf}]")


@dataclass(frozen=True, slots=True)
class Piece:
    """Part of a text: ``text`` as it stands, or one hidden character with its ``label``."""

    text: str
    label: str | None = None

    @property
    def name(self) -> str:
        """The Unicode name of a hidden character (``""`` for plain text)."""
        if self.label is None:
            return ""
        return unicodedata.name(self.text, self.label)


def reveal(text: str) -> tuple[Piece, ...]:
    """``text`` cut into plain pieces and labelled hidden characters, in order."""
    pieces: list[Piece] = []
    start = 0
    for match in _HIDDEN.finditer(text):
        if match.start() > start:
            pieces.append(Piece(text[start : match.start()]))
        character = match.group()
        pieces.append(Piece(character, f"U+{ord(character):04X}"))
        start = match.end()
    if start < len(text) or not pieces:
        pieces.append(Piece(text[start:]))
    return tuple(pieces)
