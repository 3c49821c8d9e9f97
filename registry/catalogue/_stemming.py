"""Words and their Snowball stems, German and English: what the full-text index holds.

Text is normalised (NFKC), lower-cased and split into words: runs of letters and digits, so
"Parkplätze," gives ``parkplätze`` and "v2.1" gives ``v2`` and ``1``. Each word has a German
stem (``parkplatz``; the German stemmer also drops umlauts and turns ß into ss) and an English
stem (``parkplätz``). The index keeps both streams, and a query word matches either, so
"Parkplätze" finds "Parkplatz" and "parking" finds "Parking sensors".

Stems are made of letters and digits only: they never carry any query syntax of FTS5 or
PostgreSQL's tsquery, whatever the text was.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Any, NamedTuple

import snowballstemmer  # type: ignore[import-untyped]

__all__ = ["MAX_WORD_LENGTH", "Stems", "stems", "words"]

MAX_WORD_LENGTH = 60
"""Longer runs of letters (a hash, a data URL) are no words anyone searches for."""

_WORD = re.compile(r"[^\W_]+")
_GERMAN = snowballstemmer.stemmer("german")
_ENGLISH = snowballstemmer.stemmer("english")


def words(text: str) -> list[str]:
    """The lower-cased words of ``text``, in order."""
    normal = unicodedata.normalize("NFKC", text).lower()
    return [word for word in _WORD.findall(normal) if len(word) <= MAX_WORD_LENGTH]


class Stems(NamedTuple):
    """A word's German and English stem (often the same)."""

    german: str
    english: str


@functools.lru_cache(maxsize=65536)
def stems(word: str) -> Stems:
    """The German and English stem of a lower-cased word."""
    return Stems(_stem(_GERMAN, word), _stem(_ENGLISH, word))


def _stem(stemmer: Any, word: str) -> str:
    stem: str = stemmer.stemWord(word)
    return stem if _WORD.fullmatch(stem) else word
