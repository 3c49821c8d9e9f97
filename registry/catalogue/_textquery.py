"""The search box's text as a query: words and phrases of stems, and the indexed streams.

Query syntax (the only one; nothing the user types is passed on as FTS5 or tsquery syntax):

- words must all match (AND); each word matches its German or its English stem;
- ``"quoted words"`` must match as a phrase (in one field, one after another), by their
  German stems only: the index holds every text's German stems whatever its language, so a
  phrase is found wherever its words stand in a row; the English stems, which only add
  English inflections, would double a phrase's cost (the dearest query there is);
- the last word also matches as a prefix ("Parkpl" finds "Parkplatz"), when it has at least
  :data:`MIN_PREFIX` letters;
- everything else (``*``, ``-``, ``(``, ``AND``, quotes without partner) is a separator or an
  ordinary word.

The index holds, for each text, its German stems, a separator, then its English stems when
they differ, and a separator: a phrase matches within one language's stream, never across.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ._stemming import Stems, stems, words

__all__ = [
    "FIELDS",
    "MAX_POSITIONS",
    "MAX_TERMS",
    "MIN_PREFIX",
    "SEPARATOR",
    "SHORT",
    "SHORT_FIELDS",
    "Phrase",
    "Streams",
    "TextQuery",
    "Word",
    "document_terms",
    "parse",
]

FIELDS = ("name", "publisher", "features", "descriptions")
"""The indexed fields, the most important first (search ranks a match in the name highest)."""
SHORT_FIELDS = FIELDS[:3]
"""The fields a match ranks by (the descriptions rank last); indexed once more on their own."""
SHORT = "short"
"""Not a field: any of :data:`SHORT_FIELDS` (one query tells whether ranking by field can
change the order at all)."""
MIN_PREFIX = 2
MAX_TERMS = 16  # words and phrases a query keeps
MAX_POSITIONS = 16_000  # index terms kept per entry (PostgreSQL counts positions to 16383)
SEPARATOR = "\u00a7"
"""Ends a stream: a token no query produces (``words`` never yields "§"), so no phrase
matches across two texts or two languages."""

Streams = Sequence[Sequence[str]]
"""An entry's index streams, one per field of :data:`FIELDS`."""

_PHRASE = re.compile(r'"([^"]*)"')


@dataclass(frozen=True, slots=True)
class Word:
    stems: Stems
    prefix: bool = False


@dataclass(frozen=True, slots=True)
class Phrase:
    words: tuple[Stems, ...]  # two or more


@dataclass(frozen=True, slots=True)
class TextQuery:
    terms: tuple[Word | Phrase, ...]  # all must match; never empty


def parse(text: str) -> TextQuery | None:
    """The query in ``text``; ``None`` when it has no word at all."""
    terms: list[Word | Phrase] = []
    for quoted, part in _parts(text):
        found = words(part)
        if quoted and len(found) > 1:
            terms.append(Phrase(tuple(stems(word) for word in found)))
        else:
            terms.extend(Word(stems(word)) for word in found)
    terms = list(dict.fromkeys(terms))[:MAX_TERMS]
    if not terms:
        return None
    last = terms[-1]
    if isinstance(last, Word) and _ends_with_word(text) and len(last.stems.german) >= MIN_PREFIX:
        terms[-1] = Word(last.stems, prefix=True)
    return TextQuery(tuple(terms))


def _parts(text: str) -> Iterator[tuple[bool, str]]:
    """(quoted, text) pieces; a quote without a partner starts no phrase."""
    position = 0
    for match in _PHRASE.finditer(text):
        yield False, text[position : match.start()]
        yield True, match.group(1)
        position = match.end()
    yield False, text[position:].replace('"', " ")


def _ends_with_word(text: str) -> bool:
    stripped = text.rstrip()
    return bool(stripped) and stripped[-1].isalnum()


def document_terms(texts: Sequence[str]) -> list[list[str]]:
    """The index streams of an entry's texts (one per field of :data:`FIELDS`), together at
    most :data:`MAX_POSITIONS` terms long."""
    streams, room = [], MAX_POSITIONS
    for text in texts:
        stream = _stream(text)[:room]
        room -= len(stream)
        streams.append(stream)
    return streams


def _stream(lines: str) -> list[str]:
    """The index stream of a field's text (one text a line): stems and separators."""
    terms: list[str] = []
    for line in lines.splitlines():
        found = words(line)
        if not found:
            continue
        german = [stems(word).german for word in found]
        english = [stems(word).english for word in found]
        terms += [*german, SEPARATOR]
        if english != german:
            terms += [*english, SEPARATOR]
    return terms
