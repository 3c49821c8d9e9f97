"""The root README: its language, its length, its installation section, its title and summary.

::

    readme = read_readme("README.md", blob)
    readme.language, readme.words, readme.install_heading, readme.install_line

What counts:

- **words**: words outside code blocks, starting with a letter, after images, badges, HTML
  tags, link targets and URLs are removed (headings and list items count).
- **language**: ISO 639-1 by py3langid among cs, da, de, en, es, fr, it, nl, pl, pt, sv; ``None``
  below 20 words, for other languages, or when the best language is not clearly ahead.
- **installation heading**: the first heading (Markdown ``#`` or underlined, reStructuredText
  underlines, AsciiDoc ``=``, HTML ``<h1>``-``<h6>``) that names installation, setup, getting
  started, quick start, deployment, Inbetriebnahme, Einrichtung, Erste Schritte ...; failing
  that, the first that names usage or running (Verwendung, Nutzung, Ausführen ...). Its
  1-based line is the line of the heading's text.
- **title**: the first heading with words in it; **description**: the first paragraph (not a
  list, table or heading) of at least three words, at most 500 characters.

The blob is cut at 512 KiB and decoded as UTF-8 with replacement; NUL bytes are dropped.
"""

from __future__ import annotations

import re

from ..records import Readme
from ._language import language_of
from ._markup import BlockKind, Document, Heading, count_words, decode, parse, syntax_of

__all__ = ["MAX_DESCRIPTION", "read_readme"]

MAX_DESCRIPTION = 500
"""Characters of the first paragraph kept as a description (cut at a word, ``…`` added)."""

_MIN_DESCRIPTION_WORDS = 3

_INSTALL = re.compile(
    r"\b(?:install\w*|setup|set[- ]up|getting[- ]started|get[- ]started|quick[- ]?start\w*"
    r"|deploy\w*|inbetriebnahme|einrichtung|einrichten|erste[- ]schritte|schnellstart"
    r"|installier\w*|bereitstellung|how[- ]to[- ]run|build(?:ing)? and run\w*)\b",
    re.IGNORECASE,
)
_USAGE = re.compile(
    r"\b(?:usage|running|run|verwendung|nutzung|benutzung|ausführ\w*|starten|betrieb"
    r"|building|local development|lokale entwicklung)\b",
    re.IGNORECASE,
)


def read_readme(path: str, text: bytes) -> Readme:
    """What the README at ``path`` (its blob is ``text``) says, as :class:`Readme`."""
    document = parse(decode(text), syntax_of(path))
    words = count_words(document.prose)
    install = _install_heading(document.headings)
    return Readme(
        path=path,
        language=language_of(document.prose, words),
        words=words,
        install_heading=None if install is None else install.text,
        install_line=None if install is None else install.line,
        title=next((heading.text for heading in document.headings if heading.text), None),
        description=_description(document),
    )


def _install_heading(headings: tuple[Heading, ...]) -> Heading | None:
    for pattern in (_INSTALL, _USAGE):
        found = next((heading for heading in headings if pattern.search(heading.text)), None)
        if found is not None:
            return found
    return None


def _description(document: Document) -> str | None:
    for block in document.blocks:
        if block.kind not in (BlockKind.PARAGRAPH, BlockKind.QUOTE):
            continue
        if count_words(block.text) >= _MIN_DESCRIPTION_WORDS:
            return _shortened(block.text)
    return None


def _shortened(text: str) -> str:
    if len(text) <= MAX_DESCRIPTION:
        return text
    cut = text[: MAX_DESCRIPTION - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > MAX_DESCRIPTION // 2 else cut).rstrip(" ,;:") + "…"
