"""From a licence file's text to the normalised text the templates are matched against.

Two steps. :func:`prepared_lines` undoes what a file format adds around a licence text:
lines so long that spdx-matcher's normaliser would drop them silently (it ignores lines of
3 KiB or more; we cut them into pieces, so added text cannot hide in one long line), then
Markdown headings, emphasis, links, HTML entities, list markers, rules and fences, and
comment markers. :func:`normalise`
then applies spdx-matcher's normaliser (the SPDX matching guidelines: case, quotes, dashes,
bullets, spelling variants, white space) and equivalences it lacks: doubled quotes
(````AS IS''`` in BSD texts), a missing space after a colon (the EUPL's definitions),
the Apache appendix's ``brackets "{}"`` of older copies (the SPDX text has ``"[]"``), and a
URL with or without angle brackets (``<https://fsf.org/>``; the templates accept both).
"""

from __future__ import annotations

import re

import spdx_matcher  # type: ignore[import-untyped]

__all__ = ["normalise", "prepared_lines"]

MAX_LINE = 1000
"""Longer lines are cut at a space into pieces of at most this many characters."""

_MULTILINE = re.MULTILINE
_ENTITIES = {"&lt;": "<", "&gt;": ">", "&amp;": "&", "&quot;": '"', "&#39;": "'", "&nbsp;": " "}


def _entity(found: re.Match[str]) -> str:
    return _ENTITIES[found.group()]


_MARKUP = (
    (re.compile(r"^[ \t]*(?:([-=*_~`])[ \t]*)\1{2,}[-=*_~` \t]*$", _MULTILINE), ""),  # rules
    (re.compile(r"^[ \t]*(?:```|~~~).*$", _MULTILINE), ""),  # code fences
    (re.compile(r"^[ \t]{0,3}#{1,6}(?=[ \t]|$)|[ \t]#+[ \t]*$", _MULTILINE), ""),  # headings
    (re.compile(r"^[ \t]*(?:>[ \t]?)+", _MULTILINE), ""),  # block quotes
    (re.compile(r"^[ \t]*(?://+|/\*+|\*+/|;+)|[ \t]*\*+/[ \t]*$", _MULTILINE), ""),  # comments
    (re.compile(r"^[ \t]*[-+*](?=[ \t])", _MULTILINE), ""),  # list markers
    (re.compile(r"!?\[([^\]\n]{0,200})\]\([^)\s]{0,500}\)"), r"\1"),  # links and images: their text
    (re.compile(r"\*\*|__|(?<![\w*])[*_](?=\S)|(?<=\S)[*_](?![\w*])"), ""),  # emphasis
    (re.compile(r"&(?:lt|gt|amp|quot|#39|nbsp);"), _entity),  # HTML entities
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!])"), r"\1"),  # Markdown escapes
)
_BRACKETED_URL = re.compile(r"<+(?=normalized/url)")
_DOUBLED_QUOTES = re.compile(r"''+")
_COLON_WITHOUT_SPACE = re.compile(r"(?<=[a-z')]):(?=[a-z'])")


def _unmarked(text: str) -> str:
    """The text without Markdown and comment markup; rules and code fences become empty."""
    for pattern, replacement in _MARKUP:
        text = pattern.sub(replacement, text)
    return text


def _pieces(line: str) -> list[str]:
    """A line cut at spaces into pieces of at most :data:`MAX_LINE` characters."""
    pieces: list[str] = []
    while len(line) > MAX_LINE:
        cut = line.rfind(" ", 0, MAX_LINE)
        cut = cut if cut > 0 else MAX_LINE
        pieces.append(line[:cut])
        line = line[cut:]
    pieces.append(line)
    return pieces


def prepared_lines(text: str) -> list[str]:
    """The text's lines (any line break) cut into short pieces, without markup."""
    lines: list[str] = []
    for line in text.splitlines():
        lines.extend(_pieces(line) if len(line) > MAX_LINE else (line,))
    return _unmarked("\n".join(lines)).split("\n")


def normalise(text: str) -> str:
    """spdx-matcher's normal form of ``text`` (nothing removed), with our equivalences."""
    normal = spdx_matcher.normalize(text, remove_sections=spdx_matcher.REMOVE_NONE)
    normal = _DOUBLED_QUOTES.sub("'", normal).replace("'{}'", "'[]'")
    normal = _BRACKETED_URL.sub("", normal)
    return _COLON_WITHOUT_SPACE.sub(": ", normal)
